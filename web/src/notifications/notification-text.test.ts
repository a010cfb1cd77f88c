import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ladderStepName } from "../handovers/rule-text";
import { danish, english } from "../i18n/bundles";
import { notificationText } from "./notification-text";
import type { Notification } from "./types";

const da = i18next.createInstance();
const en = i18next.createInstance();
beforeAll(async () => {
  // As the app does (src/i18n/index.ts): React escapes, so i18next does not.
  const interpolation = { escapeValue: false };
  await da.init({ lng: "da", resources: { da: { translation: danish } }, interpolation });
  await en.init({ lng: "en", resources: { en: { translation: english } }, interpolation });
});

const base: Notification = {
  id: "n1",
  kind: "handover.created",
  handoverId: "h1",
  sector: "municipality",
  status: "open",
  deadlineAt: "2026-11-23T13:00:00Z",
  step: null,
  target: null,
  reason: null,
  createdAt: "2026-11-23T09:00:00Z",
  readAt: null,
};
const time = () => "23. nov. 2026 14.00";

describe("a notification in one sentence", () => {
  it("says a new handover with its receiver and deadline", () => {
    expect(notificationText(da.t, base, time)).toBe(
      "Ny overdragelse til kommunen – frist 23. nov. 2026 14.00",
    );
    expect(notificationText(en.t, { ...base, sector: "general-practice" }, time)).toBe(
      "New handover to the GP – deadline 23. nov. 2026 14.00",
    );
  });

  it("names an escalation's step as the rules page does: the coordinator's step is Trin 2", () => {
    // The server counts steps from 0; the default ladder's second step (index 1) is the
    // body's coordinator, which the rules page shows as "Trin 2". It once said "trin 1".
    const escalated = {
      ...base,
      kind: "handover.escalated" as const,
      step: 1,
      target: "body-coordinator" as const,
      bodyKind: "sundhedsklynge",
    };
    expect(notificationText(da.t, escalated, time)).toBe(
      "Eskalering – Trin 2: klyngens koordinator. Overdragelsen til kommunen er ikke bekræftet",
    );
    expect(notificationText(da.t, escalated, time)).toContain(
      ladderStepName(da.t, "municipality", 1, "body-coordinator", "sundhedsklynge"),
    );
    expect(notificationText(en.t, { ...escalated, step: 0, target: "receiver" }, time)).toBe(
      "Escalation – Step 1: the municipality itself. The handover to the municipality is not confirmed",
    );
  });

  it("names the receiver where the card knows it", () => {
    expect(notificationText(da.t, { ...base, receiverName: "Næstved Kommune" }, time)).toBe(
      "Ny overdragelse til Næstved Kommune – frist 23. nov. 2026 14.00",
    );
  });

  it("gives a decline's reason in words", () => {
    const declined = { ...base, kind: "handover.declined" as const, reason: "citizen-moved" };
    expect(notificationText(da.t, declined, time)).toBe("Afvist af kommunen: borgeren er flyttet");
    expect(notificationText(en.t, { ...declined, reason: null }, time)).toBe(
      "Declined by the municipality",
    );
  });

  it("says in words why a handover closed", () => {
    const closed = { ...base, kind: "handover.closed" as const, status: "closed" as const };
    expect(notificationText(da.t, { ...closed, reason: "death" }, time)).toBe(
      "Lukket: overdragelsen til kommunen er lukket (borgeren er død)",
    );
    expect(notificationText(en.t, { ...closed, reason: "stay-cancelled" }, time)).toBe(
      "Closed: the handover to the municipality is closed (the admission was cancelled)",
    );
  });
});

describe("a notice of handover rules to confirm", () => {
  it("names the body, and each rule with where it came from", () => {
    const notice: Notification = {
      id: "n2",
      kind: "body.rules-to-confirm",
      body: { id: "sundhedsraad-fyn", name: "Sundhedsråd Fyn", kind: "sundhedsraad" },
      rules: [
        { sector: "municipality", carriedOverFrom: { id: "fyn", name: "Sundhedsklynge Fyn" } },
      ],
      createdAt: "2026-12-31T23:00:00Z",
      readAt: null,
    };
    expect(notificationText(da.t, notice, time)).toBe(
      "Sundhedsråd Fyn har fået overdragelsesregler ved strukturændringen, som skal bekræftes: reglen for kommunen fra Sundhedsklynge Fyn.",
    );
    expect(notificationText(en.t, notice, time)).toBe(
      "Sundhedsråd Fyn was given handover rules at the change of structure that are to be confirmed: the municipality's rule from Sundhedsklynge Fyn.",
    );
  });
});

describe("a follow-up item without a GP", () => {
  const opened: Notification = {
    id: "n3",
    kind: "follow-up.opened",
    followUpId: "f1",
    createdAt: "2026-12-03T09:00:00Z",
    readAt: null,
  };
  const item = {
    id: "f1",
    status: "open" as const,
    dischargedAt: "2026-12-03T09:00:00Z",
    resolution: null,
    closedReason: null,
    followUpName: null,
    resolvedByName: null,
    resolvedByOrganisationName: null,
    resolvedAt: null,
  };

  it("asks who follows up, with when the citizen was discharged", () => {
    expect(notificationText(da.t, { ...opened, followUp: item }, time)).toBe(
      "Ingen praktiserende læge — hvem følger op? Udskrevet 23. nov. 2026 14.00",
    );
    expect(notificationText(en.t, { ...opened, followUp: item }, time)).toBe(
      "No GP — who follows up? Discharged 23. nov. 2026 14.00",
    );
  });

  it("says who follows up once it is settled, or that nobody needs to", () => {
    const resolved = { ...opened, kind: "follow-up.resolved" as const };
    const clinic = {
      ...item,
      status: "resolved" as const,
      resolution: "outpatient-clinic" as const,
      followUpName: "Medicinsk Ambulatorium",
    };
    expect(notificationText(da.t, { ...resolved, followUp: clinic }, time)).toBe(
      "Afklaret: Medicinsk Ambulatorium (sygehusets eget ambulatorium) følger op",
    );
    expect(
      notificationText(
        en.t,
        { ...resolved, followUp: { ...clinic, resolution: "practice", followUpName: "Lægehuset" } },
        time,
      ),
    ).toBe("Settled: Lægehuset follows up");
    expect(
      notificationText(
        da.t,
        { ...resolved, followUp: { ...clinic, resolution: "not-needed" } },
        time,
      ),
    ).toBe("Afklaret: ingen lægelig opfølgning er nødvendig");
  });

  it("says in words why an item closed without being settled", () => {
    const closed = { ...opened, kind: "follow-up.closed" as const };
    expect(
      notificationText(
        da.t,
        { ...closed, followUp: { ...item, status: "closed", closedReason: "death" } },
        time,
      ),
    ).toBe("Lukket uden afklaring: borgeren er død");
  });
});
