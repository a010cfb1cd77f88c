import type { FastifyPluginAsync } from "fastify";
import type { createAccessFeature } from "../access/feature.ts";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
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
import type { createCareServices } from "../handovers/assemble.ts";
import { fhirTaskRoutes } from "../handovers/fhir-routes.ts";
import { handoverRoutes } from "../handovers/routes.ts";
import type { Indicators } from "../indicators/assemble.ts";
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
import type { Database } from "../platform/db/database.ts";
import { contactRoutes } from "../structure/contact-routes.ts";
import { createContactService } from "../structure/contact-service.ts";
import { registerRoutes } from "../structure/register-routes.ts";
import { createRegisterService } from "../structure/register-service.ts";
import { structureRoutes } from "../structure/routes.ts";
import type { StructureService } from "../structure/service.ts";
import { defaultGeojsonFile } from "./paths.ts";

/**
 * The app's features, each a group of routes with the services behind them,
 * made from what the composition root (server.ts) shares between them.
 */

export type Shared = {
  db: Database;
  cipher: PersonalDataCipher;
  access: ReturnType<typeof createAccessFeature>;
  structure: StructureService;
  care: ReturnType<typeof createCareServices>;
  indicators: Indicators;
  /** Spread into each service: absent means the real clock. */
  clocked: { clock?: () => Date };
  webhooks: { allowedHosts: string[]; resolve?: Resolve };
};

/** What anyone may read: the structure, the register, contacts and the indicators. */
export function publicFeature(s: Shared): FastifyPluginAsync {
  return async (app) => {
    await app.register(structureRoutes, {
      structure: s.structure,
      geojsonFile: defaultGeojsonFile,
      ...s.clocked,
    });
    await app.register(registerRoutes, { register: createRegisterService(s.db) });
    await app.register(contactRoutes, {
      contacts: createContactService(s.db, s.access.citizenAccess),
    });
    await app.register(indicatorRoutes, {
      indicators: s.indicators.service,
      comparison: s.indicators.comparison,
    });
  };
}

/** Pathways, handovers, follow-up items, inpatients and notifications. */
export function careFeature(s: Shared): FastifyPluginAsync {
  const { pathways, handovers, followUps } = s.care;
  return async (app) => {
    await app.register(pathwayRoutes, { pathways });
    await app.register(handoverRoutes, { handovers });
    await app.register(followUpRoutes, { followUps });
    await app.register(inpatientRoutes, {
      inpatients: createInpatients({
        db: s.db,
        citizens: s.access.citizens,
        access: s.access.citizenAccess,
      }),
    });
    await app.register(notificationRoutes, {
      notifications: createNotificationService({
        db: s.db,
        cipher: s.cipher,
        access: s.access.citizenAccess,
        citizens: s.access.citizens,
        ...s.clocked,
        targets: s.webhooks,
      }),
    });
  };
}

/** The body's work: agreements, initiatives, meetings, money and GP capacity. */
export function governanceFeature(s: Shared): FastifyPluginAsync {
  const deps = {
    db: s.db,
    access: s.access.citizenAccess,
    structure: s.structure,
    indicators: s.indicators.service,
    ...s.clocked,
  };
  const governance = createGovernanceService({ ...deps, handovers: s.care.handovers });
  const initiatives = createInitiativeService(deps);
  const meetings = createMeetingService(deps);
  const ledger = createLedgerService({ db: s.db, structure: s.structure, ...s.clocked });
  const capacity = createCapacityService({
    db: s.db,
    access: s.access.citizenAccess,
    structure: s.structure,
    ...s.clocked,
  });
  return async (app) => {
    await app.register(governanceRoutes, { governance });
    await app.register(initiativeRoutes, { initiatives });
    await app.register(ledgerRoutes, { ledger });
    await app.register(meetingRoutes, { meetings });
    await app.register(capacityRoutes, { capacity });
  };
}

/** The hospitals' messages in, and FHIR reads and tasks out. */
export function interopFeature(s: Shared): FastifyPluginAsync {
  const { pathways, handovers } = s.care;
  return async (app) => {
    const ingest = assembleIngest(s.db, s.cipher, {
      citizens: s.access.citizens,
      pathways,
      logger: app.log,
      ...s.clocked,
    });
    await app.register(interopRoutes, { ingest });
    await app.register(fhirReadRoutes, { citizens: s.access.citizens, pathways });
    await app.register(fhirTaskRoutes, { handovers });
  };
}
