import { describe, expect, it } from "vitest";
import type { HandoverEvent } from "../handovers/events.ts";
import {
  BACKOFF_SECONDS,
  MAX_ATTEMPTS,
  nextAttemptAfter,
  payloadOf,
  shortError,
  signatureHeader,
  verifySignature,
  webhookUrlProblem,
} from "./model.ts";

const at = new Date("2026-11-23T10:00:00Z");

describe("webhook URLs", () => {
  it("takes https anywhere, and plain http only to this machine", () => {
    expect(webhookUrlProblem("https://omsorg.example.dk/hooks/tovholder")).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook")).toBeNull();
    expect(webhookUrlProblem("http://localhost/hook")).toBeNull();
    expect(webhookUrlProblem("http://omsorg.example.dk/hook")?.reason).toMatch(/https/);
    expect(webhookUrlProblem("ftp://omsorg.example.dk/")?.reason).toMatch(/https/);
    expect(webhookUrlProblem("/relative")).toEqual({
      reason: "must be an absolute URL",
      i18n: { key: "webhooks.urlAbsolute" },
    });
    expect(webhookUrlProblem("https://user:pw@omsorg.example.dk/")?.reason).toMatch(/password/);
  });
});

describe("retries", () => {
  it("waits 30 s, 2 min, 10 min, 1 h and 6 h, then gives up", () => {
    const waits = BACKOFF_SECONDS.map((_, i) => {
      const next = nextAttemptAfter(i + 1, at);
      return next ? (next.getTime() - at.getTime()) / 1000 : null;
    });
    expect(waits).toEqual([30, 120, 600, 3600, 21600]);
    expect(nextAttemptAfter(MAX_ATTEMPTS, at)).toBeNull();
  });
});

describe("signatures", () => {
  const secret = "whsec_test";
  const body = '{"id":"1","type":"handover.created"}';

  it("signs the time and the exact body", () => {
    const header = signatureHeader(secret, body, at);
    expect(header).toMatch(/^t=1795428000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, 300, at)).toBe(true);
    expect(verifySignature(secret, header, `${body} `, 300, at)).toBe(false);
    expect(verifySignature("whsec_other", header, body, 300, at)).toBe(false);
  });

  it("refuses an old or future signature, a missing one and a malformed one", () => {
    const header = signatureHeader(secret, body, at);
    expect(verifySignature(secret, header, body, 300, new Date(at.getTime() + 301_000))).toBe(
      false,
    );
    expect(verifySignature(secret, header, body, 300, new Date(at.getTime() - 301_000))).toBe(
      false,
    );
    expect(verifySignature(secret, undefined, body, 300, at)).toBe(false);
    expect(verifySignature(secret, "v1=abc", body, 300, at)).toBe(false);
    expect(verifySignature(secret, "t=1795428000,v1=zz", body, 300, at)).toBe(false);
  });

  it("accepts any of several v1 values, so a receiver can check during a rotation", () => {
    const header = signatureHeader(secret, body, at);
    const other = signatureHeader("whsec_other", body, at).split(",")[1];
    expect(verifySignature(secret, `${header},${other}`, body, 300, at)).toBe(true);
  });
});

describe("payloads", () => {
  it("carries ids and the handover's state, and links to the FHIR Task", () => {
    const event: HandoverEvent = {
      kind: "handover.escalated",
      handoverId: "h-1",
      sector: "municipality",
      status: "open",
      recipientOrganisationIds: ["o-1"],
      at,
      deadlineAt: at,
      step: 1,
      target: "cluster-coordinator",
    };
    expect(payloadOf("n-1", "o-1", event)).toEqual({
      id: "n-1",
      type: "handover.escalated",
      occurredAt: at.toISOString(),
      handover: {
        id: "h-1",
        sector: "municipality",
        status: "open",
        deadlineAt: at.toISOString(),
        step: 1,
        target: "cluster-coordinator",
      },
      organisationId: "o-1",
      links: { task: "/fhir/Task/h-1", app: "/arbejdsliste" },
    });
  });
});

describe("attempt errors", () => {
  it("keeps one line of at most 200 characters", () => {
    expect(shortError("fetch failed:\n ECONNREFUSED")).toBe("fetch failed: ECONNREFUSED");
    expect(shortError("x".repeat(500))).toHaveLength(200);
  });
});
