import { Writable } from "node:stream";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { createCitizenAccess } from "../../src/access/citizen-access.ts";
import { createCipher } from "../../src/citizens/crypto.ts";
import { createCitizenService } from "../../src/citizens/service.ts";
import * as citizenStore from "../../src/citizens/store.ts";
import {
  type AppConfig,
  authHeaders,
  citizenIdByCpr,
  type DemoApp,
  demoApp,
  requestId,
  type Session,
  testConfig,
} from "./access.ts";

/**
 * The demo citizens (Karen: admitted at Slagelse, lives in Næstved, listed with
 * the demo practice, consent to the demo relative; Bent: discharged from
 * Slagelse 15 days ago, lives in Slagelse) and four more who live in
 * Copenhagen: Dora and Erik discharged from Slagelse 47 and 49 hours ago,
 * Freja and Gustav with a revoked and an expired consent to the demo relative.
 */
export const PEOPLE = {
  karen: { cpr: "120345-1962", name: "Karen Demo Hansen" },
  bent: { cpr: "050738-2981", name: "Bent Demo Larsen" },
  dora: { cpr: "030350-1234", name: "Dora Udskrevet Dahl" },
  erik: { cpr: "040451-2345", name: "Erik Udskrevet Eriksen" },
  freja: { cpr: "050552-3456", name: "Freja Tilbagekaldt Friis" },
  gustav: { cpr: "060653-4567", name: "Gustav Udløbet Gram" },
} as const;
export type Person = keyof typeof PEOPLE;

/** The access policy the fixture is built for: 48 hours after discharge, 1 hour of glass. */
export const fixtureAccess: AppConfig["access"] = {
  hospitalAfterDischargeHours: 48,
  breakGlassMinutes: 60,
};

const HOUR = 3_600_000;

export type CitizenFixture = {
  demo: DemoApp;
  ids: Record<Person, string>;
  logLines: string[];
  /** A request as a demo user (a session per user, CSRF token sent), never answered with a 5xx. */
  call(c: {
    as: string;
    url: string;
    method?: "GET" | "POST" | "PUT";
    payload?: object;
  }): Promise<{ response: LightMyRequestResponse; rid: string }>;
  auditOf(rid: string): Promise<AuditRow[]>;
};

type AuditRow = Awaited<ReturnType<typeof auditRows>>[number];
const auditRows = (demo: DemoApp, rid: string) =>
  demo.database.db.selectFrom("auditLog").selectAll().where("requestId", "=", rid).execute();

export async function citizenFixture(): Promise<CitizenFixture> {
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const demo = await demoApp({ config: { access: fixtureAccess }, logStream });
  const db = demo.database.db;
  const citizens = createCitizenService(
    db,
    createCipher(demo.masterKey),
    createCitizenAccess(db, testConfig().access),
  );
  const ids = {
    karen: await citizenIdByCpr(demo, PEOPLE.karen.cpr),
    bent: await citizenIdByCpr(demo, PEOPLE.bent.cpr),
  } as Record<Person, string>;
  for (const p of ["dora", "erik", "freja", "gustav"] as const) {
    const { cpr, name } = PEOPLE[p];
    const registered = await citizens.register({
      cpr,
      name,
      homeMunicipalityCode: "101",
      listedPracticeId: null,
      synthetic: true,
    });
    ids[p] = registered.id;
  }
  for (const [p, hoursAgo] of [
    ["dora", 47],
    ["erik", 49],
  ] as const) {
    await citizens.recordStay({
      citizenId: ids[p],
      hospitalId: "slagelse-sygehus",
      admittedAt: new Date(Date.now() - 200 * HOUR),
      dischargedAt: new Date(Date.now() - hoursAgo * HOUR),
    });
  }
  const relative = await db
    .selectFrom("appUser")
    .select("id")
    .where("username", "=", "demo.paaroerende")
    .executeTakeFirstOrThrow();
  const revoked = await citizens.grantConsent(ids.freja, relative.id, null);
  await citizenStore.revokeConsent(db, ids.freja, revoked.id, new Date());
  await citizens.grantConsent(ids.gustav, relative.id, new Date(Date.now() - 60_000));

  const sessions = new Map<string, Session>();
  return {
    demo,
    ids,
    logLines,
    async call(c) {
      const session = sessions.get(c.as) ?? (await demo.sessionOf(c.as));
      sessions.set(c.as, session);
      const rid = requestId(c.as);
      const response = await demo.app.inject({
        method: c.method ?? "GET",
        url: c.url,
        headers: { ...authHeaders(session), "x-request-id": rid },
        ...(c.payload ? { payload: c.payload } : {}),
      });
      expect(response.statusCode, `${c.as} ${c.url}: ${response.body}`).toBeLessThan(500);
      return { response, rid };
    },
    auditOf: (rid) => auditRows(demo, rid),
  };
}

/** Fails if the text holds the person's CPR number (with or without the dash) or name. */
export function expectNoPersonalData(text: string, people: readonly Person[]) {
  for (const person of people) {
    const { cpr, name } = PEOPLE[person];
    expect(text, person).not.toContain(cpr);
    expect(text, person).not.toContain(cpr.replace("-", ""));
    expect(text, person).not.toContain(name);
  }
}

export const ALL_PEOPLE = Object.keys(PEOPLE) as Person[];
