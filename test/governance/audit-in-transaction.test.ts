import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actingForSecretariat, addStaff, type DemoApp, demoApp } from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";

/**
 * Every change to a body's work writes its audit entry in the change's own
 * transaction (issue 22 §6, "every change is audited"): when the entry cannot
 * be written, the change is not made either. The audit table is made to
 * refuse the entries of allowed governance changes (a check constraint added
 * for this test's own database), on the engine the suite runs on (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL). A refusal (403) is still audited, since
 * the constraint lets denied entries through.
 */
let demo: DemoApp;
const BODY = "naestved-slagelse";
const RESOURCES = ["agreement", "initiative", "meeting", "gp-capacity", "handover-rules"];

/** DDL takes no parameters: the constraint names the resources as literals (this file's constants). */
const refuseGovernanceEntries = () =>
  sql`alter table audit_log add constraint test_refuses_governance_entries
    check (outcome = 'denied' or resource not in (${sql.raw(RESOURCES.map((r) => `'${r}'`).join(", "))}))
    not valid`.execute(demo.database.db);
const acceptGovernanceEntries = () =>
  sql`alter table audit_log drop constraint test_refuses_governance_entries`.execute(
    demo.database.db,
  );

const as = (username: string) => actingForSecretariat(demo, username);

const agreementDraft = {
  title: "Udkast om faldforebyggelse (test)",
  summary: "Et udkast.",
  public: false,
  commitments: [],
};
const initiativePlan = {
  title: "Færre fald blandt 80+ (test)",
  goal: "Et besøg af en fysioterapeut efter udskrivelse.",
  public: false,
  indicatorId: "acute-readmission-30d",
  ageBand: "65+",
  baseline: "14.20",
  target: 12,
  municipalityCodes: ["370"],
  practices: [],
  budget: [{ party: "Region Sjælland", amount: "100000", currency: "DKK" }],
  start: "2026-03-01",
  end: "2027-02-28",
  milestones: [],
};
const meetingInput = {
  title: "Styregruppemøde (test)",
  date: "2026-12-03",
  public: false,
  status: "planned",
  agenda: [{ title: "Status", text: null, subject: null, public: false }],
  attendees: [{ name: "Anne Formand (test)", organisation: "Region Sjælland" }],
};
const twoHours = {
  deadlineMinutes: 120,
  hours: { weekday: { start: "07:00", end: "22:00" }, weekend: { start: "08:00", end: "20:00" } },
  ladder: [
    { afterMinutes: 0, target: "receiver" },
    { afterMinutes: 30, target: "body-coordinator" },
  ],
};

const made = { agreement: "", initiative: "", meeting: "" };

