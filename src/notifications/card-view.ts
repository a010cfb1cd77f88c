import type * as cardStore from "./card-store.ts";
import { type DeliveryMode, DIGEST_TIME, nextDigestAt } from "./cards.ts";
import {
  FOLLOW_UP_KINDS,
  type FollowUpKind,
  type FollowUpPayload,
  followUpLink,
} from "./follow-up-payload.ts";
import {
  handoverLink,
  type InAppKind,
  type NotificationKind,
  type NotificationPayload,
  RULES_TO_CONFIRM,
  type RulesToConfirmPayload,
} from "./model.ts";

/**
 * What the notifications API answers, from what the card store read: a card
 * (its latest notification, its history, the handover's parties and the
 * citizen's name where the relation rules allowed it), a digest of cards,
 * a person's choice.
 */

export function cardView(
  r: cardStore.CardRow,
  facts: cardStore.HandoverFacts | null,
  item: cardStore.FollowUpFacts | null,
  names: Map<string, string | null>,
) {
  const latest = notificationView({
    id: r.latestId,
    kind: r.kind,
    handoverId: r.handoverId,
    payload: r.payload,
    createdAt: r.latestAt,
    readAt: r.unread ? null : (r.readAt ?? r.latestAt),
  });
  const citizenId = facts?.citizenId ?? item?.citizenId;
  return {
    ...latest,
    count: r.count,
    history: r.history.map(historyView),
    citizenName: citizenId ? (names.get(citizenId) ?? null) : null,
    receiverName: facts?.receiverName ?? null,
    dischargingName: facts?.dischargingName ?? item?.departmentName ?? null,
    hospitalName: facts?.hospitalName ?? item?.hospitalName ?? null,
    bodyKind: facts?.bodyKind ?? null,
    followUp: followUpView(latest, item),
    link: r.handoverId
      ? handoverLink(r.handoverId)
      : r.followUpId
        ? followUpLink(r.followUpId)
        : latest.body
          ? rulesLink(latest.body.id)
          : null,
  };
}

/** One event folded into a card; a follow-up's resolution or closing reason is its `reason` code. */
function historyView(h: cardStore.CardRow["history"][number]) {
  const e = (h.handover ?? {}) as Partial<NotificationPayload["handover"]>;
  const f = (h.followUp ?? {}) as Partial<FollowUpPayload["followUp"]>;
  return {
    id: h.id,
    kind: h.kind as InAppKind,
    step: e.step ?? null,
    target: e.target ?? null,
    reason: e.reason ?? f.resolution ?? f.closedReason ?? null,
    createdAt: new Date(h.createdAt).toISOString(),
  };
}

/**
 * A follow-up card's item: its state as the latest event told it, and who
 * resolved it, for whom, naming whom (read from the item: the people who
 * opened it can see who resolved it).
 */
function followUpView(
  latest: ReturnType<typeof notificationView>,
  item: cardStore.FollowUpFacts | null,
) {
  if (latest.followUp === null) return null;
  const told = latest.followUp;
  const resolved = told.status === "resolved";
  return {
    id: told.id,
    status: told.status,
    dischargedAt: told.dischargedAt,
    resolution: told.resolution ?? null,
    closedReason: told.closedReason ?? null,
    followUpName: resolved ? (item?.followUpName ?? null) : null,
    resolvedByName: resolved ? (item?.resolvedByName ?? null) : null,
    resolvedByOrganisationName: resolved ? (item?.resolvedByOrganisationName ?? null) : null,
    resolvedAt: resolved ? (item?.resolvedAt?.toISOString() ?? null) : null,
  };
}

export type CardView = ReturnType<typeof cardView>;

/** The digests made in the feed's time, newest first, each with its cards (empty ones left out). */
export function digestsOf(bounds: Date[], rows: cardStore.CardRow[], cards: CardView[]) {
  const digests = [];
  for (let b = bounds.length - 1; b >= 1; b--) {
    const inIt = rows.flatMap((r, i) =>
      r.bucket === b ? [{ r, card: cards[i] as CardView }] : [],
    );
    const first = inIt[0];
    if (!first) continue;
    const from = bounds[b - 1] as Date;
    const to = bounds[b] as Date;
    const unread = inIt.some((x) => x.card.readAt === null);
    digests.push({
      id: `digest-${to.toISOString()}`,
      from: from.toISOString(),
      to: to.toISOString(),
      cardCount: first.r.cardsInBucket,
      unread,
      cards: inIt.map((x) => x.card),
    });
  }
  return digests;
}

export function preferencesView(delivery: DeliveryMode, now: Date) {
  return { delivery, digestTime: DIGEST_TIME, nextDigestAt: nextDigestAt(now).toISOString() };
}

function rulesLink(bodyId: string): string {
  return `/klynge/overdragelsesregler?klynge=${encodeURIComponent(bodyId)}`;
}

function notificationView(r: {
  id: string;
  kind: string;
  handoverId: string | null;
  payload: unknown;
  createdAt: Date;
  readAt: Date | null;
}) {
  const when = { createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null };
  const none = {
    handoverId: null,
    sector: null,
    status: null,
    deadlineAt: null,
    step: null,
    target: null,
    reason: null,
    body: null,
    rules: null,
    followUpId: null,
    followUp: null,
  };
  if ((FOLLOW_UP_KINDS as readonly string[]).includes(r.kind)) {
    const p = (r.payload as FollowUpPayload).followUp;
    return {
      ...none,
      id: r.id,
      kind: r.kind as FollowUpKind,
      followUpId: p.id,
      followUp: p,
      ...when,
    };
  }
  if (r.kind === RULES_TO_CONFIRM) {
    const p = r.payload as RulesToConfirmPayload;
    return { ...none, id: r.id, kind: RULES_TO_CONFIRM, body: p.body, rules: p.rules, ...when };
  }
  const h = (r.payload as NotificationPayload).handover;
  return {
    ...none,
    id: r.id,
    kind: r.kind as NotificationKind,
    handoverId: h.id,
    sector: h.sector,
    status: h.status,
    deadlineAt: h.deadlineAt,
    step: h.step ?? null,
    target: h.target ?? null,
    reason: h.reason ?? null,
    ...when,
  };
}
