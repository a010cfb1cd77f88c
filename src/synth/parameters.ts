/**
 * Every rate and distribution of the synthetic Denmark, in one place, each with
 * its source or its reasoning. Figures marked "calibrated" were tuned so that
 * a national run lands on the volumes in ../shared/reference/indicators.md
 * (about 750,000 somatic admissions and about 72,000 preventable admissions
 * among the elderly a year); the generator's summary checks them.
 */

/** An age band, in whole years: [from, to]. */
export type AgeBand = { from: number; to: number };

export const AGE_BANDS = {
  children: { from: 0, to: 17 },
  adults: { from: 18, to: 44 },
  middle: { from: 45, to: 64 },
  old: { from: 65, to: 79 },
  oldest: { from: 80, to: 104 },
} as const satisfies Record<string, AgeBand>;
export type AgeBandName = keyof typeof AGE_BANDS;

export const PARAMETERS = {
  /**
   * Share of the population in each five-year age group, 0–4 up to 100–104.
   * Rounded from Danmarks Statistik's population table FOLK1A, 1 January 2025
   * (5.99 million). 65+ sums to 21.2 %, "about a fifth" as the issue says; 80+
   * to 5.6 %.
   */
  ageGroupShares: [
    0.0499, 0.0528, 0.0567, 0.0567, 0.0636, 0.0695, 0.0626, 0.0587, 0.0597, 0.0626, 0.0685, 0.0665,
    0.0597, 0.0548, 0.0518, 0.0499, 0.0323, 0.0157, 0.0064, 0.0015, 0.0002,
  ],

  /** Share of women by age band; men die younger, so the oldest are mostly women (FOLK1A 2025). */
  femaleShare: { children: 0.487, adults: 0.494, middle: 0.498, old: 0.518, oldest: 0.6 },

  /**
   * Used where a municipality's population is missing in the reference file:
   * the median population of the other municipalities in the same region. The
   * summary names each municipality that used it.
   */
  missingPopulationFallback: "median of the region's other municipalities",

  /** Citizens per general practice: the 1,600–2,000 (PLO: about 1,650 per GP, practices of 1–3 GPs). */
  citizensPerPractice: { min: 1_600, max: 2_000 },

  /**
   * Share of citizens listed with a practice outside their own municipality.
   * Reasoning: the "a few percent"; commuters and citizens near a
   * border choose the nearest practice. Islands without a land border use the
   * nearest municipality by distance (ferry or bridge).
   */
  listedInNeighbourMunicipality: 0.035,

  /**
   * Somatic admissions per citizen per year, by age band (first admissions;
   * readmissions come on top). Calibrated: with the age structure above, the
   * readmissions, and the acute ambulant visits that never become admissions
   * taken off, a national year has about 750,000 admissions (KL,
   * "Somatisk hospitalsvæsen", 2022). The steep rise after 65 follows
   * Danmarks Statistik's SYGEHUSAKT tables.
   */
  admissionsPerYear: { children: 0.054, adults: 0.07, middle: 0.108, old: 0.238, oldest: 0.455 },

  /** Share of admissions that are acute (the rest planned). Danske Regioner: ~3,800 planned a week ≈ 200,000 a year. */
  acuteShare: { children: 0.8, adults: 0.66, middle: 0.62, old: 0.72, oldest: 0.86 },

  /** Share of acute admissions that first arrive acute ambulant (STAA). */
  acuteAmbulantFirst: 0.3,
  /**
   * Of those, the share that go home from the acute ambulant visit (SLHJ after
   * STAA, a few hours) instead of becoming an inpatient stay. Such visits are
   * not admissions (an admission lasts at least 12 hours) and are counted apart.
   */
  acuteAmbulantOnly: 0.35,

  /** Share of admissions at the home body's own acute hospital; the rest are treated elsewhere (Danske Regioner, "patientstrømme"). */
  ownBodyHospital: 0.78,

  /** Of those treated elsewhere: share at another hospital in the same region (the rest at a neighbouring region's). */
  elsewhereInRegion: 0.85,

  /**
   * Length of stay in days: log-normal with a median and shape per band.
   * Reasoning: Danish somatic mean length of stay ≈ 3.5–4 days (Danmarks
   * Statistik), right-skewed, longer for the oldest.
   */
  lengthOfStayDays: {
    children: { median: 1.2, sigma: 0.9 },
    adults: { median: 1.6, sigma: 0.95 },
    middle: { median: 2.2, sigma: 1.0 },
    old: { median: 3.2, sigma: 0.95 },
    oldest: { median: 4.0, sigma: 0.9 },
  },

  /** Stays at least this long can have a leave (orlov), e.g. a weekend at home. */
  leaveMinimumDays: 5,
  /** Share of such stays with a leave; leaves last 0.5–2 days. */
  leaveShare: 0.06,

  /** Share of stays ending in death in hospital, by band. Reasoning: about half of Danish deaths (≈ 57,000 a year) happen in hospital, concentrated among the oldest. */
  deathInHospital: { children: 0.0005, adults: 0.001, middle: 0.006, old: 0.022, oldest: 0.055 },

  /** Chance of an acute readmission within 30 days of discharge (Sundhedsdatastyrelsen: 11–22 % for 65+ by GP decile). */
  readmission30Days: { children: 0.04, adults: 0.05, middle: 0.07, old: 0.12, oldest: 0.16 },

  /**
   * Share of 65+ admissions whose primary diagnosis is in one of the nine
   * preventable groups. Calibrated: about 72,000 a year nationally (DI 2024)
   * out of roughly 390,000 admissions of citizens 65+.
   */
  preventableShareOf65Plus: 0.185,

  /** Share of 65+ stays that carry a "medically ready for discharge" time; the wait after it is exponential with this mean in days. */
  medicallyReady: { shareOf65Plus: 0.25, meanWaitDays: 1.2 },

  /** Share of citizens receiving municipal home care (personal care), by band. Reasoning: ≈ 10 % of 65+ and ≈ 30 % of 80+ (Danmarks Statistik, AED06). */
  homeCare: { children: 0, adults: 0.003, middle: 0.01, old: 0.06, oldest: 0.3 },

  /**
   * How fast receivers confirm handovers after a discharge, in the history
   * the generator writes (log-normal minutes), and the share never confirmed.
   * Reasoning: municipal visitation answers within the working day, GPs within
   * a day or two; a small share falls between two chairs, which is the
   * problem Tovholder exists to show. "Small" is a few per thousand: once the
   * whole escalation ladder has chased a handover it is unresolved, and a
   * year at 1.5–2 % left hundreds of them on one hospital's list (issue 21 §1;
   * measured with scripts/demo-worklist-counts.ts, src/handovers/README.md).
   */
  handoverConfirmation: {
    municipality: { medianMinutes: 100, sigma: 0.9, neverShare: 0.003 },
    generalPractice: { medianMinutes: 20 * 60, sigma: 0.7, neverShare: 0.004 },
  },

  /** Share of stays whose last message is corrected (RE_) or a message cancelled and resent, as hospital systems do. */
  correctionShare: 0.01,

  /**
   * The demo initiative's effect (demo-initiative-effect.ts): the relative risk
   * of an acute readmission within 30 days after a discharge that takes part
   * (a nurse's home visit within two days, the GP's call within a week).
   * Reasoning: randomised trials of such transitional care pool to a relative
   * risk of about 0.8 (Leppin et al., JAMA Intern Med 2014), and the
   * multi-component ones that reach the patient at home, as this one does,
   * come out better than the pool; 0.6 is at the favourable end of what they
   * report. It is chosen so the demo's quarter-scale cluster can show an effect
   * within four months, not as a claim about what home visits achieve.
   */
  initiativeReadmissionRelativeRisk: 0.6,
} as const;

