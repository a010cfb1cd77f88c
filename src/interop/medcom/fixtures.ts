import { NotificationFlow, type StayParticipants } from "./notification-flow.ts";

/**
 * Synthetic participants and one flow per MedCom use case, shared by the
 * interop, pathway and ingest tests. The SOR codes, GLNs and CPR numbers are
 * made up (the GLNs have valid check digits; the CPR numbers valid dates).
 */
export const SYNTHETIC_HOSPITAL_DEPARTMENT = {
  sor: "999999999000011",
  gln: "5799990000019",
  name: "Syntetisk Sygehus, Medicinsk afdeling",
};
export const SYNTHETIC_MUNICIPALITY_UNIT = {
  sor: "999999999000029",
  gln: "5799990000026",
  name: "Syntetisk Kommune, Visitation",
};

export function participants(
  seed: string,
  overrides: Partial<StayParticipants> = {},
): StayParticipants {
  return {
    seed,
    sender: SYNTHETIC_HOSPITAL_DEPARTMENT,
    receiver: SYNTHETIC_MUNICIPALITY_UNIT,
    patient: { cpr: "0101010000", family: "Testperson", given: ["Syntetisk"] },
    ...overrides,
  };
}

const t = (dayHour: string) => `2026-03-${dayHour}:00+01:00`;

/** Every use case of the guide as a flow; the last message of each has the named type. */
export const USE_CASES: Record<string, (f: NotificationFlow) => void> = {
  STIN: (f) => f.admit({ class: "inpatient", at: t("02T09:10") }),
  RE_STIN: (f) => {
    f.admit({ class: "inpatient", at: t("02T09:10") });
    f.revise({ at: t("02T08:55"), sentAt: t("02T10:00") });
  },
  AN_STIN: (f) => {
    f.admit({ class: "inpatient", at: t("02T09:10") });
    f.cancel({ sentAt: t("02T10:00") });
  },
  STAA: (f) => f.admit({ class: "acute-ambulant", at: t("02T09:10") }),
  RE_STAA: (f) => {
    f.admit({ class: "acute-ambulant", at: t("02T09:10") });
    f.revise({ at: t("02T09:05"), sentAt: t("02T09:30") });
  },
  AN_STAA: (f) => {
    f.admit({ class: "acute-ambulant", at: t("02T09:10") });
    f.cancel({ sentAt: t("02T09:30") });
  },
  STOR: (f) => {
    f.admit({ class: "inpatient", at: t("02T09:10") });
    f.startLeave({ at: t("04T14:00") });
  },
  RE_STOR: (f) => {
    USE_CASES.STOR?.(f);
    f.revise({ at: t("04T13:30"), sentAt: t("04T15:00") });
  },
  AN_STOR: (f) => {
    USE_CASES.STOR?.(f);
    f.cancel({ sentAt: t("04T15:00") });
  },
  SLOR: (f) => {
    USE_CASES.STOR?.(f);
    f.endLeave({ at: t("05T18:00") });
  },
  RE_SLOR: (f) => {
    USE_CASES.SLOR?.(f);
    f.revise({ at: t("05T17:45"), sentAt: t("05T19:00") });
  },
  AN_SLOR: (f) => {
    USE_CASES.SLOR?.(f);
    f.cancel({ sentAt: t("05T19:00") });
  },
  SLHJ: (f) => {
    USE_CASES.SLOR?.(f);
    f.discharge({ at: t("07T11:00") });
  },
  SLHJ_EMER: (f) => {
    f.admit({ class: "acute-ambulant", at: t("02T09:10") });
    f.discharge({ at: t("02T15:00") });
  },
  RE_SLHJ: (f) => {
    USE_CASES.SLHJ?.(f);
    f.revise({ at: t("07T12:00"), sentAt: t("07T13:00") });
  },
  AN_SLHJ: (f) => {
    USE_CASES.SLHJ?.(f);
    f.cancel({ sentAt: t("07T13:00") });
  },
  MORS: (f) => {
    f.admit({ class: "inpatient", at: t("02T09:10") });
    f.die({ at: t("06T03:20") });
  },
  MORS_ON_LEAVE: (f) => {
    USE_CASES.STOR?.(f);
    f.die({ at: t("04T20:00") });
  },
  MORS_ON_ARRIVAL: (f) => f.die({ at: t("02T09:10") }),
  RE_MORS: (f) => {
    USE_CASES.MORS?.(f);
    f.revise({ at: t("06T03:05"), sentAt: t("06T08:00") });
  },
  AN_MORS: (f) => {
    USE_CASES.MORS?.(f);
    f.cancel({ sentAt: t("06T08:00") });
  },
  STAA_THEN_STIN: (f) => {
    f.admit({ class: "acute-ambulant", at: t("02T09:10") });
    f.admit({ class: "inpatient", at: t("02T13:00"), reportRequested: false });
  },
};

export function flowFor(
  useCase: string,
  seed = useCase,
  overrides: Partial<StayParticipants> = {},
) {
  const flow = new NotificationFlow(participants(seed, overrides));
  const build = USE_CASES[useCase];
  if (!build) throw new Error(`No such use case: ${useCase}`);
  build(flow);
  return flow;
}
