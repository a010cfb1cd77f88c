import { base, type IndicatorSpec, LOOP_SECTORS, type Text, TOVHOLDER } from "./definitions.ts";

/**
 * Tovholder's own loop (5 and 6 of issue 20): no national definition exists,
 * so each is "Tovholders definition". A handover belongs to the month of its
 * discharge; one closed by a death or a cancelled stay is left out.
 */

const NO_NATIONAL: Text = {
  da: "Der findes ingen national definition: tallet kommer fra Tovholders egne overdragelser.",
  en: "There is no national definition: the figure comes from Tovholder's own handovers.",
};

const HANDOVERS: Text = {
  da: "Overdragelser til sektoren fra udskrivelser i perioden, hvis frist er nået eller som er bekræftet.",
  en: "Handovers to the sector from discharges in the period whose deadline has come or which are confirmed.",
};

const DECLINE_REASONS: { key: string; label: Text }[] = [
  { key: "not-our-citizen", label: { da: "Ikke vores borger", en: "Not our citizen" } },
  { key: "citizen-moved", label: { da: "Borgeren er flyttet", en: "The citizen has moved" } },
  {
    key: "needs-different-service",
    label: { da: "Har brug for en anden ydelse", en: "Needs a different service" },
  },
  { key: "other", label: { da: "Andet", en: "Other" } },
  { key: "unspecified", label: { da: "Ingen årsag angivet", en: "No reason given" } },
];

/**
 * How long after a month's end its loop figures are final (loop-store.ts
 * leaves a handover out until its deadline, 24 hours or 30 days have passed).
 * A GP's deadline is 2 working days, which over Easter (Maundy Thursday to
 * Easter Monday) spans 7 calendar days; becoming unresolved takes the ladder's
 * 20 hours more. A late confirmation still moves the confirmation times until
 * the buckets' fortnight has passed.
 */
const DEADLINE_DAYS = 7;
const UNRESOLVED_DAYS = 8;
const FORTNIGHT_DAYS = 14;

function loop(id: string, cells = id) {
  return {
    ...base(id, "loop"),
    cells,
    sectors: LOOP_SECTORS,
    definedBy: "tovholder" as const,
    nationalDifference: NO_NATIONAL,
    sources: [TOVHOLDER],
  };
}

function duration(id: string, quantile: number, title: Text, summary: Text): IndicatorSpec {
  return {
    ...loop(id, "loop-confirmation-time"),
    measure: { kind: "duration", quantile },
    settlesAfterDays: FORTNIGHT_DAYS,
    title,
    summary,
    numerator: {
      da: "Timer fra udskrivelse til bekræftelse (præcist til 5 minutter det første døgn, derefter til en time).",
      en: "Hours from discharge to confirmation (exact to 5 minutes in the first day, to the hour after).",
    },
    denominator: {
      da: "Bekræftede overdragelser fra udskrivelser i perioden.",
      en: "Confirmed handovers from discharges in the period.",
    },
    valueKind: "hours",
    higherIsBetter: false,
  };
}

