import { createAdminService } from "../access/admin-service.ts";
import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy, type Role } from "../access/model.ts";
import type { PersonalDataCipher } from "../citizens/crypto.ts";
import { createCitizenService } from "../citizens/service.ts";
import type { Database } from "../platform/db/database.ts";
import { createOrganisationService } from "../structure/organisations.ts";

/** Every demo user logs in with this password; demo mode exists only on synthetic data. */
export const DEMO_PASSWORD = "tovholder-demo";

type DemoStaff = {
  username: string;
  displayName: string;
  memberships: { organisation: string; role: Role }[];
};

/**
 * Demo users, one per role, in Klyngen Næstved/Slagelse, and a few synthetic
 * citizens with the relations that let those users see them. Idempotent: a
 * second start finds them and changes nothing.
 */
export async function seedDemo(db: Database, cipher: PersonalDataCipher): Promise<boolean> {
  const admin = createAdminService(db);
  if ((await admin.listUsers()).some((u) => u.username === "demo.admin")) return false;
  const organisations = createOrganisationService(db);
  const citizens = createCitizenService(db, cipher, createCitizenAccess(db, defaultAccessPolicy));

  const hospital = await organisations.structural({
    kind: "hospital",
    hospitalId: "slagelse-sygehus",
  });
  const ward = await organisations.ensure({
    kind: "hospital_department",
    name: "Slagelse Sygehus, Medicinsk Afdeling",
    hospitalId: "slagelse-sygehus",
    regionCode: "1085",
    parentId: hospital.id,
  });
  const naestved = await organisations.structural({
    kind: "municipality",
    municipalityCode: "370",
  });
  const homeNursing = await organisations.ensure({
    kind: "municipal_unit",
    name: "Næstved Kommune, Hjemmesygeplejen",
    municipalityCode: "370",
    regionCode: "1085",
    parentId: naestved.id,
  });
  const practice = await organisations.ensureGeneralPractice({
    providerNumber: "990001",
    name: "Lægehuset Axeltorv (demo)",
    municipalityCode: "370",
  });
  const secretariat = await organisations.structural({
    kind: "cluster_secretariat",
    clusterId: "naestved-slagelse",
  });
  const region = await organisations.structural({ kind: "region", regionCode: "1085" });

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
      displayName: "Karin Klyngekoordinator (demo)",
      memberships: [
        { organisation: secretariat.id, role: "coordinator" },
        { organisation: homeNursing.id, role: "coordinator" },
      ],
    },
    {
      username: "demo.klyngeleder",
      displayName: "Kasper Klyngeleder (demo)",
      memberships: [{ organisation: secretariat.id, role: "cluster_lead" }],
    },
    {
      username: "demo.udvalg",
      displayName: "Ulrik Udvalgsmedlem (demo)",
      memberships: [{ organisation: region.id, role: "committee_member" }],
    },
    {
      username: "demo.admin",
      displayName: "Anna Administrator (demo)",
      memberships: [{ organisation: region.id, role: "administrator" }],
    },
  ];

  const karen = await citizens.register({
    cpr: "120345-1962",
    name: "Karen Demo Hansen",
    homeMunicipalityCode: "370",
    listedPracticeId: practice.practiceId,
    synthetic: true,
  });
  const bent = await citizens.register({
    cpr: "050738-2981",
    name: "Bent Demo Larsen",
    homeMunicipalityCode: "329",
    listedPracticeId: null,
    synthetic: true,
  });
  const now = Date.now();
  await citizens.recordStay({
    citizenId: karen.id,
    hospitalId: "slagelse-sygehus",
    admittedAt: new Date(now - 3 * 86_400_000),
    dischargedAt: null,
  });
  await citizens.recordStay({
    citizenId: bent.id,
    hospitalId: "slagelse-sygehus",
    admittedAt: new Date(now - 20 * 86_400_000),
    dischargedAt: new Date(now - 15 * 86_400_000),
  });

  for (const s of staff) {
    await admin.createUser({
      username: s.username,
      displayName: s.displayName,
      kind: "staff",
      password: DEMO_PASSWORD,
      demo: true,
    });
    for (const m of s.memberships) await admin.grant(s.username, m.organisation, m.role);
  }
  await admin.createUser({
    username: "demo.borger",
    displayName: "Karen Demo Hansen",
    kind: "citizen",
    citizenId: karen.id,
    password: DEMO_PASSWORD,
    demo: true,
  });
  const relative = await admin.createUser({
    username: "demo.paaroerende",
    displayName: "Peter Pårørende (demo)",
    kind: "relative",
    password: DEMO_PASSWORD,
    demo: true,
  });
  await citizens.grantConsent(karen.id, relative.id, null);
  return true;
}
