import { describe, expect, it } from "vitest";
import type { SynthStay } from "./activity.ts";
import { DEMO_READMISSION_INITIATIVE, demoInitiativeEffect } from "./demo-initiative-effect.ts";
import type { SynthHospital } from "./geography.ts";
import { type InitiativeEffect, preventedStays } from "./initiative-effect.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const hospital: SynthHospital = {
  id: "naestved-sygehus",
  name: "Næstved Sygehus",
  regionCode: "1085",
  bodyIds: ["naestved-slagelse"],
  places: [],
};

/** Born 1 January 1945: 80 in 2025. */
const citizen = { cpr: "0101451660", birthDate: "1945-01-01", municipalityCode: "370" };
const FROM = Date.UTC(2025, 4, 1);

function stay(n: number, arrivedAt: number, over: Partial<SynthStay> = {}): SynthStay {
  return {
    n,
    hospital,
    department: 0,
    admission: "acute",
    ambulant: "none",
    arrivedAt,
    admittedAt: arrivedAt,
    endedAt: arrivedAt + 3 * DAY,
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

const effect = (over: Partial<InitiativeEffect> = {}): InitiativeEffect => ({
  id: "test",
  municipalityCodes: ["370", "330"],
  minimumAge: 65,
  from: FROM,
  relativeRisk: 0,
  ...over,
});

/**
 * An index discharged on 5 May, its readmission 10 days later, which led to a
 * readmission of its own 20 days after that (more than 30 days after the
 * index), and a planned admission and an acute ambulant visit within the window.
 */
const index = stay(0, FROM + DAY);
const readmission = stay(1, index.endedAt + 10 * DAY, { readmission: true });
const itsReadmission = stay(2, readmission.endedAt + 20 * DAY, { readmission: true });
const planned = stay(3, index.endedAt + 5 * DAY - HOUR, { admission: "planned" });
const ambulant = stay(4, index.endedAt + 2 * DAY, {
  ambulant: "only",
  endedAt: index.endedAt + 2 * DAY + 4 * HOUR,
});
const stays = [index, ambulant, planned, readmission, itsReadmission].sort(
  (a, b) => a.arrivedAt - b.arrivedAt,
);
const causes = new Map([
  [1, 0],
  [2, 1],
]);

describe("an initiative's effect on one citizen's stays", () => {
  it("prevents the acute readmission after a discharge that takes part, and what followed from it", () => {
    expect([...preventedStays(1, citizen, stays, causes, [effect()])].sort()).toEqual([1, 2]);
  });

  it("leaves planned admissions and acute ambulant visits that went home: the indicator counts neither", () => {
    const prevented = preventedStays(1, citizen, stays, causes, [effect()]);
    expect(prevented.has(planned.n)).toBe(false);
    expect(prevented.has(ambulant.n)).toBe(false);
  });

  it("takes no part: another municipality, younger than the age band, a discharge before the start", () => {
    expect(
      preventedStays(1, { ...citizen, municipalityCode: "329" }, stays, causes, [effect()]).size,
    ).toBe(0);
    expect(preventedStays(1, citizen, stays, causes, [effect({ minimumAge: 81 })]).size).toBe(0);
    expect(
      preventedStays(1, citizen, stays, causes, [effect({ from: itsReadmission.endedAt + HOUR })])
        .size,
    ).toBe(0);
  });

  it("prevents nothing at a relative risk of 1, and decides by the seed alone", () => {
    expect(preventedStays(1, citizen, stays, causes, [effect({ relativeRisk: 1 })]).size).toBe(0);
    const half = [effect({ relativeRisk: 0.5 })];
    const outcomes = Array.from(
      { length: 40 },
      (_, seed) => preventedStays(seed, citizen, stays, causes, half).size,
    );
    expect(outcomes).toEqual(
      Array.from(
        { length: 40 },
        (_, seed) => preventedStays(seed, citizen, stays, causes, half).size,
      ),
    );
    // The draw is a draw: by the seed, nothing is prevented, or the readmission after the
    // index (and its own, 2), or only the readmission after the readmission (1).
    expect(new Set(outcomes)).toEqual(new Set([0, 1, 2]));
  });
});

describe("the demo's initiative", () => {
  it("is one definition: the effect starts at Danish midnight of the initiative's start date", () => {
    // 4 December 2026, 10:00 Danish time; 120 days before is 6 August 2026 (summer time).
    const cut = Date.UTC(2026, 11, 4, 9, 0);
    const e = demoInitiativeEffect(cut);
    expect(new Date(e.from).toISOString()).toBe("2026-08-05T22:00:00.000Z");
    expect(e.municipalityCodes).toEqual(["370", "330"]);
    expect(e.minimumAge).toBe(65);
    expect(e.relativeRisk).toBe(DEMO_READMISSION_INITIATIVE.relativeRisk);
    expect(e.relativeRisk).toBeLessThan(1);
  });
});
