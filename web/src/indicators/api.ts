import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, getJson } from "../api/client";
import type { DashboardAnswer, FunnelAnswer, IndicatorList, ValuesAnswer } from "./types";

/** The definition records; they change only with a new version of the server. */
export function useIndicators() {
  return useQuery({
    queryKey: ["indicators"],
    queryFn: ({ signal }) => getJson<IndicatorList>("/api/indicators", signal),
    staleTime: 5 * 60 * 1000,
  });
}

/**
 * One GET of values or of a funnel. While a new choice loads, the previous figures
 * stay on screen (the page does not jump); the figures follow new messages within a
 * minute, so they are asked for again after one.
 */
function useFigures<T>(path: string | null) {
  return useQuery({
    queryKey: ["indicator-figures", path],
    queryFn: ({ signal }) => getJson<T>(path ?? "", signal),
    enabled: path !== null,
    placeholderData: keepPreviousData,
    staleTime: 60 * 1000,
  });
}

export const useValues = (path: string | null) => useFigures<ValuesAnswer>(path);
export const useFunnel = (path: string | null) => useFigures<FunnelAnswer>(path);

/**
 * A body's dashboard: its indicators, its region's and the country's, the 12 months
 * up to the month of `to`. It waits while `to` is undefined (today comes from the server).
 */
export function useDashboard(bodyId: string, to: string | undefined) {
  const params = new URLSearchParams({ body: bodyId, ...(to ? { to } : {}) });
  return useFigures<DashboardAnswer>(to ? `/api/indicators/dashboard?${params}` : null);
}

/**
 * Downloads the same rows as CSV: the API answers CSV to `Accept: text/csv` on the
 * same address, so the file is fetched and handed to the browser as a Blob.
 */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { headers: { accept: "text/csv" } });
  if (!response.ok) {
    throw new ApiError({
      type: "about:blank",
      title: response.statusText,
      status: response.status,
    });
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the address is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A municipality's region and the bodies it has belonged to (GET /api/municipalities/:code). */
export type MunicipalityHistory = {
  code: string;
  name: string;
  region: { code: string; name: string };
  bodyHistory: {
    id: string;
    name: string;
    kind: "sundhedsklynge" | "sundhedsraad";
    regionCode: string;
    regionName: string;
    validFrom: string;
    validTo: string | null;
  }[];
};

export function useMunicipality(code: string) {
  return useQuery({
    queryKey: ["municipality", code],
    queryFn: ({ signal }) =>
      getJson<MunicipalityHistory>(`/api/municipalities/${encodeURIComponent(code)}`, signal),
  });
}
