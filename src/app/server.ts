import { randomBytes } from "node:crypto";
import { type Logger, type LoggerOptions, pino } from "pino";
import { createAccessFeature } from "../access/feature.ts";
import { createCipher } from "../citizens/crypto.ts";
import { resolveMasterKey } from "../citizens/master-key.ts";
import { createCareServices } from "../handovers/assemble.ts";
import { createIndicators, type Indicators } from "../indicators/assemble.ts";
import type { Resolve } from "../notifications/outbound.ts";
import type { Config } from "../platform/config.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { waitForDatabase } from "../platform/db/wait.ts";
import { type App, buildApp } from "../platform/http/app.ts";
import { loggerOptions } from "../platform/logger.ts";
import { createStructureService } from "../structure/service.ts";
import { startDemoClock } from "../synth/demo-clock.ts";
import { seedDemo } from "../synth/demo-seed.ts";
import { createTransition } from "../transition/service.ts";
import { carryOverDue, startBackground } from "./background.ts";
import { databaseFor, prepareDatabase } from "./database.ts";
import {
  careFeature,
  governanceFeature,
  interopFeature,
  publicFeature,
  type Shared,
} from "./features.ts";
import { defaultWebDist } from "./paths.ts";

// The CLI and the tests open and prepare a database, and find the project's files, through here.
export { databaseFor, prepareDatabase, referenceStructureFiles } from "./database.ts";
export { defaultGeojsonFile, defaultWebDist, projectRoot } from "./paths.ts";

export type AppOptions = {
  logger?: Parameters<typeof buildApp>[0]["logger"];
  webDist?: string;
  /** The personal-data master key; tests get a random one. */
  masterKey?: Buffer;
  /**
   * What every request-serving service takes as now. The server uses the real
   * clock; a test whose data sits on fixed dates passes a clock that starts on
   * them, so its outcome does not depend on the day it runs.
   */
  clock?: () => Date;
  config?: Pick<Config, "demo" | "session" | "access" | "oidc" | "publicUrl"> &
    Partial<Pick<Config, "trustProxy" | "oidcCookieSecret" | "webhookAllowedHosts">>;
  /** How webhook host names are looked up; tests inject answers (DNS rebinding among them). */
  resolveHost?: Resolve;
  /** The indicators (the server shares one with its background upkeep); made here if absent. */
  indicators?: Indicators;
};

const testDefaults: NonNullable<AppOptions["config"]> = {
  demo: false,
  session: { idleMinutes: 30, absoluteHours: 12, secureCookie: false },
  access: { hospitalAfterDischargeHours: 30 * 24, breakGlassMinutes: 240 },
  oidc: undefined,
  publicUrl: undefined,
};

/** The composition root: every capability's service is made here and handed to its routes. */
export async function createApp(database: DatabaseHandle, options: AppOptions = {}): Promise<App> {
  const config = options.config ?? testDefaults;
  const db = database.db;
  const clocked = options.clock ? { clock: options.clock } : {};
  const cipher = createCipher(options.masterKey ?? randomBytes(32));
  const access = createAccessFeature(db, cipher, config, options.clock);
  const structure = createStructureService(db);
  const shared: Shared = {
    db,
    cipher,
    access,
    structure,
    care: createCareServices({
      db,
      citizens: access.citizens,
      structure,
      access: access.citizenAccess,
      ...clocked,
    }),
    indicators: options.indicators ?? createIndicators({ db, ...clocked }),
    clocked,
    webhooks: {
      allowedHosts: config.webhookAllowedHosts ?? [],
      ...(options.resolveHost ? { resolve: options.resolveHost } : {}),
    },
  };
  return buildApp({
    database,
    logger: options.logger,
    trustProxy: config.trustProxy ?? false,
    webDist: options.webDist ?? defaultWebDist,
    authenticate: access.authenticate,
    onDenied: access.onDenied,
    features: [
      publicFeature(shared),
      ...access.plugins,
      careFeature(shared),
      governanceFeature(shared),
      interopFeature(shared),
    ],
  });
}

export type ServerOptions = {
  /**
   * The clock every part of the server takes as now, for a test that moves it on
   * by hand. Otherwise: the real clock, or with TOVHOLDER_DEMO_DATE (config.demoDate)
   * the demo's, which starts at that instant and runs at the real pace.
   */
  clock?: () => Date;
};

/**
 * The clock the server runs on: a test's, or with TOVHOLDER_DEMO_DATE the demo's
 * (kept in the data folder, so a restart resumes it); none means the real one.
 */
async function serverClock(config: Config, options: ServerOptions, log: Logger) {
  if (options.clock) return { clock: options.clock, stop: async () => {} };
  if (!config.demo || !config.demoDate) return { stop: async () => {} };
  const demo = await startDemoClock(config.dataDir, config.demoDate);
  log.info(
    { demoDate: config.demoDate.toISOString(), now: demo.clock().toISOString() },
    demo.resumed
      ? "demo: the clock resumes where this data folder's demo had come to"
      : "demo: the clock starts at TOVHOLDER_DEMO_DATE",
  );
  return demo;
}

export async function startServer(
  config: Config,
  options: ServerOptions = {},
): Promise<ServerParts> {
  const database = await databaseFor(config);
  let time: { clock?: () => Date; stop(): Promise<void> } | null = null;
  try {
    const log = pino(loggerOptions(config) as LoggerOptions);
    await waitForDatabase(database, { limitSeconds: config.databaseWaitSeconds, log });
    await prepareDatabase(database, config.structureFiles);
    const masterKey = resolveMasterKey(config.cprKey, config.dataDir);
    time = await serverClock(config, options, log);
    // One clock for everything that takes now; none: the real one, as ever.
    const clock = time.clock;
    if (config.demo)
      await seedDemo(database.db, createCipher(masterKey), clock ? { now: clock().getTime() } : {});
    const indicators = createIndicators({
      db: database.db,
      publishOnWarm: config.indicatorRefreshSeconds > 0,
      ...(clock ? { clock } : {}),
    });
    const app = await createApp(database, {
      logger: loggerOptions(config),
      masterKey,
      config,
      indicators,
      ...(clock ? { clock } : {}),
    });
    // A change of structure whose day has come is carried over before anyone is served.
    const transition = createTransition({ db: database.db, ...(clock ? { clock } : {}) });
    await carryOverDue(transition, app.log);
    await app.listen({ port: config.port, host: config.host });
    const work = startBackground({
      config,
      database,
      app,
      masterKey,
      clock,
      transition,
      indicators,
    });
    const stopClock = time.stop;
    return {
      app,
      database,
      background: {
        async stop() {
          await work.stop();
          await stopClock();
        },
      },
    };
  } catch (err) {
    await time?.stop();
    await database.close();
    throw err;
  }
}

export type ServerParts = {
  app: App;
  database: DatabaseHandle;
  /**
   * Background work: the handover sweep (and with it the carry-over of a change of
   * structure at its midnight), webhook delivery, and the living demo in demo mode.
   */
  background: { stop(): Promise<void> };
};
