import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy } from "../access/model.ts";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import { createCitizenService } from "../citizens/service.ts";
import { ignoreFollowUpEvents } from "../follow-ups/events.ts";
import { createCareServices } from "../handovers/assemble.ts";
import { ignoreEvents } from "../handovers/events.ts";
import { assembleIngest } from "../interop/assemble.ts";
import type { Database } from "../platform/db/database.ts";
import { createRegisterService } from "../structure/register-service.ts";
import { createStructureService } from "../structure/service.ts";
import type { LoadDeps } from "./load.ts";

/**
 * The services a synthetic load writes through, outside the HTTP server (CLI,
 * demo). A history load (`notify: false`) tells nobody of its handovers nor
 * of its medical follow-up items: a year of past events is not news, and no
 * webhook should receive it. `clock` is the demo's now (TOVHOLDER_DEMO_DATE),
 * which the ingest judges times by.
 */
export function loadDepsFor(
  db: Database,
  cipher: PersonalDataCipher,
  options: { notify?: boolean; clock?: () => Date } = {},
): LoadDeps {
  const clock = options.clock ? { clock: options.clock } : {};
  const access = createCitizenAccess(db, defaultAccessPolicy, options.clock);
  const citizens = createCitizenService(db, cipher, access, options.clock);
  const { pathways, handovers } = createCareServices({
    db,
    citizens,
    structure: createStructureService(db),
    access,
    ...clock,
    ...(options.notify === false
      ? { events: ignoreEvents, followUpEvents: ignoreFollowUpEvents }
      : {}),
  });
  return {
    register: createRegisterService(db),
    citizens,
    pathways,
    handovers,
    ingest: assembleIngest(db, cipher, { citizens, pathways, ...clock }),
  };
}
