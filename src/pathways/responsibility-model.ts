import { currentStay, type StaySummary, stayOrganisationName } from "./model.ts";

/**
 * Who is responsible for a citizen now, as a pure rule: the hospital during a
 * stay and after a discharge until the receivers confirm, the GP and the
 * municipality without a stay, nobody after death.
 */

type Party = {
  kind: "hospital" | "municipality" | "general-practice";
  organisationId: string | null;
  name: string;
};

/** A discharge's handover as the pathway sees it (owned by the handovers capability). */
export type HandoverView = {
  stayId: string;
  sector: "municipality" | "general-practice";
  status: "open" | "confirmed" | "declined" | "closed";
  receiverOrganisationId: string;
  receiverName: string;
  /** The body it belongs to: the one holding the receiver's municipality on the discharge's date. */
  bodyId: string | null;
  dischargedAt: Date;
  deadlineAt: Date;
  /** When it was confirmed (or declined, or closed). */
  decidedAt: Date | null;
};

/**
 * A discharge without a listed GP: who follows up medically (owned by the
 * follow-ups capability). `resolution` names an outpatient clinic, a
 * practice, or that none is needed; null while nobody has decided.
 */
export type FollowUpView = {
  stayId: string;
  status: "open" | "resolved" | "closed";
  resolution: "outpatient-clinic" | "practice" | "not-needed" | null;
  followUpOrganisationId: string | null;
  followUpName: string | null;
  reason: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
};

/**
 * The medical follow-up after a discharge where no GP was asked: nobody has
 * decided yet (the discharging department holds it), someone was named, or
 * it was recorded as not needed. Null where a GP was asked (a handover).
 */
export type MedicalFollowUp =
  | { state: "undecided"; since: Date }
  | {
      state: "named";
      kind: "hospital" | "general-practice";
      organisationId: string;
      name: string;
      at: Date;
    }
  | { state: "not-needed"; reason: string; at: Date };

export type Responsibility = {
  /** Who holds responsibility now; empty only when the citizen has died. */
  responsible: (Party & { for: "treatment" | "care" | "medical-follow-up" })[];
  /** After a discharge: those who must confirm before responsibility moves (the handover issue). */
  awaitingConfirmationFrom: Party[];
  since: Date | null;
  reason:
    | "in-hospital"
    | "discharged-awaiting-handover"
    | "handed-over"
    /** Discharged, no listed GP: the hospital holds it until the municipality confirms and a follow-up is decided. */
    | "discharged-no-gp"
    /** The municipality confirmed and the medical follow-up is decided; no GP was asked. */
    | "handed-over-no-gp"
    | "deceased"
    | "no-hospital-stay";
  /** After a discharge where no GP was asked; null otherwise (see `MedicalFollowUp`). */
  medicalFollowUp: MedicalFollowUp | null;
};

/**
 * After a discharge, responsibility moves sector by sector, and only when the
 * receiver confirms: the municipality for care, the GP for medical follow-up.
 * Until both have, the discharging hospital stays responsible. A stay from
 * before handovers existed has none: both are awaited.
 *
 * Where no GP was asked (no handover to a practice: the citizen has no listed
 * GP), nobody is said to have confirmed for the GP. The medical follow-up is
 * the follow-up item's (issue 21, part 5): until someone is named or it is
 * recorded as not needed, the discharging department holds it.
 */
function afterDischarge(
  stay: StaySummary,
  hospital: Party & { for: "treatment" },
  primary: Party[],
  handovers: HandoverView[],
  followUps: FollowUpView[],
): Responsibility {
  const own = handovers.filter((h) => h.stayId === stay.id && h.status !== "closed");
  const confirmed = own.filter((h) => h.status === "confirmed");
  const taken: Responsibility["responsible"] = confirmed.map((h) => ({
    kind: h.sector,
    organisationId: h.receiverOrganisationId,
    name: h.receiverName,
    for: h.sector === "municipality" ? "care" : "medical-follow-up",
  }));
  const awaiting =
    own.length === 0
      ? primary
      : own
          .filter((h) => h.status !== "confirmed")
          .map((h) => ({
            kind: h.sector,
            organisationId: h.receiverOrganisationId,
            name: h.receiverName,
          }));
  const lastConfirmation = confirmed.reduce<Date | null>(
    (latest, h) => (h.decidedAt && (!latest || h.decidedAt > latest) ? h.decidedAt : latest),
    null,
  );
  const gpAsked = own.length === 0 || own.some((h) => h.sector === "general-practice");
  if (!gpAsked)
    return withoutGp(
      stay,
      hospital,
      taken,
      awaiting,
      lastConfirmation,
      followUpOf(stay, followUps),
    );
  if (awaiting.length === 0)
    return {
      responsible: taken,
      awaitingConfirmationFrom: [],
      since: lastConfirmation,
      reason: "handed-over",
      medicalFollowUp: null,
    };
  return {
    responsible: [hospital, ...taken],
    awaitingConfirmationFrom: awaiting,
    since: stay.dischargedAt ?? stay.admittedAt,
    reason: "discharged-awaiting-handover",
    medicalFollowUp: null,
  };
}

