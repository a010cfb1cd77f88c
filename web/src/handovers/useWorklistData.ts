import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import { lastPageOffset, PAGE_SIZE } from "./pages";
import type { GroupedWorklist, InHospitalPage, Worklist, WorklistSearch } from "./types";
import { type Filters, searchBody, worklistQuery } from "./WorklistFilters";

/** Changes are pushed; this slow poll only covers a broken stream. */
const REFRESH_MS = 60_000;
/** Names are sealed on the server, so each keystroke would be a search: wait for a pause. */
const TYPING_PAUSE_MS = 300;
export const MIN_NAME = 2;

/**
 * The worklist's tabs: what needs action now (the default, grouped), the
 * rest, the unresolved cases, and a receiver's citizens in hospital.
 */
export type WorklistTab = "needs-action" | "rest" | "unresolved" | "in-hospital";

/**
 * What the worklist page shows: the grouped default view (whose answer
 * counts every group and the citizens in hospital), one page of the rest or
 * of the unresolved while their tab is open, or — with "all, also confirmed"
 * — the whole list ungrouped; the in-hospital page only while its tab is
 * open; or, while a name of at least two letters is typed, the search instead.
 * Every key starts with "worklist", so a live change refetches what is shown.
 */
export function useWorklistData(
  membershipId: string | undefined,
  filters: Filters,
  tab: WorklistTab,
) {
  const name = useDebounced(filters.name.trim(), TYPING_PAUSE_MS);
  const searching = name.length >= MIN_NAME;
  const query = worklistQuery(filters);
  // "All, also confirmed and closed" is one list; otherwise the tab names the group.
  const flat = filters.view === "all";
  const group = !flat && (tab === "rest" || tab === "unresolved") ? tab : null;
  const listQuery = group ? `${query}${query ? "&" : "?"}group=${group}` : query;
  const grouped = useQuery({
    queryKey: ["worklist", "grouped", membershipId, query],
    queryFn: ({ signal }) =>
      getJson<GroupedWorklist>(
        `/api/handovers/grouped${query}${query ? "&" : "?"}limit=${PAGE_SIZE}`,
        signal,
      ),
    enabled: !flat && !searching,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  // Any other filter starts again from the first page.
  const list = usePage<Worklist>(
    ["worklist", membershipId, listQuery],
    `/api/handovers${listQuery}`,
    `${membershipId}|${listQuery}|${name}`,
    // The search answers for both lists; the page under it is asked again when it ends.
    (flat || group !== null) && !searching,
  );
  const stays = usePage<InHospitalPage>(
    ["worklist", "in-hospital", membershipId],
    "/api/handovers/in-hospital",
    `${membershipId}|${name}`,
    // One page load, one request: the in-hospital list is asked for only when it is shown.
    tab === "in-hospital" && !searching,
  );
  const body = searchBody(filters, name);
  const search = useQuery({
    // The name stays in memory: it is in the POST body, never in a URL.
    queryKey: ["worklist", "search", membershipId, body],
    queryFn: () => sendJson<WorklistSearch>("POST", "/api/handovers/search", body),
    enabled: searching,
    staleTime: 0,
    // While a longer name is typed, the last matches stay rather than a spinner.
    placeholderData: keepPreviousData,
  });
  return {
    grouped,
    flat,
    list: list.query,
    stays: stays.query,
    search,
    searching,
    setOffset: list.setOffset,
    setStayOffset: stays.setOffset,
  };
}

/**
 * One paged list: its offset, the page kept on screen while the next one
 * loads, and a step back to the last page when a refresh empties the one
 * shown (its rows were confirmed elsewhere).
 */
export function usePage<T extends { items: unknown[]; total: number; offset: number }>(
  key: unknown[],
  path: string,
  scope: string,
  enabled: boolean,
) {
  const [offset, setOffset] = useOffset(scope);
  const query = useQuery({
    queryKey: [...key, offset],
    queryFn: ({ signal }) =>
      getJson<T>(
        `${path}${path.includes("?") ? "&" : "?"}limit=${PAGE_SIZE}&offset=${offset}`,
        signal,
      ),
    enabled,
    refetchInterval: REFRESH_MS,
    // A worklist is never fresh from the cache: what happened elsewhere shows on arrival.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  // A placeholder is the previous page, not this offset's answer: only a real answer that
  // came back empty may step back.
  const answered = query.isPlaceholderData ? undefined : query.data;
  useEffect(() => {
    if (answered && answered.items.length === 0 && answered.offset > 0 && answered.total > 0)
      setOffset(lastPageOffset(answered.total));
  }, [answered, setOffset]);
  return { query, setOffset };
}

/**
 * An offset that falls back to 0 when `scope` changes, in the same render:
 * resetting it in an effect would first ask for the old page of the new list.
 */
function useOffset(scope: string): [number, (offset: number) => void] {
  const [state, setState] = useState({ scope, offset: 0 });
  const offset = state.scope === scope ? state.offset : 0;
  const setOffset = useCallback((next: number) => setState({ scope, offset: next }), [scope]);
  return [offset, setOffset];
}

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
