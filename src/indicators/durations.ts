/**
 * Times from discharge to confirmation, kept as counts per bucket so that a
 * median or a 90th percentile can be added up over months and units without
 * keeping every handover: 5-minute buckets for the first day, hourly ones up
 * to 14 days, and one bucket for anything longer. A quantile is therefore
 * exact to within its bucket (5 minutes in the first day, an hour after).
 */

export const FIRST_DAY_MINUTES = 24 * 60;
export const FORTNIGHT_MINUTES = 14 * 24 * 60;
export const FINE_MINUTES = 5;
export const COARSE_MINUTES = 60;
export const FINE_BUCKETS = FIRST_DAY_MINUTES / FINE_MINUTES;
export const OVERFLOW_BUCKET =
  FINE_BUCKETS + (FORTNIGHT_MINUTES - FIRST_DAY_MINUTES) / COARSE_MINUTES;

export function durationBucket(minutes: number): number {
  const m = Math.max(0, minutes);
  if (m < FIRST_DAY_MINUTES) return Math.floor(m / FINE_MINUTES);
  if (m < FORTNIGHT_MINUTES)
    return FINE_BUCKETS + Math.floor((m - FIRST_DAY_MINUTES) / COARSE_MINUTES);
  return OVERFLOW_BUCKET;
}

/** The bucket's range in minutes; the overflow bucket is given a width of one day. */
export function bucketRange(bucket: number): { from: number; to: number } {
  if (bucket < FINE_BUCKETS)
    return { from: bucket * FINE_MINUTES, to: (bucket + 1) * FINE_MINUTES };
  if (bucket < OVERFLOW_BUCKET) {
    const from = FIRST_DAY_MINUTES + (bucket - FINE_BUCKETS) * COARSE_MINUTES;
    return { from, to: from + COARSE_MINUTES };
  }
  return { from: FORTNIGHT_MINUTES, to: FORTNIGHT_MINUTES + FIRST_DAY_MINUTES };
}

export type Buckets = Record<string, number>;

export function mergeBuckets(into: Buckets, add: Buckets): Buckets {
  for (const [b, n] of Object.entries(add)) into[b] = (into[b] ?? 0) + n;
  return into;
}

export function bucketTotal(buckets: Buckets): number {
  return Object.values(buckets).reduce((s, n) => s + n, 0);
}

/**
 * The value (minutes) of the observation with 1-based rank `rank` in sorted
 * order, interpolated evenly within its bucket.
 */
export function valueAtRank(buckets: Buckets, rank: number): number | null {
  const total = bucketTotal(buckets);
  if (total === 0 || rank < 1 || rank > total) return null;
  let seen = 0;
  for (const b of Object.keys(buckets)
    .map(Number)
    .sort((x, y) => x - y)) {
    const n = buckets[String(b)] ?? 0;
    if (seen + n >= rank) {
      const { from, to } = bucketRange(b);
      return from + ((rank - seen - 0.5) / n) * (to - from);
    }
    seen += n;
  }
  return null;
}

/** Quantile q (0..1) in minutes, by linear interpolation between ranks (type 7). */
export function bucketQuantile(buckets: Buckets, q: number): number | null {
  const n = bucketTotal(buckets);
  if (n === 0) return null;
  const h = (n - 1) * q + 1;
  const lo = Math.floor(h);
  const low = valueAtRank(buckets, lo);
  const high = valueAtRank(buckets, Math.min(n, lo + 1));
  if (low === null || high === null) return null;
  return low + (h - lo) * (high - low);
}
