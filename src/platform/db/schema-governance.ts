import type { Generated } from "kysely";
import type { DateString, Json, Timestamp } from "./column-types.ts";

/** A body's agreement on who does what; its content lives in its versions (0024). */
export interface AgreementTable {
  id: Generated<string>;
  bodyId: string;
  createdAt: Timestamp;
  createdBy: string | null;
}

export type AgreementStatusColumn =
  | "draft"
  | "consultation"
  | "approved"
  | "adopted"
  | "in-force"
  | "ended";

/** One version of an agreement: the whole agreement after one change, with who made it and when. */
export interface AgreementVersionTable {
  agreementId: string;
  version: number;
  status: AgreementStatusColumn;
  change: "created" | "edited" | "step";
  title: string;
  summary: string;
  public: boolean;
  /** The commitments: money as integer øre, staff as hundredths of a full-time equivalent. */
  commitments: Json<unknown>;
  at: Timestamp;
  byUser: string | null;
  byOrganisation: string | null;
  byRole: string | null;
}

/** A comment written during consultation, kept with the version it was written on. */
export interface AgreementCommentTable {
  id: Generated<string>;
  agreementId: string;
  version: number;
  text: string;
  at: Timestamp;
  byUser: string;
  byOrganisation: string;
}

/** A body's initiative (an experiment); its content lives in its versions (0025). */
export interface InitiativeTable {
  id: Generated<string>;
  bodyId: string;
  createdAt: Timestamp;
  createdBy: string | null;
}

/** One version of an initiative: the whole initiative after one change, with who made it and when. */
export interface InitiativeVersionTable {
  initiativeId: string;
  version: number;
  status: "planned" | "running" | "finished";
  change: "created" | "edited" | "status";
  title: string;
  public: boolean;
  /** Goal, indicator, participants, budget (integer øre), dates and milestones. */
  content: Json<unknown>;
  /** The evaluation, required once finished. */
  evaluation: Json<unknown> | null;
  at: Timestamp;
  byUser: string | null;
  byOrganisation: string | null;
  byRole: string | null;
}

/** A body's meeting with its agenda and attendees (0029); `version` grows with every change. */
export interface MeetingTable {
  id: Generated<string>;
  bodyId: string;
  title: string;
  meetingDate: DateString;
  public: boolean;
  status: "planned" | "held";
  agenda: Json<unknown>;
  attendees: Json<unknown>;
  version: number;
  createdAt: Timestamp;
  changedAt: Timestamp;
  changedBy: string | null;
}

/** A decision recorded at a meeting on an agreement or initiative, with who was present (0029). */
export interface MeetingDecisionTable {
  id: Generated<string>;
  meetingId: string;
  subjectKind: "agreement" | "initiative";
  subjectId: string;
  text: string;
  present: Json<unknown>;
  decidedAt: Timestamp;
  decidedBy: string | null;
}

/** Where a GP capacity fact came from (0026). */
export type GpCapacitySourceColumn = "register" | "csv-import" | "synthetic";

/** One dated capacity fact of a general practice (its organisation), 0026. */
export interface GpCapacityFactTable {
  organisationId: string;
  asOf: DateString;
  doctors: number;
  listedPatients: number;
  closedToNew: boolean;
  source: GpCapacitySourceColumn;
  recordedAt: Timestamp;
  recordedBy: string | null;
}

/** A body's thin-area rule: more listed patients per doctor than this is thin (0026). */
export interface GpCapacityRuleTable {
  bodyId: string;
  maxPatientsPerDoctor: number;
  setAt: Timestamp;
  setBy: string | null;
}
