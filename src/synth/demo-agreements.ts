import { createAdminService, DEMO_SEED } from "../access/admin-service.ts";
import type { RequestContext } from "../access/citizen-access.ts";
import { createCitizenAccess } from "../access/citizen-access.ts";
import { defaultAccessPolicy, type OrganisationRef, type Role } from "../access/model.ts";
import type { ContentInput } from "../governance/model.ts";
import { createGovernanceService } from "../governance/service.ts";
import { countOfBody } from "../governance/store.ts";
import { loadParameters } from "../indicators/parameters.ts";
import { createIndicatorService } from "../indicators/service.ts";
import type { Database } from "../platform/db/database.ts";
import { createStructureService } from "../structure/service.ts";

/** The cluster whose work the demo shows; from 2027 its council carries it on. */
export const DEMO_AGREEMENT_BODY = "naestved-slagelse";

/** A patient and relatives' organisations' representative on the body (synthetic). */
export const DEMO_REPRESENTATIVE = {
  username: "demo.patientforening",
  displayName: "Pia Patientforening (demo)",
};

const DAY = 86_400_000;
const municipality = (name: string) => ({ sector: "municipality" as const, organisation: name });
const region = { sector: "region" as const, organisation: "Region Sjælland" };
const hospital = { sector: "hospital" as const, organisation: "Slagelse Sygehus" };
const practice = { sector: "general-practice" as const, organisation: null };
const dkk = (
  amount: string,
  from: typeof region,
  to: { sector: "municipality"; organisation: string } | typeof practice,
) => ({ kind: "money" as const, amount, currency: "DKK", from, to });

/** Synthetic, plausible: IV treatment at home and follow-up visits, in force since the spring. */
const inForce: ContentInput = {
  title: "IV-behandling i eget hjem og opfølgende hjemmebesøg",
  summary:
    "Borgere, der udskrives med behov for antibiotika i blodet, får behandlingen hjemme af kommunens sygeplejersker i stedet for at blive liggende. Borgere på 75 år og derover får et opfølgende hjemmebesøg inden for 3 dage efter udskrivelsen. Regionen flytter penge og en udgående sygeplejerske med opgaven.",
  public: false,
  commitments: [
    {
      task: "IV-antibiotika i eget hjem efter udskrivelse",
      responsible: municipality("Næstved Kommune"),
      from: "2026-03-01",
      until: null,
      indicatorIds: ["acute-readmission-30d", "medically-ready-days"],
      resources: [
        dkk("1850000", region, municipality("Næstved Kommune")),
        { kind: "staff", fte: "1", from: hospital, to: municipality("Næstved Kommune") },
      ],
      handoverRule: null,
    },
    {
      task: "Opfølgende hjemmebesøg inden for 3 dage for udskrevne borgere på 75+",
      responsible: municipality("Slagelse Kommune"),
      from: "2026-04-01",
      until: "2027-12-31",
      indicatorIds: ["acute-readmission-30d", "loop-confirmed-by-deadline"],
      resources: [dkk("2400000", region, municipality("Slagelse Kommune"))],
      handoverRule: null,
    },
  ],
};

/** Synthetic, plausible: fewer preventable admissions among older people with COPD, in consultation. */
const inConsultation: ContentInput = {
  title: "Færre forebyggelige indlæggelser blandt ældre med KOL",
  summary:
    "Sygehusets lungesygeplejersker arbejder fremskudt i kommunernes akutteams, og egen læge ser borgeren inden for 14 dage efter en indlæggelse med KOL. Målet er færre indlæggelser, der kunne have været undgået.",
  public: true,
  commitments: [
    {
      task: "Fremskudt lungesygeplejerske i kommunernes akutteams",
      responsible: hospital,
      from: "2027-01-01",
      until: null,
      indicatorIds: ["preventable-admissions-65"],
      resources: [
        { kind: "staff", fte: "2", from: hospital, to: municipality("Ringsted Kommune") },
      ],
      handoverRule: null,
    },
    {
      task: "Opfølgning hos egen læge inden for 14 dage efter indlæggelse med KOL",
      responsible: practice,
      from: "2027-01-01",
      until: null,
      indicatorIds: ["preventable-admissions-65", "acute-readmission-30d"],
      resources: [dkk("600000", region, practice)],
      handoverRule: null,
    },
  ],
};

