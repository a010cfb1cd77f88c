import type { Database } from "../platform/db/database.ts";
import { createComparison } from "./comparison.ts";
import { createMaintenance } from "./maintain.ts";
import { type IndicatorParameters, loadParameters } from "./parameters.ts";
import { createIndicatorService } from "./service.ts";

/** The indicators capability, put together once per process: its parameters, queries and upkeep. */
export function createIndicators(deps: {
  db: Database;
  clock?: () => Date;
  parameters?: IndicatorParameters;
  /** A server whose upkeep warms the tables after each run: requests keep the last warmed figures. */
  publishOnWarm?: boolean;
}) {
  const clock = deps.clock ?? (() => new Date());
  const parameters = deps.parameters ?? loadParameters();
  const service = createIndicatorService({
    db: deps.db,
    clock,
    parameters,
    publishOnWarm: deps.publishOnWarm ?? false,
  });
  return {
    parameters,
    service,
    comparison: createComparison({ db: deps.db, clock, indicators: service }),
    maintenance: createMaintenance({ db: deps.db, clock, parameters }),
  };
}

export type Indicators = ReturnType<typeof createIndicators>;
