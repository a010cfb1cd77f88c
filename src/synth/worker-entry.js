// A worker thread does not inherit the parent's tsx loader; this registers it, then runs the
// TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
