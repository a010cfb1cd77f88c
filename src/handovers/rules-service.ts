import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { DEFAULT_RULES, type HandoverRule, ruleProblems, type Sector } from "./model.ts";
import * as store from "./rules-store.ts";

const SECTORS = ["municipality", "general-practice"] as const;

/** The rule for each body and sector among these: the body's own, or the default. */
export async function ruleLookup(tx: Database, bodyIds: (string | null)[]) {
  const ids = [...new Set(bodyIds.filter((c): c is string => c !== null))];
  const own = await store.bodyRules(tx, ids);
  // A row without a rule is a carried-over default: it follows the default.
  return (bodyId: string | null, sector: Sector): HandoverRule =>
    (own.find((r) => r.bodyId === bodyId && r.sector === sector)?.rule as
      | HandoverRule
      | null
      | undefined) ?? DEFAULT_RULES[sector];
}

/**
 * The rules these bodies have of their own, per body and sector; a body and
 * sector absent from the answer (or with `rule` null) follows the default.
 */
export async function ownRules(tx: Database, bodyIds: string[]) {
  const rows = await store.bodyRules(tx, bodyIds);
  return rows.map((r) => ({
    bodyId: r.bodyId,
    sector: r.sector,
    rule: (r.rule as HandoverRule | null) ?? null,
  }));
}

/**
 * Rules carried over to a body on a change of structure (the transition's):
 * `rule` null carries the default. A body that already set its own rule for
 * the sector keeps it; returns the rules written.
 */
export function carryRules(
  tx: Database,
  rows: {
    bodyId: string;
    sector: Sector;
    rule: HandoverRule | null;
    carriedOverFrom: string;
    needsConfirmation: boolean;
  }[],
) {
  return store.insertCarriedRules(tx, rows);
}

export type RuleView = {
  sector: Sector;
  rule: HandoverRule;
  isDefault: boolean;
  /** The ended body the rule was carried over from, and the day it ended (the change's date). */
  carriedOverFrom: { id: string; name: string; kind: string; endedOn: string | null } | null;
  /** Carried over from several bodies whose rules differed: the coordinators are to confirm it. */
  needsConfirmation: boolean;
  confirmedAt: string | null;
  /** The agreement whose adoption set this rule (src/governance), and its version. */
  setByAgreement: { id: string; version: number; title: string } | null;
};

async function viewsOf(db: Database, bodyId: string): Promise<RuleView[]> {
  const rows = await store.ruleRows(db, bodyId);
  return SECTORS.map((sector) => {
    const row = rows.find((r) => r.sector === sector);
    const own = (row?.rule as HandoverRule | null | undefined) ?? null;
    return {
      sector,
      rule: own ?? DEFAULT_RULES[sector],
      isDefault: own === null,
      carriedOverFrom:
        row?.fromId && row.fromName && row.fromKind
          ? { id: row.fromId, name: row.fromName, kind: row.fromKind, endedOn: row.fromEndedOn }
          : null,
      needsConfirmation: row?.needsConfirmation ?? false,
      confirmedAt: row?.confirmedAt ? new Date(row.confirmedAt).toISOString() : null,
      setByAgreement:
        row?.setByAgreementId && row.setByAgreementVersion !== null
          ? {
              id: row.setByAgreementId,
              version: row.setByAgreementVersion,
              title: row.setByAgreementTitle ?? "",
            }
          : null,
    };
  });
}

/**
 * The bodies' own handover rules: read by anyone, set or confirmed by the
 * body's coordinators; anyone else's attempt is refused and audited.
 */
