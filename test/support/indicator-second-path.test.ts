import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NdjsonGzWriter } from "../../src/synth/ndjson-gz.ts";
import type { CitizenTruth, StayTruth } from "../../src/synth/truth.ts";
import {
  ageOn,
  danishDate,
  hospitalStaysOf,
  readTruth,
  type SecondPathRow,
  type SecondPathRules,
  secondPath,
  type Truth,
} from "./indicator-second-path.ts";

/**
 * The second path on a hand-written truth directory (January–April 2025, all
 * instants written in Danish time). Every expected figure is worked out by
 * hand in the comments.
 */

const rules: SecondPathRules = {
  preventableGroup: (d) => ({ "J18.9": "lower-respiratory", "N39.0": "cystitis" })[d] ?? null,
  indexExcluded: (d) => d.startsWith("C"),
  readmissionExcluded: (d) => d.startsWith("S06") || d.startsWith("O8"),
};

function citizen(
  cpr: string,
  birthDate: string,
  municipalityCode = "370",
  diedAt: string | null = null,
): CitizenTruth {
  return {
    kind: "citizen",
    cpr,
    birthDate,
    sex: "female",
    municipalityCode,
    practice: null,
    diedAt,
  };
}

let n = 0;
function stay(
  cpr: string,
  admittedAt: string,
  endedAt: string | null,
  over: Partial<StayTruth> = {},
): StayTruth {
  n++;
  return {
    kind: "stay",
    cpr,
    hospitalId: "slagelse-sygehus",
    episode: { system: "urn:test", value: `e${n}` },
    admittedAt,
    endedAt,
    cancelled: false,
    diedAt: null,
    admission: "acute",
    beganAcuteAmbulant: false,
    diagnosis: "R07.4",
    medicallyReadyAt: null,
    ...over,
  };
}

// A, 80+ (born 1940): a transfer 3 h later joined into one acute, preventable admission
// 10 Jan 08:00 → 15 Jan 10:00; readmitted at exactly 30 days (14 Feb 10:00).
// B, 18–64 (born 1960): discharged 8 Jan 09:00, back 30 days and 1 minute later.
// C, 65–79, lives in 330: an 11-hour stay, then dies during a preventable admission.
// D, 0–17: a cancer admission (no index), an index whose only readmission within 30 days
// is an accident (excluded) and whose other is cancelled.
// E, 65–79: admitted 1 March 00:30 Danish time (28 February in UTC); in April admitted at
// 79 and discharged at 80.
// F, 18–64: a stay still open. G: born 15 February 2025.
// H, 18–64: transferred with a cancer diagnosis; the admission's first stay is not cancer.
// I, 80+: transferred; the last stay has no medically-ready time, the first has.
const citizens = [
  citizen("A", "1940-02-15"),
  citizen("B", "1960-06-01"),
  citizen("C", "1950-03-20", "330", "2025-03-05T10:00:00+01:00"),
  citizen("D", "2010-07-04"),
  citizen("E", "1945-04-10"),
  citizen("F", "1990-01-01"),
  citizen("G", "2025-02-15"),
  citizen("H", "1980-05-05"),
  citizen("I", "1935-06-06"),
];
const stays = [
  stay("A", "2025-01-10T08:00:00+01:00", "2025-01-12T10:00:00+01:00", {
    diagnosis: "J18.9",
    medicallyReadyAt: "2025-01-11T10:00:00+01:00",
  }),
  stay("A", "2025-01-12T13:00:00+01:00", "2025-01-15T10:00:00+01:00", {
    admission: "planned",
    diagnosis: "I50.9",
    medicallyReadyAt: "2025-01-13T09:00:00+01:00",
  }),
  stay("A", "2025-02-14T10:00:00+01:00", "2025-02-16T10:00:00+01:00", {
    medicallyReadyAt: "2025-02-16T10:00:00+01:00",
  }),
  stay("B", "2025-01-05T09:00:00+01:00", "2025-01-08T09:00:00+01:00", {
    admission: "planned",
    diagnosis: "M16.9",
  }),
  stay("B", "2025-02-07T09:01:00+01:00", "2025-02-09T09:01:00+01:00", { diagnosis: "I21.9" }),
  stay("C", "2025-02-03T20:00:00+01:00", "2025-02-04T07:00:00+01:00", { diagnosis: "N39.0" }),
  stay("C", "2025-03-01T10:00:00+01:00", "2025-03-05T10:00:00+01:00", {
    diagnosis: "N39.0",
    diedAt: "2025-03-05T10:00:00+01:00",
    medicallyReadyAt: "2025-03-04T10:00:00+01:00",
  }),
  stay("D", "2025-01-20T12:00:00+01:00", "2025-01-22T12:00:00+01:00", { diagnosis: "C34.9" }),
  stay("D", "2025-01-25T12:00:00+01:00", "2025-01-26T12:00:00+01:00", { diagnosis: "K35.8" }),
  stay("D", "2025-02-01T12:00:00+01:00", "2025-02-02T12:00:00+01:00", { diagnosis: "S06.0" }),
  stay("D", "2025-02-10T12:00:00+01:00", "2025-02-12T12:00:00+01:00", { cancelled: true }),
  stay("E", "2025-03-01T00:30:00+01:00", "2025-03-03T00:30:00+01:00", {
    admission: "planned",
    diagnosis: "E11.9",
    medicallyReadyAt: "2025-03-02T00:31:00+01:00",
  }),
  stay("E", "2025-04-08T10:00:00+02:00", "2025-04-11T10:00:00+02:00", {
    admission: "planned",
    diagnosis: "E11.9",
  }),
  stay("F", "2025-04-20T10:00:00+02:00", null),
  stay("H", "2025-03-10T08:00:00+01:00", "2025-03-11T08:00:00+01:00", { diagnosis: "R10.4" }),
  stay("H", "2025-03-11T10:00:00+01:00", "2025-03-14T10:00:00+01:00", {
    admission: "planned",
    diagnosis: "C18.9",
  }),
  stay("I", "2025-02-20T08:00:00+01:00", "2025-02-22T08:00:00+01:00", {
    diagnosis: "I50.9",
    medicallyReadyAt: "2025-02-21T20:00:00+01:00",
  }),
  stay("I", "2025-02-22T09:00:00+01:00", "2025-02-23T09:00:00+01:00", {
    admission: "planned",
    diagnosis: "Z03.8",
  }),
];

