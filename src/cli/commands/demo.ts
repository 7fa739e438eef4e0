/**
 * `escalate demo`: loads the seeded demo workspace into a fresh store and prints the brief of the
 * practice's first usage example. A new user's first command. Declares the command only;
 * demo-run.ts does the work and loads when the command runs.
 */
import type { Command } from "commander";
import type { CommonOptions } from "../environment.js";

/** Options of `demo`. */
export interface DemoCommandOptions extends CommonOptions {
  example: string;
}

/** Registers the command. */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("load the demo workspace into a fresh store and print the brief for the first usage example")
    .option("--db <path>", "load into this store instead of a fresh ~/.local/share/escalate/demo.db")
    .option("--now <iso>", "the demo's clock (ISO-8601); default: the real time")
    .option("--format <format>", "markdown or json", "markdown")
    .option("--example <n>", "which usage example of the practice to brief (1-4)", "1")
    .action(async (options: DemoCommandOptions) => {
      const { demoCommand } = await import("./demo-run.js");
      demoCommand(options);
    });
}
