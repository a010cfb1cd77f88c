import type { RequestContext } from "../access/citizen-access.ts";
import type { Actor } from "../access/model.ts";
import { lastCompleteMonth } from "../indicators/completeness.ts";
import type { IndicatorService } from "../indicators/service.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError, type FieldError, invalidFields } from "../platform/http/errors.ts";
import { danishToday } from "../structure/service.ts";
import {
  comparisonOf,
  type EffectRow,
  effectOf,
  MIN_POOLED_DENOMINATOR,
  windowsOf,
} from "./initiative-effect.ts";
import {
  checkInitiative,
  type Evaluation,
  type InitiativeInput,
  type InitiativeStatus,
  initiativeEditRefusal,
  mayReadInitiative,
  statusRefusal,
} from "./initiative-model.ts";
import * as store from "./initiative-store.ts";
import { type EffectView, initiativeSummaryOf, initiativeViewOf } from "./initiative-views.ts";
import { bodyMembership } from "./members.ts";
import type { Problem } from "./model.ts";
import type { GovernanceDeps } from "./service.ts";
import type { ChangedBy } from "./store.ts";
import { mayDraft } from "./views.ts";

export type InitiativeDeps = Omit<GovernanceDeps, "indicators" | "handovers"> & {
  indicators: Pick<IndicatorService, "definitions" | "values">;
};

const ROLE_PROBLEMS = new Set(["roleMayNotStep", "roleMayNotEdit"]);

const field = (p: Problem): FieldError => ({
  in: "body",
  field: p.field,
  reason: p.reason,
  i18n: { key: `initiatives.problem.${p.problem}` },
});

const notFound = () =>
  new AppError("TOV_ERR_NOT_FOUND", "No such initiative", [], { key: "initiatives.notFound" });

const conflictOf = (p: Problem) =>
  new AppError("TOV_ERR_CONFLICT", `The initiative cannot: ${p.reason}`, [field(p)], {
    key: `initiatives.problem.${p.problem}`,
  });

function staleVersion(current: { version: number; status: string }) {
  return new AppError(
    "TOV_ERR_CONFLICT",
    `The initiative has changed: it is ${current.status} (version ${current.version})`,
    [
      {
        in: "body",
        field: "version",
        reason: `is not the current version ${current.version}`,
        i18n: { key: "initiatives.staleVersion", values: { version: current.version } },
      },
    ],
    { key: "initiatives.changed", values: current },
  );
}

/**
 * A body's initiatives as experiments (issue 22, section 2). The body's
 * coordinators and lead (or those of the body that succeeded it) create and
 * edit them and move them planned → running → finished (with an evaluation);
 * anyone signed in reads them; without login, those marked public. Every
 * change is audited, and so is every refused member's action (403).
 */
