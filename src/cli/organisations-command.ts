import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import { databaseFor, prepareDatabase } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { newUnitSchema, UNIT_KINDS, UNIT_TYPES } from "../structure/register-model.ts";
import { unitRowsOf } from "../structure/register-routes.ts";
import { createRegisterService } from "../structure/register-service.ts";

async function withRegister<T>(work: (r: ReturnType<typeof createRegisterService>) => Promise<T>) {
  const config = loadConfig();
  const database: DatabaseHandle = await databaseFor(config);
  try {
    await prepareDatabase(database, config.structureFiles);
    return await work(createRegisterService(database.db));
  } finally {
    await database.close();
  }
}

type AddOptions = {
  sor: string;
  name: string;
  kind: string;
  unitType?: string;
  gln?: string;
  hospital?: string;
  municipality?: string;
  providerNumber?: string;
};

export function registerOrganisationsCommands(program: Command): void {
  const organisations = program
    .command("organisations")
    .description(
      "the organisation register: SOR-coded hospital departments, municipal units and practices",
    );

  organisations
    .command("add")
    .description("register one unit")
    .requiredOption("--sor <code>", "SOR code (11 or more digits)")
    .requiredOption("--name <name>", "the unit's name")
    .requiredOption("--kind <kind>", UNIT_KINDS.join(" | "))
    .option("--unit-type <type>", UNIT_TYPES.join(" | "))
    .option("--gln <gln>", "EAN/GLN location number (13 digits)")
    .option("--hospital <id>", "for a department: the hospital id, e.g. slagelse-sygehus")
    .option(
      "--municipality <code>",
      "for a municipal unit or practice: the municipality code, e.g. 370",
    )
    .option("--provider-number <n>", "for a general practice: the provider number (ydernummer)")
    .action(async (o: AddOptions) => {
      const parsed = newUnitSchema.safeParse({
        sorCode: o.sor,
        name: o.name,
        kind: o.kind,
        unitType: o.unitType,
        gln: o.gln,
        hospitalId: o.hospital,
        municipalityCode: o.municipality,
        providerNumber: o.providerNumber,
      });
      if (!parsed.success) {
        throw new AppError(
          "TOV_ERR_VALIDATION",
          "The unit is not valid",
          parsed.error.issues.map((i) => ({
            in: "option",
            field: i.path.join("."),
            reason: i.message,
          })),
        );
      }
      const unit = await withRegister((r) => r.add(parsed.data));
      console.log(`Registered SOR ${unit.sorCode}: ${unit.name} (${unit.kind}).`);
    });

  organisations
    .command("import")
    .description(
      "import a CSV or JSON file of units; every row is checked first and nothing is written if one is wrong",
    )
    .argument(
      "<file>",
      "a .csv (columns sor_code,name,kind,unit_type,gln,hospital_id,municipality_code,provider_number) or .json file",
    )
    .option("--format <format>", "csv | json (default: from the file name)")
    .action(async (file: string, o: { format?: string }) => {
      const format = (o.format ?? extname(file).slice(1)).toLowerCase();
      if (format !== "csv" && format !== "json") {
        throw new AppError("TOV_ERR_VALIDATION", "Say which format the file is in", [
          { in: "option", field: "format", reason: "must be csv or json" },
        ]);
      }
      const content = await readFile(file, "utf8");
      const s = await withRegister((r) => r.import(unitRowsOf(format, content)));
      console.log(
        `Imported ${file}: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged.`,
      );
    });

  organisations
    .command("list")
    .description("list registered units")
    .option("--kind <kind>", UNIT_KINDS.join(" | "))
    .option("--municipality <code>", "municipality code")
    .option("--hospital <id>", "hospital id")
    .action(
      async (o: {
        kind?: (typeof UNIT_KINDS)[number];
        municipality?: string;
        hospital?: string;
      }) => {
        const units = await withRegister((r) =>
          r.list({
            limit: 1000,
            ...(o.kind ? { kind: o.kind } : {}),
            ...(o.municipality ? { municipalityCode: o.municipality } : {}),
            ...(o.hospital ? { hospitalId: o.hospital } : {}),
          }),
        );
        for (const u of units) {
          const where = u.hospitalName ?? u.municipalityName ?? "";
          console.log(`${u.sorCode}\t${u.kind}\t${u.unitType ?? ""}\t${u.name}\t${where}`);
        }
        console.log(`${units.length} unit(s).`);
      },
    );
}
