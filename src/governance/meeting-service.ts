import type { RequestContext } from "../access/citizen-access.ts";
import type { Actor } from "../access/model.ts";
import type { IndicatorService } from "../indicators/service.ts";
import { AppError, type FieldError, invalidFields } from "../platform/http/errors.ts";
import { mayReadInitiative } from "./initiative-model.ts";
import * as initiativeStore from "./initiative-store.ts";
import {
  checkMeeting,
  decisionRefusal,
  type MeetingInput,
  mayReadMeeting,
  meetingRefusal,
  type SubjectKind,
} from "./meeting-model.ts";
import { assemblePack } from "./meeting-pack.ts";
import * as store from "./meeting-store.ts";
import { decisionViewOf, meetingSummaryOf, meetingViewOf } from "./meeting-views.ts";
import { bodyMembership } from "./members.ts";
import { type MemberRole, mayRead, type Problem } from "./model.ts";
import type { GovernanceDeps } from "./service.ts";
import * as agreementStore from "./store.ts";

export type MeetingDeps = Omit<GovernanceDeps, "indicators" | "handovers"> & {
  indicators: Pick<IndicatorService, "definitions" | "values">;
};

const field = (p: Problem, where: FieldError["in"] = "body"): FieldError => ({
  in: where,
  field: p.field,
  reason: p.reason,
  i18n: { key: `meetings.problem.${p.problem}` },
});

const notFound = (what = "meeting") =>
  new AppError("TOV_ERR_NOT_FOUND", `No such ${what}`, [], { key: "meetings.notFound" });

function staleVersion(version: number) {
  return new AppError(
    "TOV_ERR_CONFLICT",
    `The meeting has changed: it is at version ${version}`,
    [
      {
        in: "body",
        field: "version",
        reason: `is not the current version ${version}`,
        i18n: { key: "meetings.staleVersion", values: { version } },
      },
    ],
    { key: "meetings.changed", values: { version } },
  );
}

/**
 * A body's meetings and decisions (issue 22, section 3). The body's secretariat
 * (coordinators) and lead run its meetings; the secretariat records decisions
 * on the body's agreements and initiatives; anyone signed in reads them;
 * without login, the meetings marked public and their public items. The pack
 * is assembled from what the platform already knows. Every change is audited,
 * and so is every refused member's action.
 */
