import { useTranslation } from "react-i18next";
import { timeLeft } from "./recent-decisions";

/**
 * "Fortryd" on a row its organisation just confirmed or declined, with the
 * time left. The countdown is not a live region: a screen reader hears it
 * with the button, not every second.
 */
export function UndoButton({
  id,
  who,
  status,
  msLeft,
  busy,
  onUndo,
}: {
  /** The handover's id, to tie the time left to the button. */
  id: string;
  who: string;
  status: "confirmed" | "declined" | string;
  msLeft: number;
  busy: boolean;
  onUndo: () => void;
}) {
  const { t } = useTranslation();
  const left = timeLeft(msLeft);
  return (
    <div className="worklist-undo">
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={onUndo}
        disabled={busy}
        aria-describedby={`undo-left-${id}`}
      >
        {t("worklist.undo.button")}
        <span className="sr-only">
          {" "}
          {status === "confirmed"
            ? t("worklist.undo.whatConfirmed")
            : t("worklist.undo.whatDeclined")}{" "}
          {who}
        </span>
      </button>
      <span className="d-block form-hint worklist-undo-left" id={`undo-left-${id}`}>
        {t("worklist.undo.left", { time: left })}
      </span>
    </div>
  );
}
