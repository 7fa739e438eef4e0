/**
 * The demo workspace makes the practice's four usage examples produce complete briefs whose
 * decisive fields follow the policy — at any clock, since the demo is anchored to "now".
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoExamples, generateDemoWorkspace } from "../src/demo/generate.js";
import { renderMarkdown } from "../src/brief/render-markdown.js";
import { briefOn } from "./helpers/run.js";
import { cli, tempDir } from "./helpers/workspace.js";

const anchors = ["2026-11-28T12:00:00Z", "2027-03-02T08:00:00Z"];

describe.each(anchors)("demo workspace anchored at %s", (anchor) => {
  const bundle = generateDemoWorkspace({ anchor: new Date(anchor) });
  const arr = new Map((bundle.accounts ?? []).map((a) => [a.id, a.arr ?? 0]));

  it.each(demoExamples.map((e, i) => [i + 1, e] as const))("usage example %i", (_n, example) => {
    const run = briefOn(bundle, { description: example.description, customer: example.customer }, anchor);
    const a = run.assessment;
    expect(a.decision).toBe(example.expect.decision);
    expect(a.severity).toBe(example.expect.severity);
    expect(a.target).toBe(example.expect.target);
    expect([...a.impact.accountIds].sort()).toEqual([...example.expect.accountIds].sort());
    expect(a.impact.arrAtRisk).toBe(example.expect.accountIds.reduce((s, id) => s + (arr.get(id) ?? 0), 0));
    const related = run.facts.relations.tickets.map((t) => t.item.id);
    for (const id of example.expect.relatedTickets) expect(related).toContain(id);
    // every Impact field is filled from data
    const markdown = renderMarkdown(run.brief);
    const impact = markdown.split("### Impact")[1]?.split("### Issue Description")[0] ?? "";
    expect(impact).not.toContain("Unknown");
    expect(markdown).toContain("### Supporting Context");
  });

  it("a vague report borrows nothing and says what is missing", () => {
    const run = briefOn(bundle, { description: "things are slow" }, anchor);
    expect(run.facts.relations.vague).toBe(true);
    expect(run.facts.relations.tickets).toEqual([]);
    expect(run.facts.relations.trackerIssues).toEqual([]);
    expect(run.assessment.impact.accountIds).toEqual([]);
    expect(run.assessment.target).not.toBe("Leadership");
    expect(run.brief.toComplete[0]).toMatch(/says too little to match on.*which feature or screen/);
  });
});

describe("escalate demo", () => {
  it("loads the demo into a store and prints the first example's brief", () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = cli(["demo", "--db", join(dir, "demo.db"), "--now", "2026-11-28T12:00:00Z"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("## ESCALATION: API returning 500 errors intermittently for Acme Corp");
      expect(r.stdout).toContain("**Severity:** High");
      expect(r.stdout).toContain("**Target team:** Engineering");
      const again = cli(["brief", demoExamples[1]!.description, "--db", join(dir, "demo.db"), "--now", "2026-11-28T12:00:00Z", "--format", "json"]);
      expect(JSON.parse(again.stdout)).toMatchObject({ decision: "escalate", severity: "Critical", target: "Engineering" });
    } finally {
      cleanup();
    }
  });
});
