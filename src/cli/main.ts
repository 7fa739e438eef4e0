#!/usr/bin/env node
/**
 * The escalate command line: one table of commands, each in its own module, and one place that
 * turns errors into exit codes (0 done, 2 bad input or usage, 1 anything else). A command's module
 * only declares it (name, arguments, options, help); its action imports the matching `*-run.js`
 * module when it runs, so `--help` and each command load only what they use.
 */
import { Command, CommanderError } from "commander";
import { isUserError } from "../errors.js";
import { registerBrief } from "./commands/brief.js";
import { registerDemo } from "./commands/demo.js";
import { registerImport } from "./commands/import.js";
import { registerDraftUpdate } from "./commands/draft-update.js";
import { registerLifecycle } from "./commands/lifecycle.js";
import { registerPatterns } from "./commands/patterns.js";
import { registerSimilar } from "./commands/similar.js";
import { registerWatch } from "./commands/watch.js";

const commands = [
  registerImport,
  registerBrief,
  registerDemo,
  registerLifecycle,
  registerWatch,
  registerDraftUpdate,
  registerSimilar,
  registerPatterns,
];

/** Builds the program (exported for tests and for the docs). */
export function buildProgram(): Command {
  const program = new Command("escalate")
    .description("Turn a customer problem into a quantified, routed, followed-up escalation brief.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const register of commands) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI with `argv` and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.exitCode === 0
        ? 0
        : 2;
    }
    if (isUserError(error)) {
      process.stderr.write(`escalate: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(
      `escalate: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

process.exitCode = await run(process.argv);