export function createRules(
  db: Database,
  access: Pick<CitizenAccess, "deny" | "auditIn">,
  clock: () => Date = () => new Date(),
) {
  /** The acting coordinator of the body's own secretariat, or 403 (audited as `action`). */
  async function coordinatorOf(
    ctx: RequestContext,
    bodyId: string,
    sector: Sector,
    action: "set-rule" | "confirm-rule",
  ) {
    const actor = ctx.actor;
    if (
      actor.kind !== "staff" ||
      actor.organisation.kind !== "body_secretariat" ||
      actor.organisation.bodyId !== bodyId
    )
      throw await access.deny(
        ctx,
        null,
        {
          action,
          resource: "handover-rules",
          purpose: `body ${bodyId}, ${sector}: not one of its coordinators`,
        },
        new AppError(
          "TOV_ERR_FORBIDDEN",
          "Only the body's own coordinators can change its handover rules",
          [],
          { key: "handoverRules.onlyOwnCoordinators" },
        ),
      );
    return actor;
  }

  return {
    /** Sets a body's rule where the body has none of its own (the demo's tempo). */
    async defaultRuleIfUnset(bodyId: string, sector: Sector, rule: HandoverRule) {
      const own = await store.bodyRules(db, [bodyId]);
      if (own.some((r) => r.sector === sector && r.rule !== null)) return false;
      await store.saveRule(db, { bodyId, sector, rule, updatedBy: null });
      return true;
    },

    /**
     * A body's rules for both sectors: its own where set, the defaults
     * otherwise, each saying where it was carried over from and whether it
     * awaits its coordinators' confirmation.
     */
    rulesOf: (bodyId: string) => viewsOf(db, bodyId),

    /**
     * Sets a body's rule for one receiving sector. Only the body's own
     * coordinators and leads may; an unsound rule is refused naming each field.
     * It applies to handovers created from now on, and a carried-over rule it
     * replaces needs no confirmation any more.
     */
    async setRule(ctx: RequestContext, bodyId: string, sector: Sector, rule: HandoverRule) {
      const actor = await coordinatorOf(ctx, bodyId, sector, "set-rule");
      const problems = ruleProblems(rule);
      if (problems.length > 0)
        throw new AppError(
          "TOV_ERR_VALIDATION",
          "The handover rule is not sound",
          problems.map((p) => ({
            in: "body",
            field: p.field,
            reason: p.reason,
            i18n: { key: `handoverRules.${p.problem}` },
          })),
          { key: "handoverRules.unsound" },
        );
      // The change and its audit entry commit together, or neither does.
      await db.transaction().execute(async (tx) => {
        await store.saveRule(tx, { bodyId, sector, rule, updatedBy: actor.userId });
        await access.auditIn(
          tx,
          ctx,
          null,
          { action: "set-rule", resource: "handover-rules", purpose: `body ${bodyId}, ${sector}` },
          "allowed",
        );
      });
      const view = (await viewsOf(db, bodyId)).find((v) => v.sector === sector);
      return view ?? { sector, rule, isDefault: false, ...NOT_CARRIED };
    },

    /**
     * Sets a body's rule because the body adopted an agreement that commits
     * to it (src/governance calls this inside its own transaction `tx`, and
     * audits the change with the agreement's). The agreement is recorded as
     * the rule's reason; the caller has checked that the actor is one of the
     * body's own members who may adopt. An unsound rule is refused as by
     * `setRule`, though governance checks it already when the agreement is written.
     */
    async setRuleFromAgreement(
      tx: Database,
      change: {
        bodyId: string;
        sector: Sector;
        rule: HandoverRule;
        userId: string;
        agreement: { id: string; version: number };
      },
    ) {
      if (ruleProblems(change.rule).length > 0)
        throw new AppError("TOV_ERR_VALIDATION", "The handover rule is not sound", [], {
          key: "handoverRules.unsound",
        });
      await store.saveRule(tx, {
        bodyId: change.bodyId,
        sector: change.sector,
        rule: change.rule,
        updatedBy: change.userId,
        setByAgreement: change.agreement,
      });
    },

    /**
     * The body's coordinators confirm a rule carried over to it as it is (a
     * change through `setRule` confirms it too). Refused and audited like
     * setting a rule; 409 when the sector's rule was not carried over.
     * Confirming again changes nothing.
     */
    async confirmRule(ctx: RequestContext, bodyId: string, sector: Sector) {
      const actor = await coordinatorOf(ctx, bodyId, sector, "confirm-rule");
      const before = (await viewsOf(db, bodyId)).find((v) => v.sector === sector);
      if (!before?.carriedOverFrom)
        throw new AppError(
          "TOV_ERR_CONFLICT",
          "The rule was not carried over from another body, so there is nothing to confirm",
          [],
          { key: "handoverRules.nothingToConfirm" },
        );
      const from = before.carriedOverFrom.id;
      if (before.needsConfirmation)
        await db.transaction().execute(async (tx) => {
          await store.confirmRule(tx, bodyId, sector, { userId: actor.userId, at: clock() });
          await access.auditIn(
            tx,
            ctx,
            null,
            {
              action: "confirm-rule",
              resource: "handover-rules",
              purpose: `body ${bodyId}, ${sector}: carried over from ${from}`,
            },
            "allowed",
          );
        });
      const after = (await viewsOf(db, bodyId)).find((v) => v.sector === sector);
      return after ?? before;
    },
  };
}

const NOT_CARRIED = {
  carriedOverFrom: null,
  needsConfirmation: false,
  confirmedAt: null,
  setByAgreement: null,
};
