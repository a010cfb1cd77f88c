import {
  BANDS,
  base,
  DST_HOSPITAL,
  ESUNDHED_READMISSIONS,
  type IndicatorSpec,
  join,
  listRecord,
  SDS_2020,
  STAY,
  SUNDHEDSAFTALER,
} from "./definitions.ts";
import {
  codeList,
  EXCLUSION_LIST,
  type IndicatorParameters,
  PREVENTABLE_LIST,
} from "./parameters.ts";

/** The indicators of the population's hospital use (1–4 of issue 20). */

const RESIDENTS = {
  da: "Borgere med bopæl i enheden, i live på periodens første dag.",
  en: "Residents of the unit alive on the period's first day.",
};
const RESIDENTS_65 = {
  da: "Borgere på 65 år og derover med bopæl i enheden, i live på periodens første dag.",
  en: "Residents aged 65 and over alive on the period's first day.",
};

function admissions(): IndicatorSpec {
  return {
    ...base("admissions", "population"),
    measure: { kind: "population-rate", ages: "all" },
    title: { da: "Indlæggelser pr. 1.000 borgere", en: "Admissions per 1,000 residents" },
    summary: join(
      {
        da: "Hvor mange indlæggelser der begynder i perioden, pr. 1.000 borgere.",
        en: "How many admissions begin in the period, per 1,000 residents.",
      },
      STAY,
    ),
    numerator: {
      da: "Indlæggelser, der begynder i perioden (alder på indlæggelsesdagen).",
      en: "Admissions that begin in the period (age on the day of admission).",
    },
    denominator: RESIDENTS,
    valueKind: "per-1000",
    higherIsBetter: false,
    ageBands: BANDS,
    definedBy: "national",
    nationalDifference: null,
    sources: [DST_HOSPITAL],
  };
}

function readmissions(parameters: IndicatorParameters): IndicatorSpec {
  const list = codeList(parameters, EXCLUSION_LIST);
  return {
    ...base("acute-readmission-30d", "population"),
    // An index admission ending on the month's last day has 30 days to be readmitted.
    settlesAfterDays: 30,
    measure: { kind: "share" },
    title: {
      da: "Akutte genindlæggelser inden for 30 dage",
      en: "Acute readmissions within 30 days",
    },
    summary: join(
      {
        da: "Andelen af indlæggelser, der efterfølges af en akut indlæggelse mere end 0 og højst 30 dage efter udskrivelsen. Vist rå og standardiseret for alder og køn (direkte metode, landets indeksindlæggelser samme år som standard).",
        en: "The share of admissions followed by an acute admission more than 0 and at most 30 days after discharge. Shown crude and standardised for age and sex (direct method, the country's index admissions of the same year as standard).",
      },
      STAY,
    ),
    numerator: {
      da: "Indeksindlæggelser efterfulgt af en akut genindlæggelse inden for 30 dage.",
      en: "Index admissions followed by an acute readmission within 30 days.",
    },
    denominator: {
      da: "Indeksindlæggelser: indlæggelser, der slutter i perioden med borgeren i live (alder på udskrivelsesdagen).",
      en: "Index admissions: admissions that end in the period with the citizen alive (age on the day of discharge).",
    },
    valueKind: "share",
    higherIsBetter: false,
    ageBands: [...BANDS, "65+"],
    standardised: true,
    definedBy: "tovholder",
    nationalDifference: {
      da: "De præcise regler for indeksindlæggelser og diagnoserne bag udeladelserne i det nationale mål er ikke fundet. Tovholder lader en genindlæggelse være indeks selv, udelader kræft som indeks og genindlæggelse og fødsel, ulykker, vold og selvmordsforsøg som genindlæggelse, efter diagnoselister, der ikke er verificeret. Hospiceophold kan ikke udelades: Tovholder modtager dem ikke.",
      en: "The exact index rules of the national goal and the codes behind its exclusions were not found. Tovholder lets a readmission be an index itself, excludes cancer as index and readmission, and childbirth, accidents, violence and suicide attempts as readmission, by diagnosis lists that are not verified. Hospice stays cannot be excluded: Tovholder does not receive them.",
    },
    exclusions: [
      ...list.groups.map((g) => ({
        id: g.key,
        label: g.label,
        applied: true,
        verified: list.verified,
      })),
      ...(list.notApplied ?? []).map((n) => ({
        id: n.key,
        label: n.label,
        applied: false,
        verified: false,
      })),
    ],
    codeLists: [listRecord(list)],
    sources: [ESUNDHED_READMISSIONS, SDS_2020],
  };
}