let dir: string;
let truth: Truth;
let rows: SecondPathRow[];
const row = (municipality: string, month: string) => {
  const found = rows.find((r) => r.municipality === municipality && r.month === month);
  if (!found) throw new Error(`no row ${municipality} ${month}`);
  return found;
};
const bands = (a: number, b: number, c: number, d: number) => ({
  "0-17": a,
  "18-64": b,
  "65-79": c,
  "80+": d,
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tovholder-second-path-"));
  await mkdir(path.join(dir, "truth"));
  // Two files, as the generator writes one per municipality; C's stays sit in 370's file.
  const a = new NdjsonGzWriter(path.join(dir, "truth", "330.ndjson.gz"));
  const b = new NdjsonGzWriter(path.join(dir, "truth", "370.ndjson.gz"));
  for (const line of [...citizens, ...stays])
    await (line.cpr === "C" && line.kind === "citizen" ? a : b).write(line);
  await Promise.all([a.close(), b.close()]);
  truth = await readTruth(dir);
  rows = secondPath(truth, rules, { from: "2025-01", to: "2025-04" });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the second path's building blocks", () => {
  it("joins a transfer 3 hours later, and stays exactly 4 hours apart, but not 4 hours and 1 minute", () => {
    const joined = (gapEnd: string) =>
      hospitalStaysOf([
        stay("X", "2025-01-01T08:00:00+01:00", "2025-01-01T10:00:00+01:00"),
        stay("X", gapEnd, "2025-01-02T10:00:00+01:00"),
      ]).length;
    expect(joined("2025-01-01T13:00:00+01:00")).toBe(1);
    expect(joined("2025-01-01T14:00:00+01:00")).toBe(1);
    expect(joined("2025-01-01T14:01:00+01:00")).toBe(2);
  });

  it("takes ages and dates in Danish time", () => {
    expect(ageOn("1945-04-10", "2025-04-09")).toBe(79);
    expect(ageOn("1945-04-10", "2025-04-10")).toBe(80);
    // 28 February 23:30 UTC is 1 March 00:30 in Denmark (winter, +1).
    expect(danishDate(Date.UTC(2025, 1, 28, 23, 30))).toBe("2025-03-01");
    // 31 March 22:30 UTC is 1 April 00:30 (summer, +2).
    expect(danishDate(Date.UTC(2025, 2, 31, 22, 30))).toBe("2025-04-01");
  });
});

