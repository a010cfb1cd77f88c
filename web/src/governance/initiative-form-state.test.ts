import { describe, expect, it } from "vitest";
import { emptyInitiative, initiativeInputOf, inputIdOf, labelKeyOf } from "./initiative-form-state";

describe("the initiative form", () => {
  it("sends amounts typed the Danish way as decimal text, practices one per line, no indicator as null", () => {
    const input = initiativeInputOf({
      ...emptyInitiative(),
      baseline: "14,5",
      practices: "Lægehuset\n\n  Slagelse Lægehus ",
      budget: [{ party: "Region Sjælland", amount: "1.250.000,50" }],
    });
    expect(input).toMatchObject({
      indicatorId: null,
      ageBand: null,
      baseline: "14.5",
      practices: ["Lægehuset", "Slagelse Lægehus"],
      budget: [{ party: "Region Sjælland", amount: "1250000.50", currency: "DKK" }],
    });
  });

  it("takes a refused field to its input and label", () => {
    expect(inputIdOf("budget.1.amount")).toBe("initiative-budget-1-amount");
    expect(inputIdOf("municipalityCodes.0")).toBe("initiative-municipalityCodes");
    expect(inputIdOf("budget.2.currency")).toBe("initiative-budget-2-amount");
    expect(inputIdOf("version")).toBeNull();
    expect(labelKeyOf("budget.1.currency")).toBe("initiatives.form.currency");
    expect(labelKeyOf("milestones.0.title")).toBe("initiatives.form.milestoneTitle");
    expect(labelKeyOf("end")).toBe("initiatives.form.end");
  });
});
