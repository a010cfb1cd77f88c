import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { sendJson } from "../access/session-api";
import { getJson } from "../api/client";
import type { ApiAnswer } from "../api/types";
import type { CapacityStrings } from "../i18n/bundles";
import { useApiDoor } from "./api-door";
import { bodyWorkPath } from "./paths";

export type CapacityView = ApiAnswer<"/api/bodies/{bodyId}/gp-capacity">;
export type CapacityRow = CapacityView["rows"][number];
export type CapacitySource = CapacityRow["capacity"]["sources"][number];

/** A body's GP capacity: /klynger/:id/laegekapacitet or /sundhedsraad/:id/laegekapacitet. */
export function capacityPath(bodyId: string, kind?: string): string {
  return bodyWorkPath(bodyId, kind, "laegekapacitet");
}

/** The public door answers everyone (aggregates, no personal data); signed in, the reader's may. */
function capacityUrl(bodyId: string, signedIn: boolean) {
  return `/api/${signedIn ? "" : "public/"}bodies/${encodeURIComponent(bodyId)}/gp-capacity`;
}

/** The CSV download of the rows, a plain link (no login needed). */
export const capacityCsvUrl = (bodyId: string) => `${capacityUrl(bodyId, false)}?format=csv`;

export function useCapacity(bodyId: string) {
  const { signedIn, ready } = useApiDoor();
  return useQuery({
    queryKey: ["gp-capacity", bodyId, signedIn],
    queryFn: ({ signal }) => getJson<CapacityView>(capacityUrl(bodyId, signedIn), signal),
    enabled: ready,
  });
}

export function useSetCapacityRule(bodyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (maxPatientsPerDoctor: number) =>
      sendJson<CapacityView>("PUT", `/api/bodies/${encodeURIComponent(bodyId)}/gp-capacity/rule`, {
        maxPatientsPerDoctor,
      }),
    onSuccess: (view) => client.setQueryData(["gp-capacity", bodyId, true], view),
  });
}

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type CapacityKey = Leaves<CapacityStrings>;
/** i18next's t for the capacity keys, checked against this type (as the agreements' text). */
export type CapacityText = (key: CapacityKey, values?: Record<string, unknown>) => string;
export const capacityText = (t: TFunction): CapacityText => t as unknown as CapacityText;

export function useCapacityText(): CapacityText {
  const { t } = useTranslation();
  return capacityText(t);
}
