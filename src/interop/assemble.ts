import type { FastifyBaseLogger } from "fastify";
import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy } from "../access/model.ts";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import { type CitizenService, createCitizenService } from "../citizens/service.ts";
import { createCareServices } from "../handovers/assemble.ts";
import type { PathwayService } from "../pathways/service.ts";
import type { Database } from "../platform/db/database.ts";
import { createOrganisationService } from "../structure/organisations.ts";
import { createStructureService } from "../structure/service.ts";
import { createMessageIngest } from "./service.ts";

/**
 * The message ingest with everything it depends on, for the places that run
 * it outside the HTTP server: the CLI import, the demo and the benchmarks.
 * The ingest only writes through these services; it never reads citizen data
 * on anyone's behalf, so the default access policy is enough here.
 */
export function assembleIngest(
  db: Database,
  cipher: PersonalDataCipher,
  deps: {
    citizens?: CitizenService;
    pathways?: PathwayService;
    logger?: FastifyBaseLogger;
    clock?: () => Date;
  } = {},
) {
  const citizens =
    deps.citizens ?? createCitizenService(db, cipher, createCitizenAccess(db, defaultAccessPolicy));
  const pathways =
    deps.pathways ??
    createCareServices({
      db,
      citizens,
      structure: createStructureService(db),
      access: createCitizenAccess(db, defaultAccessPolicy),
      ...(deps.clock ? { clock: deps.clock } : {}),
    }).pathways;
  return createMessageIngest({
    db,
    cipher,
    citizens,
    pathways,
    organisations: createOrganisationService(db),
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
}
