import type { ColumnType, Generated } from "kysely";
import type { DefaultedTimestamp, Timestamp } from "./column-types.ts";

/** Users, their memberships and sessions, tokens, consents, break-glass and the audit log. */
export interface AppUserTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  kind: "staff" | "citizen" | "relative";
  citizenId: string | null;
  passwordHash: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  demo: Generated<boolean>;
  disabledAt: Timestamp | null;
  createdAt: DefaultedTimestamp;
}

export interface MembershipTable {
  id: Generated<string>;
  userId: string;
  organisationId: string;
  role:
    | "clinician"
    | "coordinator"
    | "body_lead"
    | "committee_member"
    | "administrator"
    | "citizen_representative";
  grantedAt: DefaultedTimestamp;
  revokedAt: Timestamp | null;
  /** Who granted it (null: the operator, the seed, or before migration 0013). */
  grantedBy: ColumnType<string | null, string | null | undefined, never>;
  grantedByOrganisationId: ColumnType<string | null, string | null | undefined, never>;
  /** How it was granted; null for memberships from before migration 0013. */
  grantedVia: ColumnType<
    "administrator" | "operator" | "seed" | "carry-over" | null,
    "administrator" | "operator" | "seed" | "carry-over" | null | undefined,
    never
  >;
  revokedBy: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RelativeConsentTable {
  id: Generated<string>;
  citizenId: string;
  relativeUserId: string;
  grantedAt: DefaultedTimestamp;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface SessionTable {
  id: string;
  userId: string;
  activeMembershipId: string | null;
  csrfToken: string;
  createdAt: DefaultedTimestamp;
  lastSeenAt: DefaultedTimestamp;
  expiresAt: Timestamp;
  endedAt: Timestamp | null;
  loginMethod: "password" | "oidc";
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  windowStartedAt: Timestamp;
  lockedUntil: Timestamp | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  /** `broker` (migration 0014): a message broker's token, held by no organisation. */
  kind: Generated<"organisation" | "broker">;
  name: string;
  tokenHash: string;
  /** The holder of an `organisation` token; null for a broker's. */
  organisationId: string | null;
  scopes: string[];
  createdBy: string | null;
  createdAt: DefaultedTimestamp;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
}

/** The senders (SOR codes) a broker token may forward messages for; see migration 0014. */
export interface BrokerSenderTable {
  tokenId: string;
  sorCode: string;
  addedAt: DefaultedTimestamp;
}

export interface BreakGlassTable {
  id: Generated<string>;
  userId: string;
  membershipId: string;
  citizenId: string;
  reason: string;
  createdAt: DefaultedTimestamp;
  expiresAt: Timestamp;
}

export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  at: DefaultedTimestamp;
  requestId: string | null;
  actorKind: "staff" | "citizen" | "relative" | "token" | "system" | "operator";
  /** The operator's OS user name (actor kind operator). */
  actorName: ColumnType<string | null, string | null | undefined, never>;
  /** The membership a staff member acted in (citizen data), or the one granted or revoked. */
  membershipId: ColumnType<string | null, string | null | undefined, never>;
  /** What an administration entry is about: a user, a token, an organisation. */
  subjectUserId: ColumnType<string | null, string | null | undefined, never>;
  subjectTokenId: ColumnType<string | null, string | null | undefined, never>;
  subjectOrganisationId: ColumnType<string | null, string | null | undefined, never>;
  grantedRole: ColumnType<string | null, string | null | undefined, never>;
  scopes: ColumnType<string[] | null, string[] | null | undefined, never>;
  userId: string | null;
  tokenId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  role: string | null;
  citizenId: string | null;
  action: string;
  resource: string;
  outcome: "allowed" | "denied";
  relation: string | null;
  purpose: string | null;
  breakGlass: Generated<boolean>;
  breakGlassReason: string | null;
}
