import { createAdminService, DEMO_SEED } from "../access/admin-service.ts";
import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy, type Role } from "../access/model.ts";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import { createCitizenService } from "../citizens/service.ts";
import type { Database } from "../platform/db/database.ts";
import { createOrganisationService } from "../structure/organisations.ts";
import { createStructureService, danishDate } from "../structure/service.ts";
import { ingestDemoActivity } from "./demo-activity.ts";
import { ensureDemoAgreements } from "./demo-agreements.ts";
import { addDemoContacts } from "./demo-contacts.ts";
import { ensureDemoInitiatives } from "./demo-initiatives.ts";
import { ensureDemoMeetings } from "./demo-meetings.ts";
import { ensureDemoUnits } from "./demo-units.ts";

/** Every demo user logs in with this password; demo mode exists only on synthetic data. */
export const DEMO_PASSWORD = "tovholder-demo";

type DemoStaff = {
  username: string;
  displayName: string;
  memberships: { organisation: string; role: Role }[];
};

export type DemoSeedOptions = {
  /**
   * The instant the demo citizens' stays are placed around (Karen admitted three
   * days before it, Bent discharged fifteen days before it, …). The server passes
   * its own clock; a test passes the clock its assertions use.
   */
  now?: number;
  /**
   * false leaves out the demo citizens' hospital activity: a test that judges
   * handovers by a fixed clock makes its own and must not meet the demo's.
   */
  activity?: boolean;
};

/** The demo's home: Næstved, in Klyngen Næstved/Slagelse until 2026, Sundhedsråd Midt- og Vestsjælland from 2027. */
const DEMO_HOME_MUNICIPALITY = "370";

/**
 * The body and region the demo's coordinators act for on a date: the body that
 * holds Næstved then, and that body's region. A demo seeded in 2027 gets a
 * council's coordinators in Region Østdanmark; one seeded in 2026 a cluster's in
 * Region Sjælland, whose memberships the change of structure carries over.
 */
export async function demoBodyOn(db: Database, date: string) {
  const structure = createStructureService(db);
  const municipality = await structure.getMunicipality(DEMO_HOME_MUNICIPALITY, date);
  if (!municipality.body) throw new Error(`Næstved belongs to no body on ${date}`);
  return { bodyId: municipality.body.id, regionCode: municipality.region.code };
}

/**
 * Demo users, one per role, in the body that holds Næstved on the seed's date
 * (Klyngen Næstved/Slagelse until 2026), and a few synthetic
 * citizens with the relations that let those users see them. Idempotent: a
 * second start finds them and changes nothing. The demo organisations get
 * contact details that are obviously synthetic demo data (spare-series phone
 * numbers, example.org addresses; see demo-contacts.ts), since the
 * organisations themselves are real.
 */
