import { useQuery } from "@tanstack/react-query";
import { getJson } from "./client";
import type {
  BodyDetail,
  BodySummary,
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

export function useBodies() {
  return useQuery({
    queryKey: ["bodies"],
    queryFn: ({ signal }) => getJson<BodySummary[]>("/api/bodies", signal),
  });
}

export function useBody(id: string) {
  return useQuery({
    queryKey: ["bodies", id],
    queryFn: ({ signal }) => getJson<BodyDetail>(`/api/bodies/${encodeURIComponent(id)}`, signal),
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
