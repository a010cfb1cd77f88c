import { describe, expect, it } from "vitest";
import { redactPath } from "./redact.ts";

describe("redactPath", () => {
  it("blanks CPR-shaped numbers and drops the query string", () => {
    expect(redactPath("/api/citizens/120345-1962?cpr=1203451962")).toBe("/api/citizens/[redacted]");
    expect(redactPath("/api/x/1203451962/y")).toBe("/api/x/[redacted]/y");
  });

  it("leaves uuids, codes and longer numbers alone", () => {
    expect(redactPath("/api/municipalities/370")).toBe("/api/municipalities/370");
    expect(redactPath("/api/citizens/8b50b40c-f38c-46a0-ad61-6f7275ef91d3")).toBe(
      "/api/citizens/8b50b40c-f38c-46a0-ad61-6f7275ef91d3",
    );
    expect(redactPath("/a/123456789012")).toBe("/a/123456789012");
  });
});
