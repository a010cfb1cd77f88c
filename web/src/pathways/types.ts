// Shapes of the pathway API (see src/pathways/routes.ts on the server).

export type PartyKind = "hospital" | "municipality" | "general-practice";
export type Party = { kind: PartyKind; organisationId: string | null; name: string };
export type ResponsibleFor = "treatment" | "care" | "medical-follow-up";
export type CurrentState = "admitted" | "on-leave" | "discharged" | "deceased" | "no-stay";
export type StayStatus = "admitted" | "on-leave" | "discharged" | "deceased" | "cancelled";

export type Responsibility = {
  responsible: (Party & { for: ResponsibleFor })[];
  awaitingConfirmationFrom: Party[];
  since: string | null;
  reason:
    | "in-hospital"
    | "discharged-awaiting-handover"
    | "handed-over"
    | "deceased"
    | "no-hospital-stay";
};

export type Bodies = {
  residence: string | null;
  generalPractice: string | null;
  hospital: string[];
  differ: boolean;
};

export type Stay = {
  id: string;
  hospitalId: string;
  hospitalName: string;
  departmentOrganisationId: string | null;
  departmentName: string | null;
  status: StayStatus;
  encounterClass: "inpatient" | "acute-ambulant" | null;
  admittedAt: string;
  dischargedAt: string | null;
  diedAt: string | null;
  endedAt: string | null;
};

export type TimelineEvent = {
  at: string;
  sector: PartyKind;
  kind: string;
  stayId: string;
  organisation: string;
  messageType: string;
  corrected: boolean;
};

export type Pathway = {
  citizen: {
    id: string;
    name: string;
    cpr: string;
    birthDate: string;
    sex: "female" | "male";
    synthetic: boolean;
    homeMunicipality: { code: string; name: string } | null;
    listedPractice: {
      id: string;
      name: string;
      providerNumber: string;
      municipalityCode: string;
    } | null;
    deceasedAt: string | null;
  };
  state: CurrentState;
  responsibility: Responsibility;
  bodies: Bodies;
  stays: Stay[];
  timeline: TimelineEvent[];
  handovers: Handover[];
};

export type Handover = {
  stayId: string;
  sector: "municipality" | "general-practice";
  status: "open" | "confirmed" | "declined" | "closed";
  receiverOrganisationId: string;
  receiverName: string;
  deadlineAt: string;
  decidedAt: string | null;
};
