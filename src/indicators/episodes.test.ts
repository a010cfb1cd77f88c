import { describe, expect, it } from "vitest";
import {
  admissionsOf,
  daysAfterMedicallyReady,
  hospitalEpisodes,
  medicallyReadyCharge,
  type StayInput,
} from "./episodes.ts";

const HOUR = 3_600_000;
/** "2026-03-02T08:00" read as UTC, so hours can be counted by eye. */
const at = (text: string) => new Date(`${text}:00Z`);

function stay(
  stayId: string,
  from: string,
  to: string | null,
  extra: Partial<StayInput> = {},
): StayInput {
  return {
    stayId,
    hospitalId: "H1",
    admittedAt: at(from),
    endedAt: to === null ? null : at(to),
    cancelled: false,
    diedAt: null,
    admissionKind: null,
    beganAcuteAmbulant: false,
    diagnosis: null,
    medicallyReadyAt: null,
    ...extra,
  };
}

const hours = (from: Date, to: Date | null) => (to ? (to.getTime() - from.getTime()) / HOUR : null);
const NOW = at("2026-12-31T00:00");

describe("hospital episodes (sygehusophold)", () => {
  it("joins a transfer 3 hours later: two 8-hour stays make ONE admission of 19 hours", () => {
    // A 08:00–16:00 (8 h) at H1, B 19:00–03:00 (8 h) at H2: gap 3 h <= 4 h, so one episode
    // from 08:00 to 03:00 next day = 19 h >= 12 h: one admission (neither stay alone is one).
    const stays = [
      stay("A", "2026-03-02T08:00", "2026-03-02T16:00"),
      stay("B", "2026-03-02T19:00", "2026-03-03T03:00", { hospitalId: "H2" }),
    ];
    const admissions = admissionsOf(stays, NOW);
    expect(admissions).toHaveLength(1);
    const [a] = admissions;
    expect(hours(a!.startedAt, a!.endedAt)).toBe(19);
    expect([a!.firstStayId, a!.lastStayId, a!.firstHospitalId, a!.lastHospitalId]).toEqual([
      "A",
      "B",
      "H1",
      "H2",
    ]);
  });

  it("joins a gap of exactly 4 hours but not 4 hours and 1 minute", () => {
    // A ends 12:00; B starts 16:00 (gap 4 h: joins); C starts 22:01, 4 h 1 min after B's 18:00 end.
    const episodes = hospitalEpisodes([
      stay("A", "2026-03-02T08:00", "2026-03-02T12:00"),
      stay("B", "2026-03-02T16:00", "2026-03-02T18:00"),
      stay("C", "2026-03-02T22:01", "2026-03-02T23:00"),
    ]);
    expect(episodes.map((e) => e.stays.map((s) => s.stayId))).toEqual([["A", "B"], ["C"]]);
    expect(episodes[0]!.endedAt).toEqual(at("2026-03-02T18:00"));
  });

  it("joins overlapping stays and ends at the latest end, not the last stay's", () => {
    // A 08:00–20:00 contains B 10:00–11:00 (an outpatient visit): one episode 08:00–20:00 = 12 h,
    // and A, ending last, is the stay the citizen leaves from.
    const episodes = hospitalEpisodes([
      stay("A", "2026-03-02T08:00", "2026-03-02T20:00"),
      stay("B", "2026-03-02T10:00", "2026-03-02T11:00"),
    ]);
    expect(episodes).toHaveLength(1);
    expect(hours(episodes[0]!.startedAt, episodes[0]!.endedAt)).toBe(12);
    expect(admissionsOf(episodes[0]!.stays, NOW)[0]!.lastStayId).toBe("A");
  });

  it("ignores a cancelled stay, even one that would bridge two stays", () => {
    // X (cancelled) 11:00–18:00 would close the 10 h gap between A (ends 10:00) and B (20:00).
    const episodes = hospitalEpisodes([
      stay("A", "2026-03-02T06:00", "2026-03-02T10:00"),
      stay("X", "2026-03-02T11:00", "2026-03-02T18:00", { cancelled: true }),
      stay("B", "2026-03-02T20:00", "2026-03-02T22:00"),
    ]);
    expect(episodes.map((e) => e.stays.map((s) => s.stayId))).toEqual([["A"], ["B"]]);
  });

  it("keeps an episode open while any of its stays is, and joins later stays into it", () => {
    // A 08:00–open; B 2 days later 08:00–10:00 lies inside the open stay: one open episode.
    const [episode, ...rest] = hospitalEpisodes([
      stay("B", "2026-03-04T08:00", "2026-03-04T10:00"),
      stay("A", "2026-03-02T08:00", null),
    ]);
    expect(rest).toHaveLength(0);
    expect(episode!.startedAt).toEqual(at("2026-03-02T08:00"));
    expect(episode!.endedAt).toBeNull();
  });

  it("sorts episodes by start whatever the input order", () => {
    // C in May, A in March, B in April: three episodes, months apart.
    const episodes = hospitalEpisodes([
      stay("C", "2026-05-01T08:00", "2026-05-01T09:00"),
      stay("A", "2026-03-01T08:00", "2026-03-01T09:00"),
      stay("B", "2026-04-01T08:00", "2026-04-01T09:00"),
    ]);
    expect(episodes.map((e) => e.stays[0]!.stayId)).toEqual(["A", "B", "C"]);
  });

  it("ends a stay at death when no discharge was recorded", () => {
    // Open stay from 08:00, died 23:00 the same day: the episode ends at 23:00 (15 h).
    const [episode] = hospitalEpisodes([
      stay("A", "2026-03-02T08:00", null, { diedAt: at("2026-03-02T23:00") }),
    ]);
    expect(hours(episode!.startedAt, episode!.endedAt)).toBe(15);
  });
});

