/**
 * A body's agreements on who does what, as pure rules: the lifecycle and who
 * may take each step, who may read and edit, and what makes an agreement's
 * content sound (money, staff, dates, indicators). No I/O.
 */
import type { HandoverRule, Sector as ReceivingSector } from "../handovers/model.ts";
import { ruleProblems } from "../handovers/model.ts";

export const STATUSES = [
  "draft",
  "consultation",
  "approved",
  "adopted",
  "in-force",
  "ended",
] as const;
export type AgreementStatus = (typeof STATUSES)[number];

/** The parties that do a task or move resources. */
export const PARTY_SECTORS = ["region", "hospital", "municipality", "general-practice"] as const;
export type PartySector = (typeof PARTY_SECTORS)[number];
export type Party = { sector: PartySector; organisation: string | null };

/** Money in whole øre (integer), staff in hundredths of a full-time equivalent (integer). */
export type Resource =
  | { kind: "money"; amountOre: number; currency: "DKK"; from: Party; to: Party }
  | { kind: "staff"; fteHundredths: number; from: Party; to: Party };

export type Commitment = {
  task: string;
  responsible: Party;
  from: string;
  until: string | null;
  indicatorIds: string[];
  resources: Resource[];
  /** Where the commitment is a handover rule: adopting the agreement sets it for the body. */
  handoverRule: { sector: ReceivingSector; rule: HandoverRule } | null;
};

export type AgreementContent = {
  title: string;
  summary: string;
  public: boolean;
  commitments: Commitment[];
};

/** A resource as it arrives: an amount as text or a number, any currency, to be checked. */
export type ResourceInput =
  | {
      kind: "money";
      amount: string | number;
      currency: string;
      from: Party;
      to: Party;
    }
  | { kind: "staff"; fte: string | number; from: Party; to: Party };

export type CommitmentInput = Omit<Commitment, "resources"> & { resources: ResourceInput[] };
export type ContentInput = Omit<AgreementContent, "commitments"> & {
  commitments: CommitmentInput[];
};

/** What is wrong with a field: its dotted path, the English reason and a key the web translates. */
export type Problem = { field: string; reason: string; problem: string };

/** The roles held at a body's secretariat that make someone a member of the body. */
export type MemberRole = "coordinator" | "body_lead" | "citizen_representative";

/**
 * Who may take each step. The coordinators (the secretariat) prepare, send to
 * consultation and record the professional approval and the date it comes
 * into force; the political level — the body's lead — adopts and ends.
 */
export const STEP_ROLES: Record<Exclude<AgreementStatus, "draft">, readonly MemberRole[]> = {
  consultation: ["coordinator", "body_lead"],
  approved: ["coordinator", "body_lead"],
  adopted: ["body_lead"],
  "in-force": ["coordinator", "body_lead"],
  ended: ["body_lead"],
};

/** The roles that write the agreement's content. */
export const EDITOR_ROLES: readonly MemberRole[] = ["coordinator", "body_lead"];

/** Adopted and after: a political decision of a public body, readable by anyone. */
export const PUBLIC_STATUSES: readonly AgreementStatus[] = ["adopted", "in-force", "ended"];

/** The step that follows a status, or null after the last. */
export function nextStatus(status: AgreementStatus): AgreementStatus | null {
  return STATUSES[STATUSES.indexOf(status) + 1] ?? null;
}

/** Why `actor` may not move an agreement from `from` to `to`, or null when they may. */
export function stepRefusal(
  from: AgreementStatus,
  to: AgreementStatus,
  role: MemberRole | null,
): Problem | null {
  if (from === "ended")
    return { field: "to", reason: "the agreement has ended; that is final", problem: "ended" };
  if (to === "draft" || nextStatus(from) !== to)
    return {
      field: "to",
      reason: `an agreement that is ${from} can only go on to ${nextStatus(from)}`,
      problem: "notNext",
    };
  if (role === null || !STEP_ROLES[to].includes(role))
    return {
      field: "to",
      reason: `only ${STEP_ROLES[to].join(" or ")} of the body may make it ${to}`,
      problem: "roleMayNotStep",
    };
  return null;
}

/** The content may change while it is being prepared and heard, not once approved. */
export function editRefusal(status: AgreementStatus, role: MemberRole | null): Problem | null {
  if (role === null || !EDITOR_ROLES.includes(role))
    return {
      field: "version",
      reason: "only the body's coordinators and lead edit its agreements",
      problem: "roleMayNotEdit",
    };
  if (status !== "draft" && status !== "consultation")
    return {
      field: "version",
      reason: `an agreement that is ${status} cannot be changed`,
      problem: "frozen",
    };
  return null;
}

/** Any member of the body comments, the citizens' representatives first; only in consultation. */
export function commentRefusal(status: AgreementStatus, role: MemberRole | null): Problem | null {
  if (role === null)
    return {
      field: "text",
      reason: "only the body's members comment on its agreements",
      problem: "notMember",
    };
  if (status !== "consultation")
    return {
      field: "version",
      reason: "comments are taken while the agreement is in consultation",
      problem: "notInConsultation",
    };
  return null;
}

