import { randomBytes } from "node:crypto";
import { type Logger, type LoggerOptions, pino } from "pino";
import { createAccessFeature } from "../access/feature.ts";
import { createCipher } from "../citizens/crypto.ts";
import { resolveMasterKey } from "../citizens/master-key.ts";
import { followUpRoutes } from "../follow-ups/routes.ts";
import { capacityRoutes } from "../governance/capacity-routes.ts";
import { createCapacityService } from "../governance/capacity-service.ts";
import { initiativeRoutes } from "../governance/initiative-routes.ts";
import { createInitiativeService } from "../governance/initiative-service.ts";
import { ledgerRoutes } from "../governance/ledger-routes.ts";
import { createLedgerService } from "../governance/ledger-service.ts";
import { meetingRoutes } from "../governance/meeting-routes.ts";
import { createMeetingService } from "../governance/meeting-service.ts";
import { governanceRoutes } from "../governance/routes.ts";
import { createGovernanceService } from "../governance/service.ts";
import { createCareServices } from "../handovers/assemble.ts";
import { fhirTaskRoutes } from "../handovers/fhir-routes.ts";
import { handoverRoutes } from "../handovers/routes.ts";
import { createIndicators, type Indicators } from "../indicators/assemble.ts";
import { indicatorRoutes } from "../indicators/routes.ts";
import { assembleIngest } from "../interop/assemble.ts";
import { fhirReadRoutes } from "../interop/fhir-routes.ts";
import { interopRoutes } from "../interop/routes.ts";
import type { Resolve } from "../notifications/outbound.ts";
import { notificationRoutes } from "../notifications/routes.ts";
import { createNotificationService } from "../notifications/service.ts";
import { inpatientRoutes } from "../pathways/inpatient-routes.ts";
import { createInpatients } from "../pathways/inpatients.ts";
import { pathwayRoutes } from "../pathways/routes.ts";
import type { Config } from "../platform/config.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { waitForDatabase } from "../platform/db/wait.ts";
import { type App, buildApp } from "../platform/http/app.ts";
import { loggerOptions } from "../platform/logger.ts";
import { contactRoutes } from "../structure/contact-routes.ts";
import { createContactService } from "../structure/contact-service.ts";
import { registerRoutes } from "../structure/register-routes.ts";
import { createRegisterService } from "../structure/register-service.ts";
import { structureRoutes } from "../structure/routes.ts";
import { createStructureService } from "../structure/service.ts";
import { startDemoClock } from "../synth/demo-clock.ts";
import { seedDemo } from "../synth/demo-seed.ts";
import { createTransition } from "../transition/service.ts";
import { carryOverDue, startBackground } from "./background.ts";
import { databaseFor, prepareDatabase } from "./database.ts";
import { defaultGeojsonFile, defaultWebDist } from "./paths.ts";

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
  const cipher = createCipher(options.masterKey ?? randomBytes(32));
  const structure = createStructureService(database.db);
  const clock = options.clock;
  const access = createAccessFeature(database.db, cipher, config, clock);
  const { pathways, handovers, followUps } = createCareServices({
    db: database.db,
    citizens: access.citizens,
    structure,
    access: access.citizenAccess,
    ...(clock ? { clock } : {}),
  });
  const indicators =
    options.indicators ?? createIndicators({ db: database.db, ...(clock ? { clock } : {}) });
  const governance = createGovernanceService({
    db: database.db,
    access: access.citizenAccess,
    structure,
    indicators: indicators.service,
    handovers,
    ...(clock ? { clock } : {}),
  });
  const initiatives = createInitiativeService({
    db: database.db,
    access: access.citizenAccess,
    structure,
    indicators: indicators.service,
    ...(clock ? { clock } : {}),
  });
  const meetings = createMeetingService({
    db: database.db,
    access: access.citizenAccess,
    structure,
    indicators: indicators.service,
    ...(clock ? { clock } : {}),
  });
  return buildApp({
    database,
    logger: options.logger,
    trustProxy: config.trustProxy ?? false,
    webDist: options.webDist ?? defaultWebDist,
    authenticate: access.authenticate,
    onDenied: access.onDenied,
    features: [
      async (app) => {
        await app.register(structureRoutes, {
          structure,
          geojsonFile: defaultGeojsonFile,
          ...(clock ? { clock } : {}),
        });
        await app.register(registerRoutes, { register: createRegisterService(database.db) });
        await app.register(contactRoutes, {
          contacts: createContactService(database.db, access.citizenAccess),
        });
        await app.register(indicatorRoutes, {
          indicators: indicators.service,
          comparison: indicators.comparison,
        });
      },
      ...access.plugins,
      async (app) => {
        await app.register(pathwayRoutes, { pathways });
        await app.register(handoverRoutes, { handovers });
        await app.register(governanceRoutes, { governance });
        await app.register(initiativeRoutes, { initiatives });
        await app.register(ledgerRoutes, {
          ledger: createLedgerService({
            db: database.db,
            structure,
            ...(clock ? { clock } : {}),
          }),
        });
        await app.register(meetingRoutes, { meetings });
        await app.register(capacityRoutes, {
          capacity: createCapacityService({
            db: database.db,
            access: access.citizenAccess,
            structure,
            ...(clock ? { clock } : {}),
          }),
        });
        await app.register(followUpRoutes, { followUps });
        await app.register(inpatientRoutes, {
          inpatients: createInpatients({
            db: database.db,
            citizens: access.citizens,
            access: access.citizenAccess,
          }),
        });
        await app.register(notificationRoutes, {
          notifications: createNotificationService({
            db: database.db,
            cipher,
            access: access.citizenAccess,
            citizens: access.citizens,
            ...(clock ? { clock } : {}),
            targets: {
              allowedHosts: config.webhookAllowedHosts ?? [],
              ...(options.resolveHost ? { resolve: options.resolveHost } : {}),
            },
          }),
        });
      },
      async (app) => {
        const ingest = assembleIngest(database.db, cipher, {
          citizens: access.citizens,
          pathways,
          logger: app.log,
          ...(clock ? { clock } : {}),
        });
        await app.register(interopRoutes, { ingest });
        await app.register(fhirReadRoutes, { citizens: access.citizens, pathways });
        await app.register(fhirTaskRoutes, { handovers });
      },
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