describe("admissions (indlæggelser)", () => {
  it("needs at least 12 hours: 11 h and 11 h 59 min are none, exactly 12 h is one", () => {
    // Three stays days apart: 08:00–19:00 (11 h), 08:00–19:59 (11 h 59 min), 08:00–20:00 (12 h).
    const admissions = admissionsOf(
      [
        stay("A", "2026-03-02T08:00", "2026-03-02T19:00"),
        stay("B", "2026-03-05T08:00", "2026-03-05T19:59"),
        stay("C", "2026-03-08T08:00", "2026-03-08T20:00"),
      ],
      NOW,
    );
    expect(admissions.map((a) => a.firstStayId)).toEqual(["C"]);
  });

  it("counts an open episode once `now` is 12 hours after its start", () => {
    // Open from 08:00: at 19:59 it has lasted 11 h 59 min (none); at 20:00, 12 h (one, still open).
    const stays = [stay("A", "2026-03-02T08:00", null)];
    expect(admissionsOf(stays, at("2026-03-02T19:59"))).toHaveLength(0);
    const admissions = admissionsOf(stays, at("2026-03-02T20:00"));
    expect(admissions).toHaveLength(1);
    expect(admissions[0]!.endedAt).toBeNull();
  });

  it("is acute when its first stay is, not when a later one is", () => {
    // First stay planned, the transfer acute: not acute. Reversed: acute.
    const planned = admissionsOf(
      [
        stay("A", "2026-03-02T08:00", "2026-03-02T16:00", { admissionKind: "planned" }),
        stay("B", "2026-03-02T16:00", "2026-03-03T08:00", { admissionKind: "acute" }),
      ],
      NOW,
    );
    const acute = admissionsOf(
      [
        stay("A", "2026-03-02T08:00", "2026-03-02T16:00", { admissionKind: "acute" }),
        stay("B", "2026-03-02T16:00", "2026-03-03T08:00", { admissionKind: "planned" }),
      ],
      NOW,
    );
    expect([planned[0]!.acute, acute[0]!.acute]).toEqual([false, true]);
  });

  it("falls back to the acute ambulant arrival only when the kind is unknown", () => {
    // kind null + STAA: acute; kind 'planned' + STAA: the known kind wins, not acute;
    // kind null without STAA: not acute.
    const acuteOf = (extra: Partial<StayInput>) =>
      admissionsOf([stay("A", "2026-03-02T08:00", "2026-03-03T08:00", extra)], NOW)[0]!.acute;
    expect([
      acuteOf({ admissionKind: null, beganAcuteAmbulant: true }),
      acuteOf({ admissionKind: "planned", beganAcuteAmbulant: true }),
      acuteOf({ admissionKind: null, beganAcuteAmbulant: false }),
    ]).toEqual([true, false, false]);
  });

  it("takes its diagnosis from the first stay and notes a death in any stay", () => {
    // A (J18.9) 08:00–16:00, then B (I21.9) 17:00–next day 10:00 where the citizen died.
    const [a] = admissionsOf(
      [
        stay("A", "2026-03-02T08:00", "2026-03-02T16:00", { diagnosis: "J18.9" }),
        stay("B", "2026-03-02T17:00", "2026-03-03T10:00", {
          diagnosis: "I21.9",
          diedAt: at("2026-03-03T10:00"),
        }),
      ],
      NOW,
    );
    expect([a!.diagnosis, a!.diedDuring]).toEqual(["J18.9", true]);
  });
});

