import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../format";
import type { BodyRef } from "./types";

/**
 * A body as an event names it: its name, and its kind (sundhedsklynge or
 * sundhedsråd), since a course of care that crosses 1 January 2027 names both.
 * A body that has ended by `today` is not linked: its page is of its own time.
 */
export function BodyName({ body, today }: { body: BodyRef | null; today: string }) {
  const { t } = useTranslation();
  if (!body) return <>{t("pathway.unknownBody")}</>;
  const current = body.validTo === null || today < body.validTo;
  return (
    <span className="body-name">
      {current ? <Link to={`/klynger/${body.id}`}>{body.name}</Link> : body.name}{" "}
      <span className={`badge badge-small body-kind body-kind-${body.kind}`}>
        {t(`pathway.bodyKinds.${body.kind}`)}
      </span>
      {!current && body.validTo && (
        <span className="d-block form-hint">
          {t("pathway.bodyEnded", { date: formatEndDate(body.validTo) })}
        </span>
      )}
    </span>
  );
}

/** The last day a body was valid: the day before its (exclusive) end, "2027-01-01" → 31.12.2026. */
function formatEndDate(validTo: string): string {
  const last = new Date(Date.parse(`${validTo}T00:00:00Z`) - 86_400_000);
  return formatDate(last.toISOString().slice(0, 10));
}
