import type { ClusterSummary, MunicipalityGeo, MunicipalityListItem } from "../api/types";
import { clusterColours, focusColour, noClusterColour, outsideColour } from "./palette";

/** How one municipality is drawn: "member" and "partial" only matter when a cluster is in focus. */
export type AreaStyle = "cluster" | "member" | "partial" | "outside";

export type MapArea = {
  code: string;
  name: string;
  clusterId: string | null;
  clusterName: string | null;
  clusterVerified: boolean;
  partialClusterNames: string[];
  colour: string;
  style: AreaStyle;
};

export type AreaInput = {
  geo: MunicipalityGeo;
  clusters: readonly ClusterSummary[];
  municipalities: readonly MunicipalityListItem[];
  /** When set, only this cluster's municipalities are coloured. */
  focusClusterId?: string;
};

export function mapAreas({ geo, clusters, municipalities, focusClusterId }: AreaInput): MapArea[] {
  const colours = clusterColours(clusters);
  const clusterById = new Map(clusters.map((c) => [c.id, c]));
  const municipalityByCode = new Map(municipalities.map((m) => [m.code, m]));
  return geo.features.map(({ properties }) => {
    const code = properties.lau_1;
    const municipality = municipalityByCode.get(code);
    const clusterId = municipality?.clusterId ?? null;
    const partialIds = municipality?.partialClusterIds ?? [];
    const ownColour = (clusterId && colours.get(clusterId)) || noClusterColour;
    let style: AreaStyle = "cluster";
    let colour = ownColour;
    if (focusClusterId) {
      style =
        clusterId === focusClusterId
          ? "member"
          : partialIds.includes(focusClusterId)
            ? "partial"
            : "outside";
      colour = style === "outside" ? outsideColour : focusColour;
    }
    return {
      code,
      name: municipality?.name ?? properties.label_dk,
      clusterId,
      clusterName: clusterId ? (clusterById.get(clusterId)?.name ?? clusterId) : null,
      clusterVerified: clusterId ? (clusterById.get(clusterId)?.verified ?? false) : true,
      partialClusterNames: partialIds.map((id) => clusterById.get(id)?.name ?? id),
      colour,
      style,
    };
  });
}

/** Codes of the municipalities that belong to a cluster, fully or partly. */
export function memberCodes(cluster: ClusterSummary): Set<string> {
  return new Set([...cluster.municipalityCodes, ...cluster.partialMunicipalityCodes]);
}
