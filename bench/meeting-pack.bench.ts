/**
 * Issue 22's speed target: a meeting pack for a body with a year of synthetic
 * data is generated, PDF included, in under 10 seconds.
 *
 * A scratch PostgreSQL database gets a year of Klyngen Næstved/Slagelse
 * through `synth load` (the handover benchmark's set-up), its indicator
 * figures built by the product's own maintenance, and one held, public
 * meeting at the cut. Then the pack is generated as the server does it
 * (the meeting service's `pack`, the HTML, the PDF from headless Chromium),
 * first cold (the indicator tables not yet read) and then five times warm.
 *
 * `npm run bench:meeting-pack` (`-- --quick` for a tenth of the year). Prints
 * a Markdown report for bench/RESULTS.md; exits 1 if the cold pack misses.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { createAdminService, operator } from "../src/access/admin-service.ts";
import { createCitizenAccess } from "../src/access/citizen-access.ts";
import { defaultAccessPolicy } from "../src/access/model.ts";
import { prepareDatabase } from "../src/app/server.ts";
import { packHtml } from "../src/governance/meeting-pack-html.ts";
import { CHROMIUM_PATH, printPdf } from "../src/governance/meeting-pdf.ts";
import { createMeetingService } from "../src/governance/meeting-service.ts";
import { insertMeeting } from "../src/governance/meeting-store.ts";
import { createIndicators } from "../src/indicators/assemble.ts";
import { openDatabase } from "../src/platform/db/database.ts";
import { createStructureService, danishDate } from "../src/structure/service.ts";
import { DEMO_BODY } from "../src/synth/living-demo.ts";
import { scratchDatabaseUrl } from "../test/support/database.ts";
import { catchUp, loadYear, settle } from "./handovers/load.ts";
import { option, postgresUrl, quick, rows, size, timed } from "./handovers/report.ts";
import { postgresUnreachable } from "./support/engines.ts";

const TARGET_SECONDS = 10;

async function main() {
  const why = await postgresUnreachable(postgresUrl);
  if (why !== null) {
    console.log(`## Meeting pack benchmark: skipped, PostgreSQL not reachable (${why})`);
    return;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`## Meeting pack benchmark: skipped, no Chromium at ${CHROMIUM_PATH}`);
    return;
  }
  const scratch = await scratchDatabaseUrl(postgresUrl);
  const database = await openDatabase({ engine: "postgres", url: scratch.url, poolSize: 10 });
  const db = database.db;
  const timings: { what: string; seconds: number }[] = [];
  let meetingOk = false;
  try {
    await prepareDatabase(database);
    const cutAt = Math.floor(Date.now() / 60_000) * 60_000;
    await loadYear(db, randomBytes(32), cutAt);
    await catchUp(db, new Date(cutAt));
    await settle(db);
    const indicators = createIndicators({ db });
    const built = await timed(() => indicators.maintenance.rebuildAll());
    rows.push({
      what: "set-up: the year's indicator figures",
      value: `${built.seconds.toFixed(1)} s`,
    });
    // The secretariat's coordinator who wrote the meeting down.
    const secretary = await createAdminService(db).createUser(
      {
        username: "bench.sekretariat",
        displayName: "Sekretariatet (benchmark)",
        kind: "staff",
        password: randomBytes(18).toString("base64url"),
      },
      operator("bench"),
    );
    const meetingId = await insertMeeting(db, {
      bodyId: DEMO_BODY,
      content: {
        title: "Klyngestyregruppemøde (benchmark)",
        date: danishDate(new Date(cutAt)),
        public: true,
        status: "held",
        agenda: [
          { title: "Status på aftalerne", text: null, subject: null, public: true },
          { title: "Uafklarede overdragelser", text: null, subject: null, public: true },
        ],
        attendees: [{ name: "Koordinator", organisation: "Sekretariatet" }],
      },
      at: new Date(cutAt),
      by: secretary.id,
    });
    const meetings = createMeetingService({
      db,
      access: createCitizenAccess(db, defaultAccessPolicy),
      structure: createStructureService(db),
      indicators: indicators.service,
    });
    const generate = async () => {
      const pack = await meetings.pack(null, meetingId);
      const pdf = await printPdf(packHtml(pack));
      if (pdf.subarray(0, 4).toString() !== "%PDF") throw new Error("not a PDF");
      return pdf.length;
    };
    const cold = await timed(generate);
    timings.push({ what: "cold", seconds: cold.seconds });
    for (let i = 0; i < 5; i++)
      timings.push({ what: "warm", seconds: (await timed(generate)).seconds });
    const packOnly = await timed(() => meetings.pack(null, meetingId));
    const figures = packOnly.value.indicators.flatMap((i) => i.figures);
    rows.push({
      what: "what the pack holds",
      value: `${packOnly.value.indicators.length} indicators × ${packOnly.value.months.length} months: ${figures.filter((f) => f.value !== null).length} figures, ${figures.filter((f) => f.suppressed).length} suppressed; ${packOnly.value.unresolved.count} unresolved handovers`,
    });
    meetingOk = cold.seconds < TARGET_SECONDS;
    const warm = timings.filter((t) => t.what === "warm").map((t) => t.seconds);
    rows.push({
      what: `the pack, PDF included, for ${DEMO_BODY} (scale ${size.scale}): the first after the figures were built (cold)`,
      value: `${cold.seconds.toFixed(2)} s (${Math.round(cold.value / 1024)} KiB)`,
      target: `< ${TARGET_SECONDS} s`,
      met: meetingOk,
    });
    rows.push({
      what: "the same, five times more (warm)",
      value: warm.map((s) => `${s.toFixed(2)} s`).join(", "),
    });
    rows.push({
      what: "the pack alone, without the PDF (warm): the rest is Chromium",
      value: `${packOnly.seconds.toFixed(2)} s`,
    });
  } finally {
    await database.close();
    if (!option("keep")) await scratch.drop();
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    [
      `## Meeting pack benchmark, ${new Date().toISOString().slice(0, 10)} (\`npm run bench:meeting-pack${quick ? " -- --quick" : ""}\`)`,
      "",
      `- CPU: ${availableParallelism()} × ${cpu}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(", ")}`,
      `- Node.js ${process.version}; PostgreSQL at ${new URL(postgresUrl).host}; Chromium ${CHROMIUM_PATH}`,
      "",
      "| measured | result | target | PASS/MISS |",
      "|---|---|---|---|",
      ...rows.map(
        (r) =>
          `| ${r.what} | ${r.value} | ${r.target ?? ""} | ${r.met === undefined ? "" : r.met ? "PASS" : "**MISS**"} |`,
      ),
    ].join("\n"),
  );
  if (!meetingOk) process.exitCode = 1;
}

await main();
