import { Writable } from "node:stream";
import { createApp } from "../../src/app/server.ts";
import { testConfig } from "../../test/support/access.ts";
import { integrationToken } from "../../test/support/messages.ts";
import type { Prepared } from "./engines.ts";
import { percentile } from "./stats.ts";

/** Logs go nowhere, but are still written: their cost is part of a real request. */
const discard = new Writable({ write: (_chunk, _encoding, done) => done() });

export type HttpResult = { n: number; seconds: number; latenciesMs: number[] };

/** The whole server on a random port, sending each message as its own HTTP request. */
export async function httpRun(
  prepared: Prepared,
  messages: string[],
  options: { warmUp: number; inFlight: number },
): Promise<HttpResult> {
  const app = await createApp(prepared.database, {
    masterKey: prepared.masterKey,
    logger: { level: "info", stream: discard },
    config: testConfig({ demo: false }),
  });
  const url = `${await app.listen({ port: 0, host: "127.0.0.1" })}/fhir/$process-message`;
  const token = await integrationToken(prepared.database.db);
  const send = async (raw: string) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json" },
      body: raw,
    });
    const ack = (await response.json()) as {
      entry: { resource: { response?: { code: string } } }[];
    };
    const code = ack.entry[0]?.resource.response?.code;
    if (response.status !== 200 || code !== "ok")
      throw new Error(`message refused: HTTP ${response.status}, ${code}`);
    return performance.now() - started;
  };
  const appliedBefore = await applied(prepared);
  try {
    for (const raw of messages.slice(0, options.warmUp)) await send(raw);
    const measured = messages.slice(options.warmUp);
    const latenciesMs: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.inFlight }, async () => {
        while (next < measured.length) {
          const raw = measured[next++] as string;
          latenciesMs.push(await send(raw));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await expectAllApplied(prepared, appliedBefore, messages.length);
    return { n: measured.length, seconds, latenciesMs };
  } finally {
    await app.close();
  }
}

const applied = async (prepared: Prepared) => (await prepared.ingest.counts()).applied ?? 0;

/**
 * The Acknowledgement says `ok` for a duplicate and a dead letter too, so the
 * store is the proof: every message sent must be a new, applied message.
 */
async function expectAllApplied(prepared: Prepared, before: number, sent: number) {
  const counts = await prepared.ingest.counts();
  const added = (counts.applied ?? 0) - before;
  if (added !== sent)
    throw new Error(
      `sent ${sent} messages over HTTP but ${added} were newly applied: ${JSON.stringify(counts)}`,
    );
}

export const httpSummary = (r: HttpResult) => ({
  perSecond: r.n / r.seconds,
  p50: percentile(r.latenciesMs, 50),
  p95: percentile(r.latenciesMs, 95),
  p99: percentile(r.latenciesMs, 99),
});
