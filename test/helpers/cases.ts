/**
 * Scenario files (CONTRACT.md "Scenario files"): load, run in-process, compare like the shared runner.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderJson } from "../../src/brief/render-json.js";
import type { Bundle } from "../../src/domain/bundle.js";
import { briefOn } from "./run.js";

/** One scenario file. */
export interface Scenario {
  id: string;
  now: string;
  input: { description: string; customer?: string };
  workspace: Bundle;
  expected: Record<string, unknown> & { decision: string };
}

/** The scenarios in `dir` (empty when the folder is absent). */
export function loadScenarios(dir: string): Scenario[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Scenario);
}

/** The keys of `expected` that the product's answer disagrees with. */
export function disagreements(s: Scenario): string[] {
  const out = renderJson(briefOn(s.workspace, s.input, s.now)) as Record<string, unknown> & {
    impact: Record<string, unknown>;
    pattern: { recurring: boolean };
  };
  const e = s.expected;
  const bad: string[] = [];
  const check = (key: string, ok: boolean, got: unknown) => {
    if (!ok) bad.push(`${key}: expected ${JSON.stringify(e[key])}, got ${JSON.stringify(got)}`);
  };
  check(
    "decision",
    out.decision === e.decision &&
      (e.decision !== "handle_in_support" || (out.severity == null && out.target == null)),
    [out.decision, out.severity, out.target],
  );
  if ("severity" in e) check("severity", out.severity === e.severity, out.severity);
  if ("target" in e)
    check(
      "target",
      out.target === e.target || ((e.acceptTargets as unknown[] | undefined) ?? []).includes(out.target),
      out.target,
    );
  if ("customersAffected" in e)
    check(
      "customersAffected",
      out.impact.customersAffected === e.customersAffected,
      out.impact.customersAffected,
    );
  if ("accountIds" in e) {
    const got = [...((out.impact.accountIds as string[]) ?? [])].sort();
    check("accountIds", JSON.stringify(got) === JSON.stringify([...(e.accountIds as string[])].sort()), got);
  }
  if ("arrAtRisk" in e)
    check(
      "arrAtRisk",
      typeof out.impact.arrAtRisk === "number" &&
        Math.abs(out.impact.arrAtRisk - (e.arrAtRisk as number)) < 0.5,
      out.impact.arrAtRisk,
    );
  if ("relatedTickets" in e)
    check(
      "relatedTickets",
      (e.relatedTickets as string[]).every((t) => (out.relatedTickets as string[]).includes(t)),
      out.relatedTickets,
    );
  if ("workarounds" in e)
    check(
      "workarounds",
      (e.workarounds as string[]).every((k) => (out.workarounds as string[]).includes(k)),
      out.workarounds,
    );
  if ("recurring" in e) check("recurring", out.pattern.recurring === e.recurring, out.pattern.recurring);
  return bad;
}
