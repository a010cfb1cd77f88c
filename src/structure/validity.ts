/** Calendar dates ("YYYY-MM-DD") against a validity interval [validFrom, validTo). */

/** The day before an ISO date: the last day of an interval that ends (exclusively) on it. */
export function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The date itself when it falls inside [validFrom, validTo); otherwise the
 * interval's nearest day (its first day before it, its last day after it).
 */
export function nearestValidDate(date: string, validFrom: string, validTo: string | null): string {
  if (date < validFrom) return validFrom;
  if (validTo !== null && date >= validTo) return dayBefore(validTo);
  return date;
}
