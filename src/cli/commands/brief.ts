/**
 * `escalate brief DESCRIPTION`: the escalation brief for an issue, from the store. Declares the
 * command only; brief-run.ts does the work and loads when the command runs.
 */
import type { Command } from "commander";
import type { CommonOptions } from "../environment.js";

/** Options of `brief`. */
export interface BriefCommandOptions extends CommonOptions {
  customer?: string;
}

/** Registers the command. */
export function registerBrief(program: Command): void {
  program
    .command("brief")
    .description("write the escalation brief for an issue ('-' reads the description from stdin)")
    .argument("<description>", "what is wrong, in your words; - for standard input")
    .option("--customer <name>", "the customer (name, alias, domain or e-mail)")
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--now <iso>", "fix the clock (ISO-8601); default: the real time")
    .option("--format <format>", "markdown or json", "markdown")
    .option("--policy <file>", "a team policy YAML merged over the defaults (or $ESCALATE_POLICY)")
    .action(async (description: string, options: BriefCommandOptions) => {
      const { briefCommand } = await import("./brief-run.js");
      briefCommand(description, options);
    });
}
