import path from "node:path";
import { writeHospitalNotification } from "../interop/medcom/write-hospital-notification.ts";
import { activityWithCauses, type SynthStay } from "./activity.ts";
import { danishTime } from "./danish-time.ts";
import type { CitizenFact, FollowUpFact, StayFact } from "./facts.ts";
import { type Geography, placeOf, type SynthMunicipality } from "./geography.ts";
import { effectTruth, type InitiativeEffect, preventedStays } from "./initiative-effect.ts";
import { NdjsonGzWriter } from "./ndjson-gz.ts";
import { bandOf, PARAMETERS } from "./parameters.ts";
import { type CprBlock, citizensOf, type SynthCitizen, type SynthPractice } from "./population.ts";
import { createRandom } from "./random.ts";
import { countStays, emptyStats, type Stats } from "./stats.ts";
import { stayMessages } from "./stay-messages.ts";
import { citizenTruth, stayTruth } from "./truth.ts";

/**
 * Generates one municipality: its citizens, their hospital activity as
 * MedCom messages (messages/<code>.ndjson.gz), the facts the messages do
 * not carry (facts/<code>.ndjson.gz) and what really happened, for tests
 * (truth/<code>.ndjson.gz, see truth.ts). Everything derives from (seed,
 * municipality), so municipalities can run in any order or in parallel.
 */

export type MunicipalityJob = {
  code: string;
  seed: number;
  scale: number;
  start: number;
  end: number;
  outDir: string;
  /**
   * For the living demo: messages after this instant are not written; the
   * stays still open then go to open/<code>.ndjson.gz for the simulator.
   */
  cutAt?: number;
  /** Initiatives whose effect the data carries (initiative-effect.ts); none by default. */
  effects?: InitiativeEffect[];
};

/**
 * What the living demo's simulator reads back from open/<code>.ndjson.gz: a
 * stay still open at the cut, or a citizen who died before it.
 */
export type OpenEntry = OpenStay | { kind: "deceased"; cpr: string };

export type OpenStay = {
  kind: "open";
  person: { cpr: string; given: string; family: string; municipalityCode: string };
  municipalityName: string;
  hospitalIndex: number;
  stay: Omit<SynthStay, "hospital"> & { hospitalId: string };
};

export type RunInputs = {
  geography: Geography;
  byCode: ReadonlyMap<string, SynthMunicipality>;
  practicesByMunicipality: ReadonlyMap<string, SynthPractice[]>;
  cprBlocks: ReadonlyMap<string, CprBlock>;
  hospitalIndex: ReadonlyMap<string, number>;
};

function citizenFact(c: SynthCitizen): CitizenFact {
  return {
    kind: "citizen",
    cpr: c.cpr,
    given: c.given,
    family: c.family,
    address: c.address,
    municipalityCode: c.municipalityCode,
    practice: c.practice,
    homeCareSince: c.homeCareSince,
  };
}

/** Where a citizen is listed, by the structure on the day the population is drawn (`onDate`). */
function countListing(
  stats: Stats,
  c: SynthCitizen,
  m: SynthMunicipality,
  inputs: RunInputs,
  onDate: number,
) {
  if (!c.practice) {
    stats.listing.none++;
    return;
  }
  const practiceMunicipality = c.practice.slice(0, 3);
  if (practiceMunicipality === m.code) stats.listing.own++;
  else stats.listing.neighbour++;
  const practiceHome = inputs.byCode.get(practiceMunicipality);
  const practiceBody = practiceHome ? placeOf(practiceHome, onDate).bodyId : null;
  if (practiceBody !== placeOf(m, onDate).bodyId) stats.listing.otherBody++;
}

/** When the municipality and the GP confirmed this discharge's handovers, as history. */
function followUp(
  random: ReturnType<typeof createRandom>,
  episode: { system: string; value: string },
  dischargedAt: number,
  cutAt: number | undefined,
): FollowUpFact {
  const when = (p: { medianMinutes: number; sigma: number; neverShare: number }) => {
    if (random.chance(p.neverShare)) return null;
    const at = dischargedAt + Math.round(random.logNormal(p.medianMinutes, p.sigma)) * 60_000;
    return cutAt !== undefined && at > cutAt ? null : danishTime(at);
  };
  const c = PARAMETERS.handoverConfirmation;
  return {
    kind: "follow-up",
    episode,
    municipalityConfirmedAt: when(c.municipality),
    gpConfirmedAt: when(c.generalPractice),
  };
}

