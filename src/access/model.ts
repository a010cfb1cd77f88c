/**
 * Who may see a citizen, as pure rules. A user acts either in one of their
 * organisation memberships (staff) or as themself (a citizen, or a relative
 * with consent). Staff reach a citizen only through a current relation of
 * their organisation; anything else is denied, except a stated, expiring
 * break-the-glass access that the audit log flags.
 */

import { danishDate } from "../structure/model.ts";
import {
  FOLLOW_UP_BASIC_RELATIONS,
  type FollowUpFact,
  type FollowUpRelation,
  followUpRelation,
} from "./follow-up-relations.ts";
import {
  BASIC_RELATIONS,
  type HandoverFact,
  type HandoverRelation,
  handoverRelation,
} from "./handover-relations.ts";

export type { FollowUpFact } from "./follow-up-relations.ts";
export type { HandoverFact } from "./handover-relations.ts";

export const ROLES = [
  "clinician",
  "coordinator",
  "body_lead",
  "committee_member",
  "administrator",
  /** A patient or relatives' organisation's representative on a body: comments in consultation. */
  "citizen_representative",
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = [
  "hospital",
  "hospital_department",
  "municipality",
  "municipal_unit",
  "general_practice",
  "body_secretariat",
  "region",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type OrganisationRef = {
  id: string;
  name: string;
  kind: OrganisationKind;
  hospitalId: string | null;
  municipalityCode: string | null;
  generalPracticeId: string | null;
  bodyId: string | null;
  regionCode: string | null;
};

export type StaffActor = {
  kind: "staff";
  userId: string;
  membershipId: string;
  role: Role;
  organisation: OrganisationRef;
};
export type CitizenActor = { kind: "citizen"; userId: string; citizenId: string };
export type RelativeActor = { kind: "relative"; userId: string };
export type TokenActor = {
  kind: "token";
  tokenId: string;
  scopes: string[];
  organisation: OrganisationRef;
};
/**
 * A message broker (a regional integration platform, the national message
 * distribution): a token held by no organisation, that may post messages only
 * for the senders (SOR codes) the operator listed for it (`broker-tokens.ts`).
 */
export type BrokerActor = {
  kind: "broker";
  tokenId: string;
  name: string;
  scopes: string[];
  senders: string[];
};
export type Actor = StaffActor | CitizenActor | RelativeActor | TokenActor | BrokerActor;

/** What the database knows about a citizen that can create a relation. */
export type CitizenFacts = {
  citizenId: string;
  homeMunicipalityCode: string | null;
  listedPracticeId: string | null;
  stays: { hospitalId: string; admittedAt: Date; dischargedAt: Date | null }[];
  consents: {
    relativeUserId: string;
    grantedAt: Date;
    expiresAt: Date | null;
    revokedAt: Date | null;
  }[];
  /** The citizen's handovers that can give a relation (handover-relations.ts). */
  handovers: HandoverFact[];
  /** The citizen's medical follow-up items that can give a relation (follow-up-relations.ts). */
  followUps?: FollowUpFact[];
};

export type BreakGlassGrant = {
  userId: string;
  citizenId: string;
  reason: string;
  expiresAt: Date;
};

export type AccessPolicy = {
  /** How long a hospital keeps access after discharge, in hours. */
  hospitalAfterDischargeHours: number;
  /** How long a break-the-glass access lasts, in minutes. */
  breakGlassMinutes: number;
};

export const defaultAccessPolicy: AccessPolicy = {
  hospitalAfterDischargeHours: 30 * 24,
  breakGlassMinutes: 4 * 60,
};

export type Relation =
  | "hospital-stay"
  | "home-municipality"
  | "listed-practice"
  | "self"
  | "relative-consent"
  | "break-the-glass"
  | HandoverRelation
  | FollowUpRelation;

/**
 * What a relation opens: all the citizen's data (`full`), or only who they
 * are — name and basic facts, and the handover they were called in on
 * (`basic`), never the course of care.
 */
export type RelationScope = "basic" | "full";

export function scopeOf(relation: Relation): RelationScope {
  const basic: readonly string[] = [...BASIC_RELATIONS, ...FOLLOW_UP_BASIC_RELATIONS];
  return basic.includes(relation) ? "basic" : "full";
}

export type AccessDecision =
  | { allowed: true; relation: Relation; breakGlassReason?: string }
  | { allowed: false; reason: string; problem: AccessProblem };

/** Why access was denied, as an id the web says in its user's language (`access.denied.*`). */
export const ACCESS_PROBLEMS = [
  "notSelf",
  "noConsent",
  "tokenNoRelation",
  "roleNoCitizens",
  "noRelation",
  "basicOnly",
] as const;
export type AccessProblem = (typeof ACCESS_PROBLEMS)[number];

/** Roles whose work is the care of individual citizens; the others see aggregates only. */
export const CARE_ROLES: readonly Role[] = ["clinician", "coordinator"];

const HOUR = 3_600_000;

export function hospitalRelationHolds(
  organisation: OrganisationRef,
  facts: CitizenFacts,
  now: Date,
  policy: AccessPolicy,
): boolean {
  if (!organisation.hospitalId) return false;
  if (organisation.kind !== "hospital" && organisation.kind !== "hospital_department") return false;
  return facts.stays.some((stay) => {
    if (stay.hospitalId !== organisation.hospitalId) return false;
    if (stay.admittedAt > now) return false;
    if (stay.dischargedAt === null) return true;
    return now.getTime() < stay.dischargedAt.getTime() + policy.hospitalAfterDischargeHours * HOUR;
  });
}

export function municipalityRelationHolds(organisation: OrganisationRef, facts: CitizenFacts) {
  return (
    (organisation.kind === "municipality" || organisation.kind === "municipal_unit") &&
    organisation.municipalityCode !== null &&
    organisation.municipalityCode === facts.homeMunicipalityCode
  );
}

export function practiceRelationHolds(organisation: OrganisationRef, facts: CitizenFacts) {
  return (
    organisation.kind === "general_practice" &&
    organisation.generalPracticeId !== null &&
    organisation.generalPracticeId === facts.listedPracticeId
  );
}

export function consentHolds(userId: string, facts: CitizenFacts, now: Date): boolean {
  return facts.consents.some(
    (c) =>
      c.relativeUserId === userId &&
      c.grantedAt <= now &&
      (c.revokedAt === null || now < c.revokedAt) &&
      (c.expiresAt === null || now < c.expiresAt),
  );
}

/** The organisation relation an actor's organisation has to the citizen now, if any. */
export function organisationRelation(
  organisation: OrganisationRef,
  facts: CitizenFacts,
  now: Date,
  policy: AccessPolicy,
): Relation | null {
  if (hospitalRelationHolds(organisation, facts, now, policy)) return "hospital-stay";
  if (municipalityRelationHolds(organisation, facts)) return "home-municipality";
  if (practiceRelationHolds(organisation, facts)) return "listed-practice";
  return (
    handoverRelation(organisation, facts.handovers, now) ??
    followUpRelation(organisation, facts.followUps ?? [], danishDate(now))
  );
}

/**
 * The relation an organisation has that covers `needs`: a `basic` relation
 * does not cover a read of the course of care. `basic` says a relation was
 * found that covers less than what was asked.
 */
function relationFor(
  organisation: OrganisationRef,
  facts: CitizenFacts,
  now: Date,
  policy: AccessPolicy,
  needs: RelationScope,
): { relation: Relation } | { relation: null; basic: boolean } {
  const relation = organisationRelation(organisation, facts, now, policy);
  if (relation === null) return { relation: null, basic: false };
  if (needs === "full" && scopeOf(relation) === "basic") return { relation: null, basic: true };
  return { relation };
}

const basicOnly: AccessDecision = {
  allowed: false,
  reason: "your organisation's relation gives the citizen's name and basic facts only",
  problem: "basicOnly",
};

export function decideCitizenAccess(input: {
  actor: Actor;
  facts: CitizenFacts;
  now: Date;
  policy: AccessPolicy;
  breakGlass?: BreakGlassGrant[];
  /** What the read needs; a read of the course of care (the default) needs `full`. */
  needs?: RelationScope;
}): AccessDecision {
  const { actor, facts, now, policy } = input;
  const needs = input.needs ?? "full";
  switch (actor.kind) {
    case "citizen":
      return actor.citizenId === facts.citizenId
        ? { allowed: true, relation: "self" }
        : { allowed: false, reason: "a citizen sees only their own data", problem: "notSelf" };
    case "relative":
      return consentHolds(actor.userId, facts, now)
        ? { allowed: true, relation: "relative-consent" }
        : { allowed: false, reason: "no active consent from the citizen", problem: "noConsent" };
    case "token": {
      const found = relationFor(actor.organisation, facts, now, policy, needs);
      if (found.relation === null && found.basic) return basicOnly;
      return found.relation
        ? { allowed: true, relation: found.relation }
        : {
            allowed: false,
            reason: "the token's organisation has no relation to the citizen",
            problem: "tokenNoRelation",
          };
    }
    case "broker":
      return {
        allowed: false,
        reason: "a message broker's token reaches no citizen's data",
        problem: "tokenNoRelation",
      };
    case "staff": {
      if (!CARE_ROLES.includes(actor.role)) {
        return {
          allowed: false,
          reason: `the role ${actor.role} does not give access to citizens`,
          problem: "roleNoCitizens",
        };
      }
      const found = relationFor(actor.organisation, facts, now, policy, needs);
      if (found.relation) return { allowed: true, relation: found.relation };
      const grant = (input.breakGlass ?? []).find(
        (g) => g.userId === actor.userId && g.citizenId === facts.citizenId && now < g.expiresAt,
      );
      if (grant) {
        return { allowed: true, relation: "break-the-glass", breakGlassReason: grant.reason };
      }
      if (found.basic) return basicOnly;
      return {
        allowed: false,
        reason: "your organisation has no current relation to the citizen",
        problem: "noRelation",
      };
    }
  }
}

export const BREAK_GLASS_MIN_REASON = 10;

export const BREAK_GLASS_PROBLEMS = ["staffOnly", "role", "reasonTooShort"] as const;
export type BreakGlassRefusal = {
  reason: string;
  /** Said by the web as `access.breakGlass.<problem>`. */
  problem: (typeof BREAK_GLASS_PROBLEMS)[number];
};

/** Only clinicians in a care organisation may break the glass, and only with a stated reason. */
export function breakGlassRefusal(actor: Actor, reason: string): BreakGlassRefusal | null {
  if (actor.kind !== "staff")
    return { reason: "only staff can use emergency access", problem: "staffOnly" };
  if (!CARE_ROLES.includes(actor.role))
    return { reason: `the role ${actor.role} cannot use emergency access`, problem: "role" };
  if (reason.trim().length < BREAK_GLASS_MIN_REASON) {
    return {
      reason: `the reason must be at least ${BREAK_GLASS_MIN_REASON} characters`,
      problem: "reasonTooShort",
    };
  }
  return null;
}

export function breakGlassExpiry(now: Date, policy: AccessPolicy): Date {
  return new Date(now.getTime() + policy.breakGlassMinutes * 60_000);
}

/** Server-side session lifetimes. */
export type SessionPolicy = { idleMinutes: number; absoluteHours: number };
export const defaultSessionPolicy: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 };

export function sessionIsLive(
  session: { lastSeenAt: Date; expiresAt: Date; endedAt: Date | null },
  now: Date,
  policy: SessionPolicy,
): boolean {
  if (session.endedAt !== null) return false;
  if (now >= session.expiresAt) return false;
  return now.getTime() - session.lastSeenAt.getTime() < policy.idleMinutes * 60_000;
}

/** Login throttling: after `maxFailures` in `windowMinutes`, the key is locked for `lockMinutes`. */
export type ThrottlePolicy = { maxFailures: number; windowMinutes: number; lockMinutes: number };
export const defaultThrottlePolicy: ThrottlePolicy = {
  maxFailures: 5,
  windowMinutes: 15,
  lockMinutes: 15,
};

export type ThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && now < state.lockedUntil;
}

export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const windowOpen =
    state && now.getTime() - state.windowStartedAt.getTime() < policy.windowMinutes * 60_000;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockedUntil =
    failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  return { failures, windowStartedAt, lockedUntil };
}