/**
 * A realistic mix of primary diagnoses (ICD-10 chapters' common codes), and
 * the nine groups counted as preventable admissions among the elderly
 * (eSundhed, "Forebyggelige sygehusophold"). GAP (indicators.md): the exact
 * code lists are in eSundhed's method document; these representative codes
 * stand in until the indicator issue reads it.
 */
export const PREVENTABLE_DIAGNOSES = [
  { code: "E86", group: "dehydration", weight: 10 },
  { code: "K59.0", group: "constipation", weight: 5 },
  { code: "J18.9", group: "lower-respiratory", weight: 30 },
  { code: "J44.1", group: "lower-respiratory", weight: 10 },
  { code: "N39.0", group: "cystitis", weight: 20 },
  { code: "A09", group: "gastroenteritis", weight: 6 },
  { code: "S72.0", group: "fracture", weight: 12 },
  { code: "D50.9", group: "nutritional-anaemia", weight: 3 },
  { code: "Z74.1", group: "social-care", weight: 2 },
  { code: "L89.9", group: "pressure-ulcer", weight: 2 },
] as const;

export const OTHER_DIAGNOSES = [
  { code: "I21.9", weight: 6 },
  { code: "I50.9", weight: 7 },
  { code: "I48.9", weight: 6 },
  { code: "I63.9", weight: 5 },
  { code: "C34.9", weight: 3 },
  { code: "C18.9", weight: 3 },
  { code: "K80.2", weight: 4 },
  { code: "K35.8", weight: 4 },
  { code: "M16.9", weight: 5 },
  { code: "M17.9", weight: 5 },
  { code: "R07.4", weight: 8 },
  { code: "R10.4", weight: 8 },
  { code: "O80.9", weight: 6 },
  { code: "E11.9", weight: 3 },
  { code: "G40.9", weight: 2 },
  { code: "T81.4", weight: 2 },
  { code: "S06.0", weight: 3 },
  { code: "Z03.8", weight: 6 },
] as const;

export function bandOf(age: number): AgeBandName {
  if (age < 18) return "children";
  if (age < 45) return "adults";
  if (age < 65) return "middle";
  if (age < 80) return "old";
  return "oldest";
}
