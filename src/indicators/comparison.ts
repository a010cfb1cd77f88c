import { sql } from "kysely";
import type { Database } from "../platform/db/database.ts";
import { invalidFields, notFound } from "../platform/http/errors.ts";
import { isComplete, lastCompletePeriod } from "./completeness.ts";
import { entryId, TOTAL } from "./cube.ts";
import type { Attribution } from "./definitions.ts";
import { funnelCurve, funnelPosition, rateFunnelLimits, shareFunnelLimits } from "./funnel.ts";
import {
  danishDate,
  monthsOf,
  type PeriodKind,
  periodEnd,
  periodStart,
  periodsBetween,
} from "./periods.ts";
import {
  answered,
  defaultFrom,
  type FiguresView,
  type IndicatorService,
  type Period,
  type PeriodTable,
  periodOfLabel,
  unitsOf,
} from "./service.ts";
import type { AnsweredRow, ValueRow } from "./values.ts";

/**
 * Comparisons built on the period tables: the funnel plot (each unit against
 * the national value, with 95 % and 99.8 % limits for its size) and a body's
 * own dashboard (its figures against its region and the country, month by
 * month, and its loop per municipality and practice).
 */

export type FunnelQuery = {
  indicator: string;
  unit: "municipality" | "body";
  period: PeriodKind;
  at?: string | undefined;
  attribution: Attribution;
  ageBand?: string | undefined;
  sector?: string | undefined;
};

const CURVE_STEPS = 40;

