import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../format";
import { DeclineForm } from "./DeclineForm";
import { NoteEditor } from "./NoteEditor";
import { PartyContact } from "./PartyContact";
import { RerouteForm } from "./RerouteForm";
import type { RecentDecision } from "./recent-decisions";
import { DECLINE_REASONS, type DeclineReason, type WorklistItem } from "./types";
import { UndoButton } from "./UndoButton";

type Props = {
  item: WorklistItem;
  /** A table row (wide screens) or a card (under 600 px), with the same content. */
  layout: "row" | "card";
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
  /** Brought forward from a notification's link. */
  focused?: boolean;
  now: number;
  onUndo: () => void;
  /** Told the new receiver's name when the row is sent on. */
  onSentOn: (receiverName: string) => void;
};

/** One handover: a table row on a wide screen, a card with its actions in view on a phone. */
export function WorklistRow(props: Props) {
  const { t } = useTranslation();
  const { item, layout, kept, focused } = props;
  const [declining, setDeclining] = useState(false);
  const who = item.citizenName ?? t("worklist.noRelation");
  const className =
    [
      layout === "card" ? "worklist-card" : null,
      item.overdue ? "worklist-overdue" : null,
      kept ? "worklist-kept" : null,
      focused ? "worklist-focused" : null,
    ]
      .filter(Boolean)
      .join(" ") || undefined;
  const cells = {
    name: <CitizenName item={item} who={who} />,
    details: <CitizenDetails {...props} />,
    receiver: item.receiverName,
    discharged: formatDateTime(item.dischargedAt),
    deadline: <DeadlineCell item={item} />,
    status: <StatusCell {...props} withContact={layout === "row"} />,
    actions: props.canDecide ? (
      <Actions {...props} who={who} declining={declining} setDeclining={setDeclining} />
    ) : null,
  };
  if (layout === "row")
    return (
      <tr className={className}>
        <td>
          {cells.name}
          {cells.details}
        </td>
        <td>{cells.receiver}</td>
        <td>{cells.discharged}</td>
        <td>{cells.deadline}</td>
        <td>{cells.status}</td>
        {props.canDecide && <td>{cells.actions}</td>}
      </tr>
    );
  return (
    <li className={className}>
      <h2 className="h5 worklist-card-title">{cells.name}</h2>
      <div className="worklist-card-details">{cells.details}</div>
      {cells.actions && <div className="worklist-card-actions">{cells.actions}</div>}
      <dl className="worklist-card-facts">
        <Fact label={t("worklist.receiver")}>{cells.receiver}</Fact>
        <Fact label={t("worklist.discharged")}>{cells.discharged}</Fact>
        <Fact label={t("worklist.deadline")}>{cells.deadline}</Fact>
        <Fact label={t("worklist.status")}>{cells.status}</Fact>
      </dl>
      {/* On a card the contact opens across its width, below the facts. */}
      {(item.overdue || item.status === "declined") && (
        <PartyContact item={item} receives={props.canDecide} />
      )}
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CitizenName({ item, who }: { item: WorklistItem; who: string }) {
  if (item.citizenName && item.relationScope === "full")
    return <Link to={`/borgere/${item.citizenId}/forloeb`}>{who}</Link>;
  return who;
}

/** What the list says under the name: how much is shown, the ward, its note. */
function CitizenDetails({ item, canWriteNote }: Props) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

function DeadlineCell({ item }: { item: WorklistItem }) {
  const { t } = useTranslation();
  return (
    <>
      {formatDateTime(item.deadlineAt)}
      {item.group === "unresolved" && (
        <span className="badge badge-small overdue-badge">
          {t("worklist.groups.unresolvedBadge")}
        </span>
      )}
      {item.overdue && (
        <span className="badge badge-small overdue-badge">{t("worklist.overdue")}</span>
      )}
      {item.escalationStep > 0 && item.status === "open" && (
        <span className="d-block form-hint escalation-hint">
          {t("worklist.escalated", { count: item.escalationStep })}
        </span>
      )}
    </>
  );
}

function StatusCell({
  item,
  canDecide,
  canSendOn,
  onSentOn,
  withContact,
}: Props & { withContact: boolean }) {
  const { t } = useTranslation();
  return (
    <>
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
      {/* Overdue or declined: the other party's phone and hours, one click away. */}
      {withContact && (item.overdue || item.status === "declined") && (
        <PartyContact item={item} receives={canDecide} />
      )}
      {canSendOn && item.status === "declined" && <RerouteForm item={item} onSent={onSentOn} />}
    </>
  );
}

function Actions({
  item,
  who,
  busy,
  onConfirm,
  onDecline,
  undo,
  now,
  onUndo,
  declining,
  setDeclining,
}: Props & { who: string; declining: boolean; setDeclining: (d: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}
