import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../format";
import { DeclineForm } from "./DeclineForm";
import { NoteEditor } from "./NoteEditor";
import { RerouteForm } from "./RerouteForm";
import type { RecentDecision } from "./recent-decisions";
import { DECLINE_REASONS, type DeclineReason, type WorklistItem } from "./types";
import { UndoButton } from "./UndoButton";

type Props = {
  item: WorklistItem;
  canDecide: boolean;
  /** The discharging ward's clinicians write the note to the receiver. */
  canWriteNote: boolean;
  canSendOn: boolean;
  busy: boolean;
  onConfirm: () => void;
  onDecline: (reason: DeclineReason, note: string) => void;
  /** This page's decision on the row, while its organisation may still undo it. */
  undo: RecentDecision | null;
  /** Decided here and no longer on the list: kept on the page while it may be undone. */
  kept: boolean;
  now: number;
  onUndo: () => void;
  /** Told the new receiver's name when the row is sent on. */
  onSentOn: (receiverName: string) => void;
};

export function WorklistRow({
  item,
  canDecide,
  canWriteNote,
  canSendOn,
  busy,
  onConfirm,
  onDecline,
  undo,
  kept,
  now,
  onUndo,
  onSentOn,
}: Props) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const who = item.citizenName ?? t("worklist.noRelation");
  return (
    <tr
      className={
        [item.overdue ? "worklist-overdue" : null, kept ? "worklist-kept" : null]
          .filter(Boolean)
          .join(" ") || undefined
      }
    >
      <td>
        {item.citizenName && item.relationScope === "full" ? (
          <Link to={`/borgere/${item.citizenId}/forloeb`}>{who}</Link>
        ) : (
          who
        )}
        {item.relationScope === "basic" && (
          <span className="d-block form-hint">{t("worklist.nameOnly")}</span>
        )}
        {item.dischargingName && <span className="d-block form-hint">{item.dischargingName}</span>}
        {item.note && (
          <span className="d-block handover-note">
            <strong>{t("worklist.note")}:</strong> {item.note}
          </span>
        )}
        {canWriteNote && item.status === "open" && <NoteEditor item={item} />}
      </td>
      <td>{item.receiverName}</td>
      <td>{formatDateTime(item.dischargedAt)}</td>
      <td>
        {formatDateTime(item.deadlineAt)}
        {item.overdue && (
          <span className="badge badge-small overdue-badge">{t("worklist.overdue")}</span>
        )}
        {item.escalationStep > 0 && item.status === "open" && (
          <span className="d-block form-hint escalation-hint">
            {t("worklist.escalated", { count: item.escalationStep })}
          </span>
        )}
      </td>
      <td>
        <span className={`badge badge-small handover-${item.status}`}>
          {t(`worklist.statuses.${item.status}`)}
        </span>
        {item.statusReason && item.status === "declined" && (
          <span className="d-block form-hint">
            {(DECLINE_REASONS as readonly string[]).includes(item.statusReason)
              ? t(`worklist.reasons.${item.statusReason as DeclineReason}`)
              : item.statusReason}
          </span>
        )}
        {item.declineNote && item.status === "declined" && (
          <span className="d-block handover-decline-note">
            <strong>{t("worklist.declineNoteSaid")}:</strong> {item.declineNote}
          </span>
        )}
        {canSendOn && item.status === "declined" && <RerouteForm item={item} onSent={onSentOn} />}
      </td>
      {canDecide && (
        <td>
          {item.status === "open" && !declining && (
            <div className="worklist-actions">
              <button
                type="button"
                className="button button-primary button-small"
                onClick={onConfirm}
                disabled={busy}
              >
                {t("worklist.confirm")}
                <span className="sr-only"> {who}</span>
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setDeclining(true)}
              >
                {t("worklist.decline")}
                <span className="sr-only"> {who}</span>
              </button>
            </div>
          )}
          {declining && (
            <DeclineForm
              itemId={item.id}
              onCancel={() => setDeclining(false)}
              onDecline={(reason, note) => {
                onDecline(reason, note);
                setDeclining(false);
              }}
            />
          )}
          {undo && (
            <UndoButton
              id={item.id}
              who={who}
              status={item.status}
              msLeft={undo.endsAt - now}
              busy={busy}
              onUndo={onUndo}
            />
          )}
        </td>
      )}
    </tr>
  );
}
