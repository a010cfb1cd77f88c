import { describe, expect, it } from "vitest";
import {
  chooseVersion,
  handoverStatusesOf,
  parseIfMatch,
  parseTaskUpdate,
  TASK_SYSTEM,
  type TaskSource,
  taskResource,
} from "./fhir-task.ts";

const ID = "0b7c3a52-9f7e-4a51-8a53-4c0f5f1d2e11";

const source: TaskSource = {
  id: ID,
  citizenId: "5d1e7a0c-2c3b-4f8e-9b1a-6e2f0c9d8a77",
  stayId: "8a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  sector: "municipality",
  status: "open",
  statusReason: null,
  version: 3,
  updatedAt: "2026-11-18T09:05:00.000Z",
  dischargedAt: "2026-11-18T09:00:00.000Z",
  deadlineAt: "2026-11-18T13:00:00.000Z",
  overdue: false,
  escalationStep: 0,
  note: "Ny insulindosis",
  receiverOrganisationId: "r-org",
  receiverName: "Næstved Kommune, Hjemmesygeplejen",
  dischargingOrganisationId: "d-org",
  dischargingName: "Slagelse Sygehus, Medicinsk Afdeling",
};

describe("a handover as a FHIR Task", () => {
  it("maps an open handover, naming the citizen by id only", () => {
    expect(taskResource(source)).toEqual({
      resourceType: "Task",
      id: ID,
      meta: { versionId: "3", lastUpdated: "2026-11-18T09:05:00.000Z" },
      status: "requested",
      businessStatus: {
        coding: [{ system: TASK_SYSTEM.businessStatus, code: "awaiting", display: "Afventer" }],
        text: "awaiting confirmation",
      },
      intent: "order",
      code: {
        coding: [
          {
            system: "https://tovholder.dk/fhir/CodeSystem/handover-sector",
            code: "municipality",
            display: "Overdragelse til hjemkommune",
          },
        ],
        text: "Overdragelse til hjemkommune",
      },
      focus: { reference: `Encounter/${source.stayId}` },
      for: { reference: `Patient/${source.citizenId}` },
      authoredOn: "2026-11-18T09:00:00.000Z",
      lastModified: "2026-11-18T09:05:00.000Z",
      requester: {
        reference: "Organization/d-org",
        display: "Slagelse Sygehus, Medicinsk Afdeling",
      },
      owner: { reference: "Organization/r-org", display: "Næstved Kommune, Hjemmesygeplejen" },
      restriction: { period: { end: "2026-11-18T13:00:00.000Z" } },
      note: [{ text: "Ny insulindosis" }],
    });
  });

  it("maps every status, with the reason for a decline or a close", () => {
    const gp = { ...source, sector: "general-practice" as const };
    expect(taskResource(gp).code?.coding?.[0]?.display).toBe("Overdragelse til egen læge");
    expect(taskResource({ ...source, status: "confirmed" }).status).toBe("accepted");
    const declined = taskResource({ ...source, status: "declined", statusReason: "citizen-moved" });
    expect(declined.status).toBe("rejected");
    expect(declined.statusReason).toEqual({
      coding: [
        {
          system: TASK_SYSTEM.declineReason,
          code: "citizen-moved",
          display: "Borgeren er flyttet",
        },
      ],
      text: "Borgeren er flyttet",
    });
    expect(declined.businessStatus).toBeUndefined();
    const closed = taskResource({ ...source, status: "closed", statusReason: "death" });
    expect(closed.status).toBe("cancelled");
    expect(closed.statusReason?.coding?.[0]).toMatchObject({
      system: TASK_SYSTEM.closeReason,
      code: "death",
    });
  });

  it("says when it is overdue and how far it has been escalated", () => {
    const overdue = taskResource({ ...source, overdue: true, escalationStep: 2 });
    expect(overdue.businessStatus?.text).toBe("overdue, escalation step 2");
    expect(overdue.businessStatus?.coding?.[0]?.code).toBe("overdue");
    expect(taskResource({ ...source, overdue: true }).businessStatus?.text).toBe("overdue");
  });

  it("leaves out the note and the requester where there is none", () => {
    const task = taskResource({
      ...source,
      note: null,
      dischargingOrganisationId: null,
      dischargingName: null,
    });
    expect(task.note).toBeUndefined();
    expect(task.requester).toBeUndefined();
  });

  it("finds the handover statuses behind FHIR status codes", () => {
    expect(handoverStatusesOf(["requested", "rejected"])).toEqual(["open", "declined"]);
    expect(handoverStatusesOf(["accepted", "cancelled", "accepted"])).toEqual([
      "confirmed",
      "closed",
    ]);
  });
});

