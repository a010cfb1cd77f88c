import { createHash } from "node:crypto";
import type { Database } from "../platform/db/database.ts";
import { AppError, type FieldError } from "../platform/http/errors.ts";
import * as store from "./load-store.ts";
import {
  type BodyKind,
  checkAgainstLoaded,
  checkStructure,
  hospitalIdFromName,
  type Membership,
  planMemberships,
  type StructureFile,
  type StructureProblem,
  structureFileSchema,
} from "./model.ts";
import { planSuccessions, type Succession } from "./succession.ts";

export type LoadResult = {
  asOf: string;
  kind: BodyKind;
  /** Each municipality whose body changes on asOf (empty when nothing changed). */
  successions: Succession[];
  /** False when the database already held exactly this structure. */
  changed: boolean;
  summary: Record<string, number>;
};

/** Parses and checks a structure file; throws TOV_ERR_STRUCTURE_INVALID naming every offending code. */
export function parseStructureFile(text: string): StructureFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError("TOV_ERR_STRUCTURE_INVALID", `not valid JSON: ${(err as Error).message}`, [
      { in: "file", field: "(root)", reason: "not valid JSON" },
    ]);
  }
  const parsed = structureFileSchema.safeParse(json);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.map((i) => ({
      in: "file",
      field: i.path.join(".") || "(root)",
      reason: i.message,
    }));
    throw new AppError(
      "TOV_ERR_STRUCTURE_INVALID",
      errors.map((e) => `${e.field}: ${e.reason}`).join("; "),
      errors,
    );
  }
  const problems = checkStructure(parsed.data);
  if (problems.length > 0) refuse(problems);
  return parsed.data;
}

function wantedMemberships(file: StructureFile): Omit<Membership, "validFrom" | "validTo">[] {
  return file.bodies.flatMap((c) => [
    ...c.municipalityCodes.map((code) => ({
      bodyId: c.id,
      municipalityCode: code,
      kind: "primary" as const,
    })),
    ...c.partialMunicipalityCodes.map((code) => ({
      bodyId: c.id,
      municipalityCode: code,
      kind: "partial" as const,
    })),
  ]);
}

/** Applies the membership changes; returns how many rows changed and the successions they make. */
async function applyMemberships(db: Database, file: StructureFile) {
  const open = await store.openMemberships(db);
  const changes = planMemberships(open, wantedMemberships(file), file.asOf);
  const byKey = new Map(open.map((m) => [`${m.kind}:${m.municipalityCode}:${m.bodyId}`, m]));
  let touched = 0;
  const closing: { municipalityCode: string; bodyId: string }[] = [];
  // Closing first keeps the single-primary trigger satisfied when a municipality moves.
  for (const change of changes) {
    if (change.action !== "close") continue;
    const m = change.membership;
    const row = byKey.get(`${m.kind}:${m.municipalityCode}:${m.bodyId}`);
    if (!row) continue;
    // A correction of the same version replaces the row instead of leaving an empty interval.
    if (row.validFrom >= change.validTo) await store.deleteMembership(db, row.id);
    else {
      await store.closeMembership(db, row.id, change.validTo);
      if (m.kind === "primary") closing.push(m);
    }
    touched++;
  }
  const opened = changes.flatMap((c) => (c.action === "open" ? [c.membership] : []));
  await store.insertMemberships(db, opened);
  const successions = planSuccessions(
    closing,
    opened.filter((m) => m.kind === "primary"),
    file.asOf,
  );
  return { touched: touched + opened.length, successions };
}

function summarise(file: StructureFile): Record<string, number> {
  return {
    regions: file.regions.length,
    municipalities: file.municipalities.length,
    [file.kind === "sundhedsraad" ? "healthCouncils" : "clusters"]: file.bodies.length,
    acuteHospitals: new Set(file.bodies.flatMap((c) => c.acuteHospitals.map((h) => h.name))).size,
    partialMemberships: file.bodies.reduce((n, c) => n + c.partialMunicipalityCodes.length, 0),
  };
}

function refuse(problems: StructureProblem[]): never {
  throw new AppError(
    "TOV_ERR_STRUCTURE_INVALID",
    problems.map((p) => p.message).join("; "),
    problems.map((p) => ({ in: "file", field: p.rule, reason: p.message })),
  );
}

/**
 * Loads a structure file in one transaction: all of it, or (on any error) nothing.
 * A file already loaded is a no-op, even when a later one has been loaded since,
 * so the server can load every file it knows at each start, oldest first.
 */
export async function loadStructure(db: Database, text: string): Promise<LoadResult> {
  const file = parseStructureFile(text);
  const sha = createHash("sha256").update(text).digest("hex");
  const summary = summarise(file);
  return db.transaction().execute(async (tx) => {
    const same = await store.versionOn(tx, file.asOf);
    if (same?.sourceSha256 === sha) {
      return { asOf: file.asOf, kind: file.kind, changed: false, summary, successions: [] };
    }
    const latest = await store.latestVersion(tx);
    if (latest && latest.asOf > file.asOf) {
      throw new AppError(
        "TOV_ERR_STRUCTURE_OUTDATED",
        `the file is as of ${file.asOf}, but a structure as of ${latest.asOf} is loaded; ` +
          "a past structure cannot be inserted before a later one",
      );
    }
    const problems = checkAgainstLoaded(file, await store.loadedMunicipalityCodes(tx));
    if (problems.length > 0) refuse(problems);

    const successions = await writeStructure(tx, file);
    await store.recordVersion(tx, { asOf: file.asOf, sourceSha256: sha, summary });
    return { asOf: file.asOf, kind: file.kind, changed: true, summary, successions };
  });
}

async function writeStructure(db: Database, file: StructureFile): Promise<Succession[]> {
  await store.writeRegions(db, file.regions, file.asOf);
  await store.upsertMunicipalities(db, file.municipalities);
  await store.upsertBodies(
    db,
    file.bodies.map((c) => ({
      id: c.id,
      kind: file.kind,
      name: c.name,
      regionCode: c.regionCode,
      aliases: c.aliases,
      verified: c.verified,
      verification: c.verification,
      sources: c.sources,
      notes: c.notes,
    })),
    file.asOf,
  );
  const hospitals = new Map<
    string,
    { id: string; name: string; regionCode: string; sorCode: string | null }
  >();
  const links: { bodyId: string; hospitalId: string }[] = [];
  for (const c of file.bodies) {
    for (const h of c.acuteHospitals) {
      const id = hospitalIdFromName(h.name);
      hospitals.set(id, { id, name: h.name, regionCode: c.regionCode, sorCode: h.sorCode });
      links.push({ bodyId: c.id, hospitalId: id });
    }
  }
  await store.upsertHospitals(db, [...hospitals.values()]);
  await store.replaceBodyHospitals(db, links, file.asOf);
  const { successions } = await applyMemberships(db, file);
  await store.writeSuccessions(db, successions, file.asOf);
  // Ending bodies and regions last: nothing that points at them is still open from asOf.
  await store.closeBodiesNotIn(
    db,
    file.bodies.map((c) => c.id),
    file.asOf,
  );
  await store.closeRegionsNotIn(
    db,
    file.regions.map((r) => r.code),
    file.asOf,
  );
  await store.ensureStructureOrganisations(db);
  return successions;
}
