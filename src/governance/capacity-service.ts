import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { Actor } from "../access/model.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError, invalidFields } from "../platform/http/errors.ts";
import type { StructureService } from "../structure/service.ts";
import { danishToday } from "../structure/service.ts";
import { type CsvProblem, type CsvRow, fieldErrorOf, parseCapacityCsv } from "./capacity-csv.ts";
import {
  aggregate,
  type CapacitySource,
  DEFAULT_MAX_PATIENTS_PER_DOCTOR,
  isThin,
  thresholdProblem,
} from "./capacity-model.ts";
import * as store from "./capacity-store.ts";

/** Who writes capacity facts: a body's member through the API, or the operator (CLI, demo). */
export type CapacityWriter =
  | { kind: "member"; ctx: RequestContext }
  | { kind: "operator"; name: string };

export type CapacityDeps = {
  db: Database;
  access: Pick<CitizenAccess, "auditIn" | "deny">;
  structure: StructureService;
  /**
   * Audits the operator's writes (the CLI's import, the demo's synthetic
   * facts), in the write's transaction `tx`.
   */
  auditOperator?: (
    entry: { name: string; action: string; purpose: string },
    tx: Database,
  ) => Promise<void>;
  clock?: () => Date;
};

/** A fact to write, naming its practice by provider number. */
export type FactInput = {
  providerNumber: string;
  doctors: number;
  listedPatients: number;
  closedToNew: boolean;
  asOf: string;
};

const WRITER_ROLES = new Set(["coordinator", "body_lead"]);

function refusedFile(problems: CsvProblem[]) {
  return invalidFields(
    `The file is not valid (${problems.length} problem(s)); nothing was imported`,
    problems.map(fieldErrorOf),
  );
}

/**
 * GP capacity per municipality, body and region (issue 22 §5). Reading is
 * open (aggregates hold no personal data); the thin-area rule and imports
 * are for the body's coordinators and lead (or those of the body that
 * succeeded it), each audited, refusals too.
 */
