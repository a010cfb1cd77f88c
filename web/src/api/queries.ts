import { useQuery } from "@tanstack/react-query";
import { getJson } from "./client";
import type {
  BodyDetail,
  BodySummary,
  MunicipalityGeo,
  MunicipalityListItem,
  Region,
  StructureVersion,
  Today,
} from "./types";

/** The structure is dated: every list is asked for one day, "YYYY-MM-DD". */
const onDate = (path: string, date: string) => `${path}?date=${encodeURIComponent(date)}`;

/** Today in Denmark by the server's clock, which the demo may set to another day. */
export function useToday() {
  return useQuery({
    queryKey: ["structure", "today"],
    queryFn: ({ signal }) => getJson<Today>("/api/structure/today", signal),
    // The date turns at midnight (the demo can start ten minutes before one): asked each
    // minute, a page left open shows the new structure a minute after it begins.
    staleTime: 60 * 1000,
    refetchInterval: 60 * 1000,
  });
}

/** The dates on which the structure changed (the first is when it began). */
export function useStructureVersions() {
  return useQuery({
    queryKey: ["structure", "versions"],
    queryFn: ({ signal }) => getJson<StructureVersion[]>("/api/structure/versions", signal),
  });
}

/**
 * A list on a date; it waits while the date is undefined (today's date comes
 * from the server). Null asks for the server's default: today in Denmark.
 */
function dated<T>(key: string, path: string, date: string | null | undefined) {
  return {
    queryKey: [key, date ?? "today"],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      getJson<T>(date ? onDate(path, date) : path, signal),
    enabled: date !== undefined,
  };
}

/** Today's regions; `useRegionsOn` for a date. */
export const useRegions = () => useRegionsOn(null);
/** Today's bodies; `useBodiesOn` for a date. */
export const useBodies = () => useBodiesOn(null);
/** Today's municipalities with their bodies; `useMunicipalitiesOn` for a date. */
export const useMunicipalities = () => useMunicipalitiesOn(null);

/** The regions on a date; waits while it is undefined. */
export function useRegionsOn(date: string | null | undefined) {
  return useQuery(dated<Region[]>("regions", "/api/regions", date));
}

/** The bodies on a date; waits while it is undefined. */
export function useBodiesOn(date: string | null | undefined) {
  return useQuery(dated<BodySummary[]>("bodies", "/api/bodies", date));
}

/** The municipalities and their bodies on a date; waits while it is undefined. */
export function useMunicipalitiesOn(date: string | null | undefined) {
  return useQuery(dated<MunicipalityListItem[]>("municipalities", "/api/municipalities", date));
}

/** One body; without a date, the server shows it today or on its nearest day. */
export function useBody(id: string, date?: string) {
  const path = `/api/bodies/${encodeURIComponent(id)}`;
  return useQuery({
    queryKey: ["body", id, date ?? null],
    queryFn: ({ signal }) => getJson<BodyDetail>(date ? onDate(path, date) : path, signal),
  });
}

export function useMunicipalityGeo() {
  return useQuery({
    queryKey: ["geo", "municipalities"],
    queryFn: ({ signal }) => getJson<MunicipalityGeo>("/api/geo/municipalities", signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
