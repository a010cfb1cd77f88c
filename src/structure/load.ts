import { createHash } from "node:crypto";
import type { Database } from "../platform/db/database.ts";
import { AppError, type FieldError } from "../platform/http/errors.ts";
import {
  checkStructure,
  hospitalIdFromName,
  type Membership,
  planMemberships,
  type StructureFile,
  structureFileSchema,
} from "./model.ts";
import * as store from "./store.ts";

export type LoadResult = {
  asOf: string;
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
  if (problems.length > 0) {
    throw new AppError(
      "TOV_ERR_STRUCTURE_INVALID",
      problems.map((p) => p.message).join("; "),
      problems.map((p) => ({ in: "file", field: p.rule, reason: p.message })),
    );
  }
  return parsed.data;
}

function wantedMemberships(file: StructureFile): Omit<Membership, "validFrom" | "validTo">[] {
  return file.clusters.flatMap((c) => [
    ...c.municipalityCodes.map((code) => ({
      clusterId: c.id,
      municipalityCode: code,
      kind: "primary" as const,
    })),
    ...c.partialMunicipalityCodes.map((code) => ({
      clusterId: c.id,
      municipalityCode: code,
      kind: "partial" as const,
    })),
  ]);
}

async function applyMemberships(db: Database, file: StructureFile): Promise<number> {
  const open = await store.openMemberships(db);
  const changes = planMemberships(open, wantedMemberships(file), file.asOf);
  const byKey = new Map(open.map((m) => [`${m.kind}:${m.municipalityCode}:${m.clusterId}`, m]));
  let touched = 0;
  // Closing first keeps the single-primary trigger satisfied when a municipality moves.
  for (const change of changes) {
    if (change.action !== "close") continue;
    const m = change.membership;
    const row = byKey.get(`${m.kind}:${m.municipalityCode}:${m.clusterId}`);
    if (!row) continue;
    // A correction of the same version replaces the row instead of leaving an empty interval.
    if (row.validFrom >= change.validTo) await store.deleteMembership(db, row.id);
    else await store.closeMembership(db, row.id, change.validTo);
    touched++;
  }
  const opened = changes.flatMap((c) => (c.action === "open" ? [c.membership] : []));
  await store.insertMemberships(db, opened);
  return touched + opened.length;
}

/** Loads a structure file in one transaction: all of it, or (on any error) nothing. */
export async function loadStructure(db: Database, text: string): Promise<LoadResult> {
  const file = parseStructureFile(text);
  const sha = createHash("sha256").update(text).digest("hex");
  return db.transaction().execute(async (tx) => {
    const latest = await store.latestVersion(tx);
    if (latest && latest.asOf > file.asOf) {
      throw new AppError(
        "TOV_ERR_STRUCTURE_OUTDATED",
        `the file is as of ${file.asOf}, but a structure as of ${latest.asOf} is loaded; ` +
          "a past structure cannot be inserted before a later one",
      );
    }
    const summary = {
      regions: file.regions.length,
      municipalities: file.municipalities.length,
      clusters: file.clusters.length,
      acuteHospitals: new Set(file.clusters.flatMap((c) => c.acuteHospitals.map((h) => h.name)))
        .size,
      partialMemberships: file.clusters.reduce((n, c) => n + c.partialMunicipalityCodes.length, 0),
    };
    const same = await store.versionOn(tx, file.asOf);
    if (same?.sourceSha256 === sha) return { asOf: file.asOf, changed: false, summary };

    await writeStructure(tx, file);
    await store.recordVersion(tx, { asOf: file.asOf, sourceSha256: sha, summary });
    return { asOf: file.asOf, changed: true, summary };
  });
}

async function writeStructure(db: Database, file: StructureFile): Promise<void> {
  await store.upsertRegions(
    db,
    file.regions.map((r) => ({
      code: r.code,
      name: r.name,
      committeeName: r.committee,
      committeeVerified: r.committeeVerified,
    })),
  );
  await store.upsertMunicipalities(db, file.municipalities);
  await store.upsertClusters(
    db,
    file.clusters.map((c) => ({
      id: c.id,
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
  await store.closeClustersNotIn(
    db,
    file.clusters.map((c) => c.id),
    file.asOf,
  );
  const hospitals = new Map<
    string,
    { id: string; name: string; regionCode: string; sorCode: string | null }
  >();
  const links: { clusterId: string; hospitalId: string }[] = [];
  for (const c of file.clusters) {
    for (const h of c.acuteHospitals) {
      const id = hospitalIdFromName(h.name);
      hospitals.set(id, { id, name: h.name, regionCode: c.regionCode, sorCode: h.sorCode });
      links.push({ clusterId: c.id, hospitalId: id });
    }
  }
  await store.upsertHospitals(db, [...hospitals.values()]);
  await store.replaceClusterHospitals(db, links, file.asOf);
  await applyMemberships(db, file);
  await store.ensureStructureOrganisations(db);
}
