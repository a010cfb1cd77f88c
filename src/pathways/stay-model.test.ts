import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldStay, type StayNotification } from "./stay-model.ts";

const t = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour));

function note(
  messageId: string,
  kind: StayNotification["kind"],
  hour: number,
  extra: Partial<StayNotification> = {},
): StayNotification {
  return {
    messageId,
    kind,
    variant: "new",
    occurredAt: t(hour),
    recordedAt: t(hour),
    refersToMessageId: null,
    ...extra,
  };
}

const admit = note("m1", "admit-inpatient", 1);
const leave = note("m2", "leave-start", 10);
const back = note("m3", "leave-end", 20);
const discharge = note("m4", "discharge", 30);

describe("foldStay", () => {
  it("follows a stay through leave to discharge", () => {
    const s = foldStay([admit, leave, back, discharge]);
    expect(s.status).toBe("discharged");
    expect(s.admittedAt).toEqual(t(1));
    expect(s.dischargedAt).toEqual(t(30));
    expect(s.leaves).toEqual([{ startedAt: t(10), endedAt: t(20) }]);
  });

  it("is on leave between the start and end of a leave", () => {
    expect(foldStay([leave, admit]).status).toBe("on-leave");
  });

  it("takes a discharge that arrives before its admission", () => {
    expect(foldStay([discharge]).status).toBe("discharged");
    expect(foldStay([discharge, admit]).admittedAt).toEqual(t(1));
  });

  it("applies a revision of the discharge time", () => {
    const revised = note("m5", "discharge", 33, {
      variant: "revision",
      recordedAt: t(34),
      refersToMessageId: "m4",
    });
    expect(foldStay([admit, revised, discharge]).dischargedAt).toEqual(t(33));
  });

  it("withdraws a cancelled discharge, even when the cancellation comes first", () => {
    const cancel = note("m6", "discharge", 30, {
      variant: "cancellation",
      recordedAt: t(31),
      refersToMessageId: "m4",
    });
    const s = foldStay([cancel, admit, discharge]);
    expect(s.status).toBe("admitted");
    expect(s.dischargedAt).toBeNull();
  });

  it("marks the whole stay cancelled when its admission is cancelled", () => {
    const cancel = note("m7", "admit-inpatient", 1, {
      variant: "cancellation",
      recordedAt: t(2),
      refersToMessageId: "m1",
    });
    expect(foldStay([admit, cancel]).status).toBe("cancelled");
  });

  it("cancels the newest matching event when the cancellation names no target", () => {
    const cancel = note("m8", "leave-start", 10, { variant: "cancellation", recordedAt: t(12) });
    expect(foldStay([admit, leave, cancel]).status).toBe("admitted");
  });

  it("counts a duplicate message once", () => {
    expect(foldStay([admit, leave, leave]).leaves).toHaveLength(1);
  });

  it("ends at death", () => {
    const death = note("m9", "death", 25);
    const s = foldStay([admit, death, discharge]);
    expect(s.status).toBe("deceased");
    expect(s.diedAt).toEqual(t(25));
  });
});

describe("order does not matter", () => {
  const revision = note("r1", "discharge", 29, {
    variant: "revision",
    recordedAt: t(35),
    refersToMessageId: "m4",
  });
  const cancelLeave = note("c1", "leave-start", 10, {
    variant: "cancellation",
    recordedAt: t(11),
    refersToMessageId: "m2",
  });
  const stays: StayNotification[][] = [
    [admit, leave, back, discharge],
    [admit, leave, back, discharge, revision],
    [admit, leave, cancelLeave, discharge, revision, discharge],
    [admit, note("d1", "death", 15), leave],
  ];

  for (const [i, messages] of stays.entries()) {
    it(`gives the same state for every permutation of stay ${i + 1}`, () => {
      const expected = foldStay(messages);
      fc.assert(
        fc.property(fc.shuffledSubarray(messages, { minLength: messages.length }), (order) => {
          expect(foldStay(order)).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });
  }
});
