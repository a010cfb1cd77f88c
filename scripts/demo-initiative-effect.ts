/**
 * What the demo initiative's page shows (issue 22 §2): generates the living
 * demo's history (seed 42, Klyngen Næstved/Slagelse, cut at a fixed instant)
 * with the initiative's effect as the living demo gives it, or without it
 * (`--without`), loads it on PGlite through the real doors, seeds the demo (its
 * initiative started 120 days before the cut), computes the indicators and
 * prints the effect the initiative service reports: participants and
 * comparison before and after, their 95% intervals and the verdict. Beside
 * it, the same windows counted from the generator's truth by the tests'
 * second path, unsuppressed: what the engine's small-cell suppression hides.
 * Run: npx tsx scripts/demo-initiative-effect.ts [scale] [--without]
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCitizenAccess } from "../src/access/citizen-access.ts";
import { defaultAccessPolicy } from "../src/access/model.ts";
import { projectRoot } from "../src/app/server.ts";
import { createCipher } from "../src/citizens/crypto.ts";
import { addMonths } from "../src/governance/initiative-effect.ts";
import { createInitiativeService } from "../src/governance/initiative-service.ts";
import { currentInitiatives } from "../src/governance/initiative-store.ts";
import { createIndicators } from "../src/indicators/assemble.ts";
import { exclusionRules, loadParameters } from "../src/indicators/parameters.ts";
import { createStructureService } from "../src/structure/service.ts";
import { DEMO_AGREEMENT_BODY } from "../src/synth/demo-agreements.ts";
import { demoInitiativeEffect } from "../src/synth/demo-initiative-effect.ts";
import { seedDemo } from "../src/synth/demo-seed.ts";
import { generate, parseScope } from "../src/synth/generate.ts";
import { DEMO_SCOPE, DEMO_SEED } from "../src/synth/living-demo.ts";
import { loadSynthetic } from "../src/synth/load.ts";
import { loadDepsFor } from "../src/synth/load-deps.ts";
import { type SecondPathRow, secondPathOfDir } from "../test/support/indicator-second-path.ts";
import { structureDatabase } from "../test/support/server.ts";

const args = process.argv.slice(2);
const scale = Number(args.find((a) => !a.startsWith("--")) ?? "0.25");
const withEffect = !args.includes("--without");
const CUT = Date.UTC(2026, 11, 4, 9, 0);
const YEAR = Math.round(365.25 * 86_400_000);
const dir = await mkdtemp(path.join(tmpdir(), "tovholder-demo-effect-"));
const cipher = createCipher(randomBytes(32));
const clock = () => new Date(CUT);
const summary = await generate({
  seed: DEMO_SEED,
  scope: parseScope(DEMO_SCOPE),
  years: 1,
  start: CUT - YEAR,
  scale,
  outDir: dir,
  dataDir: path.join(projectRoot, "data"),
  workers: 0,
  cutAt: CUT,
  ...(withEffect ? { effects: [demoInitiativeEffect(CUT)] } : {}),
});
const database = await structureDatabase();
await seedDemo(database.db, cipher, { now: CUT, activity: false });
await loadSynthetic(dir, loadDepsFor(database.db, cipher, { notify: false, clock }), {
  batch: 250,
  concurrency: 1,
});
const indicators = createIndicators({ db: database.db, clock });
await indicators.maintenance.rebuildAll();
const [initiative] = await currentInitiatives(database.db, [DEMO_AGREEMENT_BODY]);
if (!initiative) throw new Error("the demo seed made no initiative");
const effect = await createInitiativeService({
  db: database.db,
  access: createCitizenAccess(database.db, defaultAccessPolicy, clock),
  structure: createStructureService(database.db),
  indicators: indicators.service,
  clock,
}).effect(null, initiative.initiativeId);
const exclusions = exclusionRules(loadParameters());
const excludedAs = (role: "index" | "readmission") => (d: string) =>
  exclusions.some((e) => (e.appliesTo === role || e.appliesTo === "both") && e.matches(d));
const truthRows = await secondPathOfDir(
  dir,
  {
    preventableGroup: () => null,
    indexExcluded: excludedAs("index"),
    readmissionExcluded: excludedAs("readmission"),
  },
  {
    from: effect.windows.before[0] ?? "2026-01",
    to: effect.windows.after.at(-1) ?? "2026-12",
    asOf: CUT,
  },
);
/** The 65+ share of these municipalities in these months, every row, nothing suppressed. */
function fromTruth(rows: SecondPathRow[], codes: string[], months: string[]) {
  let readmitted = 0;
  let discharges = 0;
  for (const r of rows)
    if (codes.includes(r.municipality) && months.includes(r.month)) {
      readmitted += r.readmission.aged65Plus.readmitted;
      discharges += r.readmission.aged65Plus.indexes;
    }
  return { readmitted, discharges, percent: Number(((readmitted / discharges) * 100).toFixed(1)) };
}
const truthOf = (codes: string[], windows: { before: string[]; after: string[] }) => ({
  before: fromTruth(truthRows, codes, windows.before),
  after: fromTruth(truthRows, codes, windows.after),
});
/**
 * The page's windows end with the indicator's last final month (its
 * `settlesAfterDays` passed since its end); this counts again, from the
 * truth, the months whose 30-day follow-up had ended by the cut, and as many
 * before the start, as a cross-check.
 */
const followedUp = effect.windows.after.filter(
  (m) => Date.parse(`${addMonths(m, 1)}-01T00:00:00Z`) + 31 * 86_400_000 <= CUT,
);
const complete = {
  before: effect.windows.before.slice(effect.windows.before.length - followedUp.length),
  after: followedUp,
};
const side = (p: (typeof effect)["participants"]["before"]) => ({
  readmitted: p.numerator,
  discharges: p.denominator,
  percent: p.value === null ? null : Number(p.value.toFixed(1)),
  ci95: [p.low, p.high].map((x) => (x === null ? null : Number(x.toFixed(1)))),
  rows: p.rows,
  suppressedRows: p.skipped,
});
console.log(
  JSON.stringify(
    {
      scale,
      effect: withEffect ? demoInitiativeEffect(CUT) : null,
      prevented: summary.stats.preventedByInitiatives,
      citizens: summary.stats.citizens,
      start: initiative.content.start,
      windows: effect.windows,
      participants: {
        codes: effect.participants.codes,
        before: side(effect.participants.before),
        after: side(effect.participants.after),
      },
      comparison: {
        codes: effect.comparison.codes,
        basis: effect.comparison.basis,
        before: side(effect.comparison.before),
        after: side(effect.comparison.after),
      },
      verdict: effect.verdict,
      unsuppressedFromTruth: {
        participants: truthOf(effect.participants.codes, effect.windows),
        comparison: truthOf(effect.comparison.codes, effect.windows),
      },
      unsuppressedFollowedUp: {
        windows: complete,
        participants: truthOf(effect.participants.codes, complete),
        comparison: truthOf(effect.comparison.codes, complete),
      },
    },
    null,
    2,
  ),
);
await database.close();
await rm(dir, { recursive: true, force: true });
