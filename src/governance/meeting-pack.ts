import type { IndicatorService } from "../indicators/service.ts";
import type { Database } from "../platform/db/database.ts";
import { danishToday } from "../structure/service.ts";
import { mayReadInitiative } from "./initiative-model.ts";
import * as initiativeStore from "./initiative-store.ts";
import { packMonths, previousMeeting, publicAgenda } from "./meeting-model.ts";
import * as store from "./meeting-store.ts";
import { type AgendaItemView, agendaWithTitles } from "./meeting-views.ts";
import { mayRead } from "./model.ts";
import * as agreementStore from "./store.ts";
import type { BodyRef } from "./views.ts";

export type PackFigure = {
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
};

export type MeetingPack = {
  meeting: { id: string; title: string; date: string; status: string; public: boolean };
  body: BodyRef;
  publicOnly: boolean;
  since: { meetingId: string; date: string } | null;
  months: string[];
  indicators: {
    id: string;
    title: { da: string; en: string };
    valueKind: string;
    higherIsBetter: boolean | null;
    /** The receiving sector the figures are for (the dashboard's: the indicator's first), if any. */
    sector: string | null;
    figures: PackFigure[];
  }[];
  indicatorsComputedAt: string | null;
  agreements: StatusLine[];
  initiatives: StatusLine[];
  unresolved: { count: number; groups: store.UnresolvedGroup[] | null };
  agenda: AgendaItemView[];
  attendees: { name: string; organisation: string }[] | null;
  generatedAt: string;
};

type StatusLine = {
  id: string;
  title: string;
  status: string;
  version: number;
  public: boolean;
  changedAt: string;
  start: string | null;
  end: string | null;
};

/**
 * Every figure the body's dashboard charts, month by month: each indicator by
 * residence, for the indicator's first receiving sector (as the dashboard's
 * trend cards). The requests are made at once: each waits mostly on the
 * database (or reads a table the dashboard already warmed), so they overlap.
 */
async function figures(
  indicators: Pick<IndicatorService, "definitions" | "values">,
  bodyId: string,
  months: string[],
) {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return { out: [] as MeetingPack["indicators"], computedAt: null };
  const answers = await Promise.all(
    indicators
      .definitions()
      .filter((d) => d.attributions.includes("residence"))
      .map(async (d) => ({
        d,
        answer: await indicators.values({
          indicator: d.id,
          unit: "body",
          code: bodyId,
          period: "month",
          from: `${first}-01`,
          to: `${last}-01`,
          attribution: "residence",
        }),
      })),
  );
  const out: MeetingPack["indicators"] = answers.map(({ d, answer }) => ({
    id: d.id,
    title: d.title,
    valueKind: d.valueKind,
    higherIsBetter: d.higherIsBetter,
    sector: d.sectors[0] ?? null,
    // The engine's suppression stands: a suppressed row carries no numbers.
    figures: answer.rows.map((r) => ({
      period: r.period,
      value: r.suppressed ? null : r.value,
      numerator: r.suppressed ? null : r.numerator,
      denominator: r.suppressed ? null : r.denominator,
      suppressed: r.suppressed,
    })),
  }));
  const computedAt = answers.at(-1)?.answer.computedAt ?? null;
  return { out, computedAt };
}

/**
 * The meeting's pack, generated from what the platform knows: every figure of
 * the body's dashboard for the months since the previous meeting, the status of its
 * agreements and initiatives, its unresolved handovers (receiver and hospital,
 * never a citizen), the agenda. A public pack (`publicOnly`) leaves out the
 * items, agreements and initiatives that are not public and every case detail.
 */
export async function assemblePack(
  deps: {
    db: Database;
    indicators: Pick<IndicatorService, "definitions" | "values">;
    clock: () => Date;
  },
  at: { meeting: store.MeetingRow; body: BodyRef; predecessors: string[] },
  publicOnly: boolean,
): Promise<MeetingPack> {
  const { db, indicators, clock } = deps;
  const { meeting, body } = at;
  const bodies = [meeting.bodyId, ...at.predecessors];
  const all = await store.meetingsOf(db, [meeting.bodyId]);
  const previous = previousMeeting(all, meeting);
  const months = packMonths(meeting.date, previous?.date ?? null);
  const { out, computedAt } = await figures(indicators, meeting.bodyId, months);
  const agreements = (await agreementStore.currentOfBodies(db, bodies))
    .filter((a) => !publicOnly || mayRead(a, null))
    .map((a) => ({
      id: a.agreementId,
      title: a.title,
      status: a.status,
      version: a.version,
      public: a.public,
      changedAt: a.at.toISOString(),
      start: a.commitments.map((c) => c.from).sort()[0] ?? null,
      end: null,
    }));
  const initiatives = (await initiativeStore.currentInitiatives(db, bodies))
    .filter((i) => mayReadInitiative(i, !publicOnly))
    .map((i) => ({
      id: i.initiativeId,
      title: i.title,
      status: i.status,
      version: i.version,
      public: i.public,
      changedAt: i.at.toISOString(),
      start: i.content.start,
      end: i.content.end,
    }));
  const titles = new Map([
    ...agreements.map((a) => [`agreement:${a.id}`, a.title] as const),
    ...initiatives.map((i) => [`initiative:${i.id}`, i.title] as const),
  ]);
  const now = clock();
  const groups = await store.unresolvedOfBody(db, meeting.bodyId, now, danishToday(now));
  const count = groups.reduce((n, g) => n + g.count, 0);
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      date: meeting.date,
      status: meeting.status,
      public: meeting.public,
    },
    body,
    publicOnly,
    since: previous ? { meetingId: previous.id, date: previous.date } : null,
    months,
    indicators: out,
    indicatorsComputedAt: computedAt ? computedAt.toISOString() : null,
    agreements,
    initiatives,
    unresolved: { count, groups: publicOnly ? null : groups },
    // An item names its subject's title where the pack lists the subject (so the reader may see it).
    agenda: agendaWithTitles(publicOnly ? publicAgenda(meeting.agenda) : meeting.agenda, titles),
    attendees: publicOnly ? null : meeting.attendees,
    generatedAt: now.toISOString(),
  };
}
