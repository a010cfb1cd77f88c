import type { IndicatorService } from "../indicators/service.ts";
import type { Database } from "../platform/db/database.ts";
import { danishToday } from "../structure/service.ts";
import { mayReadInitiative } from "./initiative-model.ts";
import * as initiativeStore from "./initiative-store.ts";
import { type AgendaItem, packMonths, previousMeeting, publicAgenda } from "./meeting-model.ts";
import * as store from "./meeting-store.ts";
import { mayRead } from "./model.ts";
import * as agreementStore from "./store.ts";
import type { BodyRef } from "./views.ts";

/** How many of the body's indicators the pack shows. */
export const PACK_INDICATORS = 5;

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
    figures: PackFigure[];
  }[];
  indicatorsComputedAt: string | null;
  agreements: StatusLine[];
  initiatives: StatusLine[];
  unresolved: { count: number; groups: store.UnresolvedGroup[] | null };
  agenda: AgendaItem[];
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

/** The first key indicators that a body has figures for by residence, month by month. */
function keyIndicators(indicators: Pick<IndicatorService, "definitions">) {
  return indicators
    .definitions()
    .filter((d) => d.family === "population" && d.attributions.includes("residence"))
    .slice(0, PACK_INDICATORS);
}

async function figures(
  indicators: Pick<IndicatorService, "definitions" | "values">,
  bodyId: string,
  months: string[],
) {
  const first = months[0];
  const last = months.at(-1);
  const out: MeetingPack["indicators"] = [];
  let computedAt: Date | null = null;
  if (!first || !last) return { out, computedAt };
  for (const d of keyIndicators(indicators)) {
    const answer = await indicators.values({
      indicator: d.id,
      unit: "body",
      code: bodyId,
      period: "month",
      from: `${first}-01`,
      to: `${last}-01`,
      attribution: "residence",
    });
    computedAt = answer.computedAt;
    out.push({
      id: d.id,
      title: d.title,
      valueKind: d.valueKind,
      higherIsBetter: d.higherIsBetter,
      // The engine's suppression stands: a suppressed row carries no numbers.
      figures: answer.rows.map((r) => ({
        period: r.period,
        value: r.suppressed ? null : r.value,
        numerator: r.suppressed ? null : r.numerator,
        denominator: r.suppressed ? null : r.denominator,
        suppressed: r.suppressed,
      })),
    });
  }
  return { out, computedAt };
}

/**
 * The meeting's pack, generated from what the platform knows: the body's key
 * indicators for the months since the previous meeting, the status of its
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
    agenda: publicOnly ? publicAgenda(meeting.agenda) : meeting.agenda,
    attendees: publicOnly ? null : meeting.attendees,
    generatedAt: now.toISOString(),
  };
}
