import { danishDate, danishMidnight } from "../indicators/periods.ts";
import type { InitiativeEffect } from "./initiative-effect.ts";
import { PARAMETERS } from "./parameters.ts";

/**
 * The demo body's running initiative as both its sides read it: the
 * initiative the demo seed makes through the governance services
 * (demo-initiatives.ts) and the effect the living demo's generator puts into
 * the history (living-demo.ts). One copy of the indicator, age band,
 * municipalities, start and relative risk, so the page measures what the data
 * was given.
 */
export const DEMO_READMISSION_INITIATIVE = {
  id: "demo-readmissions-65",
  indicatorId: "acute-readmission-30d",
  ageBand: "65+",
  minimumAge: 65,
  /** Næstved and Slagelse; the cluster's other municipalities are the comparison. */
  municipalityCodes: ["370", "330"],
  /** The initiative started this many days before the demo was seeded (and its history cut). */
  startDaysBefore: 120,
  relativeRisk: PARAMETERS.initiativeReadmissionRelativeRisk,
} as const;

const DAY = 86_400_000;

/** The initiative's start date (Danish calendar) for a demo seeded at `now`. */
export function demoInitiativeStart(now: number): string {
  return danishDate(new Date(now - DEMO_READMISSION_INITIATIVE.startDaysBefore * DAY));
}

/** The effect of the demo's initiative on a history cut at `cutAt`: from Danish midnight of its start. */
export function demoInitiativeEffect(cutAt: number): InitiativeEffect {
  const i = DEMO_READMISSION_INITIATIVE;
  return {
    id: i.id,
    municipalityCodes: i.municipalityCodes,
    minimumAge: i.minimumAge,
    from: danishMidnight(demoInitiativeStart(cutAt)).getTime(),
    relativeRisk: i.relativeRisk,
  };
}
