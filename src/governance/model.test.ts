import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "../handovers/model.ts";
import {
  type AgreementStatus,
  type CommitmentInput,
  checkContent,
  commentRefusal,
  editRefusal,
  hundredthsOf,
  type MemberRole,
  mayRead,
  nextStatus,
  STATUSES,
  stepRefusal,
} from "./model.ts";

const roles: (MemberRole | null)[] = ["coordinator", "body_lead", "citizen_representative", null];

describe("the lifecycle", () => {
  it("goes draft → consultation → approved → adopted → in force → ended, and no further", () => {
    expect(STATUSES.map(nextStatus)).toEqual([
      "consultation",
      "approved",
      "adopted",
      "in-force",
      "ended",
      null,
    ]);
  });

  // Every (from, to, role): allowed exactly where the next step is taken by a role that may.
  const allowed: Record<string, MemberRole[]> = {
    "draft>consultation": ["coordinator", "body_lead"],
    "consultation>approved": ["coordinator", "body_lead"],
    "approved>adopted": ["body_lead"],
    "adopted>in-force": ["coordinator", "body_lead"],
    "in-force>ended": ["body_lead"],
  };
  for (const from of STATUSES)
    for (const to of STATUSES)
      for (const role of roles) {
        const may = (allowed[`${from}>${to}`] ?? []).includes(role as MemberRole);
        it(`${from} → ${to} by ${role ?? "a non-member"}: ${may ? "allowed" : "refused"}`, () => {
          const refusal = stepRefusal(from, to, role);
          if (may) expect(refusal).toBeNull();
          else expect(refusal).toMatchObject({ field: "to" });
        });
      }

  it("says why: a skipped step, an ended agreement, a role that may not", () => {
    expect(stepRefusal("draft", "adopted", "body_lead")?.problem).toBe("notNext");
    expect(stepRefusal("consultation", "draft", "body_lead")?.problem).toBe("notNext");
    expect(stepRefusal("ended", "draft", "body_lead")?.problem).toBe("ended");
    expect(stepRefusal("approved", "adopted", "coordinator")?.problem).toBe("roleMayNotStep");
    expect(stepRefusal("draft", "consultation", "citizen_representative")?.problem).toBe(
      "roleMayNotStep",
    );
  });
});

describe("editing, commenting and reading", () => {
  const editable: AgreementStatus[] = ["draft", "consultation"];
  for (const status of STATUSES)
    for (const role of roles) {
      const may = editable.includes(status) && (role === "coordinator" || role === "body_lead");
      it(`${role ?? "a non-member"} edits a ${status} agreement: ${may ? "yes" : "no"}`, () => {
        expect(editRefusal(status, role) === null).toBe(may);
      });
      const comments = status === "consultation" && role !== null;
      it(`${role ?? "a non-member"} comments on a ${status} agreement: ${comments ? "yes" : "no"}`, () => {
        expect(commentRefusal(status, role) === null).toBe(comments);
      });
    }

  it("shows members everything and everyone else adopted or public agreements", () => {
    for (const status of STATUSES) {
      expect(mayRead({ status, public: false }, "citizen_representative")).toBe(true);
      expect(mayRead({ status, public: true }, null)).toBe(true);
      expect(mayRead({ status, public: false }, null)).toBe(
        status === "adopted" || status === "in-force" || status === "ended",
      );
    }
  });
});

describe("money and staff", () => {
  const ok = (v: string | number) => hundredthsOf(v, "amount");
  it("keeps whole øre from text or numbers, never through floats", () => {
    expect(ok("1250000")).toEqual({ value: 125_000_000 });
    expect(ok("0.1")).toEqual({ value: 10 });
    expect(ok(0.29)).toEqual({ value: 29 });
    expect(ok("1999999.99")).toEqual({ value: 199_999_999 });
    expect(ok(2_000_000_000)).toEqual({ value: 200_000_000_000 });
    expect(ok("0")).toEqual({ value: 0 });
  });

  it("refuses negative amounts, more than two decimals and what is not a number, naming the field", () => {
    expect(ok("-1")).toEqual({
      problem: { field: "amount", reason: "must not be negative", problem: "negative" },
    });
    expect(ok(-0.01)).toMatchObject({ problem: { problem: "negative" } });
    expect(ok("10.005")).toMatchObject({ problem: { problem: "tooManyDecimals" } });
    expect(ok(1e-7)).toMatchObject({ problem: { problem: "tooManyDecimals" } });
    expect(ok("1e5")).toMatchObject({ problem: { problem: "notNumber" } });
    expect(ok(Number.NaN)).toMatchObject({ problem: { problem: "notNumber" } });
    expect(ok("1,5")).toMatchObject({ problem: { problem: "notNumber" } });
  });
});

describe("an agreement's content", () => {
  const party = { sector: "municipality" as const, organisation: "Næstved Kommune" };
  const commitment = (over: Partial<CommitmentInput> = {}): CommitmentInput => ({
    task: "IV-antibiotika i eget hjem efter udskrivelse",
    responsible: party,
    from: "2026-03-01",
    until: null,
    indicatorIds: ["readmission-30d"],
    resources: [
      {
        kind: "money",
        amount: "450000.50",
        currency: "DKK",
        from: { sector: "region", organisation: null },
        to: party,
      },
      { kind: "staff", fte: 1.5, from: { sector: "hospital", organisation: null }, to: party },
    ],
    handoverRule: null,
    ...over,
  });
  const known = new Set(["readmission-30d", "preventable-admissions"]);
  const content = (c: CommitmentInput[]) =>
    checkContent({ title: " Akut ", summary: "Kort", public: false, commitments: c }, known);

  it("normalises sound content: trimmed text, øre and hundredths", () => {
    expect(content([commitment()])).toEqual({
      content: {
        title: "Akut",
        summary: "Kort",
        public: false,
        commitments: [
          expect.objectContaining({
            resources: [
              expect.objectContaining({ kind: "money", amountOre: 45_000_050, currency: "DKK" }),
              expect.objectContaining({ kind: "staff", fteHundredths: 150 }),
            ],
          }),
        ],
      },
    });
  });

  it("names every refused field", () => {
    const result = content([
      commitment(),
      commitment({
        from: "2026-06-01",
        until: "2026-05-31",
        indicatorIds: ["readmission-30d", "no-such"],
        resources: [
          { kind: "money", amount: -5, currency: "EUR", from: party, to: party },
          { kind: "staff", fte: "0.125", from: party, to: party },
        ],
        handoverRule: {
          sector: "municipality",
          rule: { ...DEFAULT_RULES.municipality, deadlineMinutes: 0 },
        },
      }),
    ]);
    expect("problems" in result && result.problems.map((p) => [p.field, p.problem])).toEqual([
      ["commitments.1.until", "endsBeforeStart"],
      ["commitments.1.indicatorIds.1", "unknownIndicator"],
      ["commitments.1.handoverRule.rule.deadlineMinutes", "deadlineNotPositive"],
      ["commitments.1.resources.0.currency", "notKroner"],
      ["commitments.1.resources.0.amount", "negative"],
      ["commitments.1.resources.1.fte", "tooManyDecimals"],
    ]);
  });

  it("refuses an empty title and summary, and accepts a commitment that ends the day it starts", () => {
    const result = checkContent(
      {
        title: " ",
        summary: "",
        public: true,
        commitments: [commitment({ from: "2026-01-01", until: "2026-01-01" })],
      },
      known,
    );
    expect("problems" in result && result.problems.map((p) => p.field)).toEqual([
      "title",
      "summary",
    ]);
  });
});
