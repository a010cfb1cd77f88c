import type { AgreementView, ContentInput, PartySector } from "./api";

/** The draft form's state: what is typed, as typed (amounts as text), turned into the API's input on save. */
export type ResourceDraft = {
  kind: "money" | "staff";
  value: string;
  from: PartySector;
  to: PartySector;
};
export type CommitmentDraft = {
  task: string;
  sector: PartySector;
  organisation: string;
  from: string;
  until: string;
  indicatorIds: string[];
  resources: ResourceDraft[];
  isRule: boolean;
  ruleSector: "municipality" | "general-practice";
  ruleDeadlineHours: string;
};
export type AgreementDraft = {
  title: string;
  summary: string;
  public: boolean;
  commitments: CommitmentDraft[];
};

export const emptyCommitment = (): CommitmentDraft => ({
  task: "",
  sector: "municipality",
  organisation: "",
  from: "",
  until: "",
  indicatorIds: [],
  resources: [],
  isRule: false,
  ruleSector: "municipality",
  ruleDeadlineHours: "",
});

export const emptyDraft = (): AgreementDraft => ({
  title: "",
  summary: "",
  public: false,
  commitments: [emptyCommitment()],
});

const decimal = (hundredths: number) =>
  hundredths % 100 === 0 ? String(hundredths / 100) : (hundredths / 100).toFixed(2);

/** An agreement's current version as the form's state. */
export function draftOf(a: AgreementView): AgreementDraft {
  return {
    title: a.title,
    summary: a.summary,
    public: a.public,
    commitments: a.commitments.map((c) => ({
      task: c.task,
      sector: c.responsible.sector,
      organisation: c.responsible.organisation ?? "",
      from: c.from,
      until: c.until ?? "",
      indicatorIds: c.indicatorIds,
      resources: c.resources.map((r) => ({
        kind: r.kind,
        value: r.kind === "money" ? decimal(r.amountOre) : decimal(r.fteHundredths),
        from: r.from.sector,
        to: r.to.sector,
      })),
      isRule: c.handoverRule !== null,
      ruleSector: c.handoverRule?.sector ?? "municipality",
      ruleDeadlineHours: c.handoverRule ? String(c.handoverRule.rule.deadlineMinutes / 60) : "",
    })),
  };
}

type Rule = NonNullable<ContentInput["commitments"][number]["handoverRule"]>["rule"];

/**
 * The form's state as the API's input. A handover rule keeps the body's
 * current opening hours and ladder for its sector (`rules`), with the deadline typed.
 */
export function inputOf(
  d: AgreementDraft,
  rules: { sector: string; rule: Rule }[],
  decimalText: (typed: string) => string,
): ContentInput {
  return {
    title: d.title,
    summary: d.summary,
    public: d.public,
    commitments: d.commitments.map((c) => {
      const base = rules.find((r) => r.sector === c.ruleSector)?.rule;
      const hours = Number(decimalText(c.ruleDeadlineHours));
      const party = (sector: PartySector) => ({ sector, organisation: null });
      return {
        task: c.task,
        responsible: { sector: c.sector, organisation: c.organisation.trim() || null },
        from: c.from,
        until: c.until === "" ? null : c.until,
        indicatorIds: c.indicatorIds,
        resources: c.resources.map((r) =>
          r.kind === "money"
            ? {
                kind: "money" as const,
                amount: decimalText(r.value),
                currency: "DKK",
                from: party(r.from),
                to: party(r.to),
              }
            : {
                kind: "staff" as const,
                fte: decimalText(r.value),
                from: party(r.from),
                to: party(r.to),
              },
        ),
        handoverRule:
          c.isRule && base
            ? {
                sector: c.ruleSector,
                rule: {
                  ...base,
                  deadlineMinutes: Number.isFinite(hours) ? Math.round(hours * 60) : 0,
                },
              }
            : null,
      };
    }),
  };
}
