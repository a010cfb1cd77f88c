import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCipher } from "../../src/citizens/crypto.ts";
import { assembleIngest } from "../../src/interop/assemble.ts";
import { MAX_MESSAGE_TEXT } from "../../src/interop/medcom/bundle-reader.ts";
import { flowFor } from "../../src/interop/medcom/fixtures.ts";
import { writeHospitalNotification } from "../../src/interop/medcom/write-hospital-notification.ts";
import { MAX_JSON_DEPTH } from "../../src/platform/http/input-limits.ts";
import { ensureDemoUnits } from "../../src/synth/demo-units.ts";
import { type DemoApp, demoApp } from "../support/access.ts";
import { type Ack, ackResponse, integrationToken } from "../support/messages.ts";
import { structureDatabase } from "../support/server.ts";

/**
 * Issue 18, point 6, on $process-message: a message the sender must not re-send
 * (a null character, nesting too deep, a time in the future, another content
 * type) is answered 4xx, never 500 or a transient-error it would retry forever;
 * a re-sent refused message gets the first answer's status again.
 */

let demo: DemoApp;
let token: string;
beforeAll(async () => {
  demo = await demoApp();
  token = await integrationToken(demo.database.db);
});
afterAll(() => demo.close());

type Bundle = { entry: { resource: Record<string, unknown> }[] } & Record<string, unknown>;

/** A valid admission, as JSON to spoil; `seed` keeps its ids apart from other tests'. */
function bundle(seed: string): Bundle {
  const [message] = flowFor("STIN", seed).messages;
  if (!message) throw new Error("no message");
  return writeHospitalNotification(message) as unknown as Bundle;
}

const resource = (b: Bundle, type: string) =>
  b.entry.find((e) => e.resource.resourceType === type)?.resource as unknown;

async function post(payload: string, contentType: string | null = "application/fhir+json") {
  const response = await demo.app.inject({
    method: "POST",
    url: "/fhir/$process-message",
    headers: {
      authorization: `Bearer ${token}`,
      ...(contentType ? { "content-type": contentType } : {}),
    },
    payload,
  });
  return response;
}

async function expectFatal(payload: string, expression: string) {
  const response = await post(payload);
  expect(response.statusCode, response.body).toBe(422);
  const ack = ackResponse(response.json() as Ack);
  expect(ack.code).toBe("fatal-error");
  expect(ack.issues.map((i) => i.expression[0])).toContain(expression);
  return response;
}

describe("a null character (U+0000) in a message", () => {
  it("in MessageHeader.id is a fatal-error naming it, again when re-sent", async () => {
    const b = bundle("nul-header");
    const header = b.entry[0]?.resource as Record<string, unknown>;
    header.id = `${String(header.id)}\u0000`;
    const raw = JSON.stringify(b);
    const first = await expectFatal(raw, "Bundle.entry[0].resource.id");
    // The Ack names the message without the byte, and the message is kept for the administrators.
    const ack = ackResponse(first.json() as Ack);
    expect(ack.identifier).not.toContain("\u0000");
    const again = await expectFatal(raw, "Bundle.entry[0].resource.id");
    expect(again.statusCode).toBe(first.statusCode);
    const kept = await demo.database.db
      .selectFrom("inboundMessage")
      .select(["status", "responseCode"])
      .where("bundleId", "=", String(b.id))
      .execute();
    expect(kept).toEqual([
      { status: "rejected", responseCode: "fatal-error" },
      { status: "rejected", responseCode: "fatal-error" },
    ]);
  });

  it("in the episode identifier is a fatal-error, not a transient-error", async () => {
    const b = bundle("nul-episode");
    const encounter = resource(b, "Encounter") as {
      episodeOfCare: { identifier: { value: string } }[];
    };
    const episode = encounter.episodeOfCare[0];
    if (!episode) throw new Error("no episode");
    episode.identifier.value += "\u0000";
    const index = b.entry.findIndex((e) => e.resource.resourceType === "Encounter");
    await expectFatal(
      JSON.stringify(b),
      `Bundle.entry[${index}].resource.episodeOfCare[0].identifier.value`,
    );
  });

  it("in the source endpoint is a fatal-error, not a transient-error", async () => {
    const b = bundle("nul-source");
    const header = b.entry[0]?.resource as { source: { endpoint: string } };
    header.source.endpoint += "\u0000";
    await expectFatal(JSON.stringify(b), "Bundle.entry[0].resource.source.endpoint");
  });

  it("in a key is named with the byte shown, not sent", async () => {
    const b = bundle("nul-key") as Record<string, unknown>;
    b["ext\u0000ra"] = true;
    const response = await expectFatal(JSON.stringify(b), "Bundle.ext\\0ra");
    expect(response.body).not.toContain("\\u0000");
  });
});

