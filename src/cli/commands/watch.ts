/**
 * `escalate watch`: runs until stopped and announces each follow-up when it becomes due and again
 * when it becomes overdue, once each (STYLE.md, cadence reminders). What was announced is recorded
 * in the store, so a restart never repeats it; an update starts a new cycle.
 * Declares the command only; watch-run.ts does the work and loads when the command runs.
 */
import type { Command } from "commander";
import type { CommonOptions } from "../environment.js";

/** Options of `watch`. */
export interface WatchCommandOptions extends CommonOptions {
  interval?: string;
  once?: boolean;
}

/** Registers `watch`. */
export function registerWatch(program: Command): void {
  program
    .command("watch")
    .description(
      "run until stopped (Ctrl-C), announcing each follow-up once when it becomes due and once when it becomes overdue; " +
        "announced reminders are kept in the store, so a restart does not repeat them",
    )
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--interval <seconds>", "seconds between checks", "60")
    .option("--now <iso>", "fix the clock (ISO-8601) for a single check; implies --once")
    .option("--once", "check once and exit")
    .option(
      "--format <format>",
      "markdown (one line per reminder) or json (one JSON object per line)",
      "markdown",
    )
    .action(async (options: WatchCommandOptions) => {
      const { watchCommand } = await import("./watch-run.js");
      await watchCommand(options);
    });
}
