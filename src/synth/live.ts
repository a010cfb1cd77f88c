import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyBaseLogger } from "fastify";
import { writeHospitalNotification } from "../interop/medcom/write-hospital-notification.ts";
import type { MessageIngest } from "../interop/service.ts";
import type { PathwayService } from "../pathways/service.ts";
import { type SynthStay, stayAt } from "./activity.ts";
import { danishTime } from "./danish-time.ts";
import type { Geography, SynthMunicipality } from "./geography.ts";
import { runInputs } from "./inputs.ts";
import type { OpenEntry } from "./municipality-run.ts";
import { readNdjsonLines } from "./ndjson-gz.ts";
import { citizensOf, type SynthCitizen } from "./population.ts";
import { createRandom } from "./random.ts";
import { ownTime, type StayClock, type StayEvent, stayFlow } from "./stay-messages.ts";

/**
 * The living demo: after a year of history is loaded, new hospital
 * notifications keep arriving in accelerated time. Simulated time runs
 * `speed` times faster than real time from the cut where the history ends;
 * each event is sent when its simulated time comes, stamped with the real
 * time it is sent, through the real ingest. New patients arrive as a Poisson
 * process drawn from the seed, so the simulation is the same on every start;
 * after a restart it fast-forwards to where it was (everything already sent
 * is a duplicate by message id, and the ingest ignores duplicates).
 */

export type LiveOptions = {
  seed: number;
  scale: number;
  cutAt: number;
  speed: number;
  dir: string;
  municipalities: readonly SynthMunicipality[];
  geography: Geography;
  ingest: MessageIngest;
  pathways: PathwayService;
  logger?: FastifyBaseLogger;
  /** Real time, for tests. */
  now?: () => number;
};

type Pending = StayEvent & { stayKey: string };

const YEAR = 365.25 * 86_400_000;

function shifted(stay: SynthStay, delta: number): SynthStay {
  const move = (t: number) => t + delta;
  return {
    ...stay,
    arrivedAt: move(stay.arrivedAt),
    admittedAt: move(stay.admittedAt),
    endedAt: move(stay.endedAt),
    leave: stay.leave ? { start: move(stay.leave.start), end: move(stay.leave.end) } : null,
    medicallyReadyAt: stay.medicallyReadyAt === null ? null : move(stay.medicallyReadyAt),
  };
}

