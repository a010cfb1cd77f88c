import type { ColumnType, Generated } from "kysely";
import type { DateString, DefaultedTimestamp, Json, Timestamp } from "./column-types.ts";
import type {
  AgreementCommentTable,
  AgreementTable,
  AgreementVersionTable,
  GpCapacityFactTable,
  GpCapacityRuleTable,
  InitiativeTable,
  InitiativeVersionTable,
  MeetingDecisionTable,
  MeetingTable,
} from "./schema-governance.ts";
import type {
  HandoverEscalationTable,
  HandoverRuleTable,
  HandoverTable,
  HandoverTransitionTable,
  MedicalFollowUpTable,
} from "./schema-handovers.ts";
import type {
  CitizenResidenceTable,
  IndicatorAdmissionTable,
  IndicatorCellTable,
  IndicatorDirtyCitizenTable,
  IndicatorDirtyMonthTable,
  IndicatorMonthStateTable,
  IndicatorPopulationTable,
  IndicatorStateTable,
} from "./schema-indicators.ts";
import type {
  NotificationPreferenceTable,
  NotificationReadTable,
  NotificationTable,
  WebhookAttemptTable,
  WebhookDeliveryTable,
  WebhookTable,
} from "./schema-notifications.ts";

export type { DateString } from "./column-types.ts";
export type * from "./schema-governance.ts";
export type * from "./schema-handovers.ts";
export type * from "./schema-indicators.ts";
export type * from "./schema-notifications.ts";

export type BodyMembershipKind = "primary" | "partial";

export type OrganisationKind =
  | "hospital"
  | "hospital_department"
  | "municipality"
  | "municipal_unit"
  | "general_practice"
  | "body_secretariat"
  | "region";

/** What a SOR-coded unit does; the register's finer grain below `kind`. */
export type OrganisationUnitType =
  | "hospital_department"
  | "home_care"
  | "home_nursing"
  | "care_centre"
  | "visitation"
  | "rehabilitation"
  | "general_practice"
  | "other";

/** The kind of local body a municipality belongs to: a cluster until 2026, a council from 2027. */
export type BodyKind = "sundhedsklynge" | "sundhedsraad";

export interface RegionTable {
  /** The 4-digit region code, or an id where the code is not known (`codeVerified` false). */
  code: string;
  name: string;
  codeVerified: Generated<boolean>;
  seat: ColumnType<string | null, string | null | undefined, string | null>;
  validFrom: DateString;
  validTo: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
}

/** A region's health collaboration committee (sundhedssamarbejdsudvalg), until 2026. */
export interface RegionalCommitteeTable {
  regionCode: string;
  name: string;
  verified: boolean;
  validFrom: DateString;
  validTo: DateString | null;
}

/** The documented mapping: on validFrom, the municipality's body changed from one to the other. */
export interface BodySuccessionTable {
  municipalityCode: string;
  fromBodyId: string;
  toBodyId: string;
  validFrom: DateString;
}

/** One thing the transition carried from an ended body to its successor (a rule, a membership). */
export interface BodyCarryOverTable {
  id: ColumnType<number, never, never>;
  validFrom: DateString;
  kind: "rule" | "membership";
  fromBodyId: string;
  toBodyId: string;
  detail: Json<Record<string, unknown>>;
  appliedAt: Timestamp;
}

export interface MunicipalityTable {
  code: string;
  name: string;
  regionCode: string;
  population: number | null;
  populationYear: number | null;
  population65plus: number | null;
}

export interface BodyTable {
  id: string;
  kind: BodyKind;
  name: string;
  regionCode: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  verified: boolean;
  verification: Json<Record<string, boolean>>;
  sources: Json<string[]>;
  notes: string | null;
  validFrom: DateString;
  validTo: DateString | null;
}

export interface HospitalTable {
  id: string;
  name: string;
  regionCode: string;
  sorCode: string | null;
  acute: Generated<boolean>;
}

