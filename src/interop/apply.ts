import { sql } from "kysely";
import type { CitizenService } from "../citizens/service.ts";
import type { PathwayService } from "../pathways/service.ts";
import type { Database } from "../platform/db/database.ts";
import type { OrganisationService } from "../structure/organisations.ts";
import { danishToday } from "../structure/service.ts";
import type { MessageIssue } from "./medcom/bundle-reader.ts";
import {
  type Classification,
  classify,
  episodeKeyOf,
  type HospitalNotification,
} from "./medcom/hospital-notification.ts";
import type { ReadResult } from "./medcom/read-hospital-notification.ts";
import { toStayNotification } from "./medcom/stay-notification.ts";
import { type ResolvedParties, resolveParties, sorCodesOf } from "./resolve.ts";
import {
  chainOf,
  isTokenBound,
  type SenderAuthority,
  senderRefusal,
  type TreeNode,
} from "./sender-authority.ts";
import type { MessageOutcome } from "./store.ts";

/**
 * Applies a batch of read messages inside one transaction, in a fixed number
 * of statements whatever the batch size: one look-up of all SOR codes, one
 * upsert of all citizens, then the stays. A single message is a batch of one,
 * so the HTTP endpoint and the bulk import share every step.
 */

/** `authority`: what the token the message came with may send for (sender-authority.ts). */
export type ApplyItem = { messageId: string; read: ReadResult; authority: SenderAuthority };
export type Applied = Omit<MessageOutcome, "acknowledgement"> & {
  issues: MessageIssue[];
  notification?: HospitalNotification;
};

/** The outcome columns of a message that could not be read far enough to fill them. */
export const NO_META = {
  messageType: null,
  activityCode: null,
  senderSor: null,
  receiverSor: null,
  eventAt: null,
  citizenId: null,
  appliedAt: null,
};

type Valid = {
  index: number;
  messageId: string;
  n: HospitalNotification;
  c: Classification;
  warnings: MessageIssue[];
  authority: SenderAuthority;
  parties?: ResolvedParties;
};

type Units = Awaited<ReturnType<OrganisationService["unitsBySor"]>>;

/**
 * Why each token-bound message may not be applied for its sender, by message
 * id; one look-up of the senders' places in the organisation tree per batch,
 * none for a batch the operator imported.
 */
async function senderRefusals(
  tx: Database,
  organisations: OrganisationService,
  valid: Valid[],
  units: Units,
) {
  const bound = valid.filter((v) => isTokenBound(v.authority));
  const senderIds = bound.flatMap((v) => {
    const unit = units.get(v.n.sender.sor);
    return unit ? [unit.organisationId] : [];
  });
  const tree: ReadonlyMap<string, TreeNode> =
    senderIds.length > 0 ? await organisations.lineage(senderIds, tx) : new Map();
  const refusals = new Map<string, MessageIssue>();
  for (const v of bound) {
    const unit = units.get(v.n.sender.sor);
    const chain = unit ? chainOf(unit.organisationId, tree) : null;
    const refusal = senderRefusal(v.authority, { sor: v.n.sender.sor, chain });
    if (refusal) refusals.set(v.messageId, refusal);
  }
  return refusals;
}

function metaOf(v: Valid) {
  return {
    activityCode: v.c.activity,
    senderSor: v.n.sender.sor,
    receiverSor: v.n.receiver.sor,
    eventAt: new Date(v.c.eventAt),
    messageType: v.c.label,
  };
}

/** RE_MORS has no code: it is a death notification that follows a death notification. */
async function correctedDeaths(tx: Database, pathways: PathwayService, valid: Valid[]) {
  const deathIds = new Set(
    valid.filter((v) => v.c.base === "MORS").map((v) => v.n.messageHeaderId),
  );
  const candidates = valid.filter(
    (v) => v.c.base === "MORS" && v.c.variant === "new" && v.c.previousMessageHeaderId !== null,
  );
  const previous = candidates.map((v) => v.c.previousMessageHeaderId ?? "");
  const stored = await pathways.deathNotifications(tx, previous);
  return new Set(
    candidates
      .filter((v) => {
        const p = v.c.previousMessageHeaderId ?? "";
        return stored.has(p) || deathIds.has(p);
      })
      .map((v) => v.messageId),
  );
}

