/** Worklists: staff users over the body's organisations, measured over HTTP, and where the time goes. */

import { Writable } from "node:stream";
import { CamelCasePlugin, type CompiledQuery, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { createAdminService, operator } from "../../src/access/admin-service.ts";
import { defaultThrottlePolicy, type Role } from "../../src/access/model.ts";
import { createSessionService } from "../../src/access/session-service.ts";
import { createApp } from "../../src/app/server.ts";
import * as inHospitalStore from "../../src/handovers/in-hospital-store.ts";
import * as worklistStore from "../../src/handovers/worklist-store.ts";
import type { Database, DatabaseHandle } from "../../src/platform/db/database.ts";
import type { DB, OrganisationKind } from "../../src/platform/db/schema.ts";
import { DEMO_BODY } from "../../src/synth/living-demo.ts";
import { testConfig } from "../../test/support/access.ts";
import { medianMs, percentile } from "../support/stats.ts";
import { type ClientResult, clientProcess } from "./clients.ts";
import { pacedWindows } from "./paced.ts";
import {
  failures,
  fixed,
  ms,
  option,
  PAGE_SIZE,
  perKindLines,
  planLines,
  rows,
  size,
  timingLines,
} from "./report.ts";

// ---------------------------------------------------------------------------
// Worklists: 50 staff users over the organisations that have one in the
// body, each asking for its worklist back-to-back over HTTP.

export type WorklistOrg = { id: string; kind: OrganisationKind; name: string; items: number };
export type StaffUser = { org: WorklistOrg; role: Role; cookie: string };

/**
 * The body's organisations with a worklist, biggest worklist first within
 * each group: its municipalities and their units, its practices, the
 * hospitals that discharge its citizens and their departments, its secretariat.
 */
export async function worklistOrganisations(db: Database) {
  const live = ["open", "declined"] as const;
  const municipal = await db
    .selectFrom("organisation as o")
    .innerJoin("handover as h", "h.receiverMunicipalityCode", "o.municipalityCode")
    .select(["o.id", "o.kind", "o.name", (eb) => eb.fn.countAll<string>().as("items")])
    .where("o.kind", "in", ["municipality", "municipal_unit"])
    .where("h.bodyId", "=", DEMO_BODY)
    .where("h.status", "in", live)
    .groupBy(["o.id", "o.kind", "o.name"])
    // The municipalities themselves first, then their units.
    .orderBy((eb) => eb.case().when("o.kind", "=", "municipality").then(0).else(1).end())
    .orderBy("items", "desc")
    .orderBy("o.name")
    .execute();
  const practices = await db
    .selectFrom("organisation as o")
    .innerJoin("handover as h", "h.receiverPracticeId", "o.generalPracticeId")
    .select(["o.id", "o.kind", "o.name", (eb) => eb.fn.countAll<string>().as("items")])
    .where("o.kind", "=", "general_practice")
    .where("h.bodyId", "=", DEMO_BODY)
    .where("h.status", "in", live)
    .groupBy(["o.id", "o.kind", "o.name"])
    .orderBy("items", "desc")
    .orderBy("o.name")
    .execute();
  const hospitals = await db
    .selectFrom("organisation as o")
    .innerJoin("hospitalStay as s", "s.hospitalId", "o.hospitalId")
    .innerJoin("handover as h", "h.stayId", "s.id")
    .select(["o.id", "o.kind", "o.name", (eb) => eb.fn.countAll<string>().as("items")])
    .where("o.kind", "in", ["hospital", "hospital_department"])
    .where("h.bodyId", "=", DEMO_BODY)
    .where("h.status", "in", live)
    .groupBy(["o.id", "o.kind", "o.name"])
    .orderBy("items", "desc")
    .orderBy((eb) => eb.case().when("o.kind", "=", "hospital").then(0).else(1).end())
    .orderBy("o.name")
    .execute();
  const secretariat = await db
    .selectFrom("organisation as o")
    .select(["o.id", "o.kind", "o.name"])
    .where("o.kind", "=", "body_secretariat")
    .where("o.bodyId", "=", DEMO_BODY)
    .execute();
  const open = await db
    .selectFrom("handover")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("bodyId", "=", DEMO_BODY)
    .where("status", "in", live)
    .executeTakeFirstOrThrow();
  const typed = (r: { id: string; kind: OrganisationKind; name: string; items?: string }) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    items: Number(r.items ?? open.n),
  });
  return {
    municipal: municipal.map(typed),
    practices: practices.map(typed),
    hospitals: hospitals.map(typed),
    secretariat: secretariat.map(typed),
  };
}

/** How many of the users each group gets: roughly who works the worklists. */
export function share(users: number) {
  const secretariat = Math.max(1, Math.round(users * 0.12));
  const municipal = Math.round(users * 0.28);
  const practices = Math.round(users * 0.32);
  return {
    municipal,
    practices,
    hospitals: users - secretariat - municipal - practices,
    secretariat,
  };
}