describe("the second path on a hand-written truth", () => {
  it("has a row for each municipality and month", () => {
    expect(rows.map((r) => `${r.municipality} ${r.month}`)).toEqual([
      "330 2025-01",
      "330 2025-02",
      "330 2025-03",
      "330 2025-04",
      "370 2025-01",
      "370 2025-02",
      "370 2025-03",
      "370 2025-04",
    ]);
  });

  it("counts the population alive on each month's first day, by age on that day", () => {
    // 370: D 0–17; B, F, H 18–64; E 65–79 (80 only on 10 April); A, I 80+; G from March.
    expect(row("370", "2025-02").population).toEqual({
      total: 7,
      byBand: bands(1, 3, 1, 2),
      aged65Plus: 3,
    });
    expect(row("370", "2025-04").population).toEqual({
      total: 8,
      byBand: bands(2, 3, 1, 2),
      aged65Plus: 3,
    });
    // C died 5 March: alive on 1 March, not on 1 April.
    expect(row("330", "2025-03").population.total).toBe(1);
    expect(row("330", "2025-04").population.total).toBe(0);
  });

  it("counts admissions by their Danish start month and age then: transfers once, no 11-hour or cancelled stay", () => {
    // January: A (joined), B, D's two. February: A's and B's return, D's accident, I
    // (joined); the cancelled stay is none. March: E (1 March Danish time), H (joined).
    // April: E again, at 79; F's stay is open and no `asOf` says how long it has lasted.
    expect(row("370", "2025-01").admissions).toEqual({ total: 4, byBand: bands(2, 1, 0, 1) });
    expect(row("370", "2025-02").admissions).toEqual({ total: 4, byBand: bands(1, 1, 0, 2) });
    expect(row("370", "2025-03").admissions).toEqual({ total: 2, byBand: bands(0, 1, 1, 0) });
    expect(row("370", "2025-04").admissions).toEqual({ total: 1, byBand: bands(0, 0, 1, 0) });
    // C's 11-hour stay in February is none; the fatal one in March is.
    expect(row("330", "2025-02").admissions.total).toBe(0);
    expect(row("330", "2025-03").admissions).toEqual({ total: 1, byBand: bands(0, 0, 1, 0) });
  });

  it("counts acute readmissions within 30 days: exactly 30 days is one, 30 days and 1 minute is not", () => {
    // January indexes: A (readmitted on day 30), B (back after 30 d 1 min), D's second
    // (its readmission is an excluded accident); D's cancer admission is no index.
    expect(row("370", "2025-01").readmission).toEqual({
      indexes: 3,
      readmitted: 1,
      byBand: {
        "0-17": { indexes: 1, readmitted: 0 },
        "18-64": { indexes: 1, readmitted: 0 },
        "65-79": { indexes: 0, readmitted: 0 },
        "80+": { indexes: 1, readmitted: 1 },
      },
      aged65Plus: { indexes: 1, readmitted: 1 },
    });
    // February: A's, B's and D's readmissions are indexes themselves, and I's; none readmitted.
    expect(row("370", "2025-02").readmission.indexes).toBe(4);
    expect(row("370", "2025-02").readmission.readmitted).toBe(0);
    // March: E and H; H's cancer stay is not its admission's first, so it is an index.
    expect(row("370", "2025-03").readmission.indexes).toBe(2);
    // C died during the admission: no index.
    expect(row("330", "2025-03").readmission.indexes).toBe(0);
  });

  it("bands an index by the age on its discharge day", () => {
    // E was admitted on 8 April at 79 and discharged on 11 April at 80.
    expect(row("370", "2025-04").readmission.byBand["80+"]).toEqual({ indexes: 1, readmitted: 0 });
    expect(row("370", "2025-04").readmission.byBand["65-79"]).toEqual({
      indexes: 0,
      readmitted: 0,
    });
    expect(row("370", "2025-04").readmission.aged65Plus).toEqual({ indexes: 1, readmitted: 0 });
  });

  it("counts preventable acute admissions of the 65+ by the first stay's diagnosis", () => {
    // A's joined admission began with J18.9 (acute); C's fatal one is N39.0; C's 11-hour
    // N39.0 stay is no admission; E's planned admission and I's I50.9 are not preventable.
    expect(row("370", "2025-01").preventable65).toEqual({
      total: 1,
      byGroup: { "lower-respiratory": 1 },
    });
    expect(row("330", "2025-03").preventable65).toEqual({ total: 1, byGroup: { cystitis: 1 } });
    expect(row("330", "2025-02").preventable65.total).toBe(0);
    expect(row("370", "2025-02").preventable65.total).toBe(0);
    expect(row("370", "2025-03").preventable65.total).toBe(0);
  });

  it("counts medically-ready days per started day from the last stay's time", () => {
    // January, A: the transfer's ready 13 Jan 09:00 → discharge 15 Jan 10:00 = 49 h → 3 days
    // (the first stay's 11 Jan 10:00 would give 4). February, I: the last stay has none, so
    // the first's 21 Feb 20:00 → 23 Feb 09:00 = 37 h → 2 days; A's February stay was ready at
    // its discharge (0 days). March: E, 23 h 59 min → 1 day. C died.
    expect(row("370", "2025-01").medicallyReady).toEqual({ days: 3, admissions: 1 });
    expect(row("370", "2025-02").medicallyReady).toEqual({ days: 2, admissions: 1 });
    expect(row("370", "2025-03").medicallyReady).toEqual({ days: 1, admissions: 1 });
    expect(row("330", "2025-03").medicallyReady).toEqual({ days: 0, admissions: 0 });
  });

  it("counts an open stay once it has lasted 12 hours by `asOf`, never as an index", () => {
    const april = (asOf: string) =>
      secondPath(truth, rules, { from: "2025-04", to: "2025-04", asOf: Date.parse(asOf) }).find(
        (r) => r.municipality === "370",
      );
    // F arrived 20 April 10:00 (+02); E's April admission is there anyway.
    expect(april("2025-04-20T21:59:00+02:00")?.admissions).toEqual({
      total: 1,
      byBand: bands(0, 0, 1, 0),
    });
    expect(april("2025-04-20T22:00:00+02:00")?.admissions).toEqual({
      total: 2,
      byBand: bands(0, 1, 1, 0),
    });
    expect(april("2025-04-30T22:00:00+02:00")?.readmission.indexes).toBe(1);
  });
});
