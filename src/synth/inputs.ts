import type { Geography } from "./geography.ts";
import type { RunInputs } from "./municipality-run.ts";
import { cprBlocks, practicesOf } from "./population.ts";

/**
 * What every municipality's run shares: the practices of every municipality
 * (a citizen may be listed next door), the CPR blocks and the hospitals'
 * numbering. Cheap and deterministic, so each worker builds its own copy.
 */
export function runInputs(geography: Geography, seed: number, scale: number): RunInputs {
  const byCode = new Map(geography.municipalities.map((m) => [m.code, m]));
  const practicesByMunicipality = new Map(
    geography.municipalities.map((m) => [m.code, practicesOf(seed, m, scale)]),
  );
  const hospitalIndex = new Map(
    [...geography.hospitals]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((h, i) => [h.id, i + 1] as const),
  );
  return {
    geography,
    byCode,
    practicesByMunicipality,
    cprBlocks: cprBlocks(geography.municipalities),
    hospitalIndex,
  };
}
