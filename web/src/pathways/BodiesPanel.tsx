import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useBodies } from "../api/queries";
import { bodyPath } from "../structure/paths";
import { useStructureText } from "../structure/text";
import type { Bodies } from "./types";

/**
 * The residence's, GP's and hospital's bodies (cluster or council), with a
 * warning when they are not the same. The names carry the kind ("Klyngen …",
 * "Sundhedsråd …"), so the labels stay neutral.
 */
export function BodiesPanel({ bodies }: { bodies: Bodies }) {
  const { t } = useStructureText();
  const { t: tPathway } = useTranslation();
  const all = useBodies();
  const find = (id: string) => all.data?.find((c) => c.id === id);
  // A body of another day (a cluster after 2026) is not in today's list: its page finds its kind.
  const link = (id: string | null) =>
    id ? (
      <Link to={bodyPath(id, find(id)?.kind)}>{find(id)?.name ?? id}</Link>
    ) : (
      tPathway("pathway.unknownBody")
    );
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
      <h2 id="bodies-heading">{t("bodiesPanel.heading")}</h2>
      <dl className="body-triple">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{t(`bodiesPanel.${row.key}`)}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {bodies.differ && (
        <div className="alert alert-warning bodies-differ">
          <div className="alert-body">
            <p className="alert-text">{t("bodiesPanel.differ")}</p>
          </div>
        </div>
      )}
    </section>
  );
}