export async function createStaff(db: Database, users: number): Promise<StaffUser[]> {
  const orgs = await worklistOrganisations(db);
  const counts = share(users);
  const admin = createAdminService(db);
  // Sessions are opened directly: password login is limited to 30 a minute from one
  // address, and argon2 is not what this measures.
  const sessions = createSessionService(db, {
    session: testConfig().session,
    throttle: defaultThrottlePolicy,
  });
  const staff: StaffUser[] = [];
  const roles: Record<keyof typeof counts, Role[]> = {
    municipal: ["coordinator", "clinician"],
    practices: ["clinician", "coordinator"],
    hospitals: ["clinician", "coordinator"],
    secretariat: ["coordinator", "coordinator", "body_lead"],
  };
  for (const group of Object.keys(counts) as (keyof typeof counts)[]) {
    const list = orgs[group];
    if (list.length === 0) throw new Error(`no ${group} organisation has a worklist`);
    for (let i = 0; i < counts[group]; i++) {
      const org = list[i % list.length] as WorklistOrg;
      const role = roles[group][i % roles[group].length] as Role;
      const username = `bench-${staff.length + 1}`;
      const user = await admin.createUser(
        {
          username,
          displayName: `Bench ${staff.length + 1}`,
          kind: "staff",
        },
        operator("bench"),
      );
      await admin.grant(username, org.id, role, operator("bench"));
      // One membership each, so the session acts in it from the start.
      const opened = await sessions.openSession(user.id, "password");
      staff.push({ org, role, cookie: opened.cookieValue });
    }
  }
  return staff;
}

export const discard = new Writable({ write: (_chunk, _encoding, done) => done() });

