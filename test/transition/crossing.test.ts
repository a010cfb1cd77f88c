import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { notifyHandoverEvents } from "../../src/notifications/sink.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import { createTransition } from "../../src/transition/service.ts";
import {
  actingForSecretariat,
  addStaff,
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
} from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 19, point 2: work in flight crosses the border. The sweeper runs
 * across midnight on 31 December 2026 in Denmark (23:00Z), as the server runs
 * it: every tick first carries a change of structure over whose day has
 * come, then sweeps, here with two sweepers at once. Handovers opened in
 * December by Klyngen Næstved/Slagelse keep their deadlines and their
 * cluster's rule; each ladder step is made once, and a step to the body's
 * coordinators reaches the cluster before midnight and Sundhedsråd Midt- og
 * Vestsjælland after it. The rules and the memberships are carried over once,
 * each membership audited; the council's coordinators see the handovers and
 * act on them as the cluster's could.
 */

const CLUSTER = "naestved-slagelse";
const COUNCIL = "sundhedsraad-midt-og-vestsjaelland";
const MIDNIGHT = new Date("2026-12-31T23:00:00Z");

let now = new Date("2026-12-31T18:00:00Z");
const clock = () => now;
let demo: DemoApp;
let token: string;
const ids: Record<string, string> = {};
const secretariat: Record<"cluster" | "council", string> = { cluster: "", council: "" };
const deadlines = new Map<string, number>();

/**
 * The cluster's own rule for municipalities: an hour's deadline around the
 * clock, then the cluster's coordinator after 30 minutes and the ward after
 * 30 more. (Its GP rule stays the default: two working days.)
 */
const clusterRule = {
  deadlineMinutes: 60,
  hours: {
    weekday: { start: "00:00", end: "23:59" },
    weekend: { start: "00:00", end: "23:59" },
  },
  ladder: [
    { afterMinutes: 0, target: "receiver" },
    { afterMinutes: 30, target: "body-coordinator" },
    { afterMinutes: 30, target: "discharging-department" },
  ],
};

/** The citizens, all of Næstved, and when each is discharged (Danish time 31 Dec). */
const patients = {
  declined: { cpr: "0101601231", at: "2026-12-31T20:00:00+01:00", gp: false },
  early: { cpr: "0101601232", at: "2026-12-31T21:00:00+01:00", gp: true },
  straddling: { cpr: "0101601233", at: "2026-12-31T22:40:00+01:00", gp: false },
  late: { cpr: "0101601234", at: "2026-12-31T23:30:00+01:00", gp: false },
} as const;
type Who = keyof typeof patients;

const at = (iso: string) => {
  now = new Date(iso);
};

async function call(username: string, method: "GET" | "POST" | "PUT", url: string, body?: object) {
  return demo.app.inject({
    method,
    url,
    headers: authHeaders(await demo.sessionOf(username)),
    ...(body ? { payload: body } : {}),
  });
}

async function discharge(who: Who) {
  const p = patients[who];
  const flow = new NotificationFlow(
    participants(`crossing-${who}`, {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr: p.cpr, family: "Nytår", given: [who] },
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-12-28T09:00:00+01:00" });
  flow.discharge({ at: p.at });
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  const rows = await demo.database.db
    .selectFrom("handover")
    .select(["id", "sector", "deadlineAt", "bodyId"])
    .where("dischargedAt", "=", new Date(p.at))
    .execute();
  for (const r of rows) {
    ids[`${who}:${r.sector}`] = r.id;
    deadlines.set(r.id, new Date(r.deadlineAt).getTime());
    expect(r.bodyId).toBe(CLUSTER);
  }
}

/** One tick of the server's loop: carry a due change over, then sweep (two processes at once). */
async function tick(iso: string) {
  at(iso);
  await createTransition({ db: demo.database.db, clock }).applyDue();
  const sweep = () =>
    createSweeper(demo.database.db, { clock, events: notifyHandoverEvents }).sweep();
  await Promise.all([sweep(), sweep()]);
}

/** Ticks every five minutes from `from` to `to`, inclusive. */
async function ticks(from: string, to: string) {
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += 5 * 60_000)
    await tick(new Date(t).toISOString());
}

async function escalations() {
  return demo.database.db
    .selectFrom("handoverEscalation as e")
    .leftJoin("organisation as o", "o.id", "e.targetOrganisationId")
    .select(["e.handoverId", "e.step", "e.target", "e.bodyId", "e.dueAt", "o.id as organisation"])
    .orderBy("e.dueAt")
    .orderBy("e.step")
    .execute();
}

const worklistIds = async (username: string) => {
  const response = await call(username, "GET", "/api/handovers?limit=200");
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { id: string }[] }).items.map((i) => i.id);
};

