import { randomUUID } from "node:crypto";
import type { Database } from "../../src/platform/db/database.ts";

/**
 * Citizens and stays written straight into the tables, for indicator tests
 * whose expected values are worked out by hand: no names, no CPR numbers
 * (the sealed columns hold a placeholder), synthetic throughout.
 */

export async function insertCitizen(
  db: Database,
  p: { born: string; sex?: "female" | "male"; municipality: string; diedAt?: string },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("citizen")
    .values({
      id,
      cprHash: randomUUID(),
      cprEncrypted: "sealed",
      nameEncrypted: "sealed",
      birthDate: p.born,
      sex: p.sex ?? "female",
      homeMunicipalityCode: p.municipality,
      listedPracticeId: null,
      synthetic: true,
      deceasedAt: p.diedAt ? new Date(p.diedAt) : null,
    })
    .execute();
  return id;
}

export type StaySpec = {
  from: string;
  to: string;
  hospital: string;
  acute?: boolean;
  diagnosis?: string;
  died?: boolean;
  ready?: string;
};

export async function insertStay(db: Database, citizenId: string, p: StaySpec): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("hospitalStay")
    .values({
      id,
      citizenId,
      hospitalId: p.hospital,
      departmentOrganisationId: null,
      admittedAt: new Date(p.from),
      dischargedAt: p.died ? null : new Date(p.to),
      diedAt: p.died ? new Date(p.to) : null,
      endedAt: new Date(p.to),
      status: p.died ? "deceased" : "discharged",
      encounterClass: "inpatient",
      episodeKey: null,
      senderOrganisationId: null,
    })
    .execute();
  await db
    .insertInto("stayClinicalFact")
    .values({
      stayId: id,
      primaryDiagnosis: p.diagnosis ?? "I50.9",
      preventableGroup: null,
      admissionKind: p.acute === false ? "planned" : "acute",
      medicallyReadyAt: p.ready ? new Date(p.ready) : null,
      synthetic: true,
    })
    .execute();
  return id;
}

export async function hospitalIdNamed(db: Database, part: string): Promise<string> {
  const row = await db
    .selectFrom("hospital")
    .select("id")
    .where("name", "like", `%${part}%`)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The municipality's own organisation: the receiver of its handovers. */
export async function municipalityOrganisationId(db: Database, code: string): Promise<string> {
  const row = await db
    .selectFrom("organisation")
    .select("id")
    .where("kind", "=", "municipality")
    .where("municipalityCode", "=", code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An ISO instant `h` hours after `iso`. */
export function hoursAfter(iso: string, h: number): string {
  return new Date(new Date(iso).getTime() + h * 3_600_000).toISOString();
}

export type HandoverSpec = {
  stayId: string;
  citizenId: string;
  sector: "municipality" | "general-practice";
  receiverOrganisationId: string;
  municipalityCode?: string;
  practiceId?: string;
  hospital: string;
  dischargedAt: string;
  deadlineAt: string;
  confirmedAt?: string;
  /** The decline's recorded reason, "code" or "code: note". */
  declined?: { at: string; reason: string };
  closed?: boolean;
  /** The whole history instead (ordered), with the status it leaves: for undone decisions. */
  history?: {
    transitions: {
      kind: "confirmed" | "declined" | "undone" | "unresolved";
      at: string;
      reason?: string;
      to: string;
    }[];
    status: "open" | "confirmed" | "declined";
  };
};

/** A handover and the transitions that matter to the loop's figures, as the handovers service records them. */
export async function insertHandover(db: Database, h: HandoverSpec): Promise<string> {
  const status = h.history
    ? h.history.status
    : h.closed
      ? "closed"
      : h.confirmedAt
        ? "confirmed"
        : h.declined
          ? "declined"
          : "open";
  const row = await db
    .insertInto("handover")
    .values({
      stayId: h.stayId,
      citizenId: h.citizenId,
      sector: h.sector,
      receiverOrganisationId: h.receiverOrganisationId,
      receiverMunicipalityCode: h.sector === "municipality" ? (h.municipalityCode ?? null) : null,
      receiverPracticeId: h.sector === "general-practice" ? (h.practiceId ?? null) : null,
      dischargingOrganisationId: null,
      dischargingHospitalId: h.hospital,
      bodyId: null,
      dischargedAt: new Date(h.dischargedAt),
      deadlineAt: new Date(h.deadlineAt),
      note: null,
      status,
      statusReason: h.declined?.reason ?? null,
      nextEscalationAt: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const transitions = h.history?.transitions.map((t) => ({ reason: null, ...t })) ?? [
    ...(h.declined
      ? [
          {
            kind: "declined" as const,
            at: h.declined.at,
            reason: h.declined.reason,
            to: "declined",
          },
        ]
      : []),
    ...(h.confirmedAt
      ? [{ kind: "confirmed" as const, at: h.confirmedAt, reason: null, to: "confirmed" }]
      : []),
  ];
  for (const t of transitions)
    await db
      .insertInto("handoverTransition")
      .values({
        handoverId: row.id,
        kind: t.kind,
        fromStatus: "open",
        toStatus: t.to,
        at: new Date(t.at),
        actorUserId: null,
        actorOrganisationId: h.receiverOrganisationId,
        reason: t.reason,
      })
      .execute();
  return row.id;
}
