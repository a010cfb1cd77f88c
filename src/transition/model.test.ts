import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, type HandoverRule } from "../handovers/model.ts";
import type { SuccessorShare } from "../structure/succession.ts";
import { changeInstant, planMembershipMoves, planRuleCarryOver, sameRule } from "./model.ts";

const share = (bodyId: string, population: number): SuccessorShare => ({
  bodyId,
  population,
  municipalityCodes: [],
});

const quick: HandoverRule = {
  ...DEFAULT_RULES.municipality,
  deadlineMinutes: 120,
};

describe("the moment a change takes effect", () => {
  it("is midnight in Denmark, in winter and in summer time", () => {
    expect(changeInstant("2027-01-01").toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(changeInstant("2027-07-01").toISOString()).toBe("2027-06-30T22:00:00.000Z");
  });
});

describe("the rules a new body starts with", () => {
  const predecessors = new Map([["council", [share("big", 200_000), share("small", 30_000)]]]);

  it("are those of the predecessor holding most of its population, to be confirmed where they differ", () => {
    const plan = planRuleCarryOver(predecessors, [
      { bodyId: "big", sector: "municipality", rule: quick },
    ]);
    expect(plan).toEqual([
      {
        toBodyId: "council",
        sector: "municipality",
        fromBodyId: "big",
        rule: quick,
        needsConfirmation: true,
        predecessors: [
          { bodyId: "big", population: 200_000, ownRule: true, same: true },
          { bodyId: "small", population: 30_000, ownRule: false, same: false },
        ],
      },
      {
        toBodyId: "council",
        sector: "general-practice",
        fromBodyId: "big",
        rule: null,
        needsConfirmation: false,
        predecessors: [
          { bodyId: "big", population: 200_000, ownRule: false, same: true },
          { bodyId: "small", population: 30_000, ownRule: false, same: true },
        ],
      },
    ]);
  });

  it("carry the default where the largest had none, and ask when a smaller one had its own", () => {
    const [municipality] = planRuleCarryOver(predecessors, [
      { bodyId: "small", sector: "municipality", rule: quick },
    ]);
    expect(municipality).toMatchObject({ fromBodyId: "big", rule: null, needsConfirmation: true });
  });

  it("need no confirmation where the predecessors' own rules say the same", () => {
    const reordered = JSON.parse(
      JSON.stringify({ ladder: quick.ladder, hours: quick.hours, deadlineMinutes: 120 }),
    ) as HandoverRule;
    expect(sameRule(quick, reordered)).toBe(true);
    const [municipality] = planRuleCarryOver(predecessors, [
      { bodyId: "big", sector: "municipality", rule: quick },
      { bodyId: "small", sector: "municipality", rule: reordered },
    ]);
    expect(municipality?.needsConfirmation).toBe(false);
    // An own rule equal to the default is the same as following the default.
    const [asDefault] = planRuleCarryOver(predecessors, [
      { bodyId: "small", sector: "municipality", rule: DEFAULT_RULES.municipality },
    ]);
    expect(asDefault?.needsConfirmation).toBe(false);
  });
});

describe("where the people of an ended body's secretariat go", () => {
  const successors = new Map([
    ["ended", [share("council-a", 90_000), share("council-b", 10_000)]],
    ["going-on", [share("council-b", 5_000)]],
  ]);
  const secretariats = new Map([
    ["ended", "s-ended"],
    ["going-on", "s-going-on"],
    ["council-a", "s-a"],
    ["council-b", "s-b"],
  ]);

  it("to the secretariat of the successor that received most of its population", () => {
    const { moves, stay } = planMembershipMoves(successors, new Set(["ended"]), secretariats, [
      { membershipId: "m1", organisationId: "s-ended" },
      { membershipId: "m2", organisationId: "s-going-on" },
    ]);
    expect(moves).toEqual([
      {
        membershipId: "m1",
        organisationId: "s-ended",
        fromBodyId: "ended",
        toBodyId: "council-a",
        toOrganisationId: "s-a",
      },
    ]);
    // A body that goes on keeps its people, though it gave municipalities away.
    expect(stay).toEqual([{ membershipId: "m2", organisationId: "s-going-on" }]);
  });

  it("nowhere, where the successor has no secretariat: they stay, to be reported", () => {
    const { moves, stay } = planMembershipMoves(
      successors,
      new Set(["ended"]),
      new Map([["ended", "s-ended"]]),
      [{ membershipId: "m1", organisationId: "s-ended" }],
    );
    expect(moves).toEqual([]);
    expect(stay).toHaveLength(1);
  });
});
