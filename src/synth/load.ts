import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { CitizenService } from "../citizens/service.ts";
import type { HandoverService } from "../handovers/service.ts";
import type { MessageIngest } from "../interop/service.ts";
import type { PathwayService } from "../pathways/service.ts";
import { AppError } from "../platform/http/errors.ts";
import { parseUnitsCsv } from "../structure/register-model.ts";
import type { RegisterService } from "../structure/register-service.ts";
import { type CitizenFact, type FollowUpFact, fact, type StayFact } from "./facts.ts";
import { readNdjsonLines } from "./ndjson-gz.ts";
import type { Summary } from "./summary.ts";

/**
 * Loads a generated directory through the product's own doors: the units
 * through the organisation register's import, the citizens and the facts
 * messages do not carry through their documented import, and every message
 * through the same ingest as POST /fhir/$process-message. There is no back
 * door into the tables. Loading twice changes nothing the second time.
 */

export type LoadDeps = {
  register: RegisterService;
  citizens: CitizenService;
  pathways: PathwayService;
  handovers: HandoverService;
  ingest: MessageIngest;
};

export type LoadOptions = {
  /** Batches in flight at once: 1 for PGlite, a few for PostgreSQL. */
  concurrency: number;
  batch: number;
  onStage?: (stage: "units" | "citizens" | "messages" | "stays", total: number) => void;
  onProgress?: (done: number) => void;
};

export type LoadSummary = {
  units: { added: number; updated: number; unchanged: number };
  citizens: number;
  homeCare: number;
  messages: Record<string, number>;
  stayFacts: { matched: number; unmatched: number };
  /** Handovers the history says were confirmed. */
  confirmedHandovers: number;
};

async function filesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => n.endsWith(".ndjson.gz") || n.endsWith(".ndjson"))
    .sort()
    .map((n) => path.join(dir, n));
}

type FactOf = { citizen: CitizenFact; stay: StayFact; "follow-up": FollowUpFact };

async function* factsOfKind<K extends keyof FactOf>(dir: string, kind: K) {
  for (const file of await filesIn(path.join(dir, "facts"))) {
    let line = 0;
    for await (const text of readNdjsonLines(file)) {
      line++;
      if (!text.includes(`"kind":"${kind}"`)) continue;
      const parsed = fact.safeParse(JSON.parse(text));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // Names the file, line, field and rule; never the value (it may be a CPR number).
        throw new AppError(
          "TOV_ERR_VALIDATION",
          "A facts file is not valid; see src/synth/README.md",
          [
            {
              in: "file",
              field: `${path.basename(file)} line ${line}: ${issue?.path.join(".")}`,
              reason: issue?.message ?? "is not valid",
            },
          ],
        );
      }
      yield parsed.data as FactOf[K];
    }
  }
}

/** Runs `work` on batches of `size` from `items`, at most `concurrency` at once. */
async function inBatches<T>(
  items: AsyncIterable<T>,
  size: number,
  concurrency: number,
  work: (batch: T[]) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  let batch: T[] = [];
  const launch = async (b: T[]) => {
    const p = work(b).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= concurrency) await Promise.race(running);
  };
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      await launch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await launch(batch);
  await Promise.all(running);
}

async function* messageLines(dir: string) {
  for (const file of await filesIn(path.join(dir, "messages"))) yield* readNdjsonLines(file);
}

export async function loadSynthetic(
  dir: string,
  deps: LoadDeps,
  options: LoadOptions,
): Promise<LoadSummary> {
  const generated = JSON.parse(await readFile(path.join(dir, "summary.json"), "utf8")) as Summary;
  options.onStage?.("units", 1);
  const { rows, errors } = parseUnitsCsv(await readFile(path.join(dir, "units.csv"), "utf8"));
  if (errors.length > 0)
    throw new AppError(
      "TOV_ERR_VALIDATION",
      "units.csv is not valid",
      errors.map((e) => ({
        in: "file",
        field: `units.csv line ${e.line}: ${e.field}`,
        reason: e.reason,
      })),
    );
  const units = await deps.register.import(rows);
  await deps.register.markSyntheticPractices();

  options.onStage?.("citizens", generated.stats.citizens);
  const practiceIds = await deps.citizens.practiceIdsByProviderNumber();
  let citizens = 0;
  let homeCare = 0;
  await inBatches(factsOfKind(dir, "citizen"), 1000, 1, async (batch) => {
    const result = await deps.citizens.registerPopulation(
      batch.map((c) => ({
        cpr: c.cpr,
        name: `${c.given} ${c.family}`,
        address: c.address,
        homeMunicipalityCode: c.municipalityCode,
        practiceProviderNumber: c.practice,
        homeCareSince: c.homeCareSince,
        synthetic: true,
      })),
      practiceIds,
    );
    citizens += result.citizens;
    homeCare += result.homeCare;
    options.onProgress?.(citizens);
  });

  options.onStage?.("messages", generated.stats.messages);
  const messages: Record<string, number> = {};
  let sent = 0;
  await inBatches(messageLines(dir), options.batch, options.concurrency, async (batch) => {
    for (const r of await deps.ingest.receiveMany(batch, { via: "import", synthetic: true }))
      messages[r.outcome] = (messages[r.outcome] ?? 0) + 1;
    sent += batch.length;
    options.onProgress?.(sent);
  });

  options.onStage?.("stays", generated.stats.admissions + generated.stats.ambulantOnly);
  const stayFacts = { matched: 0, unmatched: 0 };
  await inBatches(factsOfKind(dir, "stay"), 1000, 1, async (batch) => {
    const r = await deps.pathways.recordClinicalFacts(
      batch.map((f) => ({ ...f, synthetic: true })),
    );
    stayFacts.matched += r.matched;
    stayFacts.unmatched += r.unmatched;
    options.onProgress?.(stayFacts.matched + stayFacts.unmatched);
  });
  let confirmedHandovers = 0;
  await inBatches(factsOfKind(dir, "follow-up"), 1000, 1, async (batch) => {
    const stayIds = await deps.pathways.stayIdsByEpisode(batch.map((f) => f.episode));
    const items = batch.flatMap((f, i) => {
      const stayId = stayIds[i];
      if (!stayId) return [];
      return [
        ...(f.municipalityConfirmedAt
          ? [{ stayId, sector: "municipality" as const, at: new Date(f.municipalityConfirmedAt) }]
          : []),
        ...(f.gpConfirmedAt
          ? [{ stayId, sector: "general-practice" as const, at: new Date(f.gpConfirmedAt) }]
          : []),
      ];
    });
    confirmedHandovers += await deps.handovers.importConfirmations(items);
  });
  return { units, citizens, homeCare, messages, stayFacts, confirmedHandovers };
}
