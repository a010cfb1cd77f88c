import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { writeHospitalNotification } from "../../src/interop/medcom/write-hospital-notification.ts";

/**
 * A distinct, valid synthetic CPR number for every i below 23,520 × 3,000: the
 * date walks days 1–28, months and the years 1930–1999; the serial starts with
 * 1–3 (born in the 1900s), so every number has a real date of birth.
 */
export function syntheticCpr(i: number): string {
  const day = (i % 28) + 1;
  const month = (Math.floor(i / 28) % 12) + 1;
  const year = 30 + (Math.floor(i / 336) % 70);
  const serial = 1000 + (Math.floor(i / 23_520) % 3000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(day)}${two(month)}${two(year)}${serial}`;
}

/**
 * The raw messages of `stays` hospital stays (an admission and a discharge
 * each, for distinct citizens), in the order a hospital would send them.
 * `offset` keeps separate runs from sharing citizens or message ids.
 */
export function stayMessages(stays: number, offset = 0): string[] {
  const raws: string[] = [];
  for (let i = offset; i < offset + stays; i++) {
    const flow = new NotificationFlow(
      participants(`bench-${i}`, {
        patient: { cpr: syntheticCpr(i), family: "Bench", given: ["Synthetic"] },
      }),
    );
    flow.admit({ class: "inpatient", at: "2026-03-02T09:10:00+01:00" });
    flow.discharge({ at: "2026-03-05T11:40:00+01:00" });
    for (const m of flow.messages) raws.push(JSON.stringify(writeHospitalNotification(m)));
  }
  return raws;
}