beforeAll(async () => {
  demo = await demoApp({ seed: { activity: false }, clock });
  const db = demo.database.db;
  token = await integrationToken(db);
  for (const [key, body] of [
    ["cluster", CLUSTER],
    ["council", COUNCIL],
  ] as const) {
    const row = await db
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", "body_secretariat")
      .where("bodyId", "=", body)
      .executeTakeFirstOrThrow();
    secretariat[key] = row.id;
  }
  const practice = await db
    .selectFrom("generalPractice")
    .select("id")
    .where("providerNumber", "=", "990001")
    .executeTakeFirstOrThrow();
  const citizens = citizenRegistryOf(demo);
  for (const [who, p] of Object.entries(patients))
    await citizens.register({
      cpr: p.cpr,
      name: `${who} Nytår`,
      homeMunicipalityCode: "370",
      listedPracticeId: p.gp ? practice.id : null,
      synthetic: true,
    });
}, 60_000);
afterAll(() => demo?.close());

describe("31 December 2026, before midnight", () => {
  it("the cluster's lead sets its rule for municipalities", async () => {
    at("2026-12-31T18:30:00Z");
    const response = await call(
      "demo.klyngeleder",
      "PUT",
      `/api/bodies/${CLUSTER}/handover-rules/municipality`,
      clusterRule,
    );
    expect(response.statusCode, response.body).toBe(200);
  });

  it("opens handovers under the cluster's rule, and Næstved declines one", async () => {
    at("2026-12-31T19:01:00Z");
    await discharge("declined");
    const declined = await call(
      "demo.visitator",
      "POST",
      `/api/handovers/${ids["declined:municipality"]}/decline`,
      { version: 1, reason: "needs-different-service" },
    );
    expect(declined.statusCode, declined.body).toBe(200);
    at("2026-12-31T20:01:00Z");
    await discharge("early");
    // The cluster's own rule: an hour, around the clock.
    expect(deadlines.get(ids["early:municipality"] ?? "")).toBe(
      new Date("2026-12-31T21:00:00Z").getTime(),
    );
  });

  it("sweeps up to midnight; the straddling and the late handovers open on the way", async () => {
    await ticks("2026-12-31T20:05:00Z", "2026-12-31T21:40:00Z");
    at("2026-12-31T21:41:00Z");
    await discharge("straddling");
    await ticks("2026-12-31T21:45:00Z", "2026-12-31T22:30:00Z");
    at("2026-12-31T22:31:00Z");
    await discharge("late");
    await ticks("2026-12-31T22:35:00Z", "2026-12-31T22:55:00Z");
    // Nothing is carried over before the day has come.
    const carried = await demo.database.db.selectFrom("bodyCarryOver").select("id").execute();
    expect(carried).toEqual([]);
  });

  it("shows the cluster's lead the overdue and the declined handovers", async () => {
    at("2026-12-31T22:58:00Z");
    const list = await worklistIds("demo.klyngeleder");
    expect(list).toEqual(
      expect.arrayContaining([
        ids["declined:municipality"],
        ids["early:municipality"],
        ids["straddling:municipality"],
      ]),
    );
  });
});

