import { sorEndpoint } from "../interop/medcom/codes.ts";
import type { HospitalNotification } from "../interop/medcom/hospital-notification.ts";
import { NotificationFlow } from "../interop/medcom/notification-flow.ts";
import { derivedUuid } from "../interop/medcom/write-hospital-notification.ts";
import type { SynthStay } from "./activity.ts";
import { danishTime } from "./danish-time.ts";
import type { SynthCitizen } from "./population.ts";
import { hospitalDepartment, municipalityUnit } from "./synthetic-codes.ts";

/**
 * A synthetic stay as the MedCom HospitalNotifications its hospital would
 * send, built with the same NotificationFlow as the tests: arrival (STAA or
 * STIN), leave and return, discharge or death, and now and then a corrected
 * discharge. The episode-of-care identifier is returned too: the facts file
 * refers to the stay by it.
 */
export function stayMessages(
  seed: number,
  citizen: SynthCitizen,
  municipalityName: string,
  stay: SynthStay,
  hospitalIndex: number,
): { episode: { system: string; value: string }; messages: readonly HospitalNotification[] } {
  const flowSeed = `synth:${seed}:${citizen.cpr}:${stay.n}`;
  const sender = hospitalDepartment(hospitalIndex, stay.hospital.name, stay.department);
  const episode = { system: sorEndpoint(sender.sor), value: derivedUuid(flowSeed, "episode") };
  const flow = new NotificationFlow({
    seed: flowSeed,
    sender,
    receiver: municipalityUnit(citizen.municipalityCode, municipalityName),
    patient: { cpr: citizen.cpr, family: citizen.family, given: [citizen.given] },
    episode,
  });
  const at = (ms: number) => ({ at: danishTime(ms) });
  if (stay.ambulant !== "none") flow.admit({ class: "acute-ambulant", ...at(stay.arrivedAt) });
  if (stay.ambulant !== "only") {
    flow.admit({
      class: "inpatient",
      ...at(stay.admittedAt),
      ...(stay.ambulant === "then-admitted" ? { reportRequested: false } : {}),
    });
  }
  if (stay.leave) {
    flow.startLeave(at(stay.leave.start));
    flow.endLeave(at(stay.leave.end));
  }
  if (stay.died) flow.die(at(stay.endedAt));
  else flow.discharge(at(stay.endedAt));
  if (stay.revisedDischarge) {
    // The ward corrects the discharge time an hour later, as happens when it was keyed wrong.
    flow.revise({
      at: danishTime(stay.endedAt - 30 * 60_000),
      sentAt: danishTime(stay.endedAt + 3_600_000),
    });
  }
  return { episode, messages: flow.messages };
}
