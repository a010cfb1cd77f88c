/**
 * Group commit for concurrent requests: while one batch is being written,
 * requests that arrive wait and go together in the next. An idle server
 * handles a lone request at once; a busy one pays one transaction per batch
 * instead of one per request. Each caller still gets its own result.
 */
export function createBatcher<In, Out>(run: (items: In[]) => Promise<Out[]>, maxBatch = 200) {
  let queue: { item: In; resolve: (o: Out) => void; reject: (e: unknown) => void }[] = [];
  let running = false;

  async function drain() {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await run(batch.map((b) => b.item));
        batch.forEach((b, i) => {
          const result = results[i];
          if (result === undefined)
            b.reject(new Error("The batch returned fewer results than items"));
          else b.resolve(result);
        });
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    running = false;
  }

  return (item: In): Promise<Out> =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
