import type { AdmissionRow, CitizenFacts, ResidencePeriod } from "./admission-store.ts";
import { admissionsOf, type DayRates, medicallyReadyCharge, type StayInput } from "./episodes.ts";
import {
  dayRates,
  exclusionRules,
  type IndicatorParameters,
  preventableClassifier,
} from "./parameters.ts";
import { ageBandOf, ageOn, danishDate, periodOf } from "./periods.ts";
import { type ExclusionRule, readmissionIndexes } from "./readmission.ts";

/**
 * One citizen's admissions as the indicators count them: the pure step between
 * the stays the database holds and the rows `indicator_admission` keeps.
 */

export type FactRules = {
  preventableGroupOf: (diagnosis: string | null) => string | null;
  exclusions: ExclusionRule[];
  rates: DayRates;
};

/** The rules the parameters (code lists, day rates) give. */
export function factRules(parameters: IndicatorParameters): FactRules {
  return {
    preventableGroupOf: preventableClassifier(parameters),
    exclusions: exclusionRules(parameters),
    rates: dayRates(parameters),
  };
}

/** Where the citizen lived, and which practice they were listed with, on a Danish date. */
export function residenceOn(periods: ResidencePeriod[], date: string): ResidencePeriod | null {
  return (
    periods.find(
      (p) =>
        (p.validFrom === null || p.validFrom <= date) && (p.validTo === null || p.validTo > date),
    ) ?? null
  );
}

export function admissionRows(
  citizen: CitizenFacts,
  stays: StayInput[],
  residence: ResidencePeriod[],
  rules: FactRules,
  now: Date,
): AdmissionRow[] {
  const admissions = admissionsOf(stays, now).sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime(),
  );
  const indexes = new Map(
    readmissionIndexes(admissions, rules.exclusions).map((i) => [i.firstStayId, i]),
  );
  const readmissionExcluded = (diagnosis: string | null) =>
    diagnosis !== null &&
    rules.exclusions.some((e) => e.appliesTo !== "index" && e.matches(diagnosis));
  return admissions.map((a, seq) => {
    const startDate = danishDate(a.startedAt);
    const endDate = a.endedAt ? danishDate(a.endedAt) : null;
    const atStart = residenceOn(residence, startDate);
    const atEnd = endDate ? residenceOn(residence, endDate) : null;
    const index = indexes.get(a.firstStayId);
    return {
      citizenId: citizen.id,
      seq,
      firstStayId: a.firstStayId,
      lastStayId: a.lastStayId,
      firstHospitalId: a.firstHospitalId,
      lastHospitalId: a.lastHospitalId,
      startedAt: a.startedAt,
      endedAt: a.endedAt,
      startMonth: periodOf("month", startDate),
      endMonth: endDate ? periodOf("month", endDate) : null,
      acute: a.acute,
      diagnosis: a.diagnosis,
      preventableGroup: rules.preventableGroupOf(a.diagnosis),
      diedDuring: a.diedDuring,
      daysAfterReady: a.daysAfterMedicallyReady,
      charge: medicallyReadyCharge(a.daysAfterMedicallyReady, rules.rates),
      isIndex: index !== undefined && index.excludedBy.length === 0,
      indexExcludedBy: index?.excludedBy ?? [],
      readmissionExcluded: readmissionExcluded(a.diagnosis),
      readmittedAt: index?.readmittedAt ?? null,
      sex: citizen.sex,
      ageBandAtStart: ageBandOf(ageOn(citizen.birthDate, startDate)),
      ageBandAtEnd: endDate ? ageBandOf(ageOn(citizen.birthDate, endDate)) : null,
      residenceAtStart: atStart?.municipalityCode ?? null,
      residenceAtEnd: atEnd?.municipalityCode ?? null,
      practiceAtStart: atStart?.practiceId ?? null,
      practiceAtEnd: atEnd?.practiceId ?? null,
    };
  });
}

/** A row as text that changes whenever anything the indicators count changes. */
export function rowSignature(row: AdmissionRow): string {
  return JSON.stringify([
    row.seq,
    row.firstStayId,
    row.lastStayId,
    row.firstHospitalId,
    row.lastHospitalId,
    row.startedAt.getTime(),
    row.endedAt?.getTime() ?? null,
    row.acute,
    row.diagnosis,
    row.preventableGroup,
    row.diedDuring,
    row.daysAfterReady,
    Number(row.charge),
    row.isIndex,
    [...row.indexExcludedBy],
    row.readmissionExcluded,
    row.readmittedAt?.getTime() ?? null,
    row.sex,
    row.ageBandAtStart,
    row.ageBandAtEnd,
    row.residenceAtStart,
    row.residenceAtEnd,
    row.practiceAtStart,
    row.practiceAtEnd,
  ]);
}

/** The months whose figures change when `before` becomes `after` (start and end months of rows that differ). */
export function changedMonths(before: AdmissionRow[], after: AdmissionRow[]): Set<string> {
  const signatures = (rows: AdmissionRow[]) => new Map(rows.map((r) => [rowSignature(r), r]));
  const old = signatures(before);
  const next = signatures(after);
  const months = new Set<string>();
  const add = (r: AdmissionRow) => {
    months.add(r.startMonth);
    if (r.endMonth) months.add(r.endMonth);
  };
  for (const [sig, row] of old) if (!next.has(sig)) add(row);
  for (const [sig, row] of next) if (!old.has(sig)) add(row);
  return months;
}
