import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { getJson } from "../api/client";
import type { ApiAnswer } from "../api/types";
import type { LedgerStrings } from "../i18n/bundles";
import { useApiDoor } from "./api-door";
import { bodyWorkPath } from "./paths";

export type LedgerView = ApiAnswer<"/api/bodies/{bodyId}/ledger">;
export type LedgerRow = LedgerView["rows"][number];
export type LedgerParty = LedgerRow["party"];

/** A body's ledger: /klynger/:id/oekonomi or /sundhedsraad/:id/oekonomi. */
export function ledgerPath(bodyId: string, kind?: string): string {
  return bodyWorkPath(bodyId, kind, "oekonomi");
}

/** Signed in, what the reader may read; without login, the public door (adopted and public). */
function ledgerUrl(bodyId: string, signedIn: boolean, year: number) {
  return `/api/${signedIn ? "" : "public/"}bodies/${encodeURIComponent(bodyId)}/ledger?year=${year}`;
}

/** The CSV of what the reader sees: the same door as the page, as a plain link. */
export const ledgerCsvUrl = (bodyId: string, signedIn: boolean, year: number) =>
  `${ledgerUrl(bodyId, signedIn, year)}&format=csv`;

export function useLedger(bodyId: string, year: number) {
  const { signedIn, ready } = useApiDoor();
  const query = useQuery({
    queryKey: ["ledger", bodyId, year, signedIn],
    queryFn: ({ signal }) => getJson<LedgerView>(ledgerUrl(bodyId, signedIn, year), signal),
    enabled: ready,
  });
  return { ...query, signedIn };
}

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type LedgerKey = Leaves<LedgerStrings>;
/** i18next's t for the ledger's keys, checked against this type (as the agreements' text). */
export type LedgerText = (key: LedgerKey, values?: Record<string, unknown>) => string;
export const ledgerText = (t: TFunction): LedgerText => t as unknown as LedgerText;

export function useLedgerText(): LedgerText {
  const { t } = useTranslation();
  return ledgerText(t);
}