/** Reads each item: an invalid message is rejected here (in `results`); the rest go on. */
function validItems(items: ApplyItem[], results: Applied[]): Valid[] {
  const valid: Valid[] = [];
  items.forEach((item, index) => {
    const read = item.read;
    if (!read.ok) {
      results[index] = {
        ...NO_META,
        status: "rejected",
        responseCode: "fatal-error",
        problems: read.issues,
        issues: read.issues,
      };
      return;
    }
    const c = classify(read.notification);
    if (!c) throw new Error("A validated message has a current Provenance");
    valid.push({
      index,
      messageId: item.messageId,
      n: read.notification,
      c,
      warnings: read.warnings,
      authority: item.authority,
    });
  });
  return valid;
}

/**
 * Places each message's sender and receiver in the register: a sender its token
 * may not send for is refused, a party the register does not know makes a dead
 * letter (both in `results`); returns the rest with their parties.
 */
async function resolveAll(
  tx: Database,
  organisations: OrganisationService,
  valid: Valid[],
  results: Applied[],
) {
  const units = await organisations.unitsBySor(
    valid.flatMap((v) => sorCodesOf(v.n)),
    tx,
  );
  const refusals = await senderRefusals(tx, organisations, valid, units);
  const resolvable: (Valid & { parties: ResolvedParties })[] = [];
  for (const v of valid) {
    const refusal = refusals.get(v.messageId);
    const resolved = refusal ? null : resolveParties(units, v.n);
    if (resolved?.ok) {
      resolvable.push({ ...v, parties: resolved.parties });
      continue;
    }
    // Refused (its token may not speak for this sender) or kept (a party not registered yet).
    const issues = refusal
      ? [refusal, ...v.warnings]
      : [...v.warnings, ...(resolved?.issues ?? [])];
    results[v.index] = {
      ...NO_META,
      ...metaOf(v),
      ...(refusal
        ? { status: "rejected", responseCode: "fatal-error" }
        : { status: "dead_letter", responseCode: "ok" }),
      problems: issues,
      issues,
      notification: v.n,
    };
  }
  return resolvable;
}

export async function applyBatch(
  tx: Database,
  deps: { citizens: CitizenService; pathways: PathwayService; organisations: OrganisationService },
  items: ApplyItem[],
  now: Date,
): Promise<Applied[]> {
  const results: Applied[] = new Array(items.length);
  const valid = validItems(items, results);
  const resolvable = await resolveAll(tx, deps.organisations, valid, results);
  if (resolvable.length === 0) return results;
  // A citizen's move is dated by the app's clock, not the database's (migration 0018).
  await sql`select set_config('tovholder.today', ${danishToday(now)}, true)`.execute(tx);
  const citizenIds = await deps.citizens.registerFromMessages(
    tx,
    resolvable.map((v) => ({
      cpr: v.n.patient.cpr,
      name: [...v.n.patient.given, v.n.patient.family].join(" "),
      homeMunicipalityCode: v.parties.homeMunicipalityCode,
    })),
  );
  const reMors = await correctedDeaths(tx, deps.pathways, resolvable);
  const events = resolvable.map((v) => ({
    episodeKey: episodeKeyOf(v.n),
    citizenId: citizenIds.get(v.n.patient.cpr) ?? "",
    hospitalId: v.parties.sender.hospitalId,
    senderOrganisationId: v.parties.sender.organisationId,
    notification: {
      ...toStayNotification(v.n, v.c, v.parties.department?.organisationId ?? null),
      messageType: reMors.has(v.messageId) ? "RE_MORS" : v.c.label,
      inboundMessageId: v.messageId,
    },
  }));
  await deps.pathways.applyHospitalStayEvents(tx, events);
  resolvable.forEach((v, i) => {
    results[v.index] = {
      ...metaOf(v),
      messageType: events[i]?.notification.messageType ?? v.c.label,
      status: "applied",
      responseCode: "ok",
      problems: v.warnings,
      issues: v.warnings,
      citizenId: events[i]?.citizenId ?? null,
      appliedAt: now,
      notification: v.n,
    };
  });
  return results;
}
