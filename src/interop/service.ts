import { createHash, randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import type { CitizenService } from "../citizens/service.ts";
import type { PathwayService } from "../pathways/service.ts";
import type { Database } from "../platform/db/database.ts";
import { isDatabaseUnavailable } from "../platform/db/unavailable.ts";
import { notFound } from "../platform/http/errors.ts";
import { MAX_JSON_DEPTH } from "../platform/http/input-limits.ts";
import { findNul, nestsDeeperThan, withoutNul } from "../platform/http/json-input.ts";
import type { OrganisationService } from "../structure/organisations.ts";
import { type Applied, applyBatch, NO_META } from "./apply.ts";
import {
  type AcknowledgedMessage,
  buildAcknowledgement,
  type ResponseCode,
  resendAcknowledgement,
} from "./medcom/acknowledgement.ts";
import { FHIR_ID, type MessageIssue } from "./medcom/bundle-reader.ts";
import { currentProvenance } from "./medcom/hospital-notification.ts";
import {
  messageIdsOf,
  type ReadResult,
  readHospitalNotification,
} from "./medcom/read-hospital-notification.ts";
import type { SenderAuthority } from "./sender-authority.ts";
import * as store from "./store.ts";

/**
 * Receiving MedCom HospitalNotifications. A batch of messages (one, for an
 * HTTP request) is handled in one transaction: each is stored raw (sealed,
 * since it holds a CPR number), validated, resolved against the organisation
 * register, applied to the citizen's course of care, and answered with an
 * Acknowledgement that is stored with it, so that a duplicate gets the same
 * answer. A message that cannot be applied yet is kept as a dead letter.
 */

export type IngestOutcome = "accepted" | "duplicate" | "rejected" | "dead-letter" | "failed";
export type IngestResult = {
  outcome: IngestOutcome;
  /** The Acknowledgement's code; for a duplicate, that of the first answer. */
  responseCode: ResponseCode;
  messageId: string | null;
  acknowledgement: Record<string, unknown>;
};
/**
 * How a message came in: over HTTP with a token, bound to what that token may
 * send for (`authority`, see sender-authority.ts), or imported by the operator
 * (CLI, the demo), bound to no token; an import of generated data marks its
 * messages synthetic.
 */
export type Via =
  | { via: "http"; tokenId: string; authority: SenderAuthority }
  | { via: "import"; synthetic?: boolean };

const authorityOf = (via: Via): SenderAuthority =>
  via.via === "http" ? via.authority : { kind: "operator" };

type Prepared = {
  raw: string;
  body: unknown;
  authority: SenderAuthority;
  ids: { bundleId: string | null; messageHeaderId: string | null };
  /** Why the message is refused before it is read (too deep, a text with U+0000), if it is. */
  refusal: MessageIssue | null;
  sealed: store.NewInboundMessage;
};

const outcomeOf = (status: store.MessageStatus): IngestOutcome =>
  status === "applied" ? "accepted" : status === "rejected" ? "rejected" : "dead-letter";

/** The message parsed, unless it nests too deep for anything recursive to read (then undefined). */
function parseSafely(raw: string): unknown {
  return nestsDeeperThan(raw) ? undefined : parseJson(raw);
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The answer to a message that arrived while the database was away: nothing of
 * it was stored, and the sender is asked to send it again (MedCom
 * transient-error, HTTP 503 with Retry-After).
 */
export function unavailableAcknowledgement(raw: string, now: Date = new Date()) {
  const issue: MessageIssue = {
    severity: "error",
    code: "invalid",
    expression: "Bundle",
    rule: "the receiving system cannot store messages right now; send the message again later",
  };
  return buildAcknowledgement(ackTarget(parseSafely(raw)), "transient-error", [issue], now);
}

/**
 * A message PostgreSQL could not store as it is, or one that nests too deep to
 * read safely, is refused before it is read: a fatal-error naming the element.
 * (The raw message is kept sealed, so its bytes never meet a text column.)
 */
function refusalOf(raw: string, body: unknown): MessageIssue | null {
  if (nestsDeeperThan(raw))
    return {
      severity: "error",
      code: "structure",
      expression: "Bundle",
      rule: `must not nest deeper than ${MAX_JSON_DEPTH} levels`,
    };
  const at = findNul(body);
  if (at === null) return null;
  return {
    severity: "error",
    code: "value",
    expression: fhirPath(at),
    rule: "must not contain the null character (U+0000)",
  };
}

/** A path of keys and indexes from the Bundle, written as FHIRPath: Bundle.entry[0].resource.id. */
const fhirPath = (at: (string | number)[]) =>
  at.reduce<string>((p, k) => (typeof k === "number" ? `${p}[${k}]` : `${p}.${k}`), "Bundle");

/** An id as stored: one with U+0000 cannot be (nor match another message's), so it is none. */
const storable = (id: string | null) =>
  id === null || id.includes("\u0000") || !FHIR_ID.test(id) ? null : id;

/** Who an Acknowledgement answers, even for a message too broken to read. */
function ackTarget(body: unknown, applied?: Applied): AcknowledgedMessage {
  const n = applied?.notification;
  if (n) {
    return {
      messageHeaderId: n.messageHeaderId,
      sender: n.sender,
      receiver: n.receiver,
      sourceEndpoint: n.sourceEndpoint,
      destinationEndpoint: n.destinationEndpoint,
      currentProvenance: currentProvenance(n) ?? null,
    };
  }
  const headerId = messageIdsOf(body).messageHeaderId;
  return {
    // Echoed in the Ack, which is stored as jsonb: U+0000 shows as U+FFFD.
    messageHeaderId: headerId === null ? "unknown" : withoutNul(headerId),
    sender: null,
    receiver: null,
    sourceEndpoint: null,
    destinationEndpoint: null,
    currentProvenance: null,
  };
}

export function createMessageIngest(deps: {
  db: Database;
  cipher: PersonalDataCipher;
  citizens: CitizenService;
  pathways: PathwayService;
  organisations: OrganisationService;
  logger?: FastifyBaseLogger;
  clock?: () => Date;
}) {
  const { db, cipher } = deps;
  const clock = deps.clock ?? (() => new Date());

  function prepare(raw: string, via: Via): Prepared {
    const body = parseSafely(raw);
    const read = messageIdsOf(body);
    const ids = {
      bundleId: storable(read.bundleId),
      messageHeaderId: storable(read.messageHeaderId),
    };
    return {
      raw,
      body,
      authority: authorityOf(via),
      ids,
      refusal: refusalOf(raw, body),
      sealed: {
        id: randomUUID(),
        messageHeaderId: ids.messageHeaderId,
        bundleId: ids.bundleId,
        receivedVia: via.via,
        tokenId: via.via === "http" ? via.tokenId : null,
        synthetic: via.via === "import" && via.synthetic === true,
        bodyEncrypted: cipher.encrypt(raw),
        bodySha256: createHash("sha256").update(raw).digest("hex"),
      },
    };
  }

  /** The message read, or its refusal before reading. */
  function readOf(p: Pick<Prepared, "body" | "ids" | "refusal">): ReadResult {
    if (p.refusal) return { ok: false, issues: [p.refusal], ids: p.ids };
    return readHospitalNotification(p.body, clock());
  }

  /** Stores, applies and answers a batch; returns null for messages that were already here. */
  async function processBatch(batch: Prepared[]): Promise<(IngestResult | null)[]> {
    return db.transaction().execute(async (tx) => {
      const inserted = await store.insertMessages(
        tx,
        batch.map((p) => p.sealed),
      );
      const insertedHeaders = new Set(
        batch.filter((p) => inserted.has(p.sealed.id)).map((p) => p.ids.messageHeaderId),
      );
      // Seen before (not just now, twice in this batch): a duplicate, unless we failed it last time.
      const known = await store.findByHeaderIds(
        tx,
        batch
          .filter((p) => p.ids.messageHeaderId && !insertedHeaders.has(p.ids.messageHeaderId))
          .map((p) => p.ids.messageHeaderId ?? ""),
      );
      // A message we failed ourselves last time (transient-error) is processed again.
      const retry = new Map(
        known
          .filter((k) => k.responseCode === "transient-error")
          .map((k) => [k.messageHeaderId, k.id]),
      );
      const work = batch.flatMap((p) => {
        const id = inserted.has(p.sealed.id) ? p.sealed.id : retry.get(p.ids.messageHeaderId);
        if (!id) return [];
        if (!inserted.has(p.sealed.id)) retry.delete(p.ids.messageHeaderId); // twice in one batch: once
        return [{ p, messageId: id }];
      });
      const applied = await applyBatch(
        tx,
        deps,
        work.map((w) => ({
          messageId: w.messageId,
          read: readOf(w.p),
          // A re-sent message is checked against the token that sent it now.
          authority: w.p.authority,
        })),
        clock(),
      );
      const results = new Map<Prepared, IngestResult>();
      const outcomes = work.map((w, i) => {
        const a = applied[i] as Applied;
        const acknowledgement = buildAcknowledgement(
          ackTarget(w.p.body, a),
          a.responseCode,
          a.issues,
          clock(),
        );
        results.set(w.p, {
          outcome: outcomeOf(a.status),
          responseCode: a.responseCode,
          messageId: w.messageId,
          acknowledgement,
        });
        const { issues: _issues, notification: _n, ...outcome } = a;
        return { ...outcome, id: w.messageId, acknowledgement };
      });
      await store.recordOutcomes(tx, outcomes);
      return batch.map((p) => results.get(p) ?? null);
    });
  }

  /** Messages seen before get the answer stored with them, with a new Bundle id and timestamp. */
  async function answerDuplicates(batch: Prepared[], results: (IngestResult | null)[]) {
    const missing = batch.filter((_p, i) => results[i] === null);
    if (missing.length === 0) return results as IngestResult[];
    const stored = await store.findByHeaderIds(
      db,
      missing.map((p) => p.ids.messageHeaderId ?? ""),
    );
    const byHeader = new Map(stored.map((s) => [s.messageHeaderId, s]));
    const counted: string[] = [];
    const answered = batch.map((p, i) => {
      const done = results[i];
      if (done) return done;
      const s = byHeader.get(p.ids.messageHeaderId);
      if (!s?.acknowledgement)
        throw new Error("A message that conflicted on its id has no stored answer");
      counted.push(s.id);
      const ack = s.acknowledgement as { id: string; timestamp: string };
      return {
        outcome: "duplicate" as const,
        responseCode: s.responseCode,
        messageId: s.id,
        acknowledgement: resendAcknowledgement(ack, clock()),
      };
    });
    await store.countDuplicates(db, counted, clock());
    return answered;
  }

  /** An error of ours: keep the message as a dead letter and ask the sender to try again later. */
  async function failed(err: unknown, p: Prepared): Promise<IngestResult> {
    deps.logger?.error(
      { err, messageHeaderId: p.ids.messageHeaderId },
      "applying a message failed",
    );
    const issue: MessageIssue = {
      severity: "error",
      code: "invalid",
      expression: "Bundle",
      rule: "the receiving system failed to process the message; it is kept and will be processed again",
    };
    const acknowledgement = buildAcknowledgement(
      ackTarget(p.body),
      "transient-error",
      [issue],
      clock(),
    );
    const id = await db.transaction().execute(async (tx) => {
      const inserted = await store.insertMessages(tx, [p.sealed]);
      const [existing] = inserted.has(p.sealed.id)
        ? [{ id: p.sealed.id }]
        : await store.findByHeaderIds(tx, [p.ids.messageHeaderId ?? ""]);
      if (!existing) return null;
      await store.recordOutcomes(tx, [
        {
          ...NO_META,
          id: existing.id,
          status: "dead_letter",
          responseCode: "transient-error",
          problems: [issue],
          acknowledgement,
        },
      ]);
      return existing.id;
    });
    return { outcome: "failed", responseCode: "transient-error", messageId: id, acknowledgement };
  }

  /** Receives a batch; each message carries how it came (HTTP token or import). */
  async function receiveEach(items: { raw: string; via: Via }[]): Promise<IngestResult[]> {
    const batch = items.map((i) => prepare(i.raw, i.via));
    try {
      return await answerDuplicates(batch, await processBatch(batch));
    } catch (err) {
      // Nothing was written (one transaction), and nothing can be while the database is
      // away: every message in the batch is answered transient-error, to be sent again.
      if (isDatabaseUnavailable(err)) throw err;
      // One message must not fail the others: take the batch one message at a time.
      if (batch.length === 1 && batch[0]) return [await failed(err, batch[0])];
      const one: IngestResult[] = [];
      for (const item of items) one.push(...(await receiveEach([item])));
      return one;
    }
  }

  /**
   * Applies a kept message again, e.g. after its sender's SOR code has been
   * registered. A message that came with a token is still bound to it: its
   * sender is checked against what that token may send for, as at receipt.
   */
  async function reapply(messageId: string) {
    const row = await store.findMessage(db, messageId);
    if (!row) throw notFound("message");
    if (row.status === "applied")
      return { status: row.status, problems: row.problems as unknown[] };
    const raw = cipher.decrypt(row.bodyEncrypted);
    const body = parseSafely(raw);
    const read = readOf({ body, ids: messageIdsOf(body), refusal: refusalOf(raw, body) });
    return db.transaction().execute(async (tx) => {
      const authority: SenderAuthority =
        row.receivedVia === "import"
          ? { kind: "operator" }
          : await store.tokenAuthority(tx, row.tokenId);
      const [a] = await applyBatch(tx, deps, [{ messageId: row.id, read, authority }], clock());
      if (!a) throw new Error("A batch of one has one result");
      const { issues: _i, notification: _n, responseCode: _r, ...outcome } = a;
      await store.recordReapply(tx, row.id, outcome, clock());
      return { status: outcome.status, problems: outcome.problems };
    });
  }

  return {
    receiveEach,
    receiveMany: (raws: string[], via: Via) => receiveEach(raws.map((raw) => ({ raw, via }))),
    async receive(raw: string, via: Via): Promise<IngestResult> {
      const [result] = await receiveEach([{ raw, via }]);
      if (!result) throw new Error("A batch of one has one result");
      return result;
    },
    reapply,
    list: (f: store.MessageFilter) => store.listMessages(db, f),
    counts: () => store.messageCounts(db),
  };
}

export type MessageIngest = ReturnType<typeof createMessageIngest>;
