import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import type { InboundMessageTable, ResponseCode } from "../platform/db/schema.ts";
import type { SenderAuthority } from "./sender-authority.ts";

/** All SQL of the interop capability: the store of received messages. */

export type MessageStatus = InboundMessageTable["status"];

export type NewInboundMessage = {
  id: string;
  messageHeaderId: string | null;
  bundleId: string | null;
  receivedVia: "http" | "import";
  tokenId: string | null;
  synthetic: boolean;
  bodyEncrypted: string;
  bodySha256: string;
};

/**
 * Stores raw messages first; returns the ids that were new. A message whose
 * MessageHeader.id is already here is not stored again. Rows go in id order so
 * that concurrent batches meet the unique index in one order.
 */
export async function insertMessages(db: Database, messages: NewInboundMessage[]) {
  if (messages.length === 0) return new Set<string>();
  const sorted = [...messages].sort((a, b) =>
    (a.messageHeaderId ?? "").localeCompare(b.messageHeaderId ?? ""),
  );
  const rows = await db
    .insertInto("inboundMessage")
    .values(
      sorted.map((m) => ({
        ...m,
        status: "dead_letter" as const,
        responseCode: "transient-error" as const,
        problems: "[]",
      })),
    )
    .onConflict((oc) => oc.column("messageHeaderId").doNothing())
    .returning("id")
    .execute();
  return new Set(rows.map((r) => r.id));
}

export type MessageOutcome = {
  status: MessageStatus;
  responseCode: ResponseCode;
  problems: unknown[];
  acknowledgement: unknown;
  messageType: string | null;
  activityCode: string | null;
  senderSor: string | null;
  receiverSor: string | null;
  eventAt: Date | null;
  citizenId: string | null;
  appliedAt: Date | null;
};

/** Records what became of a batch of messages, with their acknowledgements, in one statement. */
export async function recordOutcomes(db: Database, outcomes: (MessageOutcome & { id: string })[]) {
  if (outcomes.length === 0) return;
  await sql`
    update inbound_message m set
      status = v."status", response_code = v."responseCode", problems = v."problems",
      acknowledgement = v."acknowledgement", message_type = v."messageType",
      activity_code = v."activityCode", sender_sor = v."senderSor", receiver_sor = v."receiverSor",
      event_at = v."eventAt", citizen_id = v."citizenId", applied_at = v."appliedAt"
    from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as v(
      "id" uuid, "status" text, "responseCode" text, "problems" jsonb, "acknowledgement" jsonb,
      "messageType" text, "activityCode" text, "senderSor" text, "receiverSor" text,
      "eventAt" timestamptz, "citizenId" uuid, "appliedAt" timestamptz)
    where m.id = v."id"`.execute(db);
}

/** A re-apply keeps the acknowledgement first sent: a duplicate must get the same answer. */
export async function recordReapply(
  db: Database,
  id: string,
  o: Omit<MessageOutcome, "acknowledgement" | "responseCode">,
  now: Date,
) {
  await db
    .updateTable("inboundMessage")
    .set((eb) => ({
      ...o,
      problems: JSON.stringify(o.problems),
      attempts: eb("attempts", "+", 1),
      lastAttemptAt: now,
    }))
    .where("id", "=", id)
    .execute();
}

export function findByHeaderIds(db: Database, messageHeaderIds: string[]) {
  if (messageHeaderIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("inboundMessage")
    .select(["id", "messageHeaderId", "status", "responseCode", "acknowledgement"])
    .where("messageHeaderId", "in", messageHeaderIds)
    .execute();
}

export async function countDuplicates(db: Database, ids: string[], now: Date) {
  for (const id of ids) {
    // One row per statement: the same message may be a duplicate more than once in a batch.
    await db
      .updateTable("inboundMessage")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), lastAttemptAt: now }))
      .where("id", "=", id)
      .execute();
  }
}

/**
 * What the token a stored message came with may send for: its organisation,
 * or a broker's senders as listed now (a sender the operator has removed is
 * no longer forwarded for, kept messages included). Reads access's tables.
 */
export async function tokenAuthority(
  db: Database,
  tokenId: string | null,
): Promise<SenderAuthority> {
  const token = tokenId
    ? await db
        .selectFrom("apiToken")
        .select(["kind", "organisationId"])
        .where("id", "=", tokenId)
        .executeTakeFirst()
    : undefined;
  if (!token || !tokenId) return { kind: "unknown" };
  if (token.kind === "organisation" && token.organisationId)
    return { kind: "organisation", organisationId: token.organisationId };
  if (token.kind === "organisation") return { kind: "unknown" };
  const senders = await db
    .selectFrom("brokerSender")
    .select("sorCode")
    .where("tokenId", "=", tokenId)
    .execute();
  return { kind: "broker", senders: senders.map((s) => s.sorCode) };
}

export function findMessage(db: Database, id: string) {
  return db.selectFrom("inboundMessage").selectAll().where("id", "=", id).executeTakeFirst();
}

/** `beforeSeq` continues a listing after the last row of the previous page. */
export type MessageFilter = { status?: MessageStatus; limit: number; beforeSeq?: string };

export async function listMessages(db: Database, f: MessageFilter) {
  let q = db
    .selectFrom("inboundMessage as m")
    .leftJoin("organisation as s", "s.sorCode", "m.senderSor")
    .leftJoin("organisation as r", "r.sorCode", "m.receiverSor")
    .select([
      "m.id",
      "m.seq",
      "m.messageHeaderId",
      "m.bundleId",
      "m.receivedAt",
      "m.receivedVia",
      "m.messageType",
      "m.activityCode",
      "m.senderSor",
      "s.name as senderName",
      "m.receiverSor",
      "r.name as receiverName",
      "m.eventAt",
      "m.status",
      "m.responseCode",
      "m.problems",
      "m.attempts",
      "m.appliedAt",
    ])
    .orderBy("m.seq", "desc")
    .limit(f.limit);
  if (f.status) q = q.where("m.status", "=", f.status);
  if (f.beforeSeq) q = q.where("m.seq", "<", f.beforeSeq);
  return q.execute();
}

export async function messageCounts(db: Database) {
  const rows = await db
    .selectFrom("inboundMessage")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<
    Record<MessageStatus, number>
  >;
}
