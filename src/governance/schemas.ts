import { z } from "zod";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { PARTY_SECTORS, STATUSES } from "./model.ts";

/** The Zod schemas of the agreements' API: the edge checks shape; model.ts checks meaning. */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const party = z.object({
  sector: z.enum(PARTY_SECTORS),
  /** The organisation by name where it is one (a municipality, a hospital), or null: the sector. */
  organisation: z.string().trim().max(TEXT_LIMITS.name).nullable(),
});
/** A decimal amount as text ("450000.50") or a number; model.ts refuses negatives and a third decimal. */
const decimal = z.union([z.string().max(30), z.number()]);
const money = z.object({
  kind: z.literal("money"),
  /** Kroner per year. */
  amount: decimal,
  /** Only "DKK" (kr.) is accepted; anything else is refused naming this field. */
  currency: z.string().max(10),
  from: party,
  to: party,
});
const staff = z.object({
  kind: z.literal("staff"),
  /** Full-time equivalents. */
  fte: decimal,
  from: party,
  to: party,
});
const window = z.object({
  start: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be a time HH:MM"),
  end: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be a time HH:MM"),
});
const receivingSector = z.enum(["municipality", "general-practice"]);
const handoverRule = z.object({
  sector: receivingSector,
  rule: z.object({
    deadlineMinutes: z
      .number()
      .int()
      .max(14 * 24 * 60),
    hours: z.object({ weekday: window.nullable(), weekend: window.nullable() }),
    ladder: z
      .array(
        z.object({
          afterMinutes: z
            .number()
            .int()
            .max(14 * 24 * 60),
          target: z.enum(["receiver", "body-coordinator", "discharging-department"]),
        }),
      )
      .max(10, "must have at most 10 steps"),
  }),
});
const commitmentInput = z.object({
  task: z.string().max(TEXT_LIMITS.reason),
  responsible: party,
  from: date,
  until: date.nullable(),
  indicatorIds: z.array(z.string().max(TEXT_LIMITS.identifier)).max(20),
  resources: z.array(z.discriminatedUnion("kind", [money, staff])).max(20),
  handoverRule: handoverRule.nullable(),
});
export const contentInput = z.object({
  title: z.string().max(TEXT_LIMITS.name),
  summary: z.string().max(TEXT_LIMITS.note),
  public: z.boolean(),
  commitments: z.array(commitmentInput).max(50),
});
export const version = z
  .number({ error: "must be the version read (a whole number)" })
  .int()
  .min(1);
export const status = z.enum(STATUSES);

const resourceOut = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("money"),
    /** Kroner per year in whole øre. */
    amountOre: z.number().int(),
    currency: z.literal("DKK"),
    from: party,
    to: party,
  }),
  z.object({
    kind: z.literal("staff"),
    /** Full-time equivalents in hundredths. */
    fteHundredths: z.number().int(),
    from: party,
    to: party,
  }),
]);
const commitment = commitmentInput.extend({ resources: z.array(resourceOut) });
const bodyRef = z.object({ id: z.string(), name: z.string(), kind: z.string() });
const changeBy = {
  at: z.string(),
  byName: z.string().nullable(),
  byOrganisation: z.string().nullable(),
  byRole: z.string().nullable(),
};
export const agreementSummary = z.object({
  id: z.string(),
  body: bodyRef,
  status,
  version: z.number(),
  title: z.string(),
  summary: z.string(),
  public: z.boolean(),
  commitmentCount: z.number(),
  changedAt: z.string(),
});
export const agreementList = z.object({
  body: bodyRef,
  /** Whether the reader may start a new draft. */
  mayDraft: z.boolean(),
  agreements: z.array(agreementSummary),
});
export const agreementView = agreementSummary.extend({
  commitments: z.array(commitment),
  steps: z.array(z.object({ ...changeBy, status, version: z.number() })),
  versions: z.array(
    z.object({
      ...changeBy,
      version: z.number(),
      status,
      change: z.enum(["created", "edited", "step"]),
      title: z.string(),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      text: z.string(),
      at: z.string(),
      byName: z.string(),
      byOrganisation: z.string(),
    }),
  ),
  may: z.object({ edit: z.boolean(), step: status.nullable(), comment: z.boolean() }),
});
