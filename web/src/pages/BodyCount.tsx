import type { BodySummary } from "../api/types";
import { useStructureText } from "../structure/text";

/** "22 sundhedsklynger i 5 regioner" or "17 sundhedsråd i 4 regioner", by the kinds on the date. */
export function BodyCount({
  bodies,
  regionCount,
}: {
  bodies: readonly BodySummary[];
  regionCount: number;
}) {
  const { t } = useStructureText();
  const clusters = bodies.filter((b) => b.kind === "sundhedsklynge").length;
  const councils = bodies.filter((b) => b.kind === "sundhedsraad").length;
  if (clusters + councils === 0) return <p className="body-count">{t("home.noBodies")}</p>;
  const counts = [
    clusters > 0 ? t("home.countClusters", { count: clusters }) : null,
    councils > 0 ? t("home.countCouncils", { count: councils }) : null,
  ].filter((c) => c !== null);
  return (
    <p className="body-count">
      <strong>{counts.join(" + ")}</strong> {t("home.inRegions", { count: regionCount })}
    </p>
  );
}
