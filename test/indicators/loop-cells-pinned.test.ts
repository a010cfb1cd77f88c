import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndicators, type Indicators } from "../../src/indicators/assemble.ts";
import { rebuildLoopCells } from "../../src/indicators/loop-store.ts";
import { monthBounds } from "../../src/indicators/maintain.ts";
import type { Database, DatabaseHandle } from "../../src/platform/db/database.ts";
import {
  type HandoverSpec,
  hospitalIdNamed,
  hoursAfter,
  insertCitizen,
  insertHandover,
  insertStay,
  municipalityOrganisationId,
} from "../support/indicator-fixture.ts";
import { productCells, referenceCells } from "../support/loop-cells-reference.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * The loop's cells, every one, against the plain per-figure queries of
 * `loop-cells-reference.ts` (the first rebuild's, with `count(distinct)`),
 * on a fixture made to catch a rewrite that is only nearly right: stays with
 * a municipal and a GP handover, GP-only and municipal-only stays, three
 * municipalities, two practices and citizens without one, two hospitals,
 * confirmations early and late, declines (several on one handover, unknown
 * and missing reasons), undone decisions, unresolved handovers, deaths,
 * readmissions at the 30-day edge, moves, and stays whose two handovers ended
 * in different months or residences because a corrected discharge time moved
 * only the open one. Sixty more stays come from a seeded generator. The clock
 * (10 March 2026) leaves some deadlines, 24 hours and 30 days still to come.
 */

const NOW = new Date("2026-03-10T12:00:00+01:00");
let database: DatabaseHandle;
let indicators: Indicators;

type Places = {
  hospitals: string[];
  municipalities: Record<string, string>;
  practices: { practiceId: string; organisationId: string }[];
};

async function insertPractice(db: Database, provider: string) {
  const practice = await db
    .insertInto("generalPractice")
    .values({
      providerNumber: provider,
      name: `Praksis ${provider}`,
      municipalityCode: "370",
      sorCode: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const org = await db
    .insertInto("organisation")
    .values({
      kind: "general_practice",
      name: `Praksis ${provider}`,
      sorCode: null,
      regionCode: null,
      municipalityCode: "370",
      hospitalId: null,
      generalPracticeId: practice.id,
      bodyId: null,
      parentId: null,
      gln: null,
      unitType: "general_practice",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { practiceId: practice.id, organisationId: org.id };
}

/** A move or a change of practice on `day`, dated by the trigger as the app's writers date it. */
async function move(
  db: Database,
  citizenId: string,
  day: string,
  to: { municipality?: string; practiceId?: string | null },
) {
  await db.transaction().execute(async (tx) => {
    await sql`select set_config('tovholder.today', ${day}, true)`.execute(tx);
    await tx
      .updateTable("citizen")
      .set({
        ...(to.municipality ? { homeMunicipalityCode: to.municipality } : {}),
        ...(to.practiceId !== undefined ? { listedPracticeId: to.practiceId } : {}),
      })
      .where("id", "=", citizenId)
      .execute();
  });
}

type Discharge = { citizenId: string; stayId: string; at: string; hospital: string };

async function discharge(
  db: Database,
  p: { municipality: string; practiceId: string | null; at: string; hospital: string },
): Promise<Discharge> {
  const citizenId = await insertCitizen(db, { born: "1948-05-05", municipality: p.municipality });
  if (p.practiceId) await move(db, citizenId, "2025-01-01", { practiceId: p.practiceId });
  const stayId = await insertStay(db, citizenId, {
    from: hoursAfter(p.at, -30),
    to: p.at,
    hospital: p.hospital,
  });
  return { citizenId, stayId, at: p.at, hospital: p.hospital };
}

/** An acute admission of a day, starting `days` after the discharge. */
async function readmit(db: Database, d: Discharge, days: number) {
  const from = hoursAfter(d.at, days * 24);
  await insertStay(db, d.citizenId, { from, to: hoursAfter(from, 24), hospital: d.hospital });
}

function toMunicipality(places: Places, d: Discharge, code: string) {
  return {
    stayId: d.stayId,
    citizenId: d.citizenId,
    hospital: d.hospital,
    sector: "municipality" as const,
    receiverOrganisationId: places.municipalities[code] as string,
    municipalityCode: code,
    dischargedAt: d.at,
    deadlineAt: hoursAfter(d.at, 24),
  };
}

function toPractice(places: Places, d: Discharge, which: number) {
  const p = places.practices[which] as Places["practices"][number];
  return {
    stayId: d.stayId,
    citizenId: d.citizenId,
    hospital: d.hospital,
    sector: "general-practice" as const,
    receiverOrganisationId: p.organisationId,
    practiceId: p.practiceId,
    dischargedAt: d.at,
    deadlineAt: hoursAfter(d.at, 48),
  };
}

/**
 * Stays whose municipal handover was decided before the discharge time was
 * corrected: only the open GP handover moved, across midnight, and the
 * citizen moved (or changed practice) on the new day.
 */
async function splitDischarges(db: Database, places: Places) {
  const [slagelse] = places.hospitals as [string];
  const cases = [
    // Across a month and a municipality: the two handovers share no residence or month group.
    {
      at: "2026-01-31T23:50:00+01:00",
      moved: "2026-02-01T00:10:00+01:00",
      to: { municipality: "370" },
    },
    // Across a municipality within a month: one practice and hospital group, two residence groups.
    {
      at: "2026-02-10T23:30:00+01:00",
      moved: "2026-02-11T00:30:00+01:00",
      to: { municipality: "101" },
    },
    // Across a change of practice within a month: one residence group, two practice groups.
    {
      at: "2026-02-20T23:45:00+01:00",
      moved: "2026-02-21T00:15:00+01:00",
      to: { practiceId: null },
    },
  ];
  for (const c of cases) {
    const d = await discharge(db, {
      municipality: "330",
      practiceId: places.practices[0]?.practiceId ?? null,
      at: c.at,
      hospital: slagelse,
    });
    await insertHandover(db, {
      ...toMunicipality(places, d, "330"),
      confirmedAt: hoursAfter(c.at, 3),
    });
    await move(db, d.citizenId, c.moved.slice(0, 10), c.to);
    await insertHandover(db, {
      ...toPractice(places, { ...d, at: c.moved }, 0),
      history: {
        status: "open",
        transitions: [{ kind: "unresolved", at: hoursAfter(c.moved, 60), to: "open" }],
      },
    });
  }
}

/** The hand-placed edges: undos, several declines, the 30-day edge, GP-only, the clock's edge. */
async function edges(db: Database, places: Places) {
  const [slagelse, bispebjerg] = places.hospitals as [string, string];
  const a = await discharge(db, {
    municipality: "370",
    practiceId: places.practices[1]?.practiceId ?? null,
    at: "2026-01-05T10:00:00+01:00",
    hospital: bispebjerg,
  });
  // Declined twice (one reason unknown, one missing), then confirmed late; GP undone then declined.
  await insertHandover(db, {
    ...toMunicipality(places, a, "370"),
    history: {
      status: "confirmed",
      transitions: [
        { kind: "declined", at: hoursAfter(a.at, 1), reason: "made-up-reason", to: "declined" },
        { kind: "declined", at: hoursAfter(a.at, 5), to: "declined" },
        { kind: "confirmed", at: hoursAfter(a.at, 400), to: "confirmed" },
      ],
    },
  });
  await insertHandover(db, {
    ...toPractice(places, a, 1),
    history: {
      status: "declined",
      transitions: [
        { kind: "confirmed", at: hoursAfter(a.at, 2), to: "confirmed" },
        { kind: "undone", at: hoursAfter(a.at, 2.05), to: "open" },
        {
          kind: "declined",
          at: hoursAfter(a.at, 3),
          reason: "citizen-moved: to Aarhus",
          to: "declined",
        },
      ],
    },
  });
  await readmit(db, a, 30); // exactly 30 days: readmitted.
  const b = await discharge(db, {
    municipality: "370",
    practiceId: null,
    at: "2026-01-06T10:00:00+01:00",
    hospital: slagelse,
  });
  await insertHandover(db, {
    ...toMunicipality(places, b, "370"),
    confirmedAt: hoursAfter(b.at, 1),
  });
  await readmit(db, b, 30 + 1 / 24 / 60); // 30 days and a minute: not readmitted.
  // GP only: a discharge with no municipal handover.
  const c = await discharge(db, {
    municipality: "101",
    practiceId: places.practices[0]?.practiceId ?? null,
    at: "2026-02-02T09:00:00+01:00",
    hospital: bispebjerg,
  });
  await insertHandover(db, { ...toPractice(places, c, 0), confirmedAt: hoursAfter(c.at, 10) });
  // On the clock's edge: 24 hours exactly at now, and a deadline still to come.
  const d = await discharge(db, {
    municipality: "330",
    practiceId: null,
    at: "2026-03-09T12:00:00+01:00",
    hospital: slagelse,
  });
  await insertHandover(db, {
    ...toMunicipality(places, d, "330"),
    deadlineAt: hoursAfter(d.at, 30),
  });
}

/** A small seeded generator, so the sixty stays are the same on every run and engine. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function outcome(random: () => number, at: string): Partial<HandoverSpec> {
  const r = random();
  const after = (h: number) => hoursAfter(at, h);
  const late = () =>
    new Date(Math.min(new Date(after(1 + random() * 500)).getTime(), NOW.getTime())).toISOString();
  if (r < 0.35) return { confirmedAt: after(0.05 + random() * 40) };
  if (r < 0.45) return {};
  if (r < 0.55) return { closed: true };
  const reasons = ["not-our-citizen", "needs-different-service", "other: a note", undefined];
  const reason = reasons[Math.floor(random() * reasons.length)];
  if (r < 0.7) return { declined: { at: after(random() * 30), reason: reason as string } };
  if (r < 0.85)
    return {
      history: {
        status: "confirmed",
        transitions: [
          { kind: "unresolved", at: after(50 + random() * 20), to: "open" },
          { kind: "confirmed", at: late(), to: "confirmed" },
        ],
      },
    };
  return {
    history: {
      status: "open",
      transitions: [
        { kind: "declined", at: after(1), to: "declined", ...(reason ? { reason } : {}) },
        { kind: "undone", at: after(1.05), to: "open" },
        { kind: "confirmed", at: after(2 + random() * 30), to: "confirmed" },
        { kind: "undone", at: after(40), to: "open" },
      ],
    },
  };
}

async function generated(db: Database, places: Places, count: number) {
  const random = seeded(20);
  const codes = ["370", "330", "101"];
  const start = new Date("2026-01-01T00:00:00+01:00").getTime();
  for (let i = 0; i < count; i++) {
    const code = codes[Math.floor(random() * codes.length)] as string;
    const practice = Math.floor(random() * 3); // 2: none listed
    const at = new Date(start + random() * (NOW.getTime() - start)).toISOString();
    const d = await discharge(db, {
      municipality: code,
      practiceId: places.practices[practice]?.practiceId ?? null,
      at,
      hospital: places.hospitals[Math.floor(random() * 2)] as string,
    });
    if (random() < 0.9)
      await insertHandover(db, { ...toMunicipality(places, d, code), ...outcome(random, at) });
    if (practice < 2 && random() < 0.85)
      await insertHandover(db, { ...toPractice(places, d, practice), ...outcome(random, at) });
    if (random() < 0.3) await readmit(db, d, 0.5 + random() * 35);
  }
}

beforeAll(async () => {
  database = await structureDatabase();
  const db = database.db;
  const places: Places = {
    hospitals: [await hospitalIdNamed(db, "Slagelse"), await hospitalIdNamed(db, "Bispebjerg")],
    municipalities: Object.fromEntries(
      await Promise.all(
        ["370", "330", "101"].map(async (c) => [c, await municipalityOrganisationId(db, c)]),
      ),
    ),
    practices: [await insertPractice(db, "370901"), await insertPractice(db, "370902")],
  };
  await splitDischarges(db, places);
  await edges(db, places);
  await generated(db, places, 60);
  indicators = createIndicators({ db, clock: () => NOW });
  await indicators.maintenance.rebuildAll();
}, 240_000);

afterAll(async () => {
  await database.close();
});

async function rebuildAt(months: string[], now: Date) {
  await database.db
    .transaction()
    .execute((tx) => rebuildLoopCells(tx, months.map(monthBounds), now));
}

describe("the loop's cells, against the per-figure queries", () => {
  it("are every cell the plain queries give, after a full refresh", async () => {
    const expected = await referenceCells(database.db, NOW);
    // The fixture reaches every figure, including the rare groups.
    const indicatorsSeen = new Set(expected.map((c) => c.indicator));
    expect(indicatorsSeen.size).toBe(7);
    expect(expected.some((c) => c.indicator === "loop-declines" && c.grp === "unspecified")).toBe(
      true,
    );
    expect(
      expected.some((c) => c.indicator === "loop-readmission-by-confirmation" && c.numerator > 0),
    ).toBe(true);
    expect(await productCells(database.db)).toEqual(expected);
  });

  it("holds stays whose two handovers lie in different months or residences", async () => {
    // Without them the pass could count a discharge's handovers together by its stay alone.
    const split = await sql<{ n: number }>`
      select count(*)::int as n from handover m
      join handover g on g.stay_id = m.stay_id and g.sector = 'general-practice'
      where m.sector = 'municipality' and m.discharged_at <> g.discharged_at`.execute(database.db);
    expect(split.rows[0]?.n).toBe(3);
  });

  it("are the same when some months are rebuilt alone, not in a row", async () => {
    await rebuildAt(["2026-01", "2026-03"], NOW);
    expect(await productCells(database.db)).toEqual(await referenceCells(database.db, NOW));
  });

  it("follow the clock: earlier, fewer deadlines, days and 30-day windows have passed", async () => {
    const earlier = new Date("2026-02-11T00:20:00+01:00");
    await rebuildAt(["2026-01", "2026-02", "2026-03"], earlier);
    const expected = await referenceCells(database.db, earlier);
    expect(await productCells(database.db)).toEqual(expected);
    await rebuildAt(["2026-01", "2026-02", "2026-03"], NOW);
  });
});