export interface BodyHospitalTable {
  bodyId: string;
  hospitalId: string;
  validFrom: DateString;
  validTo: DateString | null;
}

export interface BodyMembershipTable {
  id: ColumnType<number, never, never>;
  bodyId: string;
  municipalityCode: string;
  kind: BodyMembershipKind;
  validFrom: DateString;
  validTo: DateString | null;
}

export interface GeneralPracticeTable {
  id: Generated<string>;
  providerNumber: string;
  name: string;
  municipalityCode: string;
  sorCode: string | null;
  createdAt: DefaultedTimestamp;
  synthetic: Generated<boolean>;
}

export interface OrganisationTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  sorCode: string | null;
  regionCode: string | null;
  municipalityCode: string | null;
  hospitalId: string | null;
  generalPracticeId: string | null;
  bodyId: string | null;
  parentId: string | null;
  /** The day an organisation ended (a cluster's secretariat on 2027-01-01); null while it lasts. */
  validTo: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
  gln: string | null;
  unitType: OrganisationUnitType | null;
  synthetic: Generated<boolean>;
  createdAt: DefaultedTimestamp;
}

/** How to reach an organisation (not personal data); see migration 0007. */
export interface OrganisationContactTable {
  organisationId: string;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
  webUrl: string | null;
  updatedBy: string | null;
  updatedAt: DefaultedTimestamp;
}

export interface StructureVersionTable {
  asOf: DateString;
  sourceSha256: string;
  loadedAt: DefaultedTimestamp;
  summary: Json<Record<string, number>>;
}

export interface CitizenTable {
  id: Generated<string>;
  cprHash: string;
  cprEncrypted: string;
  nameEncrypted: string;
  /** Sealed like the name; null where no address is known. */
  addressEncrypted: Generated<string | null>;
  birthDate: DateString;
  sex: "female" | "male";
  homeMunicipalityCode: string | null;
  listedPracticeId: string | null;
  synthetic: Generated<boolean>;
  deceasedAt: Timestamp | null;
  createdAt: DefaultedTimestamp;
}

export interface HospitalStayTable {
  id: Generated<string>;
  citizenId: string;
  hospitalId: string;
  departmentOrganisationId: string | null;
  admittedAt: Timestamp;
  dischargedAt: Timestamp | null;
  /** The MedCom episodeOfCare identifier ("system|value"); null for stays not from messages. */
  episodeKey: string | null;
  status: Generated<StayStatusColumn>;
  encounterClass: "inpatient" | "acute-ambulant" | null;
  diedAt: Timestamp | null;
  /** When the hospital's stay ended: discharge, death, or the next stay's start (transfer). */
  endedAt: Timestamp | null;
  senderOrganisationId: string | null;
  updatedAt: DefaultedTimestamp;
  /** Copies of the citizen's home municipality and listed practice, kept equal by triggers (0011). */
  citizenMunicipalityCode: Generated<string | null>;
  citizenPracticeId: Generated<string | null>;
}

export type StayStatusColumn = "admitted" | "on-leave" | "discharged" | "deceased" | "cancelled";

export type ResponseCode = "ok" | "fatal-error" | "transient-error";

export interface InboundMessageTable {
  id: Generated<string>;
  /** Arrival order (an identity column), for paging. */
  seq: Generated<string>;
  messageHeaderId: string | null;
  bundleId: string | null;
  receivedAt: DefaultedTimestamp;
  receivedVia: "http" | "import";
  tokenId: string | null;
  synthetic: Generated<boolean>;
  bodyEncrypted: string;
  bodySha256: string;
  messageType: string | null;
  activityCode: string | null;
  senderSor: string | null;
  receiverSor: string | null;
  eventAt: Timestamp | null;
  status: "applied" | "rejected" | "dead_letter";
  responseCode: ResponseCode;
  problems: Json<unknown[]>;
  acknowledgement: Json<unknown> | null;
  citizenId: string | null;
  attempts: Generated<number>;
  lastAttemptAt: DefaultedTimestamp;
  appliedAt: Timestamp | null;
}

