/**
 * Test helpers: a baseline workspace that each test changes in one place, temp stores, and a way
 * to run the built CLI as a user would.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Bundle } from "../../src/domain/bundle.js";

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "escalate-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a bundle to a JSON file in `dir` and returns its path. */
export function writeBundle(dir: string, bundle: unknown, name = "bundle.json"): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(bundle));
  return path;
}

const cliPath = resolve(import.meta.dirname, "../../dist/cli/main.js");
// the CLI never reads the developer's own config, policy or data folder during tests
const isolatedHome = mkdtempSync(join(tmpdir(), "escalate-home-"));

/** The environment the CLI runs with in tests: no colour, and none of the developer's own config. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NO_COLOR: "1",
    ESCALATE_REPORTER: "",
    ESCALATE_DB: "",
    ESCALATE_POLICY: "",
    ESCALATE_CONFIG: "",
    XDG_CONFIG_HOME: join(isolatedHome, "config"),
    XDG_DATA_HOME: join(isolatedHome, "data"),
    ...extra,
  };
}

/** Runs the built CLI (`npm run build` first) and returns its exit code and output. */
export function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    input: options.input,
    encoding: "utf8",
    env: isolatedEnv(options.env),
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** A small, valid workspace: one high-value account with an urgent 500-error ticket and its bug. */
export function baseline(): Bundle {
  return {
    version: 1,
    team: { name: "Support", timeZone: "UTC", holidays: [], channels: { Engineering: "#eng" } },
    accounts: [
      {
        id: "acme",
        name: "Acme Corp",
        aliases: ["Acme"],
        domain: "acme.example",
        plan: "Enterprise",
        arr: 480000,
        strategic: true,
        sla: { name: "Premier", firstResponseHours: 1, updateHours: 4, resolutionHours: 24 },
        deals: [{ name: "Acme expansion", amount: 120000, stage: "Negotiation", closeDate: "2026-12-18" }],
      },
      { id: "globex", name: "Globex Industries", domain: "globex.example", plan: "Business", arr: 64000 },
    ],
    tickets: [
      {
        id: "T-1",
        accountId: "acme",
        subject: "Order API intermittently returning HTTP 500",
        description:
          "Roughly 1 in 12 calls to POST /v2/orders fail with HTTP 500. Retrying usually succeeds.",
        status: "open",
        priority: "urgent",
        createdAt: "2026-11-09T21:00:00Z",
        trackerKeys: ["ENG-1"],
        comments: [
          {
            author: "Sam",
            role: "internal",
            public: false,
            createdAt: "2026-11-10T00:00:00Z",
            body: "Reproduced against the sandbox: POST /v2/orders returns 500 about 7% of the time.",
          },
        ],
      },
      {
        id: "T-2",
        accountId: "globex",
        subject: "Adding a second billing contact",
        description: "How do we add our AP team as a billing contact?",
        status: "pending",
        createdAt: "2026-11-08T14:00:00Z",
      },
    ],
    trackerIssues: [
      {
        key: "ENG-1",
        title: "Intermittent HTTP 500 on POST /v2/orders",
        type: "bug",
        status: "in_progress",
        ticketIds: ["T-1"],
      },
    ],
    kbArticles: [],
    chatMessages: [],
    escalations: [],
  };
}
