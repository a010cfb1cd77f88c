import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../components/ProblemAlert";
import type { WorklistSearch } from "./types";
import { MIN_NAME } from "./useWorklistData";

/**
 * What the worklist tells as it happens, in one polite live region: a name
 * too short to search, how many a search found, and what came of a decision.
 */
export function WorklistNotices({
  typedName,
  found,
  searchError,
  decided,
  decideError,
  sentTo,
}: {
  typedName: string;
  found: WorklistSearch | undefined;
  searchError: Error | null;
  decided: "confirm" | "decline" | "undo" | null;
  decideError: Error | null;
  /** The receiver a handover was just sent on to. */
  sentTo: string | null;
}) {
  const { t } = useTranslation();
  const typed = typedName.trim().length;
  return (
    <div aria-live="polite">
      {typed > 0 && typed < MIN_NAME && (
        <p className="form-hint worklist-search-hint">
          {t("worklist.search.tooShort", { count: MIN_NAME })}
        </p>
      )}
      {found && (
        <p className="worklist-search-status">
          {t("worklist.search.found", { count: found.items.length + found.inHospital.length })}
        </p>
      )}
      {searchError && <ProblemAlert error={searchError} />}
      {decideError && <ProblemAlert error={decideError} />}
      {decided && (
        <div className="alert alert-success">
          <div className="alert-body">
            <p className="alert-text">
              {decided === "confirm"
                ? t("worklist.confirmed")
                : decided === "decline"
                  ? t("worklist.declined")
                  : t("worklist.undo.done")}
            </p>
          </div>
        </div>
      )}
      {sentTo && (
        <div className="alert alert-success worklist-sent-on">
          <div className="alert-body">
            <p className="alert-text">{t("worklist.sendOn.sent", { receiver: sentTo })}</p>
          </div>
        </div>
      )}
    </div>
  );
}
