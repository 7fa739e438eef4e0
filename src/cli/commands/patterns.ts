/**
 * `escalate patterns`: groups of recent tickets that report the same problem and meet a pattern
 * criterion (3+ customers, recurring after a fix, severity rising), most important first. Declares
 * the command only; patterns-run.ts does the work and loads when the command runs.
 */
import type { Command } from "commander";
import type { CommonOptions } from "../environment.js";

/** Options of `patterns`. */
export interface PatternsCommandOptions extends CommonOptions {
  days?: string;
  limit?: string;
}

/** Registers the command. */
export function registerPatterns(program: Command): void {
  program
    .command("patterns")
    .description(
      "list problems reported by 3+ customers, recurring after a fix, or rising, among recent tickets",
    )
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--now <iso>", "end of the window (ISO-8601); default: the real time")
    .option("--days <n>", "window length in days (default: the policy's pattern.windowDays, 14)")
    .option("--limit <n>", "how many patterns to list (default: the policy's pattern.listLimit, 20)")
    .option("--format <format>", "markdown or json", "markdown")
    .option("--policy <file>", "a team policy YAML merged over the defaults (or $ESCALATE_POLICY)")
    .action(async (options: PatternsCommandOptions) => {
      const { patternsCommand } = await import("./patterns-run.js");
      patternsCommand(options);
    });
}
