/**
 * Who may see a citizen, as pure rules. A user acts either in one of their
 * organisation memberships (staff) or as themself (a citizen, or a relative
 * with consent). Staff reach a citizen only through a current relation of
 * their organisation; anything else is denied, except a stated, expiring
 * break-the-glass access that the audit log flags.
 */

export const ROLES = [
  "clinician",
  "coordinator",
  "cluster_lead",
  "committee_member",
  "administrator",
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = [
  "hospital",
  "hospital_department",
  "municipality",
  "municipal_unit",
  "general_practice",
  "cluster_secretariat",
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
  clusterId: string | null;
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
  | "break-the-glass";

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
  return null;
}

export function decideCitizenAccess(input: {
  actor: Actor;
  facts: CitizenFacts;
  now: Date;
  policy: AccessPolicy;
  breakGlass?: BreakGlassGrant[];
}): AccessDecision {
  const { actor, facts, now, policy } = input;
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
      const relation = organisationRelation(actor.organisation, facts, now, policy);
      return relation
        ? { allowed: true, relation }
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
      const relation = organisationRelation(actor.organisation, facts, now, policy);
      if (relation) return { allowed: true, relation };
      const grant = (input.breakGlass ?? []).find(
        (g) => g.userId === actor.userId && g.citizenId === facts.citizenId && now < g.expiresAt,
      );
      if (grant) {
        return { allowed: true, relation: "break-the-glass", breakGlassReason: grant.reason };
      }
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

/*
 * Who may administer what. An administrator administers the organisation they
 * act for and the units under it (its descendants by parent: a hospital's
 * departments, a municipality's units), and nothing else. The structure's own
 * bodies (a region, a cluster secretariat, and any kind added later such as a
 * committee or council) are administered by the operator through the CLI.
 */

/** Organisation kinds an administrator may administer; every other kind is the operator's. */
export const ADMINISTERED_KINDS: readonly OrganisationKind[] = [
  "hospital",
  "hospital_department",
  "municipality",
  "municipal_unit",
  "general_practice",
];

/**
 * Roles an administrator may grant. Cluster leads and committee members hold
 * their roles in the structure's bodies, so only the operator grants them.
 */
export const GRANTABLE_ROLES: readonly Role[] = ["clinician", "coordinator", "administrator"];

/** An organisation and how it hangs in the tree. */
export type OrganisationNode = { id: string; kind: string; parentId: string | null };

export const ADMINISTRATION_PROBLEMS = [
  "operatorOnly",
  "outsideTree",
  "roleNotGrantable",
  "selfGrant",
  "ownAccount",
  "notAdministeredUser",
] as const;
export type AdministrationProblem = (typeof ADMINISTRATION_PROBLEMS)[number];
/** Said by the web as `admin.refused.<problem>`. */
export type AdministrationRefusal = { reason: string; problem: AdministrationProblem };

/** The administrator as the rules see them: who, and the organisation they act for. */
export type AdministratorScope = {
  userId: string;
  organisation: Pick<OrganisationNode, "id" | "kind">;
};

/**
 * Whether `chain` (an organisation, then its parent, its grandparent, …, as
 * far as the tree goes) lies in the tree rooted at `rootId`.
 */
export function inTreeOf(rootId: string, chain: readonly OrganisationNode[]): boolean {
  return chain.some((o) => o.id === rootId);
}

/** Why `scope` may not administer the organisation whose chain this is, or null. */
export function organisationRefusal(
  scope: AdministratorScope,
  chain: readonly OrganisationNode[],
): AdministrationRefusal | null {
  const target = chain[0];
  const administered = (kind: string) => ADMINISTERED_KINDS.some((k) => k === kind);
  if (!target || !administered(target.kind) || !administered(scope.organisation.kind)) {
    return {
      reason: "roles and tokens in the structure's own bodies are given by the operator (CLI)",
      problem: "operatorOnly",
    };
  }
  if (!inTreeOf(scope.organisation.id, chain)) {
    return {
      reason: "an administrator administers only their own organisation and the units under it",
      problem: "outsideTree",
    };
  }
  return null;
}

/**
 * Why `scope` may not grant (or revoke) `role` in the organisation of `chain`
 * to the user `subjectUserId`, or null. An administrator never grants
 * themselves a role: a care role would open citizens' data to them, and
 * administrator of a unit under their own organisation would outlive the role
 * they hold now. A second administrator of the organisation (or the operator)
 * does that. Revoking one's own role is allowed: it only takes power away.
 */
export function membershipRefusal(input: {
  scope: AdministratorScope;
  subjectUserId: string;
  chain: readonly OrganisationNode[];
  role: Role;
  change: "grant" | "revoke";
}): AdministrationRefusal | null {
  const refused = organisationRefusal(input.scope, input.chain);
  if (refused) return refused;
  if (!GRANTABLE_ROLES.includes(input.role)) {
    return {
      reason: `the role ${input.role} is given by the operator (CLI)`,
      problem: "roleNotGrantable",
    };
  }
  if (input.change === "grant" && input.subjectUserId === input.scope.userId) {
    return {
      reason: "an administrator cannot grant themselves a role; another administrator must",
      problem: "selfGrant",
    };
  }
  return null;
}

/**
 * Why `scope` may not reset the password of, disable or enable the user whose
 * active memberships have these chains, or null. An administrator manages
 * only staff whose every role lies in their tree (a user with a role
 * elsewhere, or none, is the operator's), and never their own account here.
 */
export function accountRefusal(input: {
  scope: AdministratorScope;
  subjectUserId: string;
  membershipChains: readonly (readonly OrganisationNode[])[];
}): AdministrationRefusal | null {
  if (input.subjectUserId === input.scope.userId) {
    return {
      reason: "an administrator manages their own account as any user does",
      problem: "ownAccount",
    };
  }
  const outside =
    input.membershipChains.length === 0 ||
    input.membershipChains.some((chain) => organisationRefusal(input.scope, chain) !== null);
  if (outside) {
    return {
      reason: "the user holds a role outside your organisation, or none; the operator manages them",
      problem: "notAdministeredUser",
    };
  }
  return null;
}
