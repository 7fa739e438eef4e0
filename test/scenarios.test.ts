/**
 * The public escalation scenarios (../shared/scenarios, beside the project in development and CI).
 * A user's clone has no shared folder: then this suite is skipped, saying so.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { disagreements, loadScenarios } from "./helpers/cases.js";

const dir = resolve(import.meta.dirname, "../../shared/scenarios");
const scenarios = loadScenarios(dir);

describe.skipIf(scenarios.length === 0)(`public scenarios (${dir})`, () => {
  it.each(scenarios.map((s) => [s.id, s] as const))("%s", (_id, s) => {
    expect(disagreements(s)).toEqual([]);
  });
});

if (scenarios.length === 0) {
  it.skip(`public scenarios: ${dir} not found (only present beside the project in development and CI)`, () => {});
}
