import { describe, expect, it } from "vitest";
import {
  type ContactDetails,
  contactInputSchema,
  danishPhone,
  effectiveContact,
  hasAny,
} from "./contact-model.ts";

const none: ContactDetails = { phone: null, email: null, openingHours: null, webUrl: null };
const problems = (body: unknown) => {
  const parsed = contactInputSchema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
};

describe("contact details", () => {
  it("reads a Danish phone number however it is spaced, with or without +45", () => {
    for (const text of ["13000101", "13 00 01 01", "+45 13 00 01 01", "+4513000101", "1300 0101"])
      expect(danishPhone(text)).toBe("+45 13 00 01 01");
    for (const text of ["1300010", "130001011", "+46 13 00 01 01", "0045 13000101", "13-00-01-01"])
      expect(danishPhone(text)).toBeNull();
  });

  it("accepts blank fields as none and normalises the phone", () => {
    expect(
      contactInputSchema.parse({
        phone: " 13 00 01 01 ",
        email: "afdeling@example.org",
        openingHours: "  Hverdage kl. 8–15 ",
        webUrl: "https://example.org/afdeling",
      }),
    ).toEqual({
      phone: "+45 13 00 01 01",
      email: "afdeling@example.org",
      openingHours: "Hverdage kl. 8–15",
      webUrl: "https://example.org/afdeling",
    });
    expect(contactInputSchema.parse({ phone: "", email: null })).toEqual(none);
  });

  it("names each field that is wrong", () => {
    expect(problems({ phone: "1234" })).toEqual(["phone"]);
    expect(problems({ email: "not an address" })).toEqual(["email"]);
    expect(problems({ webUrl: "http://example.org" })).toEqual(["webUrl"]);
    expect(problems({ webUrl: "https://localhost" })).toEqual(["webUrl"]);
    expect(problems({ openingHours: "x".repeat(501) })).toEqual(["openingHours"]);
    expect(problems({ phone: "1", email: "2", webUrl: "3" })).toEqual(["phone", "email", "webUrl"]);
  });

  it("shows a unit's own details, else its parent's saying whose, else none", () => {
    const ward = { organisationId: "w", name: "Afdelingen" };
    const hospital = { organisationId: "h", name: "Sygehuset" };
    const phone = { ...none, phone: "+45 13 00 01 00" };
    expect(
      effectiveContact({ ...ward, contact: { ...none, email: "a@example.org" } }, null),
    ).toEqual({
      contact: { ...none, email: "a@example.org" },
      inheritedFrom: null,
    });
    expect(effectiveContact({ ...ward, contact: null }, { ...hospital, contact: phone })).toEqual({
      contact: phone,
      inheritedFrom: hospital,
    });
    // A row whose every field was cleared counts as none.
    expect(effectiveContact({ ...ward, contact: none }, { ...hospital, contact: phone })).toEqual({
      contact: phone,
      inheritedFrom: hospital,
    });
    expect(effectiveContact({ ...ward, contact: null }, { ...hospital, contact: null })).toEqual({
      contact: null,
      inheritedFrom: null,
    });
    expect(hasAny(none)).toBe(false);
  });
});
