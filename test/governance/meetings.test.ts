import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/governance/meeting-pack-html.ts";
import { CHROMIUM_PATH, printPdf } from "../../src/governance/meeting-pdf.ts";
import { insertAgreement } from "../../src/governance/store.ts";
import { actingForSecretariat, addStaff, type DemoApp, demoApp } from "../support/access.ts";
import { clockFrom } from "../support/clock.ts";
import {
  hospitalIdNamed,
  hoursAfter,
  insertCitizen,
  insertHandover,
  insertStay,
  municipalityOrganisationId,
} from "../support/indicator-fixture.ts";

/**
 * Meetings, decisions and the generated pack through the API (issue 22,
 * section 3), on the engine the suite runs on (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL), with a fixed clock.
 */
let demo: DemoApp;
const BODY = "naestved-slagelse";

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
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

const as = (username: string) => actingForSecretariat(demo, username);

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

type Summary = { id: string; status: string; public: boolean; title: string };

async function bodyWork() {
  const headers = await as("demo.klyngekoordinator");
  const agreements = (
    await demo.app.inject({ url: `/api/bodies/${BODY}/agreements`, headers })
  ).json() as { agreements: Summary[] };
  const initiatives = (
    await demo.app.inject({ url: `/api/bodies/${BODY}/initiatives`, headers })
  ).json() as { initiatives: Summary[] };
  const inForce = agreements.agreements.find((a) => a.status === "in-force");
  const drafted = await demo.app.inject({
    method: "POST",
    url: `/api/bodies/${BODY}/agreements`,
    headers,
    payload: {
      title: "Udkast om KOL (test)",
      summary: "Et udkast, der ikke er offentligt.",
      public: false,
      commitments: [],
    },
  });
  if (drafted.statusCode !== 201) throw new Error(drafted.body);
  const draftAgreement = drafted.json() as Summary;
  const initiative = initiatives.initiatives[0];
  if (!inForce || !draftAgreement || !initiative)
    throw new Error(`the demo work is missing: ${JSON.stringify([agreements, initiatives])}`);
  return { inForce, draftAgreement, initiative };
}

function meetingOf(work: Awaited<ReturnType<typeof bodyWork>>) {
  return {
    title: "Klyngestyregruppemøde (test)",
    date: "3.12.2026",
    public: true,
    status: "planned" as const,
    agenda: [
      {
        title: "Status på IV-behandling i hjemmet",
        text: "Et år med aftalen.",
        subject: { kind: "agreement" as const, id: work.inForce.id },
        public: true,
      },
      {
        title: "Udkast om KOL (lukket punkt)",
        text: null,
        subject: { kind: "agreement" as const, id: work.draftAgreement.id },
        public: false,
      },
    ],
    attendees: [
      { name: "Anne Formand (test)", organisation: "Region Sjælland" },
      { name: "Bo Direktør (test)", organisation: "Næstved Kommune" },
    ],
  };
}

