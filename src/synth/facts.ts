import { z } from "zod";

/**
 * The synthetic-data facts that MedCom HospitalNotifications do not carry, one
 * JSON object per line (facts/<municipality>.ndjson.gz). Documented in
 * src/synth/README.md; `tovholder synth load` reads them with this schema, so
 * a hand-written or foreign file gets the same checks.
 *
 * - `citizen`: who lives where, their address, which practice they are listed
 *   with (by provider number), and home care (personal care) since a date.
 * - `stay`: a hospital stay, by the episode-of-care identifier its messages
 *   carry: primary diagnosis (ICD-10), preventable group, acute or planned,
 *   and when the patient was medically ready for discharge.
 */

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export const citizenFact = z.object({
  kind: z.literal("citizen"),
  cpr: z.string().regex(/^[0-9]{10}$/, "must be ten digits"),
  given: z.string().min(1),
  family: z.string().min(1),
  address: z.string().min(1),
  municipalityCode: z.string().regex(/^[0-9]{3}$/),
  practice: z
    .string()
    .regex(/^[0-9]{6}$/)
    .nullable(),
  homeCareSince: isoDate.nullable(),
});

export const stayFact = z.object({
  kind: z.literal("stay"),
  episode: z.object({ system: z.string().min(1), value: z.string().min(1) }),
  diagnosis: z.string().regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$/, "must be an ICD-10 code"),
  preventableGroup: z.string().nullable(),
  admission: z.enum(["acute", "planned"]),
  medicallyReadyAt: instant.nullable(),
});

/**
 * When the receivers confirmed a discharge's handovers (null: not confirmed,
 * or not by the end of the history). History only: live handovers are
 * confirmed by people.
 */
export const followUpFact = z.object({
  kind: z.literal("follow-up"),
  episode: z.object({ system: z.string().min(1), value: z.string().min(1) }),
  municipalityConfirmedAt: instant.nullable(),
  gpConfirmedAt: instant.nullable(),
});

export const fact = z.discriminatedUnion("kind", [citizenFact, stayFact, followUpFact]);
export type FollowUpFact = z.infer<typeof followUpFact>;
export type Fact = z.infer<typeof fact>;
export type CitizenFact = z.infer<typeof citizenFact>;
export type StayFact = z.infer<typeof stayFact>;
