// Shapes of the handover API (src/handovers/routes.ts on the server).

export type HandoverStatus = "open" | "confirmed" | "declined" | "closed";
export const DECLINE_REASONS = [
  "not-our-citizen",
  "citizen-moved",
  "needs-different-service",
  "other",
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export type WorklistItem = {
  id: string;
  citizenId: string;
  citizenName: string | null;
  stayId: string;
  sector: "municipality" | "general-practice";
  status: HandoverStatus;
  statusReason: string | null;
  version: number;
  dischargedAt: string;
  deadlineAt: string;
  overdue: boolean;
  escalationStep: number;
  /** `basic`: the name and the handover only (a body's coordinators); null: no relation. */
  relationScope: "basic" | "full" | null;
  note: string | null;
  /** What the receiver wrote on declining (for those with a relation). */
  declineNote: string | null;
  receiverName: string;
  dischargingName: string | null;
  hospitalId: string;
  /** The row's group in this reader's worklist now (the server's model.ts decides). */
  group: WorklistGroup;
  /** When the whole ladder had chased it without a confirmation; it stays open. */
  unresolvedAt: string | null;
  /** The parties' organisations, whose contact details the row offers when it is overdue or declined. */
  receiverOrganisationId: string;
  dischargingOrganisationId: string | null;
};

/** The worklist's groups, in the order the default view shows them. */
export const NEEDS_ACTION_GROUPS = [
  "today",
  "overdue-day",
  "overdue-days",
  "overdue-week",
  "overdue-older",
] as const;
export type NeedsActionGroup = (typeof NEEDS_ACTION_GROUPS)[number];
export type WorklistGroup = NeedsActionGroup | "rest" | "unresolved";

/** The default view: each needs-action group's first page, and every group's count. */
export type GroupedWorklist = {
  groups: { group: NeedsActionGroup; total: number; items: WorklistItem[] }[];
  counts: Record<WorklistGroup, number>;
  inHospitalTotal: number;
  limit: number;
};

/** A receiver's citizen in hospital now (admitted or on leave). */
export type InHospital = {
  stayId: string;
  citizenId: string;
  citizenName: string | null;
  status: "admitted" | "on-leave";
  admittedAt: string;
  hospitalName: string;
  departmentName: string | null;
};

/** One page of the worklist, with the whole list's length. */
export type Worklist = {
  items: WorklistItem[];
  total: number;
  limit: number;
  offset: number;
  /** How many of a receiver's citizens are in hospital now (0 for hospitals and bodies). */
  inHospitalTotal: number;
};

export type InHospitalPage = { items: InHospital[]; total: number; limit: number; offset: number };

/** Both lists searched by name: only the matches, not paged. */
export type WorklistSearch = { items: WorklistItem[]; inHospital: InHospital[] };
