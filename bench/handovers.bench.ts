/**
 * Handover benchmark (issue 6's speed targets): with a cluster-scale year
 * loaded on PostgreSQL, a worklist request (`GET /api/handovers`) has p99
 * under 50 ms with 50 concurrent users; the sweeper escalates 10,000 overdue
 * handovers in under 5 seconds. Run with `npm run bench:handovers`
 * (`-- --quick` for a CI-sized smoke run, `-- --explain` for the worklist
 * queries' plans, `-- --keep` to keep the scratch database). Prints a
 * Markdown report for bench/RESULTS.md; exits 0 whether targets are met or
 * not, and non-zero only when something broke (a response other than 200,
 * an escalation missing or made twice).
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import {
  CamelCasePlugin,
  type CompiledQuery,
  type Insertable,
  Kysely,
  PostgresDialect,
  sql,
} from "kysely";
import pg from "pg";
import { createAdminService } from "../src/access/admin-service.ts";
import { SESSION_COOKIE } from "../src/access/authenticate.ts";
import { defaultThrottlePolicy, type Role } from "../src/access/model.ts";
import { createSessionService } from "../src/access/session-service.ts";
import { createCipher } from "../src/citizens/crypto.ts";
import { DEFAULT_RULES, escalationDueAt, type Sector } from "../src/handovers/model.ts";
import { createSweeper } from "../src/handovers/sweeper.ts";
import * as worklistStore from "../src/handovers/worklist-store.ts";
import { type Database, type DatabaseHandle, openDatabase } from "../src/platform/db/database.ts";
import type {
  DB,
  HandoverTable,
  HospitalStayTable,
  OrganisationKind,
} from "../src/platform/db/schema.ts";
import { createApp, prepareDatabase, projectRoot } from "../src/platform/server.ts";
import { generate, parseScope } from "../src/synth/generate.ts";
import { DEMO_CLUSTER, DEMO_SCOPE, DEMO_SEED } from "../src/synth/living-demo.ts";
import { loadSynthetic } from "../src/synth/load.ts";
import { loadDepsFor } from "../src/synth/load-deps.ts";
import { testConfig } from "../test/support/access.ts";
import { scratchDatabaseUrl } from "../test/support/database.ts";
import { postgresUnreachable } from "./support/engines.ts";
import { percentile } from "./support/stats.ts";

/** A command-line flag, or the same as an environment variable: `--quick` or BENCH_QUICK=1. */
const option = (name: string) =>
  process.argv.includes(`--${name}`) ||
  ["1", "true", "yes"].includes(process.env[`BENCH_${name.toUpperCase()}`] ?? "");
const quick = option("quick");
const postgresUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TARGETS = { worklistP99Ms: 50, worklistUsers: 50, sweepSeconds: 5, sweepHandovers: 10_000 };
const size = quick
  ? { scale: 0.1, users: 10, warmUp: 3, requests: 30, maxSeconds: 30, solo: 10, paced: 10 }
  : { scale: 1, users: 50, warmUp: 3, requests: 100, maxSeconds: 120, solo: 15, paced: 30 };
const sweepSize = quick ? 1_000 : TARGETS.sweepHandovers;
const YEAR_MS = Math.round(365.25 * 86_400_000);

// ---------------------------------------------------------------------------
// The load generator runs in a child process (this file with --client), so
// that parsing 50 clients' responses does not queue on the server's event
// loop and count as server latency; both still share the machine's cores.

type ClientJob = {
  url: string;
  clients: { cookie: string; label: string }[];
  warmUp: number;
  perClient: number;
  maxSeconds: number;
  /**
   * Paced instead of back-to-back: each client asks at random moments, on
   * average this many ms apart (a Poisson process), as people with the page
   * open do; a late answer delays only that client's next request.
   */
  meanIntervalMs?: number;
};

type ClientResult = {
  seconds: number;
  /** Per label (organisation kind): the measured latencies, ms. */
  latencies: Record<string, number[]>;
  statuses: Record<string, number>;
  items: number;
  named: number;
  inHospital: number;
  /** Responses whose worklist had at least one item. */
  nonEmpty: number;
};