export function createMeetingService(deps: MeetingDeps) {
  const { db, access, structure, indicators } = deps;
  const clock = deps.clock ?? (() => new Date());
  const members = bodyMembership(structure, clock);

  async function refuse(ctx: RequestContext, action: string, about: string, p: Problem) {
    return access.deny(
      ctx,
      null,
      { action, resource: "meeting", purpose: `${about}: ${p.reason}` },
      new AppError("TOV_ERR_FORBIDDEN", `You may not do this: ${p.reason}`, [field(p, "path")], {
        key: `meetings.problem.${p.problem}`,
      }),
    );
  }

  function userOf(ctx: RequestContext): string {
    if (ctx.actor.kind !== "staff") throw new Error("only staff run meetings");
    return ctx.actor.userId;
  }

  function contentOf(input: MeetingInput) {
    const checked = checkMeeting(input);
    if ("problems" in checked)
      throw invalidFields(
        "The meeting is not sound",
        checked.problems.map((p) => field(p)),
      );
    return checked.content;
  }

  /**
   * Whether an agreement or initiative is the body's work: its own, or that of
   * a body it succeeded (a council carries its clusters' work on, as its lists show).
   */
  async function isBodysWork(bodyId: string, kind: SubjectKind, id: string) {
    const owner = await store.bodyOfSubject(db, kind, id);
    if (owner === undefined) return false;
    if (owner === bodyId) return true;
    const { predecessors } = await members.links(bodyId);
    return predecessors.some((p) => p.id === owner);
  }

  /** Every agenda item's agreement or initiative must be the body's (400 naming the item). */
  async function checkSubjects(bodyId: string, input: MeetingInput) {
    const problems: Problem[] = [];
    for (const [i, item] of input.agenda.entries()) {
      if (!item.subject) continue;
      if (!(await isBodysWork(bodyId, item.subject.kind, item.subject.id)))
        problems.push(notTheBodys(`agenda.${i}.subject.id`, item.subject.kind));
    }
    if (problems.length > 0)
      throw invalidFields(
        "The agenda names what is not the body's",
        problems.map((p) => field(p)),
      );
  }

  const notTheBodys = (at: string, kind: SubjectKind): Problem => ({
    field: at,
    reason: `is not an ${kind} of the meeting's body`,
    problem: "notTheBodys",
  });

  async function readable(actor: Actor | null, id: string) {
    const meeting = await store.meetingById(db, id);
    if (!meeting || !mayReadMeeting(meeting, actor !== null)) throw notFound();
    const role = await members.roleOf(actor, meeting.bodyId);
    return { meeting, role };
  }

  async function view(actor: Actor | null, id: string) {
    const { meeting, role } = await readable(actor, id);
    const { ref, predecessors } = await members.links(meeting.bodyId);
    const all = await store.decisionsOfMeeting(db, id);
    const decisions = [];
    for (const d of all)
      if (await mayReadSubject(actor, d.subjectKind, d.subjectId)) decisions.push(d);
    const titles = await subjectTitles(actor, [meeting.bodyId, ...predecessors.map((p) => p.id)]);
    return meetingViewOf(meeting, ref, role, decisions, actor !== null, titles);
  }

  /**
   * The titles of the bodies' agreements and initiatives this reader may see,
   * by `kind:id`: an agenda item links to its subject only where the reader may follow.
   */
  async function subjectTitles(actor: Actor | null, bodyIds: string[]) {
    const titles = new Map<string, string>();
    const roles = new Map<string, MemberRole | null>();
    for (const a of await agreementStore.currentOfBodies(db, bodyIds)) {
      if (!roles.has(a.bodyId)) roles.set(a.bodyId, await members.roleOf(actor, a.bodyId));
      if (mayRead(a, roles.get(a.bodyId) ?? null))
        titles.set(`agreement:${a.agreementId}`, a.title);
    }
    for (const i of await initiativeStore.currentInitiatives(db, bodyIds))
      if (mayReadInitiative(i, actor !== null)) titles.set(`initiative:${i.initiativeId}`, i.title);
    return titles;
  }

  /** Whether the reader may see the agreement or initiative (404 otherwise). */
  async function subjectReadable(actor: Actor | null, kind: SubjectKind, id: string) {
    if (kind === "agreement") {
      const current = (await agreementStore.versionsOf(db, id)).at(-1);
      const role: MemberRole | null = current ? await members.roleOf(actor, current.bodyId) : null;
      if (!current || !mayRead(current, role)) throw notFound("agreement");
      return;
    }
    const current = (await initiativeStore.initiativeVersions(db, id)).at(-1);
    if (!current || !mayReadInitiative(current, actor !== null)) throw notFound("initiative");
  }

  async function mayReadSubject(actor: Actor | null, kind: SubjectKind, id: string) {
    try {
      await subjectReadable(actor, kind, id);
      return true;
    } catch {
      return false;
    }
  }

  return {
    /** The body's meetings (and its predecessors'), as the reader may see them. */
    async meetingsOf(actor: Actor | null, bodyId: string) {
      const links = await members.links(bodyId);
      const role = await members.roleOf(actor, bodyId);
      const rows = await store.meetingsOf(db, [bodyId, ...links.predecessors.map((p) => p.id)]);
      const refOf = (id: string) => links.predecessors.find((p) => p.id === id) ?? links.ref;
      return {
        body: links.ref,
        mayCreate: meetingRefusal(role) === null,
        meetings: rows
          .filter((m) => mayReadMeeting(m, actor !== null))
          .map((m) => meetingSummaryOf(m, refOf(m.bodyId))),
      };
    },

    meeting: (actor: Actor | null, id: string) => view(actor, id),

    /** A new meeting of the body, by its secretariat or lead. */
    async create(ctx: RequestContext, bodyId: string, input: MeetingInput) {
      const role = await members.roleOf(ctx.actor, bodyId);
      const refused = meetingRefusal(role);
      if (refused) throw await refuse(ctx, "create", `body ${bodyId}`, refused);
      const content = contentOf(input);
      await checkSubjects(bodyId, input);
      const at = clock();
      const by = userOf(ctx);
      const id = await db.transaction().execute(async (tx) => {
        const meetingId = await store.insertMeeting(tx, { bodyId, content, at, by });
        const purpose = `meeting ${meetingId} of body ${bodyId}`;
        await access.auditIn(
          tx,
          ctx,
          null,
          { action: "create", resource: "meeting", purpose },
          "allowed",
        );
        return meetingId;
      });
      return view(ctx.actor, id);
    },

    /** The meeting's title, date, agenda, attendees, status; 409 on a stale version. */
    async edit(ctx: RequestContext, id: string, input: MeetingInput & { version: number }) {
      const { meeting, role } = await readable(ctx.actor, id);
      const refused = meetingRefusal(role);
      if (refused) throw await refuse(ctx, "edit", `meeting ${id}`, refused);
      const content = contentOf(input);
      await checkSubjects(meeting.bodyId, input);
      await db.transaction().execute(async (tx) => {
        const now = await store.lockMeeting(tx, id);
        if (!now) throw notFound();
        if (now.version !== input.version) throw staleVersion(now.version);
        const next = now.version + 1;
        await store.updateMeeting(tx, { id, content, version: next, at: clock(), by: userOf(ctx) });
        const purpose = `meeting ${id} v${next}`;
        await access.auditIn(
          tx,
          ctx,
          null,
          { action: "edit", resource: "meeting", purpose },
          "allowed",
        );
      });
      return view(ctx.actor, id);
    },

    /**
     * A decision at the meeting on one of the body's agreements or initiatives,
     * with the meeting's attendees at this moment as who was present.
     */
    async decide(
      ctx: RequestContext,
      meetingId: string,
      input: { subjectKind: SubjectKind; subjectId: string; text: string },
    ) {
      const { meeting, role } = await readable(ctx.actor, meetingId);
      const refused = decisionRefusal(role, input.text);
      if (refused?.problem === "roleMayNotDecide")
        throw await refuse(ctx, "decide", `meeting ${meetingId}`, refused);
      if (refused) throw invalidFields("The decision is not sound", [field(refused)]);
      if (!(await isBodysWork(meeting.bodyId, input.subjectKind, input.subjectId)))
        throw invalidFields("The decision is not on the body's work", [
          field(notTheBodys("subjectId", input.subjectKind)),
        ]);
      await db.transaction().execute(async (tx) => {
        const now = await store.lockMeeting(tx, meetingId);
        if (!now) throw notFound();
        const decisionId = await store.insertDecision(tx, {
          meetingId,
          subjectKind: input.subjectKind,
          subjectId: input.subjectId,
          text: input.text.trim(),
          present: now.attendees,
          at: clock(),
          by: userOf(ctx),
        });
        await access.auditIn(
          tx,
          ctx,
          null,
          {
            action: "decide",
            resource: "meeting",
            purpose: `decision ${decisionId} at meeting ${meetingId} on ${input.subjectKind} ${input.subjectId}`,
          },
          "allowed",
        );
      });
      return view(ctx.actor, meetingId);
    },

    /** The decisions made on an agreement or initiative the reader may see. */
    async decisionsOn(actor: Actor | null, kind: SubjectKind, id: string) {
      await subjectReadable(actor, kind, id);
      const rows = await store.decisionsOn(db, kind, id);
      return {
        decisions: rows
          .filter((d) => mayReadMeeting({ public: d.meetingPublic }, actor !== null))
          .map(decisionViewOf),
      };
    },

    /** The meeting's pack, assembled now; `publicOnly` leaves out what is not public. */
    async pack(actor: Actor | null, id: string) {
      const { meeting } = await readable(actor, id);
      const links = await members.links(meeting.bodyId);
      return assemblePack(
        { db, indicators, clock },
        { meeting, body: links.ref, predecessors: links.predecessors.map((p) => p.id) },
        actor === null,
      );
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
