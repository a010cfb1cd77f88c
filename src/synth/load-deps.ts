import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy } from "../access/model.ts";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import { createCitizenService } from "../citizens/service.ts";
import { createCareServices } from "../handovers/assemble.ts";
import { assembleIngest } from "../interop/assemble.ts";
import type { Database } from "../platform/db/database.ts";
import { createRegisterService } from "../structure/register-service.ts";
import { createStructureService } from "../structure/service.ts";
import type { LoadDeps } from "./load.ts";

/** The services a synthetic load writes through, outside the HTTP server (CLI, demo). */
export function loadDepsFor(db: Database, cipher: PersonalDataCipher): LoadDeps {
  const access = createCitizenAccess(db, defaultAccessPolicy);
  const citizens = createCitizenService(db, cipher, access);
  const { pathways, handovers } = createCareServices({
    db,
    citizens,
    structure: createStructureService(db),
    access,
  });
  return {
    register: createRegisterService(db),
    citizens,
    pathways,
    handovers,
    ingest: assembleIngest(db, cipher, { citizens, pathways }),
  };
}
