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
}: {
  typedName: string;
  found: WorklistSearch | undefined;
  searchError: Error | null;
  decided: "confirm" | "decline" | null;
  decideError: Error | null;
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
              {decided === "confirm" ? t("worklist.confirmed") : t("worklist.declined")}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
