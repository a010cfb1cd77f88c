import type { SynthStay } from "./activity.ts";
import { danishTime } from "./danish-time.ts";
import type { InitiativeEffectTruth } from "./initiative-effect.ts";
import type { SynthCitizen } from "./population.ts";
import { correctedDischargeAt } from "./stay-messages.ts";

/**
 * What really happened, written beside the messages (truth/<code>.ndjson.gz):
 * one line per citizen and per stay, in the final state the hospital meant
 * after every correction, not as the messages said it on the way. Tests
 * compute indicators from it a second way and compare them with what the
 * product derived from the messages (test/support/indicator-second-path.ts).
 * Nothing here draws a random number, so writing it changes no other file.
 *
 * For the living demo the truth stops at the cut: a stay still running then
 * has `endedAt: null`, a death after it is not yet known, and a stay that
 * begins after it is left out (the simulator carries them on; they are not in
 * the truth).
 */

export type CitizenTruth = {
  kind: "citizen";
  cpr: string;
  birthDate: string;
  sex: "female" | "male";
  municipalityCode: string;
  /** Provider number (ydernummer) of the listed practice. */
  practice: string | null;
  diedAt: string | null;
};

export type StayTruth = {
  kind: "stay";
  cpr: string;
  /** The hospital's id in data/denmark-health-structure*.json (hospitalIdFromName). */
  hospitalId: string;
  episode: { system: string; value: string };
  /** The first physical attendance: the acute ambulant arrival when the stay began so. */
  admittedAt: string;
  /** Discharge (as corrected), death or transfer; null while still open at the cut. */
  endedAt: string | null;
  /** The generator never cancels a stay; a hand-written truth may. */
  cancelled: boolean;
  diedAt: string | null;
  admission: "acute" | "planned";
  beganAcuteAmbulant: boolean;
  diagnosis: string;
  medicallyReadyAt: string | null;
};

/**
 * A participating municipality's file begins with the effect of each initiative
 * the data carries (initiative-effect.ts): what a test measures the stays against.
 */
export type TruthLine = CitizenTruth | StayTruth | InitiativeEffectTruth;

/** The discharge the hospital meant: a revision's corrected time, else the one sent. */
const finalEndOf = (stay: SynthStay) =>
  stay.revisedDischarge ? correctedDischargeAt(stay) : stay.endedAt;

/** Ended by the cut: its discharge or death message was sent by then (as stayMessages decides). */
const endedBy = (stay: SynthStay, cutAt: number | undefined) =>
  cutAt === undefined || stay.endedAt <= cutAt;

export function citizenTruth(
  citizen: SynthCitizen,
  stays: readonly SynthStay[],
  cutAt?: number,
): CitizenTruth {
  const death = stays.find((s) => s.died && endedBy(s, cutAt));
  return {
    kind: "citizen",
    cpr: citizen.cpr,
    birthDate: citizen.birthDate,
    sex: citizen.sex,
    municipalityCode: citizen.municipalityCode,
    practice: citizen.practice,
    diedAt: death ? danishTime(death.endedAt) : null,
  };
}

/** A stay as it really went; null when it begins after the living demo's cut. */
export function stayTruth(
  cpr: string,
  stay: SynthStay,
  episode: { system: string; value: string },
  cutAt?: number,
): StayTruth | null {
  if (cutAt !== undefined && stay.arrivedAt > cutAt) return null;
  const ended = endedBy(stay, cutAt);
  return {
    kind: "stay",
    cpr,
    hospitalId: stay.hospital.id,
    episode,
    admittedAt: danishTime(stay.arrivedAt),
    endedAt: ended ? danishTime(finalEndOf(stay)) : null,
    cancelled: false,
    diedAt: ended && stay.died ? danishTime(stay.endedAt) : null,
    admission: stay.admission,
    beganAcuteAmbulant: stay.ambulant !== "none",
    diagnosis: stay.diagnosis,
    medicallyReadyAt: stay.medicallyReadyAt === null ? null : danishTime(stay.medicallyReadyAt),
  };
}
