import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../app/ScrollableTable";
import { type RecentDecision, withRecent } from "./recent-decisions";
import type { DeclineReason, WorklistItem } from "./types";
import { useNarrowScreen } from "./useNarrowScreen";
import { WorklistRow } from "./WorklistRow";

/**
 * The handovers of one page (or of a search), each confirmed or declined in
 * one click: a table on a wide screen; under 600 px a list of cards, each
 * with its actions in view, so nothing needs scrolling sideways.
 */
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
  focusedId,
  label,
  keepGone = true,
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
  /** The handover a notification led to, marked out. */
  focusedId?: string | null;
  /** What the list is called (default: the worklist's title). */
  label?: string;
  /** Whether decided rows the list no longer holds are kept above it (see withRecent). */
  keepGone?: boolean;
}) {
  const { t } = useTranslation();
  const narrow = useNarrowScreen();
  const rows = withRecent(items, recent, now, keepGone);
  if (rows.length === 0) return <p className="worklist-empty">{t("worklist.empty")}</p>;
  const row = ({ item, undo, kept }: (typeof rows)[number], layout: "row" | "card") => (
    <WorklistRow
      key={item.id}
      layout={layout}
      item={item}
      canDecide={receives}
      canWriteNote={canWriteNote}
      canSendOn={canSendOn}
      busy={busy}
      onConfirm={() => onConfirm(item)}
      onDecline={(reason, note) => onDecline(item, reason, note)}
      undo={undo}
      kept={kept}
      focused={item.id === focusedId}
      now={now}
      onUndo={() => undo && onUndo(undo)}
      onSentOn={onSentOn}
    />
  );
  if (narrow)
    return (
      <ul className="nobullet-list worklist-cards" aria-label={label ?? t("worklist.title")}>
        {rows.map((r) => row(r, "card"))}
      </ul>
    );
  return (
    <ScrollableTable label={label ?? t("worklist.title")}>
      <table className="table table--zebra worklist-table">
        <caption className="sr-only">{label ?? t("worklist.title")}</caption>
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
        <tbody>{rows.map((r) => row(r, "row"))}</tbody>
      </table>
    </ScrollableTable>
  );
}
