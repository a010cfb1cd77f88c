import { useSearchParams } from "react-router";
import { useStructureVersions, useToday } from "../api/queries";
import { changeAround, changeDates, isIsoDate } from "./dates";

/** The address's query parameter that holds the chosen date, so that a view can be linked. */
export const dateParam = "dato";

/**
 * The date the structure is shown for: the one in the address (?dato=YYYY-MM-DD),
 * or today by the server's clock. `chosen` is null when the address names none.
 */
export function useStructureDate() {
  const [params, setParams] = useSearchParams();
  const asked = params.get(dateParam);
  const chosen = asked !== null && isIsoDate(asked) ? asked : null;
  const today = useToday();
  const versions = useStructureVersions();
  const date = chosen ?? today.data?.date;
  const changes = versions.data ? changeDates(versions.data) : [];
  return {
    /** Undefined until the server has said what today is. */
    date,
    chosen,
    /** The address held something that is not a date; it is ignored. */
    invalid: asked !== null && chosen === null,
    today: today.data?.date,
    todayQuery: today,
    changes,
    /** The change whose months around the date hold it: the map then shows both sides. */
    change: date ? changeAround(date, changes) : null,
    /** Shows another date; null shows today, and leaves the address without a date. */
    choose(next: string | null) {
      setParams(
        (previous) => {
          const updated = new URLSearchParams(previous);
          if (next === null) updated.delete(dateParam);
          else updated.set(dateParam, next);
          return updated;
        },
        { preventScrollReset: true },
      );
    },
  };
}

export type StructureDate = ReturnType<typeof useStructureDate>;
