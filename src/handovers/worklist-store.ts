import { sql } from "kysely";
import { sealedFacts } from "../citizens/store.ts";
import type { Database } from "../platform/db/database.ts";
import { currentStays, currentStaysCount, type StaysFilter } from "./in-hospital-store.ts";
import {
  DUE_SOON_MS,
  type HandoverStatus,
  NEW_WITHIN_MS,
  OVERDUE_BOUNDS_MS,
  type Sector,
  WORKLIST_GROUPS,
  type WorklistGroup,
  type WorklistReader,
} from "./model.ts";
import { inCareOf } from "./responsible-body.ts";
import { localDate } from "./service-time.ts";
import { literal, type Page, withCitizen } from "./worklist-sql.ts";

/**
 * The worklists' SQL: what each organisation must act on (its citizens in
 * hospital are `in-hospital-store.ts`, what changed `change-feed-store.ts`).
 * Each list's rows carry their citizen's access facts and sealed name
 * (`sealedFacts` from the citizens store), so that naming them takes no second
 * round trip; only the citizens service opens a name, after the relation rules
 * allowed it.
 */

export type WorklistFilter = {
  /** One handover only (a single read goes through the same visibility as the list). */
  id?: string;
  /** Only these handovers (the grouped view's rows, read after they were chosen). */
  ids?: string[];
  municipalityCode?: string;
  practiceId?: string;
  dischargingHospitalId?: string;
  /** The handovers this body is responsible for on the Danish date of `now`. */
  bodyId?: string;
  statuses: HandoverStatus[];
  overdueOnly: boolean;
  /** Only those overdue or declined (a body secretariat's list). */
  overdueOrDeclined?: boolean;
  sector?: Sector;
  /** Newest discharge first; otherwise the soonest (or longest passed) deadline first. */
  newestFirst?: boolean;
  /** Whose list it is: decides each row's group (model.ts, `worklistGroup`). */
  reader: WorklistReader;
  /** Only the rows of this group. */
  group?: WorklistGroup;
  now: Date;
};

/** The handovers a filter selects, before ordering and paging. */
function selected(db: Database, f: WorklistFilter) {
  let q = db.selectFrom("handover as h").where("h.status", "in", literal(f.statuses));
  if (f.id) q = q.where("h.id", "=", f.id);
  if (f.ids) q = q.where("h.id", "in", f.ids.length > 0 ? f.ids : [NO_ID]);
  if (f.municipalityCode) q = q.where("h.receiverMunicipalityCode", "=", f.municipalityCode);
  if (f.practiceId) q = q.where("h.receiverPracticeId", "=", f.practiceId);
  if (f.dischargingHospitalId) q = q.where("h.dischargingHospitalId", "=", f.dischargingHospitalId);
  // A body's list: the handovers it is responsible for today, its own and those it took
  // over from an ended body (responsible-body.ts).
  if (f.bodyId) q = q.where(inCareOf("h", f.bodyId, localDate(f.now.getTime())));
  if (f.overdueOnly) q = q.where("h.deadlineAt", "<", f.now);
  if (f.overdueOrDeclined)
    q = q.where((eb) => eb.or([eb("h.status", "=", "declined"), eb("h.deadlineAt", "<", f.now)]));
  if (f.sector) q = q.where("h.sector", "=", f.sector);
  // Only an open handover is unresolved: a decline is an answer, and the hospital sends it on.
  if (f.group === "unresolved")
    q = q.where("h.status", "=", "open").where("h.unresolvedAt", "<=", f.now);
  else if (f.group)
    // Said twice: the column test lets the plan leave the unresolved out before the case runs.
    q = q
      .where((eb) =>
        eb.or([
          eb("h.unresolvedAt", "is", null),
          eb("h.unresolvedAt", ">", f.now),
          eb("h.status", "<>", "open"),
        ]),
      )
      .where(groupOf(f), "=", sql.lit(f.group));
  return q;
}

const NO_ID = "00000000-0000-0000-0000-000000000000";

/** The ladder step that reaches each reader (an escalation "to me"). */
const READER_TARGET: Record<WorklistReader, string> = {
  receiver: "receiver",
  hospital: "discharging-department",
  body: "body-coordinator",
};

/**
 * Each row's group for the filter's reader at its `now`: the SQL twin of
 * model.ts's `worklistGroup` (test/handovers/worklist-groups.test.ts holds
 * them to the same answers). The windows are half-open as there.
 */
