import { z } from "zod";
import { TEXT_LIMITS } from "../platform/http/input-limits.ts";
import { INITIATIVE_STATUSES, OUTCOMES } from "./initiative-model.ts";

/** The Zod schemas of the initiatives' API: the edge checks shape; initiative-model.ts checks meaning. */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
/** A decimal as text ("450000.50") or a number; the model refuses negatives and a third decimal. */
const decimal = z.union([z.string().max(30), z.number()]);
const milestone = z.object({
  title: z.string().max(TEXT_LIMITS.reason),
  due: date,
  done: z.boolean(),
});
export const initiativeInput = z.object({
  title: z.string().max(TEXT_LIMITS.name),
  goal: z.string().max(TEXT_LIMITS.note),
  public: z.boolean(),
  /** One of the indicator definitions; null is refused naming this field. */
  indicatorId: z.string().max(TEXT_LIMITS.identifier).nullable(),
  ageBand: z.string().max(TEXT_LIMITS.identifier).nullable(),
  /** Percent for a share, per 1000 for a rate. */
  baseline: decimal,
  target: decimal,
  municipalityCodes: z.array(z.string().max(TEXT_LIMITS.identifier)).max(100),
  practices: z.array(z.string().max(TEXT_LIMITS.name)).max(100),
  budget: z
    .array(
      z.object({
        party: z.string().max(TEXT_LIMITS.name),
        /** Kroner; refused when negative or with more than two decimals. */
        amount: decimal,
        /** Only kr. (DKK). */
        currency: z.string().max(10),
      }),
    )
    .max(20),
  start: date,
  end: date,
  milestones: z.array(milestone).max(50),
});
export const initiativeStatus = z.enum(INITIATIVE_STATUSES);
export const evaluation = z.object({
  outcome: z.enum(OUTCOMES),
  text: z.string().max(TEXT_LIMITS.note),
});

const bodyRef = z.object({ id: z.string(), name: z.string(), kind: z.string() });
export const initiativeSummary = z.object({
  id: z.string(),
  body: bodyRef,
  status: initiativeStatus,
  version: z.number(),
  title: z.string(),
  goal: z.string(),
  public: z.boolean(),
  indicatorId: z.string(),
  start: z.string(),
  end: z.string(),
  changedAt: z.string(),
});
export const initiativeList = z.object({
  body: bodyRef,
  /** Whether the reader may start a new initiative. */
  mayCreate: z.boolean(),
  initiatives: z.array(initiativeSummary),
});
export const initiativeView = initiativeSummary.extend({
  ageBand: z.string().nullable(),
  baseline: z.number(),
  target: z.number(),
  municipalityCodes: z.array(z.string()),
  practices: z.array(z.string()),
  budget: z.array(
    z.object({ party: z.string(), amountOre: z.number().int(), currency: z.literal("DKK") }),
  ),
  budgetTotalOre: z.number().int(),
  milestones: z.array(milestone),
  evaluation: evaluation.nullable(),
  versions: z.array(
    z.object({
      version: z.number(),
      status: initiativeStatus,
      change: z.enum(["created", "edited", "status"]),
      at: z.string(),
      byName: z.string().nullable(),
      byOrganisation: z.string().nullable(),
      byRole: z.string().nullable(),
    }),
  ),
  may: z.object({ edit: z.boolean(), step: initiativeStatus.nullable() }),
});

const pooled = z.object({
  numerator: z.number(),
  denominator: z.number(),
  /** Percent for a share, per 1000 for a rate. */
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  rows: z.number(),
  /** Rows skipped because the engine suppressed them (small cells). */
  skipped: z.number(),
});
export const initiativeEffect = z.object({
  indicator: z.object({
    id: z.string(),
    valueKind: z.enum(["share", "per-1000"]),
    higherIsBetter: z.boolean(),
  }),
  ageBand: z.string().nullable(),
  baseline: z.number(),
  target: z.number(),
  minDenominator: z.number(),
  computedAt: z.string().nullable(),
  windows: z.object({
    before: z.array(z.string()),
    after: z.array(z.string()),
    /** Months after the start left out: their figures are not yet final. */
    notFinal: z.array(z.string()),
  }),
  participants: z.object({ codes: z.array(z.string()), before: pooled, after: pooled }),
  comparison: z.object({
    codes: z.array(z.string()),
    basis: z.enum(["body", "region"]),
    before: pooled,
    after: pooled,
  }),
  verdict: z.enum(["too-few-to-tell", "improved", "worsened"]),
});
