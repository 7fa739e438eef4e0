/**
 * Thresholds and vocabularies are data: a team's policy file changes decisions without code, and
 * a broken one is a clear usage error.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPolicy } from "../src/config/load-policy.js";
import { mergeDeep } from "../src/config/policy.js";
import { baseline, cli, tempDir, writeBundle } from "./helpers/workspace.js";

let dir: string;
let cleanup: () => void;
let db: string;
const NOW = "2026-11-10T02:00:00Z";
const churn = "Globex Industries will not renew unless we add a bulk export feature";

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "s.db");
  expect(cli(["import", writeBundle(dir, baseline()), "--db", db]).code).toBe(0);
});
afterAll(() => cleanup());

const brief = (extra: string[], env: Record<string, string> = {}) => {
  const r = cli(["brief", churn, "--db", db, "--now", NOW, "--format", "json", ...extra], { env });
  return { ...r, json: r.code === 0 ? (JSON.parse(r.stdout) as { target: string; severity: string }) : null };
};

describe("team policy files", () => {
  it("uses the default high-value threshold (Globex, $64,000, is below it)", () => {
    expect(brief([]).json).toMatchObject({ target: "Product", severity: "Medium" });
  });

  it("lowers the threshold from a team file, by --policy and by ESCALATE_POLICY", () => {
    const file = join(dir, "team.yaml");
    writeFileSync(file, "highValue:\n  arrAtLeast: 50000\n");
    expect(brief(["--policy", file]).json).toMatchObject({ target: "Leadership", severity: "High" });
    expect(brief([], { ESCALATE_POLICY: file }).json).toMatchObject({ target: "Leadership" });
  });

  it("rejects a policy file with a wrong type, naming the path", () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, "highValue:\n  arrAtLeast: lots\n");
    const r = brief(["--policy", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy: .*bad\.yaml: highValue\.arrAtLeast: /);
  });

  it("rejects a vocabulary pattern that is not a regular expression", () => {
    const file = join(dir, "badre.yaml");
    writeFileSync(file, "vocabulary:\n  cues:\n    execRequest: ['(unclosed']\n");
    const r = brief(["--policy", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vocabulary execRequest: bad pattern/);
  });

  it("says which file is missing", () => {
    const r = brief(["--policy", join(dir, "nope.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy: no file at .*nope\.yaml/);
  });

  it("takes the reporter from the config file when ESCALATE_REPORTER is unset", () => {
    const config = join(dir, "config.yaml");
    writeFileSync(config, "reporter: Dana from Support\n");
    const r = cli(["brief", churn, "--db", db, "--now", NOW], { env: { ESCALATE_CONFIG: config } });
    expect(r.stdout).toContain("**Reported by:** Dana from Support");
    const none = cli(["brief", churn, "--db", db, "--now", NOW], { env: { ESCALATE_CONFIG: join(dir, "none.yaml") } });
    expect(none.stdout).toContain("**Reported by:** Not configured");
  });
});

describe("merging", () => {
  it("merges objects key by key and replaces lists whole", () => {
    const merged = mergeDeep({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: 3 }, l: [9] });
    expect(merged).toEqual({ a: { b: 1, c: 3 }, l: [9] });
  });
  it("ships defaults equal to POLICY.md", () => {
    const p = loadPolicy();
    expect(p.highValue.arrAtLeast).toBe(100000);
    expect(p.sla).toEqual({ imminentAt: 0.75, breachedAbove: 1.0 });
    expect(p.pattern.minAccounts).toBe(3);
    expect(p.pattern.windowDays).toBe(14);
    expect(p.time).toEqual({ noProgressHours: 72, staleOpenDays: 7 });
    expect(p.cadence.High).toEqual({ internal: { hours: 4 }, customer: { low: { hours: 4 }, high: { hours: 8 } } });
  });
});
