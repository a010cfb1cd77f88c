import type { Generated } from "kysely";
import type { DateString, DefaultedTimestamp, Json, Timestamp } from "./column-types.ts";
import type {
  ApiTokenTable,
  AppUserTable,
  AuditLogTable,
  BreakGlassTable,
  BrokerSenderTable,
  LoginThrottleTable,
  MembershipTable,
  RelativeConsentTable,
  SessionTable,
} from "./schema-access.ts";
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
import type {
  BodyCarryOverTable,
  BodyHospitalTable,
  BodyMembershipTable,
  BodySuccessionTable,
  BodyTable,
  GeneralPracticeTable,
  HospitalTable,
  MunicipalityTable,
  OrganisationContactTable,
  OrganisationTable,
  RegionalCommitteeTable,
  RegionTable,
  StructureVersionTable,
} from "./schema-structure.ts";

export type { DateString } from "./column-types.ts";
export type * from "./schema-access.ts";
export type * from "./schema-governance.ts";
export type * from "./schema-handovers.ts";
export type * from "./schema-indicators.ts";
export type * from "./schema-notifications.ts";
export type * from "./schema-structure.ts";

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
