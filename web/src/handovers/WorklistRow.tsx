import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../format";
import { NoteEditor } from "./NoteEditor";
import { RerouteForm } from "./RerouteForm";
import { DECLINE_REASONS, type DeclineReason, type WorklistItem } from "./types";

type Props = {
  item: WorklistItem;
  canDecide: boolean;
  /** The discharging ward's clinicians write the note to the receiver. */
  canWriteNote: boolean;
  canSendOn: boolean;
  busy: boolean;
  onConfirm: () => void;
  onDecline: (reason: DeclineReason, note: string) => void;
};

export function WorklistRow({
  item,
  canDecide,
  canWriteNote,
  canSendOn,
  busy,
  onConfirm,
  onDecline,
}: Props) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<DeclineReason>("not-our-citizen");
  const [note, setNote] = useState("");
  const who = item.citizenName ?? t("worklist.noRelation");
  return (
    <tr className={item.overdue ? "worklist-overdue" : undefined}>
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
        {canSendOn && item.status === "declined" && <RerouteForm item={item} />}
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
            <form
              className="decline-form"
              onSubmit={(e) => {
                e.preventDefault();
                onDecline(reason, note);
                setDeclining(false);
              }}
            >
              <label className="form-label" htmlFor={`reason-${item.id}`}>
                {t("worklist.declineReason")}
              </label>
              <select
                id={`reason-${item.id}`}
                className="form-select"
                value={reason}
                onChange={(e) => setReason(e.target.value as DeclineReason)}
              >
                {DECLINE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`worklist.reasons.${r}`)}
                  </option>
                ))}
              </select>
              <label className="form-label" htmlFor={`note-${item.id}`}>
                {t("worklist.declineNote")}
              </label>
              <input
                id={`note-${item.id}`}
                className="form-input"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <button type="submit" className="button button-primary button-small mt-2">
                {t("worklist.sendDecline")}
              </button>{" "}
              <button
                type="button"
                className="button button-tertiary button-small mt-2"
                onClick={() => setDeclining(false)}
              >
                {t("worklist.cancel")}
              </button>
            </form>
          )}
        </td>
      )}
    </tr>
  );
}
