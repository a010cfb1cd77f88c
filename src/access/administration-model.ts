import type { OrganisationKind, Role } from "./model.ts";

/*
 * Who may administer what. An administrator administers the organisation they
 * act for and the units under it (its descendants by parent: a hospital's
 * departments, a municipality's units), and nothing else. The structure's own
 * bodies (a region, a body secretariat, and any kind added later such as a
 * committee or council) are administered by the operator through the CLI.
 */

/** Organisation kinds an administrator may administer; every other kind is the operator's. */
export const ADMINISTERED_KINDS: readonly OrganisationKind[] = [
  "hospital",
  "hospital_department",
  "municipality",
  "municipal_unit",
  "general_practice",
];

/**
 * Roles an administrator may grant. Body leads and committee members hold
 * their roles in the structure's bodies, so only the operator grants them.
 */
export const GRANTABLE_ROLES: readonly Role[] = ["clinician", "coordinator", "administrator"];

/** An organisation and how it hangs in the tree. */
export type OrganisationNode = { id: string; kind: string; parentId: string | null };

export const ADMINISTRATION_PROBLEMS = [
  "operatorOnly",
  "outsideTree",
  "roleNotGrantable",
  "selfGrant",
  "ownAccount",
  "notAdministeredUser",
] as const;
export type AdministrationProblem = (typeof ADMINISTRATION_PROBLEMS)[number];
/** Said by the web as `admin.refused.<problem>`. */
export type AdministrationRefusal = { reason: string; problem: AdministrationProblem };

/** The administrator as the rules see them: who, and the organisation they act for. */
export type AdministratorScope = {
  userId: string;
  organisation: Pick<OrganisationNode, "id" | "kind">;
};

/**
 * Whether `chain` (an organisation, then its parent, its grandparent, …, as
 * far as the tree goes) lies in the tree rooted at `rootId`.
 */
export function inTreeOf(rootId: string, chain: readonly OrganisationNode[]): boolean {
  return chain.some((o) => o.id === rootId);
}

/** Why `scope` may not administer the organisation whose chain this is, or null. */
export function organisationRefusal(
  scope: AdministratorScope,
  chain: readonly OrganisationNode[],
): AdministrationRefusal | null {
  const target = chain[0];
  const administered = (kind: string) => ADMINISTERED_KINDS.some((k) => k === kind);
  if (!target || !administered(target.kind) || !administered(scope.organisation.kind)) {
    return {
      reason: "roles and tokens in the structure's own bodies are given by the operator (CLI)",
      problem: "operatorOnly",
    };
  }
  if (!inTreeOf(scope.organisation.id, chain)) {
    return {
      reason: "an administrator administers only their own organisation and the units under it",
      problem: "outsideTree",
    };
  }
  return null;
}

/**
 * Why `scope` may not grant (or revoke) `role` in the organisation of `chain`
 * to the user `subjectUserId`, or null. An administrator never grants
 * themselves a role: a care role would open citizens' data to them, and
 * administrator of a unit under their own organisation would outlive the role
 * they hold now. A second administrator of the organisation (or the operator)
 * does that. Revoking one's own role is allowed: it only takes power away.
 */
export function membershipRefusal(input: {
  scope: AdministratorScope;
  subjectUserId: string;
  chain: readonly OrganisationNode[];
  role: Role;
  change: "grant" | "revoke";
}): AdministrationRefusal | null {
  const refused = organisationRefusal(input.scope, input.chain);
  if (refused) return refused;
  if (!GRANTABLE_ROLES.includes(input.role)) {
    return {
      reason: `the role ${input.role} is given by the operator (CLI)`,
      problem: "roleNotGrantable",
    };
  }
  if (input.change === "grant" && input.subjectUserId === input.scope.userId) {
    return {
      reason: "an administrator cannot grant themselves a role; another administrator must",
      problem: "selfGrant",
    };
  }
  return null;
}

/**
 * Why `scope` may not reset the password of, disable or enable the user whose
 * active memberships have these chains, or null. An administrator manages
 * only staff whose every role lies in their tree (a user with a role
 * elsewhere, or none, is the operator's), and never their own account here.
 */
export function accountRefusal(input: {
  scope: AdministratorScope;
  subjectUserId: string;
  membershipChains: readonly (readonly OrganisationNode[])[];
}): AdministrationRefusal | null {
  if (input.subjectUserId === input.scope.userId) {
    return {
      reason: "an administrator manages their own account as any user does",
      problem: "ownAccount",
    };
  }
  const outside =
    input.membershipChains.length === 0 ||
    input.membershipChains.some((chain) => organisationRefusal(input.scope, chain) !== null);
  if (outside) {
    return {
      reason: "the user holds a role outside your organisation, or none; the operator manages them",
      problem: "notAdministeredUser",
    };
  }
  return null;
}
