import { ageAt, type SynthStay } from "./activity.ts";
import { danishTime } from "./danish-time.ts";
import type { SynthCitizen } from "./population.ts";
import { createRandom } from "./random.ts";
import { correctedDischargeAt } from "./stay-messages.ts";

/**
 * An initiative's effect on the synthetic data: after a discharge that takes
 * part (the citizen lives in a participating municipality, is at least
 * `minimumAge` at the discharge, which is at or after `from`), an acute
 * readmission within 30 days happens with `relativeRisk` times its usual
 * chance. The generator first draws a citizen's year as without the effect,
 * then takes away the readmissions the initiative prevented, and with each
 * the readmissions it led to in turn. Each discharge's draw comes from a
 * stream of its own (by effect and citizen), so the effect moves no other
 * number: citizens who do not take part, and every stay that was not
 * prevented, are written byte for byte as without it.
 */
export type InitiativeEffect = {
  /** Names the effect's random streams and its line in the truth. */
  id: string;
  municipalityCodes: readonly string[];
  /** Age at discharge from which a citizen takes part (the initiative's age band). */
  minimumAge: number;
  /** Discharges at or after this instant (ms) take part. */
  from: number;
  /** Of an acute readmission within 30 days after a discharge that takes part. */
  relativeRisk: number;
};

/** The effect as the truth states it (truth/<code>.ndjson.gz of a participating municipality). */
export type InitiativeEffectTruth = {
  kind: "initiative-effect";
  id: string;
  municipalityCodes: string[];
  minimumAge: number;
  /** Danish time, as the truth's other instants. */
  from: string;
  relativeRisk: number;
};

const DAY = 86_400_000;
/** The indicator's window: an acute admission more than 0 and at most 30 days after a discharge. */
const WINDOW = 30 * DAY;

export function effectTruth(effect: InitiativeEffect): InitiativeEffectTruth {
  return {
    kind: "initiative-effect",
    id: effect.id,
    municipalityCodes: [...effect.municipalityCodes],
    minimumAge: effect.minimumAge,
    from: danishTime(effect.from),
    relativeRisk: effect.relativeRisk,
  };
}

/** An admission (not an acute ambulant visit that went home) that ended alive: an index. */
const isIndex = (s: SynthStay) => s.ambulant !== "only" && !s.died;

/** The discharge the hospital meant (a revision's corrected time), as the truth and the indicator take it. */
const dischargeOf = (s: SynthStay) => (s.revisedDischarge ? correctedDischargeAt(s) : s.endedAt);

/** An acute admission: what the indicator counts as a readmission. */
const isAcuteAdmission = (s: SynthStay) => s.admission === "acute" && s.ambulant !== "only";

/** `n` and every stay that followed from it as a readmission (causes: readmission → cause). */
function withConsequences(n: number, causes: ReadonlyMap<number, number>): number[] {
  const out = [n];
  for (let i = 0; i < out.length; i++)
    for (const [readmission, cause] of causes) if (cause === out[i]) out.push(readmission);
  return out;
}

/**
 * The stays the effects prevented, by n. For each discharge that takes part,
 * in time order, one draw: with probability 1 − relativeRisk every acute
 * admission starting within 30 days after it is prevented, with what followed
 * from it. So the chance that such a discharge is followed by an acute
 * readmission is `relativeRisk` times what it was, whether that admission was
 * drawn as a readmission or arrived by itself. A prevented stay in which the
 * citizen died takes the death with it; the citizen then has no stays for the
 * rest of the period, since none are drawn after a death.
 */
export function preventedStays(
  seed: number,
  citizen: Pick<SynthCitizen, "cpr" | "birthDate" | "municipalityCode">,
  stays: readonly SynthStay[],
  causes: ReadonlyMap<number, number>,
  effects: readonly InitiativeEffect[],
): Set<number> {
  const prevented = new Set<number>();
  for (const effect of effects) {
    if (!effect.municipalityCodes.includes(citizen.municipalityCode)) continue;
    const random = createRandom(seed, `initiative:${effect.id}:${citizen.cpr}`);
    for (const index of stays) {
      if (prevented.has(index.n) || !isIndex(index)) continue;
      const discharged = dischargeOf(index);
      if (discharged < effect.from || ageAt(citizen, discharged) < effect.minimumAge) continue;
      if (random.chance(effect.relativeRisk)) continue;
      for (const later of stays) {
        const gap = later.arrivedAt - discharged;
        if (gap <= 0 || gap > WINDOW || !isAcuteAdmission(later)) continue;
        for (const n of withConsequences(later.n, causes)) prevented.add(n);
      }
    }
  }
  return prevented;
}
