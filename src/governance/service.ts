import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { Actor } from "../access/model.ts";
import type { HandoverService } from "../handovers/service.ts";
import type { IndicatorService } from "../indicators/service.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError, type FieldError, invalidFields } from "../platform/http/errors.ts";
import type { StructureService } from "../structure/service.ts";
import { bodyMembership } from "./members.ts";
import {
  type AgreementStatus,
  type ContentInput,
  checkContent,
  commentRefusal,
  editRefusal,
  mayRead,
  type Problem,
  stepRefusal,
} from "./model.ts";
import * as store from "./store.ts";
import { mayDraft, summaryOf, viewOf } from "./views.ts";

export type GovernanceDeps = {
  db: Database;
  access: Pick<CitizenAccess, "auditIn" | "deny">;
  structure: StructureService;
  indicators: Pick<IndicatorService, "definitions">;
  handovers: Pick<HandoverService, "setRuleFromAgreement">;
  clock?: () => Date;
};

/** Refusals that are about who acts (403, audited); the rest are about the agreement's state (409). */
const ROLE_PROBLEMS = new Set(["roleMayNotStep", "roleMayNotEdit", "notMember"]);

const field = (p: Problem, where = "body"): FieldError => ({
  in: where,
  field: p.field,
  reason: p.reason,
  i18n: { key: `agreements.problem.${p.problem}` },
});

function agreementNotFound() {
  return new AppError("TOV_ERR_NOT_FOUND", "No such agreement", [], {
    key: "agreements.notFound",
  });
}

/**
 * 409: the agreement's state does not allow it. Also what a refusal found
 * inside the change's transaction becomes (the state changed under the
 * request): a 403 is audited, and an audit entry written in a transaction
 * that is then rolled back would be lost with it.
 */
function conflictOf(p: Problem) {
  return new AppError("TOV_ERR_CONFLICT", `The agreement cannot: ${p.reason}`, [field(p)], {
    key: `agreements.problem.${p.problem}`,
  });
}

function staleVersion(current: { version: number; status: string }) {
  return new AppError(
    "TOV_ERR_CONFLICT",
    `The agreement has changed: it is ${current.status} (version ${current.version})`,
    [
      {
        in: "body",
        field: "version",
        reason: `is not the current version ${current.version}`,
        i18n: { key: "agreements.staleVersion", values: { version: current.version } },
      },
    ],
    { key: "agreements.changed", values: current },
  );
}

/**
 * A body's agreements on who does what (issue 22, section 1). Every use case
 * starts with the access check: members of the body (its secretariat's
 * coordinators, lead and citizens' representatives, or those of the body
 * that succeeded it) act on it; everyone else reads adopted agreements and
 * those marked public. Every change and every refusal is audited.
 */
