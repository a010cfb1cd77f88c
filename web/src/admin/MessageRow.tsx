import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../format";
import { wordsText } from "../i18n/words";
import { messageTypeLabel } from "../pathways/labels";
import { problemSentences } from "./message-text";
import { useOperationsText } from "./text";
import type { ReceivedMessage } from "./types";

const party = (name: string | null, sor: string | null) => (
  <>
    {name ?? "–"}
    {sor && <span className="d-block sor-code">SOR {sor}</span>}
  </>
);

export function MessageRow({
  message: m,
  onReapply,
  busy,
}: {
  message: ReceivedMessage;
  onReapply: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const o = useOperationsText();
  return (
    <tr>
      <td>
        {formatDateTime(m.receivedAt)}
        <span className="d-block form-hint">
          {m.receivedVia === "http" || m.receivedVia === "import"
            ? o(`messages.via.${m.receivedVia}`)
            : m.receivedVia}
        </span>
      </td>
      <td>{typeOf(t, m)}</td>
      <td>{party(m.senderName, m.senderSor)}</td>
      <td>{party(m.receiverName, m.receiverSor)}</td>
      <td>{m.eventAt ? formatDateTime(m.eventAt) : "–"}</td>
      <td>
        <span className={`badge badge-small message-${m.status}`}>
          {o(`messages.statuses.${m.status}`)}
        </span>
        {m.attempts > 1 && (
          <span className="d-block form-hint">{o("messages.attempts", { n: m.attempts })}</span>
        )}
        {m.problems.length > 0 && (
          <ul className="message-problems">
            {problemSentences(t, m.problems).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
        <TechnicalDetail message={m} />
        {m.status === "dead_letter" && (
          <button
            type="button"
            className="button button-secondary button-small mt-2"
            onClick={onReapply}
            disabled={busy}
          >
            {o("messages.reapply")}
            <span className="sr-only">
              {" "}
              {typeOf(t, m)} {formatDateTime(m.receivedAt)}
            </span>
          </button>
        )}
      </td>
    </tr>
  );
}

const typeOf = (t: TFunction, m: ReceivedMessage) =>
  m.messageType
    ? (messageTypeLabel(t, m.messageType) ?? wordsText(t)("words.messages.unknownType"))
    : "–";

/**
 * The codes and the reader's own English, for whoever debugs a sender: folded
 * away, so the row itself says what happened in words.
 */
function TechnicalDetail({ message: m }: { message: ReceivedMessage }) {
  const w = wordsText(useTranslation().t);
  return (
    <details className="message-technical mt-2">
      <summary>{w("words.messages.technical")}</summary>
      <dl>
        {m.messageType && (
          <>
            <dt>{w("words.messages.technicalType")}</dt>
            <dd>
              <code>{m.messageType}</code>
            </dd>
          </>
        )}
        {m.activityCode && (
          <>
            <dt>{w("words.messages.technicalActivity")}</dt>
            <dd>
              <code>{m.activityCode}</code>
            </dd>
          </>
        )}
        <dt>{w("words.messages.technicalResponse")}</dt>
        <dd>
          <code>{m.responseCode}</code>
        </dd>
        {m.problems.length > 0 && (
          <>
            <dt>{w("words.messages.technicalProblems")}</dt>
            <dd>
              <ul className="message-problems" lang="en">
                {m.problems.map((p) => (
                  <li key={`${p.expression}-${p.rule}`}>
                    <code>{p.expression}</code>: {p.rule}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}
