import { userInfo } from "node:os";
import { type Command, Option } from "commander";
import { z } from "zod";
import { createAccountService } from "../access/account-service.ts";
import {
  type Administrator,
  createAdminService,
  operator,
  TOKEN_SCOPES,
  type TokenScope,
} from "../access/admin-service.ts";
import { ROLES, type Role } from "../access/model.ts";
import { databaseFor } from "../app/server.ts";
import { loadConfig } from "../platform/config.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/http/errors.ts";
import { migrateToLatest } from "../platform/migrations/migrate.ts";
import { createOrganisationService } from "../structure/organisations.ts";
import type { CliIo } from "./read-secret.ts";

/** Opens the configured database (migrated), runs the work and closes it again. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const database = await databaseFor(loadConfig());
  try {
    await migrateToLatest(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** The CLI acts as the operator, audited with the OS user's name. */
export function operatorName(): string {
  try {
    return userInfo().username || "operator";
  } catch {
    // No user name for this uid (a container): "operator" says enough.
    return "operator";
  }
}

function theOperator(): Administrator {
  return operator(operatorName());
}

export function invalid(option: string, reason: string): AppError {
  return new AppError("TOV_ERR_VALIDATION", `The option ${option} is not valid`, [
    { in: "option", field: option, reason },
  ]);
}

type OrganisationOptions = {
  organisation?: string;
  municipality?: string;
  hospital?: string;
  body?: string;
  region?: string;
};

function withOrganisationOptions(command: Command): Command {
  return command
    .option("--organisation <id>", "the organisation's id (uuid; see `users organisations`)")
    .option("--municipality <code>", "the municipality's own organisation, by code (e.g. 370)")
    .option("--hospital <id>", "a hospital's own organisation, by id (e.g. slagelse-sygehus)")
    .option("--body <id>", "a body's secretariat, by body id (e.g. naestved-slagelse)")
    .option("--region <code>", "a region's own organisation, by code (e.g. 1085)");
}

const uuid = z.uuid();
const ORGANISATION_FLAGS = "--organisation, --municipality, --hospital, --body or --region";

/** The organisation id named by exactly one of the organisation options. */
async function resolveOrganisation(db: Database, o: OrganisationOptions): Promise<string> {
  const given = (["organisation", "municipality", "hospital", "body", "region"] as const).filter(
    (k) => o[k] !== undefined,
  );
  if (given.length !== 1) {
    throw new AppError(
      "TOV_ERR_VALIDATION",
      `Name exactly one organisation with ${ORGANISATION_FLAGS}`,
    );
  }
  if (o.organisation !== undefined) {
    if (!uuid.safeParse(o.organisation).success) {
      throw invalid("--organisation", "must be an organisation id (uuid)");
    }
    return o.organisation;
  }
  const organisations = createOrganisationService(db);
  const [kind, value, key] =
    o.municipality !== undefined
      ? ([
          "municipality",
          o.municipality,
          { kind: "municipality", municipalityCode: o.municipality },
        ] as const)
      : o.hospital !== undefined
        ? (["hospital", o.hospital, { kind: "hospital", hospitalId: o.hospital }] as const)
        : o.body !== undefined
          ? (["body", o.body, { kind: "body_secretariat", bodyId: o.body }] as const)
          : (["region", o.region ?? "", { kind: "region", regionCode: o.region ?? "" }] as const);
  try {
    return (await organisations.structural(key)).id;
  } catch (err) {
    if (err instanceof AppError && err.code === "TOV_ERR_NOT_FOUND") {
      throw new AppError(
        "TOV_ERR_NOT_FOUND",
        `No organisation for the ${kind} "${value}" (is the structure loaded? \`tovholder structure load\` or \`tovholder serve\` loads it)`,
      );
    }
    throw err;
  }
}

const expiry = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export function parseExpiry(text: string | undefined, now: Date): Date | null {
  if (text === undefined) return null;
  if (!expiry.safeParse(text).success) {
    throw invalid("--expires", "must be an ISO 8601 date or date-time, e.g. 2027-01-31T00:00:00Z");
  }
  const at = new Date(text);
  if (at <= now) throw invalid("--expires", "must be in the future");
  return at;
}

