import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import { lastPageOffset, PAGE_SIZE } from "./pages";
import type { InHospitalPage, Worklist, WorklistSearch } from "./types";
import { type Filters, searchBody, worklistQuery } from "./WorklistFilters";

/** Changes are pushed; this slow poll only covers a broken stream. */
const REFRESH_MS = 60_000;
/** Names are sealed on the server, so each keystroke would be a search: wait for a pause. */
const TYPING_PAUSE_MS = 300;
export const MIN_NAME = 2;

export type WorklistTab = "handovers" | "in-hospital";

/**
 * What the worklist page shows: one page of handovers (whose answer also
 * counts the citizens in hospital), the in-hospital page only while its tab
 * is open, or — while a name of at least two letters is typed — the search
 * instead of both pages. Every key starts with "worklist", so a live change
 * refetches what is shown.
 */
export function useWorklistData(
  membershipId: string | undefined,
  filters: Filters,
  tab: WorklistTab,
) {
  const name = useDebounced(filters.name.trim(), TYPING_PAUSE_MS);
  const searching = name.length >= MIN_NAME;
  const query = worklistQuery(filters);
  // Any other filter starts again from the first page.
  const [offset, setOffset] = useOffset(`${membershipId}|${query}|${name}`);
  const [stayOffset, setStayOffset] = useOffset(`${membershipId}|${name}`);
  const list = useQuery({
    queryKey: ["worklist", membershipId, query, offset],
    queryFn: ({ signal }) =>
      getJson<Worklist>(
        `/api/handovers${query}${query ? "&" : "?"}limit=${PAGE_SIZE}&offset=${offset}`,
        signal,
      ),
    // The search answers for both lists; the page under it is asked again when it ends.
    enabled: !searching,
    refetchInterval: REFRESH_MS,
    // A worklist is never fresh from the cache: what happened elsewhere shows on arrival.
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
  const stays = useQuery({
    queryKey: ["worklist", "in-hospital", membershipId, stayOffset],
    queryFn: ({ signal }) =>
      getJson<InHospitalPage>(
        `/api/handovers/in-hospital?limit=${PAGE_SIZE}&offset=${stayOffset}`,
        signal,
      ),
    // One page load, one request: the in-hospital list is asked for only when it is shown.
    enabled: tab === "in-hospital" && !searching,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
  const body = searchBody(filters, name);
  const search = useQuery({
    // The name stays in memory: it is in the POST body, never in a URL.
    queryKey: ["worklist", "search", membershipId, body],
    queryFn: () => sendJson<WorklistSearch>("POST", "/api/handovers/search", body),
    enabled: searching,
    staleTime: 0,
    // While a longer name is typed, the last matches stay rather than a spinner.
    placeholderData: (previous) => previous,
  });
  // A refresh can empty the page shown (its rows were confirmed elsewhere): go to the last one.
  useEffect(() => {
    const d = list.isPlaceholderData ? undefined : list.data;
    if (d && d.items.length === 0 && d.offset > 0 && d.total > 0)
      setOffset(lastPageOffset(d.total));
  }, [list.data, list.isPlaceholderData, setOffset]);
  useEffect(() => {
    const d = stays.isPlaceholderData ? undefined : stays.data;
    if (d && d.items.length === 0 && d.offset > 0 && d.total > 0)
      setStayOffset(lastPageOffset(d.total));
  }, [stays.data, stays.isPlaceholderData, setStayOffset]);
  return { list, stays, search, searching, setOffset, setStayOffset };
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
