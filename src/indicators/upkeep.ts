import type { FastifyBaseLogger } from "fastify";
import { startLoop } from "../platform/worker-loop.ts";
import type { Indicators } from "./assemble.ts";

/**
 * The server's upkeep: every `everySeconds`, what changed is brought up to
 * date and the dashboards' tables are warmed and published. When the
 * parameters (the diagnosis lists, the day rates) differ from those the
 * figures were computed with, the first run rebuilds everything. Zero: none.
 */
export function startIndicatorUpkeep(
  indicators: Indicators,
  everySeconds: number,
  log: FastifyBaseLogger,
) {
  if (everySeconds === 0) return null;
  let checked = false;
  return startLoop(
    "indicator upkeep",
    everySeconds * 1000,
    async () => {
      const m = indicators.maintenance;
      const rebuild = !checked && (await m.parametersChanged());
      if (rebuild) log.info("indicator parameters changed: rebuilding every figure");
      const report = rebuild ? await m.rebuildAll() : await m.run();
      await indicators.comparison.warm();
      if (rebuild || report.citizens > 0)
        log.info(
          { citizens: report.citizens, months: report.months },
          rebuild ? "indicators rebuilt" : "indicators brought up to date",
        );
      checked = true;
    },
    log,
  );
}
