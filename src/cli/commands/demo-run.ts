/**
 * What `escalate demo` does (demo.ts declares it): generates the demo workspace, loads it into a
 * fresh store and prints a usage example's brief.
 */
import { rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { demoExamples, generateDemoWorkspace } from "../../demo/generate.js";
import { UserError } from "../../errors.js";
import { importBundle, piecesOf } from "../../store/import-bundle.js";
import { openStore } from "../../store/sqlite-store.js";
import { resolveNow } from "../environment.js";
import { printBrief } from "./brief-run.js";
import type { DemoCommandOptions } from "./demo.js";

/** Where the demo store goes when no --db is given: a fresh file beside the default store. */
export function defaultDemoDbPath(): string {
  return join(process.env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "escalate", "demo.db");
}

/** Runs `demo` with commander's arguments. */
export function demoCommand(options: DemoCommandOptions): void {
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
        .join("\n")}\nAnd the problems several customers report:\n  escalate patterns --db ${db} --now ${anchor.toISOString()}\n`,
    );
  }
}
