import { createAdminService, DEMO_SEED } from "../access/admin-service.ts";
import type { RequestContext } from "../access/citizen-access.ts";
import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy, type OrganisationRef } from "../access/model.ts";
import { createMeetingService } from "../governance/meeting-service.ts";
import { meetingsOf } from "../governance/meeting-store.ts";
import { currentOfBodies } from "../governance/store.ts";
import { loadParameters } from "../indicators/parameters.ts";
import { createIndicatorService } from "../indicators/service.ts";
import type { Database } from "../platform/db/database.ts";
import { createStructureService, danishDate } from "../structure/service.ts";
import { DEMO_AGREEMENT_BODY } from "./demo-agreements.ts";

const DAY = 86_400_000;

/**
 * One held meeting of the demo body a month before the seed's date, with an
 * agenda and a decision on the agreement in force, made through the meeting
 * service by the demo's coordinator. Idempotent: a body with meetings gets none.
 */
export async function ensureDemoMeetings(
  db: Database,
  secretariat: OrganisationRef,
  now: number,
): Promise<boolean> {
  if ((await meetingsOf(db, [DEMO_AGREEMENT_BODY])).length > 0) return false;
  const inForce = (await currentOfBodies(db, [DEMO_AGREEMENT_BODY])).find(
    (a) => a.status === "in-force",
  );
  if (!inForce) return false;
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
  const held = now - 30 * DAY;
  const clock = () => new Date(held);
  const meetings = createMeetingService({
    db,
    access: createCitizenAccess(db, defaultAccessPolicy, clock),
    structure: createStructureService(db),
    indicators: createIndicatorService({ db, clock, parameters: loadParameters() }),
    clock,
  });
  const meeting = await meetings.create(coordinator, DEMO_AGREEMENT_BODY, {
    title: "Klyngestyregruppemøde",
    date: danishDate(new Date(held)),
    public: true,
    status: "held",
    agenda: [
      {
        title: "Godkendelse af dagsorden og referat",
        text: null,
        subject: null,
        public: true,
      },
      {
        title: "IV-behandling i eget hjem: status efter de første måneder",
        text: "Næstved Kommune fortæller om erfaringerne; tallene følger af mødepakken.",
        subject: { kind: "agreement", id: inForce.agreementId },
        public: true,
      },
      {
        title: "Bemanding i akutteamet (lukket punkt)",
        text: "Drøftelse af rekruttering.",
        subject: null,
        public: false,
      },
    ],
    attendees: [
      { name: "Klyngeformand (demo)", organisation: "Region Sjælland" },
      { name: "Sundhedschef (demo)", organisation: "Næstved Kommune" },
      { name: "Sundhedschef (demo)", organisation: "Slagelse Kommune" },
      { name: "Praksiskonsulent (demo)", organisation: "Almen praksis" },
    ],
  });
  await meetings.decide(coordinator, meeting.id, {
    subjectKind: "agreement",
    subjectId: inForce.agreementId,
    text: "Aftalen fortsætter uændret; styregruppen følger genindlæggelserne igen om et halvt år.",
  });
  return true;
}
