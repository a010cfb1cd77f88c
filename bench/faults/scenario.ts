import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { prepareDatabase } from "../../src/app/server.ts";
import { messageIdsOf } from "../../src/interop/medcom/read-hospital-notification.ts";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.ts";
import { ensureDemoUnits } from "../../src/synth/demo-units.ts";
import { scratchDatabaseUrl } from "../../test/support/database.ts";
import { integrationToken } from "../../test/support/messages.ts";
import { outageOf } from "../../test/support/outage.ts";
import { type ServerProcess, spawnServer } from "../../test/support/processes.ts";
import { stayMessages } from "../support/messages.ts";

/**
 * Issue 18, point 2: server processes on one PostgreSQL database, a bounded
 * stream of valid HospitalNotifications sent to them, and the database taken
 * away under it: its backends terminated several times, then new connections
 * refused for a while (ALLOW_CONNECTIONS false) and allowed again. The test
 * (test/api/database-outage.test.ts) and the benchmark (bench/faults.bench.ts)
 * run it at two sizes. Only the scratch database made here is touched.
 */

export type ScenarioOptions = {
  /** Hospital stays; each is an admission then a discharge, so twice as many messages. */
  stays: number;
  servers: number;
  /** Senders at once; each sends its stays' messages in order, re-sending a 503. */
  lanes: number;
  /** Backend terminations before the refusal, and after it. */
  terminationsBefore: number;
  terminationsAfter: number;
  refuseMs: number;
  /** Wait before re-sending a message answered 503 (a real sender honours Retry-After). */
  resendAfterMs: number;
  /** Keeps separate runs from sharing citizens or message ids. */
  offset: number;
};

export type ScenarioResult = {
  messages: number;
  okFirstTry: number;
  /** Answers 503 (transient-error), counting every re-send. */
  answered503: number;
  /** Messages that were answered 503 at least once. */
  messagesWith503: number;
  /** Answers other than 200 and 503 (a 500 would be a bug); and requests that got no answer. */
  otherAnswers: Record<string, number>;
  lost: number;
  duplicated: number;
  alive: boolean[];
  /** /readyz during the refusal and after it, per server. */
  readyDuringOutage: number[][];
  readyAfter: number[];
  /** From ALLOW_CONNECTIONS true to every server's /readyz 200, and to the next `ok`. */
  recoverReadyMs: number;
  recoverOkMs: number;
  /** Overdue handovers the sweeps had not escalated when the scenario ended (must be 0). */
  pendingEscalations: number;
  seconds: number;
};

