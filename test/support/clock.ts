/**
 * A clock that starts at a fixed instant and runs on at the real pace, for a
 * test whose data sits on fixed dates: its outcome is the same on any day the
 * suite runs, and what happens later in the test is still later.
 */
export function clockFrom(startIso: string): () => Date {
  const start = new Date(startIso).getTime();
  if (Number.isNaN(start)) throw new Error(`not an instant: ${startIso}`);
  const origin = performance.now();
  return () => new Date(start + Math.round(performance.now() - origin));
}
