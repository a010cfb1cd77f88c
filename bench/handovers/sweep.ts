/** The sweeper: exactly N overdue handovers made due, one sweep timed, every escalation checked. */

import { randomUUID } from "node:crypto";
import { type Insertable, sql } from "kysely";
import {
  DEFAULT_RULES,
  escalationDueAt,
  type Sector,
  unresolvedAt,
} from "../../src/handovers/model.ts";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { notifyHandoverEvents } from "../../src/notifications/sink.ts";
import type { Database } from "../../src/platform/db/database.ts";
import type { HandoverTable, HospitalStayTable } from "../../src/platform/db/schema.ts";
import { countDue } from "./load.ts";
import { failures, fixed, rows, sweepSize, TARGETS, timed } from "./report.ts";

// ---------------------------------------------------------------------------
// The sweeper: exactly N open handovers due (new discharges of the loaded
// citizens, to their real receivers, deadlines passed 1 minute to 16 hours
// ago, so some have one ladder step due and many all three), one sweep timed.

export async function sweeperRun(db: Database, now: Date) {
  const own = await db.selectFrom("handoverRule").select("bodyId").execute();
  if (own.length > 0) throw new Error("the sweep's expected steps assume the default rules");
  const before = await countDue(db, now);
  if (before !== 0) throw new Error(`${before} handovers still due after the catch-up sweep`);

  const sources = await sql<{
    citizenId: string;
    hospitalId: string;
    departmentOrganisationId: string | null;
    dischargingOrganisationId: string | null;
    municipalityOrg: string;
    municipalityCode: string;
    municipalityBody: string | null;
    practiceOrg: string;
    practiceId: string;
    practiceBody: string | null;
  }>`
    select s.citizen_id as "citizenId", s.hospital_id as "hospitalId",
      s.department_organisation_id as "departmentOrganisationId",
      m.discharging_organisation_id as "dischargingOrganisationId",
      m.receiver_organisation_id as "municipalityOrg",
      m.receiver_municipality_code as "municipalityCode", m.body_id as "municipalityBody",
      g.receiver_organisation_id as "practiceOrg", g.receiver_practice_id as "practiceId",
      g.body_id as "practiceBody"
    from hospital_stay s
    join handover m on m.stay_id = s.id and m.sector = 'municipality'
    join handover g on g.stay_id = s.id and g.sector = 'general-practice'
    where s.status = 'discharged'
    order by s.id
    limit ${sweepSize / 2}`.execute(db);
  if (sources.rows.length === 0) throw new Error("no discharged stay with both handovers");

  const expected = new Map<string, { steps: number; deadline: Date; sector: Sector }>();
  const stays: Insertable<HospitalStayTable>[] = [];
  const handovers: Insertable<HandoverTable>[] = [];
  for (let j = 0; j < sweepSize; j++) {
    const source = sources.rows[Math.floor(j / 2) % sources.rows.length];
    if (!source) throw new Error("unreachable: sources is not empty");
    const sector: Sector = j % 2 === 0 ? "municipality" : "general-practice";
    // 1 minute to 16 hours overdue (37 is prime to 960, so every minute is used).
    const deadlineAt = new Date(now.getTime() - (1 + ((j * 37) % 960)) * 60_000);
    const dischargedAt = new Date(deadlineAt.getTime() - 4 * 3_600_000);
    // A new stay for each pair: a handover is unique per stay and sector.
    if (sector === "municipality")
      stays.push({
        id: randomUUID(),
        citizenId: source.citizenId,
        hospitalId: source.hospitalId,
        departmentOrganisationId: source.departmentOrganisationId,
        admittedAt: new Date(dischargedAt.getTime() - 3 * 86_400_000),
        dischargedAt,
        endedAt: dischargedAt,
        episodeKey: null,
        status: "discharged",
        encounterClass: "inpatient",
        diedAt: null,
        senderOrganisationId: null,
      });
    const stayId = stays[stays.length - 1]?.id as string;
    const rule = DEFAULT_RULES[sector];
    let steps = 0;
    while ((escalationDueAt(deadlineAt, rule, steps)?.getTime() ?? Infinity) <= now.getTime())
      steps++;
    const id = randomUUID();
    expected.set(id, { steps, deadline: deadlineAt, sector });
    const municipal = sector === "municipality";
    handovers.push({
      id,
      stayId,
      citizenId: source.citizenId,
      sector,
      receiverOrganisationId: municipal ? source.municipalityOrg : source.practiceOrg,
      receiverMunicipalityCode: municipal ? source.municipalityCode : null,
      receiverPracticeId: municipal ? null : source.practiceId,
      dischargingOrganisationId: source.dischargingOrganisationId,
      dischargingHospitalId: source.hospitalId,
      bodyId: municipal ? source.municipalityBody : source.practiceBody,
      dischargedAt,
      deadlineAt,
      nextEscalationAt: escalationDueAt(deadlineAt, rule, 0),
      note: null,
      statusReason: null,
    });
  }
  for (let i = 0; i < stays.length; i += 1000)
    await db
      .insertInto("hospitalStay")
      .values(stays.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < handovers.length; i += 1000) {
    const batch = handovers.slice(i, i + 1000);
    await db.insertInto("handover").values(batch).execute();
    // As a discharge writes them, so the history reads the same as a real one's.
    await db
      .insertInto("handoverTransition")
      .values(
        batch.map((h) => ({
          handoverId: h.id as string,
          kind: "created" as const,
          fromStatus: null,
          toStatus: "open",
          actorUserId: null,
          actorOrganisationId: null,
          reason: "discharge",
        })),
      )
      .execute();
  }
  const due = await countDue(db, now);
  if (due !== sweepSize) throw new Error(`made ${sweepSize} handovers due, but ${due} are`);

  // As in production, every escalation is told: a notification each, and a delivery queued
  // for each webhook that hears it (here every receiving municipality has one).
  const hooked = await addWebhooks(db, [...new Set(sources.rows.map((s) => s.municipalityOrg))]);
  const outboxBefore = await outboxCounts(db);
  const swept = await timed(() =>
    createSweeper(db, { clock: () => now, events: notifyHandoverEvents }).sweep(),
  );
  const outboxAfter = await outboxCounts(db);
  const ids = [...expected.keys()];
  const wanted = [...expected.values()].reduce((sum, e) => sum + e.steps, 0);
  const problems = await checkEscalations(db, now, expected);
  if (swept.value !== wanted)
    problems.push(`the sweep reported ${swept.value} escalations, ${wanted} were due`);
  if (problems.length > 0) failures.push(...problems.map((p) => `sweeper: ${p}`));
  const stepsHistogram = [1, 2, 3]
    .map((n) => `${fixed([...expected.values()].filter((e) => e.steps === n).length)} × ${n}`)
    .join(", ");
  rows.push({
    what: `sweeper: ${fixed(ids.length)} open handovers due (steps due per handover: ${stepsHistogram}), one \`sweep()\` (batches of 500)`,
    value: `${fixed(swept.seconds, 2)} s: ${fixed(swept.value)} escalations, ${fixed(ids.length / swept.seconds)} handovers/s`,
    target: `< ${TARGETS.sweepSeconds} s (${fixed(TARGETS.sweepHandovers)} handovers)`,
    met: swept.seconds < TARGETS.sweepSeconds,
  });
  const told = outboxAfter.notifications - outboxBefore.notifications;
  const queued = outboxAfter.deliveries - outboxBefore.deliveries;
  if (told === 0 || queued === 0)
    failures.push(`sweeper: ${told} notifications and ${queued} webhook deliveries written`);
  rows.push({
    what: `… inside it, in the same transactions: notifications, and deliveries for ${fixed(hooked)} municipal webhooks`,
    value: `${fixed(told)} notifications, ${fixed(queued)} deliveries queued`,
  });
  rows.push({
    what: "the same, checked in SQL",
    value:
      problems.length === 0
        ? `every handover got exactly the steps due (${fixed(wanted)} escalations, ${fixed(wanted)} escalated transitions, no step twice); none due afterwards`
        : `**${problems.length} problems** (below)`,
  });
}

