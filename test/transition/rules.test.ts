import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTransition } from "../../src/transition/service.ts";
import { authHeaders, type DemoApp, demoApp } from "../support/access.ts";

/**
 * Issue 19, point 2, the rules: each council starts with the rule of the
 * cluster holding most of its population, recorded as carried over; where
 * the clusters' rules differed, its coordinators are told and confirm it (or
 * change it), and anyone else's attempt is refused and audited, as setting a
 * rule is.
 */

const CLUSTER = "naestved-slagelse";
const COUNCIL = "sundhedsraad-midt-og-vestsjaelland";
let now = new Date("2026-12-31T12:00:00Z");
const clock = () => now;
let demo: DemoApp;

const clusterRule = {
  deadlineMinutes: 180,
  hours: { weekday: { start: "07:00", end: "22:00" }, weekend: { start: "08:00", end: "20:00" } },
  ladder: [
    { afterMinutes: 0, target: "receiver" },
    { afterMinutes: 45, target: "body-coordinator" },
    { afterMinutes: 90, target: "discharging-department" },
  ],
};

async function call(username: string, method: "GET" | "POST" | "PUT", url: string, body?: object) {
  return demo.app.inject({
    method,
    url,
    headers: authHeaders(await demo.sessionOf(username)),
    ...(body ? { payload: body } : {}),
  });
}

type View = {
  sector: string;
  isDefault: boolean;
  rule: unknown;
  carriedOverFrom: { id: string; kind: string; endedOn: string | null } | null;
  needsConfirmation: boolean;
  confirmedAt: string | null;
};

async function rules(): Promise<Record<string, View>> {
  const response = await call("demo.sygeplejerske", "GET", `/api/bodies/${COUNCIL}/handover-rules`);
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries((response.json() as View[]).map((v) => [v.sector, v]));
}

const auditOf = (action: string) =>
  demo.database.db
    .selectFrom("auditLog")
    .select(["outcome", "role", "purpose"])
    .where("action", "=", action)
    .where("resource", "=", "handover-rules")
    .where("purpose", "like", `body ${COUNCIL}%`)
    .execute();

beforeAll(async () => {
  demo = await demoApp({ seed: { activity: false }, clock });
  const set = await call(
    "demo.klyngeleder",
    "PUT",
    `/api/bodies/${CLUSTER}/handover-rules/municipality`,
    clusterRule,
  );
  expect(set.statusCode, set.body).toBe(200);
  now = new Date("2027-01-01T07:00:00Z");
  const [report] = await createTransition({ db: demo.database.db, clock }).applyDue();
  expect(report?.state).toBe("applied");
}, 60_000);
afterAll(() => demo?.close());

describe("a council's carried-over rules", () => {
  it("say which cluster they came from, and that the municipality's awaits confirmation", async () => {
    const { municipality, "general-practice": gp } = await rules();
    expect(municipality).toMatchObject({
      isDefault: false,
      rule: clusterRule,
      carriedOverFrom: { id: CLUSTER, kind: "sundhedsklynge", endedOn: "2027-01-01" },
      needsConfirmation: true,
      confirmedAt: null,
    });
    // Holbæk and Roskilde/Køge followed the default for GPs too: nothing to confirm.
    expect(gp).toMatchObject({
      isDefault: true,
      carriedOverFrom: { id: CLUSTER },
      needsConfirmation: false,
    });
  });

  it("are told to the council's coordinators in the app, once", async () => {
    const response = await call("demo.klyngeleder", "GET", "/api/notifications");
    expect(response.statusCode, response.body).toBe(200);
    const notices = (response.json() as { items: { kind: string }[] }).items.filter(
      (n) => n.kind === "body.rules-to-confirm",
    );
    expect(notices).toEqual([
      expect.objectContaining({
        handoverId: null,
        body: { id: COUNCIL, name: "Sundhedsråd Midt- og Vestsjælland", kind: "sundhedsraad" },
        rules: [
          {
            sector: "municipality",
            carriedOverFrom: { id: CLUSTER, name: "Klyngen Næstved/Slagelse" },
          },
        ],
      }),
    ]);
  });

  it("cannot be confirmed by anyone but the council's coordinators, and the attempt is audited", async () => {
    const response = await call(
      "demo.visitator",
      "POST",
      `/api/bodies/${COUNCIL}/handover-rules/municipality/confirm`,
    );
    expect(response.statusCode).toBe(403);
    expect(await auditOf("confirm-rule")).toEqual([
      expect.objectContaining({ outcome: "denied", role: "coordinator" }),
    ]);
    expect((await rules()).municipality?.needsConfirmation).toBe(true);
  });

  it("are confirmed by the council's lead, audited once however often it is asked", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await call(
        "demo.klyngeleder",
        "POST",
        `/api/bodies/${COUNCIL}/handover-rules/municipality/confirm`,
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        needsConfirmation: false,
        carriedOverFrom: { id: CLUSTER },
        rule: clusterRule,
      });
    }
    const confirmed = (await rules()).municipality;
    expect(confirmed?.confirmedAt).toBe(now.toISOString());
    expect((await auditOf("confirm-rule")).map((a) => a.outcome).sort()).toEqual([
      "allowed",
      "denied",
    ]);
  });

  it("become the council's own when changed, with nothing left to confirm", async () => {
    const changed = await call(
      "demo.klyngeleder",
      "PUT",
      `/api/bodies/${COUNCIL}/handover-rules/general-practice`,
      { ...clusterRule, deadlineMinutes: 16 * 60 },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      isDefault: false,
      carriedOverFrom: null,
      needsConfirmation: false,
    });
    const again = await call(
      "demo.klyngeleder",
      "POST",
      `/api/bodies/${COUNCIL}/handover-rules/general-practice/confirm`,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ i18n: { key: "handoverRules.nothingToConfirm" } });
  });
});
