/**
 * Fault benchmark (issue 18, point 2): server processes on one PostgreSQL
 * database while it goes away and comes back, the scenario of
 * test/api/database-outage.test.ts at a larger size. Run with
 * `npm run bench:faults` (add `-- --quick` for the CI run). Prints a Markdown
 * report for bench/RESULTS.md, and exits non-zero when a process died, a
 * message was lost or applied twice, an answer was neither `ok` nor a 503
 * with Retry-After, /readyz did not say 503 during the outage, or the sweeps
 * did not catch up.
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { runScenario, type ScenarioOptions, setUpScenario } from "./faults/scenario.ts";

const quick =
  process.argv.includes("--quick") || ["1", "true", "yes"].includes(process.env.BENCH_QUICK ?? "");
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const options: ScenarioOptions = quick
  ? {
      stays: 300,
      servers: 2,
      lanes: 6,
      terminationsBefore: 3,
      terminationsAfter: 2,
      refuseMs: 3_000,
      resendAfterMs: 200,
      offset: 8_000_000,
    }
  : {
      stays: 3_000,
      servers: 2,
      lanes: 8,
      terminationsBefore: 6,
      terminationsAfter: 4,
      refuseMs: 10_000,
      resendAfterMs: 200,
      offset: 8_100_000,
    };

const shell = (command: string, args: string[]) => {
  try {
    return execFileSync(command, args, { encoding: "utf8" }).trim();
  } catch {
    return `(${command} unavailable)`;
  }
};

async function main(): Promise<number> {
  const scenario = await setUpScenario(serverUrl, options);
  let result: Awaited<ReturnType<typeof runScenario>>;
  try {
    result = await runScenario(scenario, options);
  } finally {
    await scenario.close();
  }
  const outageStatuses = result.readyDuringOutage.map(
    (statuses) => `${statuses.filter((s) => s === 503).length}/${statuses.length} × 503`,
  );
  const failures = [
    ...(result.alive.every(Boolean) ? [] : ["a server process died"]),
    ...(result.lost > 0 ? [`${result.lost} messages lost`] : []),
    ...(result.duplicated > 0 ? [`${result.duplicated} applied twice`] : []),
    ...(Object.keys(result.otherAnswers).length > 0
      ? [`other answers: ${JSON.stringify(result.otherAnswers)}`]
      : []),
    ...(result.readyDuringOutage.every((s) => s.length > 0 && s.every((x) => x === 503))
      ? []
      : ["/readyz did not answer 503 throughout the outage"]),
    ...(result.readyAfter.every((s) => s === 200) ? [] : ["/readyz not 200 after the outage"]),
    ...(result.pendingEscalations > 0 ? [`${result.pendingEscalations} escalations left`] : []),
  ];
  const lines = [
    `## Fault benchmark, ${new Date().toISOString().slice(0, 10)} (\`npm run bench:faults${quick ? " -- --quick" : ""}\`)`,
    "",
    `- \`nproc\`: ${shell("nproc", [])} (${cpus()[0]?.model ?? "unknown CPU"})`,
    "- `free -h`:",
    "  ```",
    ...shell("free", ["-h"])
      .split("\n")
      .map((l) => `  ${l}`),
    "  ```",
    `- \`uname -a\`: ${shell("uname", ["-a"])}`,
    `- Node.js ${process.version}`,
    `- Scenario: ${options.servers} \`tovholder serve\` processes, ${options.lanes} senders, ` +
      `${options.stays} stays (${options.stays * 2} messages); ${options.terminationsBefore} ` +
      `terminations of every backend, connections refused for ${options.refuseMs / 1000} s, ` +
      `${options.terminationsAfter} terminations after; a 503 is sent again after ${options.resendAfterMs} ms`,
    "",
    "| measured | result |",
    "|---|---|",
    `| messages sent | ${result.messages} |`,
    `| \`ok\` at the first try | ${result.okFirstTry} |`,
    `| messages answered 503 at least once | ${result.messagesWith503} |`,
    `| 503 answers (transient-error, Retry-After), re-sends included | ${result.answered503} |`,
    `| other answers (500, no answer) | ${JSON.stringify(result.otherAnswers)} |`,
    `| lost | ${result.lost} |`,
    `| applied twice | ${result.duplicated} |`,
    `| processes alive afterwards | ${result.alive.filter(Boolean).length}/${result.alive.length} |`,
    `| /readyz during the refusal, per process | ${outageStatuses.join(", ")} |`,
    `| recovery: connections allowed → every /readyz 200 | ${result.recoverReadyMs.toFixed(0)} ms |`,
    `| recovery: connections allowed → next \`ok\` | ${result.recoverOkMs.toFixed(0)} ms |`,
    `| overdue handovers not escalated at the end | ${result.pendingEscalations} |`,
    `| wall time of the stream | ${result.seconds.toFixed(1)} s |`,
    "",
    failures.length === 0 ? "Result: PASS" : `Result: FAIL (${failures.join("; ")})`,
  ];
  console.log(lines.join("\n"));
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  },
);
