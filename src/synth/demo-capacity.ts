import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy } from "../access/model.ts";
import { createOperatorAudit } from "../access/operator-audit.ts";
import type { FactInput } from "../governance/capacity-service.ts";
import { createCapacityService } from "../governance/capacity-service.ts";
import type { Database } from "../platform/db/database.ts";
import { createStructureService, danishDate } from "../structure/service.ts";
import { createRandom } from "./random.ts";

/**
 * Synthetic GP capacity (issue 22 §5) for the synthetic Denmark's practices:
 * 1–6 doctors, about 1,600 listed patients per doctor with a spread per
 * municipality (so some pass the default 1,900) and per practice, about one
 * practice in ten closed to new patients. Each draw is named by the practice
 * or municipality, so a practice's figures do not depend on which others exist.
 */
export const CAPACITY_PARAMETERS = {
  patientsPerDoctor: 1600,
  /** A municipality's level: uniform in [min, max] × patientsPerDoctor (1,200–2,080, mean 1,640; about a fifth above 1,900). */
  municipalityFactor: { min: 0.75, max: 1.3 },
  /** A practice's spread around its municipality's level: uniform ± this share. */
  practiceSpread: 0.12,
  doctors: [
    { value: 1, weight: 0.22 },
    { value: 2, weight: 0.24 },
    { value: 3, weight: 0.2 },
    { value: 4, weight: 0.16 },
    { value: 5, weight: 0.1 },
    { value: 6, weight: 0.08 },
  ],
  closedShare: 0.1,
} as const;

/** The facts' date: the first day of the month of the demo history's cut (fixed for a data folder). */
export function capacityAsOf(cutAt: number): string {
  return `${danishDate(cutAt).slice(0, 8)}01`;
}

export function syntheticCapacity(
  seed: number,
  practices: readonly { providerNumber: string; municipalityCode: string }[],
  asOf: string,
): FactInput[] {
  const p = CAPACITY_PARAMETERS;
  return practices.map(({ providerNumber, municipalityCode }) => {
    const area = createRandom(seed, `gp-capacity:municipality:${municipalityCode}`);
    const { min, max } = p.municipalityFactor;
    const level = p.patientsPerDoctor * (min + (max - min) * area.next());
    const random = createRandom(seed, `gp-capacity:practice:${providerNumber}`);
    const doctors = random.weighted(p.doctors);
    const spread = 1 - p.practiceSpread + 2 * p.practiceSpread * random.next();
    return {
      providerNumber,
      doctors,
      listedPatients: Math.round(doctors * level * spread),
      closedToNew: random.chance(p.closedShare),
      asOf,
    };
  });
}

/**
 * Gives every synthetic practice without capacity facts its synthetic facts,
 * through the capacity service, marked `synthetic` and audited as the demo
 * seed's. Idempotent: a practice that has facts gets none.
 */
export async function ensureDemoCapacity(db: Database, seed: number, cutAt: number) {
  const operatorAudit = createOperatorAudit(db, () => new Date(cutAt));
  const capacity = createCapacityService({
    db,
    access: createCitizenAccess(db, defaultAccessPolicy),
    structure: createStructureService(db),
    auditOperator: (e, tx) => operatorAudit({ ...e, resource: "gp-capacity" }, tx),
    clock: () => new Date(cutAt),
  });
  const practices = await capacity.syntheticPracticesWithoutFacts();
  if (practices.length === 0) return 0;
  const facts = syntheticCapacity(seed, practices, capacityAsOf(cutAt));
  await capacity.recordSynthetic("demo seed", facts);
  return facts.length;
}