export function createInitiativeService(deps: InitiativeDeps) {
  const { db, access, structure, indicators } = deps;
  const clock = deps.clock ?? (() => new Date());
  const members = bodyMembership(structure, clock);

  async function refuse(ctx: RequestContext, action: string, about: string, p: Problem) {
    return access.deny(
      ctx,
      null,
      { action, resource: "initiative", purpose: `${about}: ${p.reason}` },
      new AppError("TOV_ERR_FORBIDDEN", `You may not do this: ${p.reason}`, [field(p)], {
        key: `initiatives.problem.${p.problem}`,
      }),
    );
  }

  async function contentOf(bodyId: string, input: InitiativeInput) {
    const body = await structure.getBody(bodyId, danishToday(clock()), undefined, {
      nearest: true,
    });
    const checked = checkInitiative(input, {
      indicators: new Map(indicators.definitions().map((d) => [d.id, d])),
      municipalityCodes: new Set(body.municipalities.map((m) => m.code)),
    });
    if ("problems" in checked)
      throw invalidFields("The initiative is not sound", checked.problems.map(field));
    return checked.content;
  }

  function changedBy(ctx: RequestContext): ChangedBy {
    const actor = ctx.actor;
    if (actor.kind !== "staff") throw new Error("only staff change initiatives");
    return { userId: actor.userId, organisation: actor.organisation.name, role: actor.role };
  }

  async function readable(actor: Actor | null, id: string) {
    const all = await store.initiativeVersions(db, id);
    const current = all.at(-1);
    if (!current || !mayReadInitiative(current, actor !== null)) throw notFound();
    const role = await members.roleOf(actor, current.bodyId);
    return { all, current, role };
  }

  async function view(actor: Actor | null, id: string) {
    const { all, current, role } = await readable(actor, id);
    const { ref } = await members.links(current.bodyId);
    return initiativeViewOf(all, ref, role);
  }

  /** One change in one transaction: lock, refuse a stale version (409 `version`), append and audit. */
  async function change(
    ctx: RequestContext,
    id: string,
    read: number,
    action: string,
    write: (tx: Database, current: store.InitiativeVersionRow) => Promise<string>,
  ) {
    await db.transaction().execute(async (tx) => {
      const current = await store.lockCurrentInitiative(tx, id);
      if (!current) throw notFound();
      if (current.version !== read) throw staleVersion(current);
      const purpose = await write(tx, current);
      await access.auditIn(tx, ctx, null, { action, resource: "initiative", purpose }, "allowed");
    });
    return view(ctx.actor, id);
  }

  /** The engine's monthly rows of the target indicator by residence, for every municipality. */
  async function rowsOf(indicator: string, ageBand: string | null, months: string[]) {
    const first = months[0];
    const last = months.at(-1);
    if (!first || !last) return { rows: [] as EffectRow[], computedAt: null };
    const answer = await indicators.values({
      indicator,
      unit: "municipality",
      period: "month",
      from: `${first}-01`,
      to: `${last}-01`,
      attribution: "residence",
      ageBand: ageBand ?? undefined,
    });
    const rows = answer.rows.map((r) => ({
      code: r.code,
      period: r.period,
      numerator: r.numerator,
      denominator: r.denominator,
      suppressed: r.suppressed,
    }));
    return { rows, computedAt: answer.computedAt };
  }

  return {
    /** The body's initiatives and its predecessors', as the reader may see them. */
    async initiativesOf(actor: Actor | null, bodyId: string) {
      const links = await members.links(bodyId);
      const role = await members.roleOf(actor, bodyId);
      const rows = await store.currentInitiatives(db, [
        bodyId,
        ...links.predecessors.map((p) => p.id),
      ]);
      const refOf = (id: string) => links.predecessors.find((p) => p.id === id) ?? links.ref;
      return {
        body: links.ref,
        mayCreate: mayDraft(role),
        initiatives: rows
          .filter((r) => mayReadInitiative(r, actor !== null))
          .map((r) => initiativeSummaryOf(r, refOf(r.bodyId))),
      };
    },

    initiative: (actor: Actor | null, id: string) => view(actor, id),

    /** A new initiative, planned, by the body's coordinators or lead. */
    async create(ctx: RequestContext, bodyId: string, input: InitiativeInput) {
      const role = await members.roleOf(ctx.actor, bodyId);
      const refused = initiativeEditRefusal("planned", role);
      if (refused) throw await refuse(ctx, "create", `body ${bodyId}`, refused);
      const content = await contentOf(bodyId, input);
      const at = clock();
      const id = await db.transaction().execute(async (tx) => {
        const by = changedBy(ctx);
        const initiativeId = await store.insertInitiative(tx, { bodyId, at, by });
        await store.appendInitiativeVersion(tx, {
          initiativeId,
          version: 1,
          status: "planned",
          change: "created",
          content,
          evaluation: null,
          at,
          by,
        });
        await access.auditIn(
          tx,
          ctx,
          null,
          {
            action: "create",
            resource: "initiative",
            purpose: `initiative ${initiativeId} v1 of body ${bodyId}`,
          },
          "allowed",
        );
        return initiativeId;
      });
      return view(ctx.actor, id);
    },

    /** A new version of the content (milestones ticked off included), until it is finished. */
    async edit(ctx: RequestContext, id: string, input: InitiativeInput & { version: number }) {
      const { current, role } = await readable(ctx.actor, id);
      const refused = initiativeEditRefusal(current.status, role);
      if (refused && ROLE_PROBLEMS.has(refused.problem))
        throw await refuse(ctx, "edit", `initiative ${id}`, refused);
      const content = await contentOf(current.bodyId, input);
      return change(ctx, id, input.version, "edit", async (tx, now) => {
        const frozen = initiativeEditRefusal(now.status, role);
        if (frozen) throw conflictOf(frozen);
        const version = now.version + 1;
        await store.appendInitiativeVersion(tx, {
          initiativeId: id,
          version,
          status: now.status,
          change: "edited",
          content,
          evaluation: now.evaluation,
          at: clock(),
          by: changedBy(ctx),
        });
        return `initiative ${id} v${version}`;
      });
    },

    /** planned → running → finished; finishing carries the evaluation. */
    async step(
      ctx: RequestContext,
      id: string,
      input: { version: number; to: InitiativeStatus; evaluation?: Evaluation | null | undefined },
    ) {
      const { current, role } = await readable(ctx.actor, id);
      const evaluation = input.evaluation ?? null;
      const refused = statusRefusal(current.status, input.to, role, evaluation);
      if (refused && ROLE_PROBLEMS.has(refused.problem))
        throw await refuse(ctx, `status:${input.to}`, `initiative ${id}`, refused);
      if (refused?.problem === "evaluationRequired")
        throw invalidFields("The initiative needs an evaluation", [field(refused)]);
      return change(ctx, id, input.version, `status:${input.to}`, async (tx, now) => {
        const wrong = statusRefusal(now.status, input.to, role, evaluation);
        if (wrong) throw conflictOf(wrong);
        const version = now.version + 1;
        await store.appendInitiativeVersion(tx, {
          initiativeId: id,
          version,
          status: input.to,
          change: "status",
          content: now.content,
          evaluation: evaluation
            ? { outcome: evaluation.outcome, text: evaluation.text.trim() }
            : null,
          at: clock(),
          by: changedBy(ctx),
        });
        return `initiative ${id} v${version}: ${now.status} to ${input.to}`;
      });
    },

    /**
     * The target indicator before and after in the participating municipalities
     * against the body's others (or the region's), from the indicator engine.
     */
    async effect(actor: Actor | null, id: string): Promise<EffectView> {
      const { current } = await readable(actor, id);
      const c = current.content;
      const definition = indicators.definitions().find((d) => d.id === c.indicatorId);
      if (!definition || definition.valueKind === "hours" || definition.higherIsBetter === null)
        throw notFound();
      const now = clock();
      const today = danishToday(now);
      const body = await structure.getBody(current.bodyId, today, undefined, { nearest: true });
      const region = (await structure.listMunicipalities(today))
        .filter((m) => m.regionCode === body.region.code)
        .map((m) => m.code);
      const own = body.municipalities.filter((m) => m.membership === "primary").map((m) => m.code);
      const { codes, basis } = comparisonOf(c.municipalityCodes, own, region);
      const windows = windowsOf(
        c.start,
        c.end,
        today,
        lastCompleteMonth(definition.settlesAfterDays, now),
      );
      const { rows, computedAt } = await rowsOf(c.indicatorId, c.ageBand, [
        ...windows.before,
        ...windows.after,
      ]);
      const kind = definition.valueKind;
      return {
        ...effectOf({
          rows,
          windows,
          participants: c.municipalityCodes,
          comparison: codes,
          basis,
          kind,
          higherIsBetter: definition.higherIsBetter,
        }),
        indicator: {
          id: definition.id,
          valueKind: kind,
          higherIsBetter: definition.higherIsBetter,
        },
        ageBand: c.ageBand,
        baseline: c.baselineHundredths / 100,
        target: c.targetHundredths / 100,
        minDenominator: MIN_POOLED_DENOMINATOR,
        computedAt: computedAt ? computedAt.toISOString() : null,
      };
    },
  };
}

export type InitiativeService = ReturnType<typeof createInitiativeService>;