export function registerUsersCommands(program: Command, io: CliIo): void {
  const users = program
    .command("users")
    .description("user accounts, their roles in organisations, and integration tokens");

  users
    .command("create")
    .description("create a staff or relative user; without a password they log in through OIDC")
    .argument("<username>", "3-100 characters of a-z, 0-9, . _ @ -")
    .requiredOption("--name <display name>", "the name shown in the application")
    .addOption(
      new Option("--kind <kind>", "kind of user").choices(["staff", "relative"]).default("staff"),
    )
    .option("--password-stdin", "read the password from standard input (never from arguments)")
    .option("--reason <text>", "why (kept in the audit log)")
    .action(
      async (
        username: string,
        o: { name: string; kind: "staff" | "relative"; passwordStdin?: boolean; reason?: string },
      ) => {
        if (o.name.trim().length === 0) throw invalid("--name", "must not be empty");
        const password = o.passwordStdin ? await io.readSecret("Password: ") : undefined;
        const user = await withDatabase((db) =>
          createAdminService(db).createUser(
            {
              username,
              displayName: o.name.trim(),
              kind: o.kind,
              ...(password !== undefined ? { password } : {}),
            },
            theOperator(),
            o.reason,
          ),
        );
        console.log(
          `Created ${user.kind} user ${user.username} (${user.displayName}), id ${user.id}` +
            (password === undefined ? "; no password, so they log in through OIDC." : "."),
        );
      },
    );

  const membershipCommand = (name: "grant" | "revoke", description: string) =>
    withOrganisationOptions(
      users.command(name).description(description).argument("<username>", "the staff user"),
    )
      .addOption(new Option("--role <role>", "the role").choices(ROLES).makeOptionMandatory())
      .option("--reason <text>", "why (kept in the audit log)");

  membershipCommand(
    "grant",
    "give a staff user a role in an organisation (any organisation: the operator's power)",
  ).action(async (username: string, o: OrganisationOptions & { role: Role; reason?: string }) => {
    const granted = await withDatabase(async (db) =>
      createAdminService(db).grant(
        username,
        await resolveOrganisation(db, o),
        o.role,
        theOperator(),
        o.reason,
      ),
    );
    console.log(`${granted.username} is now ${granted.role} in ${granted.organisation}.`);
  });

  membershipCommand("revoke", "take a role in an organisation away from a user").action(
    async (username: string, o: OrganisationOptions & { role: Role; reason?: string }) => {
      const revoked = await withDatabase(async (db) =>
        createAdminService(db).revoke(
          username,
          await resolveOrganisation(db, o),
          o.role,
          theOperator(),
          o.reason,
        ),
      );
      console.log(`Revoked the role ${revoked.role} of ${revoked.username} there.`);
    },
  );

  withOrganisationOptions(
    users
      .command("token")
      .description("create an integration token for an organisation's system (shown once)"),
  )
    .addOption(
      new Option("--scope <scope...>", "what the token may do (repeatable)")
        .choices(TOKEN_SCOPES)
        .makeOptionMandatory(),
    )
    .requiredOption("--name <name>", "what the token is for, e.g. the sending system")
    .option("--expires <iso>", "when the token stops working (ISO 8601)")
    .action(
      async (o: OrganisationOptions & { scope: TokenScope[]; name: string; expires?: string }) => {
        if (o.name.trim().length === 0) throw invalid("--name", "must not be empty");
        const expiresAt = parseExpiry(o.expires, new Date());
        const created = await withDatabase(async (db) =>
          createAdminService(db).createToken(
            {
              name: o.name.trim(),
              organisationId: await resolveOrganisation(db, o),
              scopes: o.scope,
              expiresAt,
            },
            theOperator(),
          ),
        );
        console.error(
          `Created token "${created.name}" (id ${created.id}) with scopes ${created.scopes.join(", ")}` +
            `${created.expiresAt ? `, expiring ${created.expiresAt.toISOString()}` : ""}.\n` +
            "WARNING: the token is shown only once, now. Only its hash is stored; keep it secret.",
        );
        console.log(created.token);
      },
    );

  users
    .command("list")
    .description("users and their active memberships")
    .action(async () => {
      const all = await withDatabase((db) => createAdminService(db).listUsers(theOperator()));
      if (all.length === 0) console.log("No users.");
      for (const u of all) {
        const flags = [u.demo ? "demo" : null, u.disabledAt ? "disabled" : null].filter(Boolean);
        console.log(
          `${u.username}  ${u.displayName}  (${u.kind}${flags.length ? `, ${flags.join(", ")}` : ""})`,
        );
        for (const m of u.memberships) {
          console.log(`    ${m.role} in ${m.organisationName} (${m.organisationId})`);
        }
      }
    });

  users
    .command("organisations")
    .description("organisations one can grant roles in, with their ids")
    .action(async () => {
      const all = await withDatabase((db) =>
        createAdminService(db).listOrganisations(theOperator()),
      );
      for (const o of all) console.log(`${o.id}  ${o.kind.padEnd(19)}  ${o.name}`);
    });

  registerAccountCommands(users, io);
}

/** `users passwd|disable|enable`: the operator's account management, audited. */
function registerAccountCommands(users: Command, io: CliIo): void {
  users
    .command("passwd")
    .description("set a new password for a user (read from standard input); their sessions end")
    .argument("<username>", "the user")
    .action(async (username: string) => {
      const password = await io.readSecret("New password: ");
      const done = await withDatabase((db) =>
        createAccountService(db).resetPassword(username, password, theOperator()),
      );
      console.log(`Set a new password for ${done.username}; their sessions have ended.`);
    });

  users
    .command("disable")
    .description("disable a user: they cannot log in, and their sessions end")
    .argument("<username>", "the user")
    .requiredOption("--reason <text>", "why (kept in the audit log)")
    .action(async (username: string, o: { reason: string }) => {
      if (o.reason.trim().length === 0) throw invalid("--reason", "must not be empty");
      const done = await withDatabase((db) =>
        createAccountService(db).disable(username, theOperator(), o.reason.trim()),
      );
      console.log(`Disabled ${done.username}; their sessions have ended.`);
    });

  users
    .command("enable")
    .description("enable a disabled user again")
    .argument("<username>", "the user")
    .option("--reason <text>", "why (kept in the audit log)")
    .action(async (username: string, o: { reason?: string }) => {
      const done = await withDatabase((db) =>
        createAccountService(db).enable(username, theOperator(), o.reason?.trim() || null),
      );
      console.log(`Enabled ${done.username}.`);
    });
}
