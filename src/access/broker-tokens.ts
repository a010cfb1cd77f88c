import { SOR_PATTERN } from "../interop/medcom/codes.ts";
import type { Database } from "../platform/db/database.ts";
import { type FieldError, invalidFields, notFound } from "../platform/http/errors.ts";
import { appendAudit } from "./audit-store.ts";
import * as store from "./broker-store.ts";
import { randomToken, sha256, TOKEN_PREFIX } from "./secrets.ts";

/**
 * Message brokers' tokens: a regional integration platform or the national
 * message distribution forwards hospitals' HospitalNotifications. A broker's
 * token is held by no organisation and may only post messages (`messages:write`),
 * and only those whose sender is one of its listed SOR codes or a unit under
 * one (see src/interop/sender-authority.ts). Only the operator manages them,
 * from the command line (`tovholder tokens broker …`); the admin API and the
 * web can neither create nor revoke them. Every change is written to the
 * audit log as the operator's act, with the operator's name. Refusals name the command's
 * options (`--sender`, `--name`, `--expires`), since the CLI is the one caller.
 */

function checkedSenders(sorCodes: string[], option: string): string[] {
  const errors: FieldError[] = sorCodes
    .filter((s) => !SOR_PATTERN.test(s))
    .map((s) => ({
      in: "option",
      field: option,
      reason: `${s} is not a SOR code: at least 11 digits`,
      i18n: { key: "structure.register.sorCode" },
    }));
  if (sorCodes.length === 0)
    errors.push({
      in: "option",
      field: option,
      reason: "must name at least one sender's SOR code",
      i18n: { key: "validation.tooFew", values: { limit: 1 } },
    });
  if (errors.length > 0) throw invalidFields("The senders are not valid", errors);
  return [...new Set(sorCodes)];
}

export function createBrokerTokenService(
  db: Database,
  options: { operatorName?: string; clock?: () => Date } = {},
) {
  const clock = options.clock ?? (() => new Date());
  /** Written in the change's own transaction: a change is never without its audit entry. */
  async function appendAuditIn(tx: Database, tokenId: string, action: string, purpose: string) {
    // As every other administration entry of the operator's (administrator.ts).
    await appendAudit(tx, {
      at: clock(),
      actorKind: "operator",
      actorName: options.operatorName ?? "operator",
      subjectTokenId: tokenId,
      scopes: ["messages:write"],
      action,
      resource: "broker-token",
      outcome: "allowed",
      purpose,
    });
  }

  async function activeBroker(tx: Database, id: string) {
    const broker = await store.findBrokerToken(tx, id);
    if (!broker || broker.revokedAt)
      throw notFound("token", `Active broker token ${id} was not found`);
    return broker;
  }

  return {
    /** Creates a broker's token; the plain value is shown once and only its hash is kept. */
    async create(input: { name: string; senders: string[]; expiresAt: Date | null }) {
      const name = input.name.trim();
      if (name.length === 0)
        throw invalidFields("The name must not be empty", [
          {
            in: "option",
            field: "--name",
            reason: "must not be empty",
            i18n: { key: "validation.required" },
          },
        ]);
      const senders = checkedSenders(input.senders, "--sender");
      if (input.expiresAt && input.expiresAt <= clock())
        throw invalidFields("The expiry must be in the future", [
          {
            in: "option",
            field: "--expires",
            reason: "must be in the future",
            i18n: { key: "admin.expiryInFuture" },
          },
        ]);
      const token = `${TOKEN_PREFIX}${randomToken(32)}`;
      return db.transaction().execute(async (tx) => {
        const row = await store.insertBrokerToken(tx, {
          name,
          tokenHash: sha256(token),
          expiresAt: input.expiresAt,
        });
        await store.addBrokerSenders(tx, row.id, senders);
        await appendAuditIn(tx, row.id, "broker-token.create", `senders ${senders.join(", ")}`);
        return { ...row, senders, token };
      });
    },

    async addSenders(id: string, sorCodes: string[]) {
      const senders = checkedSenders(sorCodes, "--sender");
      return db.transaction().execute(async (tx) => {
        await activeBroker(tx, id);
        const added = await store.addBrokerSenders(tx, id, senders);
        if (added.length > 0)
          await appendAuditIn(tx, id, "broker-token.add-senders", `senders ${added.join(", ")}`);
        return { added, senders: await store.brokerSenders(tx, id) };
      });
    },

    async removeSenders(id: string, sorCodes: string[]) {
      const senders = checkedSenders(sorCodes, "--sender");
      return db.transaction().execute(async (tx) => {
        await activeBroker(tx, id);
        const removed = await store.removeBrokerSenders(tx, id, senders);
        if (removed.length > 0)
          await appendAuditIn(
            tx,
            id,
            "broker-token.remove-senders",
            `senders ${removed.join(", ")}`,
          );
        return { removed, senders: await store.brokerSenders(tx, id) };
      });
    },

    async revoke(id: string) {
      await db.transaction().execute(async (tx) => {
        if ((await store.revokeBrokerToken(tx, id, clock())) === 0)
          throw notFound("token", `Active broker token ${id} was not found`);
        await appendAuditIn(tx, id, "broker-token.revoke", "revoked by the operator");
      });
    },

    list: () => store.listBrokerTokens(db),
  };
}

export type BrokerTokenService = ReturnType<typeof createBrokerTokenService>;
