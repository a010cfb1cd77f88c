import { z } from "zod";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";

/**
 * How to reach an organisation, as pure rules: what valid contact details are
 * (a Danish phone number, an email address, an https web address, opening
 * hours as free text) and whose details to show when a unit has none of its
 * own. Contact details of organisations are public facts, not personal data.
 */

export type ContactDetails = {
  phone: string | null;
  email: string | null;
  openingHours: string | null;
  webUrl: string | null;
};

const PHONE = /^(\+45)?[0-9]{8}$/;

/**
 * A Danish phone number as written for people, "+45 12 34 56 78", from any of
 * "12345678", "12 34 56 78", "+45 1234 5678"; null when it is not one.
 */
export function danishPhone(text: string): string | null {
  const compact = text.replace(/\s+/g, "");
  if (!PHONE.test(compact)) return null;
  const digits = compact.slice(-8);
  return `+45 ${digits.match(/../g)?.join(" ")}`;
}

const isEmail = (v: string) => z.email().safeParse(v).success;
const isHttpsUrl = (v: string) =>
  z.url({ protocol: /^https$/, hostname: z.regexes.domain }).safeParse(v).success;

/**
 * One optional text field: trimmed, blank or absent means "none" (as a form
 * left empty), otherwise it must pass `valid` and becomes `normal(value)`.
 * `key` names the reason for the web's translation (problems.validation.*).
 */
function field(max: number, reason: string, key: string, valid: (v: string) => string | null) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const normal = valid(v);
      if (normal !== null) return normal;
      ctx.addIssue({ code: "custom", message: reason, params: { key } });
      return z.NEVER;
    });
}

export const contactInputSchema = z.object({
  phone: field(
    30,
    "must be a Danish phone number: 8 digits, optionally with +45 and spaces",
    "validation.phone",
    danishPhone,
  ),
  email: field(
    TEXT_LIMITS.email,
    "must be an email address, such as name@example.org",
    "validation.email",
    (v) => (isEmail(v) ? v : null),
  ),
  openingHours: field(TEXT_LIMITS.paragraph, "must be text", "validation.invalid", (v) => v),
  webUrl: field(
    TEXT_LIMITS.webAddress,
    "must be a web address starting with https://",
    "validation.httpsUrl",
    (v) => (isHttpsUrl(v) ? v : null),
  ),
});

export type ContactInput = z.infer<typeof contactInputSchema>;

export function hasAny<C extends ContactDetails>(c: C | null | undefined): c is C {
  return !!c && [c.phone, c.email, c.openingHours, c.webUrl].some((v) => v !== null && v !== "");
}

export type ContactOwner = { organisationId: string; name: string };

/**
 * The details to show for an organisation: its own where it has any,
 * otherwise those of the organisation it belongs to (a department shows its
 * hospital's, a municipal unit its municipality's), saying whose they are;
 * nothing when neither has any.
 */
export function effectiveContact<C extends ContactDetails>(
  own: ContactOwner & { contact: C | null },
  parent: (ContactOwner & { contact: C | null }) | null,
): { contact: C | null; inheritedFrom: ContactOwner | null } {
  if (hasAny(own.contact)) return { contact: own.contact, inheritedFrom: null };
  if (parent && hasAny(parent.contact))
    return {
      contact: parent.contact,
      inheritedFrom: { organisationId: parent.organisationId, name: parent.name },
    };
  return { contact: null, inheritedFrom: null };
}