describe("an update of a Task", () => {
  const task = { resourceType: "Task", id: ID };

  it("reads an acceptance, ignoring what the server owns", () => {
    const read = taskResource(source);
    expect(parseTaskUpdate({ ...read, status: "accepted" }, ID)).toEqual({
      ok: true,
      value: { decision: { status: "accepted" }, versionId: 3 },
    });
    expect(parseTaskUpdate({ ...task, status: "accepted" }, ID)).toEqual({
      ok: true,
      value: { decision: { status: "accepted" }, versionId: null },
    });
  });

  it("reads a rejection with its reason, and the text as the note when it says more", () => {
    const reason = (text?: string) => ({
      coding: [{ system: TASK_SYSTEM.declineReason, code: "citizen-moved" }],
      ...(text === undefined ? {} : { text }),
    });
    expect(
      parseTaskUpdate({ ...task, status: "rejected", statusReason: reason("Flyttet") }, ID),
    ).toEqual({
      ok: true,
      value: {
        decision: { status: "rejected", reason: "citizen-moved", note: "Flyttet" },
        versionId: null,
      },
    });
    const plain = parseTaskUpdate(
      { ...task, status: "rejected", statusReason: reason("Borgeren er flyttet") },
      ID,
    );
    expect(plain).toMatchObject({
      ok: true,
      value: { decision: { status: "rejected", reason: "citizen-moved" } },
    });
    // A coding without a system is read as Tovholder's.
    const bare = { coding: [{ code: "not-our-citizen" }] };
    expect(parseTaskUpdate({ ...task, status: "rejected", statusReason: bare }, ID)).toMatchObject({
      ok: true,
      value: { decision: { reason: "not-our-citizen" } },
    });
  });

  const problemsOf = (body: unknown) => {
    const parsed = parseTaskUpdate(body, ID);
    return parsed.ok ? [] : parsed.problems.map((p) => p.field);
  };

  it("refuses a rejection without a known reason, naming Task.statusReason", () => {
    expect(problemsOf({ ...task, status: "rejected" })).toEqual(["Task.statusReason"]);
    expect(
      problemsOf({ ...task, status: "rejected", statusReason: { coding: [{ code: "bored" }] } }),
    ).toEqual(["Task.statusReason"]);
    const otherSystem = { coding: [{ system: "http://example.org", code: "other" }] };
    expect(problemsOf({ ...task, status: "rejected", statusReason: otherSystem })).toEqual([
      "Task.statusReason",
    ]);
    const long = { coding: [{ code: "other" }], text: "x".repeat(2001) };
    expect(problemsOf({ ...task, status: "rejected", statusReason: long })).toEqual([
      "Task.statusReason.text",
    ]);
  });

  it("refuses 'other' without words, naming Task.statusReason.text", () => {
    for (const text of [undefined, "  ", "Andet"]) {
      const reason = { coding: [{ code: "other" }], ...(text === undefined ? {} : { text }) };
      expect(problemsOf({ ...task, status: "rejected", statusReason: reason })).toEqual([
        "Task.statusReason.text",
      ]);
    }
    const said = { coding: [{ code: "other" }], text: "På ferie i Spanien" };
    expect(parseTaskUpdate({ ...task, status: "rejected", statusReason: said }, ID)).toMatchObject({
      ok: true,
      value: { decision: { status: "rejected", reason: "other", note: "På ferie i Spanien" } },
    });
  });

  it("refuses any other status, a wrong resource or id, and a bad version", () => {
    expect(problemsOf({ ...task, status: "completed" })).toEqual(["Task.status"]);
    expect(problemsOf({ ...task, status: "done" })).toEqual(["Task.status"]);
    expect(problemsOf({ ...task })).toEqual(["Task.status"]);
    expect(problemsOf({ resourceType: "Patient", id: ID, status: "accepted" })).toEqual([
      "Task.resourceType",
    ]);
    expect(problemsOf({ resourceType: "Task", status: "accepted" })).toEqual(["Task.id"]);
    expect(problemsOf({ ...task, id: "another", status: "accepted" })).toEqual(["Task.id"]);
    expect(problemsOf({ ...task, status: "accepted", meta: { versionId: "v1" } })).toEqual([
      "Task.meta.versionId",
    ]);
    expect(problemsOf([task])).toEqual(["Task"]);
    expect(problemsOf(null)).toEqual(["Task"]);
  });
});

describe("the version read", () => {
  it("comes from If-Match, weak or strong", () => {
    expect(parseIfMatch('W/"4"')).toEqual({ ok: true, value: 4 });
    expect(parseIfMatch('"4"')).toEqual({ ok: true, value: 4 });
    expect(parseIfMatch(undefined)).toEqual({ ok: true, value: null });
    expect(parseIfMatch("*")).toMatchObject({ ok: false, problems: [{ field: "If-Match" }] });
    expect(parseIfMatch('W/"0"')).toMatchObject({ ok: false });
  });

  it("prefers If-Match, falls back to meta.versionId, and refuses two that disagree", () => {
    expect(chooseVersion(4, null)).toEqual({ kind: "given", version: 4, from: "If-Match" });
    expect(chooseVersion(null, 4)).toEqual({
      kind: "given",
      version: 4,
      from: "Task.meta.versionId",
    });
    expect(chooseVersion(4, 4)).toMatchObject({ kind: "given", from: "If-Match" });
    expect(chooseVersion(null, null)).toEqual({ kind: "missing" });
    expect(chooseVersion(4, 3)).toMatchObject({
      kind: "disagree",
      problem: { field: "Task.meta.versionId" },
    });
  });
});
