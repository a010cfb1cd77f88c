import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { auditedRefusal } from "../platform/http/route-access.ts";
import * as auditStore from "./audit-store.ts";
import type { CitizenAuditAction, CitizenAuditResource } from "./audit-vocabulary.ts";
import {
  type AccessDecision,
  type AccessPolicy,
  type Actor,
  type BreakGlassGrant,
  breakGlassExpiry,
  breakGlassRefusal,
  type CitizenFacts,
  decideCitizenAccess,
  type Relation,
  type RelationScope,
} from "./model.ts";
import * as store from "./store.ts";

/**
 * An audited act on configuration, or a route's refusal (its resource the
 * route's URL): never in a citizen's log, so its words are free.
 */
export type ConfigurationPurpose = {
  action: string;
  resource:
    | "organisation-contact"
    | "handover-rules"
    | "webhook"
    | "agreement"
    | "initiative"
    | "gp-capacity"
    | "meeting"
    | "unknown"
    | `/${string}`;
  purpose?: string;
  needs?: never;
};

/** Who is acting, and the request it happens in (for the audit trail). */
export type RequestContext = { actor: Actor; requestId: string };

export type AccessPurpose = {
  /** Words the citizen reads in their access log (audit-vocabulary.ts). */
  action: CitizenAuditAction;
  resource: CitizenAuditResource;
  purpose?: string;
  /** What the read needs: `basic` for a name on a list, `full` (the default) for the rest. */
  needs?: RelationScope;
};

function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case "staff":
      return {
        actorKind: "staff" as const,
        userId: actor.userId,
        tokenId: null,
        organisationId: actor.organisation.id,
        organisationName: actor.organisation.name,
        role: actor.role,
        // The citizen's log says when this role was granted by an administrator.
        membershipId: actor.membershipId,
      };
    case "token":
      return {
        actorKind: "token" as const,
        userId: null,
        tokenId: actor.tokenId,
        organisationId: actor.organisation.id,
        organisationName: actor.organisation.name,
        role: null,
        membershipId: null,
      };
    case "broker":
      return {
        actorKind: "token" as const,
        userId: null,
        tokenId: actor.tokenId,
        organisationId: null,
        organisationName: null,
        role: null,
      };
    default:
      return {
        actorKind: actor.kind,
        userId: actor.userId,
        tokenId: null,
        organisationId: null,
        organisationName: null,
        role: null,
        membershipId: null,
      };
  }
}

/** Who asked, when, for what: the same for every citizen one decision covers. */
function auditShared(ctx: RequestContext, what: AccessPurpose | ConfigurationPurpose, at: Date) {
  return {
    ...actorColumns(ctx.actor),
    at,
    requestId: ctx.requestId,
    action: what.action,
    resource: what.resource,
    purpose: what.purpose ?? null,
  };
}

function auditRow(
  ctx: RequestContext,
  citizenId: string | null,
  what: AccessPurpose | ConfigurationPurpose,
  outcome: "allowed" | "denied",
  extra: { relation?: Relation | null; breakGlassReason?: string | undefined },
  at: Date,
) {
  return {
    ...auditShared(ctx, what, at),
    citizenId,
    outcome,
    relation: extra.relation ?? null,
    breakGlass: extra.breakGlassReason !== undefined,
    breakGlassReason: extra.breakGlassReason ?? null,
  };
}

/**
 * The one gate to citizen data: decides by the rules in model.ts, writes one
 * audit entry for every decision (allowed or denied), and refuses with 403.
 */