export function groupOf(f: Pick<WorklistFilter, "reader" | "now">) {
  const now = sql`${f.now}::timestamptz`;
  const interval = (ms: number) => sql.raw(`interval '${ms / 1000} seconds'`);
  const [day, days, week] = OVERDUE_BOUNDS_MS;
  const overdue = (since: ReturnType<typeof sql>) => sql`case
      when ${now} - ${since} < ${interval(day)} then 'overdue-day'
      when ${now} - ${since} < ${interval(days)} then 'overdue-days'
      when ${now} - ${since} < ${interval(week)} then 'overdue-week'
      else 'overdue-older' end`;
  const declinedAt = sql`(select max(t.at) from handover_transition t
      where t.handover_id = h.id and t.kind = 'declined')`;
  const within = (at: ReturnType<typeof sql>, ms: number) =>
    sql`(${at} <= ${now} and ${at} > ${now} - ${interval(ms)})`;
  const declined =
    f.reader === "receiver"
      ? sql`'rest'`
      : sql`case when ${declinedAt} is null then 'rest'
          when ${within(declinedAt, NEW_WITHIN_MS)} then 'today'
          else ${overdue(declinedAt)} end`;
  const target = sql.lit(READER_TARGET[f.reader]);
  return sql<WorklistGroup>`case
    when h.status = 'declined' then ${declined}
    when h.status <> 'open' then null
    when h.unresolved_at <= ${now} then 'unresolved'
    when ${within(sql`h.discharged_at`, NEW_WITHIN_MS)}
      or (h.deadline_at >= ${now} and h.deadline_at < ${now} + ${interval(DUE_SOON_MS)})
      or (h.deadline_at < ${now} and exists (select 1 from handover_escalation e
        where e.handover_id = h.id and e.route = h.route and e.target = ${target}
          and ${within(sql`e.due_at`, NEW_WITHIN_MS)}))
      then 'today'
    when h.deadline_at < ${now} then ${overdue(sql`h.deadline_at`)}
    else 'rest' end`;
}

/** How long the worklist is (all pages), and how many of the receiver's citizens are in hospital now. */
function countsOf(db: Database, f: WorklistFilter, stays: StaysFilter) {
  const count = sql<string>`count(*)`.as("n");
  const inHospital = currentStays(db, stays);
  return [
    selected(db, f).select(count).as("total"),
    inHospital ? inHospital.select(count).as("inHospital") : sql<string>`0`.as("inHospital"),
  ] as const;
}

export async function worklistCounts(
  db: Database,
  f: WorklistFilter,
  stays: StaysFilter,
): Promise<{ total: number; inHospital: number }> {
  const row = await db.selectNoFrom(countsOf(db, f, stays)).executeTakeFirstOrThrow();
  return { total: Number(row.total), inHospital: Number(row.inHospital) };
}

/**
 * One page of a worklist: handovers with their stay and citizen ids, soonest
 * deadline first (or newest discharge), the id breaking ties so that pages
 * neither repeat nor skip a row.
 */
function pageOf(db: Database, f: WorklistFilter, page: Page) {
  const order = f.newestFirst ? "h.dischargedAt" : "h.deadlineAt";
  const direction = f.newestFirst ? "desc" : "asc";
  return selected(db, f)
    .innerJoin("organisation as r", "r.id", "h.receiverOrganisationId")
    .leftJoin("organisation as d", "d.id", "h.dischargingOrganisationId")
    .select([
      "h.id",
      "h.citizenId",
      "h.stayId",
      "h.sector",
      "h.status",
      "h.statusReason",
      "h.version",
      "h.dischargedAt",
      "h.deadlineAt",
      "h.escalationStep",
      "h.note",
      "h.updatedAt",
      "h.receiverOrganisationId",
      "h.dischargingOrganisationId",
      "r.name as receiverName",
      "d.name as dischargingName",
      "h.dischargingHospitalId as hospitalId",
      "h.unresolvedAt",
      groupOf(f).as("group"),
      // The decline's own words ("<reason>: <note>", decisions.ts), shown beside its reason.
      sql<string | null>`case when h.status = 'declined' then (select t.reason
        from handover_transition t where t.handover_id = h.id and t.kind = 'declined'
        order by t.id desc limit 1) end`.as("declineText"),
    ])
    .orderBy(order, direction)
    .orderBy("h.id", direction)
    .limit(page.limit)
    .offset(page.offset);
}