export function createCapacityService(deps: CapacityDeps) {
  const { db, access, structure } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function writerRole(actor: Actor, bodyId: string): Promise<string | null> {
    if (actor.kind !== "staff" || actor.organisation.kind !== "body_secretariat") return null;
    if (!WRITER_ROLES.has(actor.role)) return null;
    const own = actor.organisation.bodyId;
    if (own === bodyId) return actor.role;
    const body = await structure.getBody(bodyId, danishToday(clock()), undefined, {
      nearest: true,
    });
    return own !== null && body.successors.some((s) => s.id === own) ? actor.role : null;
  }

  async function mustWrite(ctx: RequestContext, bodyId: string, action: string) {
    await structure.getBody(bodyId, danishToday(clock()), undefined, { nearest: true });
    if (await writerRole(ctx.actor, bodyId)) return;
    const reason = "only the body's coordinators and lead may";
    throw await access.deny(
      ctx,
      null,
      { action, resource: "gp-capacity", purpose: `body ${bodyId}: ${reason}` },
      new AppError("TOV_ERR_FORBIDDEN", `You may not do this: ${reason}`, [], {
        key: "capacity.forbidden",
      }),
    );
  }

  /** A change's audit entry, in the change's own transaction `tx`. */
  async function audit(tx: Database, by: CapacityWriter, action: string, purpose: string) {
    const what = { action, resource: "gp-capacity" as const, purpose };
    if (by.kind === "member") await access.auditIn(tx, by.ctx, null, what, "allowed");
    else await deps.auditOperator?.({ name: by.name, action, purpose }, tx);
  }

  /** Checks the rows against the register (and, for a member, the body's municipalities). */
  async function resolve(
    rows: (FactInput & { line: number })[],
    municipalities: Set<string> | null,
  ) {
    const found = await store.practicesByProvider(db, [
      ...new Set(rows.map((r) => r.providerNumber)),
    ]);
    const byProvider = new Map(found.map((p) => [p.providerNumber, p]));
    const today = danishToday(clock());
    const problems: CsvProblem[] = [];
    const facts: (store.NewFact & { line: number })[] = [];
    for (const r of rows) {
      const practice = byProvider.get(r.providerNumber);
      const at = (column: string, reason: string, key: string) =>
        problems.push({ line: r.line, column, reason, key });
      if (!practice)
        at(
          "provider_number",
          "is not a general practice in the register",
          "capacity.csv.unknownPractice",
        );
      else if (municipalities && !municipalities.has(practice.municipalityCode))
        at(
          "provider_number",
          `is a practice in municipality ${practice.municipalityCode}, not in this body`,
          "capacity.csv.otherBody",
        );
      if (r.asOf > today) at("as_of", "must not be after today", "capacity.csv.future");
      if (practice)
        facts.push({ ...r, organisationId: practice.organisationId, source: "csv-import" });
    }
    return { problems, facts };
  }

  /** Writes checked facts in one transaction; a bad row means nothing is written. */
  async function write(
    by: CapacityWriter,
    rows: (FactInput & { line: number })[],
    source: CapacitySource,
    bodyId: string | null,
  ) {
    const scope = bodyId
      ? new Set(
          (
            await structure.getBody(bodyId, danishToday(clock()), undefined, { nearest: true })
          ).municipalities.map((m) => m.code),
        )
      : null;
    const { problems, facts } = await resolve(rows, scope);
    if (problems.length > 0) throw refusedFile(problems);
    const userId =
      by.kind === "member" && by.ctx.actor.kind === "staff" ? by.ctx.actor.userId : null;
    const dates = facts.map((f) => f.asOf).sort();
    const summary = {
      facts: facts.length,
      practices: new Set(facts.map((f) => f.organisationId)).size,
      oldestAsOf: dates[0] ?? null,
      newestAsOf: dates.at(-1) ?? null,
    };
    await db.transaction().execute(async (tx) => {
      await store.upsertFacts(
        tx,
        facts.map(({ line: _line, ...f }) => ({ ...f, source })),
        clock(),
        userId,
      );
      await audit(
        tx,
        by,
        source === "synthetic" ? "synthetic" : "import",
        `${bodyId ? `body ${bodyId}: ` : ""}${summary.facts} facts (${source}), ${summary.oldestAsOf} to ${summary.newestAsOf}`,
      );
    });
    return summary;
  }

  const inputOf = (r: CsvRow): FactInput & { line: number } => ({
    line: r.line,
    providerNumber: r.provider_number,
    doctors: r.doctors,
    listedPatients: r.listed_patients,
    closedToNew: r.closed_to_new,
    asOf: r.as_of,
  });

  return {
    /**
     * The body's municipalities with their capacity on `date` (default: today;
     * an ended body or one not yet begun on its nearest day), the body's and its
     * region's totals on the structure of that date, and the body's threshold.
     */
    async view(actor: Actor | null, bodyId: string, askedDate?: string) {
      const body = await structure.getBody(bodyId, askedDate ?? danishToday(clock()), undefined, {
        nearest: askedDate === undefined,
      });
      const date = body.date;
      const all = await structure.listMunicipalities(date);
      const inRegion = all.filter((m) => m.regionCode === body.region.code).map((m) => m.code);
      const [facts, rule] = await Promise.all([
        store.newestFactsOn(db, inRegion, date),
        store.ruleOf(db, bodyId),
      ]);
      const threshold = rule?.maxPatientsPerDoctor ?? DEFAULT_MAX_PATIENTS_PER_DOCTOR;
      const judged = (codes: Set<string>) => {
        const capacity = aggregate(facts.filter((f) => codes.has(f.municipalityCode)));
        return { capacity, thin: isThin(capacity, threshold) };
      };
      const primary = body.municipalities.filter((m) => m.membership === "primary");
      return {
        body: { id: body.id, name: body.name, kind: body.kind },
        date,
        threshold: {
          maxPatientsPerDoctor: threshold,
          isDefault: rule === undefined,
          setAt: rule ? new Date(rule.setAt).toISOString() : null,
        },
        rows: body.municipalities.map((m) => ({
          municipalityCode: m.code,
          municipalityName: m.name,
          membership: m.membership,
          ...judged(new Set([m.code])),
        })),
        total: judged(new Set(primary.map((m) => m.code))),
        region: { code: body.region.code, name: body.region.name, ...judged(new Set(inRegion)) },
        may: { setRule: actor ? (await writerRole(actor, bodyId)) !== null : false },
      };
    },

    /** The body's thin-area threshold, by its coordinators or lead; audited. */
    async setRule(ctx: RequestContext, bodyId: string, input: { maxPatientsPerDoctor: number }) {
      await mustWrite(ctx, bodyId, "set-rule");
      const problem = thresholdProblem(input.maxPatientsPerDoctor);
      if (problem)
        throw invalidFields("The threshold is not valid", [
          {
            in: "body",
            field: "maxPatientsPerDoctor",
            reason: problem,
            i18n: { key: "capacity.thresholdRange" },
          },
        ]);
      const before =
        (await store.ruleOf(db, bodyId))?.maxPatientsPerDoctor ?? DEFAULT_MAX_PATIENTS_PER_DOCTOR;
      const userId = ctx.actor.kind === "staff" ? ctx.actor.userId : null;
      if (!userId) throw new Error("only staff set a body's rule");
      await db.transaction().execute(async (tx) => {
        await store.setRule(tx, {
          bodyId,
          maxPatientsPerDoctor: input.maxPatientsPerDoctor,
          at: clock(),
          by: userId,
        });
        await audit(
          tx,
          { kind: "member", ctx },
          "set-rule",
          `body ${bodyId}: thin above ${input.maxPatientsPerDoctor} listed patients per doctor (was ${before})`,
        );
      });
      return this.view(ctx.actor, bodyId);
    },

    /** A CSV file of facts for the body's practices, by its coordinators or lead: all or nothing. */
    async importCsv(ctx: RequestContext, bodyId: string, text: string) {
      await mustWrite(ctx, bodyId, "import");
      const parsed = parseCapacityCsv(text);
      if ("problems" in parsed) throw refusedFile(parsed.problems);
      return write({ kind: "member", ctx }, parsed.rows.map(inputOf), "csv-import", bodyId);
    },

    /** The operator's import (the CLI): any practice in the register; all or nothing. */
    async importCsvAsOperator(name: string, text: string) {
      const parsed = parseCapacityCsv(text);
      if ("problems" in parsed) throw refusedFile(parsed.problems);
      return write({ kind: "operator", name }, parsed.rows.map(inputOf), "csv-import", null);
    },

    /** Synthetic practices that have no capacity fact yet (the demo fills them). */
    async syntheticPracticesWithoutFacts() {
      const rows = await store.syntheticPractices(db);
      return rows
        .filter((r) => !r.hasFacts)
        .map((r) => ({ providerNumber: r.providerNumber, municipalityCode: r.municipalityCode }));
    },

    /** Synthetic facts, marked so (the demo); written by the operator in one transaction. */
    recordSynthetic(name: string, facts: FactInput[]) {
      return write(
        { kind: "operator", name },
        facts.map((f, i) => ({ ...f, line: i + 1 })),
        "synthetic",
        null,
      );
    },
  };
}

export type CapacityService = ReturnType<typeof createCapacityService>;
