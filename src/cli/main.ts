import { Command, CommanderError } from "commander";
import { registerCapacityCommands } from "./capacity-commands.ts";
import { registerIndicatorsCommands } from "./indicators-commands.ts";
import { registerMessagesCommands } from "./messages-commands.ts";
import { registerMigrateCommand } from "./migrate-command.ts";
import { registerOrganisationsCommands } from "./organisations-command.ts";
import { reportFailure } from "./output.ts";
import { type CliIo, defaultCliIo } from "./read-secret.ts";
import { registerServeCommand } from "./serve-command.ts";
import { registerStructureCommands } from "./structure-commands.ts";
import { registerSynthCommands } from "./synth-commands.ts";
import { registerTokensCommands } from "./tokens-commands.ts";
import { registerUsersCommands } from "./users-commands.ts";

export function buildProgram(io: CliIo = defaultCliIo): Command {
  const program = new Command()
    .name("tovholder")
    .description(
      "Tovholder: shared coordination platform for the Danish health bodies. " +
        "Configuration comes from environment variables (see README): DATABASE_URL selects " +
        "PostgreSQL; without it, the embedded database in TOVHOLDER_DATA_DIR is used.",
    )
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerStructureCommands(program);
  registerUsersCommands(program, io);
  registerTokensCommands(program);
  registerMessagesCommands(program);
  registerOrganisationsCommands(program);
  registerSynthCommands(program);
  registerIndicatorsCommands(program);
  registerCapacityCommands(program);
  return program;
}

/** Runs the CLI and returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: string[], io: CliIo = defaultCliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode;
    }
    return reportFailure(err);
  }
}
