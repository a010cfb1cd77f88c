import { Link } from "react-router";
import type { BodyDetail, LinkedBody } from "../api/types";
import { formatDate, formatList } from "../format";
import { addDays } from "../structure/dates";
import { bodyPath } from "../structure/paths";
import { useStructureText } from "../structure/text";

/**
 * Where the body's municipalities came from, or go to, when the structure
 * changed, from the documented mapping. Each link shows the other body on its
 * side of the change: a predecessor on its last day, a successor on its first.
 */
export function BodySuccession({ body }: { body: BodyDetail }) {
  const { t } = useStructureText();
  if (body.predecessors.length === 0 && body.successors.length === 0) return null;
  const names = new Map(body.municipalities.map((m) => [m.code, m.name]));
  const municipalityNames = (codes: readonly string[]) =>
    formatList(
      codes.map((code) => names.get(code) ?? code).sort((a, b) => a.localeCompare(b, "da")),
    );
  const list = (linked: readonly LinkedBody[], date: string) => (
    <ul className="succession-list">
      {linked.map((other) => (
        <li key={other.id}>
          <Link to={bodyPath(other.id, other.kind, date)}>{other.name}</Link>:{" "}
          {municipalityNames(other.municipalityCodes)}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="succession-heading">
      <h2 id="succession-heading">{t("body.successionHeading")}</h2>
      {body.predecessors.length > 0 && (
        <>
          <h3 className="h5">{t("body.predecessors", { date: formatDate(body.validFrom) })}</h3>
          {list(body.predecessors, addDays(body.validFrom, -1))}
        </>
      )}
      {body.successors.length > 0 && body.validTo && (
        <>
          <h3 className="h5">{t("body.successors", { date: formatDate(body.validTo) })}</h3>
          {list(body.successors, body.validTo)}
        </>
      )}
    </section>
  );
}
