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

/** The keys a case file may expect (CONTRACT.md "Scenario files"), in report order. */
export const EXPECTED_KEYS = [
  "decision",
  "severity",
  "target",
  "customersAffected",
  "accountIds",
  "arrAtRisk",
  "relatedTickets",
  "workarounds",
  "recurring",
] as const;

/** The parts of `brief --format json` a case is checked against. */
export interface BriefJson {
  decision: string;
  severity: string | null;
  target: string | null;
  impact: { customersAffected: number | null; accountIds: string[]; arrAtRisk: number | null };
  relatedTickets: string[];
  workarounds: string[];
  pattern: { recurring: boolean };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Each expected key of a case, and whether the brief agrees (as the shared scenario runner checks). */
export function checkCase(
  expected: CaseFile["expected"],
  out: BriefJson,
): Partial<Record<(typeof EXPECTED_KEYS)[number], boolean>> {
  const e = expected;
  const checks: Partial<Record<(typeof EXPECTED_KEYS)[number], boolean>> = {
    decision:
      out.decision === e.decision &&
      (e.decision !== "handle_in_support" || (out.severity == null && out.target == null)),
  };
  if ("severity" in e) checks.severity = out.severity === e.severity;
  if ("target" in e)
    checks.target =
      out.target === e.target || ((e.acceptTargets as string[] | undefined) ?? []).includes(out.target ?? "");
  if ("customersAffected" in e)
    checks.customersAffected = out.impact.customersAffected === e.customersAffected;
  if ("accountIds" in e) checks.accountIds = sameSet(out.impact.accountIds, e.accountIds as string[]);
  if ("arrAtRisk" in e)
    checks.arrAtRisk =
      typeof out.impact.arrAtRisk === "number" &&
      Math.abs(out.impact.arrAtRisk - (e.arrAtRisk as number)) < 0.5;
  if (e.relatedTickets) checks.relatedTickets = e.relatedTickets.every((t) => out.relatedTickets.includes(t));
  if (e.workarounds) checks.workarounds = e.workarounds.every((k) => out.workarounds.includes(k));
  if ("recurring" in e) checks.recurring = out.pattern.recurring === e.recurring;
  return checks;
}