/**
 * The demo body's two agreements, one in force and one in consultation with
 * a representative's response, made through the governance service by the
 * demo's coordinator and lead at the secretariat of the body that holds
 * Næstved on the seed's date (a council's members act on its clusters'
 * agreements). Idempotent: a body that has agreements gets none.
 */
export async function ensureDemoAgreements(
  db: Database,
  secretariat: OrganisationRef,
  now: number,
): Promise<boolean> {
  if ((await countOfBody(db, DEMO_AGREEMENT_BODY)) > 0) return false;
  const admin = createAdminService(db);
  let users = await admin.listUsers(DEMO_SEED);
  if (!users.some((u) => u.username === DEMO_REPRESENTATIVE.username)) {
    await admin.createUser(
      { ...DEMO_REPRESENTATIVE, kind: "staff", password: "tovholder-demo", demo: true },
      DEMO_SEED,
    );
    await admin.grant(
      DEMO_REPRESENTATIVE.username,
      secretariat.id,
      "citizen_representative",
      DEMO_SEED,
    );
    users = await admin.listUsers(DEMO_SEED);
  }
  const ctxOf = (username: string, role: Role): RequestContext => {
    const user = users.find((u) => u.username === username);
    const membership = user?.memberships.find(
      (m) => m.organisationId === secretariat.id && m.role === role,
    );
    if (!user || !membership) throw new Error(`demo: ${username} is not ${role} at the body`);
    return {
      actor: {
        kind: "staff",
        userId: user.id,
        membershipId: membership.membershipId,
        role,
        organisation: secretariat,
      },
      requestId: "demo-seed",
    };
  };
  let at = now;
  const governance = createGovernanceService({
    db,
    access: createCitizenAccess(db, defaultAccessPolicy, () => new Date(at)),
    structure: createStructureService(db),
    indicators: createIndicatorService({
      db,
      clock: () => new Date(at),
      parameters: loadParameters(),
    }),
    handovers: {
      setRuleFromAgreement: async () => {
        // The living demo runs on minute-long rules; its agreements change none of them.
        throw new Error("the demo's agreements set no handover rules");
      },
    },
    clock: () => new Date(at),
  });
  const coordinator = ctxOf("demo.klyngekoordinator", "coordinator");
  const lead = ctxOf("demo.klyngeleder", "body_lead");
  const representative = ctxOf(DEMO_REPRESENTATIVE.username, "citizen_representative");

  at = now - 240 * DAY;
  let a = await governance.create(coordinator, DEMO_AGREEMENT_BODY, inForce);
  const steps = [
    [coordinator, "consultation", 220],
    [coordinator, "approved", 190],
    [lead, "adopted", 175],
    [lead, "in-force", 160],
  ] as const;
  for (const [ctx, to, daysAgo] of steps) {
    at = now - daysAgo * DAY;
    a = await governance.step(ctx, a.id, { version: a.version, to });
  }

  at = now - 30 * DAY;
  let b = await governance.create(coordinator, DEMO_AGREEMENT_BODY, inConsultation);
  at = now - 14 * DAY;
  b = await governance.step(coordinator, b.id, { version: b.version, to: "consultation" });
  at = now - 5 * DAY;
  await governance.comment(representative, b.id, {
    version: b.version,
    text: "Patient- og pårørendeforeningerne støtter aftalen. Vi foreslår, at de pårørende inviteres med til den første opfølgning, og at borgere uden egen læge også får et tilbud.",
  });
  return true;
}
