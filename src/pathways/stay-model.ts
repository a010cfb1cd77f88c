/**
 * A hospital stay, folded from its notifications. Notifications can arrive late,
 * twice, or out of order (a discharge before its admission, a cancellation
 * before the message it cancels), so the fold works on the *set* of
 * notifications and orders them by event time, never by arrival. Any
 * permutation of the same set gives the same stay.
 */

/** Each has words in the web (`pathway.events.hospital.*`; test/i18n/audit-words.test.ts). */
export const NOTIFICATION_KINDS = [
  "admit-inpatient",
  "admit-acute-ambulant",
  "leave-start",
  "leave-end",
  "discharge",
  "death",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The key a stay is stored under: its episode-of-care identifier (forløbsid), system and value. */
export function episodeKey(id: { system: string; value: string }): string {
  return `${id.system}|${id.value.replace(/^urn:uuid:/i, "").toLowerCase()}`;
}

export type NotificationVariant = "new" | "revision" | "cancellation";

export type StayNotification = {
  /** The message's own id (MessageHeader/Bundle id): duplicates share it. */
  messageId: string;
  kind: NotificationKind;
  variant: NotificationVariant;
  /** When the event happened (admission, start of leave, discharge, death). */
  occurredAt: Date;
  /** When the hospital recorded the message; orders revisions of the same event. */
  recordedAt: Date;
  /** For revisions and cancellations: the message they correct, when the hospital names it. */
  refersToMessageId: string | null;
  /** The message this one follows in the stay, whatever the relation (MedCom's Provenance chain). */
  previousMessageId?: string | null;
  /** The stay's start as this message states it; every MedCom message carries it. */
  encounterStart?: Date;
  /** The department responsible according to this message. */
  departmentId?: string | null;
  encounterClass?: "inpatient" | "acute-ambulant";
};

export type StayStatus = "admitted" | "on-leave" | "discharged" | "deceased" | "cancelled";

export type Leave = { startedAt: Date; endedAt: Date | null };

export type StayState = {
  status: StayStatus;
  departmentId: string | null;
  encounterClass: "inpatient" | "acute-ambulant" | null;
  admittedAt: Date | null;
  dischargedAt: Date | null;
  diedAt: Date | null;
  leaves: Leave[];
  /** The notifications that count, in event order (after revisions and cancellations). */
  effective: StayNotification[];
};

const KIND_ORDER: Record<NotificationKind, number> = {
  "admit-inpatient": 0,
  "admit-acute-ambulant": 0,
  "leave-start": 1,
  "leave-end": 2,
  discharge: 3,
  death: 4,
};

function byEventTime(a: StayNotification, b: StayNotification): number {
  return (
    a.occurredAt.getTime() - b.occurredAt.getTime() ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.recordedAt.getTime() - b.recordedAt.getTime() ||
    a.messageId.localeCompare(b.messageId)
  );
}

function newestFirst(a: StayNotification, b: StayNotification): number {
  return b.recordedAt.getTime() - a.recordedAt.getTime() || b.messageId.localeCompare(a.messageId);
}

const isAdmission = (k: NotificationKind) =>
  k === "admit-inpatient" || k === "admit-acute-ambulant";

/** Follows refersTo links to the original message a correction belongs to. */
function rootOf(id: string, byId: Map<string, StayNotification>): string {
  const seen = new Set<string>();
  let current = id;
  for (;;) {
    const n = byId.get(current);
    if (!n?.refersToMessageId || seen.has(current)) return current;
    seen.add(current);
    current = n.refersToMessageId;
  }
}

/**
 * A death notification that follows another death notification corrects it
 * (MedCom's RE_MORS has no code of its own; it is a MORS after a MORS).
 */
function asDeathCorrection(
  n: StayNotification,
  byId: Map<string, StayNotification>,
): StayNotification | null {
  if (n.kind !== "death" || n.variant !== "new" || !n.previousMessageId) return null;
  const previous = byId.get(n.previousMessageId);
  if (previous?.kind !== "death" || previous.variant === "cancellation") return null;
  return { ...n, variant: "revision", refersToMessageId: previous.messageId };
}

/**
 * The notifications that count: each original event with its newest revision,
 * less whatever a cancellation withdrew. A correction whose target has not
 * arrived stands in for it; a cancellation that names no target withdraws
 * the newest event of its kind recorded before it.
 */
export function effectiveNotifications(all: StayNotification[]): StayNotification[] {
  const byId = new Map<string, StayNotification>();
  for (const n of [...all].sort(newestFirst)) if (!byId.has(n.messageId)) byId.set(n.messageId, n);
  for (const [id, n] of byId) {
    const corrected = asDeathCorrection(n, byId);
    if (corrected) byId.set(id, corrected);
  }
  const unique = [...byId.values()];
  const chains = new Map<string, StayNotification[]>();
  for (const n of unique) {
    const key =
      n.variant === "new" || n.refersToMessageId ? rootOf(n.messageId, byId) : n.messageId;
    chains.set(key, [...(chains.get(key) ?? []), n]);
  }
  const cancelledKinds: StayNotification[] = [];
  const effective: StayNotification[] = [];
  for (const chain of chains.values()) {
    const sorted = [...chain].sort(newestFirst);
    const cancellations = sorted.filter((n) => n.variant === "cancellation");
    if (cancellations.length > 0) {
      if (
        sorted.every((n) => n.variant === "cancellation") &&
        !cancellations[0]?.refersToMessageId
      ) {
        cancelledKinds.push(...cancellations);
      }
      continue;
    }
    const winner = sorted[0];
    if (winner) effective.push(winner);
  }
  // Untargeted cancellations withdraw the newest matching event recorded before them.
  const withdrawn = new Set<string>();
  for (const c of cancelledKinds.sort(newestFirst)) {
    const target = effective
      .filter(
        (n) =>
          !withdrawn.has(n.messageId) &&
          (n.kind === c.kind || (isAdmission(n.kind) && isAdmission(c.kind))) &&
          n.recordedAt <= c.recordedAt,
      )
      .sort(newestFirst)[0];
    if (target) withdrawn.add(target.messageId);
  }
  return effective.filter((n) => !withdrawn.has(n.messageId)).sort(byEventTime);
}

function closeOpenLeave(state: StayState, at: Date) {
  const open = state.leaves.findLast((l) => l.endedAt === null);
  if (open) open.endedAt = at;
}

/**
 * When the stay began: its first admission, or, before the admission message
 * has arrived, the start every later message repeats in its Encounter.
 */
function stayStart(all: StayNotification[], effective: StayNotification[]): Date | null {
  const admissions = effective.filter((n) => isAdmission(n.kind)).map((n) => n.occurredAt);
  const stated = effective.flatMap((n) => (n.encounterStart ? [n.encounterStart] : []));
  const candidates = admissions.length > 0 ? admissions : stated;
  if (candidates.length === 0) {
    const any = all.flatMap((n) => (n.encounterStart ? [n.encounterStart] : []));
    return any.length > 0 ? new Date(Math.min(...any.map((d) => d.getTime()))) : null;
  }
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

export function foldStay(all: StayNotification[]): StayState {
  const effective = effectiveNotifications(all);
  const admissionCancelled =
    all.some((n) => n.variant === "cancellation" && isAdmission(n.kind)) &&
    !effective.some((n) => isAdmission(n.kind));
  const state: StayState = {
    status: "admitted",
    departmentId: null,
    encounterClass: null,
    admittedAt: null,
    dischargedAt: null,
    diedAt: null,
    leaves: [],
    effective,
  };
  if (admissionCancelled) return { ...state, status: "cancelled", effective: [] };
  state.admittedAt = stayStart(all, effective);
  for (const n of effective) {
    if (n.departmentId) state.departmentId = n.departmentId;
    if (n.encounterClass && !isAdmission(n.kind)) state.encounterClass ??= n.encounterClass;
    // Death ends the stay; nothing recorded after it changes the state.
    if (state.status === "deceased") break;
    switch (n.kind) {
      case "admit-inpatient":
      case "admit-acute-ambulant":
        state.encounterClass = n.kind === "admit-inpatient" ? "inpatient" : "acute-ambulant";
        state.status = "admitted";
        break;
      case "leave-start":
        state.leaves.push({ startedAt: n.occurredAt, endedAt: null });
        state.status = "on-leave";
        break;
      case "leave-end": {
        const open = state.leaves.findLast((l) => l.endedAt === null);
        if (open) open.endedAt = n.occurredAt;
        else state.leaves.push({ startedAt: n.occurredAt, endedAt: n.occurredAt });
        state.status = "admitted";
        break;
      }
      case "discharge":
        state.dischargedAt = n.occurredAt;
        state.status = "discharged";
        closeOpenLeave(state, n.occurredAt);
        break;
      case "death":
        state.diedAt = n.occurredAt;
        state.status = "deceased";
        break;
    }
  }
  return state;
}
