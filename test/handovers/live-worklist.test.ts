import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inScope } from "../../src/handovers/change-feed.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { authHeaders, type DemoApp, demoApp } from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 6, point 5: worklists update live. A discharge that arrives while
 * the municipality's worklist is open is pushed to it as a server-sent event;
 * a stream belongs to staff of an organisation that has a worklist.
 */

let demo: DemoApp;
let url: string;

beforeAll(async () => {
  demo = await demoApp();
  url = await demo.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => demo.close());

/** Reads the stream until `wanted` appears, or gives up after `ms`. */
async function waitFor(body: ReadableStream<Uint8Array>, wanted: string, ms: number) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let seen = "";
  const deadline = Date.now() + ms;
  try {
    while (Date.now() < deadline && !seen.includes(wanted)) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
      ]);
      if (!chunk || chunk.done) break;
      seen += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    await reader.cancel();
  }
  return seen;
}

describe("live worklists", () => {
  it("pushes `changed` to the receiving municipality's open stream when a discharge arrives", async () => {
    const session = await demo.sessionOf("demo.visitator");
    const stream = await fetch(`${url}/api/handovers/events`, {
      headers: authHeaders(session),
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const token = await integrationToken(demo.database.db);
    const flow = new NotificationFlow(
      participants("live-worklist", {
        sender: participantOf(DEMO_UNITS.slagelseMedical),
        receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
        patient: { cpr: "0905521234", family: "Live", given: ["Lise"] },
      }),
    );
    flow.admit({ class: "inpatient", at: "2026-11-20T09:00:00+01:00" });
    flow.discharge({ at: "2026-11-21T10:00:00+01:00" });
    for (const m of flow.messages) {
      const { response } = await postMessage(demo.app, token, m);
      expect(response.statusCode).toBe(200);
    }
    const seen = await waitFor(stream.body as ReadableStream<Uint8Array>, "event: changed", 15_000);
    expect(seen).toContain("event: changed");
  });

  it("refuses a stream to an organisation without a worklist", async () => {
    const session = await demo.sessionOf("demo.admin");
    const response = await demo.app.inject({
      url: "/api/handovers/events",
      headers: authHeaders(session),
    });
    expect(response.statusCode).toBe(403);
  });

  it("tells each worklist only of its own receiver, hospital or body", () => {
    const change = {
      kind: "handover" as const,
      id: "h",
      at: new Date(),
      municipalityCode: "370",
      practiceId: null,
      hospitalId: "slagelse-sygehus",
      bodyId: "naestved-slagelse-ringsted",
      responsibleBodyId: "naestved-slagelse-ringsted",
    };
    expect(inScope({ municipalityCode: "370" }, change)).toBe(true);
    expect(inScope({ municipalityCode: "330" }, change)).toBe(false);
    expect(inScope({ dischargingHospitalId: "slagelse-sygehus" }, change)).toBe(true);
    expect(inScope({ practiceId: "p" }, change)).toBe(false);
    expect(inScope({ bodyId: "naestved-slagelse-ringsted" }, change)).toBe(true);
    expect(inScope({ bodyId: "sundhedsraad-midt-og-vestsjaelland" }, change)).toBe(false);
  });

  it("tells a council's worklist of a cluster's handover it is responsible for from 1 January", () => {
    const change = {
      kind: "handover" as const,
      id: "h",
      at: new Date(),
      municipalityCode: "370",
      practiceId: null,
      hospitalId: "slagelse-sygehus",
      bodyId: "naestved-slagelse",
      responsibleBodyId: "sundhedsraad-midt-og-vestsjaelland",
    };
    expect(inScope({ bodyId: "sundhedsraad-midt-og-vestsjaelland" }, change)).toBe(true);
    expect(inScope({ bodyId: "sundhedsraad-fyn" }, change)).toBe(false);
  });
});