/** Members read every agreement of their body; everyone else adopted ones and those marked public. */
export function mayRead(
  agreement: { status: AgreementStatus; public: boolean },
  role: MemberRole | null,
): boolean {
  return role !== null || agreement.public || PUBLIC_STATUSES.includes(agreement.status);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A decimal as an integer of hundredths, or why not: never negative, at most
 * two decimals. Parsed from its text, so 0.1 + 0.2 never enters.
 */
export function hundredthsOf(
  value: string | number,
  field: string,
): { value: number } | { problem: Problem } {
  const text = typeof value === "number" ? numberText(value) : value.trim();
  if (!DECIMAL.test(text))
    return { problem: { field, reason: "must be a number", problem: "notNumber" } };
  if (text.startsWith("-") && !/^-0+(\.0+)?$/.test(text))
    return { problem: { field, reason: "must not be negative", problem: "negative" } };
  const [whole = "0", decimals = ""] = text.replace(/^-/, "").split(".");
  if (decimals.length > 2)
    return {
      problem: { field, reason: "must have at most two decimals", problem: "tooManyDecimals" },
    };
  const cents = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, "0"));
  if (cents > BigInt(Number.MAX_SAFE_INTEGER))
    return { problem: { field, reason: "is too large", problem: "tooLarge" } };
  return { value: Number(cents) };
}

/** A number as plain decimal text (no exponent), so its decimals can be counted. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return "NaN";
  const text = String(n);
  if (!/e/i.test(text)) return text;
  // 1e-7 and 1e21: spell them out; a tiny fraction then has too many decimals, as it should.
  return n.toFixed(20).replace(/\.?0+$/, "");
}

/** The content, checked and normalised, or every problem naming its field. */
export function checkContent(
  input: ContentInput,
  knownIndicators: ReadonlySet<string>,
): { content: AgreementContent } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const commitments = input.commitments.map((c, i) =>
    checkCommitment(c, `commitments.${i}`, knownIndicators, problems),
  );
  if (input.title.trim() === "")
    problems.push({ field: "title", reason: "must not be empty", problem: "required" });
  if (input.summary.trim() === "")
    problems.push({ field: "summary", reason: "must not be empty", problem: "required" });
  if (problems.length > 0) return { problems };
  return {
    content: {
      title: input.title.trim(),
      summary: input.summary.trim(),
      public: input.public,
      commitments,
    },
  };
}

function checkCommitment(
  c: CommitmentInput,
  at: string,
  known: ReadonlySet<string>,
  problems: Problem[],
): Commitment {
  if (c.task.trim() === "")
    problems.push({ field: `${at}.task`, reason: "must not be empty", problem: "required" });
  if (!DATE.test(c.from))
    problems.push({ field: `${at}.from`, reason: "must be a date", problem: "notDate" });
  if (c.until !== null && !DATE.test(c.until))
    problems.push({ field: `${at}.until`, reason: "must be a date", problem: "notDate" });
  else if (c.until !== null && c.until < c.from)
    problems.push({
      field: `${at}.until`,
      reason: "must not end before it starts",
      problem: "endsBeforeStart",
    });
  c.indicatorIds.forEach((id, k) => {
    if (!known.has(id))
      problems.push({
        field: `${at}.indicatorIds.${k}`,
        reason: `is not an indicator: ${id}`,
        problem: "unknownIndicator",
      });
  });
  if (c.handoverRule)
    for (const p of ruleProblems(c.handoverRule.rule))
      problems.push({ ...p, field: `${at}.handoverRule.rule.${p.field}` });
  const resources = c.resources.flatMap((r, k) => {
    const checked = checkResource(r, `${at}.resources.${k}`);
    if ("problems" in checked) {
      problems.push(...checked.problems);
      return [];
    }
    return [checked.resource];
  });
  return {
    task: c.task.trim(),
    responsible: c.responsible,
    from: c.from,
    until: c.until,
    indicatorIds: [...new Set(c.indicatorIds)],
    resources,
    handoverRule: c.handoverRule,
  };
}

function checkResource(
  r: ResourceInput,
  at: string,
): { resource: Resource } | { problems: Problem[] } {
  const problems: Problem[] = [];
  if (r.kind === "money") {
    if (r.currency !== "DKK")
      problems.push({
        field: `${at}.currency`,
        reason: "must be DKK (kr.)",
        problem: "notKroner",
      });
    const amount = hundredthsOf(r.amount, `${at}.amount`);
    if ("problem" in amount) problems.push(amount.problem);
    if (problems.length > 0 || "problem" in amount) return { problems };
    return {
      resource: { kind: "money", amountOre: amount.value, currency: "DKK", from: r.from, to: r.to },
    };
  }
  const fte = hundredthsOf(r.fte, `${at}.fte`);
  if ("problem" in fte) return { problems: [fte.problem] };
  return { resource: { kind: "staff", fteHundredths: fte.value, from: r.from, to: r.to } };
}