export interface StayClinicalFactTable {
  stayId: string;
  primaryDiagnosis: string;
  preventableGroup: string | null;
  admissionKind: "acute" | "planned";
  medicallyReadyAt: Timestamp | null;
  synthetic: Generated<boolean>;
  recordedAt: DefaultedTimestamp;
}

export interface HomeCareGrantTable {
  id: Generated<string>;
  citizenId: string;
  municipalityCode: string;
  service: "personal-care" | "practical-help" | "home-nursing";
  grantedOn: DateString;
  endedOn: DateString | null;
  synthetic: Generated<boolean>;
}

export interface StayNotificationTable {
  id: Generated<string>;
  /** Null for a notification recorded by staff in the hospital view. */
  messageId: string | null;
  recordedByUserId: string | null;
  stayId: string;
  messageHeaderId: string;
  messageType: string;
  kind: string;
  variant: "new" | "revision" | "cancellation";
  occurredAt: Timestamp;
  recordedAt: Timestamp;
  encounterStart: Timestamp;
  encounterClass: "inpatient" | "acute-ambulant";
  refersToMessageId: string | null;
  previousMessageId: string | null;
  departmentOrganisationId: string | null;
}

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

export interface DB {
  citizen: CitizenTable;
  hospitalStay: HospitalStayTable;
  inboundMessage: InboundMessageTable;
  stayNotification: StayNotificationTable;
  stayClinicalFact: StayClinicalFactTable;
  homeCareGrant: HomeCareGrantTable;
  handover: HandoverTable;
  handoverTransition: HandoverTransitionTable;
  handoverRule: HandoverRuleTable;
  handoverEscalation: HandoverEscalationTable;
  medicalFollowUp: MedicalFollowUpTable;
  appUser: AppUserTable;
  membership: MembershipTable;
  relativeConsent: RelativeConsentTable;
  userSession: SessionTable;
  loginThrottle: LoginThrottleTable;
  apiToken: ApiTokenTable;
  brokerSender: BrokerSenderTable;
  breakGlass: BreakGlassTable;
  auditLog: AuditLogTable;
  region: RegionTable;
  municipality: MunicipalityTable;
  body: BodyTable;
  regionalCommittee: RegionalCommitteeTable;
  bodySuccession: BodySuccessionTable;
  bodyCarryOver: BodyCarryOverTable;
  hospital: HospitalTable;
  bodyHospital: BodyHospitalTable;
  bodyMembership: BodyMembershipTable;
  generalPractice: GeneralPracticeTable;
  organisation: OrganisationTable;
  organisationContact: OrganisationContactTable;
  structureVersion: StructureVersionTable;
  notification: NotificationTable;
  notificationRead: NotificationReadTable;
  notificationPreference: NotificationPreferenceTable;
  webhook: WebhookTable;
  webhookDelivery: WebhookDeliveryTable;
  webhookAttempt: WebhookAttemptTable;
  citizenResidence: CitizenResidenceTable;
  indicatorAdmission: IndicatorAdmissionTable;
  indicatorCell: IndicatorCellTable;
  indicatorPopulation: IndicatorPopulationTable;
  indicatorDirtyCitizen: IndicatorDirtyCitizenTable;
  indicatorDirtyMonth: IndicatorDirtyMonthTable;
  indicatorState: IndicatorStateTable;
  indicatorMonthState: IndicatorMonthStateTable;
  agreement: AgreementTable;
  agreementVersion: AgreementVersionTable;
  agreementComment: AgreementCommentTable;
  initiative: InitiativeTable;
  initiativeVersion: InitiativeVersionTable;
  meeting: MeetingTable;
  meetingDecision: MeetingDecisionTable;
  gpCapacityFact: GpCapacityFactTable;
  gpCapacityRule: GpCapacityRuleTable;
}
