import { describe, expect, it } from "vitest";
import { type Admission, admissionsOf, type StayInput } from "./episodes.ts";
import { type ExclusionRule, readmissionIndexes } from "./readmission.ts";

/** "2026-03-02T08:00" read as UTC, so days and minutes can be counted by eye. */
const at = (text: string) => new Date(`${text}:00Z`);

function admission(
  id: string,
  from: string,
  to: string | null,
  extra: Partial<Admission> = {},
): Admission {
  return {
    firstStayId: id,
    lastStayId: id,
    firstHospitalId: "H1",
    lastHospitalId: "H1",
    startedAt: at(from),
    endedAt: to === null ? null : at(to),
    acute: true,
    diagnosis: null,
    diedDuring: false,
    medicallyReadyAt: null,
    daysAfterMedicallyReady: 0,
    ...extra,
  };
}

/** Index id → readmission start (ISO) or null, in the order returned. */
const summary = (admissions: Admission[], rules: ExclusionRule[] = []) =>
  readmissionIndexes(admissions, rules).map((i) => [
    i.firstStayId,
    i.readmittedAt?.toISOString() ?? null,
  ]);

describe("the 30-day window", () => {
  it("counts a readmission starting exactly 30 days after the index ends", () => {
    // Index ends 1 Mar 10:00; + 30 × 24 h = 31 Mar 10:00 (March has 31 days).
    const result = summary([
      admission("I", "2026-02-25T10:00", "2026-03-01T10:00"),
      admission("R", "2026-03-31T10:00", "2026-04-02T10:00"),
    ]);
    expect(result[0]).toEqual(["I", "2026-03-31T10:00:00.000Z"]);
  });

  it("does not count one starting 30 days and 1 minute after", () => {
    // 31 Mar 10:01 is 30 d 1 min after 1 Mar 10:00: outside.
    const result = summary([
      admission("I", "2026-02-25T10:00", "2026-03-01T10:00"),
      admission("R", "2026-03-31T10:01", "2026-04-02T10:00"),
    ]);
    expect(result[0]).toEqual(["I", null]);
  });

  it("needs a start strictly after the index's end", () => {
    // S starts at the very end (gap 0) and O before it (overlap): neither counts; L, 2 days on, does.
    const result = summary([
      admission("I", "2026-03-01T08:00", "2026-03-03T08:00", { acute: false }),
      admission("O", "2026-03-02T08:00", "2026-03-04T08:00"),
      admission("S", "2026-03-03T08:00", "2026-03-04T08:00"),
      admission("L", "2026-03-05T08:00", "2026-03-06T08:00"),
    ]);
    expect(result[0]).toEqual(["I", "2026-03-05T08:00:00.000Z"]);
  });

  it("takes the first acute admission and passes over planned ones", () => {
    // After I ends 1 Mar: P (planned, 5 Mar), A1 (acute, 10 Mar), A2 (acute, 20 Mar): A1.
    const result = summary([
      admission("I", "2026-02-25T10:00", "2026-03-01T10:00"),
      admission("P", "2026-03-05T10:00", "2026-03-06T10:00", { acute: false }),
      admission("A1", "2026-03-10T10:00", "2026-03-11T10:00"),
      admission("A2", "2026-03-20T10:00", "2026-03-21T10:00"),
    ]);
    expect(result[0]).toEqual(["I", "2026-03-10T10:00:00.000Z"]);
  });

  it("counts a readmission that is still open", () => {
    // R starts 15 Mar (14 days after 1 Mar) and has not ended: it readmits I but is no index itself.
    const result = summary([
      admission("I", "2026-02-25T10:00", "2026-03-01T10:00"),
      admission("R", "2026-03-15T10:00", null),
    ]);
    expect(result).toEqual([["I", "2026-03-15T10:00:00.000Z"]]);
  });
});

describe("which admissions are indexes", () => {
  it("lets a readmission be an index itself (Tovholder's definition)", () => {
    // A ends 1 Mar; B starts 20 Mar (19 d); B ends 22 Mar; C starts 10 Apr (19 d); nothing after C.
    const result = summary([
      admission("A", "2026-02-25T10:00", "2026-03-01T10:00"),
      admission("B", "2026-03-20T10:00", "2026-03-22T10:00"),
      admission("C", "2026-04-10T10:00", "2026-04-12T10:00"),
    ]);
    expect(result).toEqual([
      ["A", "2026-03-20T10:00:00.000Z"],
      ["B", "2026-04-10T10:00:00.000Z"],
      ["C", null],
    ]);
  });

  it("drops an index where the citizen died, yet counts a fatal readmission of an earlier one", () => {
    // A ends 1 Mar; D starts 10 Mar (acute) and the citizen dies in it: A is readmitted,
    // D is no index. An open admission is no index either, so only A is returned.
    const result = summary([
      admission("A", "2026-02-25T10:00", "2026-03-01T10:00"),
      admission("D", "2026-03-10T10:00", "2026-03-12T10:00", { diedDuring: true }),
    ]);
    expect(result).toEqual([["A", "2026-03-10T10:00:00.000Z"]]);
    expect(summary([admission("O", "2026-03-10T10:00", null)])).toEqual([]);
  });

  it("returns indexes sorted by start whatever the input order", () => {
    // Given C, A, B (May, March, April; all acute, each > 30 days apart): A, B, C, none readmitted.
    const result = summary([
      admission("C", "2026-05-20T10:00", "2026-05-21T10:00"),
      admission("A", "2026-03-01T10:00", "2026-03-02T10:00"),
      admission("B", "2026-04-10T10:00", "2026-04-11T10:00"),
    ]);
    expect(result).toEqual([
      ["A", null],
      ["B", null],
      ["C", null],
    ]);
  });
});

