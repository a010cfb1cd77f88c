import type { Database } from "../platform/db/database.ts";
import { appendAudit } from "./audit-store.ts";

/**
 * An audit entry for what the operator does outside the administration
 * (the CLI's imports, the demo seed's synthetic data), under their name, as
 * every other operator entry (administrator.ts).
 */
export function createOperatorAudit(db: Database, clock: () => Date = () => new Date()) {
  /** `tx`: the transaction of the change the entry records, so both commit or neither. */
  return async (
    entry: { name: string; action: string; resource: string; purpose: string },
    tx: Database = db,
  ) => {
    await appendAudit(tx, {
      at: clock(),
      actorKind: "operator",
      actorName: entry.name,
      action: entry.action,
      resource: entry.resource,
      outcome: "allowed",
      purpose: entry.purpose,
    });
  };
}