async function runClients(job: ClientJob): Promise<ClientResult> {
  const result: ClientResult = {
    seconds: 0,
    latencies: {},
    statuses: {},
    items: 0,
    named: 0,
    inHospital: 0,
    nonEmpty: 0,
  };
  const one = async (cookie: string) => {
    const started = performance.now();
    const response = await fetch(`${job.url}/api/handovers`, {
      headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    });
    // The answer counts as arrived when its body has; parsing it is the client's own work.
    const text = await response.text();
    const ms = performance.now() - started;
    return { ms, status: response.status, text };
  };
  await Promise.all(
    job.clients.map(async (c) => {
      for (let i = 0; i < job.warmUp; i++) await one(c.cookie);
    }),
  );
  const started = performance.now();
  const deadline = started + job.maxSeconds * 1000;
  await Promise.all(
    job.clients.map(async (c) => {
      const mine: number[] = [];
      result.latencies[c.label] ??= [];
      const pause = () => -Math.log(1 - Math.random()) * (job.meanIntervalMs ?? 0);
      let nextAt = started + pause();
      for (let i = 0; i < job.perClient && performance.now() < deadline; i++) {
        if (job.meanIntervalMs !== undefined) {
          if (nextAt >= deadline) break;
          const wait = nextAt - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          nextAt += pause();
        }
        const r = await one(c.cookie);
        result.statuses[r.status] = (result.statuses[r.status] ?? 0) + 1;
        mine.push(r.ms);
        if (r.status !== 200) continue;
        const body = JSON.parse(r.text) as {
          items: { citizenName: string | null }[];
          inHospital: unknown[];
        };
        result.items += body.items.length;
        result.named += body.items.filter((item) => item.citizenName !== null).length;
        result.inHospital += body.inHospital.length;
        if (body.items.length > 0) result.nonEmpty++;
      }
      result.latencies[c.label]?.push(...mine);
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function clientProcess() {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["--client"]);
  return {
    run: (job: ClientJob) =>
      new Promise<ClientResult>((resolve, reject) => {
        child.once("message", (m) => resolve(m as ClientResult));
        child.once("exit", (code) => reject(new Error(`the client process exited (${code})`)));
        child.send(job);
      }),
    close: () => child.disconnect(),
  };
}

// ---------------------------------------------------------------------------

type Row = { what: string; value: string; target?: string; met?: boolean };
const rows: Row[] = [];
const notes: string[] = [];
const fixed = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (n: number) => `${fixed(n, 1)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const why = await postgresUnreachable(postgresUrl);
  if (why !== null) {
    console.log(`## Handover benchmark: skipped, PostgreSQL not reachable (${why})`);
    return;
  }
  const scratch = await scratchDatabaseUrl(postgresUrl);
  // The server's default pool (DATABASE_POOL_SIZE), as one production process would have it.
  const database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 10 });
  const masterKey = randomBytes(32);
  let machine: string[] = [];
  try {
    machine = await describeMachine(database.db);
    await prepareDatabase(database, path.join(projectRoot, "data/denmark-health-structure.json"));
    const cutAt = Math.floor(Date.now() / 60_000) * 60_000;
    await loadYear(database.db, masterKey, cutAt);
    // One instant for both sweeps, so that nothing falls due between them while the
    // worklists are measured and the count of due handovers is exactly what was made.
    const now = new Date();
    await catchUp(database.db, now);
    await worklists(database, scratch.url, masterKey);
    await sweeperRun(database.db, now);
  } finally {
    await database.close();
    if (option("keep")) notes.push(`Kept the scratch database: ${scratch.url}`);
    else await scratch.drop();
  }
  report(machine);
  if (failures.length > 0) {
    console.error(failures.join("\n"));
    process.exitCode = 1;
  }
}

const failures: string[] = [];

async function describeMachine(db: Database) {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? "unknown";
  const version = await db
    .selectNoFrom((eb) => eb.fn<string>("version", []).as("v"))
    .executeTakeFirstOrThrow();
  const autovacuum = await sql<{ autovacuum: string }>`show autovacuum`.execute(db);
  return [
    `- CPU: ${availableParallelism()} × ${model} (nproc ${availableParallelism()})`,
    `- Memory: ${fixed(totalmem() / 2 ** 30, 1)} GiB; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")}`,
    `- Node.js ${process.version} on ${process.platform}`,
    `- PostgreSQL: ${version.v.split(" on ")[0] ?? version.v} (autovacuum ${autovacuum.rows[0]?.autovacuum}), on the same machine`,
  ];
}

