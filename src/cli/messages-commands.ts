import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import cliProgress from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { databaseFor, prepareDatabase } from "../app/server.ts";
import { createCipher } from "../citizens/crypto.ts";
import { resolveMasterKey } from "../citizens/master-key.ts";
import { assembleIngest } from "../interop/assemble.ts";
import type { IngestOutcome, IngestResult } from "../interop/service.ts";
import { loadConfig } from "../platform/config.ts";

type Summary = Record<IngestOutcome, number>;

/** First few refusals, by element and rule only: the messages themselves hold CPR numbers. */
function refusalLines(line: number, result: IngestResult): string[] {
  const outcome = result.acknowledgement.entry as {
    resource: { resourceType: string; issue?: unknown[] };
  }[];
  const issues = (outcome?.find((e) => e.resource.resourceType === "OperationOutcome")?.resource
    .issue ?? []) as { expression?: string[]; details?: { text?: string } }[];
  return issues
    .slice(0, 3)
    .map((i) => `  line ${line}: ${i.details?.text ?? i.expression?.[0] ?? "refused"}`);
}

export function registerMessagesCommands(program: Command): void {
  const messages = program.command("messages").description("MedCom messages received by Tovholder");
  messages
    .command("import")
    .description(
      "apply a file of HospitalNotification Bundles, one JSON message per line (NDJSON), through the same ingest as POST /fhir/$process-message",
    )
    .argument("<file>", "an .ndjson file")
    .option(
      "--batch <n>",
      "messages per transaction (each message still gets its own outcome)",
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 5000)
          throw new InvalidArgumentError("must be a whole number 1–5000");
        return n;
      },
      250,
    )
    .action(async (file: string, options: { batch: number }) => {
      const size = (await stat(file)).size;
      const config = loadConfig();
      const database = await databaseFor(config);
      const summary: Summary = {
        accepted: 0,
        duplicate: 0,
        rejected: 0,
        "dead-letter": 0,
        failed: 0,
      };
      const refusals: string[] = [];
      const bar = new cliProgress.SingleBar(
        {
          format: "importing [{bar}] {percentage}% | {messages} messages | {rate}/s",
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );
      let started = Date.now();
      try {
        await prepareDatabase(database, config.structureFiles);
        started = Date.now();
        const cipher = createCipher(resolveMasterKey(config.cprKey, config.dataDir));
        const ingest = assembleIngest(database.db, cipher);
        const stream = createReadStream(file, { encoding: "utf8" });
        const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
        bar.start(size, 0, { messages: 0, rate: 0 });
        let lineNumber = 0;
        let count = 0;
        let pending: { line: number; raw: string }[] = [];
        const flush = async () => {
          const results = await ingest.receiveMany(
            pending.map((p) => p.raw),
            { via: "import" },
          );
          results.forEach((result, i) => {
            summary[result.outcome] += 1;
            if (
              (result.outcome === "rejected" || result.outcome === "failed") &&
              refusals.length < 20
            ) {
              refusals.push(...refusalLines(pending[i]?.line ?? 0, result));
            }
          });
          count += results.length;
          pending = [];
          const rate = Math.round(count / Math.max(0.001, (Date.now() - started) / 1000));
          bar.update(stream.bytesRead, { messages: count, rate });
        };
        for await (const line of lines) {
          lineNumber += 1;
          if (line.trim() === "") continue;
          pending.push({ line: lineNumber, raw: line });
          if (pending.length >= options.batch) await flush();
        }
        if (pending.length > 0) await flush();
        bar.update(size, { messages: count });
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `Imported ${count} messages in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 0.001))}/s): ` +
            `${summary.accepted} accepted, ${summary.duplicate} duplicate, ${summary.rejected} rejected, ` +
            `${summary["dead-letter"]} kept as dead letters, ${summary.failed} failed.`,
        );
        if (refusals.length > 0) console.log(["Refused (first few):", ...refusals].join("\n"));
        if (summary["dead-letter"] > 0) {
          console.log(
            "Dead letters wait for their sender or receiver to be registered; see /admin/beskeder.",
          );
        }
        if (summary.failed > 0) process.exitCode = 1;
      } finally {
        bar.stop();
        await database.close();
      }
    });
}
