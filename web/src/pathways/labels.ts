import type { TFunction } from "i18next";

/** Labels for pathway events from the server; an unknown kind is shown as it is. */
const EVENT_KEYS = {
  "hospital.admit-inpatient": "pathway.events.hospital.admit-inpatient",
  "hospital.admit-acute-ambulant": "pathway.events.hospital.admit-acute-ambulant",
  "hospital.leave-start": "pathway.events.hospital.leave-start",
  "hospital.leave-end": "pathway.events.hospital.leave-end",
  "hospital.discharge": "pathway.events.hospital.discharge",
  "hospital.death": "pathway.events.hospital.death",
  "hospital.cancelled": "pathway.events.hospital.cancelled",
} as const;

export function eventLabel(t: TFunction, kind: string): string {
  return kind in EVENT_KEYS ? t(EVENT_KEYS[kind as keyof typeof EVENT_KEYS]) : kind;
}