// ---------------------------------------------------------------------------
// The cluster's year, as the living demo makes it (a year up to now, cut now,
// so that recent discharges are still within their deadlines and some citizens
// are in hospital), loaded through `synth load`'s path: real handovers on each
// discharge, the history's confirmations imported, the rest left open.

async function loadYear(db: Database, masterKey: Buffer, cutAt: number) {
  const out = await mkdtemp(path.join(tmpdir(), "tovholder-bench-handovers-"));
  try {
    const generated = await timed(() =>
      generate({
        seed: DEMO_SEED,
        scope: parseScope(DEMO_SCOPE),
        years: 1,
        start: cutAt - YEAR_MS,
        cutAt,
        scale: size.scale,
        outDir: out,
        dataDir: path.join(projectRoot, "data"),
        workers: Math.min(4, availableParallelism()),
      }),
    );
    const loaded = await timed(() =>
      loadSynthetic(out, loadDepsFor(db, createCipher(masterKey)), {
        batch: 250,
        concurrency: 4,
      }),
    );
    // Fresh statistics, as autovacuum would gather after a load this size; a server run
    // with autovacuum off (as the CI's is) would otherwise plan on an empty database's.
    await sql`analyze`.execute(db);
    const s = generated.value.stats;
    const byStatus = await db
      .selectFrom("handover")
      .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("status")
      .execute();
    const handovers = byStatus.map((r) => `${r.status} ${fixed(Number(r.n))}`).join(", ");
    rows.push({
      what: `set-up: a year of Klyngen Næstved/Slagelse up to now, scale ${size.scale}: ${fixed(s.citizens)} citizens, ${fixed(s.messages)} messages`,
      value: `generated in ${fixed(generated.seconds, 1)} s, loaded in ${fixed(loaded.seconds, 1)} s; handovers: ${handovers}`,
    });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The history's overdue handovers, escalated as a server sweeping all year would have. */
async function catchUp(db: Database, now: Date) {
  const due = await countDue(db, now);
  const swept = await timed(() => createSweeper(db, { clock: () => now }).sweep());
  rows.push({
    what: `set-up: catch-up sweep of the history (${fixed(due)} open handovers due)`,
    value: `${fixed(swept.value)} escalations in ${fixed(swept.seconds, 1)} s`,
  });
}

async function countDue(db: Database, now: Date) {
  const row = await db
    .selectFrom("handover")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("status", "=", "open")
    .where("nextEscalationAt", "<=", now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------------------
// Worklists: 50 staff users over the organisations that have one in the
// cluster, each asking for its worklist back-to-back over HTTP.

type WorklistOrg = { id: string; kind: OrganisationKind; name: string; items: number };
type StaffUser = { org: WorklistOrg; role: Role; cookie: string };

/**
 * The cluster's organisations with a worklist, biggest worklist first within
 * each group: its municipalities and their units, its practices, the
 * hospitals that discharge its citizens and their departments, its secretariat.
 */
async function worklistOrganisations(db: Database) {
  const live = ["open", "declined"] as const;
  const municipal = await db
    .selectFrom("organisation as o")
    .innerJoin("handover as h", "h.receiverMunicipalityCode", "o.municipalityCode")
    .select(["o.id", "o.kind", "o.name", (eb) => eb.fn.countAll<string>().as("items")])
    .where("o.kind", "in", ["municipality", "municipal_unit"])
    .where("h.clusterId", "=", DEMO_CLUSTER)
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
    .where("h.clusterId", "=", DEMO_CLUSTER)
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
    .where("h.clusterId", "=", DEMO_CLUSTER)
    .where("h.status", "in", live)
    .groupBy(["o.id", "o.kind", "o.name"])
    .orderBy("items", "desc")
    .orderBy((eb) => eb.case().when("o.kind", "=", "hospital").then(0).else(1).end())
    .orderBy("o.name")
    .execute();
  const secretariat = await db
    .selectFrom("organisation as o")
    .select(["o.id", "o.kind", "o.name"])
    .where("o.kind", "=", "cluster_secretariat")
    .where("o.clusterId", "=", DEMO_CLUSTER)
    .execute();
  const open = await db
    .selectFrom("handover")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("clusterId", "=", DEMO_CLUSTER)
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
function share(users: number) {
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

async function createStaff(db: Database, users: number): Promise<StaffUser[]> {
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
    secretariat: ["coordinator", "coordinator", "cluster_lead"],
  };
  for (const group of Object.keys(counts) as (keyof typeof counts)[]) {
    const list = orgs[group];
    if (list.length === 0) throw new Error(`no ${group} organisation has a worklist`);
    for (let i = 0; i < counts[group]; i++) {
      const org = list[i % list.length] as WorklistOrg;
      const role = roles[group][i % roles[group].length] as Role;
      const username = `bench-${staff.length + 1}`;
      const user = await admin.createUser({
        username,
        displayName: `Bench ${staff.length + 1}`,
        kind: "staff",
      });
      await admin.grant(username, org.id, role);
      // One membership each, so the session acts in it from the start.
      const opened = await sessions.openSession(user.id, "password");
      staff.push({ org, role, cookie: opened.cookieValue });
    }
  }
  return staff;
}

const discard = new Writable({ write: (_chunk, _encoding, done) => done() });

async function worklists(database: DatabaseHandle, databaseUrl: string, masterKey: Buffer) {
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
      what: `worklist, ${staff.length} concurrent users, back-to-back after ${size.warmUp} warm-up each: ${fixed(responses)} requests${responses < staff.length * size.requests ? ` (stopped by the ${size.maxSeconds} s limit)` : ""}`,
      value: `p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, p99 ${ms(p99)}, max ${ms(Math.max(...all))}; ${fixed(responses / r.seconds, 1)} req/s`,
      target: `p99 < ${TARGETS.worklistP99Ms} ms (${TARGETS.worklistUsers} users)`,
      met: p99 < TARGETS.worklistP99Ms,
    });
    rows.push({
      what: `the same: what the answers held (HTTP status: ${Object.entries(r.statuses)
        .map(([status, n]) => `${fixed(n)} × ${status}`)
        .join(", ")})`,
      value: `${fixed(r.items / responses, 1)} items per response (${fixed((100 * r.nonEmpty) / responses)} % non-empty, ${fixed((100 * r.named) / Math.max(1, r.items))} % with the citizen's name), ${fixed(r.inHospital / responses, 1)} citizens in hospital`,
    });
    const paced = await clients.run({
      url,
      clients: staff.map((u) => ({ cookie: u.cookie, label: u.org.kind })),
      warmUp: 0,
      perClient: Number.MAX_SAFE_INTEGER,
      maxSeconds: size.paced,
      meanIntervalMs: 1000,
    });
    checkStatuses(paced, `${staff.length} paced users`);
    const calm = Object.values(paced.latencies).flat();
    rows.push({
      what: `worklist, the same ${staff.length} users each asking about once a second (Poisson) for ${size.paced} s: ${fixed(calm.length)} requests (not the target's load: for reading the one above)`,
      value: `p50 ${ms(percentile(calm, 50))}, p95 ${ms(percentile(calm, 95))}, p99 ${ms(percentile(calm, 99))}, max ${ms(Math.max(...calm))}; ${fixed(calm.length / paced.seconds, 1)} req/s`,
    });
    perKind(staff, r, solo);
    await whereTheTimeGoes(db, databaseUrl, solo);
  } finally {
    clients.close();
    await app.close();
  }
}

function checkStatuses(r: ClientResult, who: string) {
  const bad = Object.entries(r.statuses).filter(([status]) => status !== "200");
  if (bad.length > 0) failures.push(`${who}: responses other than 200: ${JSON.stringify(bad)}`);
}

async function countAudit(db: Database) {
  const row = await db
    .selectFrom("auditLog")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const perKindLines: string[] = [];

function perKind(
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

type Filter = Partial<worklistStore.WorklistFilter>;

/** What `worklistScope` in src/handovers/worklist-service.ts decides for each kind. */
async function scopeOf(db: Database, orgId: string): Promise<Filter> {
  const o = await db
    .selectFrom("organisation")
    .selectAll()
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  if (o.kind === "general_practice") return { practiceId: o.generalPracticeId ?? "" };
  if (o.kind === "municipality" || o.kind === "municipal_unit")
    return { municipalityCode: o.municipalityCode ?? "" };
  if (o.kind === "hospital" || o.kind === "hospital_department")
    return { dischargingHospitalId: o.hospitalId ?? "" };
  return { clusterId: o.clusterId ?? "" };
}

const timingLines: string[] = [];
const planLines: string[] = [];

async function whereTheTimeGoes(
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
    "| acting as | worklist query alone, median | in-hospital query alone, median | whole request alone, p50 |",
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
        now: new Date(),
        limit: 200,
      };
      const worklistMs = await medianMs(() => worklistStore.worklist(capturing, filter));
      const stays = {
        ...(scope.municipalityCode ? { municipalityCode: scope.municipalityCode } : {}),
        ...(scope.practiceId ? { practiceId: scope.practiceId } : {}),
        limit: 200,
      };
      const staysMs = await medianMs(() => worklistStore.currentStaysOf(capturing, stays));
      timingLines.push(
        `| ${user.org.kind} (${user.org.name}) | ${ms(worklistMs)} | ${stays.municipalityCode || stays.practiceId ? ms(staysMs) : "not asked"} | ${ms(p50)} |`,
      );
      if (option("explain")) {
        captured.length = 0;
        await worklistStore.worklist(capturing, filter);
        await worklistStore.currentStaysOf(capturing, stays);
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

async function medianMs(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

// ---------------------------------------------------------------------------
// The sweeper: exactly N open handovers due (new discharges of the loaded
// citizens, to their real receivers, deadlines passed 1 minute to 16 hours
// ago, so some have one ladder step due and many all three), one sweep timed.

async function sweeperRun(db: Database, now: Date) {
  const own = await db.selectFrom("handoverRule").select("clusterId").execute();
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
    municipalityCluster: string | null;
    practiceOrg: string;
    practiceId: string;
    practiceCluster: string | null;
  }>`
    select s.citizen_id as "citizenId", s.hospital_id as "hospitalId",
      s.department_organisation_id as "departmentOrganisationId",
      m.discharging_organisation_id as "dischargingOrganisationId",
      m.receiver_organisation_id as "municipalityOrg",
      m.receiver_municipality_code as "municipalityCode", m.cluster_id as "municipalityCluster",
      g.receiver_organisation_id as "practiceOrg", g.receiver_practice_id as "practiceId",
      g.cluster_id as "practiceCluster"
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
      clusterId: municipal ? source.municipalityCluster : source.practiceCluster,
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

  const swept = await timed(() => createSweeper(db, { clock: () => now }).sweep());
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
  rows.push({
    what: "the same, checked in SQL",
    value:
      problems.length === 0
        ? `every handover got exactly the steps due (${fixed(wanted)} escalations, ${fixed(wanted)} escalated transitions, no step twice); none due afterwards`
        : `**${problems.length} problems** (below)`,
  });
}

/** Each due handover escalated exactly the steps due, once each, and advanced past them. */
async function checkEscalations(
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
    const next = escalationDueAt(e.deadline, DEFAULT_RULES[e.sector], e.steps);
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

function report(machine: string[]) {
  const verdict = (met: boolean | undefined) =>
    met === undefined ? "" : `${quick ? "(quick) " : ""}${met ? "PASS" : "**MISS**"}`;
  console.log(
    [
      `## Handover benchmark, ${new Date().toISOString().slice(0, 10)} (\`npm run bench:handovers${quick ? " -- --quick" : ""}\`)${quick ? ": quick mode, smaller than the targets' sizes" : ""}`,
      "",
      ...machine,
      "",
      "| measured | result | target | PASS/MISS |",
      "|---|---|---|---|",
      ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.target ?? ""} | ${verdict(r.met)} |`),
      "",
      "Worklists by who asks (the concurrent run, and one user of the largest such organisation alone):",
      "",
      ...perKindLines,
      "",
      "Where one request's time goes (the largest organisation of each kind, one request at a time):",
      "",
      ...timingLines,
      ...(planLines.length > 0 ? ["", "Plans:", "", ...planLines] : []),
      ...(notes.length > 0 ? ["", ...notes] : []),
    ].join("\n"),
  );
}

// Last, so that every declaration above is initialised before it runs.
if (process.argv.includes("--client")) {
  process.on("message", (job: ClientJob) => {
    void runClients(job).then((r) => process.send?.(r));
  });
  process.on("disconnect", () => process.exit(0));
} else {
  await main();
}
