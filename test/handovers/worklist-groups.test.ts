import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type GroupedHandover,
  WORKLIST_GROUPS,
  type WorklistReader,
  worklistGroup,
} from "../../src/handovers/model.ts";
import { createSweeper } from "../../src/handovers/sweeper.ts";
import * as worklistStore from "../../src/handovers/worklist-store.ts";
import { participants } from "../../src/interop/medcom/fixtures.ts";
import { NotificationFlow } from "../../src/interop/medcom/notification-flow.ts";
import { notifyHandoverEvents } from "../../src/notifications/sink.ts";
import { DEMO_UNITS } from "../../src/synth/demo-units.ts";
import {
  actingForSecretariat,
  authHeaders,
  citizenRegistryOf,
  type DemoApp,
  demoApp,
} from "../support/access.ts";
import { integrationToken, participantOf, postMessage } from "../support/messages.ts";

/**
 * Issue 21 §1 through the API, with the app's clock injected: the grouped
 * default worklist, the sweeper making a handover unresolved once the whole
 * ladder has chased it, the unresolved list for the body's coordinators, the
 * hospital and the receiver, and a confirmation that still works. The SQL's
 * groups are held to model.ts's pure rule at the boundaries.
 */

let demo: DemoApp;
let now = new Date("2026-11-18T17:59:00Z");
const ids = new Map<string, string>();

async function discharge(key: string, cpr: string, name: string, dischargedAt: string) {
  const [given = "", family = ""] = name.split(" ");
  await citizenRegistryOf(demo).register({
    cpr,
    name,
    homeMunicipalityCode: "370",
    listedPracticeId: null,
    synthetic: true,
  });
  const flow = new NotificationFlow(
    participants(`groups-${key}`, {
      sender: participantOf(DEMO_UNITS.slagelseMedical),
      receiver: participantOf(DEMO_UNITS.naestvedHomeNursing),
      patient: { cpr, family, given: [given] },
    }),
  );
  flow.admit({ class: "inpatient", at: "2026-11-01T09:00:00+01:00" });
  flow.discharge({ at: dischargedAt });
  const token = await integrationToken(demo.database.db);
  for (const m of flow.messages) {
    const { response } = await postMessage(demo.app, token, m);
    expect(response.statusCode, response.body).toBe(200);
  }
  const h = await demo.database.db
    .selectFrom("handover")
    .select("id")
    .where("dischargedAt", "=", new Date(dischargedAt))
    .where("sector", "=", "municipality")
    .executeTakeFirstOrThrow();
  ids.set(key, h.id);
}

beforeAll(async () => {
  demo = await demoApp({ seed: { activity: false }, clock: () => now });
  // Today's: discharged at 10:00 on Wednesday 18 November, due 14:00 (13:00Z); the whole
  // ladder has chased it at 16:00Z, and the department's two hours end at 18:00Z.
  await discharge("today", "0101501234", "Tine Idag", "2026-11-18T10:00:00+01:00");
  // Last week's: due 10 November 13:00Z, unresolved since 18:00Z that day.
  await discharge("old", "0202502345", "Ole Gammel", "2026-11-10T10:00:00+01:00");
  // Discharged at 16:00 on the 17th: due at 20:00 local (19:00Z), unresolved since 00:00Z on
  // the 18th; declined later, when the receiver has acted and it is no longer unresolved.
  await discharge("declined", "0303503456", "Dorte Afvist", "2026-11-17T16:00:00+01:00");
});
afterAll(() => demo.close());

const signedIn = new Map<string, Record<string, string>>();

/** Headers of a demo user's session; the body's coordinator acts for the secretariat. */
async function headersOf(username: string) {
  let headers = signedIn.get(username);
  if (headers) return headers;
  headers = await actingForSecretariat(demo, username);
  signedIn.set(username, headers);
  return headers;
}

