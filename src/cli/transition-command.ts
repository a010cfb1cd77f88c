import type { Command } from "commander";
import { operator } from "../access/admin-service.ts";
import { AppError } from "../platform/http/errors.ts";
import { danishToday } from "../structure/service.ts";
import { createTransition, type TransitionReport } from "../transition/service.ts";
import { operatorName, withDatabase } from "./users-commands.ts";

const HEADINGS: Record<TransitionReport["state"], string> = {
  applied: "carried over now",
  "already-applied": "carried over before; this is what it did",
  planned: "not carried over: this is what it would do (nothing was written)",
};

type RuleLine = TransitionReport["bodies"][number]["rules"][number];

function ruleLine(r: RuleLine): string {
  if (r.kept) return `  rule ${r.sector}: the body's own rule, set before the change, stays`;
  const what = r.carried === "own" ? `${r.from.name}'s own rule` : `the default, as ${r.from.name}`;
  const differ = r.predecessors
    .filter((p) => !p.same)
    .map((p) => `${p.name}: ${p.ownRule ? "own rule" : "default"}`);
  return r.needsConfirmation
    ? `  rule ${r.sector}: ${what} (from ${r.from.id}); NEEDS CONFIRMATION by the body's coordinators (different: ${differ.join("; ")})`
    : `  rule ${r.sector}: ${what} (from ${r.from.id})`;
}

/** The report as the operator reads it: per new body its rules and who moved in, with role. */
export function describeTransition(report: TransitionReport): string[] {
  const lines = [
    `Change of structure of ${report.date}: ${HEADINGS[report.state]}${
      report.appliedAt ? ` (at ${report.appliedAt})` : ""
    }.`,
  ];
  for (const body of report.bodies) {
    lines.push("", `${body.name} (${body.id}, ${body.kind})`);
    lines.push(...body.rules.map(ruleLine));
    for (const m of body.memberships)
      lines.push(
        `  membership: ${m.username} (user ${m.userId}) as ${m.role}: ${m.fromOrganisation} -> ${
          m.toOrganisation
        }${m.alreadyHeld ? " (held there already: only the old one is revoked)" : ""}`,
      );
  }
  for (const s of report.stay)
    lines.push(`Not moved (no successor): ${s.username} as ${s.role} at ${s.organisation}`);
  const rules = report.bodies.flatMap((b) => b.rules);
  const moved = report.bodies.reduce((n, b) => n + b.memberships.length, 0);
  lines.push(
    "",
    `In all: ${report.bodies.length} bodies, ${rules.filter((r) => !r.kept).length} rules carried over ` +
      `(${rules.filter((r) => r.needsConfirmation).length} to confirm), ${moved} memberships moved` +
      (report.state === "planned" ? " — none of it yet." : ", each audited as revoke and grant."),
  );
  return lines;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function registerTransitionCommand(structure: Command): void {
  structure
    .command("transition")
    .description(
      "carry work over to the bodies of a change of structure: handover rules to the new bodies " +
        "and the memberships of ended secretariats, each audited, and report it. The server does " +
        "this itself at the change's midnight; run it to see what it did, or with --dry-run before",
    )
    .option(
      "--date <YYYY-MM-DD>",
      "the changes dated on or before this day (default: today in Denmark)",
    )
    .option("--dry-run", "show what would be carried over, and write nothing")
    .action(async (options: { date?: string; dryRun?: boolean }) => {
      const date = options.date ?? danishToday();
      if (!DATE.test(date) || Number.isNaN(Date.parse(date)))
        throw new AppError("TOV_ERR_VALIDATION", "The option --date is not valid", [
          { in: "option", field: "--date", reason: "must be a date YYYY-MM-DD" },
        ]);
      await withDatabase(async (db) => {
        const transition = createTransition({ db, by: operator(operatorName()) });
        const dates = await transition.changeDates(date);
        if (dates.length === 0) {
          console.log(`No change of structure on or before ${date}.`);
          return;
        }
        const early = dates.find((day) => !transition.hasCome(day));
        if (early && !options.dryRun)
          throw new AppError(
            "TOV_ERR_VALIDATION",
            `The change of ${early} takes effect at midnight in Denmark and cannot be carried over before`,
            [
              {
                in: "option",
                field: "--date",
                reason: "is after today in Denmark; add --dry-run to see what it would do",
              },
            ],
          );
        for (const day of dates) {
          const report = options.dryRun
            ? await transition.report(day)
            : await transition.apply(day);
          for (const line of describeTransition(report)) console.log(line);
        }
      });
    });
}
