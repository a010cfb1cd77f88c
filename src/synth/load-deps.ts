import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy } from "../access/model.ts";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import { createCitizenService } from "../citizens/service.ts";
import { assembleIngest } from "../interop/assemble.ts";
import { createPathwayService } from "../pathways/service.ts";
import type { Database } from "../platform/db/database.ts";
import { createRegisterService } from "../structure/register-service.ts";
import { createStructureService } from "../structure/service.ts";
import type { LoadDeps } from "./load.ts";

/** The services a synthetic load writes through, outside the HTTP server (CLI, demo). */
export function loadDepsFor(db: Database, cipher: PersonalDataCipher): LoadDeps {
  const citizens = createCitizenService(db, cipher, createCitizenAccess(db, defaultAccessPolicy));
  const pathways = createPathwayService(db, citizens, createStructureService(db));
  return {
    register: createRegisterService(db),
    citizens,
    pathways,
    ingest: assembleIngest(db, cipher, { citizens, pathways }),
  };
}