async function addWebhooks(db: Database, organisationIds: string[]) {
  const existing = await db.selectFrom("webhook").select("organisationId").execute();
  const have = new Set(existing.map((w) => w.organisationId));
  const missing = organisationIds.filter((id) => !have.has(id));
  if (missing.length > 0)
    await db
      .insertInto("webhook")
      .values(
        missing.map((organisationId) => ({
          organisationId,
          url: "https://omsorg.example.dk/tovholder",
          description: "bench",
          events: ["handover.created", "handover.escalated", "handover.declined"],
          secretSealed: "v1.bench-never-sent",
          createdBy: null,
        })),
      )
      .execute();
  return organisationIds.length;
}

async function outboxCounts(db: Database) {
  const { rows: counted } = await sql<{ notifications: string; deliveries: string }>`
    select (select count(*) from notification) as notifications,
      (select count(*) from webhook_delivery) as deliveries`.execute(db);
  return {
    notifications: Number(counted[0]?.notifications),
    deliveries: Number(counted[0]?.deliveries),
  };
}

/** Each due handover escalated exactly the steps due, once each, and advanced past them. */
export async function checkEscalations(
  db: Database,
  now: Date,
  expected: Map<string, { steps: number; deadline: Date; sector: Sector }>,
) {
  const ids = [...expected.keys()];
  const problems: string[] = [];
  const made = await sql<{ handoverId: string; n: number; distinctSteps: number; maxStep: number }>`
    select handover_id as "handoverId", count(*)::int as n,
      count(distinct step)::int as "distinctSteps", max(step) as "maxStep"
    from handover_escalation where handover_id = any(${ids}::uuid[])
    group by handover_id`.execute(db);
  const byId = new Map(made.rows.map((r) => [r.handoverId, r]));
  const state = await db
    .selectFrom("handover")
    .select(["id", "escalationStep", "nextEscalationAt"])
    .where("id", "in", ids)
    .execute();
  const stateById = new Map(state.map((s) => [s.id, s]));
  let wrong = 0;
  for (const [id, e] of expected) {
    const m = byId.get(id);
    const s = stateById.get(id);
    // After the last step, the next time is when it becomes unresolved (or none, once it is).
    const rule = DEFAULT_RULES[e.sector];
    const end = unresolvedAt(e.deadline, rule);
    const next =
      escalationDueAt(e.deadline, rule, e.steps) ?? (end.getTime() > now.getTime() ? end : null);
    const ok =
      (m?.n ?? 0) === e.steps &&
      (m?.distinctSteps ?? 0) === e.steps &&
      (e.steps === 0 || m?.maxStep === e.steps - 1) &&
      s?.escalationStep === e.steps &&
      (s.nextEscalationAt === null ? null : new Date(s.nextEscalationAt).getTime()) ===
        (next?.getTime() ?? null);
    if (!ok) wrong++;
  }
  if (wrong > 0) problems.push(`${wrong} handovers do not have exactly the steps due`);
  const transitions = await sql<{ n: number }>`
    select count(*)::int as n from handover_transition
    where kind = 'escalated' and handover_id = any(${ids}::uuid[])`.execute(db);
  const wanted = [...expected.values()].reduce((sum, e) => sum + e.steps, 0);
  if (transitions.rows[0]?.n !== wanted)
    problems.push(`${transitions.rows[0]?.n} escalated transitions, ${wanted} expected`);
  const left = await countDue(db, now);
  if (left !== 0) problems.push(`${left} handovers still due after the sweep`);
  return problems;
}
