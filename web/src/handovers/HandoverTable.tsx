import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../app/ScrollableTable";
import { type RecentDecision, withRecent } from "./recent-decisions";
import type { DeclineReason, WorklistItem } from "./types";
import { WorklistRow } from "./WorklistRow";

/** The handovers of one page (or of a search), each confirmed or declined in one click. */
export function HandoverTable({
  items,
  receives,
  canWriteNote,
  canSendOn,
  busy,
  onConfirm,
  onDecline,
  recent,
  now,
  onUndo,
  onSentOn,
}: {
  items: WorklistItem[];
  receives: boolean;
  canWriteNote: boolean;
  /** The discharging hospital and the body's coordinators send declined handovers on. */
  canSendOn: boolean;
  busy: boolean;
  onConfirm: (item: WorklistItem) => void;
  onDecline: (item: WorklistItem, reason: DeclineReason, note: string) => void;
  /** This page's decisions that may still be undone: their rows stay, with "Fortryd". */
  recent: Map<string, RecentDecision>;
  now: number;
  onUndo: (decision: RecentDecision) => void;
  onSentOn: (receiverName: string) => void;
}) {
  const { t } = useTranslation();
  const rows = withRecent(items, recent, now);
  if (rows.length === 0) return <p className="worklist-empty">{t("worklist.empty")}</p>;
  return (
    <ScrollableTable label={t("worklist.title")}>
      <table className="table table--zebra worklist-table">
        <caption className="sr-only">{t("worklist.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("worklist.citizen")}</th>
            <th scope="col">{t("worklist.receiver")}</th>
            <th scope="col">{t("worklist.discharged")}</th>
            <th scope="col">{t("worklist.deadline")}</th>
            <th scope="col">{t("worklist.status")}</th>
            {receives && <th scope="col">{t("worklist.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ item, undo, kept }) => (
            <WorklistRow
              key={item.id}
              item={item}
              canDecide={receives}
              canWriteNote={canWriteNote}
              canSendOn={canSendOn}
              busy={busy}
              onConfirm={() => onConfirm(item)}
              onDecline={(reason, note) => onDecline(item, reason, note)}
              undo={undo}
              kept={kept}
              now={now}
              onUndo={() => undo && onUndo(undo)}
              onSentOn={onSentOn}
            />
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
