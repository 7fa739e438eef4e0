/**
 * Case files (CONTRACT.md "Scenario files", plus our `unrelatedTickets`): reading them and running
 * one through the real pipeline on an in-memory store. Used by `npm run fit` and `npm run eval:cases`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Policy } from "../config/policy.js";
import type { Bundle } from "../domain/bundle.js";
import { runBrief, type BriefRun } from "../pipeline.js";
import { importBundle, piecesOf } from "../store/import-bundle.js";
import { openStore } from "../store/sqlite-store.js";

/** One case file. */
export interface CaseFile {
  id: string;
  now: string;
  input: { description: string; customer?: string };
  workspace: Bundle;
  expected: Record<string, unknown> & {
    decision: string;
    relatedTickets?: string[];
    unrelatedTickets?: string[];
    workarounds?: string[];
  };
}

/** The case files of `dir`, by name (empty when the folder is absent). */
export function readCases(dir: string): CaseFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CaseFile);
}

/** Imports a case's workspace into a fresh in-memory store and runs the brief pipeline on it. */
export function runCase(c: CaseFile, policy: Policy): BriefRun {
  const store = openStore(":memory:");
  try {
    importBundle(store, piecesOf(c.workspace));
    return runBrief(store, c.input, { policy, now: new Date(c.now), reporter: "Evaluation" });
  } finally {
    store.close();
  }
}
