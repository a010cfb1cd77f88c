/** The load generator, run in a child process: concurrent worklist clients, back-to-back or paced. */

import { type ChildProcess, fork } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { SESSION_COOKIE } from "../../src/access/authenticate.ts";

// ---------------------------------------------------------------------------
// The load generator runs in a child process (this file with --client), so
// that parsing 50 clients' responses does not queue on the server's event
// loop and count as server latency; both still share the machine's cores.

export type ClientJob = {
  url: string;
  clients: { cookie: string; label: string }[];
  warmUp: number;
  perClient: number;
  maxSeconds: number;
  /** What is asked for; the worklist's first page unless said. */
  path?: string;
  /**
   * Paced instead of back-to-back: each client asks at random moments, on
   * average this many ms apart (a Poisson process), as people with the page
   * open do; a late answer delays only that client's next request.
   */
  meanIntervalMs?: number;
};

export type ClientResult = {
  seconds: number;
  /** Per label (organisation kind): the measured latencies, ms. */
  latencies: Record<string, number[]>;
  statuses: Record<string, number>;
  items: number;
  named: number;
  /** Sums over the responses: the whole list's length, and the receiver's citizens in hospital. */
  total: number;
  inHospital: number;
  /** Responses whose worklist had at least one item. */
  nonEmpty: number;
  /** The load generator's own CPU time over the measured part, ms. */
  cpuMs: number;
};

export async function runClients(job: ClientJob): Promise<ClientResult> {
  const result: ClientResult = {
    seconds: 0,
    latencies: {},
    statuses: {},
    items: 0,
    named: 0,
    total: 0,
    inHospital: 0,
    nonEmpty: 0,
    cpuMs: 0,
  };
  // node:http with kept-alive sockets, not fetch: the load generator shares the server's
  // two cores, and undici's fetch costs it about twice the CPU per request.
  const agent = new http.Agent({ keepAlive: true });
  // The worklist page's default view (issue 21 §1): the needs-action groups, 50 rows each.
  const target = new URL(`${job.url}${job.path ?? "/api/handovers/grouped?limit=50"}`);
  const one = (cookie: string) =>
    new Promise<{ ms: number; status: number; text: string }>((resolve, reject) => {
      const started = performance.now();
      const request = http.get(
        target,
        { agent, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          // The answer counts as arrived when its body has; parsing it is the client's own work.
          response.on("end", () =>
            resolve({
              ms: performance.now() - started,
              status: response.statusCode ?? 0,
              text: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          response.on("error", reject);
        },
      );
      request.on("error", reject);
    });
  await Promise.all(
    job.clients.map(async (c) => {
      for (let i = 0; i < job.warmUp; i++) await one(c.cookie);
    }),
  );
  const cpuBefore = process.cpuUsage();
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
        const answer = JSON.parse(r.text) as {
          items?: { citizenName: string | null }[];
          total?: number;
          groups?: { total: number; items: { citizenName: string | null }[] }[];
          inHospitalTotal?: number;
        };
        // A page (`items`, `total`) or the grouped view (each group's first page and total).
        const body = {
          items: answer.items ?? answer.groups?.flatMap((g) => g.items) ?? [],
          total: answer.total ?? answer.groups?.reduce((n, g) => n + g.total, 0) ?? 0,
          inHospitalTotal: answer.inHospitalTotal,
        };
        result.items += body.items.length;
        result.named += body.items.filter((item) => item.citizenName !== null).length;
        result.total += body.total;
        result.inHospital += body.inHospitalTotal ?? 0;
        if (body.items.length > 0) result.nonEmpty++;
      }
      result.latencies[c.label]?.push(...mine);
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  return result;
}

export function clientProcess() {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["--client"]);
  return {
    run: (job: ClientJob) =>
      new Promise<ClientResult>((resolve, reject) => {
        // Each run's listeners go with it: a benchmark makes a dozen runs on one child.
        const exited = (code: number | null) =>
          reject(new Error(`the client process exited (${code})`));
        child.once("exit", exited);
        child.once("message", (m) => {
          child.off("exit", exited);
          resolve(m as ClientResult);
        });
        child.send(job);
      }),
    close: () => child.disconnect(),
  };
}

// Run as the load generator when forked.
if (process.argv.includes("--client")) {
  process.on("message", (job: ClientJob) => {
    void runClients(job).then((r) => process.send?.(r));
  });
  process.on("disconnect", () => process.exit(0));
}
