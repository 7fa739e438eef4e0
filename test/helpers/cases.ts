/**
 * Scenario files (CONTRACT.md "Scenario files"): load, run in-process, compare like the shared runner.
 */
import { renderJson } from "../../src/brief/render-json.js";
import { checkCase, readCases, type BriefJson, type CaseFile } from "../../src/eval/case-files.js";
import { briefOn } from "./run.js";

/** One scenario file. */
export type Scenario = CaseFile;

/** The scenarios in `dir` (empty when the folder is absent). */
export const loadScenarios = (dir: string): Scenario[] => readCases(dir);

/** The keys of `expected` that the product's answer disagrees with. */
export function disagreements(s: Scenario): string[] {
  const out = renderJson(briefOn(s.workspace, s.input, s.now)) as unknown as BriefJson;
  const got: Record<string, unknown> = {
    decision: [out.decision, out.severity, out.target],
    severity: out.severity,
    target: out.target,
    ...out.impact,
    relatedTickets: out.relatedTickets,
    workarounds: out.workarounds,
    recurring: out.pattern.recurring,
  };
  return Object.entries(checkCase(s.expected, out))
    .filter(([, ok]) => !ok)
    .map(([key]) => `${key}: expected ${JSON.stringify(s.expected[key])}, got ${JSON.stringify(got[key])}`);
}
