import type { TFunction } from "i18next";

/**
 * Who reads a course of care, for how it speaks: to the citizen as "du", to a
 * relative about the citizen by name (a relative reading "du" would think it
 * was about themself), to staff in the third person.
 */
export type Viewer = { as: "you" } | { as: "relative"; name: string } | { as: "staff" };

export function viewerOf(userKind: string | undefined, citizenName: string): Viewer {
  if (userKind === "citizen") return { as: "you" };
  if (userKind === "relative") return { as: "relative", name: citizenName };
  return { as: "staff" };
}

/**
 * A text that reads differently to the citizen and to a relative: their own
 * words under `words.viewer.you|relative.<path>`; the staff's text (`staffKey`)
 * for staff, and for a value the viewer's words do not have yet.
 */
export function viewerText(t: TFunction, viewer: Viewer, path: string, staffKey: string): string {
  const staff = t(staffKey as never) as string;
  if (viewer.as === "staff") return staff;
  const values = viewer.as === "relative" ? { name: viewer.name } : {};
  return t(`words.viewer.${viewer.as}.${path}` as never, {
    ...values,
    defaultValue: staff,
  }) as string;
}
