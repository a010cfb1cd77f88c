import type { PersonalDataCipher } from "../citizens/crypto.ts";
import { assembleIngest } from "../interop/assemble.ts";
import { NotificationFlow } from "../interop/medcom/notification-flow.ts";
import { writeHospitalNotification } from "../interop/medcom/write-hospital-notification.ts";
import type { Database } from "../platform/db/database.ts";
import { danishTime } from "./danish-time.ts";
import { DEMO_UNITS } from "./demo-units.ts";

/**
 * The demo's hospital activity, sent as MedCom HospitalNotifications through
 * the same ingest as real messages (no back door into the tables). Times are
 * relative to `now`, so the demo always looks current.
 */

const HOUR = 3_600_000;
const hospital = {
  sor: DEMO_UNITS.slagelseMedical.sorCode,
  gln: DEMO_UNITS.slagelseMedical.gln,
  name: DEMO_UNITS.slagelseMedical.name,
};
const naestved = {
  sor: DEMO_UNITS.naestvedHomeNursing.sorCode,
  gln: DEMO_UNITS.naestvedHomeNursing.gln,
  name: DEMO_UNITS.naestvedHomeNursing.name,
};
const slagelse = {
  sor: DEMO_UNITS.slagelseVisitation.sorCode,
  gln: DEMO_UNITS.slagelseVisitation.gln,
  name: DEMO_UNITS.slagelseVisitation.name,
};

export function demoFlows(now: number): NotificationFlow[] {
  const at = (hoursAgo: number) => ({ at: danishTime(now - hoursAgo * HOUR) });
  const karen = new NotificationFlow({
    seed: `demo-karen-${now}`,
    sender: hospital,
    receiver: naestved,
    patient: { cpr: "1203451962", family: "Hansen", given: ["Karen", "Demo"] },
  });
  karen.admit({ class: "inpatient", ...at(72) });

  const bent = new NotificationFlow({
    seed: `demo-bent-${now}`,
    sender: hospital,
    receiver: slagelse,
    patient: { cpr: "0507382981", family: "Larsen", given: ["Bent", "Demo"] },
  });
  bent.admit({ class: "inpatient", ...at(20 * 24) });
  bent.startLeave(at(18 * 24));
  bent.endLeave(at(17 * 24 + 4));
  bent.discharge(at(15 * 24));

  const birthe = new NotificationFlow({
    seed: `demo-birthe-${now}`,
    sender: hospital,
    receiver: naestved,
    patient: { cpr: "2208411958", family: "Jensen", given: ["Birthe", "Demo"] },
  });
  birthe.admit({ class: "acute-ambulant", ...at(30) });
  birthe.admit({ class: "inpatient", ...at(26), reportRequested: false });
  return [karen, bent, birthe];
}

export async function ingestDemoActivity(db: Database, cipher: PersonalDataCipher, now: number) {
  // The ingest's now is the seed's: its messages lie before it, never ahead of it.
  const ingest = assembleIngest(db, cipher, { clock: () => new Date(now) });
  const outcomes: string[] = [];
  for (const flow of demoFlows(now)) {
    for (const message of flow.messages) {
      const result = await ingest.receive(JSON.stringify(writeHospitalNotification(message)), {
        via: "import",
      });
      outcomes.push(result.outcome);
    }
  }
  if (outcomes.some((o) => o !== "accepted")) {
    throw new Error(`The demo's own messages were not all accepted: ${outcomes.join(", ")}`);
  }
  return outcomes.length;
}