/** The episode a prevented stay would have had: never written anywhere. */
const PREVENTED = { system: "", value: "" };

export async function runMunicipality(
  job: MunicipalityJob,
  inputs: RunInputs,
  onCitizens?: (n: number) => void,
): Promise<Stats> {
  const m = inputs.byCode.get(job.code);
  if (!m) throw new Error(`no municipality ${job.code}`);
  const messages = new NdjsonGzWriter(path.join(job.outDir, "messages", `${m.code}.ndjson.gz`));
  const facts = new NdjsonGzWriter(path.join(job.outDir, "facts", `${m.code}.ndjson.gz`));
  const truth = new NdjsonGzWriter(path.join(job.outDir, "truth", `${m.code}.ndjson.gz`));
  const open =
    job.cutAt === undefined
      ? null
      : new NdjsonGzWriter(path.join(job.outDir, "open", `${m.code}.ndjson.gz`));
  const stats = emptyStats();
  stats.practices = inputs.practicesByMunicipality.get(m.code)?.length ?? 0;
  const random = createRandom(job.seed, `activity:${m.code}`);
  const ctx = { ...inputs, start: job.start, end: job.end, onDate: job.start };
  const effects = job.effects ?? [];
  try {
    for (const effect of effects)
      if (effect.municipalityCodes.includes(m.code)) await truth.write(effectTruth(effect));
    for (const citizen of citizensOf(m, {
      ...inputs,
      seed: job.seed,
      scale: job.scale,
      onDate: job.start,
    })) {
      const band = bandOf(
        Math.floor((job.start - Date.parse(citizen.birthDate)) / (365.25 * 86_400_000)),
      );
      stats.citizens++;
      stats.byBand[band]++;
      if (citizen.sex === "female") stats.female++;
      if (citizen.homeCareSince) stats.homeCare++;
      countListing(stats, citizen, m, inputs, job.start);
      await facts.write(citizenFact(citizen));
      const drawn = activityWithCauses(random, citizen, m, ctx);
      const prevented = preventedStays(job.seed, citizen, drawn.stays, drawn.causes, effects);
      const stays = drawn.stays.filter((s) => !prevented.has(s.n));
      stats.preventedByInitiatives += prevented.size;
      countStays(stats, stays, band, m);
      await truth.write(citizenTruth(citizen, stays, job.cutAt));
      const death = stays.find((x) => x.died);
      if (open && death && death.endedAt <= (job.cutAt ?? 0))
        await open.write({ kind: "deceased", cpr: citizen.cpr });
      for (const stay of drawn.stays) {
        if (prevented.has(stay.n)) {
          // Its follow-up draws all the same, so the citizens after this one get the numbers they get without the effect.
          if (!stay.died) followUp(random, PREVENTED, stay.endedAt, job.cutAt);
          continue;
        }
        const index = inputs.hospitalIndex.get(stay.hospital.id) ?? 0;
        const built = stayMessages(job.seed, citizen, m.name, stay, index, job.cutAt);
        if (built.pending > 0 && open) {
          const { hospital, ...rest } = stay;
          const entry: OpenStay = {
            kind: "open",
            person: citizen,
            municipalityName: m.name,
            hospitalIndex: index,
            stay: { ...rest, hospitalId: hospital.id },
          };
          await open.write(entry);
        }
        for (const message of built.messages) {
          const activity = message.provenance.at(-1)?.activity ?? "unknown";
          stats.messagesByActivity[activity] = (stats.messagesByActivity[activity] ?? 0) + 1;
          stats.messages++;
          await messages.write(writeHospitalNotification(message));
        }
        const fact: StayFact = {
          kind: "stay",
          episode: built.episode,
          diagnosis: stay.diagnosis,
          preventableGroup: stay.preventableGroup,
          admission: stay.admission,
          medicallyReadyAt:
            stay.medicallyReadyAt === null ? null : danishTime(stay.medicallyReadyAt),
        };
        await facts.write(fact);
        const really = stayTruth(citizen.cpr, stay, built.episode, job.cutAt);
        if (really) await truth.write(really);
        if (!stay.died) await facts.write(followUp(random, built.episode, stay.endedAt, job.cutAt));
      }
      if (stats.citizens % 1000 === 0) onCitizens?.(1000);
    }
    onCitizens?.(stats.citizens % 1000);
  } finally {
    await Promise.all([messages.close(), facts.close(), truth.close(), open?.close()]);
  }
  return stats;
}
