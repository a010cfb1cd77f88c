/**
 * "Money that follows the task" (issue 22, section 4), as pure rules: for one
 * calendar year, what each party committed to agreements and initiatives and
 * what moved between sectors, with the indicators each was meant to move.
 * No I/O: the service passes the current versions the reader may read.
 */
import type { InitiativeContent, InitiativeStatus } from "./initiative-model.ts";
import type { AgreementStatus, Commitment, Party, PartySector } from "./model.ts";

/** A party in the ledger: an agreement's party, or an initiative's budget party (sector inferred). */
export type LedgerParty = { sector: PartySector | null; organisation: string | null };

export type LedgerRow = {
  source: "agreement" | "initiative";
  id: string;
  title: string;
  status: AgreementStatus | InitiativeStatus;
  /** The commitment's task (agreements); null for an initiative's budget share. */
  task: string | null;
  /** Committed: the party pays for its own part. Transferred: from one party to another. */
  direction: "committed" | "transferred";
  /** Who gives: the committing party, or the party it is transferred from. */
  party: LedgerParty;
  /** Who receives, when transferred; null when committed. */
  to: LedgerParty | null;
  kind: "money" | "staff";
  /** Money for the year in whole øre (prorated), null for staff. */
  amountOre: number | null;
  /** Staff as committed, in hundredths of an FTE; null for money. */
  fteHundredths: number | null;
  /** Staff for the year in hundredths of an FTE-year (prorated); null for money. */
  fteYearHundredths: number | null;
  /** Days within the year the commitment or initiative runs, and the year's days. */
  days: number;
  daysInYear: number;
  indicatorIds: string[];
};

export type PartyTotal = { party: LedgerParty; amountOre: number; fteYearHundredths: number };
export type FlowTotal = {
  from: PartySector | null;
  to: PartySector | null;
  amountOre: number;
  fteYearHundredths: number;
};
export type Ledger = { year: number; rows: LedgerRow[]; parties: PartyTotal[]; flows: FlowTotal[] };

export type AgreementSource = {
  id: string;
  title: string;
  status: AgreementStatus;
  commitments: Commitment[];
};
export type InitiativeSource = {
  id: string;
  title: string;
  status: InitiativeStatus;
  content: Pick<InitiativeContent, "budget" | "start" | "end" | "indicatorId">;
};

const DAY = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

export function daysInYear(year: number): number {
  return dayNumber(`${year + 1}-01-01`) - dayNumber(`${year}-01-01`);
}

/** Days (both ends included) that [from, until] shares with the calendar year; until null is open. */
export function daysWithin(year: number, from: string, until: string | null): number {
  const first = Math.max(dayNumber(from), dayNumber(`${year}-01-01`));
  const last = Math.min(until === null ? Infinity : dayNumber(until), dayNumber(`${year}-12-31`));
  return last < first ? 0 : last - first + 1;
}

/**
 * amount × days / of, rounded to a whole unit, halves up. In BigInt, so a large
 * amount times the days never loses a unit to floating point.
 */
export function prorate(amount: number, days: number, of: number): number {
  if (of <= 0) return 0;
  const a = BigInt(amount) * BigInt(days) * 2n + BigInt(of);
  return Number(a / (BigInt(of) * 2n));
}

const samePartyKey = (p: LedgerParty) => `${p.sector ?? ""}\u0000${p.organisation ?? ""}`;

/**
 * The sector of an initiative's budget party, read from its name where it is
 * plain (a region, a municipality, a hospital, a practice); otherwise null.
 */
export function sectorOfName(name: string): PartySector | null {
  const n = name.toLowerCase();
  if (/^region\b/.test(n)) return "region";
  if (/\bkommune$/.test(n)) return "municipality";
  if (/(sygehus|hospital)/.test(n)) return "hospital";
  if (/(lægehus|læger|lægepraksis|almen praksis)/.test(n)) return "general-practice";
  return null;
}

