import { createAdminService, DEMO_SEED } from "../access/admin-service.ts";
import type { RequestContext } from "../access/citizen-access.ts";
import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy, type OrganisationRef } from "../access/model.ts";
import type { InitiativeInput } from "../governance/initiative-model.ts";
import { createInitiativeService } from "../governance/initiative-service.ts";
import { currentInitiatives } from "../governance/initiative-store.ts";
import { loadParameters } from "../indicators/parameters.ts";
import { createIndicatorService } from "../indicators/service.ts";
import type { Database } from "../platform/db/database.ts";
import { createStructureService, danishDate } from "../structure/service.ts";
import { DEMO_AGREEMENT_BODY } from "./demo-agreements.ts";
import { DEMO_READMISSION_INITIATIVE, demoInitiativeStart } from "./demo-initiative-effect.ts";

const DAY = 86_400_000;

/**
 * The demo body's running experiment: fewer acute readmissions among 65+ in
 * Næstved and Slagelse. Its indicator, age band, municipalities and start are
 * the ones the living demo's generator gives an effect (demo-initiative-effect.ts).
 */
function readmissionsInitiative(now: number): InitiativeInput {
  const on = (days: number) => danishDate(new Date(now + days * DAY));
  const plan = DEMO_READMISSION_INITIATIVE;
  return {
    title: "Færre akutte genindlæggelser blandt borgere på 65+",
    goal: "Borgere på 65+ i Næstved og Slagelse får et opfølgende hjemmebesøg af en sygeplejerske inden for to døgn efter udskrivelse, og egen læge ringer op inden for en uge. Vi afprøver det i et år og måler de akutte genindlæggelser inden for 30 dage mod klyngens øvrige kommuner.",
    public: true,
    indicatorId: plan.indicatorId,
    ageBand: plan.ageBand,
    baseline: "14.5",
    target: "12",
    municipalityCodes: [...plan.municipalityCodes],
    practices: ["Lægerne i Næstved Centrum", "Slagelse Lægehus"],
    budget: [
      { party: "Region Sjælland", amount: "900000", currency: "DKK" },
      { party: "Næstved Kommune", amount: "350000", currency: "DKK" },
      { party: "Slagelse Kommune", amount: "350000", currency: "DKK" },
    ],
    start: demoInitiativeStart(now),
    end: on(245),
    milestones: [
      { title: "Sygeplejersker ansat og oplært", due: on(-110), done: true },
      { title: "Første opfølgende besøg", due: on(-100), done: true },
      { title: "Halvvejsstatus til klyngestyregruppen", due: on(60), done: false },
      { title: "Evaluering: beholde, udbrede eller stoppe", due: on(250), done: false },
    ],
  };
}

/**
 * The demo body's running initiative, made through the initiative service by
 * the demo's coordinator at the secretariat of the body that holds Næstved on
 * the seed's date. Idempotent: a body that has initiatives gets none.
 */
export async function ensureDemoInitiatives(
  db: Database,
  secretariat: OrganisationRef,
  now: number,
): Promise<boolean> {
  if ((await currentInitiatives(db, [DEMO_AGREEMENT_BODY])).length > 0) return false;
  const users = await createAdminService(db).listUsers(DEMO_SEED);
  const user = users.find((u) => u.username === "demo.klyngekoordinator");
  const membership = user?.memberships.find(
    (m) => m.organisationId === secretariat.id && m.role === "coordinator",
  );
  if (!user || !membership) throw new Error("demo: no coordinator at the body");
  const coordinator: RequestContext = {
    actor: {
      kind: "staff",
      userId: user.id,
      membershipId: membership.membershipId,
      role: "coordinator",
      organisation: secretariat,
    },
    requestId: "demo-seed",
  };
  let at = now;
  const clock = () => new Date(at);
  const initiatives = createInitiativeService({
    db,
    access: createCitizenAccess(db, defaultAccessPolicy, clock),
    structure: createStructureService(db),
    indicators: createIndicatorService({ db, clock, parameters: loadParameters() }),
    clock,
  });
  at = now - 150 * DAY;
  const planned = await initiatives.create(
    coordinator,
    DEMO_AGREEMENT_BODY,
    readmissionsInitiative(now),
  );
  at = now - DEMO_READMISSION_INITIATIVE.startDaysBefore * DAY;
  await initiatives.step(coordinator, planned.id, { version: planned.version, to: "running" });
  return true;
}
