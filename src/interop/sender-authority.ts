import type { MessageIssue } from "./medcom/bundle-reader.ts";

/**
 * Who may send a HospitalNotification for which sender. A message's sender
 * (MessageHeader.sender, a SOR code) must be a unit under the organisation
 * that holds the token it came with: that organisation itself or a descendant
 * of it in the organisation tree (by parent), so that one organisation cannot
 * speak for another. A message broker's token has no organisation; it may
 * forward for the SOR codes the operator listed for it, and for the units
 * under a listed one. Messages the operator imports (CLI, the demo's loaders)
 * are bound to no token. Pure rules; apply.ts asks them.
 */

export type SenderAuthority =
  /** Imported by the operator: not bound to a token. */
  | { kind: "operator" }
  | { kind: "organisation"; organisationId: string }
  | { kind: "broker"; senders: readonly string[] }
  /** Received over HTTP, but the token it came with is not known (never expected). */
  | { kind: "unknown" };

/** An organisation and where it hangs: its parent and its SOR code. */
export type TreeNode = { parentId: string | null; sorCode: string | null };

/** A unit and the organisations above it, nearest first: itself, its parent, its parent's parent. */
export type UnitChain = { organisationId: string; sorCode: string | null }[];

/** The chain of a unit up the tree; stops at the root, at a node not in `tree`, or at a cycle. */
export function chainOf(organisationId: string, tree: ReadonlyMap<string, TreeNode>): UnitChain {
  const chain: UnitChain = [];
  const seen = new Set<string>();
  for (let id: string | null = organisationId; id && !seen.has(id); ) {
    seen.add(id);
    const node = tree.get(id);
    chain.push({ organisationId: id, sorCode: node?.sorCode ?? null });
    id = node?.parentId ?? null;
  }
  return chain;
}

/** Is the unit the organisation itself or a unit under it? */
export const isUnder = (chain: UnitChain, organisationId: string) =>
  chain.some((c) => c.organisationId === organisationId);

/** Does the authority need the sender's place in the tree to decide? */
export const isTokenBound = (a: SenderAuthority) => a.kind !== "operator";

/**
 * Why this authority may not send for this sender, or null if it may. A
 * sender not in the register (`chain` null) cannot be placed yet: the message
 * is kept as a dead letter, and this is asked again when it is re-applied.
 */
export function senderRefusal(
  authority: SenderAuthority,
  sender: { sor: string; chain: UnitChain | null },
): MessageIssue | null {
  if (authority.kind === "operator" || sender.chain === null) return null;
  const refuse = (rule: string): MessageIssue => ({
    severity: "error",
    code: "forbidden",
    expression: "MessageHeader.sender",
    rule,
  });
  switch (authority.kind) {
    case "organisation":
      return isUnder(sender.chain, authority.organisationId)
        ? null
        : refuse(
            `SOR ${sender.sor} is not a unit of the organisation that holds the token; ` +
              "an organisation's token sends only its own units' messages, and nothing was applied",
          );
    case "broker": {
      const listed = new Set(authority.senders);
      return sender.chain.some((c) => c.sorCode !== null && listed.has(c.sorCode))
        ? null
        : refuse(
            `SOR ${sender.sor} is not a sender this broker token may forward for, ` +
              "and nothing was applied",
          );
    }
    case "unknown":
      return refuse("the token this message came with is not known, and nothing was applied");
  }
}
