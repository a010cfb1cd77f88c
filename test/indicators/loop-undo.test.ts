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
 * A decision taken back by an undo (issue 21) counts as never made in the
 * loop's figures. Two municipal handovers discharged in February 2026 with a
 * deadline 24 hours later: A confirmed after 2 hours, undone 5 minutes later,
 * confirmed again after 30 hours (late); B declined after 1 hour and undone,
 * still open. By hand: confirmed by the deadline 0 of 2; declines 0 of 2;
 * unconfirmed after 24 hours 2 of 2 stays.
 */

const NOW = new Date("2026-06-01T12:00:00+02:00");
let database: DatabaseHandle;
let indicators: Indicators;

async function entry(indicator: string) {
  const spec = indicators.service.specOf(indicator);
  const t = await indicators.service.table(
    spec,
    periodOfLabel("month", "2026-02"),
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
  const handover = async (day: string) => {
    const c = await insertCitizen(db, { born: "1950-01-01", municipality: "370" });
    const at = `2026-02-${day}T10:00:00+01:00`;
    const stayId = await insertStay(db, c, {
      from: `2026-02-${day}T08:00:00+01:00`,
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
  const a = await handover("10");
  await insertHandover(db, {
    ...a,
    history: {
      status: "confirmed",
      transitions: [
        { kind: "confirmed", at: hoursAfter(a.dischargedAt, 2), to: "confirmed" },
        { kind: "undone", at: hoursAfter(a.dischargedAt, 2 + 5 / 60), to: "open" },
        { kind: "confirmed", at: hoursAfter(a.dischargedAt, 30), to: "confirmed" },
      ],
    },
  });
  const b = await handover("11");
  await insertHandover(db, {
    ...b,
    history: {
      status: "open",
      transitions: [
        {
          kind: "declined",
          at: hoursAfter(b.dischargedAt, 1),
          reason: "not-our-citizen",
          to: "declined",
        },
        { kind: "undone", at: hoursAfter(b.dischargedAt, 1.1), to: "open" },
      ],
    },
  });
  indicators = createIndicators({ db, clock: () => NOW });
  await indicators.maintenance.rebuildAll();
}, 120_000);

afterAll(async () => {
  await database.close();
});

describe("the loop after an undo", () => {
  it("counts an undone confirmation as never made, and the later one as the confirmation", async () => {
    expect(await entry("loop-confirmed-by-deadline")).toMatchObject({
      numerator: 0,
      denominator: 2,
    });
    expect(await entry("loop-unconfirmed-24h")).toMatchObject({ numerator: 2, denominator: 2 });
  });

  it("counts an undone decline as no decline", async () => {
    expect(await entry("loop-declines")).toMatchObject({ numerator: 0, denominator: 2 });
  });
});
