/**
 * Our own escalation cases (test/cases), written the way support teams write: aliases, typos,
 * e-mail domains, pasted logs, indirect security language, noise tickets that share words.
 * Expected answers follow POLICY.md; each case's `why` cites the sections.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { disagreements, loadScenarios } from "./helpers/cases.js";

const cases = loadScenarios(resolve(import.meta.dirname, "cases"));

describe("escalation cases", () => {
  it("has cases to run", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    expect(disagreements(c)).toEqual([]);
  });
});
