import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useBodies } from "../api/queries";
import type { Bodies } from "./types";

/** The residence, GP and hospital bodies, with a warning when they are not the same. */
export function BodiesPanel({ bodies }: { bodies: Bodies }) {
  const { t } = useTranslation();
  const all = useBodies();
  const nameOf = (id: string) => all.data?.find((c) => c.id === id)?.name ?? id;
  const link = (id: string | null) =>
    id ? <Link to={`/klynger/${id}`}>{nameOf(id)}</Link> : t("pathway.unknownBody");
  const rows = [
    { key: "residence", value: link(bodies.residence) },
    { key: "generalPractice", value: link(bodies.generalPractice) },
    {
      key: "hospital",
      value:
        bodies.hospital.length === 0
          ? "–"
          : bodies.hospital.map((id, i) => (
              <span key={id}>
                {i > 0 && ", "}
                {link(id)}
              </span>
            )),
    },
  ] as const;
  return (
    <section className="pathway-panel" aria-labelledby="bodies-heading">
      <h2 id="bodies-heading">{t("pathway.bodiesHeading")}</h2>
      <dl className="body-triple">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{t(`pathway.bodies.${row.key}`)}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {bodies.differ && (
        <div className="alert alert-warning bodies-differ">
          <div className="alert-body">
            <p className="alert-text">{t("pathway.bodiesDiffer")}</p>
          </div>
        </div>
      )}
    </section>
  );
}
