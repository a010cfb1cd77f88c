import { useQuery } from "@tanstack/react-query";
import { getJson } from "./client";
import type {
  ClusterDetail,
  ClusterSummary,
  MunicipalityGeo,
  MunicipalityListItem,
  Region,
} from "./types";

export function useRegions() {
  return useQuery({
    queryKey: ["regions"],
    queryFn: ({ signal }) => getJson<Region[]>("/api/regions", signal),
  });
}

export function useClusters() {
  return useQuery({
    queryKey: ["clusters"],
    queryFn: ({ signal }) => getJson<ClusterSummary[]>("/api/clusters", signal),
  });
}

export function useCluster(id: string) {
  return useQuery({
    queryKey: ["clusters", id],
    queryFn: ({ signal }) =>
      getJson<ClusterDetail>(`/api/clusters/${encodeURIComponent(id)}`, signal),
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: ["municipalities"],
    queryFn: ({ signal }) => getJson<MunicipalityListItem[]>("/api/municipalities", signal),
  });
}

export function useMunicipalityGeo() {
  return useQuery({
    queryKey: ["geo", "municipalities"],
    queryFn: ({ signal }) => getJson<MunicipalityGeo>("/api/geo/municipalities", signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
