/**
 * `escalate similar TEXT`: the stored tickets most likely to report the same problem as TEXT.
 * Declares the command only; similar-run.ts does the work and loads when the command runs.
 */
import type { Command } from "commander";
import type { CommonOptions } from "../environment.js";

/** Options of `similar`. */
export interface SimilarCommandOptions extends CommonOptions {
  limit?: string;
}

/** Registers the command. */
export function registerSimilar(program: Command): void {
  program
    .command("similar")
    .description("rank stored tickets by how likely they report the same problem as TEXT ('-' reads stdin)")
    .argument("<text>", "the problem, or a pasted ticket; - for standard input")
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--now <iso>", "only tickets created at or before this time (ISO-8601); default: the real time")
    .option("--limit <n>", "how many tickets to list", "10")
    .option("--format <format>", "markdown or json", "markdown")
    .option("--policy <file>", "a team policy YAML merged over the defaults (or $ESCALATE_POLICY)")
    .action(async (text: string, options: SimilarCommandOptions) => {
      const { similarCommand } = await import("./similar-run.js");
      similarCommand(text, options);
    });
}
