// Shapes of the follow-up API (see src/follow-ups/routes.ts on the server).

export type ResolutionKind = "outpatient-clinic" | "practice" | "not-needed";

export type FollowUpItem = {
  id: string;
  stayId: string;
  citizenId: string;
  citizenName: string | null;
  status: "open" | "resolved" | "closed";
  version: number;
  dischargedAt: string;
  hospitalName: string;
  departmentName: string | null;
  resolution: ResolutionKind | null;
  followUpName: string | null;
  reason: string | null;
  /** Closed without being resolved: death, stay-cancelled or discharge-cancelled. */
  closedReason: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
};

export type Practice = {
  id: string;
  name: string;
  providerNumber: string;
  municipalityCode: string;
};
