import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("WEBHOOK_ALLOWED_HOSTS", () => {
  it("allows no host unless the operator names some", () => {
    expect(loadConfig({}).webhookAllowedHosts).toEqual([]);
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: " " }).webhookAllowedHosts).toEqual([]);
  });

  it("takes a comma-separated list of host names and addresses", () => {
    const config = loadConfig({
      WEBHOOK_ALLOWED_HOSTS: "omsorg.region.intern, 10.20.0.5,,[fd00::7], ::1, localhost.",
    });
    expect(config.webhookAllowedHosts).toEqual([
      "omsorg.region.intern",
      "10.20.0.5",
      "[fd00::7]",
      "::1",
      "localhost.",
    ]);
  });

  it("refuses a port, a scheme, a path or a wildcard", () => {
    for (const text of [
      "omsorg.intern:8443",
      "https://omsorg.intern",
      "omsorg.intern/x",
      "*.intern",
    ])
      expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: text }), text).toThrow(ConfigError);
  });
});

describe("TOVHOLDER_DEMO_DATE", () => {
  it("is unset unless given: the demo runs at today's date", () => {
    expect(loadConfig({}).demoDate).toBeUndefined();
  });

  it("reads a local date and time as Danish time, winter or summer as that day has it", () => {
    expect(loadConfig({ TOVHOLDER_DEMO_DATE: "2026-12-31T23:50" }).demoDate?.toISOString()).toBe(
      "2026-12-31T22:50:00.000Z",
    );
    expect(loadConfig({ TOVHOLDER_DEMO_DATE: "2026-07-01T08:00:30" }).demoDate?.toISOString()).toBe(
      "2026-07-01T06:00:30.000Z",
    );
    // The hour repeated in autumn is the first one, still summer time.
    expect(loadConfig({ TOVHOLDER_DEMO_DATE: "2026-10-25T02:30" }).demoDate?.toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("refuses anything else, naming the variable and the form it wants", () => {
    const cases: [string, RegExp][] = [
      ["2026-12-31", /YYYY-MM-DDTHH:MM/],
      ["2026-12-31T23:50+01:00", /without offset/],
      ["2026-12-31T23:50Z", /without offset/],
      ["31-12-2026 23:50", /YYYY-MM-DDTHH:MM/],
      ["2026-02-30T12:00", /does not exist/],
      ["2026-12-31T24:00", /does not exist/],
      // 29 March 2026: Danish clocks go from 02:00 to 03:00.
      ["2026-03-29T02:30", /summer time/],
    ];
    for (const [text, reason] of cases) {
      expect(() => loadConfig({ TOVHOLDER_DEMO_DATE: text }), text).toThrow(ConfigError);
      expect(() => loadConfig({ TOVHOLDER_DEMO_DATE: text }), text).toThrow(/TOVHOLDER_DEMO_DATE/);
      expect(() => loadConfig({ TOVHOLDER_DEMO_DATE: text }), text).toThrow(reason);
    }
  });

  it("is for the demo only: a real server never runs on a made-up clock", () => {
    expect(() =>
      loadConfig({ TOVHOLDER_DEMO: "false", TOVHOLDER_DEMO_DATE: "2026-12-31T23:50" }),
    ).toThrow(/TOVHOLDER_DEMO_DATE is for the demo only/);
    expect(() =>
      loadConfig({
        NODE_ENV: "production",
        TOVHOLDER_CPR_KEY: "k".repeat(40),
        TOVHOLDER_DEMO_DATE: "2026-12-31T23:50",
      }),
    ).toThrow(ConfigError);
  });
});