describe("exclusions", () => {
  const cancer: ExclusionRule = {
    id: "cancer",
    appliesTo: "index",
    matches: (d) => d.startsWith("C"),
  };
  const birth: ExclusionRule = {
    id: "birth",
    appliesTo: "readmission",
    matches: (d) => d.startsWith("O8"),
  };
  const accident: ExclusionRule = {
    id: "accident",
    appliesTo: "both",
    matches: (d) => d.startsWith("S"),
  };
  const rules = [cancer, birth, accident];

  it("marks an index excluded by an index rule, and still shows its readmission", () => {
    // I (C50.9) matches cancer only; R starts 9 days after I ends.
    const [index] = readmissionIndexes(
      [
        admission("I", "2026-02-25T10:00", "2026-03-01T10:00", { diagnosis: "C50.9" }),
        admission("R", "2026-03-10T10:00", "2026-03-11T10:00", { diagnosis: "J18.9" }),
      ],
      rules,
    );
    expect([index!.excludedBy, index!.readmittedAt]).toEqual([["cancer"], at("2026-03-10T10:00")]);
  });

  it("passes over a readmission excluded by a readmission rule to the next acute one", () => {
    // After I: B (O80, birth) on 5 Mar is skipped; R (J18.9) on 12 Mar counts. B is an index
    // itself, and the birth rule does not apply to indexes, so B counts, readmitted by R.
    const indexes = readmissionIndexes(
      [
        admission("I", "2026-02-25T10:00", "2026-03-01T10:00", { diagnosis: "E86.0" }),
        admission("B", "2026-03-05T10:00", "2026-03-07T10:00", { diagnosis: "O80.0" }),
        admission("R", "2026-03-12T10:00", "2026-03-13T10:00", { diagnosis: "J18.9" }),
      ],
      rules,
    );
    expect(indexes.map((i) => [i.firstStayId, i.excludedBy, i.readmittedAt])).toEqual([
      ["I", [], at("2026-03-12T10:00")],
      ["B", [], at("2026-03-12T10:00")],
      ["R", [], null],
    ]);
  });

  it("applies a 'both' rule on either side and never excludes an unknown diagnosis", () => {
    // I (S72.0, accident) is excluded as an index; X (S06.0) 5 Mar is skipped as a readmission;
    // U (no diagnosis) 20 Mar counts for I and X, and is an index that counts.
    const indexes = readmissionIndexes(
      [
        admission("I", "2026-02-25T10:00", "2026-03-01T10:00", { diagnosis: "S72.0" }),
        admission("X", "2026-03-05T10:00", "2026-03-07T10:00", { diagnosis: "S06.0" }),
        admission("U", "2026-03-20T10:00", "2026-03-21T10:00"),
      ],
      rules,
    );
    expect(indexes.map((i) => [i.firstStayId, i.excludedBy, i.readmittedAt])).toEqual([
      ["I", ["accident"], at("2026-03-20T10:00")],
      ["X", ["accident"], at("2026-03-20T10:00")],
      ["U", [], null],
    ]);
  });
});

describe("from stays to readmissions", () => {
  function stay(
    stayId: string,
    hospitalId: string,
    from: string,
    to: string,
    kind: "acute" | "planned",
  ): StayInput {
    return {
      stayId,
      hospitalId,
      admittedAt: at(from),
      endedAt: at(to),
      cancelled: false,
      diedAt: null,
      admissionKind: kind,
      beganAcuteAmbulant: false,
      diagnosis: null,
      medicallyReadyAt: null,
    };
  }

  it("joins a transfer, skips an 11-hour stay, and counts a readmission in another region", () => {
    // Index: A 2 Mar 08:00–16:00 at Nykøbing F. (Region Sjælland), transfer 3 h later to
    // B 19:00–3 Mar 03:00: one admission of 19 h ending 3 Mar 03:00.
    // C (acute, 8 Mar 08:00–19:00) lasts 11 h: no admission, so no readmission.
    // D (acute, 23 Mar 03:00–16:00, 13 h) at Rigshospitalet (Region Hovedstaden): exactly
    // 20 days after 3 Mar 03:00, within 30: the index is readmitted there. D is an index too.
    const stays = [
      stay("A", "NYK", "2026-03-02T08:00", "2026-03-02T16:00", "planned"),
      stay("B", "NYK", "2026-03-02T19:00", "2026-03-03T03:00", "planned"),
      stay("C", "NYK", "2026-03-08T08:00", "2026-03-08T19:00", "acute"),
      stay("D", "RH", "2026-03-23T03:00", "2026-03-23T16:00", "acute"),
    ];
    const indexes = readmissionIndexes(admissionsOf(stays, at("2026-12-31T00:00")), []);
    expect(
      indexes.map((i) => [i.firstStayId, i.lastStayId, i.lastHospitalId, i.readmittedAt]),
    ).toEqual([
      ["A", "B", "NYK", at("2026-03-23T03:00")],
      ["D", "D", "RH", null],
    ]);
  });
});