describe("days after medically ready", () => {
  it("counts per started day of 24 hours", () => {
    // Ready 10:00. End 10:00: 0. End 09:00 (before): 0. +1 min: ceil(1/1440) = 1.
    // +24 h: 1. +24 h 1 min: 2. +49 h: ceil(49/24) = 3.
    const ready = at("2026-03-02T10:00");
    const after = (ms: number) => daysAfterMedicallyReady(ready, new Date(ready.getTime() + ms));
    expect([0, -HOUR, 60_000, 24 * HOUR, 24 * HOUR + 60_000, 49 * HOUR].map(after)).toEqual([
      0, 0, 1, 1, 2, 3,
    ]);
  });

  it("uses the last stay's ready time, else the latest one of its stays", () => {
    // A ready 2 Mar 10:00, transferred to B 3 Mar 08:00 (B ready 4 Mar 08:00), discharged 5 Mar
    // 09:00: B's readiness, 25 h before the end → 2 days. Without B's: A's, 71 h → 3 days.
    const a = stay("A", "2026-03-01T08:00", "2026-03-03T08:00", {
      medicallyReadyAt: at("2026-03-02T10:00"),
    });
    const b = stay("B", "2026-03-03T08:00", "2026-03-05T09:00", {
      medicallyReadyAt: at("2026-03-04T08:00"),
    });
    const [withB] = admissionsOf([a, b], NOW);
    const [withoutB] = admissionsOf([a, { ...b, medicallyReadyAt: null }], NOW);
    expect([withB!.medicallyReadyAt, withB!.daysAfterMedicallyReady]).toEqual([
      at("2026-03-04T08:00"),
      2,
    ]);
    expect([withoutB!.medicallyReadyAt, withoutB!.daysAfterMedicallyReady]).toEqual([
      at("2026-03-02T10:00"),
      3,
    ]);
  });

  it("owes no days while the admission is open or when the citizen died", () => {
    // Both ready 2 Mar 10:00; one still open on 10 Mar, one ending in death 5 Mar 10:00 (3 days).
    const ready = { medicallyReadyAt: at("2026-03-02T10:00") };
    const [open] = admissionsOf(
      [stay("A", "2026-03-01T08:00", null, ready)],
      at("2026-03-10T00:00"),
    );
    const [died] = admissionsOf(
      [
        stay("A", "2026-03-01T08:00", "2026-03-05T10:00", {
          ...ready,
          diedAt: at("2026-03-05T10:00"),
        }),
      ],
      NOW,
    );
    expect([open!.daysAfterMedicallyReady, died!.daysAfterMedicallyReady]).toEqual([0, 0]);
  });

  it("charges the regional rate daily plus the state rate, higher from day 3", () => {
    // 2016 rates: regional 1,976; state 1,976 (days 1–2), 3,952 (day 3 on).
    // 0 → 0. 1 → 1976 + 1976 = 3952. 2 → 2·1976 + 2·1976 = 7904.
    // 3 → 3·1976 + 2·1976 + 1·3952 = 5928 + 3952 + 3952 = 13832.
    // 5 → 5·1976 + 2·1976 + 3·3952 = 9880 + 3952 + 11856 = 25688.
    const rates = { regionalPerDay: 1976, statePerDayFirstTwo: 1976, statePerDayFromThird: 3952 };
    expect([0, 1, 2, 3, 5].map((d) => medicallyReadyCharge(d, rates))).toEqual([
      0, 3952, 7904, 13832, 25688,
    ]);
    expect(() => medicallyReadyCharge(-1, rates)).toThrow(RangeError);
    expect(() => medicallyReadyCharge(1.5, rates)).toThrow(RangeError);
  });
});
