import type { StayChange } from "../pathways/model.ts";
import type { Database } from "../platform/db/database.ts";
import { danishDate, type StructureService } from "../structure/service.ts";
import { deadlineOf, escalationDueAt } from "./model.ts";
import { ruleLookup } from "./rules-service.ts";
import type { NewHandover } from "./store.ts";

/**
 * Where a discharge's handovers go, and under which body: one to the home
 * municipality, one to the listed GP, each under the body that holds the
 * receiver's municipality on the discharge's own Danish date, and with that
 * body's rule. The date is the event's, never the day the message arrives or
 * is applied: a discharge at 23:50 on 31 December 2026 told on 2 January is
 * the cluster's, one at 00:10 on 1 January the council's. History stays true.
 */

type Receiver = {
  id: string;
  homeMunicipalityCode: string | null;
  listedPracticeId: string | null;
  deceasedAt: Date | string | null;
};

export async function handoverRowsFor(
  tx: Database,
  structure: StructureService,
  receivers: Receiver[],
  discharged: StayChange[],
  now: Date,
): Promise<NewHandover[]> {
  const byCitizen = new Map(receivers.map((r) => [r.id, r]));
  const parties = await structure.handoverParties(
    tx,
    receivers.flatMap((r) => (r.homeMunicipalityCode ? [r.homeMunicipalityCode] : [])),
    receivers.flatMap((r) => (r.listedPracticeId ? [r.listedPracticeId] : [])),
  );
  const placed = discharged.flatMap((change) => {
    const r = byCitizen.get(change.citizenId);
    // A discharge told after the citizen's death (messages out of order): nobody is to take over.
    if (!r || r.deceasedAt) return [];
    const dischargedAt = change.dischargedAt ?? now;
    const date = danishDate(dischargedAt);
    const municipality = r.homeMunicipalityCode
      ? parties.municipality.get(r.homeMunicipalityCode)
      : undefined;
    const practice = r.listedPracticeId ? parties.practice.get(r.listedPracticeId) : undefined;
    return [
      {
        change,
        dischargedAt,
        municipality: municipality && {
          ...municipality,
          bodyId: parties.bodyOf(municipality.municipalityCode, date),
        },
        practice: practice && {
          ...practice,
          practiceId: r.listedPracticeId,
          bodyId: parties.bodyOf(practice.municipalityCode, date),
        },
      },
    ];
  });
  const ruleOf = await ruleLookup(
    tx,
    placed.flatMap((p) => [p.municipality?.bodyId ?? null, p.practice?.bodyId ?? null]),
  );
  return placed.flatMap(({ change, dischargedAt, municipality, practice }) => {
    const base = {
      stayId: change.stayId,
      citizenId: change.citizenId,
      dischargingOrganisationId: change.departmentOrganisationId,
      dischargingHospitalId: change.hospitalId,
      dischargedAt,
      note: change.note ?? null,
    };
    const timed = (bodyId: string | null, sector: NewHandover["sector"]) => {
      const rule = ruleOf(bodyId, sector);
      const deadlineAt = deadlineOf(dischargedAt, rule);
      return { bodyId, deadlineAt, nextEscalationAt: escalationDueAt(deadlineAt, rule, 0) };
    };
    const rows: NewHandover[] = [];
    if (municipality)
      rows.push({
        ...base,
        sector: "municipality",
        receiverOrganisationId: municipality.organisationId,
        receiverMunicipalityCode: municipality.municipalityCode,
        receiverPracticeId: null,
        ...timed(municipality.bodyId, "municipality"),
      });
    if (practice)
      rows.push({
        ...base,
        sector: "general-practice",
        receiverOrganisationId: practice.organisationId,
        receiverMunicipalityCode: null,
        receiverPracticeId: practice.practiceId,
        ...timed(practice.bodyId, "general-practice"),
      });
    return rows;
  });
}

/**
 * The body a handover to this receiver belongs to for a discharge at
 * `dischargedAt`: the one holding the receiver's municipality (a practice's
 * own) on the discharge's Danish date. Null where no body held it then.
 */
export async function bodyOfDischarge(
  tx: Database,
  structure: StructureService,
  receiver: { municipalityCode: string | null } | { practiceId: string | null },
  dischargedAt: Date,
): Promise<string | null> {
  const municipalityCode = "municipalityCode" in receiver ? receiver.municipalityCode : null;
  const practiceId = "practiceId" in receiver ? receiver.practiceId : null;
  const parties = await structure.handoverParties(
    tx,
    municipalityCode ? [municipalityCode] : [],
    practiceId ? [practiceId] : [],
  );
  const code = municipalityCode ?? parties.practice.get(practiceId ?? "")?.municipalityCode;
  return code ? parties.bodyOf(code, danishDate(dischargedAt)) : null;
}