export function loopSpecs(): IndicatorSpec[] {
  return [
    {
      ...loop("loop-confirmed-by-deadline"),
      settlesAfterDays: DEADLINE_DAYS,
      measure: { kind: "share" },
      title: {
        da: "Overdragelser bekræftet inden fristen",
        en: "Handovers confirmed by the deadline",
      },
      summary: {
        da: "Andelen af overdragelser, som modtageren bekræftede inden fristen.",
        en: "The share of handovers the receiver confirmed by the deadline.",
      },
      numerator: {
        da: "Bekræftet senest ved fristen.",
        en: "Confirmed at or before the deadline.",
      },
      denominator: HANDOVERS,
      valueKind: "share",
      higherIsBetter: true,
    },
    duration(
      "loop-confirmation-median-hours",
      0.5,
      { da: "Tid til bekræftelse (median)", en: "Time to confirmation (median)" },
      {
        da: "Den mediane tid fra udskrivelse til modtagerens bekræftelse.",
        en: "The median time from discharge to the receiver's confirmation.",
      },
    ),
    duration(
      "loop-confirmation-p90-hours",
      0.9,
      { da: "Tid til bekræftelse (90. percentil)", en: "Time to confirmation (90th percentile)" },
      {
        da: "Den tid, 9 ud af 10 bekræftelser kom inden for.",
        en: "The time within which 9 of 10 confirmations came.",
      },
    ),
    {
      ...loop("loop-unconfirmed-24h"),
      settlesAfterDays: 1,
      measure: { kind: "count-rate" },
      title: {
        da: "Ubekræftede overdragelser efter 24 timer",
        en: "Handovers unconfirmed after 24 hours",
      },
      summary: {
        da: "Overdragelser, der ikke var bekræftet 24 timer efter udskrivelsen, pr. 1.000 udskrivelser.",
        en: "Handovers not confirmed 24 hours after discharge, per 1,000 discharges.",
      },
      numerator: {
        da: "Overdragelser til sektoren uden bekræftelse 24 timer efter udskrivelsen.",
        en: "Handovers to the sector without confirmation 24 hours after discharge.",
      },
      denominator: {
        da: "Udskrivelser med overdragelser, mindst 24 timer siden.",
        en: "Discharges with handovers, at least 24 hours ago.",
      },
      valueKind: "per-1000",
      higherIsBetter: false,
    },
    {
      ...loop("loop-unresolved"),
      settlesAfterDays: UNRESOLVED_DAYS,
      measure: { kind: "count-rate" },
      title: { da: "Uafklarede overdragelser", en: "Unresolved handovers" },
      summary: {
        da: "Overdragelser, som hele eskaleringsstigen har rykket for uden svar, pr. 1.000 overdragelser. En sag tæller, også hvis den senere blev bekræftet.",
        en: "Handovers the whole escalation ladder chased without an answer, per 1,000 handovers. A case counts even when it was confirmed later.",
      },
      numerator: {
        da: "Overdragelser, der blev uafklarede (stigens sidste trin var gået uden bekræftelse).",
        en: "Handovers that became unresolved (the ladder's last step passed without a confirmation).",
      },
      denominator: {
        da: "Overdragelser til sektoren fra udskrivelser i perioden.",
        en: "Handovers to the sector from discharges in the period.",
      },
      valueKind: "per-1000",
      higherIsBetter: false,
    },
    {
      ...loop("loop-declines"),
      // A receiver declines instead of confirming, so by the deadline.
      settlesAfterDays: DEADLINE_DAYS,
      measure: { kind: "count-rate" },
      title: { da: "Afviste overdragelser", en: "Declined handovers" },
      summary: {
        da: "Afvisninger pr. 1.000 overdragelser, også efter årsag.",
        en: "Declines per 1,000 handovers, also by reason.",
      },
      numerator: { da: "Afvisninger (efter årsag).", en: "Declines (by reason)." },
      denominator: {
        da: "Overdragelser til sektoren fra udskrivelser i perioden.",
        en: "Handovers to the sector from discharges in the period.",
      },
      valueKind: "per-1000",
      higherIsBetter: false,
      groups: DECLINE_REASONS,
    },
    {
      ...loop("loop-readmission-by-confirmation"),
      settlesAfterDays: 30,
      measure: { kind: "share" },
      sectors: ["municipality"],
      title: {
        da: "Genindlæggelse efter om kommunen bekræftede i tide",
        en: "Readmission by whether the municipality confirmed in time",
      },
      summary: {
        da: "Andelen af udskrevne borgere, der blev akut genindlagt inden for 30 dage, delt efter om den kommunale overdragelse var bekræftet inden fristen.",
        en: "The share of discharged citizens acutely readmitted within 30 days, split by whether the municipal handover was confirmed by its deadline.",
      },
      numerator: {
        da: "Akut indlæggelse, der begynder mere end 0 og højst 30 dage efter udskrivelsen.",
        en: "An acute admission starting more than 0 and at most 30 days after discharge.",
      },
      denominator: {
        da: "Kommunale overdragelser fra udskrivelser for mindst 30 dage siden.",
        en: "Municipal handovers from discharges at least 30 days ago.",
      },
      valueKind: "share",
      higherIsBetter: false,
      groups: [
        {
          key: "confirmed-by-deadline",
          label: { da: "Bekræftet inden fristen", en: "Confirmed by the deadline" },
        },
        {
          key: "not-confirmed-by-deadline",
          label: { da: "Ikke bekræftet inden fristen", en: "Not confirmed by the deadline" },
        },
      ],
    },
    {
      ...loop("no-listed-gp"),
      sectors: [],
      measure: { kind: "count-rate" },
      title: {
        da: "Udskrevne uden praktiserende læge",
        en: "Discharged citizens without a listed GP",
      },
      summary: {
        da: "Udskrivelser, hvor ingen praktiserende læge blev bedt om at følge op, pr. 1.000 udskrivelser.",
        en: "Discharges where no GP was asked to follow up, per 1,000 discharges.",
      },
      numerator: {
        da: "Udskrivelser uden overdragelse til en praktiserende læge.",
        en: "Discharges without a handover to a GP.",
      },
      denominator: { da: "Udskrivelser med overdragelser.", en: "Discharges with handovers." },
      valueKind: "per-1000",
      higherIsBetter: false,
    },
  ];
}
