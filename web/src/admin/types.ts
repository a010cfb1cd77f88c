// Shapes of the administration APIs (src/interop/routes.ts, src/structure/register-routes.ts).

export type MessageStatus = "applied" | "rejected" | "dead_letter";

export type ReceivedMessage = {
  id: string;
  messageHeaderId: string | null;
  receivedAt: string;
  receivedVia: string;
  messageType: string | null;
  activityCode: string | null;
  senderSor: string | null;
  senderName: string | null;
  receiverSor: string | null;
  receiverName: string | null;
  eventAt: string | null;
  status: MessageStatus;
  responseCode: string;
  problems: { severity: string; code?: string; expression: string; rule: string }[];
  attempts: number;
  appliedAt: string | null;
};

export type MessageList = {
  counts: Record<string, number>;
  messages: ReceivedMessage[];
  nextCursor: string | null;
};

export const UNIT_KINDS = ["hospital_department", "municipal_unit", "general_practice"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_TYPES = [
  "hospital_department",
  "home_care",
  "home_nursing",
  "care_centre",
  "visitation",
  "rehabilitation",
  "general_practice",
  "other",
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export type OrganisationUnit = {
  id: string;
  kind: UnitKind;
  unitType: string | null;
  name: string;
  sorCode: string | null;
  gln: string | null;
  hospitalId: string | null;
  hospitalName: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  providerNumber: string | null;
  synthetic: boolean;
};
