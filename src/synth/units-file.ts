import type { SynthMunicipality } from "./geography.ts";
import type { RunInputs } from "./municipality-run.ts";
import {
  DEPARTMENTS,
  hospitalDepartment,
  municipalityUnit,
  practiceUnitSor,
} from "./synthetic-codes.ts";

/**
 * The synthetic units in the organisation register's own CSV format, so
 * `tovholder synth load` registers them through the same import an
 * administrator uses: every hospital's departments (patients are treated
 * across body borders), the scope's municipalities' receiving units, and
 * the practices their citizens are listed with (the scope's and its
 * neighbours').
 */
const HEADER =
  "sor_code;name;kind;unit_type;gln;hospital_id;municipality_code;provider_number;synthetic";

const row = (cells: (string | null)[]) =>
  cells
    .map((c) => (c === null ? "" : /[;"]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
    .join(";");

export function unitsCsv(inputs: RunInputs, municipalities: readonly SynthMunicipality[]): string {
  const lines = [HEADER];
  for (const h of inputs.geography.hospitals) {
    const index = inputs.hospitalIndex.get(h.id) ?? 0;
    DEPARTMENTS.forEach((_, dept) => {
      const d = hospitalDepartment(index, h.name, dept);
      lines.push(
        row([
          d.sor,
          d.name,
          "hospital_department",
          "hospital_department",
          d.gln,
          h.id,
          null,
          null,
          "true",
        ]),
      );
    });
  }
  for (const m of municipalities) {
    const u = municipalityUnit(m.code, m.name);
    lines.push(
      row([u.sor, u.name, "municipal_unit", "visitation", u.gln, null, m.code, null, "true"]),
    );
  }
  const listedWith = new Set(municipalities.flatMap((m) => [m.code, ...m.neighbours]));
  for (const code of [...listedWith].sort()) {
    for (const p of inputs.practicesByMunicipality.get(code) ?? []) {
      lines.push(
        row([
          practiceUnitSor(p.providerNumber),
          p.name,
          "general_practice",
          "general_practice",
          null,
          null,
          p.municipalityCode,
          p.providerNumber,
          "true",
        ]),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