export async function seedDemo(
  db: Database,
  cipher: PersonalDataCipher,
  options: DemoSeedOptions = {},
): Promise<boolean> {
  const admin = createAdminService(db);
  const organisations = createOrganisationService(db);
  const citizens = createCitizenService(db, cipher, createCitizenAccess(db, defaultAccessPolicy));

  const units = await ensureDemoUnits(db);
  const ward = { id: units.slagelseMedical };
  const homeNursing = { id: units.naestvedHomeNursing };
  const practice = await organisations.ensureGeneralPractice({
    providerNumber: "990001",
    name: "Lægehuset Axeltorv (demo)",
    municipalityCode: "370",
  });
  const now = options.now ?? Date.now();
  const home = await demoBodyOn(db, danishDate(now));
  const secretariat = await organisations.structural({
    kind: "body_secretariat",
    bodyId: home.bodyId,
  });
  const region = await organisations.structural({ kind: "region", regionCode: home.regionCode });
  // The demo administrator administers the hospital (its wards are under it), not the
  // region: a region's roles are the operator's (see "What an administrator may do").
  const hospital = await organisations.structural({
    kind: "hospital",
    hospitalId: "slagelse-sygehus",
  });
  // On every start, so that demo data from before contact details existed gets them too.
  await addDemoContacts(db, {
    ward: ward.id,
    homeNursing: homeNursing.id,
    practice: practice.organisationId,
    secretariat: secretariat.id,
  });
  const existing = await admin.listUsers(DEMO_SEED);
  const demoAdmin = existing.find((u) => u.username === "demo.admin");
  if (demoAdmin) {
    // Those seeds put the administrator in Region Sjælland, whatever the date now.
    const sjaelland = await organisations.structural({ kind: "region", regionCode: "1085" });
    await moveDemoAdministrator(admin, demoAdmin.memberships, { region: sjaelland.id, hospital });
    // Demo data from before the body's agreements existed gets them too.
    await ensureDemoAgreements(db, secretariat, now);
    await ensureDemoInitiatives(db, secretariat, now);
    await ensureDemoMeetings(db, secretariat, now);
    return false;
  }

  const staff: DemoStaff[] = [
    {
      username: "demo.sygeplejerske",
      displayName: "Sofie Sygeplejerske (demo)",
      memberships: [{ organisation: ward.id, role: "clinician" }],
    },
    {
      username: "demo.udskrivning",
      displayName: "Ulla Udskrivningskoordinator (demo)",
      memberships: [{ organisation: ward.id, role: "coordinator" }],
    },
    {
      username: "demo.visitator",
      displayName: "Villads Visitator (demo)",
      memberships: [{ organisation: homeNursing.id, role: "coordinator" }],
    },
    {
      username: "demo.laege",
      displayName: "Lars Læge (demo)",
      memberships: [{ organisation: practice.organisationId, role: "clinician" }],
    },
    {
      username: "demo.klyngekoordinator",
      displayName: "Karin Koordinator (demo)",
      memberships: [
        { organisation: secretariat.id, role: "coordinator" },
        { organisation: homeNursing.id, role: "coordinator" },
      ],
    },
    {
      username: "demo.klyngeleder",
      displayName: "Kasper Leder (demo)",
      memberships: [{ organisation: secretariat.id, role: "body_lead" }],
    },
    {
      username: "demo.udvalg",
      displayName: "Ulrik Udvalgsmedlem (demo)",
      memberships: [{ organisation: region.id, role: "committee_member" }],
    },
    {
      username: "demo.admin",
      displayName: "Anna Administrator (demo)",
      memberships: [{ organisation: hospital.id, role: "administrator" }],
    },
  ];

  const karen = await citizens.register({
    cpr: "120345-1962",
    name: "Karen Demo Hansen",
    homeMunicipalityCode: "370",
    listedPracticeId: practice.practiceId,
    synthetic: true,
  });
  await citizens.register({
    cpr: "050738-2981",
    name: "Bent Demo Larsen",
    homeMunicipalityCode: "330",
    listedPracticeId: null,
    synthetic: true,
  });
  // Birthe lives in Næstved, but her GP is in Vordingborg, in Klyngen Nykøbing F.
  const vordingborgPractice = await organisations.ensureGeneralPractice({
    providerNumber: "990002",
    name: "Lægerne i Vordingborg (demo)",
    municipalityCode: "390",
  });
  await citizens.register({
    cpr: "220841-1958",
    name: "Birthe Demo Jensen",
    homeMunicipalityCode: "370",
    listedPracticeId: vordingborgPractice.practiceId,
    synthetic: true,
  });
  if (options.activity !== false) await ingestDemoActivity(db, cipher, now);

  for (const s of staff) {
    await admin.createUser(
      {
        username: s.username,
        displayName: s.displayName,
        kind: "staff",
        password: DEMO_PASSWORD,
        demo: true,
      },
      DEMO_SEED,
    );
    for (const m of s.memberships) await admin.grant(s.username, m.organisation, m.role, DEMO_SEED);
  }
  await admin.createUser(
    {
      username: "demo.borger",
      displayName: "Karen Demo Hansen",
      kind: "citizen",
      citizenId: karen.id,
      password: DEMO_PASSWORD,
      demo: true,
    },
    DEMO_SEED,
  );
  const relative = await admin.createUser(
    {
      username: "demo.paaroerende",
      displayName: "Peter Pårørende (demo)",
      kind: "relative",
      password: DEMO_PASSWORD,
      demo: true,
    },
    DEMO_SEED,
  );
  await citizens.grantConsent(karen.id, relative.id, null);
  await ensureDemoAgreements(db, secretariat, now);
  await ensureDemoInitiatives(db, secretariat, now);
  await ensureDemoMeetings(db, secretariat, now);
  return true;
}

/**
 * Demo data seeded before the administration rules had the demo administrator
 * administer the region; on a later start they administer the hospital instead.
 */
async function moveDemoAdministrator(
  admin: ReturnType<typeof createAdminService>,
  memberships: { organisationId: string; role: Role }[],
  at: { region: string; hospital: { id: string } },
) {
  const holds = (organisationId: string) =>
    memberships.some((m) => m.organisationId === organisationId && m.role === "administrator");
  if (!holds(at.region)) return;
  await admin.grant("demo.admin", at.hospital.id, "administrator", DEMO_SEED);
  await admin.revoke("demo.admin", at.region, "administrator", DEMO_SEED, "demo re-seeded");
}