export function createGovernanceService(deps: GovernanceDeps) {
  const { db, access, structure } = deps;
  const clock = deps.clock ?? (() => new Date());

  const members = bodyMembership(structure, clock);
  const bodyWithLinks = members.links;
  const memberRole = members.roleOf;

  /** 403, audited: the actor may not do this to the agreement. */
  async function refuse(ctx: RequestContext, action: string, about: string, p: Problem) {
    return access.deny(
      ctx,
      null,
      { action, resource: "agreement", purpose: `${about}: ${p.reason}` },
      new AppError("TOV_ERR_FORBIDDEN", `You may not do this: ${p.reason}`, [field(p)], {
        key: `agreements.problem.${p.problem}`,
      }),
    );
  }

  /** The refusal for a problem: 403 (audited) when it is about the actor, 409 otherwise. */
  async function refusalOf(ctx: RequestContext, action: string, about: string, p: Problem) {
    if (ROLE_PROBLEMS.has(p.problem)) return refuse(ctx, action, about, p);
    return conflictOf(p);
  }

  function contentOf(input: ContentInput) {
    const known = new Set(deps.indicators.definitions().map((d) => d.id));
    const checked = checkContent(input, known);
    if ("problems" in checked)
      throw invalidFields(
        "The agreement is not sound",
        checked.problems.map((p) => field(p)),
      );
    return checked.content;
  }

  /** The change's audit entry, in the change's own transaction. */
  async function audit(tx: Database, ctx: RequestContext, action: string, purpose: string) {
    await access.auditIn(tx, ctx, null, { action, resource: "agreement", purpose }, "allowed");
  }

  function changedBy(ctx: RequestContext): store.ChangedBy {
    const actor = ctx.actor;
    if (actor.kind !== "staff") throw new Error("only staff change agreements");
    return { userId: actor.userId, organisation: actor.organisation.name, role: actor.role };
  }

  /** The agreement as `actor` may see it, or 404 (an agreement one may not read is not there). */
  async function readable(actor: Actor | null, id: string) {
    const all = await store.versionsOf(db, id);
    const current = all.at(-1);
    if (!current) throw agreementNotFound();
    const role = await memberRole(actor, current.bodyId);
    if (!mayRead(current, role)) throw agreementNotFound();
    return { all, current, role };
  }

  async function view(actor: Actor | null, id: string) {
    const { all, current, role } = await readable(actor, id);
    const [{ ref }, comments] = await Promise.all([
      bodyWithLinks(current.bodyId),
      store.commentsOf(db, id),
    ]);
    return viewOf(all, comments, ref, role);
  }

  /**
   * One change to an agreement in one transaction: lock it, refuse a stale
   * version (409 naming `version`), append the new version and audit it.
   */
  async function change(
    ctx: RequestContext,
    id: string,
    read: number,
    action: string,
    write: (tx: Database, current: store.VersionRow) => Promise<string>,
  ) {
    await db.transaction().execute(async (tx) => {
      const current = await store.lockCurrent(tx, id);
      if (!current) throw agreementNotFound();
      if (current.version !== read) throw staleVersion(current);
      await audit(tx, ctx, action, await write(tx, current));
    });
    return view(ctx.actor, id);
  }

  return {
    /** The body's agreements and those of the bodies it succeeded, as `actor` may see them. */
    async agreementsOf(actor: Actor | null, bodyId: string) {
      const links = await bodyWithLinks(bodyId);
      const role = await memberRole(actor, bodyId);
      const rows = await store.currentOfBodies(db, [
        bodyId,
        ...links.predecessors.map((p) => p.id),
      ]);
      const refOf = (id: string) => links.predecessors.find((p) => p.id === id) ?? links.ref;
      return {
        body: links.ref,
        mayDraft: mayDraft(role),
        agreements: rows.filter((r) => mayRead(r, role)).map((r) => summaryOf(r, refOf(r.bodyId))),
      };
    },

    agreement: (actor: Actor | null, id: string) => view(actor, id),

    /** A new draft, by the body's coordinators or lead. */
    async create(ctx: RequestContext, bodyId: string, input: ContentInput) {
      const role = await memberRole(ctx.actor, bodyId);
      const refused = editRefusal("draft", role);
      if (refused) throw await refuse(ctx, "create", `body ${bodyId}`, refused);
      await bodyWithLinks(bodyId);
      const content = contentOf(input);
      const at = clock();
      const id = await db.transaction().execute(async (tx) => {
        const by = changedBy(ctx);
        const agreementId = await store.insertAgreement(tx, { bodyId, at, by });
        await store.appendVersion(tx, {
          agreementId,
          version: 1,
          status: "draft",
          change: "created",
          content,
          at,
          by,
        });
        await audit(tx, ctx, "create", `agreement ${agreementId} v1 of body ${bodyId}`);
        return agreementId;
      });
      return view(ctx.actor, id);
    },

    /** A new version of the content, while the agreement is a draft or in consultation. */
    async edit(ctx: RequestContext, id: string, input: ContentInput & { version: number }) {
      const { current, role } = await readable(ctx.actor, id);
      const refused = editRefusal(current.status, role);
      if (refused && ROLE_PROBLEMS.has(refused.problem))
        throw await refusalOf(ctx, "edit", `agreement ${id}`, refused);
      const content = contentOf(input);
      return change(ctx, id, input.version, "edit", async (tx, now) => {
        const frozen = editRefusal(now.status, role);
        if (frozen) throw conflictOf(frozen);
        const version = now.version + 1;
        await store.appendVersion(tx, {
          agreementId: id,
          version,
          status: now.status,
          change: "edited",
          content,
          at: clock(),
          by: changedBy(ctx),
        });
        return `agreement ${id} v${version}`;
      });
    },

    /**
     * The next step of the lifecycle. Adopting sets the body's handover rules
     * the agreement commits to, through the handovers capability, naming it.
     */
    async step(ctx: RequestContext, id: string, input: { version: number; to: AgreementStatus }) {
      const { current, role } = await readable(ctx.actor, id);
      const refused = stepRefusal(current.status, input.to, role);
      if (refused && ROLE_PROBLEMS.has(refused.problem))
        throw await refusalOf(ctx, `step:${input.to}`, `agreement ${id}`, refused);
      const actor = ctx.actor;
      const rulesBody = actor.kind === "staff" ? actor.organisation.bodyId : null;
      return change(ctx, id, input.version, `step:${input.to}`, async (tx, now) => {
        const wrong = stepRefusal(now.status, input.to, role);
        if (wrong) throw conflictOf(wrong);
        const version = now.version + 1;
        const { commitments, title, summary } = now;
        await store.appendVersion(tx, {
          agreementId: id,
          version,
          status: input.to,
          change: "step",
          content: { title, summary, public: now.public, commitments },
          at: clock(),
          by: changedBy(ctx),
        });
        if (input.to === "adopted" && rulesBody && actor.kind === "staff")
          for (const c of commitments) {
            if (!c.handoverRule) continue;
            await deps.handovers.setRuleFromAgreement(tx, {
              bodyId: rulesBody,
              sector: c.handoverRule.sector,
              rule: c.handoverRule.rule,
              userId: actor.userId,
              agreement: { id, version },
            });
            await access.auditIn(
              tx,
              ctx,
              null,
              {
                action: "set-rule",
                resource: "handover-rules",
                purpose: `body ${rulesBody}, ${c.handoverRule.sector}: adopted agreement ${id}`,
              },
              "allowed",
            );
          }
        return `agreement ${id} v${version}: ${now.status} to ${input.to}`;
      });
    },

    /** A member's comment in consultation, kept with the version it was written on. */
    async comment(ctx: RequestContext, id: string, input: { version: number; text: string }) {
      const { current, role } = await readable(ctx.actor, id);
      const refused = commentRefusal(current.status, role);
      if (refused && ROLE_PROBLEMS.has(refused.problem))
        throw await refusalOf(ctx, "comment", `agreement ${id}`, refused);
      if (input.text.trim() === "")
        throw invalidFields("The comment is empty", [
          field({ field: "text", reason: "must not be empty", problem: "required" }),
        ]);
      await db.transaction().execute(async (tx) => {
        const now = await store.lockCurrent(tx, id);
        if (!now) throw agreementNotFound();
        if (now.version !== input.version) throw staleVersion(now);
        const wrong = commentRefusal(now.status, role);
        if (wrong) throw conflictOf(wrong);
        await store.insertComment(tx, {
          agreementId: id,
          version: now.version,
          text: input.text.trim(),
          at: clock(),
          by: changedBy(ctx),
        });
        await audit(tx, ctx, "comment", `agreement ${id} v${input.version}`);
      });
      return view(ctx.actor, id);
    },
  };
}

export type GovernanceService = ReturnType<typeof createGovernanceService>;
