/**
 * CPR numbers (DDMMYY-SSSS) as pure rules. The 7th digit and the year together
 * give the century; the last digit's parity gives the legal sex. Since 2007
 * numbers need not satisfy the modulus-11 check, so it is not applied.
 */

export type CprInfo = { cpr: string; birthDate: string; sex: "female" | "male" };

const CPR_FORMAT = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

export function normaliseCpr(input: string): string | null {
  const m = CPR_FORMAT.exec(input.trim());
  return m ? `${m[1]}${m[2]}${m[3]}${m[4]}` : null;
}

export function centuryFor(yy: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** Parses a CPR number; returns null unless it has the format and a real birth date. */
export function parseCpr(input: string): CprInfo | null {
  const cpr = normaliseCpr(input);
  if (!cpr) return null;
  const day = Number(cpr.slice(0, 2));
  const month = Number(cpr.slice(2, 4));
  const yy = Number(cpr.slice(4, 6));
  const year = centuryFor(yy, Number(cpr[6])) + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return {
    cpr,
    birthDate: date.toISOString().slice(0, 10),
    sex: Number(cpr[9]) % 2 === 1 ? "male" : "female",
  };
}

export function formatCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}
