import type { Database } from "../platform/db/database.ts";
import { type Administrator, administrationAudit } from "./administrator.ts";
import { appendAudit } from "./audit-store.ts";
import type { Role } from "./model.ts";
import * as store from "./store.ts";

/**
 * Memberships carried from one organisation to another when a change of
 * structure ends the first (a cluster's secretariat on 1 January 2027) and
 * hands its work to the second (the council's). Access is never granted
 * silently: each move is a revocation and a grant, both in the audit log as
 * administration entries of `by` (the operator, or the server's transition
 * step), with the reason; the caller reports every move to the operator.
 */

export type HeldMembership = {
  membershipId: string;
  userId: string;
  username: string;
  organisationId: string;
  role: Role;
};

/** Who holds which role at these organisations now. */
export function membershipsAt(tx: Database, organisationIds: string[]): Promise<HeldMembership[]> {
  return store.activeMembershipsAt(tx, organisationIds);
}

export type MembershipMove = HeldMembership & { toOrganisationId: string };

export type MovedMembership = MembershipMove & {
  /** The membership granted at the new organisation; null where the user already held the role there. */
  newMembershipId: string | null;
};

/**
 * Moves each membership, in the caller's transaction: the old one is revoked
 * and the new one granted (`granted_via` carry-over), both as of `effective`
 * (the change's date), and each is audited as `revoke` and `grant` of a
 * membership at `now`. A membership no longer active is left out.
 */
export async function carryOverMemberships(
  tx: Database,
  moves: MembershipMove[],
  how: { by: Administrator; effective: Date; now: Date; reason: string },
): Promise<MovedMembership[]> {
  const moved: MovedMembership[] = [];
  for (const m of moves) {
    const revoked = await store.revokeMembershipById(tx, m.membershipId, how.effective);
    if (!revoked) continue;
    const granted = await store.insertCarriedMembership(tx, {
      userId: m.userId,
      organisationId: m.toOrganisationId,
      role: m.role,
      at: how.effective,
    });
    const about = { resource: "membership", subjectUserId: m.userId, grantedRole: m.role } as const;
    await appendAudit(
      tx,
      administrationAudit(
        how.by,
        {
          ...about,
          action: "revoke",
          outcome: "allowed",
          subjectOrganisationId: m.organisationId,
          membershipId: m.membershipId,
          reason: how.reason,
        },
        how.now,
      ),
    );
    await appendAudit(
      tx,
      administrationAudit(
        how.by,
        {
          ...about,
          action: "grant",
          outcome: "allowed",
          subjectOrganisationId: m.toOrganisationId,
          membershipId: granted?.id ?? null,
          reason: granted ? how.reason : `${how.reason} (the role was already held there)`,
        },
        how.now,
      ),
    );
    moved.push({ ...m, newMembershipId: granted?.id ?? null });
  }
  return moved;
}