export async function createLiveDemo(options: LiveOptions) {
  const now = options.now ?? Date.now;
  const inputs = runInputs(options.geography, options.seed, options.scale);
  const ctx = { ...inputs, start: options.cutAt, end: options.cutAt + YEAR, onDate: options.cutAt };
  const people: { citizen: SynthCitizen; home: SynthMunicipality }[] = [];
  for (const m of options.municipalities)
    for (const citizen of citizensOf(m, {
      ...inputs,
      seed: options.seed,
      scale: options.scale,
      onDate: options.cutAt,
    }))
      people.push({ citizen, home: m });
  const pending: Pending[] = [];
  /** Until when each citizen is in hospital (or forever, once dead): nobody is admitted twice at once. */
  const busyUntil = new Map<string, number>();
  const stayFacts: Parameters<PathwayService["recordClinicalFacts"]>[0] = [];

  // The stays the history left open: their remaining events, at their own (simulated) times.
  for (const name of (await readdir(path.join(options.dir, "open"))).sort()) {
    for await (const line of readNdjsonLines(path.join(options.dir, "open", name))) {
      const open = JSON.parse(line) as OpenEntry;
      if (open.kind === "deceased") {
        busyUntil.set(open.cpr, Number.POSITIVE_INFINITY);
        continue;
      }
      busyUntil.set(open.person.cpr, open.stay.died ? Number.POSITIVE_INFINITY : open.stay.endedAt);
      const hospital = options.geography.hospitals.find((h) => h.id === open.stay.hospitalId);
      if (!hospital) continue;
      const built = stayFlow(
        options.seed,
        open.person,
        open.municipalityName,
        { ...open.stay, hospital },
        open.hospitalIndex,
      );
      for (const e of built.events) {
        // Already sent as history: replay it on the flow so the next message continues its chain.
        if (e.at <= options.cutAt) e.send(ownTime);
        else pending.push({ ...e, stayKey: `${open.person.cpr}:${open.stay.n}` });
      }
    }
  }

  // New patients: a Poisson process in simulated time, at the population's yearly admission rate.
  const arrivals = createRandom(options.seed, "live:arrivals");
  const summary = JSON.parse(await readFile(path.join(options.dir, "summary.json"), "utf8")) as {
    stats: { admissions: number; ambulantOnly: number; preventedByInitiatives?: number };
    years: number;
  };
  // The stays an initiative prevented count too: the rate of arrivals is the population's, and
  // an effect on the history's readmissions is no reason for the simulation's to change.
  const arrived =
    summary.stats.admissions +
    summary.stats.ambulantOnly +
    (summary.stats.preventedByInitiatives ?? 0);
  const perYear = arrived / summary.years;
  let nextArrival = options.cutAt + arrivals.exponential(YEAR / Math.max(1, perYear));
  let created = 0;

  function admitUpTo(simNow: number) {
    while (nextArrival <= simNow && people.length > 0) {
      const { citizen, home } = arrivals.pick(people);
      if ((busyUntil.get(citizen.cpr) ?? 0) > nextArrival) {
        nextArrival += arrivals.exponential(YEAR / Math.max(1, perYear));
        continue;
      }
      const drafted = stayAt(arrivals, citizen, home, ctx, nextArrival, 1000 + created++);
      const stay = shifted(drafted, nextArrival - drafted.arrivedAt);
      busyUntil.set(citizen.cpr, stay.died ? Number.POSITIVE_INFINITY : stay.endedAt);
      const index = inputs.hospitalIndex.get(stay.hospital.id) ?? 0;
      const built = stayFlow(options.seed, citizen, home.name, stay, index);
      for (const e of built.events) pending.push({ ...e, stayKey: `${citizen.cpr}:${stay.n}` });
      stayFacts.push({
        episode: built.episode,
        diagnosis: stay.diagnosis,
        preventableGroup: stay.preventableGroup,
        admission: stay.admission,
        medicallyReadyAt: stay.medicallyReadyAt === null ? null : danishTime(stay.medicallyReadyAt),
        synthetic: true,
      });
      nextArrival += arrivals.exponential(YEAR / Math.max(1, perYear));
    }
  }

  let realStart = now();
  let simulatedUpTo = options.cutAt;
  const stateFile = path.join(options.dir, "live.json");
  try {
    const saved = JSON.parse(await readFile(stateFile, "utf8")) as { simulatedUpTo: number };
    simulatedUpTo = saved.simulatedUpTo;
  } catch {
    // First start: the simulation begins at the cut.
  }
  // Real time maps onto simulated time from where the last run stopped.
  realStart = now() - (simulatedUpTo - options.cutAt) / options.speed;

  /**
   * The time a message states for a simulated time: before the cut the
   * history's own (it happened in real time), after it the real time that
   * simulated time maps to. Never after `now()` for an event that is due, so
   * the demo never sends times ahead of the server's clock.
   */
  const stated: StayClock = (simulated) =>
    simulated <= options.cutAt
      ? simulated
      : realStart + (simulated - options.cutAt) / options.speed;

  /** Sends every event due by the simulated clock; returns how many messages went in. */
  async function tick(): Promise<number> {
    const simNow = options.cutAt + (now() - realStart) * options.speed;
    admitUpTo(simNow);
    pending.sort((a, b) => a.at - b.at);
    const due = pending.filter((e) => e.at <= simNow);
    if (due.length === 0) return 0;
    pending.splice(0, due.length);
    const raws = due.map((e) => JSON.stringify(writeHospitalNotification(e.send(stated))));
    const results = await options.ingest.receiveMany(raws, { via: "import", synthetic: true });
    if (stayFacts.length > 0) await options.pathways.recordClinicalFacts(stayFacts.splice(0));
    simulatedUpTo = simNow;
    await writeFile(stateFile, JSON.stringify({ simulatedUpTo }));
    const applied = results.filter((r) => r.outcome === "accepted").length;
    options.logger?.info(
      { sent: raws.length, applied, simulated: new Date(simNow).toISOString() },
      "demo: hospital notifications",
    );
    return raws.length;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  return {
    tick,
    pendingEvents: () => pending.length,
    start(everyMs = 2_000) {
      timer = setInterval(() => {
        running = running
          .then(tick)
          .catch((err: unknown) => options.logger?.error({ err }, "demo simulation failed a tick"));
      }, everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export type LiveDemo = Awaited<ReturnType<typeof createLiveDemo>>;
