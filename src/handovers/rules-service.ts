import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { DEFAULT_RULES, type HandoverRule, ruleProblems, type Sector } from "./model.ts";
import * as store from "./store.ts";

/** The rule for each body and sector among these: the body's own, or the default. */
export async function ruleLookup(tx: Database, bodyIds: (string | null)[]) {
  const ids = [...new Set(bodyIds.filter((c): c is string => c !== null))];
  const own = await store.bodyRules(tx, ids);
  return (bodyId: string | null, sector: Sector): HandoverRule =>
    (own.find((r) => r.bodyId === bodyId && r.sector === sector)?.rule as
      | HandoverRule
      | undefined) ?? DEFAULT_RULES[sector];
}

/**
 * The bodies' own handover rules: read by anyone, set by the body's
 * coordinators; anyone else's attempt is refused and audited.
 */
export function createRules(db: Database, access: Pick<CitizenAccess, "deny">) {
  return {
    /** Sets a body's rule where the body has none of its own (the demo's tempo). */
    async defaultRuleIfUnset(bodyId: string, sector: Sector, rule: HandoverRule) {
      const own = await store.bodyRules(db, [bodyId]);
      if (own.some((r) => r.sector === sector)) return false;
      await store.saveRule(db, { bodyId, sector, rule, updatedBy: null });
      return true;
    },

    /** A body's rules for both sectors: its own where set, the defaults otherwise. */
    async rulesOf(bodyId: string) {
      const own = await store.bodyRules(db, [bodyId]);
      return (["municipality", "general-practice"] as const).map((sector) => {
        const set = own.find((r) => r.sector === sector);
        return {
          sector,
          rule: (set?.rule as HandoverRule | undefined) ?? DEFAULT_RULES[sector],
          isDefault: !set,
        };
      });
    },

    /**
     * Sets a body's rule for one receiving sector. Only the body's own
     * coordinators and leads may; an unsound rule is refused naming each field.
     * It applies to handovers created from now on.
     */
    async setRule(ctx: RequestContext, bodyId: string, sector: Sector, rule: HandoverRule) {
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
            action: "set-rule",
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
      await store.saveRule(db, { bodyId, sector, rule, updatedBy: actor.userId });
      return { sector, rule, isDefault: false };
    },
  };
}
