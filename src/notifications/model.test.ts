import { describe, expect, it } from "vitest";
import type { FollowUpEvent } from "../follow-ups/events.ts";
import type { HandoverEvent } from "../handovers/events.ts";
import { FOLLOW_UP_KINDS, followUpLink, followUpPayloadOf } from "./follow-up-payload.ts";
import {
  attemptResultOf,
  BACKOFF_SECONDS,
  DEFAULT_WEBHOOK_EVENTS,
  IN_APP_KINDS,
  isInternalAddress,
  MAX_ATTEMPTS,
  nextAttemptAfter,
  normaliseHost,
  payloadOf,
  signatureHeader,
  verifySignature,
  WEBHOOK_KINDS,
  webhookAddressProblem,
  webhookUrlProblem,
} from "./model.ts";

const at = new Date("2026-11-23T10:00:00Z");

describe("webhook URLs", () => {
  const allowed = new Set(["127.0.0.1", "omsorg.intern"]);

  it("takes https anywhere public, and plain http only to a host the operator allows", () => {
    expect(webhookUrlProblem("https://omsorg.example.dk/hooks/tovholder")).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook", allowed)).toBeNull();
    expect(webhookUrlProblem("http://omsorg.intern./hook", allowed)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook")?.i18n.key).toBe("webhooks.urlHttps");
    expect(webhookUrlProblem("http://omsorg.example.dk/hook", allowed)?.reason).toMatch(/https/);
    expect(webhookUrlProblem("ftp://omsorg.example.dk/")?.reason).toMatch(/https/);
    expect(webhookUrlProblem("/relative")).toEqual({
      reason: "must be an absolute URL",
      i18n: { key: "webhooks.urlAbsolute" },
    });
    expect(webhookUrlProblem("https://user:pw@omsorg.example.dk/")?.reason).toMatch(/password/);
  });

  it("refuses this machine and internal addresses however they are written", () => {
    for (const url of [
      "https://localhost/",
      "https://LOCALHOST./",
      "https://api.localhost/",
      "https://127.0.0.1/",
      "https://127.1/",
      "https://0x7f.1/",
      "https://0177.0.0.1/",
      "https://2130706433/",
      "https://127.0.0.1./",
      "https://0/",
      "https://10.0.0.1:8443/",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/",
      "https://[0:0:0:0:0:0:0:1]/",
      "https://[::ffff:7f00:1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://[::127.0.0.1]/",
      "https://[64:ff9b::a00:1]/",
      "https://[fe80::1]/",
      "https://[fd12:3456::1]/",
    ])
      expect(webhookUrlProblem(url), url).toEqual({
        reason: expect.stringMatching(/must not point inside/),
        i18n: { key: "webhooks.urlInternal" },
      });
  });

  it("takes an internal host the operator allows, and names that still need resolving", () => {
    const operator = new Set(["localhost", "10.0.0.7"]);
    expect(webhookUrlProblem("https://localhost./hook", operator)).toBeNull();
    expect(webhookUrlProblem("https://0xa.7/hook", operator)).toBeNull();
    expect(webhookUrlProblem("https://10.0.0.8/hook", operator)?.i18n.key).toBe(
      "webhooks.urlInternal",
    );
    // A name is judged by its addresses, which `webhookAddressProblem` checks.
    expect(webhookUrlProblem("https://intranet.example.dk/")).toBeNull();
  });

  it("refuses a name whose addresses include any internal one, and a name with none", () => {
    expect(webhookAddressProblem(["93.184.215.14", "2a00:1450:400f:80c::200e"])).toBeNull();
    expect(webhookAddressProblem(["93.184.215.14", "10.0.0.1"])?.i18n.key).toBe(
      "webhooks.urlInternal",
    );
    expect(webhookAddressProblem([])?.i18n.key).toBe("webhooks.urlUnresolved");
  });

  it("normalises the operator's hosts as the URL parser does", () => {
    expect(normaliseHost("Omsorg.Intern.")).toBe("omsorg.intern");
    expect(normaliseHost(" 0x7f.1 ")).toBe("127.0.0.1");
    expect(normaliseHost("::1")).toBe("::1");
    expect(normaliseHost("[0:0::1]")).toBe("::1");
    expect(normaliseHost("omsorg.intern:8080")).toBeNull();
    expect(normaliseHost("https://omsorg.intern")).toBeNull();
    expect(normaliseHost("user@omsorg.intern")).toBeNull();
    expect(normaliseHost("")).toBeNull();
  });
});

describe("internal addresses", () => {
  const cases: [string, boolean][] = [
    // IPv4, each block at its edges and just outside them.
    ["0.0.0.0", true],
    ["0.255.255.255", true],
    ["1.0.0.0", false],
    ["9.255.255.255", false],
    ["10.0.0.0", true],
    ["10.255.255.255", true],
    ["11.0.0.0", false],
    ["100.63.255.255", false],
    ["100.64.0.0", true],
    ["100.127.255.255", true],
    ["100.128.0.0", false],
    ["126.255.255.255", false],
    ["127.0.0.0", true],
    ["127.255.255.255", true],
    ["128.0.0.0", false],
    ["169.253.255.255", false],
    ["169.254.0.0", true],
    ["169.254.255.255", true],
    ["169.255.0.0", false],
    ["172.15.255.255", false],
    ["172.16.0.0", true],
    ["172.31.255.255", true],
    ["172.32.0.0", false],
    ["192.0.0.0", true],
    ["192.0.0.255", true],
    ["192.0.1.0", false],
    ["192.0.2.0", true],
    ["192.0.2.255", true],
    ["192.0.3.0", false],
    ["192.88.99.1", true],
    ["192.167.255.255", false],
    ["192.168.0.0", true],
    ["192.168.255.255", true],
    ["192.169.0.0", false],
    ["198.17.255.255", false],
    ["198.18.0.0", true],
    ["198.19.255.255", true],
    ["198.20.0.0", false],
    ["198.51.100.7", true],
    ["203.0.113.7", true],
    ["223.255.255.255", false],
    ["224.0.0.0", true],
    ["239.255.255.255", true],
    ["240.0.0.0", true],
    ["255.255.255.255", true],
    ["93.184.215.14", false],
    // IPv6.
    ["::", true],
    ["::1", true],
    ["::2", true],
    ["fe80::", true],
    ["febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true],
    ["fec0::1", true],
    ["fc00::", true],
    ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true],
    ["fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true],
    ["fe00::1", true],
    ["ff00::", true],
    ["ff02::1", true],
    ["100::1", true],
    ["1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true],
    ["2000::", false],
    ["3fff:1000::", false],
    ["3fff::1", true],
    ["4000::", true],
    ["2a00:1450:400f:80c::200e", false],
    ["2001::1", true],
    ["2001:1ff:ffff::", true],
    ["2001:200::", false],
    ["2001:db8::1", true],
    ["2001:db9::1", false],
    // IPv4 inside IPv6: judged by the IPv4 address.
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["::ffff:10.1.2.3", true],
    ["::ffff:93.184.215.14", false],
    ["::127.0.0.1", true],
    ["::7f00:1", true],
    ["::5db8:d70e", false],
    ["::ffff:0:7f00:1", true],
    ["64:ff9b::7f00:1", true],
    ["64:ff9b::192.168.1.1", true],
    ["64:ff9b::5db8:d70e", false],
    ["64:ff9b:1::5db8:d70e", true],
    ["2002:7f00:1::", true],
    ["2002:c0a8:101::1", true],
    ["2002:5db8:d70e::1", false],
    // Not an address at all.
    ["localhost", true],
    ["fe80::1%eth0", true],
    ["", true],
  ];
  it.each(cases)("%s internal: %s", (address, internal) => {
    expect(isInternalAddress(address)).toBe(internal);
  });
});

describe("attempt results", () => {
  it("tells delivered, an HTTP status and no HTTP answer apart, and nothing more", () => {
    expect(attemptResultOf(200)).toBe("delivered");
    expect(attemptResultOf(299)).toBe("delivered");
    expect(attemptResultOf(199)).toBe("http-status");
    expect(attemptResultOf(302)).toBe("http-status");
    expect(attemptResultOf(503)).toBe("http-status");
    expect(attemptResultOf(null)).toBe("failed");
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
      target: "body-coordinator",
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
        target: "body-coordinator",
      },
      organisationId: "o-1",
      links: { task: "/fhir/Task/h-1", app: "/arbejdsliste?overdragelse=h-1" },
    });
  });
});

