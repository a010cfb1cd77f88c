import type { Actor } from "../access/model.ts";
import type { Database } from "../platform/db/database.ts";
import type { StructureService } from "../structure/service.ts";
import { danishToday } from "../structure/service.ts";
import { mayReadInitiative } from "./initiative-model.ts";
import { currentInitiatives } from "./initiative-store.ts";
import { type Ledger, ledgerOf } from "./ledger-model.ts";
import { bodyMembership } from "./members.ts";
import { mayRead } from "./model.ts";
import { currentOfBodies } from "./store.ts";
import type { BodyRef } from "./views.ts";

export type LedgerDeps = { db: Database; structure: StructureService; clock?: () => Date };
export type LedgerView = Ledger & { body: BodyRef; computedOn: string };

/**
 * "Money that follows the task" (issue 22, section 4): a body's ledger of a
 * year, from the current versions of its agreements and initiatives and its
 * predecessors' — only those the reader may read (members everything; anyone
 * else adopted, in force, ended and public agreements; signed in, every
 * initiative; without login, public ones). Reads only; nothing to audit.
 */
export function createLedgerService(deps: LedgerDeps) {
  const { db, structure } = deps;
  const clock = deps.clock ?? (() => new Date());
  const members = bodyMembership(structure, clock);

  return {
    /** The ledger of `year`, by default the current (Danish) calendar year. */
    async ledger(actor: Actor | null, bodyId: string, year?: number): Promise<LedgerView> {
      const today = danishToday(clock());
      const links = await members.links(bodyId);
      const role = await members.roleOf(actor, bodyId);
      const bodies = [bodyId, ...links.predecessors.map((p) => p.id)];
      const [agreements, initiatives] = await Promise.all([
        currentOfBodies(db, bodies),
        currentInitiatives(db, bodies),
      ]);
      const ledger = ledgerOf(
        year ?? Number(today.slice(0, 4)),
        agreements
          .filter((a) => mayRead(a, role))
          .map((a) => ({
            id: a.agreementId,
            title: a.title,
            status: a.status,
            commitments: a.commitments,
          })),
        initiatives
          .filter((i) => mayReadInitiative(i, actor !== null))
          .map((i) => ({
            id: i.initiativeId,
            title: i.title,
            status: i.status,
            content: i.content,
          })),
      );
      return { ...ledger, body: links.ref, computedOn: today };
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