beforeAll(async () => {
  demo = await demoApp({ clock: clockFrom("2026-11-02T09:00:00Z"), seed: { activity: false } });
  const municipality = await demo.database.db
    .selectFrom("organisation")
    .select("id")
    .where("kind", "=", "municipality")
    .executeTakeFirstOrThrow();
  await addStaff(demo.database.db, {
    username: "test.outsider",
    displayName: "Otto Udenfor (test)",
    organisationId: municipality.id,
    role: "coordinator",
  });
  const headers = await as("demo.klyngekoordinator");
  const post = async (url: string, payload: object) => {
    const r = await demo.app.inject({ method: "POST", url, headers, payload });
    if (r.statusCode !== 201) throw new Error(`${url}: ${r.body}`);
    return (r.json() as { id: string }).id;
  };
  made.agreement = await post(`/api/bodies/${BODY}/agreements`, agreementDraft);
  made.initiative = await post(`/api/bodies/${BODY}/initiatives`, initiativePlan);
  made.meeting = await post(`/api/bodies/${BODY}/meetings`, meetingInput);
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

/** Everything the changes below write, audit entries included. */
async function snapshot() {
  const { rows } = await sql<Record<string, string | null>>`
    select
      (select count(*) from agreement)::text as agreements,
      (select count(*) from agreement_version)::text as agreement_versions,
      (select count(*) from initiative)::text as initiatives,
      (select count(*) from initiative_version)::text as initiative_versions,
      (select count(*) from meeting)::text as meetings,
      (select string_agg(id::text || ':' || version::text, ',' order by id) from meeting) as meeting_versions,
      (select count(*) from meeting_decision)::text as decisions,
      (select count(*) from gp_capacity_fact)::text as capacity_facts,
      (select string_agg(body_id || ':' || max_patients_per_doctor::text, ',') from gp_capacity_rule) as capacity_rules,
      (select string_agg(body_id || ':' || sector || ':' || coalesce(rule::text, ''), ',' order by body_id, sector)
        from handover_rule) as handover_rules,
      (select count(*) from audit_log where outcome = 'allowed')::text as allowed_entries
  `.execute(demo.database.db);
  return rows[0];
}

const deniedEntries = async () =>
  Number(
    (
      await demo.database.db
        .selectFrom("auditLog")
        .select(({ fn }) => fn.countAll().as("n"))
        .where("outcome", "=", "denied")
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The changes of a body's work, each as its secretariat makes it, against the current versions. */
async function changes(): Promise<{ name: string; send: () => Promise<{ statusCode: number }> }[]> {
  const headers = await as("demo.klyngekoordinator");
  const version = async (url: string) =>
    ((await demo.app.inject({ url, headers })).json() as { version: number }).version;
  const send = (method: "POST" | "PUT", url: string, payload: object | string, type?: string) =>
    demo.app.inject({
      method,
      url,
      headers: type ? { ...headers, "content-type": type } : headers,
      payload,
    });
  const agreement = `/api/agreements/${made.agreement}`;
  const initiative = `/api/initiatives/${made.initiative}`;
  const meeting = `/api/meetings/${made.meeting}`;
  return [
    {
      name: "agreement create",
      send: () => send("POST", `/api/bodies/${BODY}/agreements`, agreementDraft),
    },
    {
      name: "agreement edit",
      send: async () =>
        send("PUT", agreement, {
          ...agreementDraft,
          summary: "Ændret.",
          version: await version(agreement),
        }),
    },
    {
      name: "agreement step",
      send: async () =>
        send("POST", `${agreement}/steps`, {
          version: await version(agreement),
          to: "consultation",
        }),
    },
    {
      name: "initiative create",
      send: () => send("POST", `/api/bodies/${BODY}/initiatives`, initiativePlan),
    },
    {
      name: "initiative edit",
      send: async () =>
        send("PUT", initiative, {
          ...initiativePlan,
          goal: "Ændret.",
          version: await version(initiative),
        }),
    },
    {
      name: "initiative step",
      send: async () =>
        send("POST", `${initiative}/status`, { version: await version(initiative), to: "running" }),
    },
    {
      name: "meeting create",
      send: () => send("POST", `/api/bodies/${BODY}/meetings`, meetingInput),
    },
    {
      name: "meeting edit",
      send: async () =>
        send("PUT", meeting, { ...meetingInput, status: "held", version: await version(meeting) }),
    },
    {
      name: "meeting decision",
      send: () =>
        send("POST", `${meeting}/decisions`, {
          subjectKind: "initiative",
          subjectId: made.initiative,
          text: "Forsøget fortsætter.",
        }),
    },
    {
      name: "capacity import",
      send: () =>
        send(
          "POST",
          `/api/bodies/${BODY}/gp-capacity/import`,
          "provider_number;doctors;listed_patients;closed_to_new;as_of\n990001;2;3800;nej;2026-10-01",
          "text/csv",
        ),
    },
    {
      name: "capacity rule",
      send: () =>
        send("PUT", `/api/bodies/${BODY}/gp-capacity/rule`, { maxPatientsPerDoctor: 1850 }),
    },
    {
      name: "handover rule",
      send: () => send("PUT", `/api/bodies/${BODY}/handover-rules/municipality`, twoHours),
    },
  ];
}

describe("a governance change and its audit entry", () => {
  it("are written together: when the entry is refused, the change is not made", async () => {
    await refuseGovernanceEntries();
    try {
      const changed: string[] = [];
      const answers: Record<string, number> = {};
      for (const change of await changes()) {
        const before = await snapshot();
        answers[change.name] = (await change.send()).statusCode;
        if (JSON.stringify(await snapshot()) !== JSON.stringify(before)) changed.push(change.name);
      }
      expect(changed).toEqual([]);
      expect(new Set(Object.values(answers))).toEqual(new Set([500]));
    } finally {
      await acceptGovernanceEntries();
    }
  });

  it("a refusal (403) is still audited while nothing else is written", async () => {
    await refuseGovernanceEntries();
    try {
      const before = { snapshot: await snapshot(), denied: await deniedEntries() };
      const response = await demo.app.inject({
        method: "POST",
        url: `/api/bodies/${BODY}/initiatives`,
        headers: await as("test.outsider"),
        payload: initiativePlan,
      });
      expect(response.statusCode).toBe(403);
      expect(await snapshot()).toEqual(before.snapshot);
      expect(await deniedEntries()).toBe(before.denied + 1);
    } finally {
      await acceptGovernanceEntries();
    }
  });

  it("each change goes through once the entry can be written, with its entry", async () => {
    for (const change of await changes()) {
      const before = await snapshot();
      const response = await change.send();
      expect(response.statusCode, change.name).toBeLessThan(300);
      const after = await snapshot();
      expect(Number(after?.allowedEntries), change.name).toBeGreaterThan(
        Number(before?.allowedEntries),
      );
      expect({ ...after, allowedEntries: null }, change.name).not.toEqual({
        ...before,
        allowedEntries: null,
      });
    }
  });
});
