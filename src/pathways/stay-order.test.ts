import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowFor, participants, USE_CASES } from "../interop/medcom/fixtures.ts";
import { NotificationFlow } from "../interop/medcom/notification-flow.ts";
import { stayNotificationOf } from "../interop/medcom/stay-notification.ts";
import { foldStay, type StayNotification } from "./stay-model.ts";

/**
 * Issue 4, point 6: the state of a stay depends on event times, never on the
 * order messages arrive in. Each case is a real MedCom flow, written by the
 * notification writer, applied in every order (or, for long flows, in many
 * random orders) with duplicates mixed in.
 */

const summary = (notes: StayNotification[]) => {
  const s = foldStay(notes);
  return { ...s, effective: s.effective.map((n) => n.messageId) };
};

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("a stay's state does not depend on arrival order", () => {
  for (const useCase of Object.keys(USE_CASES)) {
    it(`${useCase}: every permutation of its messages gives the same state`, () => {
      const notes = flowFor(useCase).messages.map(stayNotificationOf);
      const expected = summary(notes);
      for (const order of permutations(notes)) expect(summary(order)).toEqual(expected);
    });
  }

  it("the expected final states per use case", () => {
    const status = (useCase: string) =>
      foldStay(flowFor(useCase).messages.map(stayNotificationOf)).status;
    expect(status("STIN")).toBe("admitted");
    expect(status("AN_STIN")).toBe("cancelled");
    expect(status("STOR")).toBe("on-leave");
    expect(status("AN_STOR")).toBe("admitted");
    expect(status("SLOR")).toBe("admitted");
    expect(status("AN_SLOR")).toBe("on-leave");
    expect(status("SLHJ")).toBe("discharged");
    expect(status("AN_SLHJ")).toBe("admitted");
    expect(status("MORS")).toBe("deceased");
    expect(status("MORS_ON_ARRIVAL")).toBe("deceased");
    expect(status("AN_MORS")).toBe("admitted");
    expect(status("STAA_THEN_STIN")).toBe("admitted");
  });

  it("applies a corrected time and a corrected death", () => {
    const re = foldStay(flowFor("RE_SLHJ").messages.map(stayNotificationOf));
    expect(re.dischargedAt?.toISOString()).toBe("2026-03-07T11:00:00.000Z");
    const death = foldStay(flowFor("RE_MORS").messages.map(stayNotificationOf));
    expect(death.diedAt?.toISOString()).toBe("2026-03-06T02:05:00.000Z");
    expect(death.effective.filter((n) => n.kind === "death")).toHaveLength(1);
  });

  it("loads a late admission as history: STAA, SLHJ, then the STIN that happened between them", () => {
    const flow = new NotificationFlow(participants("late-stin"));
    flow.admit({ class: "acute-ambulant", at: "2026-03-02T09:10:00+01:00" });
    flow.admit({ class: "inpatient", at: "2026-03-02T12:00:00+01:00", reportRequested: false });
    flow.discharge({ at: "2026-03-04T10:00:00+01:00" });
    const [staa, stin, slhj] = flow.messages.map(stayNotificationOf);
    const state = foldStay([staa, slhj, stin].flatMap((n) => (n ? [n] : [])));
    expect(state.status).toBe("discharged");
    expect(state.encounterClass).toBe("inpatient");
  });

  it("random longer flows with corrections, cancellations and duplicates: any order, same state", () => {
    const step = fc.constantFrom("leave", "revise", "cancel", "none");
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.integer(),
        (steps, dies, seed) => {
          const flow = new NotificationFlow(participants(`random-${seed}`));
          let day = 2;
          const at = (h: number) =>
            `2026-04-${String(day).padStart(2, "0")}T${String(h).padStart(2, "0")}:00:00+02:00`;
          flow.admit({ class: "inpatient", at: at(8) });
          let onLeave = false;
          for (const s of steps) {
            day += 1;
            if (s === "leave") {
              if (onLeave) flow.endLeave({ at: at(18) });
              else flow.startLeave({ at: at(9) });
              onLeave = !onLeave;
            } else if (s === "revise") flow.revise({ at: at(7), sentAt: at(12) });
            else if (s === "cancel" && flow.messages.length > 1) flow.cancel({ sentAt: at(13) });
          }
          day += 1;
          if (dies) flow.die({ at: at(4) });
          else flow.discharge({ at: at(11) });
          const notes = flow.messages.map(stayNotificationOf);
          return (
            fc.assert(
              fc.property(
                fc.shuffledSubarray([...notes, ...notes.slice(0, 2)], {
                  minLength: notes.length + Math.min(2, notes.length),
                }),
                (order) => {
                  expect(summary(order)).toEqual(summary(notes));
                },
              ),
              { numRuns: 30 },
            ) ?? true
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
