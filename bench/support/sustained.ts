import type { Prepared } from "./engines.ts";

export type SustainedResult = { n: number; seconds: number; outcomes: Record<string, number> };

/**
 * Sends the messages through the ingest's batch path (as `tovholder messages
 * import` and the synthetic load do), `workers` batches at a time.
 */
export async function sustained(
  prepared: Prepared,
  messages: string[],
  options: { batch: number; workers: number },
): Promise<SustainedResult> {
  const batches: string[][] = [];
  for (let i = 0; i < messages.length; i += options.batch)
    batches.push(messages.slice(i, i + options.batch));
  const outcomes: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.workers }, async () => {
      while (next < batches.length) {
        const batch = batches[next++] as string[];
        for (const r of await prepared.ingest.receiveMany(batch, { via: "import" }))
          outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const refused = Object.entries(outcomes).filter(([outcome]) => outcome !== "accepted");
  if (refused.length > 0)
    throw new Error(`not every message was accepted: ${JSON.stringify(outcomes)}`);
  return { n: messages.length, seconds, outcomes };
}
