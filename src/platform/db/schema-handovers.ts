import type { ColumnType, Generated } from "kysely";
import type { DefaultedTimestamp, Timestamp } from "./column-types.ts";

/**
 * The handovers' tables: handovers, their transitions and escalations, and the
 * bodies' rules. `DB` in schema.ts names every table of the database.
 */

export interface HandoverTable {
  id: Generated<string>;
  stayId: string;
  citizenId: string;
  sector: "municipality" | "general-practice";
  receiverOrganisationId: string;
  receiverMunicipalityCode: string | null;
  receiverPracticeId: string | null;
  dischargingOrganisationId: string | null;
  /** The stay's hospital, kept on the handover for the hospital's worklist (0010). */
  dischargingHospitalId: string;
  bodyId: string | null;
  dischargedAt: Timestamp;
  deadlineAt: Timestamp;
  note: string | null;
  status: Generated<"open" | "confirmed" | "declined" | "closed">;
  statusReason: string | null;
  escalationStep: Generated<number>;
  nextEscalationAt: Timestamp | null;
  version: Generated<number>;
  /** How many times the handover was sent on to another receiver after a decline (0012). */
  route: Generated<number>;
  /** When the whole ladder had chased it without a confirmation; it stays open (0021). */
  unresolvedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  createdAt: DefaultedTimestamp;
  updatedAt: DefaultedTimestamp;
}

export interface HandoverTransitionTable {
  id: Generated<string>;
  handoverId: string;
  kind:
    | "created"
    | "confirmed"
    | "declined"
    | "closed"
    | "deadline-moved"
    | "escalated"
    | "note-changed"
    | "rerouted"
    /** A decision taken back by its organisation within minutes (0020). */
    | "undone"
    /** The ladder's end passed without a confirmation; the handover stays open (0021). */
    | "unresolved";
  fromStatus: string | null;
  toStatus: string;
  at: DefaultedTimestamp;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  reason: string | null;
}

export interface HandoverEscalationTable {
  id: Generated<string>;
  handoverId: string;
  /** The handover's route when escalated: each route climbs the ladder from step 0 (0012). */
  route: Generated<number>;
  step: number;
  target: "receiver" | "body-coordinator" | "discharging-department";
  targetOrganisationId: string | null;
  /** The body whose coordinator was told: the council holding the municipality on that day (0016). */
  bodyId: ColumnType<string | null, string | null | undefined, string | null>;
  dueAt: Timestamp;
  escalatedAt: DefaultedTimestamp;
}

export interface HandoverRuleTable {
  bodyId: string;
  sector: "municipality" | "general-practice";
  /** Null: the body follows Tovholder's default (a carried-over default, 0017). */
  rule: ColumnType<unknown, string | null, string | null>;
  /** The ended body this rule was carried over from on the structure's change (0016). */
  carriedOverFrom: ColumnType<string | null, string | null | undefined, string | null>;
  /** A carried-over rule its body's coordinators have not yet confirmed. */
  needsConfirmation: Generated<boolean>;
  /** Who confirmed a carried-over rule, and when (0017). */
  confirmedBy: ColumnType<string | null, string | null | undefined, string | null>;
  confirmedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updatedBy: string | null;
  updatedAt: DefaultedTimestamp;
  /** The agreement whose adoption set this rule, and its version (0024); null when set by hand. */
  setByAgreementId: ColumnType<string | null, string | null | undefined, string | null>;
  setByAgreementVersion: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A discharge without a listed GP: who follows up medically (0022). */
export interface MedicalFollowUpTable {
  id: Generated<string>;
  stayId: string;
  citizenId: string;
  dischargingHospitalId: string;
  dischargingOrganisationId: string | null;
  bodyId: string | null;
  /** The municipality it was opened for (0027): its body on a date is the one that acts. */
  municipalityCode: ColumnType<string | null, string | null | undefined, string | null>;
  dischargedAt: Timestamp;
  createdAt: Timestamp;
  status: Generated<"open" | "resolved" | "closed">;
  resolution: "outpatient-clinic" | "practice" | "not-needed" | null;
  followUpOrganisationId: string | null;
  reason: string | null;
  closedReason: string | null;
  resolvedAt: Timestamp | null;
  resolvedByUserId: string | null;
  resolvedByOrganisationId: string | null;
  version: Generated<number>;
}
