import type { ActivityCode } from "./codes.ts";
import { sorEndpoint } from "./codes.ts";
import type {
  HospitalNotification,
  MessagingOrganisation,
  ProvenanceEntry,
} from "./hospital-notification.ts";
import { derivedUuid } from "./write-hospital-notification.ts";

/**
 * Builds the messages a hospital sends during one stay, from domain events:
 * admit, leave, return, discharge, death, and the correction or cancellation
 * of the latest message. Each message carries the Provenance history of the
 * flow, as MedCom requires. Ids are derived from `seed`, so a flow replays
 * identically (tests and the synthetic data generator depend on that).
 */

export type StayParticipants = {
  seed: string;
  sender: MessagingOrganisation;
  receiver: MessagingOrganisation;
  serviceProvider?: { sor: string; name: string | null } | null;
  patient: { cpr: string; family: string; given: string[] };
  /** The episode-of-care identifier (forløbsid); defaults to one derived from the seed. */
  episode?: { system: string; value: string };
};

type Sent = { at: string; sentAt?: string };
type Snapshot = Omit<
  HospitalNotification,
  "bundleId" | "timestamp" | "messageHeaderId" | "provenance"
>;

const BASE_ACTIVITY = {
  admitInpatient: "admit-inpatient",
  admitEmergency: "admit-emergency",
  startLeave: "start-leave-inpatient",
  endLeave: "end-leave-inpatient",
} as const;

export class NotificationFlow {
  private readonly history: ProvenanceEntry[] = [];
  private readonly sent: HospitalNotification[] = [];
  private state: Snapshot;
  /** The base activity of the stay's current phase: a death keeps it ("current activity"). */
  private phaseActivity: ActivityCode = "admit-inpatient";

  constructor(private readonly p: StayParticipants) {
    this.state = {
      sender: p.sender,
      receiver: p.receiver,
      destinationEndpoint: sorEndpoint(p.receiver.sor),
      sourceEndpoint: sorEndpoint(p.sender.sor),
      serviceProvider: p.serviceProvider ?? null,
      reportOfAdmission: null,
      patient: { ...p.patient, deceased: null },
      encounter: {
        status: "in-progress",
        class: "IMP",
        periodStart: "",
        periodEnd: null,
        leave: null,
        episodeOfCare: [
          p.episode ?? { system: sorEndpoint(p.sender.sor), value: derivedUuid(p.seed, "episode") },
        ],
      },
    };
  }

  get messages(): readonly HospitalNotification[] {
    return this.sent;
  }

  admit(e: Sent & { class: "inpatient" | "acute-ambulant"; reportRequested?: boolean }) {
    const inpatient = e.class === "inpatient";
    this.phaseActivity = inpatient ? BASE_ACTIVITY.admitInpatient : BASE_ACTIVITY.admitEmergency;
    const requested = e.reportRequested ?? this.sent.length === 0;
    this.update({
      encounter: {
        ...this.state.encounter,
        status: "in-progress",
        class: inpatient ? "IMP" : "EMER",
        periodStart: e.at,
      },
      reportOfAdmission: { requested, recipientSor: requested ? this.p.sender.sor : null },
    });
    return this.send(this.phaseActivity, e, null);
  }

  startLeave(e: Sent) {
    this.phaseActivity = BASE_ACTIVITY.startLeave;
    this.update({
      encounter: { ...this.state.encounter, status: "onleave", leave: { start: e.at, end: null } },
    });
    return this.send(this.phaseActivity, e, "revision");
  }

  endLeave(e: Sent) {
    const start = this.state.encounter.leave?.start ?? e.at;
    this.phaseActivity = BASE_ACTIVITY.endLeave;
    this.update({
      encounter: { ...this.state.encounter, status: "in-progress", leave: { start, end: e.at } },
    });
    return this.send(this.phaseActivity, e, "revision");
  }

  discharge(e: Sent) {
    const activity =
      this.state.encounter.class === "IMP"
        ? "discharge-inpatient-home"
        : "discharge-emergency-home";
    this.update({
      encounter: { ...this.state.encounter, status: "finished", periodEnd: e.at, leave: null },
    });
    return this.send(activity, e, "revision");
  }

