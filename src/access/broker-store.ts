import type { Selectable } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { ApiTokenTable } from "../platform/db/schema.ts";
import type { BrokerActor } from "./model.ts";

/** SQL for message brokers' tokens (`api_token` of kind `broker`) and their senders (migration 0014). */

export async function insertBrokerToken(
  db: Database,
  t: { name: string; tokenHash: string; expiresAt: Date | null },
) {
  return db
    .insertInto("apiToken")
    .values({
      ...t,
      kind: "broker",
      organisationId: null,
      scopes: ["messages:write"],
      createdBy: null,
      revokedAt: null,
      lastUsedAt: null,
    })
    .returning(["id", "name", "expiresAt", "createdAt"])
    .executeTakeFirstOrThrow();
}

/** A broker's token by id, revoked or not. */
export function findBrokerToken(db: Database, id: string) {
  return db
    .selectFrom("apiToken")
    .select(["id", "name", "revokedAt"])
    .where("id", "=", id)
    .where("kind", "=", "broker")
    .executeTakeFirst();
}

export async function brokerSenders(db: Database, tokenId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("brokerSender")
    .select("sorCode")
    .where("tokenId", "=", tokenId)
    .orderBy("sorCode")
    .execute();
  return rows.map((r) => r.sorCode);
}

/** The acting identity a broker's token authenticates as. */
export async function brokerActor(
  db: Database,
  token: Pick<Selectable<ApiTokenTable>, "id" | "name" | "scopes">,
): Promise<BrokerActor> {
  return {
    kind: "broker",
    tokenId: token.id,
    name: token.name,
    scopes: token.scopes,
    senders: await brokerSenders(db, token.id),
  };
}

/** Adds senders; returns those that were not listed before. */
export async function addBrokerSenders(db: Database, tokenId: string, sorCodes: string[]) {
  if (sorCodes.length === 0) return [];
  const rows = await db
    .insertInto("brokerSender")
    .values(sorCodes.map((sorCode) => ({ tokenId, sorCode })))
    .onConflict((oc) => oc.columns(["tokenId", "sorCode"]).doNothing())
    .returning("sorCode")
    .execute();
  return rows.map((r) => r.sorCode);
}

/** Removes senders; returns those that were listed. */
export async function removeBrokerSenders(db: Database, tokenId: string, sorCodes: string[]) {
  if (sorCodes.length === 0) return [];
  const rows = await db
    .deleteFrom("brokerSender")
    .where("tokenId", "=", tokenId)
    .where("sorCode", "in", sorCodes)
    .returning("sorCode")
    .execute();
  return rows.map((r) => r.sorCode);
}

export async function revokeBrokerToken(db: Database, id: string, now: Date): Promise<number> {
  const r = await db
    .updateTable("apiToken")
    .set({ revokedAt: now })
    .where("id", "=", id)
    .where("kind", "=", "broker")
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listBrokerTokens(db: Database) {
  const tokens = await db
    .selectFrom("apiToken")
    .select(["id", "name", "createdAt", "expiresAt", "revokedAt", "lastUsedAt"])
    .where("kind", "=", "broker")
    .orderBy("createdAt")
    .orderBy("name")
    .execute();
  const senders =
    tokens.length === 0
      ? []
      : await db
          .selectFrom("brokerSender")
          .select(["tokenId", "sorCode"])
          .where(
            "tokenId",
            "in",
            tokens.map((t) => t.id),
          )
          .orderBy("sorCode")
          .execute();
  return tokens.map((t) => ({
    ...t,
    senders: senders.filter((s) => s.tokenId === t.id).map((s) => s.sorCode),
  }));
}