describe("1 January 2027, after midnight in Denmark", () => {
  it("sweeps on past midnight", async () => {
    await ticks("2026-12-31T23:00:00Z", "2027-01-01T01:00:00Z");
  });

  it("made every ladder step once, and a coordinator step reached the body of its day", async () => {
    const made = await escalations();
    const step = (who: Who, n: number) =>
      made.filter((e) => e.handoverId === ids[`${who}:municipality`] && e.step === n);
    const expected: [Who, number, "cluster" | "council", string][] = [
      ["early", 1, "cluster", "2026-12-31T21:30:00Z"],
      ["straddling", 1, "council", "2026-12-31T23:10:00Z"],
      ["late", 1, "council", "2027-01-01T00:01:00Z"],
    ];
    for (const [who, n, body, due] of expected) {
      expect(step(who, n), `${who} step ${n}`).toHaveLength(1);
      expect(step(who, n)[0]).toMatchObject({
        target: "body-coordinator",
        organisation: secretariat[body],
        bodyId: body === "cluster" ? CLUSTER : COUNCIL,
        dueAt: new Date(due),
      });
    }
    for (const who of ["early", "straddling", "late"] as const)
      expect(
        made.filter((e) => e.handoverId === ids[`${who}:municipality`]).map((e) => e.step),
      ).toEqual([0, 1, 2]);
    // The declined one is not chased; the GP has two working days, not over yet.
    expect(made.filter((e) => e.handoverId === ids["declined:municipality"])).toEqual([]);
    expect(made.filter((e) => e.handoverId === ids["early:general-practice"])).toEqual([]);
    // Nine steps in all, each once, however many sweepers ran.
    expect(made).toHaveLength(9);
    const council = made.filter((e) => e.organisation === secretariat.council);
    expect(council.every((e) => e.dueAt >= MIDNIGHT)).toBe(true);
    const cluster = made.filter((e) => e.organisation === secretariat.cluster);
    expect(cluster.every((e) => e.dueAt < MIDNIGHT)).toBe(true);
  });

  it("told each coordinator step to the secretariat it reached, and nothing more", async () => {
    const told = await demo.database.db
      .selectFrom("notification")
      .select(["organisationId", "kind", "handoverId"])
      .where("organisationId", "in", [secretariat.cluster, secretariat.council])
      .where("kind", "=", "handover.escalated")
      .execute();
    expect(told.filter((n) => n.organisationId === secretariat.cluster)).toHaveLength(1);
    expect(
      told
        .filter((n) => n.organisationId === secretariat.council)
        .map((n) => n.handoverId)
        .sort(),
    ).toEqual([ids["straddling:municipality"], ids["late:municipality"]].sort());
  });

  it("kept every handover's deadline and its body of its own date", async () => {
    const rows = await demo.database.db
      .selectFrom("handover")
      .select(["id", "deadlineAt", "bodyId"])
      .where("id", "in", [...deadlines.keys()])
      .execute();
    expect(rows).toHaveLength(deadlines.size);
    for (const r of rows) {
      expect(new Date(r.deadlineAt).getTime()).toBe(deadlines.get(r.id));
      expect(r.bodyId).toBe(CLUSTER);
    }
  });

  it("carried the rules over once: the cluster's, to be confirmed, as Holbæk's differed", async () => {
    const rules = await demo.database.db
      .selectFrom("handoverRule")
      .selectAll()
      .where("bodyId", "=", COUNCIL)
      .orderBy("sector", "desc")
      .execute();
    expect(rules.map((r) => [r.sector, r.carriedOverFrom, r.needsConfirmation])).toEqual([
      ["municipality", CLUSTER, true],
      ["general-practice", CLUSTER, false],
    ]);
    expect(rules[0]?.rule).toEqual(clusterRule);
    // The GP rule is the cluster's default, carried as the default.
    expect(rules[1]?.rule).toBeNull();
    const recorded = await demo.database.db
      .selectFrom("bodyCarryOver")
      .select(["kind", "fromBodyId", "toBodyId", "detail"])
      .where("validFrom", "=", "2027-01-01")
      .execute();
    const ruleRows = recorded.filter((r) => r.kind === "rule");
    // 17 councils, two sectors each, once however many ticks came after midnight.
    expect(ruleRows).toHaveLength(34);
    expect(ruleRows.filter((r) => r.toBodyId === COUNCIL)).toHaveLength(2);
    const notices = await demo.database.db
      .selectFrom("notification")
      .select(["organisationId", "payload"])
      .where("kind", "=", "body.rules-to-confirm")
      .execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.organisationId).toBe(secretariat.council);
  });

  it("moved the cluster secretariat's people to the council's once, each move audited", async () => {
    const db = demo.database.db;
    const users = await db
      .selectFrom("appUser")
      .select(["id", "username"])
      // The demo's coordinator, lead and citizens' representative (src/synth/demo-agreements.ts).
      .where("username", "in", [
        "demo.klyngekoordinator",
        "demo.klyngeleder",
        "demo.patientforening",
      ])
      .execute();
    expect(users).toHaveLength(3);
    const memberships = await db
      .selectFrom("membership")
      .select(["userId", "organisationId", "role", "revokedAt", "grantedAt", "grantedVia"])
      .where("organisationId", "in", [secretariat.cluster, secretariat.council])
      .execute();
    expect(memberships).toHaveLength(6);
    for (const u of users) {
      // The old one first (the seed's grant time is the real clock's, so not by time).
      const own = memberships
        .filter((m) => m.userId === u.id)
        .sort((a, b) => Number(a.revokedAt === null) - Number(b.revokedAt === null));
      expect(own.map((m) => [m.organisationId, m.revokedAt, m.grantedVia])).toEqual([
        [secretariat.cluster, MIDNIGHT, "seed"],
        [secretariat.council, null, "carry-over"],
      ]);
      expect(own[1]?.grantedAt).toEqual(MIDNIGHT);
      expect(own[0]?.role).toBe(own[1]?.role);
    }
    const audit = await db
      .selectFrom("auditLog")
      .select(["action", "subjectUserId", "subjectOrganisationId", "actorKind", "grantedRole"])
      .where("resource", "=", "membership")
      .where("subjectOrganisationId", "in", [secretariat.cluster, secretariat.council])
      .where("purpose", "like", "carried over on the change of structure of 2027-01-01%")
      .execute();
    expect(audit).toHaveLength(6);
    for (const u of users) {
      const own = audit.filter((a) => a.subjectUserId === u.id);
      expect(own.map((a) => [a.action, a.subjectOrganisationId, a.actorKind]).sort()).toEqual([
        ["grant", secretariat.council, "operator"],
        ["revoke", secretariat.cluster, "operator"],
      ]);
    }
    const recorded = await db
      .selectFrom("bodyCarryOver")
      .select("id")
      .where("kind", "=", "membership")
      .execute();
    expect(recorded).toHaveLength(3);
  });

  it("changes nothing when carried over again", async () => {
    const count = async () =>
      Number(
        (
          await demo.database.db
            .selectFrom("bodyCarryOver")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const transition = createTransition({ db: demo.database.db, clock });
    expect(await transition.applyDue()).toEqual([]);
    const again = await transition.apply("2027-01-01");
    expect(again.state).toBe("already-applied");
    expect(again.bodies.find((b) => b.id === COUNCIL)?.memberships).toHaveLength(3);
    expect(await count()).toBe(before);
  });

  it("shows the council's lead the handovers it now answers for; the ended cluster has none", async () => {
    at("2027-01-01T01:05:00Z");
    const list = await worklistIds("demo.klyngeleder");
    expect(list).toEqual(
      expect.arrayContaining([
        ids["declined:municipality"],
        ids["early:municipality"],
        ids["straddling:municipality"],
        ids["late:municipality"],
      ]),
    );
    const me = await call("demo.klyngeleder", "GET", "/api/me");
    expect(
      (me.json() as { memberships: { organisation: { bodyId: string } }[] }).memberships.map(
        (m) => m.organisation.bodyId,
      ),
    ).toEqual([COUNCIL]);
    // Someone still placed at the ended cluster's secretariat answers for nothing now.
    await addStaff(demo.database.db, {
      username: "test.gammel.klynge",
      displayName: "Gitte Gammel",
      organisationId: secretariat.cluster,
      role: "coordinator",
    });
    expect(await worklistIds("test.gammel.klynge")).toEqual([]);
  });

  it("lets the council's lead send the declined handover on, as the cluster's could", async () => {
    const slagelse = await demo.database.db
      .selectFrom("organisation")
      .select("id")
      .where("kind", "=", "municipality")
      .where("municipalityCode", "=", "330")
      .executeTakeFirstOrThrow();
    const id = ids["declined:municipality"] ?? "";
    const version = await demo.database.db
      .selectFrom("handover")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const sent = await call("demo.klyngeleder", "POST", `/api/handovers/${id}/reroute`, {
      version: version.version,
      receiverOrganisationId: slagelse.id,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    // Sent on today, it stays the December discharge's handover (history stays true); its
    // coordinator steps go to the council, which holds the municipality today.
    const row = await demo.database.db
      .selectFrom("handover")
      .select(["bodyId", "status"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ bodyId: CLUSTER, status: "open" });
  });

  it("hands the cluster's open medical follow-ups to the council's coordinator, who names who follows up", async () => {
    at("2027-01-01T01:20:00Z");
    type Item = { id: string; bodyId: string; citizenName: string | null; version: number };
    const items = async (headers: ReturnType<typeof authHeaders>) => {
      const r = await demo.app.inject({ url: "/api/follow-ups?status=open", headers });
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as { items: Item[] }).items;
    };
    // The two without a GP discharged in December: opened for the cluster, which has ended.
    const december = await demo.database.db
      .selectFrom("medicalFollowUp")
      .select(["id", "bodyId"])
      .where("dischargedAt", "in", [
        new Date(patients.declined.at),
        new Date(patients.straddling.at),
      ])
      .execute();
    expect(december.map((d) => d.bodyId)).toEqual([CLUSTER, CLUSTER]);
    // The council's coordinator acts for its secretariat (she also works elsewhere).
    const karin = await actingForSecretariat(demo, "demo.klyngekoordinator");
    const council = await items(karin);
    for (const d of december) {
      const item = council.find((i) => i.id === d.id);
      // The council answers for it now, and may see whom it is about (name only).
      expect(item).toMatchObject({ bodyId: COUNCIL });
      expect(item?.citizenName).toMatch(/Nytår$/);
    }
    // Nobody left at the ended cluster's secretariat answers for it.
    expect(await items(authHeaders(await demo.sessionOf("test.gammel.klynge")))).toEqual([]);
    const first = council.find((i) => i.id === december[0]?.id);
    const resolved = await demo.app.inject({
      method: "POST",
      url: `/api/follow-ups/${first?.id}/resolve`,
      headers: karin,
      payload: {
        version: first?.version,
        resolution: { kind: "not-needed", reason: "Ingen medicinsk opfølgning nødvendig" },
      },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
  });

  it("told each item's opening to the secretariat answering that day, and the council's resolution not to the ended cluster", async () => {
    const db = demo.database.db;
    const items = await db
      .selectFrom("medicalFollowUp")
      .select(["id", "createdAt", "status"])
      .where(
        "dischargedAt",
        "in",
        Object.values(patients)
          .filter((p) => !p.gp)
          .map((p) => new Date(p.at)),
      )
      .execute();
    expect(items.length).toBeGreaterThanOrEqual(2);
    const told = await db
      .selectFrom("notification")
      .select(["followUpId", "organisationId", "kind"])
      .where(
        "followUpId",
        "in",
        items.map((i) => i.id),
      )
      .execute();
    for (const item of items) {
      const opened = told.filter((n) => n.followUpId === item.id && n.kind === "follow-up.opened");
      // The ward and one secretariat: the cluster's before midnight, the council's after.
      expect(opened).toHaveLength(2);
      const answering = item.createdAt < MIDNIGHT ? secretariat.cluster : secretariat.council;
      expect(opened.map((n) => n.organisationId)).toContain(answering);
    }
    const resolved = told.filter((n) => n.kind === "follow-up.resolved");
    expect(resolved).toHaveLength(2);
    expect(resolved.map((n) => n.organisationId)).toContain(secretariat.council);
    expect(resolved.map((n) => n.organisationId)).not.toContain(secretariat.cluster);
  });
});
