import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../format";
import { wordsText } from "../i18n/words";
import { eventLabel, messageTypeLabel } from "./labels";
import type { TimelineEvent } from "./types";

/** Events across sectors, newest first. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <p>{t("pathway.noEvents")}</p>;
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="pathway-timeline">
      {newestFirst.map((e) => (
        <li key={`${e.stayId}-${e.kind}-${e.at}`} className={`timeline-event sector-${e.sector}`}>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <div className="timeline-body">
            <strong>{eventLabel(t, e.kind)}</strong>
            {e.corrected && (
              <span className="badge badge-small corrected-badge">{t("pathway.corrected")}</span>
            )}
            <span className="d-block">
              {t(`pathway.sectors.${e.sector}`)}: {e.organisation}
            </span>
            <span className="d-block form-hint">
              {e.messageType === "staff-discharge"
                ? t("pathway.recordedByStaff")
                : messageOf(t, e.messageType)}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** "Sygehusets besked: Indlæggelse (STIN)"; never a bare code. */
function messageOf(t: TFunction, type: string): string {
  const said = messageTypeLabel(t, type);
  return said ? t("pathway.message", { type: said }) : wordsText(t)("words.messageTypes.unknown");
}