/**
 * The page with each citizen's facts, read after the page is cut (so a long
 * list reads the facts of the rows shown only) and ordered again, as a join
 * need not keep its input's order.
 */
function pageWithFacts(db: Database, f: WorklistFilter, page: Page) {
  const direction = f.newestFirst ? "desc" : "asc";
  return db
    .selectFrom(pageOf(db, f, page).as("p"))
    .innerJoin("citizen as c", "c.id", "p.citizenId")
    .selectAll("p")
    .select(sealedFacts("c").as("citizenFacts"))
    .orderBy(f.newestFirst ? "p.dischargedAt" : "p.deadlineAt", direction)
    .orderBy("p.id", direction);
}

export async function worklist(db: Database, f: WorklistFilter, page: Page) {
  return withCitizen(await pageWithFacts(db, f, page).execute());
}

/**
 * The worklist request's one statement: the page with its citizens' facts,
 * and the counts beside every row (computed once). An empty page carries no
 * counts, so they are asked for on their own then.
 */
export async function worklistPage(
  db: Database,
  f: WorklistFilter,
  stays: StaysFilter,
  page: Page,
) {
  const rows = await worklistPageStatement(db, f, stays, page).execute();
  const first = rows[0];
  const counts = first
    ? { total: Number(first.total), inHospital: Number(first.inHospital) }
    : await worklistCounts(db, f, stays);
  return { rows: withCitizen(rows), ...counts };
}

/** The statement itself, for the plan it gets (test/handovers/worklist-plans.test.ts). */
export function worklistPageStatement(
  db: Database,
  f: WorklistFilter,
  stays: StaysFilter,
  page: Page,
) {
  return pageWithFacts(db, f, page).select(countsOf(db, f, stays));
}

/**
 * The grouped default view in two statements: the first places every row of
 * the list in its group (`groupOf`) and keeps, per group, how many it holds
 * and the first `limit` ids of the groups shown (in the list's order); the
 * second reads those rows with their citizens' facts, as a page does. The
 * counts cover every group, so the rest's and the unresolved tabs can say
 * how many they hold without a request of their own.
 */
export async function groupedPage(
  db: Database,
  f: WorklistFilter,
  stays: StaysFilter,
  shown: readonly WorklistGroup[],
  limit: number,
) {
  const order = f.newestFirst ? sql`h.discharged_at desc, h.id desc` : sql`h.deadline_at, h.id`;
  const ranked = selected(db, { ...f, group: undefined }).select([
    "h.id",
    groupOf(f).as("grp"),
    sql<string>`row_number() over (partition by ${groupOf(f)} order by ${order})`.as("rn"),
    sql<string>`count(*) over (partition by ${groupOf(f)})`.as("n"),
  ]);
  const inHospital = currentStays(db, stays);
  const placed = await db
    .selectFrom(ranked.as("x"))
    .select(["x.id", "x.grp", "x.rn", "x.n"])
    .select(
      inHospital
        ? inHospital.select(sql<string>`count(*)`.as("c")).as("inHospital")
        : sql<string>`0`.as("inHospital"),
    )
    .where((eb) =>
      eb.or([
        eb("x.rn", "=", sql.lit("1")),
        eb.and([eb("x.rn", "<=", sql.lit(String(limit))), eb("x.grp", "in", literal(shown))]),
      ]),
    )
    .execute();
  const counts = Object.fromEntries(WORKLIST_GROUPS.map((g) => [g, 0])) as Record<
    WorklistGroup,
    number
  >;
  for (const p of placed) if (p.grp) counts[p.grp] = Number(p.n);
  const ids = placed.filter((p) => p.grp && shown.includes(p.grp)).map((p) => p.id);
  const rows = ids.length
    ? await worklist(db, { ...f, ids, group: undefined }, { limit: ids.length, offset: 0 })
    : [];
  const rank = new Map(placed.map((p) => [p.id, Number(p.rn)]));
  const at = (g: WorklistGroup | null) => (g ? shown.indexOf(g) : shown.length);
  rows.sort((a, b) => at(a.group) - at(b.group) || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  const inHospitalCount = placed[0]
    ? Number(placed[0].inHospital)
    : inHospital
      ? await currentStaysCount(db, stays)
      : 0;
  return { rows, counts, inHospital: inHospitalCount };
}