/** The stay's latest follow-up item that is not closed, as "who is responsible now" tells it. */
export function followUpOf(stay: StaySummary, items: FollowUpView[]): MedicalFollowUp {
  const item = items
    .filter((f) => f.stayId === stay.id && f.status !== "closed")
    .reduce<FollowUpView | null>((a, f) => (!a || f.createdAt > a.createdAt ? f : a), null);
  const since = stay.dischargedAt ?? stay.admittedAt;
  if (item?.status !== "resolved" || !item.resolution || !item.resolvedAt)
    return { state: "undecided", since: item?.createdAt ?? since };
  if (item.resolution === "not-needed")
    return { state: "not-needed", reason: item.reason ?? "", at: item.resolvedAt };
  return {
    state: "named",
    kind: item.resolution === "practice" ? "general-practice" : "hospital",
    organisationId: item.followUpOrganisationId ?? "",
    name: item.followUpName ?? "",
    at: item.resolvedAt,
  };
}

function withoutGp(
  stay: StaySummary,
  hospital: Party & { for: "treatment" },
  taken: Responsibility["responsible"],
  awaiting: Party[],
  lastConfirmation: Date | null,
  followUp: MedicalFollowUp,
): Responsibility {
  const medical: Responsibility["responsible"] =
    followUp.state === "named"
      ? [
          {
            kind: followUp.kind,
            organisationId: followUp.organisationId,
            name: followUp.name,
            for: "medical-follow-up",
          },
        ]
      : followUp.state === "undecided"
        ? [{ ...hospital, for: "medical-follow-up" }]
        : [];
  const decided = followUp.state !== "undecided";
  if (awaiting.length === 0 && decided) {
    const at = followUp.at;
    return {
      responsible: [...taken, ...medical],
      awaitingConfirmationFrom: [],
      since: lastConfirmation && lastConfirmation > at ? lastConfirmation : at,
      reason: "handed-over-no-gp",
      medicalFollowUp: followUp,
    };
  }
  // The ward holds the treatment's loose ends until the municipality confirms; said once.
  const holding = awaiting.length > 0 ? [hospital] : [];
  const medicalShown = awaiting.length > 0 && followUp.state === "undecided" ? [] : medical;
  return {
    responsible: [...holding, ...taken, ...medicalShown],
    awaitingConfirmationFrom: awaiting,
    since: stay.dischargedAt ?? stay.admittedAt,
    reason: "discharged-no-gp",
    medicalFollowUp: followUp,
  };
}

export function responsibleNow(
  stays: StaySummary[],
  home: Party | null,
  practice: Party | null,
  handovers: HandoverView[] = [],
  followUps: FollowUpView[] = [],
): Responsibility {
  const stay = currentStay(stays);
  const primary = [home, practice].filter((p): p is Party => p !== null);
  const dead = stays.find((s) => s.status === "deceased");
  if (dead)
    return {
      responsible: [],
      awaitingConfirmationFrom: [],
      since: dead.diedAt,
      reason: "deceased",
      medicalFollowUp: null,
    };
  if (!stay) {
    return {
      responsible: primary.map((p) => ({
        ...p,
        for: p.kind === "municipality" ? "care" : "medical-follow-up",
      })),
      awaitingConfirmationFrom: [],
      since: null,
      reason: "no-hospital-stay",
      medicalFollowUp: null,
    };
  }
  const hospital: Party & { for: "treatment" } = {
    kind: "hospital",
    organisationId: stay.departmentOrganisationId,
    name: stayOrganisationName(stay),
    for: "treatment",
  };
  if (stay.status === "discharged")
    return afterDischarge(stay, hospital, primary, handovers, followUps);
  return {
    responsible: [hospital],
    awaitingConfirmationFrom: [],
    since: stay.admittedAt,
    reason: "in-hospital",
    medicalFollowUp: null,
  };
}
