import type { Actor, Role } from "./model.ts";

/**
 * Who may discharge a citizen from the hospital view and write the ward's
 * note to the receivers (issue 21, part 3), as a pure rule. The discharge is
 * the ward's work: its clinicians, and its discharge coordinator (role
 * `coordinator` at the hospital or one of its departments), who in most
 * wards is the one who arranges it. Leadership, committee and administrator
 * roles give no care of individual citizens; another hospital's staff, a
 * municipality or a practice never discharge a stay that is not theirs.
 */
export const DISCHARGE_ROLES: readonly Role[] = ["clinician", "coordinator"];

/** Why someone may not discharge, as an id the web says in its user's language. */
export const DISCHARGE_REFUSALS = [
  /** A citizen, a relative or an integration token: discharge is staff's work. */
  "notStaff",
  /** Staff in a role that does not discharge (body lead, committee member, administrator). */
  "role",
  /** Staff of a municipality, a practice or a body: not a hospital. */
  "notHospital",
  /** Staff of another hospital than the stay's. */
  "otherHospital",
  /** The stay is not (any longer) admitted or on leave. */
  "notAdmitted",
] as const;
export type DischargeRefusal = (typeof DISCHARGE_REFUSALS)[number];

export type DischargeStay = {
  hospitalId: string;
  status: "admitted" | "on-leave" | "discharged" | "deceased" | "cancelled";
};

/** Whose ward's note it is: the same people as may discharge, the stay's state aside. */
export function wardWorkRefusal(actor: Actor, hospitalId: string): DischargeRefusal | null {
  if (actor.kind !== "staff") return "notStaff";
  const org = actor.organisation;
  if (org.kind !== "hospital" && org.kind !== "hospital_department") {
    // Say the role first for roles that never discharge, wherever they sit.
    return DISCHARGE_ROLES.includes(actor.role) ? "notHospital" : "role";
  }
  if (!DISCHARGE_ROLES.includes(actor.role)) return "role";
  if (org.hospitalId === null || org.hospitalId !== hospitalId) return "otherHospital";
  return null;
}

/** Null when `actor` may discharge the stay now; otherwise why not. */
export function dischargeRefusal(actor: Actor, stay: DischargeStay): DischargeRefusal | null {
  const refusal = wardWorkRefusal(actor, stay.hospitalId);
  if (refusal) return refusal;
  if (stay.status !== "admitted" && stay.status !== "on-leave") return "notAdmitted";
  return null;
}