function preventable(parameters: IndicatorParameters): IndicatorSpec {
  const list = codeList(parameters, PREVENTABLE_LIST);
  return {
    ...base("preventable-admissions-65", "population"),
    measure: { kind: "population-rate", ages: "65+" },
    title: {
      da: "Forebyggelige indlæggelser blandt ældre",
      en: "Preventable admissions among the elderly",
    },
    summary: {
      da: "Akutte indlæggelser af borgere på 65 år og derover med en diagnose i en af de ni forebyggelige grupper, pr. 1.000 borgere på 65 år og derover.",
      en: "Acute admissions of residents aged 65 and over with a diagnosis in one of the nine preventable groups, per 1,000 residents aged 65 and over.",
    },
    numerator: {
      da: "Akutte indlæggelser med en forebyggelig diagnose (indlæggelsens første ophold), der begynder i perioden.",
      en: "Acute admissions with a preventable diagnosis (the admission's first stay) that begin in the period.",
    },
    denominator: RESIDENTS_65,
    valueKind: "per-1000",
    higherIsBetter: false,
    ageBands: ["65-79", "80+"],
    groups: list.groups.map((g) => ({ key: g.key, label: g.label })),
    definedBy: "tovholder",
    nationalDifference: {
      da: "De ni grupper er eSundheds, men deres ICD-10-koder står i et metodedokument, der ikke er fundet. Tovholders liste er de sandsynlige områder og er ikke verificeret.",
      en: "The nine groups are eSundhed's, but their ICD-10 codes are in a method document that was not found. Tovholder's list holds the likely areas and is not verified.",
    },
    codeLists: [listRecord(list)],
    sources: [
      {
        title: "eSundhed: Forebyggelige sygehusophold blandt hjemmehjælpsmodtagere",
        url: "https://www.esundhed.dk",
      },
    ],
  };
}

function medicallyReady(parameters: IndicatorParameters): IndicatorSpec {
  const r = parameters.dayRates;
  return {
    ...base("medically-ready-days", "population"),
    measure: { kind: "population-rate", ages: "65+" },
    title: {
      da: "Færdigbehandlingsdage pr. 1.000 borgere på 65+",
      en: "Days after medically ready per 1,000 residents aged 65+",
    },
    summary: {
      da: "Dage på sygehus efter at borgeren er færdigbehandlet, talt pr. påbegyndt døgn, pr. 1.000 borgere på 65 år og derover. Beløbet er, hvad kommunerne ville betale efter takster, der ikke er verificeret.",
      en: "Days in hospital after the citizen is medically ready, counted per started day, per 1,000 residents aged 65 and over. The amount is what the municipalities would pay at rates that are not verified.",
    },
    numerator: {
      da: "Påbegyndte døgn fra færdigbehandlet til udskrivelse for indlæggelser af borgere på 65+, der slutter i perioden.",
      en: "Started days from medically ready to discharge for admissions of residents aged 65+ that end in the period.",
    },
    denominator: RESIDENTS_65,
    valueKind: "per-1000",
    higherIsBetter: false,
    ageBands: ["65-79", "80+"],
    definedBy: "tovholder",
    nationalDifference: {
      da: "Den præcise regel for at tælle et døgn, de aktuelle takster og om betalingen fortsætter efter 1. januar 2027 er ikke fundet. Tovholder tæller påbegyndte døgn for borgere på 65+ og viser 2016-taksterne som ikke verificerede.",
      en: "The exact rule for counting a day, the current rates and whether payment continues after 1 January 2027 were not found. Tovholder counts started days for residents aged 65+ and shows the 2016 rates as unverified.",
    },
    dayRates: {
      regionalPerDay: r.regionalPerDay,
      statePerDayFirstTwo: r.statePerDayFirstTwo,
      statePerDayFromThird: r.statePerDayFromThird,
      priceLevel: r.priceLevel,
      verified: r.verified,
    },
    sources: [SUNDHEDSAFTALER, { title: r.source ?? "", url: null }],
  };
}

export function populationSpecs(parameters: IndicatorParameters): IndicatorSpec[] {
  return [
    admissions(),
    readmissions(parameters),
    preventable(parameters),
    medicallyReady(parameters),
  ];
}
