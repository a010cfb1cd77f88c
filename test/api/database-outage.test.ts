import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  runScenario,
  type Scenario,
  type ScenarioResult,
  setUpScenario,
} from "../../bench/faults/scenario.ts";

/**
 * Issue 18, point 2: two `tovholder serve` processes keep serving while their
 * PostgreSQL database goes away and comes back. A bounded stream of valid
 * HospitalNotifications is sent while the test terminates the database's
 * backends several times and refuses connections for a few seconds. Before,
 * the first termination under load ended a process ("Unhandled 'error'
 * event"). The benchmark (npm run bench:faults) runs the same, longer.
 * Runs in the PostgreSQL suite (TEST_DATABASE_URL).
 */

const serverUrl = process.env.TEST_DATABASE_URL;
let scenario: Scenario | undefined;
let result: ScenarioResult;

beforeAll(async () => {
  if (!serverUrl) return;
  scenario = await setUpScenario(serverUrl, { servers: 2 });
  result = await runScenario(scenario, {
    stays: 300,
    servers: 2,
    lanes: 6,
    terminationsBefore: 3,
    terminationsAfter: 2,
    refuseMs: 3_000,
    resendAfterMs: 200,
    offset: 7_000_000,
  });
}, 240_000);

afterAll(async () => {
  await scenario?.close();
});

describe.skipIf(!serverUrl)("two server processes while the database goes away", () => {
  it("stay alive and ready once the database is back", () => {
    expect(result.alive).toEqual([true, true]);
    expect(result.readyAfter).toEqual([200, 200]);
  });

  it("answer ok or 503 with Retry-After, never a 500", () => {
    expect(result.otherAnswers).toEqual({});
    expect(result.answered503).toBeGreaterThan(0);
    expect(result.okFirstTry + result.messagesWith503).toBe(result.messages);
  });

  it("store and apply every message exactly once, the 503s after a re-send", () => {
    expect({ lost: result.lost, duplicated: result.duplicated }).toEqual({
      lost: 0,
      duplicated: 0,
    });
  });

  it("say they are not ready during the outage", () => {
    for (const statuses of result.readyDuringOutage) {
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses).toContain(503);
      expect(statuses.filter((s) => s !== 503)).toEqual([]);
    }
  });

  it("escalate the overdue handovers, the ones that came after the outage too", () => {
    expect(result.pendingEscalations).toBe(0);
  });
});