const get = async (username: string, url: string) => {
  const response = await demo.app.inject({
    method: "GET",
    url,
    headers: await headersOf(username),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const post = async (username: string, url: string, payload: object) =>
  demo.app.inject({ method: "POST", url, headers: await headersOf(username), payload });

const row = (key: string) =>
  demo.database.db
    .selectFrom("handover")
    .select(["status", "unresolvedAt", "nextEscalationAt", "escalationStep", "version"])
    .where("id", "=", ids.get(key) ?? "")
    .executeTakeFirstOrThrow();

const historyOf = (key: string) =>
  demo.database.db
    .selectFrom("handoverTransition")
    .select(["kind", "fromStatus", "toStatus", "at"])
    .where("handoverId", "=", ids.get(key) ?? "")
    .orderBy("id")
    .execute();

describe("the sweeper makes a handover unresolved at the ladder's end", () => {
  it("marks last week's, at the time its ladder ended, and leaves it open", async () => {
    const sweeper = createSweeper(demo.database.db, { clock: () => now });
    await sweeper.sweep();
    expect(await row("old")).toMatchObject({
      status: "open",
      unresolvedAt: new Date("2026-11-10T18:00:00Z"),
      nextEscalationAt: null,
      escalationStep: 3,
    });
    const unresolved = (await historyOf("old")).filter((t) => t.kind === "unresolved");
    expect(unresolved).toEqual([
      {
        kind: "unresolved",
        fromStatus: "open",
        toStatus: "open",
        at: new Date("2026-11-10T18:00:00Z"),
      },
    ]);
  });

  it("does not mark today's a minute before the department's time ends", async () => {
    expect(await row("today")).toMatchObject({
      status: "open",
      unresolvedAt: null,
      escalationStep: 3,
      nextEscalationAt: new Date("2026-11-18T18:00:00Z"),
    });
  });

  it("marks it at 18:00, once however often it sweeps, and tells every party once", async () => {
    now = new Date("2026-11-18T18:00:00Z");
    const sweeper = createSweeper(demo.database.db, {
      clock: () => now,
      events: notifyHandoverEvents,
    });
    await sweeper.sweep();
    await sweeper.sweep();
    expect(sweeper.unresolved).toBe(1);
    expect((await row("today")).unresolvedAt).toEqual(new Date("2026-11-18T18:00:00Z"));
    expect((await historyOf("today")).filter((t) => t.kind === "unresolved")).toHaveLength(1);
    // The receiver, the discharging ward and the cluster's coordinators: never silently.
    const told = await demo.database.db
      .selectFrom("notification as n")
      .innerJoin("organisation as o", "o.id", "n.organisationId")
      .select(["o.kind", "o.name"])
      .where("n.handoverId", "=", ids.get("today") ?? "")
      .where("n.kind", "=", "handover.unresolved")
      .orderBy("o.kind")
      .execute();
    expect(told.map((t) => t.kind)).toEqual([
      "body_secretariat",
      "hospital_department",
      // The municipality; its home nursing hears what is addressed to it.
      "municipality",
    ]);
  });
});

describe("the unresolved list", () => {
  type Item = { id: string; citizenName: string | null; group: string; unresolvedAt: string };
  const unresolvedIds = async (username: string) => {
    const page = await get(username, "/api/handovers/unresolved");
    return {
      total: page.total as number,
      ids: (page.items as Item[]).map((i) => i.id).sort(),
      names: (page.items as Item[]).map((i) => i.citizenName).sort(),
    };
  };

  it("shows the body's coordinators, the hospital and the receiver the same cases", async () => {
    const all = [ids.get("old"), ids.get("today"), ids.get("declined")].sort();
    for (const who of ["demo.klyngekoordinator", "demo.udskrivning", "demo.visitator"]) {
      const list = await unresolvedIds(who);
      expect(list.total, who).toBe(3);
      expect(list.ids, who).toEqual(all);
    }
    // The hospital and the receiver have a relation to their own citizens: the names show.
    expect((await unresolvedIds("demo.visitator")).names).toEqual([
      "Dorte Afvist",
      "Ole Gammel",
      "Tine Idag",
    ]);
  });

  it("audits the names it shows as worklist reads", async () => {
    const before = await demo.database.db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    await unresolvedIds("demo.udskrivning");
    const after = await demo.database.db
      .selectFrom("auditLog")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBeGreaterThanOrEqual(2);
  });

  it("keeps the unresolved out of the default view's groups, and counts them", async () => {
    const view = await get("demo.udskrivning", "/api/handovers/grouped");
    const shown = view.groups.flatMap((g: { items: Item[] }) => g.items.map((i) => i.id));
    expect(shown).not.toContain(ids.get("old"));
    expect(shown).not.toContain(ids.get("today"));
    expect(view.counts.unresolved).toBe(3);
    expect(view.groups.map((g: { group: string }) => g.group)).toEqual([
      "today",
      "overdue-day",
      "overdue-days",
      "overdue-week",
      "overdue-older",
    ]);
  });

  it("lets the receiver confirm an unresolved handover, which then leaves every list", async () => {
    const { version } = await row("today");
    const response = await post("demo.visitator", `/api/handovers/${ids.get("today")}/confirm`, {
      version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await row("today")).status).toBe("confirmed");
    expect((await historyOf("today")).map((t) => t.kind).slice(-2)).toEqual([
      "unresolved",
      "confirmed",
    ]);
    expect((await unresolvedIds("demo.klyngekoordinator")).ids).toEqual(
      [ids.get("old"), ids.get("declined")].sort(),
    );
  });
});

describe("the grouped default view", () => {
  const unresolvedIds = async (username: string) =>
    ((await get(username, "/api/handovers/unresolved")).items as { id: string }[]).map((i) => i.id);
  it("puts a decline in the hospital's today for a day, and in the receiver's rest", async () => {
    const { version } = await row("declined");
    const declined = await post("demo.visitator", `/api/handovers/${ids.get("declined")}/decline`, {
      version,
      reason: "not-our-citizen",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const hospital = await get("demo.udskrivning", "/api/handovers/grouped");
    const today = hospital.groups.find((g: { group: string }) => g.group === "today");
    expect(today.items.map((i: { id: string }) => i.id)).toContain(ids.get("declined"));
    expect(today.total).toBe(today.items.length);
    const receiver = await get("demo.visitator", "/api/handovers/grouped");
    expect(receiver.counts.rest).toBeGreaterThanOrEqual(1);
    const rest = await get("demo.visitator", "/api/handovers?group=rest");
    expect(rest.items.map((i: { id: string }) => i.id)).toContain(ids.get("declined"));
    // Declined, it has been acted on: it leaves the unresolved list.
    expect(await unresolvedIds("demo.klyngekoordinator")).toEqual([ids.get("old")]);
  });

  it("pages within a group", async () => {
    const first = await get("demo.klyngekoordinator", "/api/handovers?group=unresolved&limit=1");
    expect(first.total).toBe(1);
    expect(first.items).toHaveLength(1);
    const second = await get(
      "demo.klyngekoordinator",
      "/api/handovers?group=unresolved&limit=1&offset=1",
    );
    expect(second.items).toHaveLength(0);
  });

  it("refuses an unknown group, naming the field", async () => {
    const response = await demo.app.inject({
      method: "GET",
      url: "/api/handovers?group=someday",
      headers: authHeaders(await demo.sessionOf("demo.udskrivning")),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("group");
  });
});

describe("the SQL's groups and model.ts's rule", () => {
  const readers: { reader: WorklistReader; filter: Partial<worklistStore.WorklistFilter> }[] = [
    { reader: "receiver", filter: { municipalityCode: "370" } },
    { reader: "hospital", filter: {} },
    { reader: "body", filter: {} },
  ];
  // Around each boundary of the handovers above: discharges, deadlines, steps, the decline.
  const moments = [
    "2026-11-17T15:59:59.999Z",
    "2026-11-17T16:00:00.000Z",
    "2026-11-18T09:00:00.000Z",
    "2026-11-18T12:59:59.999Z",
    "2026-11-18T13:00:00.000Z",
    "2026-11-18T17:59:59.999Z",
    "2026-11-18T18:00:00.000Z",
    "2026-11-19T09:00:00.000Z",
    "2026-11-19T09:00:00.001Z",
    "2026-11-20T16:00:00.000Z",
    "2026-11-24T16:00:00.000Z",
    "2026-11-25T09:00:00.000Z",
    "2026-12-30T00:00:00.000Z",
  ].map((iso) => new Date(iso));

  it("agree for every reader at every moment", async () => {
    const db = demo.database.db;
    const handovers = await db
      .selectFrom("handover")
      .select(["id", "status", "dischargedAt", "deadlineAt", "unresolvedAt", "route"])
      .where("id", "in", [...ids.values()])
      .execute();
    const declines = await db
      .selectFrom("handoverTransition")
      .select(["handoverId", "at"])
      .where("kind", "=", "declined")
      .execute();
    const escalations = await db
      .selectFrom("handoverEscalation")
      .select(["handoverId", "route", "target", "dueAt"])
      .execute();
    const target = {
      receiver: "receiver",
      hospital: "discharging-department",
      body: "body-coordinator",
    };
    let compared = 0;
    for (const { reader, filter } of readers)
      for (const at of moments) {
        const rows = await worklistStore.worklist(
          db,
          {
            ...filter,
            ids: [...ids.values()],
            reader,
            statuses: ["open", "declined", "confirmed"],
            overdueOnly: false,
            now: at,
          },
          { limit: 10, offset: 0 },
        );
        for (const r of rows) {
          const h = handovers.find((x) => x.id === r.id);
          if (!h) throw new Error("no such handover");
          const before = (d: Date) => d.getTime() <= at.getTime();
          const latest = (ds: Date[]) =>
            ds.filter(before).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
          const facts: GroupedHandover = {
            status: h.status,
            dischargedAt: h.dischargedAt,
            deadlineAt: h.deadlineAt,
            declinedAt:
              declines
                .filter((d) => d.handoverId === h.id)
                .map((d) => d.at)
                .sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
            escalatedToReaderAt: latest(
              escalations
                .filter(
                  (e) =>
                    e.handoverId === h.id && e.route === h.route && e.target === target[reader],
                )
                .map((e) => e.dueAt),
            ),
            unresolvedAt: h.unresolvedAt,
          };
          expect(r.group, `${reader} at ${at.toISOString()}`).toBe(
            worklistGroup(facts, reader, at),
          );
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(50);
    expect(WORKLIST_GROUPS).toContain("unresolved");
  });
});