describe("a follow-up item's notification", () => {
  const opened: FollowUpEvent = {
    kind: "follow-up.opened",
    followUpId: "f1",
    status: "open",
    dischargedAt: new Date("2026-12-03T09:00:00Z"),
    recipientOrganisationIds: ["ward", "secretariat"],
    at,
  };

  it("says which item, its state and where it leads, and nothing else while it is open", () => {
    expect(followUpPayloadOf("n1", "ward", opened)).toEqual({
      id: "n1",
      type: "follow-up.opened",
      occurredAt: at.toISOString(),
      followUp: { id: "f1", status: "open", dischargedAt: "2026-12-03T09:00:00.000Z" },
      organisationId: "ward",
      links: { app: "/opfoelgning?punkt=f1" },
    });
  });

  it("tells a resolution by its kind and organisations' ids, never who resolved it by name", () => {
    const payload = followUpPayloadOf("n2", "secretariat", {
      ...opened,
      kind: "follow-up.resolved",
      status: "resolved",
      resolution: "practice",
      followUpOrganisationId: "practice-1",
      resolvedByOrganisationId: "ward",
      actedBy: { userId: "user-1", organisationId: "ward" },
    });
    expect(payload.followUp).toEqual({
      id: "f1",
      status: "resolved",
      dischargedAt: "2026-12-03T09:00:00.000Z",
      resolution: "practice",
      followUpOrganisationId: "practice-1",
      resolvedByOrganisationId: "ward",
    });
    // The person is not in what goes to webhooks: only that their own card is read.
    expect(JSON.stringify(payload)).not.toContain("user-1");
  });

  it("tells why an item closed by its code", () => {
    const payload = followUpPayloadOf("n3", "ward", {
      ...opened,
      kind: "follow-up.closed",
      status: "closed",
      closedReason: "death",
    });
    expect(payload.followUp).toMatchObject({ status: "closed", closedReason: "death" });
    expect(payload.followUp).not.toHaveProperty("resolution");
  });

  it("is a kind webhooks may subscribe to, and opening one is among what a new webhook gets", () => {
    for (const kind of FOLLOW_UP_KINDS) {
      expect(WEBHOOK_KINDS).toContain(kind);
      expect(IN_APP_KINDS).toContain(kind);
    }
    expect(DEFAULT_WEBHOOK_EVENTS).toContain("follow-up.opened");
    expect(DEFAULT_WEBHOOK_EVENTS).not.toContain("follow-up.resolved");
    expect(WEBHOOK_KINDS).not.toContain("body.rules-to-confirm");
  });

  it("links to the item on the follow-up list, the id escaped", () => {
    expect(followUpLink("a b")).toBe("/opfoelgning?punkt=a%20b");
  });
});
