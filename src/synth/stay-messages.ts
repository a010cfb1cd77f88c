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

export type StayPerson = {
  cpr: string;
  given: string;
  family: string;
  municipalityCode: string;
};

export type StayEvent = {
  /** When it happens in the stay's own time (ms). */
  at: number;
  /** Sends it on the flow, stamped with `stampedAt` (ms): its own time, or the demo's clock. */
  send: (stampedAt: number) => HospitalNotification;
};

export type StayFlow = {
  episode: { system: string; value: string };
  flow: NotificationFlow;
  events: StayEvent[];
};

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
  const at = (ms: number) => ({ at: danishTime(ms) });
  const events: StayEvent[] = [];
  const event = (time: number, send: (stamped: number) => HospitalNotification) =>
    events.push({ at: time, send });
  if (stay.ambulant !== "none")
    event(stay.arrivedAt, (t) => flow.admit({ class: "acute-ambulant", ...at(t) }));
  if (stay.ambulant !== "only") {
    const followsAmbulant = stay.ambulant === "then-admitted";
    event(stay.admittedAt, (t) =>
      flow.admit({
        class: "inpatient",
        ...at(t),
        ...(followsAmbulant ? { reportRequested: false } : {}),
      }),
    );
  }
  const leave = stay.leave;
  if (leave) {
    event(leave.start, (t) => flow.startLeave(at(t)));
    event(leave.end, (t) => flow.endLeave(at(t)));
  }
  if (stay.died) event(stay.endedAt, (t) => flow.die(at(t)));
  else event(stay.endedAt, (t) => flow.discharge(at(t)));
  if (stay.revisedDischarge) {
    // The ward corrects the discharge time an hour later, as happens when it was keyed wrong.
    event(stay.endedAt + 3_600_000, (t) =>
      flow.revise({ at: danishTime(t - 90 * 60_000), sentAt: danishTime(t) }),
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
    messages: due.map((e) => e.send(e.at)),
    pending: built.events.length - due.length,
  };
}
