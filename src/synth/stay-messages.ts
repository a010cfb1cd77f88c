import { sorEndpoint } from "../interop/medcom/codes.ts";
import type { HospitalNotification } from "../interop/medcom/hospital-notification.ts";
import { NotificationFlow } from "../interop/medcom/notification-flow.ts";
import { derivedUuid } from "../interop/medcom/write-hospital-notification.ts";
import type { SynthStay } from "./activity.ts";
import { danishTime } from "./danish-time.ts";
import { hospitalDepartment, municipalityUnit } from "./synthetic-codes.ts";

/**
 * A synthetic stay as the MedCom HospitalNotifications its hospital would
 * send, built with the same NotificationFlow as the tests: arrival (STAA or
 * STIN), leave and return, discharge or death, and now and then a corrected
 * discharge. The events come as a list with their times, so a caller can send
 * them all at once (the generator) or one by one as time passes (the living
 * demo). Ids derive from the seed, so a stay replays identically.
 */

const HOUR = 3_600_000;

export type StayPerson = {
  cpr: string;
  given: string;
  family: string;
  municipalityCode: string;
};

/**
 * Maps a time of the stay's own (simulated) clock to the time a message
 * states: the same time for the generator's history, the accelerated demo's
 * real time for the living demo. Every time in a message goes through it, so
 * their order stays the stay's own.
 */
export type StayClock = (ms: number) => number;

/** The generator's clock: a message states the stay's own times. */
export const ownTime: StayClock = (ms) => ms;

export type StayEvent = {
  /** When it happens in the stay's own time (ms). */
  at: number;
  /** Sends it on the flow, its times stated through `clock`. */
  send: (clock: StayClock) => HospitalNotification;
};

export type StayFlow = {
  episode: { system: string; value: string };
  flow: NotificationFlow;
  events: StayEvent[];
};

/**
 * The discharge a revision corrects to: half an hour before the one first sent. The
 * truth file (truth.ts) states it as the discharge the hospital meant.
 */
export const correctedDischargeAt = (stay: Pick<SynthStay, "endedAt">) => stay.endedAt - HOUR / 2;

export function stayFlow(
  seed: number,
  person: StayPerson,
  municipalityName: string,
  stay: SynthStay,
  hospitalIndex: number,
): StayFlow {
  const flowSeed = `synth:${seed}:${person.cpr}:${stay.n}`;
  const sender = hospitalDepartment(hospitalIndex, stay.hospital.name, stay.department);
  const episode = { system: sorEndpoint(sender.sor), value: derivedUuid(flowSeed, "episode") };
  const flow = new NotificationFlow({
    seed: flowSeed,
    sender,
    receiver: municipalityUnit(person.municipalityCode, municipalityName),
    patient: { cpr: person.cpr, family: person.family, given: [person.given] },
    episode,
  });
  const events: StayEvent[] = [];
  /** An event at `time`, sent with every time it states (`at`, `sentAt`) through the clock. */
  const event = (time: number, send: (stated: StayClock) => HospitalNotification) =>
    events.push({ at: time, send });
  const at = (clock: StayClock, ms: number) => ({ at: danishTime(clock(ms)) });
  if (stay.ambulant !== "none")
    event(stay.arrivedAt, (c) => flow.admit({ class: "acute-ambulant", ...at(c, stay.arrivedAt) }));
  if (stay.ambulant !== "only") {
    const followsAmbulant = stay.ambulant === "then-admitted";
    event(stay.admittedAt, (c) =>
      flow.admit({
        class: "inpatient",
        ...at(c, stay.admittedAt),
        ...(followsAmbulant ? { reportRequested: false } : {}),
      }),
    );
  }
  const leave = stay.leave;
  if (leave) {
    event(leave.start, (c) => flow.startLeave(at(c, leave.start)));
    event(leave.end, (c) => flow.endLeave(at(c, leave.end)));
  }
  if (stay.died) event(stay.endedAt, (c) => flow.die(at(c, stay.endedAt)));
  else event(stay.endedAt, (c) => flow.discharge(at(c, stay.endedAt)));
  if (stay.revisedDischarge) {
    // An hour later the ward corrects the discharge to half an hour earlier, as when it was
    // keyed wrong: both times in the stay's own time, so on the demo's accelerated clock the
    // corrected discharge stays after the admission (it was 90 real minutes before the
    // correction was sent, which at 720× is before the admission: per-1).
    const sentAt = stay.endedAt + HOUR;
    const corrected = correctedDischargeAt(stay);
    event(sentAt, (c) =>
      flow.revise({ at: danishTime(c(corrected)), sentAt: danishTime(c(sentAt)) }),
    );
  }
  return { episode, flow, events };
}

/** All of a stay's messages up to `until` (ms), each stamped with its own time. */
export function stayMessages(
  seed: number,
  person: StayPerson,
  municipalityName: string,
  stay: SynthStay,
  hospitalIndex: number,
  until = Number.POSITIVE_INFINITY,
): { episode: StayFlow["episode"]; messages: HospitalNotification[]; pending: number } {
  const built = stayFlow(seed, person, municipalityName, stay, hospitalIndex);
  const due = built.events.filter((e) => e.at <= until);
  return {
    episode: built.episode,
    messages: due.map((e) => e.send(ownTime)),
    pending: built.events.length - due.length,
  };
}
