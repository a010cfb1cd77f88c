import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { type DemoApp, demoApp } from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 6, point 4 on one process: overdue handovers are escalated one ladder
 * step at a time, each step once, to the right organisation, and a sweep
 * after downtime catches up. (sweeper-processes.test.ts races several server
 * processes on PostgreSQL.)
 */

let demo: DemoApp;

beforeAll(async () => {
  // Judged by fixed clocks: only this file's own citizens, never the demo's, which sit
  // around the day the suite runs.
  demo = await demoApp({ seed: { activity: false } });
  const token = await integrationToken(demo.database.db);
  const flow = new NotificationFlow(
    participants("sweeper-1", {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: "1507421234", family: "Sweep", given: ["Svend"] },
    }),
  );
  // Discharged Wednesday 18 November 2026 at 10:00: the municipality's deadline is 14:00.
  flow.admit({ class: "inpatient", at: "2026-11-16T09:00:00+01:00" });
  flow.discharge({ at: "2026-11-18T10:00:00+01:00" });
  for (const m of flow.messages) await postMessage(demo.app, token, m);
});
afterAll(() => demo.close());

const at = (iso: string) => () => new Date(iso);

async function escalations() {
  return demo.database.db
    .selectFrom("handoverEscalation as e")
    .innerJoin("handover as h", "h.id", "e.handoverId")
    .leftJoin("organisation as o", "o.id", "e.targetOrganisationId")
    .select(["e.step", "e.target", "o.name as organisation"])
    .where("h.citizenId", "in", (eb) =>
      eb
        .selectFrom("handover")
        .select("citizenId")
        .where("dischargedAt", "=", new Date("2026-11-18T09:00:00Z")),
    )
    .orderBy("e.step")
    .execute();
}

describe("the handover sweeper", () => {
  it("does nothing before the deadline", async () => {
    expect(
      await createSweeper(demo.database.db, { clock: at("2026-11-18T12:59:00Z") }).sweep(),
    ).toBe(0);
    expect(await escalations()).toEqual([]);
  });

  it("reminds the receiver at the deadline, once", async () => {
    const sweeper = createSweeper(demo.database.db, { clock: at("2026-11-18T13:00:00Z") });
    expect(await sweeper.sweep()).toBe(1);
    expect(await sweeper.sweep()).toBe(0);
    expect(await escalations()).toEqual([
      { step: 0, target: "receiver", organisation: "Næstved Kommune" },
    ]);
  });

  it("catches up on the steps it missed while down, in order, each once", async () => {
    const later = createSweeper(demo.database.db, { clock: at("2026-11-19T09:00:00Z") });
    expect(await later.sweep()).toBe(2);
    expect(await later.sweep()).toBe(0);
    expect((await escalations()).map((e) => [e.step, e.target, e.organisation])).toEqual([
      [0, "receiver", "Næstved Kommune"],
      [1, "body-coordinator", "Klyngen Næstved/Slagelse (sekretariat)"],
      [2, "discharging-department", "Slagelse Sygehus, Medicinsk Afdeling"],
    ]);
    const history = await demo.database.db
      .selectFrom("handoverTransition")
      .select("kind")
      .where("kind", "=", "escalated")
      .execute();
    expect(history.length).toBeGreaterThanOrEqual(3);
  });
});
