import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndicators, type Indicators } from "../../src/indicators/assemble.ts";
import { entryId } from "../../src/indicators/cube.ts";
import { periodOfLabel } from "../../src/indicators/service.ts";
import type { DatabaseHandle } from "../../src/platform/db/database.ts";
import {
  hospitalIdNamed,
  hoursAfter,
  insertCitizen,
  insertHandover,
  insertStay,
  municipalityOrganisationId,
} from "../support/indicator-fixture.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * A handover the whole ladder chased without an answer becomes unresolved
 * (issue 21): it is counted in the loop's figures, never as done. Three
 * municipal handovers discharged in February 2026 with a deadline 24 hours
 * later: A confirmed after 2 hours; B unresolved 29 hours after discharge and
 * still open; C unresolved after 29 hours and confirmed after 40 hours. By
 * hand: unresolved 2 of 3 (C counts though confirmed later); confirmed by the
 * deadline 1 of 3; unconfirmed after 24 hours 2 of 3 stays. D, discharged in
 * May, becomes unresolved only after the clock (1 June): 0 of 1 in May.
 */

const NOW = new Date("2026-06-01T12:00:00+02:00");
let database: DatabaseHandle;
let indicators: Indicators;

async function entry(indicator: string, month = "2026-02") {
  const spec = indicators.service.specOf(indicator);
  const t = await indicators.service.table(
    spec,
    periodOfLabel("month", month),
    "residence",
    "municipality",
  );
  return t.cube.entries.get(entryId("municipality:370", "", "")) ?? null;
}

beforeAll(async () => {
  database = await structureDatabase();
  const db = database.db;
  const slagelse = await hospitalIdNamed(db, "Slagelse");
  const municipality = { id: await municipalityOrganisationId(db, "370") };
  const handover = async (at: string) => {
    const c = await insertCitizen(db, { born: "1950-01-01", municipality: "370" });
    const stayId = await insertStay(db, c, {
      from: hoursAfter(at, -2),
      to: at,
      hospital: slagelse,
    });
    return {
      hospital: slagelse,
      stayId,
      citizenId: c,
      sector: "municipality" as const,
      receiverOrganisationId: municipality.id,
      municipalityCode: "370",
      dischargedAt: at,
      deadlineAt: hoursAfter(at, 24),
    };
  };
  const a = await handover("2026-02-10T10:00:00+01:00");
  await insertHandover(db, { ...a, confirmedAt: hoursAfter(a.dischargedAt, 2) });
  const b = await handover("2026-02-11T10:00:00+01:00");
  await insertHandover(db, {
    ...b,
    history: {
      status: "open",
      transitions: [{ kind: "unresolved", at: hoursAfter(b.dischargedAt, 29), to: "open" }],
    },
  });
  const c = await handover("2026-02-12T10:00:00+01:00");
  await insertHandover(db, {
    ...c,
    history: {
      status: "confirmed",
      transitions: [
        { kind: "unresolved", at: hoursAfter(c.dischargedAt, 29), to: "open" },
        { kind: "confirmed", at: hoursAfter(c.dischargedAt, 40), to: "confirmed" },
      ],
    },
  });
  const d = await handover("2026-05-31T10:00:00+02:00");
  await insertHandover(db, {
    ...d,
    history: {
      status: "open",
      transitions: [{ kind: "unresolved", at: hoursAfter(d.dischargedAt, 29), to: "open" }],
    },
  });
  indicators = createIndicators({ db, clock: () => NOW });
  await indicators.maintenance.rebuildAll();
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe("the loop's unresolved handovers", () => {
  it("counts every handover that became unresolved, also one confirmed later", async () => {
    expect(await entry("loop-unresolved")).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it("never counts an unresolved handover as done", async () => {
    expect(await entry("loop-confirmed-by-deadline")).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect(await entry("loop-unconfirmed-24h")).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it("does not count a handover whose ladder ends after the clock", async () => {
    expect(await entry("loop-unresolved", "2026-05")).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
  });
});
