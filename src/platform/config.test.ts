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