describe("a meeting with its agenda, decisions and pack", () => {
  let work: Awaited<ReturnType<typeof bodyWork>>;
  let id: string;
  let version: number;

  beforeAll(async () => {
    work = await bodyWork();
  });

  it("is created by the body's secretariat, the Danish date kept as ISO", async () => {
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/meetings`,
      headers: await as("demo.klyngekoordinator"),
      payload: meetingOf(work),
    });
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({
      date: "2026-12-03",
      version: 1,
      status: "planned",
      may: { edit: true, decide: true },
    });
    expect(view.agenda).toHaveLength(2);
    id = view.id;
    version = view.version;
  });

  it("refuses a day that is not in the calendar, naming the date", async () => {
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/meetings`,
      headers: await as("demo.klyngekoordinator"),
      payload: { ...meetingOf(work), date: "31.11.2026" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(fieldsOf(response.json())).toEqual(["date"]);
  });

  it("refuses an agenda item on what is not the body's, naming it", async () => {
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/meetings`,
      headers: await as("demo.klyngekoordinator"),
      payload: {
        ...meetingOf(work),
        agenda: [
          {
            title: "Fremmed",
            text: null,
            subject: { kind: "initiative", id: work.inForce.id },
            public: true,
          },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(["agenda.0.subject.id"]);
  });

  it("is edited with the version read; a stale version is 409 naming version", async () => {
    const headers = await as("demo.klyngekoordinator");
    const held = { ...meetingOf(work), status: "held", version };
    const ok = await demo.app.inject({
      method: "PUT",
      url: `/api/meetings/${id}`,
      headers,
      payload: held,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "held", version: version + 1 });
    const stale = await demo.app.inject({
      method: "PUT",
      url: `/api/meetings/${id}`,
      headers,
      payload: held,
    });
    expect(stale.statusCode).toBe(409);
    expect(fieldsOf(stale.json())).toEqual(["version"]);
    version += 1;
  });

  it("has its agenda edited: an item added on the initiative, reordered, one removed", async () => {
    const headers = await as("demo.klyngekoordinator");
    const before = (await demo.app.inject({ url: `/api/meetings/${id}`, headers })).json();
    const [first, second] = before.agenda;
    const payload = {
      ...meetingOf(work),
      status: "held",
      version,
      agenda: [
        {
          title: "Initiativets første måneder",
          text: null,
          subject: { kind: "initiative", id: work.initiative.id },
          public: true,
        },
        { title: first.title, text: first.text, subject: first.subject, public: first.public },
        { title: second.title, text: second.text, subject: second.subject, public: second.public },
      ].filter((a) => a.title !== "Udkast om KOL (lukket punkt)"),
    };
    const response = await demo.app.inject({
      method: "PUT",
      url: `/api/meetings/${id}`,
      headers,
      payload,
    });
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.version).toBe(version + 1);
    expect(
      view.agenda.map((a: { title: string; subjectTitle: string | null }) => [
        a.title,
        a.subjectTitle,
      ]),
    ).toEqual([
      ["Initiativets første måneder", work.initiative.title],
      ["Status på IV-behandling i hjemmet", work.inForce.title],
    ]);
    version += 1;
    // Put back as the later tests expect it (both items), as the next version.
    const back = await demo.app.inject({
      method: "PUT",
      url: `/api/meetings/${id}`,
      headers,
      payload: { ...meetingOf(work), status: "held", version },
    });
    expect(back.statusCode).toBe(200);
    version += 1;
  });

  it("refuses an edit whose item names another body's agreement, naming the item, and keeps the meeting", async () => {
    const db = demo.database.db;
    const other = await db
      .selectFrom("body")
      .select("id")
      .where("id", "!=", BODY)
      .where("kind", "=", "sundhedsklynge")
      .executeTakeFirstOrThrow();
    const { createdBy } = await db
      .selectFrom("agreement")
      .select("createdBy")
      .where("createdBy", "is not", null)
      .executeTakeFirstOrThrow();
    if (createdBy === null) throw new Error("no agreement with its author");
    const foreign = await insertAgreement(db, {
      bodyId: other.id,
      at: new Date("2026-10-01T08:00:00Z"),
      by: { userId: createdBy, organisation: "test", role: "coordinator" },
    });
    const payload = {
      ...meetingOf(work),
      status: "held",
      version,
      agenda: [
        ...meetingOf(work).agenda,
        {
          title: "En anden klynges aftale",
          text: null,
          subject: { kind: "agreement", id: foreign },
          public: true,
        },
      ],
    };
    const headers = await as("demo.klyngekoordinator");
    const response = await demo.app.inject({
      method: "PUT",
      url: `/api/meetings/${id}`,
      headers,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(fieldsOf(response.json())).toEqual(["agenda.2.subject.id"]);
    const now = (await demo.app.inject({ url: `/api/meetings/${id}`, headers })).json();
    expect(now.version).toBe(version);
    expect(now.agenda).toHaveLength(2);
  });

  it("is not edited by someone outside the body's secretariat (403), and stays as it was", async () => {
    const payload = { ...meetingOf(work), title: "Kapret (test)", status: "held", version };
    for (const username of ["test.outsider", "demo.patientforening"]) {
      const response = await demo.app.inject({
        method: "PUT",
        url: `/api/meetings/${id}`,
        headers: await as(username),
        payload,
      });
      expect(response.statusCode, username).toBe(403);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
    const now = (
      await demo.app.inject({
        url: `/api/meetings/${id}`,
        headers: await as("demo.klyngekoordinator"),
      })
    ).json();
    expect(now).toMatchObject({ title: "Klyngestyregruppemøde (test)", version });
  });

  it("is not run by someone outside the body's secretariat", async () => {
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/meetings`,
      headers: await as("test.outsider"),
      payload: meetingOf(work),
    });
    expect(response.statusCode).toBe(403);
  });

  it("records a decision on the in-force agreement with who was present, shown on the agreement", async () => {
    const headers = await as("demo.klyngekoordinator");
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/meetings/${id}/decisions`,
      headers,
      payload: {
        subjectKind: "agreement",
        subjectId: work.inForce.id,
        text: "Aftalen forlænges et år uændret.",
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().decisions).toHaveLength(1);
    expect(response.json().decisions[0].present).toEqual(meetingOf(work).attendees);
    const onAgreement = await demo.app.inject({
      url: `/api/agreements/${work.inForce.id}/decisions`,
      headers: await as("test.outsider"),
    });
    expect(onAgreement.statusCode).toBe(200);
    // The demo's decision on it first, then this one.
    expect(onAgreement.json().decisions).toHaveLength(2);
    expect(onAgreement.json().decisions[1]).toEqual(
      expect.objectContaining({
        text: "Aftalen forlænges et år uændret.",
        meeting: { id, title: "Klyngestyregruppemøde (test)", date: "2026-12-03" },
        present: meetingOf(work).attendees,
      }),
    );
    const publicRead = await demo.app.inject({
      url: `/api/public/agreements/${work.inForce.id}/decisions`,
    });
    expect(publicRead.json().decisions).toHaveLength(2);
  });

  it("refuses a decision on another body's or an unknown subject, naming subjectId", async () => {
    const response = await demo.app.inject({
      method: "POST",
      url: `/api/meetings/${id}/decisions`,
      headers: await as("demo.klyngekoordinator"),
      payload: {
        subjectKind: "initiative",
        subjectId: work.inForce.id,
        text: "Forkert slags.",
      },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.json())).toEqual(["subjectId"]);
    const initiative = await demo.app.inject({
      url: `/api/initiatives/${work.initiative.id}/decisions`,
      headers: await as("demo.klyngekoordinator"),
    });
    expect(initiative.json().decisions).toEqual([]);
  });

  it("has a pack with the body's figures, work, unresolved cases and agenda", async () => {
    // Two open handovers in the body's care (Næstved) that are past their time: unresolved.
    const db = demo.database.db;
    const hospital = await hospitalIdNamed(db, "Slagelse");
    const receiver = await municipalityOrganisationId(db, "370");
    const open: string[] = [];
    for (const day of ["2026-10-20", "2026-10-22"]) {
      const citizenId = await insertCitizen(db, { born: "1940-01-01", municipality: "370" });
      const stayId = await insertStay(db, citizenId, {
        from: `${day}T08:00:00Z`,
        to: hoursAfter(`${day}T08:00:00Z`, 48),
        hospital,
      });
      open.push(
        await insertHandover(db, {
          stayId,
          citizenId,
          sector: "municipality",
          receiverOrganisationId: receiver,
          municipalityCode: "370",
          hospital,
          dischargedAt: hoursAfter(`${day}T08:00:00Z`, 48),
          deadlineAt: hoursAfter(`${day}T08:00:00Z`, 72),
        }),
      );
    }
    await db
      .updateTable("handover")
      .set({ bodyId: BODY, unresolvedAt: new Date("2026-11-01T12:00:00Z") })
      .where("id", "in", open)
      .execute();
    const response = await demo.app.inject({
      url: `/api/meetings/${id}/pack`,
      headers: await as("demo.klyngekoordinator"),
    });
    expect(response.statusCode).toBe(200);
    const pack = response.json();
    expect(pack.publicOnly).toBe(false);
    // The demo's held meeting a month before the clock is the one before.
    expect(pack.since).toEqual({ meetingId: expect.any(String), date: "2026-10-03" });
    expect(pack.months).toEqual(["2026-10", "2026-11", "2026-12"]);
    // Every figure the dashboard charts, not the first few: each indicator once, loop ones too.
    const definitions = (await demo.app.inject({ url: "/api/indicators" })).json() as {
      indicators: { id: string }[];
    };
    const ids = definitions.indicators.map((d) => d.id);
    expect(pack.indicators.map((i: { id: string }) => i.id)).toEqual(ids);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids).toContain("loop-confirmed-by-deadline");
    expect(
      pack.indicators.find((i: { id: string }) => i.id === "loop-confirmed-by-deadline").sector,
    ).toBe("municipality");
    for (const i of pack.indicators)
      for (const f of i.figures) if (f.suppressed) expect(f.value).toBeNull();
    const agreementIds = pack.agreements.map((a: { id: string }) => a.id);
    expect(agreementIds).toEqual(expect.arrayContaining([work.inForce.id, work.draftAgreement.id]));
    expect(pack.initiatives.map((i: { id: string }) => i.id)).toContain(work.initiative.id);
    expect(pack.unresolved.count).toBe(open.length);
    const groups = pack.unresolved.groups as {
      receiver: string;
      hospital: string;
      count: number;
    }[];
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(open.length);
    expect(groups).toEqual([expect.objectContaining({ sector: "municipality", count: 2 })]);
    expect(groups[0]?.hospital).toMatch(/Slagelse/);
    expect(JSON.stringify(groups)).not.toMatch(/citizen|cpr/i);
    expect(pack.agenda).toHaveLength(2);
    // Each item names its subject, which the pack lists.
    expect(pack.agenda.map((a: { subjectTitle: string | null }) => a.subjectTitle)).toEqual([
      work.inForce.title,
      work.draftAgreement.title,
    ]);
    expect(pack.attendees).toHaveLength(2);
  });

  it("has a public pack without the closed item, the draft agreement and case detail", async () => {
    const response = await demo.app.inject({ url: `/api/public/meetings/${id}/pack` });
    expect(response.statusCode).toBe(200);
    const pack = response.json();
    expect(pack.publicOnly).toBe(true);
    expect(
      pack.agenda.map((a: { title: string; subjectTitle: string | null }) => [
        a.title,
        a.subjectTitle,
      ]),
    ).toEqual([["Status på IV-behandling i hjemmet", work.inForce.title]]);
    const agreementIds = pack.agreements.map((a: { id: string }) => a.id);
    expect(agreementIds).toContain(work.inForce.id);
    expect(agreementIds).not.toContain(work.draftAgreement.id);
    expect(pack.unresolved).toEqual({ count: expect.any(Number), groups: null });
    expect(pack.unresolved.count).toBeGreaterThan(0);
    expect(pack.attendees).toBeNull();
    const view = (await demo.app.inject({ url: `/api/public/meetings/${id}` })).json();
    expect(view.agenda).toHaveLength(1);
  });

  it("keeps a meeting that is not public from readers without login", async () => {
    const headers = await as("demo.klyngekoordinator");
    const closed = await demo.app.inject({
      method: "POST",
      url: `/api/bodies/${BODY}/meetings`,
      headers,
      payload: { ...meetingOf(work), public: false, date: "2027-01-14" },
    });
    const closedId = closed.json().id;
    expect((await demo.app.inject({ url: `/api/public/meetings/${closedId}` })).statusCode).toBe(
      404,
    );
    expect(
      (await demo.app.inject({ url: `/api/public/meetings/${closedId}/pack` })).statusCode,
    ).toBe(404);
    const pack = (await demo.app.inject({ url: `/api/meetings/${closedId}/pack`, headers })).json();
    expect(pack.since).toEqual({ meetingId: id, date: "2026-12-03" });
    expect(pack.months).toEqual(["2026-12", "2027-01"]);
  });
});

describe("the pack as PDF", () => {
  it.runIf(existsSync(CHROMIUM_PATH))(
    "is printed by headless Chromium from the pack's HTML",
    async () => {
      const headers = await as("demo.klyngekoordinator");
      const list = (
        await demo.app.inject({ url: `/api/bodies/${BODY}/meetings`, headers })
      ).json() as { meetings: { id: string; public: boolean }[] };
      const meeting = list.meetings.find((m) => m.public);
      if (!meeting) throw new Error("no public meeting");
      const started = performance.now();
      const response = await demo.app.inject({
        url: `/api/meetings/${meeting.id}/pack.pdf`,
        headers,
      });
      const ms = Math.round(performance.now() - started);
      console.info(`meeting pack PDF generated in ${ms} ms`);
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.rawPayload.subarray(0, 4).toString("latin1")).toBe("%PDF");
      const open = await demo.app.inject({ url: `/api/public/meetings/${meeting.id}/pack.pdf` });
      expect(open.statusCode).toBe(200);
      expect(open.rawPayload.subarray(0, 4).toString("latin1")).toBe("%PDF");
    },
    60_000,
  );

  it("is 503 problem+json when Chromium is not there", async () => {
    await expect(printPdf("<p>x</p>", "/nonexistent/chromium")).rejects.toMatchObject({
      code: "TOV_ERR_UNAVAILABLE",
      status: 503,
    });
  });

  it("escapes every value put into the page", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
  });
});