export function createCitizenAccess(
  db: Database,
  policy: AccessPolicy,
  clock: () => Date = () => new Date(),
) {
  /**
   * The audit entry written in the caller's transaction `tx`: the record of a
   * change commits with the change or not at all, so a crash between the two
   * cannot leave a change nobody can account for.
   */
  async function auditIn(
    tx: Database,
    ctx: RequestContext,
    citizenId: string | null,
    what: AccessPurpose | ConfigurationPurpose,
    outcome: "allowed" | "denied",
    extra: { relation?: Relation | null; breakGlassReason?: string } = {},
  ) {
    await auditStore.appendAudit(tx, auditRow(ctx, citizenId, what, outcome, extra, clock()));
  }

  /** An audit entry on its own (a read, a refusal): nothing else to commit with it. */
  async function audit(
    ctx: RequestContext,
    citizenId: string | null,
    what: AccessPurpose | ConfigurationPurpose,
    outcome: "allowed" | "denied",
    extra: { relation?: Relation | null; breakGlassReason?: string } = {},
  ) {
    await auditIn(db, ctx, citizenId, what, outcome, extra);
  }

  /**
   * The decision for each of `facts`. Emergency-access grants are read only
   * for the citizens no relation allows: a grant adds access and changes no
   * decision a relation already allows, and almost every read has one, so
   * most requests are decided without that query.
   */
  async function decisionsFor(
    actor: Actor,
    facts: CitizenFacts[],
    now: Date,
    needs: RelationScope = "full",
  ): Promise<AccessDecision[]> {
    const decide = (f: CitizenFacts, breakGlass: BreakGlassGrant[] = []) =>
      decideCitizenAccess({ actor, facts: f, now, policy, breakGlass, needs });
    const decisions = facts.map((f) => decide(f));
    const refused = facts.filter((_, i) => !decisions[i]?.allowed).map((f) => f.citizenId);
    if (actor.kind !== "staff" || refused.length === 0) return decisions;
    const grants = await store.activeBreakGlassAmong(db, actor.userId, refused, now);
    if (grants.length === 0) return decisions;
    return facts.map((f) =>
      decide(
        f,
        grants.filter((g) => g.citizenId === f.citizenId),
      ),
    );
  }

  async function decideMany(
    ctx: RequestContext,
    facts: CitizenFacts[],
    needs: RelationScope = "full",
  ) {
    const decisions = await decisionsFor(ctx.actor, facts, clock(), needs);
    const allowed = new Map<string, Relation>();
    const audited = facts.map((f, i): auditStore.AuditedCitizen => {
      const decision = decisions[i];
      if (!decision?.allowed)
        return {
          citizenId: f.citizenId,
          outcome: "denied",
          relation: null,
          breakGlassReason: null,
        };
      allowed.set(f.citizenId, decision.relation);
      return {
        citizenId: f.citizenId,
        outcome: "allowed",
        relation: decision.relation,
        breakGlassReason: decision.breakGlassReason ?? null,
      };
    });
    return { allowed, audited };
  }

  async function auditMany(
    ctx: RequestContext,
    what: AccessPurpose,
    audited: auditStore.AuditedCitizen[],
  ) {
    await auditStore.appendAuditForMany(db, auditShared(ctx, what, clock()), audited);
  }

  /**
   * A refusal, audited: writes the denied entry (with the citizen concerned,
   * or null for what concerns no one citizen) and returns `error` marked as
   * audited, for the caller to throw. Every refusal of a read or write of
   * citizen data or protected configuration goes through here or through the
   * route guard, so each leaves exactly one entry.
   */
  async function deny(
    ctx: RequestContext,
    citizenId: string | null,
    what: AccessPurpose | ConfigurationPurpose,
    error: AppError,
  ): Promise<AppError> {
    await audit(ctx, citizenId, what, "denied");
    return auditedRefusal(error);
  }

  return {
    audit,
    auditIn,
    deny,

    /** Returns the relation that allows access, or throws TOV_ERR_NO_RELATION after auditing. */
    async authorize(ctx: RequestContext, facts: CitizenFacts, what: AccessPurpose) {
      const [decision] = await decisionsFor(ctx.actor, [facts], clock(), what.needs);
      if (!decision?.allowed) {
        const problem = decision?.problem ?? "noRelation";
        throw await deny(
          ctx,
          facts.citizenId,
          what,
          new AppError(
            "TOV_ERR_NO_RELATION",
            `Access denied: ${decision?.reason ?? "no decision"}`,
            [],
            { key: `access.denied.${problem}` },
          ),
        );
      }
      await audit(ctx, facts.citizenId, what, "allowed", {
        relation: decision.relation,
        ...(decision.breakGlassReason !== undefined
          ? { breakGlassReason: decision.breakGlassReason }
          : {}),
      });
      return decision.relation;
    },

    /**
     * The same decision for many citizens at once, with one audit entry each
     * written in one statement: a worklist names a hundred citizens per request.
     * Returns the relation per allowed citizen; the denied are absent.
     */
    async authorizeMany(ctx: RequestContext, facts: CitizenFacts[], what: AccessPurpose) {
      const decided = await decideMany(ctx, facts, what.needs);
      await auditMany(ctx, what, decided.audited);
      return decided.allowed;
    },

    /**
     * The decisions of `authorizeMany` without their audit entries, for a
     * search that reads more than it shows: it audits what it shows with
     * `auditMany`.
     */
    decideMany,
    auditMany,

    /** Emergency access: stated reason, limited time, flagged in the audit log. */
    async breakGlass(ctx: RequestContext, citizenId: string, reason: string) {
      const refused = breakGlassRefusal(ctx.actor, reason);
      if (refused || ctx.actor.kind !== "staff") {
        throw await deny(
          ctx,
          citizenId,
          { action: "break-the-glass", resource: "citizen" },
          new AppError(
            "TOV_ERR_FORBIDDEN",
            `Emergency access refused: ${refused?.reason ?? "only staff can use emergency access"}`,
            [],
            { key: `access.breakGlass.${refused?.problem ?? "staffOnly"}` },
          ),
        );
      }
      const now = clock();
      const grant = await store.insertBreakGlass(db, {
        userId: ctx.actor.userId,
        membershipId: ctx.actor.membershipId,
        citizenId,
        reason: reason.trim(),
        expiresAt: breakGlassExpiry(now, policy),
      });
      await audit(ctx, citizenId, { action: "break-the-glass", resource: "citizen" }, "allowed", {
        relation: "break-the-glass",
        breakGlassReason: reason.trim(),
      });
      return grant;
    },

    /** A citizen's own view of who looked at their data. */
    async accessLog(ctx: RequestContext, limit = 200) {
      if (ctx.actor.kind !== "citizen") {
        throw await deny(
          ctx,
          null,
          { action: "read", resource: "access-log" },
          new AppError("TOV_ERR_FORBIDDEN", "Only the citizen can see their own access log", [], {
            key: "access.ownLogOnly",
          }),
        );
      }
      const entries = await auditStore.auditForCitizen(db, ctx.actor.citizenId, limit);
      await audit(ctx, ctx.actor.citizenId, { action: "read", resource: "access-log" }, "allowed", {
        relation: "self",
      });
      return entries;
    },
  };
}

export type CitizenAccess = ReturnType<typeof createCitizenAccess>;
