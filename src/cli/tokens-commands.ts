import type { Command } from "commander";
import { z } from "zod";
import { createBrokerTokenService } from "../access/broker-tokens.ts";
import { invalid, operatorName, parseExpiry, withDatabase } from "./users-commands.ts";

/**
 * `tovholder tokens broker …`: message brokers' tokens (a regional integration
 * platform, the national message distribution), which only the operator
 * manages: they are held by no organisation and may post HospitalNotifications
 * only for the senders listed here (a listed SOR code and the units under it).
 * An organisation's own tokens are `tovholder users token` and the admin API.
 */

const uuid = z.uuid();

function tokenId(id: string): string {
  if (!uuid.safeParse(id).success) throw invalid("<id>", "must be a token id (uuid)");
  return id;
}

const brokers = <T>(work: (s: ReturnType<typeof createBrokerTokenService>) => Promise<T>) =>
  withDatabase((db) => work(createBrokerTokenService(db, { operatorName: operatorName() })));

const SENDER_OPTION = ["--sender <sor...>", "a sender's SOR code (repeatable)"] as const;

export function registerTokensCommands(program: Command): void {
  const broker = program
    .command("tokens")
    .description("access tokens the operator manages")
    .command("broker")
    .description(
      "message brokers' tokens: they post HospitalNotifications only for their listed senders " +
        "(a listed SOR code and the units under it in the organisation register)",
    );

  broker
    .command("create")
    .description("create a broker's token (shown once) for the senders it may forward for")
    .requiredOption("--name <name>", 'the broker, e.g. "Region Sjælland integrationsplatform"')
    .requiredOption(...SENDER_OPTION)
    .option("--expires <iso>", "when the token stops working (ISO 8601)")
    .action(async (o: { name: string; sender: string[]; expires?: string }) => {
      const expiresAt = parseExpiry(o.expires, new Date());
      const created = await brokers((s) =>
        s.create({ name: o.name, senders: o.sender, expiresAt }),
      );
      console.error(
        `Created broker token "${created.name}" (id ${created.id}) for the senders ` +
          `${created.senders.join(", ")}` +
          `${created.expiresAt ? `, expiring ${created.expiresAt.toISOString()}` : ""}.\n` +
          "WARNING: the token is shown only once, now. Only its hash is stored; keep it secret.",
      );
      console.log(created.token);
    });

  broker
    .command("list")
    .description("brokers' tokens with their senders")
    .action(async () => {
      const all = await brokers((s) => s.list());
      if (all.length === 0) console.log("No broker tokens.");
      for (const t of all) {
        const state = t.revokedAt
          ? `revoked ${t.revokedAt.toISOString()}`
          : t.expiresAt
            ? `expires ${t.expiresAt.toISOString()}`
            : "active";
        console.log(`${t.id}  ${t.name}  (${state})`);
        console.log(`    senders: ${t.senders.length > 0 ? t.senders.join(", ") : "(none)"}`);
      }
    });

  broker
    .command("add-sender")
    .description("let a broker's token forward for more senders")
    .argument("<id>", "the token's id (see `tokens broker list`)")
    .requiredOption(...SENDER_OPTION)
    .action(async (id: string, o: { sender: string[] }) => {
      const r = await brokers((s) => s.addSenders(tokenId(id), o.sender));
      console.log(
        `${r.added.length > 0 ? `Added ${r.added.join(", ")}` : "Nothing added (already listed)"}. ` +
          `Senders now: ${r.senders.join(", ")}.`,
      );
    });

  broker
    .command("remove-sender")
    .description("stop a broker's token forwarding for senders (kept messages included)")
    .argument("<id>", "the token's id (see `tokens broker list`)")
    .requiredOption(...SENDER_OPTION)
    .action(async (id: string, o: { sender: string[] }) => {
      const r = await brokers((s) => s.removeSenders(tokenId(id), o.sender));
      if (r.removed.length === 0)
        throw invalid("--sender", `none of ${o.sender.join(", ")} is listed for this token`);
      console.log(
        `Removed ${r.removed.join(", ")}. Senders now: ${r.senders.join(", ") || "(none)"}.`,
      );
    });

  broker
    .command("revoke")
    .description("revoke a broker's token: it stops working at once")
    .argument("<id>", "the token's id (see `tokens broker list`)")
    .action(async (id: string) => {
      await brokers((s) => s.revoke(tokenId(id)));
      console.log(`Revoked broker token ${id}.`);
    });
}
