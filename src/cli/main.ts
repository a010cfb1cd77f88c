import { Command, CommanderError } from "commander";
import { registerMigrateCommand } from "./migrate-command.ts";
import { reportFailure } from "./output.ts";
import { registerServeCommand } from "./serve-command.ts";
import { registerStructureCommands } from "./structure-commands.ts";

export function buildProgram(): Command {
  const program = new Command()
    .name("tovholder")
    .description(
      "Tovholder: shared coordination platform for the Danish health clusters. " +
        "Configuration comes from environment variables (see README): DATABASE_URL selects " +
        "PostgreSQL; without it, the embedded database in TOVHOLDER_DATA_DIR is used.",
    )
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerStructureCommands(program);
  return program;
}

/** Runs the CLI and returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode;
    }
    return reportFailure(err);
  }
}
