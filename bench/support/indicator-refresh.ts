/**
 * The full refresh (`tovholder indicators refresh`): `maintenance.rebuildAll()`
 * timed as a whole and by phase, from its progress calls: every citizen's
 * admissions in one statement ("admissions") beside the residents of every
 * month ("populations"), then the admission cells and the loop cells, a few
 * months per step, on two lanes.
 */

import { sql } from "kysely";
import type { Indicators } from "../../src/indicators/assemble.ts";
import type { Database } from "../../src/platform/db/database.ts";
import { fixed, record, say, seconds, TARGETS, timed } from "./indicator-report.ts";

export type RefreshTiming = {
  seconds: number;
  phases: { name: string; seconds: number }[];
  citizens: number;
  months: number;
};

export async function fullRefresh(indicators: Indicators): Promise<RefreshTiming> {
  const marks: { step: string; at: number }[] = [];
  const started = performance.now();
  let lastPrint = 0;
  const run = await timed(() =>
    indicators.maintenance.rebuildAll((step, done, total) => {
      marks.push({ step, at: performance.now() });
      if (performance.now() - lastPrint > 10_000 || done === total) {
        lastPrint = performance.now();
        say(`refresh: ${step} ${done}/${total}`);
      }
    }),
  );
  const end = started + run.seconds * 1000;
  const phases = phasesOf(marks, started, end);
  return { seconds: run.seconds, phases, citizens: run.value.citizens, months: run.value.months };
}

/**
 * Each kind of step's span, from its first progress call (a step starting) to
 * its last (the last one ending). Kinds that run side by side overlap, so the
 * spans add up to more than the whole.
 */
function phasesOf(marks: { step: string; at: number }[], started: number, end: number) {
  const spans = new Map<string, { from: number; to: number }>();
  for (const mark of marks) {
    const span = spans.get(mark.step);
    if (span) span.to = mark.at;
    else spans.set(mark.step, { from: mark.at, to: mark.at });
  }
  const phases = [...spans].map(([name, s]) => ({
    name: `${name} (${seconds((s.from - started) / 1000)}–${seconds((s.to - started) / 1000)})`,
    seconds: (s.to - s.from) / 1000,
  }));
  const last = Math.max(started, ...marks.map((m) => m.at));
  phases.push({ name: "the rest (state, commit)", seconds: (end - last) / 1000 });
  return phases;
}

/**
 * The upkeep's first run after the load, untimed by the target: the load's
 * triggers marked every citizen whose residence row was written, stays or
 * not, and a full refresh on a server in use starts with none marked.
 */
export async function firstUpkeep(indicators: Indicators) {
  const run = await timed(() => indicators.maintenance.run());
  record({
    what: "set-up: the upkeep's first run after the load, `maintenance.run()` (every citizen the load's triggers marked, stays or not)",
    value: `${seconds(run.seconds)}: ${fixed(run.value.citizens)} citizens, ${fixed(run.value.months)} month-cells`,
  });
}

export function recordRefresh(t: RefreshTiming) {
  record({
    what: `full refresh, \`maintenance.rebuildAll()\`: ${fixed(t.citizens)} citizens' admissions, ${fixed(t.months)} month-cells`,
    value: `${seconds(t.seconds)} (${t.phases.map((p) => `${p.name} ${seconds(p.seconds)}`).join("; ")})`,
    target: `< ${TARGETS.refreshSeconds} s`,
    met: t.seconds < TARGETS.refreshSeconds,
  });
}

/** What the refresh made, and the statistics a server with autovacuum would have gathered. */
export async function afterRefresh(db: Database) {
  const analysed = await timed(() =>
    sql`analyze indicator_admission, indicator_cell, indicator_population`.execute(db),
  );
  const r = await sql<{ what: string; n: string }>`
    select 'admissions' as what, count(*) as n from indicator_admission
    union all select 'indexes', count(*) filter (where is_index) from indicator_admission
    union all select 'cells', count(*) from indicator_cell
    union all select 'population cells', count(*) from indicator_population`.execute(db);
  record({
    what: "the refresh's output (then `analyze` of the indicator tables, as autovacuum would)",
    value: `${r.rows.map((x) => `${x.what} ${fixed(Number(x.n))}`).join(", ")}; analyze ${seconds(analysed.seconds)}`,
  });
}