type Answer = { status: number | string; code: string | undefined };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function setUpScenario(serverUrl: string, options: Pick<ScenarioOptions, "servers">) {
  const scratch = await scratchDatabaseUrl(serverUrl);
  const outage = outageOf(serverUrl, scratch.url);
  const dataDirs: string[] = [];
  const servers: ServerProcess[] = [];
  let database: DatabaseHandle | undefined;
  const close = async () => {
    for (const s of servers) s.child.kill("SIGKILL");
    await database?.close();
    await outage.allow();
    await scratch.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 2 });
    await prepareDatabase(database);
    await ensureDemoUnits(database.db);
    const token = await integrationToken(database.db);
    const key = randomBytes(32).toString("hex");
    for (let i = 0; i < options.servers; i++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), "tovholder-faults-"));
      dataDirs.push(dataDir);
      servers.push(
        await spawnServer({
          DATABASE_URL: scratch.url,
          DATABASE_POOL_SIZE: "4",
          TOVHOLDER_DATA_DIR: dataDir,
          TOVHOLDER_CPR_KEY: key,
          TOVHOLDER_DEMO: "false",
          HANDOVER_SWEEP_SECONDS: "1",
          WEBHOOK_DELIVERY_SECONDS: "1",
          LOG_LEVEL: "warn",
        }),
      );
    }
    return { database, servers, token, outage, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export type Scenario = Awaited<ReturnType<typeof setUpScenario>>;

async function post(port: number, token: string, raw: string): Promise<Answer> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/fhir/$process-message`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json" },
      body: raw,
    });
    const text = await response.text();
    let code: string | undefined;
    try {
      const ack = JSON.parse(text) as { entry?: { resource: { response?: { code: string } } }[] };
      code = ack.entry?.[0]?.resource.response?.code;
    } catch {
      code = undefined;
    }
    if (response.status === 503 && response.headers.get("retry-after") === null)
      return { status: "503 without Retry-After", code };
    return { status: response.status, code };
  } catch (err) {
    return { status: `no answer: ${(err as Error).message}`, code: undefined };
  }
}

async function ready(port: number): Promise<number> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    await response.body?.cancel();
    return response.status;
  } catch {
    return 0;
  }
}

type Stream = {
  total: number;
  sent: number;
  lastOkAt: number;
  tally: {
    okFirstTry: number;
    answered503: number;
    with503: number;
    other: Record<string, number>;
  };
};

/** Sends each stay's messages in order over `lanes` senders, re-sending a 503; resolves when all are sent. */
function sendStream(
  scenario: Scenario,
  raws: string[],
  options: ScenarioOptions,
): { stream: Stream; done: Promise<unknown> } {
  const { servers, token } = scenario;
  const stream: Stream = {
    total: raws.length,
    sent: 0,
    lastOkAt: 0,
    tally: { okFirstTry: 0, answered503: 0, with503: 0, other: {} },
  };
  const { tally } = stream;
  async function deliver(raw: string, port: number) {
    for (let tries = 1; ; tries++) {
      const answer = await post(port, token, raw);
      if (answer.status === 200 && answer.code === "ok") {
        if (tries === 1) tally.okFirstTry++;
        stream.lastOkAt = performance.now();
        return;
      }
      if (answer.status !== 503 || answer.code !== "transient-error") {
        const key = `${answer.status} ${answer.code ?? ""}`.trim();
        tally.other[key] = (tally.other[key] ?? 0) + 1;
        return;
      }
      tally.answered503++;
      if (tries === 1) tally.with503++;
      await sleep(options.resendAfterMs);
    }
  }
  let nextStay = 0;
  const lanes = Array.from({ length: options.lanes }, async (_v, lane) => {
    while (2 * nextStay < raws.length) {
      const stay = nextStay++;
      for (const raw of [raws[2 * stay], raws[2 * stay + 1]] as string[]) {
        // Round robin over the processes, as a load balancer would.
        const server = servers[(stream.sent + lane) % servers.length] as ServerProcess;
        await deliver(raw, server.port);
        stream.sent++;
      }
    }
  });
  return { stream, done: Promise.all(lanes) };
}

/**
 * The outage, timed by the stream's progress so that it falls inside it at
 * any speed: terminations, the refusal (probing /readyz), terminations again.
 */
async function takeDatabaseAway(scenario: Scenario, stream: Stream, options: ScenarioOptions) {
  const { servers, outage } = scenario;
  const progress = async (share: number) => {
    while (stream.sent < stream.total * share) await sleep(20);
  };
  const readyDuringOutage: number[][] = servers.map(() => []);
  for (let i = 0; i < options.terminationsBefore; i++) {
    await progress((0.3 * (i + 1)) / (options.terminationsBefore + 1));
    await outage.terminate();
  }
  await progress(0.35);
  try {
    await outage.refuse();
    const until = performance.now() + options.refuseMs;
    while (performance.now() < until) {
      const statuses = await Promise.all(servers.map((s) => ready(s.port)));
      for (const [i, status] of statuses.entries()) readyDuringOutage[i]?.push(status);
      await sleep(200);
    }
  } finally {
    await outage.allow();
  }
  const allowedAt = performance.now();
  const nextOk = (async () => {
    while (stream.lastOkAt < allowedAt && performance.now() - allowedAt < 60_000) await sleep(10);
    return stream.lastOkAt - allowedAt;
  })();
  const notReady = new Set(servers.map((s) => s.port));
  while (notReady.size > 0 && performance.now() - allowedAt < 60_000) {
    for (const port of [...notReady]) if ((await ready(port)) === 200) notReady.delete(port);
    if (notReady.size > 0) await sleep(20);
  }
  const recoverReadyMs = performance.now() - allowedAt;
  for (let i = 0; i < options.terminationsAfter; i++) {
    await progress(0.5 + (0.4 * (i + 1)) / (options.terminationsAfter + 1));
    await outage.terminate();
  }
  return { readyDuringOutage, recoverReadyMs, recoverOkMs: await nextOk };
}

/** Sends the stream while the database goes away and comes back; then counts. */
export async function runScenario(
  scenario: Scenario,
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const raws = stayMessages(options.stays, options.offset);
  const started = performance.now();
  const { stream, done } = sendStream(scenario, raws, options);
  const [, outage] = await Promise.all([done, takeDatabaseAway(scenario, stream, options)]);
  const seconds = (performance.now() - started) / 1000;
  const { servers } = scenario;
  return {
    messages: raws.length,
    okFirstTry: stream.tally.okFirstTry,
    answered503: stream.tally.answered503,
    messagesWith503: stream.tally.with503,
    otherAnswers: stream.tally.other,
    ...(await countStored(scenario.database, raws)),
    alive: servers.map((s) => s.child.exitCode === null && s.child.signalCode === null),
    ...outage,
    readyAfter: await Promise.all(servers.map((s) => ready(s.port))),
    pendingEscalations: await pendingAfterSweeps(scenario.database),
    seconds,
  };
}

/** What the store holds of the messages sent: each applied once, nothing twice. */
async function countStored(database: DatabaseHandle, raws: string[]) {
  const headers = raws.map((raw) => messageIdsOf(JSON.parse(raw)).messageHeaderId as string);
  const db = database.db;
  const applied = await db
    .selectFrom("inboundMessage")
    .select(["messageHeaderId", "status", "responseCode"])
    .where("messageHeaderId", "in", headers)
    .execute();
  const appliedOk = new Map<string, number>();
  for (const m of applied)
    if (m.status === "applied" && m.responseCode === "ok" && m.messageHeaderId)
      appliedOk.set(m.messageHeaderId, (appliedOk.get(m.messageHeaderId) ?? 0) + 1);
  const lost = headers.filter((h) => !appliedOk.has(h)).length;
  const twice = await sql<{ n: string }>`
    select
      (select count(*) from (select message_header_id from inbound_message
         group by message_header_id having count(*) > 1) m)
    + (select count(*) from (select message_header_id from stay_notification
         group by message_header_id having count(*) > 1) n)
    + (select count(*) from (select citizen_id from hospital_stay
         group by citizen_id having count(*) > 1) s)
    + (select count(*) from (select stay_id, sector from handover
         group by stay_id, sector having count(*) > 1) h) as n`.execute(db);
  return { lost, duplicated: Number(twice.rows[0]?.n ?? 0) };
}

/** Waits up to 30 s for the sweeps to escalate every overdue handover; answers how many are left. */
async function pendingAfterSweeps(database: DatabaseHandle): Promise<number> {
  const pending = async () =>
    Number(
      (
        await sql<{ n: string }>`
          select count(*) as n from handover
          where next_escalation_at is not null and next_escalation_at <= now()`.execute(database.db)
      ).rows[0]?.n,
    );
  const deadline = Date.now() + 30_000;
  let left = await pending();
  while (left > 0 && Date.now() < deadline) {
    await sleep(500);
    left = await pending();
  }
  return left;
}