describe("a message nested too deep", () => {
  const deep = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;

  it.each(["application/fhir+json", "application/json"])("as %s is a fatal-error", async (type) => {
    for (const raw of [deep(10_000), `[${"[".repeat(10_000)}${"]".repeat(10_000)}]`]) {
      const response = await post(raw, type);
      expect(response.statusCode, response.body).toBe(422);
      const ack = ackResponse(response.json() as Ack);
      expect(ack.code).toBe("fatal-error");
      expect(ack.issues[0]?.details.text).toContain(`deeper than ${MAX_JSON_DEPTH}`);
    }
  });

  it("a Bundle as deep as the limit is read as usual (refused for what it says)", async () => {
    const response = await post(deep(MAX_JSON_DEPTH));
    expect(response.statusCode).toBe(422);
    expect(ackResponse(response.json() as Ack).issues[0]?.details.text).toContain(
      "must be a FHIR Bundle",
    );
  });
});

describe("a re-sent refused message", () => {
  it("gets the status of the first answer (422), not 200", async () => {
    const b = bundle("resend-refused");
    delete (b as Record<string, unknown>).timestamp;
    const raw = JSON.stringify(b);
    const first = await post(raw);
    expect(first.statusCode).toBe(422);
    const again = await post(raw);
    expect(again.statusCode, again.body).toBe(422);
    expect(ackResponse(again.json() as Ack)).toEqual(ackResponse(first.json() as Ack));
  });

  it("an accepted message re-sent is still 200", async () => {
    const raw = JSON.stringify(bundle("resend-accepted"));
    expect((await post(raw)).statusCode).toBe(200);
    expect((await post(raw)).statusCode).toBe(200);
  });
});

describe("content types", () => {
  it.each([
    ["text/plain", "hello"],
    ["application/xml", "<Bundle/>"],
    ["application/x-www-form-urlencoded", "a=1"],
    ["multipart/form-data; boundary=x", "--x--"],
    [null, "{}"],
    [null, ""],
  ])("refuses %s with 415 as an OperationOutcome", async (type, payload) => {
    const response = await post(payload, type);
    expect(response.statusCode, response.body).toBe(415);
    expect(response.headers["content-type"]).toContain("application/fhir+json");
    expect(response.json()).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [expect.objectContaining({ code: "not-supported" })],
    });
  });

  it("accepts application/json and application/fhir+json with a charset", async () => {
    const raw = JSON.stringify(bundle("content-types"));
    expect((await post(raw, "application/json")).statusCode).toBe(200);
    expect((await post(raw, "application/fhir+json; charset=utf-8")).statusCode).toBe(200);
  });
});

describe("event times in the future", () => {
  it("more than a day after the receiver's clock are a fatal-error naming each", async () => {
    const database = await structureDatabase();
    try {
      await ensureDemoUnits(database.db);
      const cipher = createCipher(randomBytes(32));
      // The admission happens at 2026-03-02T09:10:00+01:00 (fixtures.ts).
      let now = new Date("2026-03-01T08:00:00Z");
      const ingest = assembleIngest(database.db, cipher, { clock: () => now });
      const [message] = flowFor("STIN", "future").messages;
      if (!message) throw new Error("no message");
      const raw = JSON.stringify(writeHospitalNotification(message));
      const refused = await ingest.receive(raw, { via: "import" });
      expect(refused.outcome).toBe("rejected");
      const ack = ackResponse(refused.acknowledgement as Ack);
      expect(ack.code).toBe("fatal-error");
      const named = ack.issues.map((i) => i.expression[0]);
      expect(named).toEqual(
        expect.arrayContaining([
          "Bundle.timestamp",
          expect.stringMatching(/^Bundle\.entry\[\d+\]\.resource\.period\.start$/),
          expect.stringMatching(/^Bundle\.entry\[\d+\]\.resource\.occurredDateTime$/),
        ]),
      );
      expect(ack.issues[0]?.details.text).toContain("24 hours after the receiver's clock");

      // 23 hours ahead is clock drift, not the future: accepted (a new message id).
      now = new Date("2026-03-01T09:10:00Z");
      const [later] = flowFor("STIN", "future-ok").messages;
      if (!later) throw new Error("no message");
      const ok = await ingest.receive(JSON.stringify(writeHospitalNotification(later)), {
        via: "import",
      });
      expect(ok.responseCode).toBe("ok");
    } finally {
      await database.close();
    }
  });
});

describe("a text too long in a message", () => {
  it("in the episode identifier is a fatal-error naming it, not a transient-error", async () => {
    const b = bundle("long-episode");
    const encounter = resource(b, "Encounter") as {
      episodeOfCare: { identifier: { value: string } }[];
    };
    const episode = encounter.episodeOfCare[0];
    if (!episode) throw new Error("no episode");
    // Text that does not compress: a unique index cannot hold an entry of this size.
    episode.identifier.value = Array.from({ length: 3000 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
    ).join("");
    const index = b.entry.findIndex((e) => e.resource.resourceType === "Encounter");
    const response = await expectFatal(
      JSON.stringify(b),
      `Bundle.entry[${index}].resource.episodeOfCare[0].identifier.value`,
    );
    expect(ackResponse(response.json() as Ack).issues[0]?.details.text).toContain(
      `at most ${MAX_MESSAGE_TEXT} characters`,
    );
  });
});
