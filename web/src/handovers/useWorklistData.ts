import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import { lastPageOffset, PAGE_SIZE } from "./Pager";
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
 * is open, or — while a name of at least two letters is typed — the search.
 * Every key starts with "worklist", so a live change refetches what is shown.
 */
export function useWorklistData(
  membershipId: string | undefined,
  filters: Filters,
  tab: WorklistTab,
) {
  const [offset, setOffset] = useState(0);
  const [stayOffset, setStayOffset] = useState(0);
  const name = useDebounced(filters.name.trim(), TYPING_PAUSE_MS);
  const searching = name.length >= MIN_NAME;
  const query = worklistQuery(filters);
  // A new filter starts from the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the trigger
  useEffect(() => setOffset(0), [query]);
  const list = useQuery({
    queryKey: ["worklist", membershipId, query, offset],
    queryFn: ({ signal }) =>
      getJson<Worklist>(
        `/api/handovers${query}${query ? "&" : "?"}limit=${PAGE_SIZE}&offset=${offset}`,
        signal,
      ),
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
    enabled: tab === "in-hospital" && !searching,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
  const search = useQuery({
    queryKey: ["worklist", "search", membershipId, name, searchBody(filters, name)],
    queryFn: () =>
      sendJson<WorklistSearch>("POST", "/api/handovers/search", searchBody(filters, name)),
    enabled: searching,
    staleTime: 0,
  });
  // A refresh can empty the page shown (its rows were confirmed elsewhere): go to the last one.
  useEffect(() => {
    const d = list.data;
    if (d && d.items.length === 0 && d.offset > 0 && d.total > 0)
      setOffset(lastPageOffset(d.total));
  }, [list.data]);
  useEffect(() => {
    const d = stays.data;
    if (d && d.items.length === 0 && d.offset > 0 && d.total > 0)
      setStayOffset(lastPageOffset(d.total));
  }, [stays.data]);
  return { list, stays, search, searching, offset, setOffset, stayOffset, setStayOffset };
}

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
