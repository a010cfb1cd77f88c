import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy } from "../access/model.ts";
import { createOperatorAudit } from "../access/operator-audit.ts";
import { createCapacityService } from "../governance/capacity-service.ts";
import { createStructureService } from "../structure/service.ts";
import { operatorName, withDatabase } from "./users-commands.ts";

/** `tovholder capacity import <file>`: GP capacity facts from a CSV file, as the operator. */
export function registerCapacityCommands(program: Command): void {
  const capacity = program
    .command("capacity")
    .description("GP capacity: doctors, listed patients and closed practices per practice");
  capacity
    .command("import <file>")
    .description(
      "import a CSV file (provider_number, doctors, listed_patients, closed_to_new, as_of); " +
        "one bad row and nothing is written",
    )
    .action(async (file: string) => {
      const text = await readFile(file, "utf8");
      const result = await withDatabase((db) => {
        const operatorAudit = createOperatorAudit(db);
        const service = createCapacityService({
          db,
          access: createCitizenAccess(db, defaultAccessPolicy),
          structure: createStructureService(db),
          auditOperator: (e, tx) => operatorAudit({ ...e, resource: "gp-capacity" }, tx),
        });
        return service.importCsvAsOperator(operatorName(), text);
      });
      console.log(
        `Imported ${result.facts} capacity facts for ${result.practices} practices ` +
          `(${result.oldestAsOf} to ${result.newestAsOf}).`,
      );
    });
}
