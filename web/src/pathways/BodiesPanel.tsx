import { useTranslation } from "react-i18next";
import { formatDate } from "../format";
import { BodyName } from "./BodyName";
import type { Bodies } from "./types";
import { type Viewer, viewerText } from "./viewer";

/**
 * Today's residence, GP and hospital bodies (clusters until 2026, councils from
 * 2027), with a warning when they are not the same. Each stay shows its own
 * date's bodies in the stays table.
 */
export function BodiesPanel({ bodies, viewer }: { bodies: Bodies; viewer: Viewer }) {
  const { t } = useTranslation();
  const today = bodies.date;
  const rows = [
    { key: "residence", value: <BodyName body={bodies.residence} today={today} /> },
    { key: "generalPractice", value: <BodyName body={bodies.generalPractice} today={today} /> },
    {
      key: "hospital",
      value:
        bodies.hospital.length === 0
          ? "–"
          : bodies.hospital.map((b, i) => (
              <span key={b.id}>
                {i > 0 && ", "}
                <BodyName body={b} today={today} />
              </span>
            )),
    },
  ] as const;
  return (
    <section className="pathway-panel" aria-labelledby="bodies-heading">
      <h2 id="bodies-heading">{t("pathway.bodiesHeading")}</h2>
      <p className="form-hint">{t("pathway.bodiesAsOf", { date: formatDate(today) })}</p>
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
            <p className="alert-text">
              {viewerText(t, viewer, "bodiesDiffer", "pathway.bodiesDiffer")}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
