import type { Insertable } from "kysely";
import type { AuditLogTable } from "../platform/db/schema.ts";
import { AppError } from "../platform/http/errors.ts";
import type { AdministrationRefusal, AdministratorScope } from "./administration-model.ts";
import type { StaffActor } from "./model.ts";

/**
 * Who administers: an administrator acting for their organisation in the web
 * or API (bound by the rules in model.ts), or the operator running the CLI (or
 * the demo seed, or a test), who administers everything and is audited as
 * `operator` with their name.
 */
export type Administrator =
  | { kind: "administrator"; actor: StaffActor; requestId: string }
  | { kind: "operator"; name: string; seed?: boolean };

/** The operator, named (the CLI passes the OS user's name). */
export function operator(name: string): Administrator {
  return { kind: "operator", name };
}

/** The demo seed: the operator's powers, recorded as the seed's own grants. */
export const DEMO_SEED: Administrator = { kind: "operator", name: "demo seed", seed: true };

/** The administrator's scope for the rules, or null for the operator (no limit). */
export function scopeOf(by: Administrator): AdministratorScope | null {
  if (by.kind === "operator") return null;
  return {
    userId: by.actor.userId,
    organisation: { id: by.actor.organisation.id, kind: by.actor.organisation.kind },
  };
}

/** What a membership records about how it came to be. */
export function provenanceOf(by: Administrator) {
  return by.kind === "operator"
    ? {
        grantedBy: null,
        grantedByOrganisationId: null,
        grantedVia: by.seed ? ("seed" as const) : ("operator" as const),
      }
    : {
        grantedBy: by.actor.userId,
        grantedByOrganisationId: by.actor.organisation.id,
        grantedVia: "administrator" as const,
      };
}

export function userIdOf(by: Administrator): string | null {
  return by.kind === "administrator" ? by.actor.userId : null;
}

/** One administration entry: what was done, to whom, and why. */
export type AdministrationEntry = {
  action:
    | "grant"
    | "revoke"
    | "create-user"
    | "create-token"
    | "revoke-token"
    | "change-password"
    | "reset-password"
    | "disable-user"
    | "enable-user";
  resource: "membership" | "user" | "token";
  outcome: "allowed" | "denied";
  subjectUserId?: string | null;
  subjectTokenId?: string | null;
  subjectOrganisationId?: string | null;
  membershipId?: string | null;
  grantedRole?: string | null;
  scopes?: string[] | null;
  reason?: string | null;
};

/** The audit row of an administration entry: who (staff or operator), for whom, what, when, why. */
export function administrationAudit(
  by: Administrator,
  entry: AdministrationEntry,
  at: Date,
): Insertable<AuditLogTable> {
  const who =
    by.kind === "administrator"
      ? {
          actorKind: "staff" as const,
          userId: by.actor.userId,
          organisationId: by.actor.organisation.id,
          organisationName: by.actor.organisation.name,
          role: by.actor.role,
          requestId: by.requestId,
          actorName: null,
        }
      : {
          actorKind: "operator" as const,
          userId: null,
          organisationId: null,
          organisationName: null,
          role: null,
          requestId: null,
          actorName: by.name,
        };
  return {
    ...who,
    at,
    tokenId: null,
    citizenId: null,
    action: entry.action,
    resource: entry.resource,
    outcome: entry.outcome,
    relation: null,
    purpose: entry.reason ?? null,
    breakGlassReason: null,
    subjectUserId: entry.subjectUserId ?? null,
    subjectTokenId: entry.subjectTokenId ?? null,
    subjectOrganisationId: entry.subjectOrganisationId ?? null,
    membershipId: entry.membershipId ?? null,
    grantedRole: entry.grantedRole ?? null,
    scopes: entry.scopes ?? null,
  };
}

/** The 403 an administrator meets outside what they administer. */
export function refusedError(refused: AdministrationRefusal): AppError {
  return new AppError("TOV_ERR_FORBIDDEN", `Refused: ${refused.reason}`, [], {
    key: `admin.refused.${refused.problem}`,
  });
}
