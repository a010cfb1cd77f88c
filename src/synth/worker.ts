import { parentPort, workerData } from "node:worker_threads";
import { loadGeography } from "./geography.ts";
import { runInputs } from "./inputs.ts";
import { type MunicipalityJob, runMunicipality } from "./municipality-run.ts";

/** A generator worker: builds the shared inputs once, then runs the municipalities it is sent. */
const { dataDir, seed, scale } = workerData as { dataDir: string; seed: number; scale: number };
const port = parentPort;
if (!port) throw new Error("src/synth/worker.ts runs as a worker thread");
const inputs = runInputs(await loadGeography(dataDir), seed, scale);
port.on("message", async (job: MunicipalityJob | null) => {
  if (job === null) {
    port.close();
    return;
  }
  try {
    const stats = await runMunicipality(job, inputs, (n) => port.postMessage({ progress: n }));
    port.postMessage({ done: job.code, stats });
  } catch (err) {
    port.postMessage({ failed: job.code, error: err instanceof Error ? err.message : String(err) });
  }
});
port.postMessage({ ready: true });
