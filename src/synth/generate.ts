import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "../platform/http/errors.ts";
import { type Geography, loadGeography, type SynthMunicipality } from "./geography.ts";
import { effectTruth, type InitiativeEffect } from "./initiative-effect.ts";
import { runInputs } from "./inputs.ts";
import { type MunicipalityJob, runMunicipality } from "./municipality-run.ts";
import { scaledPopulation } from "./population.ts";
import { addStats, emptyStats, type Stats } from "./stats.ts";
import { fallbacksOf, rateChecks, type Summary } from "./summary.ts";
import { unitsCsv } from "./units-file.ts";

/**
 * Generates a synthetic Denmark (or a region or a body of it) into a
 * directory: units.csv (the organisation register import), messages/,
 * facts/ and truth/ (NDJSON, gzip, one file per municipality) and
 * summary.json. The same options give byte-identical files.
 */

export type Scope =
  | { kind: "national" }
  | { kind: "region"; code: string }
  | { kind: "body"; id: string };

export type GenerateOptions = {
  seed: number;
  scope: Scope;
  years: number;
  /** Start of the simulated period (ms); the period is `years` long. */
  start: number;
  scale: number;
  outDir: string;
  dataDir: string;
  /** Worker threads; 0 runs everything on this thread. */
  workers: number;
  onProgress?: (citizensDone: number, citizensTotal: number) => void;
  /** The living demo's cut: see MunicipalityJob.cutAt. */
  cutAt?: number;
  /** Initiatives whose effect the data carries (initiative-effect.ts); none by default. */
  effects?: InitiativeEffect[];
};

function badScope(reason: string) {
  return new AppError("TOV_ERR_VALIDATION", "The scope is not valid", [
    { in: "option", field: "scope", reason },
  ]);
}

export function parseScope(text: string): Scope {
  if (text === "national") return { kind: "national" };
  const [kind, value] = text.split(":");
  if (kind === "body" && value) return { kind: "body", id: value };
  if (kind === "region" && value && /^[0-9]{4}$/.test(value))
    return { kind: "region", code: value };
  throw badScope("must be national, region:<code> (e.g. region:1085) or body:<id>");
}

export const scopeLabel = (s: Scope) =>
  s.kind === "national" ? "national" : s.kind === "region" ? `region:${s.code}` : `body:${s.id}`;

export function scopeMunicipalities(geography: Geography, scope: Scope): SynthMunicipality[] {
  const all = geography.municipalities;
  if (scope.kind === "national") return all;
  if (scope.kind === "region") {
    const found = all.filter((m) => m.regionCode === scope.code);
    if (found.length === 0) throw badScope(`names no region: ${scope.code}`);
    return found;
  }
  const body = geography.bodies.find((c) => c.id === scope.id);
  if (!body) {
    const ids = geography.bodies.map((c) => c.id).join(", ");
    throw badScope(`names no body: ${scope.id} (the bodies are ${ids})`);
  }
  return all.filter((m) => body.municipalityCodes.includes(m.code));
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function generate(options: GenerateOptions): Promise<Summary> {
  const geography = await loadGeography(options.dataDir);
  const municipalities = scopeMunicipalities(geography, options.scope);
  const end = options.start + Math.round(options.years * 365.25) * DAY;
  await mkdir(path.join(options.outDir, "messages"), { recursive: true });
  await mkdir(path.join(options.outDir, "facts"), { recursive: true });
  await mkdir(path.join(options.outDir, "truth"), { recursive: true });
  if (options.cutAt !== undefined)
    await mkdir(path.join(options.outDir, "open"), { recursive: true });
  const inputs = runInputs(geography, options.seed, options.scale);
  await writeFile(path.join(options.outDir, "units.csv"), unitsCsv(inputs, municipalities));

  // Largest first, so the last job to finish is a small one.
  const jobs: MunicipalityJob[] = [...municipalities]
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code))
    .map((m) => ({
      code: m.code,
      seed: options.seed,
      scale: options.scale,
      start: options.start,
      end,
      outDir: options.outDir,
      ...(options.cutAt === undefined ? {} : { cutAt: options.cutAt }),
      ...(options.effects ? { effects: options.effects } : {}),
    }));
  const total = municipalities.reduce((sum, m) => sum + scaledPopulation(m, options.scale), 0);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const perMunicipality =
    options.workers > 0
      ? await runInWorkers(jobs, options, progress)
      : await runHere(jobs, inputs, progress);
  const stats = perMunicipality.reduce((sum, s) => addStats(sum, s), emptyStats());
  const summary: Summary = {
    seed: options.seed,
    scope: scopeLabel(options.scope),
    start: isoDate(options.start),
    end: isoDate(end),
    years: options.years,
    scale: options.scale,
    municipalities: municipalities.length,
    populationFallbacks: fallbacksOf(municipalities),
    stats,
    checks: rateChecks(stats, options.years),
    ...(options.effects?.length ? { initiativeEffects: options.effects.map(effectTruth) } : {}),
  };
  await writeFile(
    path.join(options.outDir, "summary.json"),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  return summary;
}

async function runHere(
  jobs: MunicipalityJob[],
  inputs: ReturnType<typeof runInputs>,
  progress: (n: number) => void,
): Promise<Stats[]> {
  const results: Stats[] = [];
  for (const job of jobs) results.push(await runMunicipality(job, inputs, progress));
  return results;
}

type WorkerMessage =
  | { ready: true }
  | { progress: number }
  | { done: string; stats: Stats }
  | { failed: string; error: string };

/** Hands the jobs out to worker threads, one at a time each; results in job order. */
function runInWorkers(
  jobs: MunicipalityJob[],
  options: GenerateOptions,
  progress: (n: number) => void,
): Promise<Stats[]> {
  const results = new Map<string, Stats>();
  let next = 0;
  const workers: Worker[] = [];
  return new Promise((resolve, reject) => {
    const finish = (err?: Error) => {
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(jobs.map((j) => results.get(j.code) as Stats));
    };
    const give = (worker: Worker) => {
      const job = jobs[next++];
      if (job) worker.postMessage(job);
      else if (results.size === jobs.length) finish();
    };
    const count = Math.min(options.workers, jobs.length);
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL("./worker-entry.js", import.meta.url), {
        workerData: { dataDir: options.dataDir, seed: options.seed, scale: options.scale },
      });
      workers.push(worker);
      worker.on("error", (err) => finish(err));
      worker.on("message", (m: WorkerMessage) => {
        if ("progress" in m) progress(m.progress);
        else if ("failed" in m) finish(new Error(`municipality ${m.failed}: ${m.error}`));
        else if ("done" in m) {
          results.set(m.done, m.stats);
          give(worker);
        } else give(worker);
      });
    }
  });
}
