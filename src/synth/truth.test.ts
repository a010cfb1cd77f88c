import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../app/server.ts";
import type { SynthStay } from "./activity.ts";
import { generate, parseScope } from "./generate.ts";
import type { SynthHospital } from "./geography.ts";
import { readNdjsonLines } from "./ndjson-gz.ts";
import type { SynthCitizen } from "./population.ts";
import type { Summary } from "./summary.ts";
import { citizenTruth, type StayTruth, stayTruth, type TruthLine } from "./truth.ts";

const HOUR = 3_600_000;

const hospital: SynthHospital = {
  id: "slagelse-sygehus",
  name: "Slagelse Sygehus",
  regionCode: "1085",
  bodyIds: ["naestved-slagelse"],
  places: [],
};

const citizen: SynthCitizen = {
  cpr: "0101451660",
  birthDate: "1945-01-01",
  sex: "female",
  given: "A",
  family: "B",
  address: "C",
  municipalityCode: "370",
  practice: "370004",
  homeCareSince: null,
};

const episode = { system: "urn:test", value: "e1" };

/** 3 March 2025, 08:00 UTC: winter time, so 09:00 in Denmark. */
const T0 = Date.UTC(2025, 2, 3, 8, 0);

function stay(over: Partial<SynthStay>): SynthStay {
  return {
    n: 0,
    hospital,
    department: 0,
    admission: "acute",
    ambulant: "none",
    arrivedAt: T0,
    admittedAt: T0,
    endedAt: T0 + 48 * HOUR,
    died: false,
    leave: null,
    diagnosis: "J18.9",
    preventableGroup: "lower-respiratory",
    medicallyReadyAt: null,
    readmission: false,
    revisedDischarge: false,
    ...over,
  };
}

describe("the truth of one stay and citizen", () => {
  it("states the corrected discharge and the acute ambulant arrival as the start", () => {
    // Arrived acute ambulant at 09:00, admitted 3 h later, discharged 2 days after arrival
    // (5 March 09:00), corrected half an hour earlier: 08:30.
    const truth = stayTruth(
      citizen.cpr,
      stay({
        ambulant: "then-admitted",
        admittedAt: T0 + 3 * HOUR,
        revisedDischarge: true,
        medicallyReadyAt: T0 + 24 * HOUR,
      }),
      episode,
    );
    expect(truth).toEqual<StayTruth>({
      kind: "stay",
      cpr: "0101451660",
      hospitalId: "slagelse-sygehus",
      episode,
      admittedAt: "2025-03-03T09:00:00+01:00",
      endedAt: "2025-03-05T08:30:00+01:00",
      cancelled: false,
      diedAt: null,
      admission: "acute",
      beganAcuteAmbulant: true,
      diagnosis: "J18.9",
      medicallyReadyAt: "2025-03-04T09:00:00+01:00",
    });
  });

  it("states a death on the stay and the citizen", () => {
    // Died 30 March 2025 at 01:30 UTC, after the switch to summer time (01:00 UTC): 03:30 +02.
    const died = stay({ endedAt: Date.UTC(2025, 2, 30, 1, 30), died: true });
    expect(stayTruth(citizen.cpr, died, episode)).toMatchObject({
      endedAt: "2025-03-30T03:30:00+02:00",
      diedAt: "2025-03-30T03:30:00+02:00",
    });
    expect(citizenTruth(citizen, [died])).toEqual({
      kind: "citizen",
      cpr: "0101451660",
      birthDate: "1945-01-01",
      sex: "female",
      municipalityCode: "370",
      practice: "370004",
      diedAt: "2025-03-30T03:30:00+02:00",
    });
  });

  it("stops at the living demo's cut: open stays, deaths not yet known, later stays left out", () => {
    const died = stay({ endedAt: T0 + 48 * HOUR, died: true });
    const cut = T0 + 24 * HOUR;
    expect(stayTruth(citizen.cpr, died, episode, cut)).toMatchObject({
      admittedAt: "2025-03-03T09:00:00+01:00",
      endedAt: null,
      diedAt: null,
    });
    expect(citizenTruth(citizen, [died], cut).diedAt).toBeNull();
    expect(stayTruth(citizen.cpr, stay({ arrivedAt: cut + 60_000 }), episode, cut)).toBeNull();
    // Ended exactly at the cut: its discharge message was sent, so it is closed.
    expect(stayTruth(citizen.cpr, stay({ endedAt: cut }), episode, cut)?.endedAt).toBe(
      "2025-03-04T09:00:00+01:00",
    );
  });
});

describe("the truth files of a generated body", () => {
  const START = Date.UTC(2025, 0, 1);
  let dirs: string[] = [];
  let summary: Summary;
  const run = async (workers: number) => {
    const outDir = await mkdtemp(path.join(tmpdir(), "tovholder-truth-"));
    dirs.push(outDir);
    const s = await generate({
      seed: 5,
      scope: parseScope("body:naestved-slagelse"),
      years: 1,
      start: START,
      scale: 0.02,
      outDir,
      dataDir: path.join(projectRoot, "data"),
      workers,
    });
    return { outDir, s };
  };

  beforeAll(async () => {
    summary = (await run(0)).s;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    dirs = [];
  });

  async function linesOf(dir: string): Promise<TruthLine[]> {
    const lines: TruthLine[] = [];
    for (const name of (await readdir(path.join(dir, "truth"))).sort())
      for await (const line of readNdjsonLines(path.join(dir, "truth", name)))
        lines.push(JSON.parse(line) as TruthLine);
    return lines;
  }

  it("has a line for every citizen and every stay, agreeing with the facts and the summary", async () => {
    const [dir = ""] = dirs;
    const lines = await linesOf(dir);
    const stays = lines.filter((l): l is StayTruth => l.kind === "stay");
    expect(lines.length - stays.length).toBe(summary.stats.citizens);
    expect(stays.length).toBe(summary.stats.admissions + summary.stats.ambulantOnly);
    expect(stays.filter((s) => s.diedAt !== null).length).toBe(summary.stats.deaths);
    expect(lines.filter((l) => l.kind === "citizen" && l.diedAt !== null).length).toBe(
      summary.stats.deaths,
    );
    const factEpisodes = new Set<string>();
    for (const name of await readdir(path.join(dir, "facts")))
      for await (const line of readNdjsonLines(path.join(dir, "facts", name))) {
        const fact = JSON.parse(line) as { kind: string; episode?: { value: string } };
        if (fact.kind === "stay" && fact.episode) factEpisodes.add(fact.episode.value);
      }
    expect(new Set(stays.map((s) => s.episode.value))).toEqual(factEpisodes);
    for (const s of stays)
      expect(Date.parse(s.endedAt ?? "")).toBeGreaterThan(Date.parse(s.admittedAt));
  });

  it("is the same with worker threads", async () => {
    const digest = async (dir: string) => {
      const out: Record<string, string> = {};
      for (const name of (await readdir(path.join(dir, "truth"))).sort())
        out[name] = createHash("sha256")
          .update(await readFile(path.join(dir, "truth", name)))
          .digest("hex");
      return out;
    };
    const [first = ""] = dirs;
    const threaded = await run(2);
    expect(await digest(threaded.outDir)).toEqual(await digest(first));
  }, 60_000);
});