function agreementRows(a: AgreementSource, year: number, yearDays: number): LedgerRow[] {
  return a.commitments.flatMap((c) => {
    const days = daysWithin(year, c.from, c.until);
    if (days === 0) return [];
    return c.resources.map((r): LedgerRow => {
      const same = samePartyKey(r.from) === samePartyKey(r.to);
      const base = {
        source: "agreement" as const,
        id: a.id,
        title: a.title,
        status: a.status,
        task: c.task,
        direction: same ? ("committed" as const) : ("transferred" as const),
        party: partyOf(r.from),
        to: same ? null : partyOf(r.to),
        days,
        daysInYear: yearDays,
        indicatorIds: c.indicatorIds,
      };
      return r.kind === "money"
        ? {
            ...base,
            kind: "money",
            amountOre: prorate(r.amountOre, days, yearDays),
            fteHundredths: null,
            fteYearHundredths: null,
          }
        : {
            ...base,
            kind: "staff",
            amountOre: null,
            fteHundredths: r.fteHundredths,
            fteYearHundredths: prorate(r.fteHundredths, days, yearDays),
          };
    });
  });
}

function partyOf(p: Party): LedgerParty {
  return { sector: p.sector, organisation: p.organisation };
}

function initiativeRows(i: InitiativeSource, year: number, yearDays: number): LedgerRow[] {
  const { start, end, budget, indicatorId } = i.content;
  const days = daysWithin(year, start, end);
  if (days === 0) return [];
  const total = dayNumber(end) - dayNumber(start) + 1;
  return budget.map((b) => ({
    source: "initiative",
    id: i.id,
    title: i.title,
    status: i.status,
    task: null,
    direction: "committed",
    party: { sector: sectorOfName(b.party), organisation: b.party },
    to: null,
    kind: "money",
    amountOre: prorate(b.amountOre, days, total),
    fteHundredths: null,
    fteYearHundredths: null,
    days,
    daysInYear: yearDays,
    indicatorIds: [indicatorId],
  }));
}

/** Per giving party: money and staff, each summed on its own. */
function partyTotals(rows: readonly LedgerRow[]): PartyTotal[] {
  const totals = new Map<string, PartyTotal>();
  for (const r of rows) {
    const key = samePartyKey(r.party);
    const t = totals.get(key) ?? { party: r.party, amountOre: 0, fteYearHundredths: 0 };
    t.amountOre += r.amountOre ?? 0;
    t.fteYearHundredths += r.fteYearHundredths ?? 0;
    totals.set(key, t);
  }
  return [...totals.values()];
}

/** Per from → to sector, of what was transferred between two different sectors. */
function flowTotals(rows: readonly LedgerRow[]): FlowTotal[] {
  const totals = new Map<string, FlowTotal>();
  for (const r of rows) {
    if (r.direction !== "transferred" || !r.to || r.party.sector === r.to.sector) continue;
    const key = `${r.party.sector}→${r.to.sector}`;
    const t = totals.get(key) ?? {
      from: r.party.sector,
      to: r.to.sector,
      amountOre: 0,
      fteYearHundredths: 0,
    };
    t.amountOre += r.amountOre ?? 0;
    t.fteYearHundredths += r.fteYearHundredths ?? 0;
    totals.set(key, t);
  }
  return [...totals.values()];
}

/**
 * The ledger of one calendar year. A yearly commitment counts for the days it
 * is in force within the year (days / days of the year); an initiative's
 * budget for the days of the initiative within the year (days / the
 * initiative's days). Each prorated amount is rounded to whole øre (halves
 * up), so totals are sums of rounded rows. Staff stays FTE, never money.
 */
export function ledgerOf(
  year: number,
  agreements: readonly AgreementSource[],
  initiatives: readonly InitiativeSource[],
): Ledger {
  const yearDays = daysInYear(year);
  const rows = [
    ...agreements.flatMap((a) => agreementRows(a, year, yearDays)),
    ...initiatives.flatMap((i) => initiativeRows(i, year, yearDays)),
  ];
  return { year, rows, parties: partyTotals(rows), flows: flowTotals(rows) };
}