export async function worklists(database: DatabaseHandle, databaseUrl: string, masterKey: Buffer) {
  const db = database.db;
  const staff = await createStaff(db, size.users);
  // Logs go nowhere, but are still written: their cost is part of a real request.
  const app = await createApp(database, {
    masterKey,
    logger: { level: "info", stream: discard },
    config: testConfig({ demo: false }),
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const clients = clientProcess();
  try {
    const biggest = new Map<OrganisationKind, StaffUser>();
    for (const u of staff) {
      const b = biggest.get(u.org.kind);
      if (!b || u.org.items > b.org.items) biggest.set(u.org.kind, u);
    }
    // One user at a time first: what one request costs with nothing else running.
    const solo: { user: StaffUser; p50: number; auditRows: number }[] = [];
    for (const user of biggest.values()) {
      const auditBefore = await countAudit(db);
      const r = await clients.run({
        url,
        clients: [{ cookie: user.cookie, label: user.org.kind }],
        warmUp: 3,
        perClient: size.solo,
        maxSeconds: 30,
      });
      checkStatuses(r, `one ${user.org.kind} user`);
      const latencies = Object.values(r.latencies).flat();
      const requests = latencies.length + 3;
      solo.push({
        user,
        p50: percentile(latencies, 50),
        auditRows: ((await countAudit(db)) - auditBefore) / requests,
      });
    }

    await inHospitalTab(clients, url, biggest.get("municipality"));

    const r = await clients.run({
      url,
      clients: staff.map((u) => ({ cookie: u.cookie, label: u.org.kind })),
      warmUp: size.warmUp,
      perClient: size.requests,
      maxSeconds: size.maxSeconds,
    });
    checkStatuses(r, `${staff.length} users`);
    const all = Object.values(r.latencies).flat();
    const p99 = percentile(all, 99);
    const responses = all.length;
    rows.push({
      what: `capacity: worklist, ${staff.length} clients with no pause between requests (always ${staff.length} in flight), after ${size.warmUp} warm-up each: ${fixed(responses)} requests${responses < staff.length * size.requests ? ` (stopped by the ${size.maxSeconds} s limit)` : ""}`,
      value: `p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, p99 ${ms(p99)}, max ${ms(Math.max(...all))}; ${fixed(responses / r.seconds, 1)} req/s`,
    });
    rows.push({
      what: `the same: what the answers held (HTTP status: ${Object.entries(r.statuses)
        .map(([status, n]) => `${fixed(n)} × ${status}`)
        .join(", ")})`,
      value: `${fixed(r.items / responses, 1)} items per response (${fixed((100 * r.nonEmpty) / responses)} % non-empty, ${fixed((100 * r.named) / Math.max(1, r.items))} % with the citizen's name), ${fixed(r.total / responses, 1)} handovers on the whole list (${PAGE_SIZE} a page), ${fixed(r.inHospital / responses, 1)} citizens in hospital (their own tab and request)`,
    });
    await pacedWindows(clients, url, staff, checkStatuses);
    perKind(staff, r, solo);
    await whereTheTimeGoes(db, databaseUrl, solo);
  } finally {
    clients.close();
    await app.close();
  }
}

/** The receiver's other tab, "in hospital now": its own request, asked when the tab is opened. */
async function inHospitalTab(
  clients: ReturnType<typeof clientProcess>,
  url: string,
  user: StaffUser | undefined,
) {
  if (!user) return;
  const r = await clients.run({
    url,
    path: "/api/handovers/in-hospital",
    clients: [{ cookie: user.cookie, label: user.org.kind }],
    warmUp: 3,
    perClient: size.solo,
    maxSeconds: 30,
  });
  checkStatuses(r, "the in-hospital tab");
  const latencies = Object.values(r.latencies).flat();
  rows.push({
    what: `one user alone: the in-hospital tab (${user.org.name}, ${fixed(r.total / latencies.length)} citizens in hospital, ${PAGE_SIZE} a page)`,
    value: `p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`,
  });
}

export function checkStatuses(r: ClientResult, who: string) {
  const bad = Object.entries(r.statuses).filter(([status]) => status !== "200");
  if (bad.length > 0) failures.push(`${who}: responses other than 200: ${JSON.stringify(bad)}`);
}

export async function countAudit(db: Database) {
  const row = await db
    .selectFrom("auditLog")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function perKind(
  staff: StaffUser[],
  r: ClientResult,
  solo: { user: StaffUser; p50: number; auditRows: number }[],
) {
  perKindLines.push(
    "| acting as | users | organisations | largest worklist (open + declined) | p50 | p99 | one user alone, p50 | audit rows per request |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const [kind, latencies] of Object.entries(r.latencies)) {
    const users = staff.filter((u) => u.org.kind === kind);
    const alone = solo.find((s) => s.user.org.kind === kind);
    perKindLines.push(
      `| ${kind} | ${users.length} | ${new Set(users.map((u) => u.org.id)).size} | ${fixed(Math.max(...users.map((u) => u.org.items)))} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 99))} | ${alone ? ms(alone.p50) : ""} | ${alone ? fixed(alone.auditRows, 0) : ""} |`,
    );
  }
}

// ---------------------------------------------------------------------------
// Where a request's time goes: the worklist's two queries alone (the same SQL
// the service runs), against the whole request; with --explain, their plans.

export type Filter = Partial<worklistStore.WorklistFilter> &
  Pick<worklistStore.WorklistFilter, "reader">;

/** What `worklistScope` in src/handovers/worklist-service.ts decides for each kind. */
export async function scopeOf(db: Database, orgId: string): Promise<Filter> {
  const o = await db
    .selectFrom("organisation")
    .selectAll()
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  if (o.kind === "general_practice")
    return { practiceId: o.generalPracticeId ?? "", reader: "receiver" };
  if (o.kind === "municipality" || o.kind === "municipal_unit")
    return { municipalityCode: o.municipalityCode ?? "", reader: "receiver" };
  if (o.kind === "hospital" || o.kind === "hospital_department")
    return { dischargingHospitalId: o.hospitalId ?? "", reader: "hospital" };
  return { bodyId: o.bodyId ?? "", reader: "body" };
}

export async function whereTheTimeGoes(
  db: Database,
  url: string,
  solo: { user: StaffUser; p50: number; auditRows: number }[],
) {
  const captured: CompiledQuery[] = [];
  // A second connection that remembers the SQL Kysely sends, for EXPLAIN.
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const capturing = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  timingLines.push(
    "| acting as | worklist statement alone (page, counts, citizens' facts), median | in-hospital page alone (with facts), median | whole request alone, p50 |",
    "|---|---|---|---|",
  );
  try {
    for (const { user, p50 } of solo) {
      const scope = await scopeOf(db, user.org.id);
      const filter: worklistStore.WorklistFilter = {
        ...scope,
        statuses: ["open", "declined"],
        overdueOnly: false,
        newestFirst: false,
        ...(user.org.kind === "body_secretariat" ? { overdueOrDeclined: true } : {}),
        now: new Date(),
      };
      // The page's first page, as the web page asks for it.
      const page = { limit: PAGE_SIZE, offset: 0 };
      const stays = {
        ...(scope.municipalityCode ? { municipalityCode: scope.municipalityCode } : {}),
        ...(scope.practiceId ? { practiceId: scope.practiceId } : {}),
      };
      const worklistMs = await medianMs(() =>
        worklistStore.worklistPage(capturing, filter, stays, page),
      );
      const staysMs = await medianMs(() => inHospitalStore.currentStaysOf(capturing, stays, page));
      timingLines.push(
        `| ${user.org.kind} (${user.org.name}) | ${ms(worklistMs)} | ${stays.municipalityCode || stays.practiceId ? ms(staysMs) : "not asked"} | ${ms(p50)} |`,
      );
      if (option("explain")) {
        captured.length = 0;
        await worklistStore.worklistPage(capturing, filter, stays, page);
        await inHospitalStore.currentStaysOf(capturing, stays, page);
        for (const q of captured) {
          const plan = await pool.query<{ "QUERY PLAN": string }>(
            `explain (analyze, buffers) ${q.sql}`,
            [...q.parameters],
          );
          planLines.push(
            `${user.org.kind} (${user.org.name}):`,
            "```",
            q.sql,
            ...plan.rows.map((p) => p["QUERY PLAN"]),
            "```",
          );
        }
      }
    }
  } finally {
    await capturing.destroy();
  }
}
