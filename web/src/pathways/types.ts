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
    | "discharged-no-gp"
    | "handed-over-no-gp"
    | "deceased"
    | "no-hospital-stay";
  /** After a discharge where no GP was asked (no listed GP): who follows up medically. */
  medicalFollowUp: MedicalFollowUp | null;
};

export type MedicalFollowUp =
  | { state: "undecided"; since: string }
  | {
      state: "named";
      kind: "hospital" | "general-practice";
      organisationId: string;
      name: string;
      at: string;
    }
  | { state: "not-needed"; reason: string; at: string };

/** Why the reader may not discharge a stay (src/access/discharge-rule.ts); null: they may. */
export type DischargeRefusal =
  | "notStaff"
  | "role"
  | "notHospital"
  | "otherHospital"
  | "notAdmitted";

/** A cluster (until 2026) or a council (from 2027), as the course of care names it. */
export type BodyRef = {
  id: string;
  kind: "sundhedsklynge" | "sundhedsraad";
  name: string;
  verified: boolean;
  /** The day the body ended (a cluster on 2027-01-01); null while it lasts. */
  validTo: string | null;
};

/** The residence's, the GP's and the hospital's bodies on one date. */
export type Bodies = {
  date: string;
  residence: BodyRef | null;
  generalPractice: BodyRef | null;
  hospital: BodyRef[];
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
  /** The bodies of the stay's own date (its admission's). */
  bodies: Bodies;
  dischargeRefusal: DischargeRefusal | null;
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
  /** The body of the discharge's own date, which the handover is counted under. */
  body: BodyRef | null;
  dischargedAt: string;
  deadlineAt: string;
  decidedAt: string | null;
};