  die(e: Sent) {
    const onLeave = this.state.encounter.status === "onleave";
    this.update({
      patient: { ...this.state.patient, deceased: true },
      encounter: {
        ...this.state.encounter,
        status: "finished",
        periodStart: this.state.encounter.periodStart || e.at,
        periodEnd: e.at,
        leave: onLeave ? this.state.encounter.leave : null,
      },
    });
    return this.send(this.phaseActivity, e, "revision");
  }

  /** A correction (RE_*) of the latest message, with its event time moved to `at`. */
  revise(e: Sent) {
    const last = this.latest();
    const activity = last.activity.replace(/^(revise|cancel)-/, "");
    const encounter = { ...this.state.encounter };
    if (this.state.patient.deceased || activity.startsWith("discharge")) encounter.periodEnd = e.at;
    else if (activity.startsWith("admit")) encounter.periodStart = e.at;
    else if (activity === "start-leave-inpatient" && encounter.leave)
      encounter.leave = { ...encounter.leave, start: e.at };
    else if (activity === "end-leave-inpatient" && encounter.leave)
      encounter.leave = { ...encounter.leave, end: e.at };
    this.update({ encounter, reportOfAdmission: null });
    const code = this.state.patient.deceased ? activity : `revise-${activity}`;
    return this.send(code as ActivityCode, e, "revision");
  }

  /** A cancellation (AN_*) of the latest message, with the status the guide prescribes. */
  cancel(e: { sentAt: string }) {
    const last = this.latest();
    const base = last.activity.replace(/^(revise|cancel)-/, "");
    const statusAfter = {
      "admit-inpatient": "entered-in-error",
      "admit-emergency": "entered-in-error",
      "start-leave-inpatient": "in-progress",
      "end-leave-inpatient": "onleave",
      "discharge-inpatient-home": "in-progress",
      "discharge-emergency-home": "in-progress",
    } as const;
    if (this.state.patient.deceased) {
      const previousStatus =
        this.phaseActivity === "start-leave-inpatient" ? "onleave" : "in-progress";
      this.update({
        patient: { ...this.state.patient, deceased: false },
        encounter: { ...this.state.encounter, status: previousStatus, periodEnd: null },
        reportOfAdmission: null,
      });
      return this.send(this.phaseActivity, { at: e.sentAt, sentAt: e.sentAt }, "removal");
    }
    const status = statusAfter[base as keyof typeof statusAfter];
    const discharge = base.startsWith("discharge");
    this.update({
      encounter: {
        ...this.state.encounter,
        status,
        periodEnd: discharge ? null : this.state.encounter.periodEnd,
      },
      reportOfAdmission: null,
    });
    return this.send(
      `cancel-${base}` as ActivityCode,
      { at: e.sentAt, sentAt: e.sentAt },
      "removal",
    );
  }

  private latest(): ProvenanceEntry {
    const last = this.history.at(-1);
    if (!last) throw new Error("Nothing has been sent in this stay yet");
    return last;
  }

  private update(changes: Partial<Snapshot>) {
    this.state = { ...this.state, ...changes };
  }

  private send(
    activity: ActivityCode,
    e: Sent,
    role: "revision" | "removal" | null,
  ): HospitalNotification {
    const n = this.sent.length;
    const messageHeaderId = derivedUuid(this.p.seed, "MessageHeader", String(n));
    const previous = this.history.at(-1);
    const sentAt = e.sentAt ?? e.at;
    this.history.push({
      messageHeaderId,
      activity,
      occurredAt: sentAt,
      recordedAt: sentAt,
      entity: previous && role ? { role, messageHeaderId: previous.messageHeaderId } : null,
    });
    const message: HospitalNotification = {
      ...structuredClone(this.state),
      bundleId: derivedUuid(this.p.seed, "Bundle", String(n)),
      timestamp: sentAt,
      messageHeaderId,
      provenance: this.history.map((p) => ({ ...p })),
    };
    this.state.reportOfAdmission = null;
    this.sent.push(message);
    return message;
  }
}
