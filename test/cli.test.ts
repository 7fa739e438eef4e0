/**
 * The CLI as a user runs it (the built dist/cli/main.js): contract, exit codes, stdin, masking.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseline, cli, tempDir, writeBundle } from "./helpers/workspace.js";

let dir: string;
let cleanup: () => void;
let db: string;
const NOW = "2026-11-10T16:00:00Z";

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "store.db");
  const imported = cli(["import", writeBundle(dir, baseline()), "--db", db]);
  expect(imported.code).toBe(0);
});
afterAll(() => cleanup());

describe("escalate CLI", () => {
  it.each([[[]], [["import"]], [["brief"]], [["demo"]]])("prints help for %j", (args) => {
    const r = cli([...args, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: escalate/);
  });

  it("says what it imported", () => {
    const r = cli(["import", writeBundle(dir, baseline(), "again.json"), "--db", db, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ accounts: 2, tickets: 2, trackerIssues: 1 });
  });

  it("writes the contract's JSON keys", () => {
    const r = cli([
      "brief",
      "API returning 500 errors intermittently for Acme Corp",
      "--db",
      db,
      "--now",
      NOW,
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of [
      "decision",
      "severity",
      "target",
      "alsoNotify",
      "nature",
      "impact",
      "pattern",
      "reasons",
      "relatedTickets",
      "relatedTrackerIssues",
      "workarounds",
      "followUp",
      "markdown",
    ]) {
      expect(out).toHaveProperty(key);
    }
    expect(out).toMatchObject({
      decision: "escalate",
      severity: "High",
      target: "Engineering",
      relatedTickets: ["T-1"],
      followUp: { internalEveryHours: 4, customerUpdateEveryHours: [4, 4] },
    });
  });

  it("writes the practice's sections in order", () => {
    const r = cli(
      ["brief", "API returning 500 errors intermittently for Acme Corp", "--db", db, "--now", NOW],
      { env: { ESCALATE_REPORTER: "Dana (Support)" } },
    );
    expect(r.code).toBe(0);
    const headings = [
      "## ESCALATION: ",
      "**Severity:** High",
      "**Target team:** Engineering",
      "**Reported by:** Dana (Support)",
      "**Date:** 2026-11-10",
      "### Impact",
      "- **Customers affected:** 1",
      "- **Workflow impact:**",
      "- **Revenue at risk:** $480,000 ARR",
      "- **Time in queue:**",
      "### Issue Description",
      "### What's Been Tried",
      "### Reproduction Steps",
      "Expected:",
      "Actual:",
      "Environment:",
      "### Customer Communication",
      "- **Last update to customer:**",
      "- **Customer expectation:**",
      "- **Escalation risk:**",
      "### What's Needed",
      "- **Deadline:**",
      "### Supporting Context",
      "Want me to post this in #eng for Engineering?",
    ];
    let at = 0;
    for (const h of headings) {
      const i = r.stdout.indexOf(h, at);
      expect(i, `missing or out of order: ${h}`).toBeGreaterThanOrEqual(at);
      at = i;
    }
    expect(r.stdout).not.toContain("\u001b["); // no colour when not a terminal
  });

  it("reads the description from stdin with '-'", () => {
    const r = cli(["brief", "-", "--db", db, "--now", NOW, "--format", "json"], {
      input: "API returning 500 errors for Acme Corp\n",
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: "escalate" });
  });

  it("uses ESCALATE_DB when --db is absent", () => {
    const r = cli(["brief", "API 500 errors for Acme", "--now", NOW, "--format", "json"], {
      env: { ESCALATE_DB: db },
    });
    expect(JSON.parse(r.stdout)).toMatchObject({ relatedTickets: ["T-1"] });
  });

  it("masks secrets pasted into the description", () => {
    const key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    const r = cli([
      "brief",
      `Acme API 500 errors, their key is ${key} and card 4111 1111 1111 1111`,
      "--db",
      db,
      "--now",
      NOW,
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(key);
    expect(r.stdout).not.toContain("4111 1111 1111 1111");
    expect(r.stdout).toContain("[REDACTED");
  });

  it.each([
    [["brief", "x", "--now", "yesterday"], /--now: expected an ISO-8601/],
    [["brief", "  ", "--db", "DB"], /description: empty/],
    [["brief", "x", "--format", "yaml", "--db", "DB"], /--format: expected markdown or json/],
    [["import", "/no/such/file.json", "--db", "DB"], /import: cannot open \/no\/such\/file\.json/],
    [["frobnicate"], /unknown command/],
    [["brief"], /missing required argument/],
    [["brief", "x", "--db", "EMPTY"], /holds no workspace yet; run `escalate import FILE` or `escalate demo` first/],
  ])("exits 2 with one line for %j", (args, message) => {
    const r = cli(args.map((a) => (a === "DB" ? db : a === "EMPTY" ? join(dir, "empty.db") : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("leaves the store untouched when an import fails", () => {
    const bad = {
      ...baseline(),
      tickets: [{ id: "T-1", subject: "changed", status: "open", createdAt: "not a date" }],
    };
    const r = cli(["import", writeBundle(dir, bad, "bad.json"), "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("escalate: tickets[0].createdAt: expected an ISO date-time");
    const after = cli(["brief", "API 500 errors for Acme", "--db", db, "--now", NOW, "--format", "json"]);
    expect((JSON.parse(after.stdout) as { markdown: string }).markdown).toContain(
      "Order API intermittently returning HTTP 500",
    );
  });

  it("imports from stdin with '-'", () => {
    const other = join(dir, "stdin.db");
    const r = cli(["import", "-", "--db", other], { input: JSON.stringify(baseline()) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Imported 2 accounts, 2 tickets/);
    expect(existsSync(other)).toBe(true);
  });
});