export function createComparison(deps: {
  db: Database;
  clock: () => Date;
  indicators: IndicatorService;
}) {
  const { indicators, clock } = deps;

  async function funnel(q: FunnelQuery) {
    const spec = indicators.specOf(q.indicator);
    indicators.checkQuery(spec, { ...q, unit: q.unit });
    if (spec.measure.kind === "duration")
      throw invalidFields("A funnel plot needs a share or a rate", [
        { in: "params", field: "id", reason: "a duration indicator has no funnel plot" },
      ]);
    const label = q.at ?? lastCompletePeriod(q.period, spec.settlesAfterDays, clock());
    const period = periodOfLabel(q.period, label);
    const computedAt = await indicators.computedAt();
    const t = await indicators.table(
      spec,
      period,
      q.attribution,
      q.sector ?? spec.sectors[0] ?? null,
    );
    const band = q.ageBand ?? TOTAL;
    const national = t.rows.get(entryId("country:DK", band, TOTAL))?.value ?? null;
    const limitsFor = (n: number) =>
      spec.measure.kind === "share"
        ? shareFunnelLimits(national ?? 0, n)
        : rateFunnelLimits(national ?? 0, n, 1000);
    const points = unitsOf(t, q.unit).flatMap((u) => {
      const r = t.rows.get(entryId(u, band, TOTAL));
      if (!r) return [];
      const n = r.denominator;
      const position =
        national === null || r.suppressed || r.value === null || !n
          ? null
          : funnelPosition(r.value, limitsFor(n));
      return [
        {
          code: r.code,
          name: r.name,
          denominator: n,
          value: r.value,
          suppressed: r.suppressed,
          position,
        },
      ];
    });
    const sizes = points.map((p) => p.denominator ?? 0).filter((n) => n > 0);
    const curve =
      national === null || sizes.length === 0
        ? []
        : funnelCurve(
            spec.measure.kind === "share" ? "share" : "rate",
            national,
            Math.max(1, Math.min(...sizes) / 2),
            Math.max(...sizes) * 1.5,
            CURVE_STEPS,
            1000,
          );
    const complete = isComplete(periodEnd(q.period, label), spec.settlesAfterDays, clock());
    return { indicator: spec.id, computedAt, period: label, complete, national, points, curve };
  }

  /** The body that stood for `bodyId` in a month before it existed: its predecessor holding most of its municipalities. */
  async function predecessor(bodyId: string): Promise<string | null> {
    const r = await sql<{ fromBodyId: string }>`
      select from_body_id from body_succession where to_body_id = ${bodyId}
      group by from_body_id order by count(*) desc, from_body_id limit 1`.execute(deps.db);
    return r.rows[0]?.fromBodyId ?? null;
  }

  function bodyRows(t: PeriodTable, bodyIds: string[]) {
    for (const id of bodyIds) {
      const row = t.rows.get(entryId(`body:${id}`, TOTAL, TOTAL));
      if (row) {
        const parent = [...t.cube.children.entries()].find(([, kids]) => kids.has(`body:${id}`));
        return {
          body: row,
          region: parent ? (t.rows.get(entryId(parent[0], TOTAL, TOTAL)) ?? null) : null,
        };
      }
    }
    return { body: null, region: null };
  }

  /** Each indicator month by month: the body (or its predecessor), its region and the country. */
  async function monthlySeries(months: string[], candidates: string[], view?: FiguresView) {
    const series = [];
    const now = clock();
    let region: AnsweredRow | null = null;
    // Every table is asked for at once: each waits mostly on the database, so they overlap.
    const tables = new Map<string, Promise<PeriodTable>>();
    for (const spec of indicators.definitions()) {
      const full = indicators.specOf(spec.id);
      for (const month of months) {
        const period = periodOfLabel("month", month);
        const t = indicators.table(full, period, "residence", full.sectors[0] ?? null, view);
        t.catch(() => {}); // awaited below, in order
        tables.set(`${spec.id}|${month}`, t);
      }
    }
    for (const spec of indicators.definitions()) {
      const rows = {
        body: [] as AnsweredRow[],
        region: [] as AnsweredRow[],
        country: [] as AnsweredRow[],
      };
      for (const month of months) {
        const t = await (tables.get(`${spec.id}|${month}`) as Promise<PeriodTable>);
        const answer = answered(spec, t.period, now);
        const found = bodyRows(t, candidates);
        if (found.body) rows.body.push(answer(found.body));
        if (found.region) {
          region = answer(found.region);
          rows.region.push(region);
        }
        const country = t.rows.get(entryId("country:DK", TOTAL, TOTAL));
        if (country) rows.country.push(answer(country));
      }
      series.push({ indicator: spec.id, ...rows });
    }
    return { series, region };
  }

  /** The loop over the months as one period, per member municipality and per listed practice. */
  async function loopTables(bodyId: string, months: string[], view?: FiguresView) {
    const year = rollingPeriod(months);
    const now = clock();
    const loopByMunicipality = [];
    const loopByPractice = [];
    for (const spec of indicators.definitions().filter((d) => d.family === "loop")) {
      const full = indicators.specOf(spec.id);
      // The rolling year is final only when its last month is.
      const answer = answered(full, year, now);
      for (const sector of full.sectors.length > 0 ? full.sectors : [null]) {
        const t = await indicators.table(full, year, "residence", sector, view);
        loopByMunicipality.push({
          indicator: spec.id,
          sector,
          rows: childRows(t, `body:${bodyId}`).map(answer),
        });
      }
      if (full.sectors.includes("general-practice")) {
        const t = await indicators.table(full, year, "practice", "general-practice", view);
        const practices = [...(t.cube.children.get(`body:${bodyId}`) ?? [])].flatMap((m) =>
          childRows(t, m).map(answer),
        );
        loopByPractice.push({ indicator: spec.id, sector: "general-practice", rows: practices });
      }
    }
    return { loopByMunicipality, loopByPractice };
  }

  async function dashboard(bodyId: string, to: string | undefined) {
    const body = await sql<{ id: string; name: string; kind: string; regionCode: string }>`
      select id, name, kind, region_code from body where id = ${bodyId}`.execute(deps.db);
    const b = body.rows[0];
    if (!b) throw notFound("body", `No body "${bodyId}"`);
    const end = to ?? danishDate(clock());
    const months = periodsBetween("month", defaultFrom("month", end), end);
    const before = await predecessor(bodyId);
    const computedAt = await indicators.computedAt();
    const { series, region } = await monthlySeries(months, before ? [bodyId, before] : [bodyId]);
    return {
      body: { id: b.id, name: b.name, kind: b.kind },
      region: region
        ? { code: region.code, name: region.name }
        : { code: b.regionCode, name: b.regionCode },
      computedAt,
      months,
      series,
      ...(await loopTables(bodyId, months)),
    };
  }

  /**
   * Builds the tables every dashboard reads (the last 12 months of every
   * indicator, and the loop over those months) from the latest figures, then
   * publishes them: a server that warms after each run answers from tables
   * already built, and only changed months are computed again.
   */
  async function warm() {
    const end = danishDate(clock());
    const months = periodsBetween("month", defaultFrom("month", end), end);
    const view = await indicators.prepare();
    await monthlySeries(months, [], view);
    // Every body's loop tables come from the same whole-country tables: any body builds them.
    await loopTables("", months, view);
    indicators.publish(view);
  }

  return { funnel, dashboard, warm };
}

/** The months as one period, placed with the structure of its last month (the body as it is now). */
function rollingPeriod(months: string[]): Period {
  const first = months[0] ?? "";
  const last = months[months.length - 1] ?? first;
  return {
    label: `${first}/${last}`,
    start: periodStart("month", last),
    months: months.flatMap((m) => monthsOf("month", m)),
  };
}

function childRows(t: PeriodTable, parent: string): ValueRow[] {
  return [...(t.cube.children.get(parent) ?? [])]
    .map((id) => t.rows.get(entryId(id, TOTAL, TOTAL)))
    .filter((r): r is ValueRow => r !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name, "da"));
}

export type Comparison = ReturnType<typeof createComparison>;
