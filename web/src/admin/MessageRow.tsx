import { useTranslation } from "react-i18next";
import { formatDateTime } from "../format";
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
  return (
    <tr>
      <td>
        {formatDateTime(m.receivedAt)}
        <span className="d-block form-hint">
          {m.receivedVia === "http" || m.receivedVia === "import"
            ? t(`messages.via.${m.receivedVia}`)
            : m.receivedVia}
        </span>
      </td>
      <td>
        {m.messageType ?? "–"}
        {m.activityCode && <span className="d-block form-hint">{m.activityCode}</span>}
      </td>
      <td>{party(m.senderName, m.senderSor)}</td>
      <td>{party(m.receiverName, m.receiverSor)}</td>
      <td>{m.eventAt ? formatDateTime(m.eventAt) : "–"}</td>
      <td>
        <span className={`badge badge-small message-${m.status}`}>
          {t(`messages.statuses.${m.status}`)}
        </span>
        {m.attempts > 1 && (
          <span className="d-block form-hint">{t("messages.attempts", { n: m.attempts })}</span>
        )}
        {m.problems.length > 0 && (
          <ul className="message-problems">
            {m.problems.map((p) => (
              <li key={`${p.expression}-${p.rule}`}>
                <code>{p.expression}</code>: {p.rule}
              </li>
            ))}
          </ul>
        )}
        {m.status === "dead_letter" && (
          <button
            type="button"
            className="button button-secondary button-small mt-2"
            onClick={onReapply}
            disabled={busy}
          >
            {t("messages.reapply")}
            <span className="sr-only">
              {" "}
              {m.messageType} {formatDateTime(m.receivedAt)}
            </span>
          </button>
        )}
      </td>
    </tr>
  );
}
