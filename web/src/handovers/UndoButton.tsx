import { useTranslation } from "react-i18next";
import { timeLeft } from "./recent-decisions";

/**
 * "Fortryd" on a row its organisation just confirmed or declined, with the
 * time left. The countdown is not a live region: a screen reader hears it
 * with the button, not every second.
 */
export function UndoButton({
  who,
  status,
  msLeft,
  busy,
  onUndo,
}: {
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
      <span className="d-block form-hint worklist-undo-left">
        {t("worklist.undo.left", { time: left })}
      </span>
    </div>
  );
}
