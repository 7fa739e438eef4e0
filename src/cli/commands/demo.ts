/**
 * `escalate demo`: loads the seeded demo workspace into a fresh store and prints the brief of the
 * practice's first usage example. A new user's first command.
 */
import { rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { importBundle, piecesOf } from "../../store/import-bundle.js";
import { openStore } from "../../store/sqlite-store.js";
import { UserError } from "../../errors.js";
import { resolveNow, type CommonOptions } from "../environment.js";
import { printBrief } from "./brief.js";

/** Where the demo store goes when no --db is given: a fresh file beside the default store. */
export function defaultDemoDbPath(): string {
  return join(process.env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "escalate", "demo.db");
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
    .action(async (options: CommonOptions & { example: string }) => {
      // loaded lazily: only the demo needs the generator
      const { demoExamples, generateDemoWorkspace } = await import("../../demo/generate.js");
      const now = resolveNow(options.now);
      const anchor = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
      const db = options.db || process.env.ESCALATE_DB || defaultDemoDbPath();
      if (!options.db && !process.env.ESCALATE_DB) {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
      }
      const index = Number(options.example) - 1;
      const example = demoExamples[index];
      if (!example)
        throw new UserError(`--example: expected 1 to ${demoExamples.length}, got "${options.example}"`);
      const store = openStore(db);
      try {
        importBundle(store, piecesOf(generateDemoWorkspace({ anchor })));
      } finally {
        store.close();
      }
      process.stderr.write(`Loaded the demo workspace into ${db}. Brief for: "${example.description}"\n\n`);
      printBrief(example.description, {
        ...options,
        db,
        now: anchor.toISOString(),
        customer: example.customer,
      });
      if (options.format !== "json") {
        process.stdout.write(
          `\nTry the other examples:\n${demoExamples
            .slice(1)
            .map(
              (e: { description: string }) =>
                `  escalate brief "${e.description}" --db ${db} --now ${anchor.toISOString()}`,
            )
            .join("\n")}\n`,
        );
      }
    });
}
