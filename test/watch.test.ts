/**
 * Follow-up reminders: the pure choice of what to announce (fixed times), and `escalate watch` as
 * a real child process on the real clock: it announces once, stops cleanly on SIGTERM/SIGINT, and a
 * restart never repeats what was announced; an update starts a new cycle.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DueSchedule, DueTimes } from "../src/lifecycle/cadence.js";
import {
  reminderKey,
  remindersToAnnounce,
  type ReminderKind,
  type ReminderSource,
} from "../src/lifecycle/reminders.js";
import { sleep, startCli } from "./helpers/child-cli.js";
import { baseline, cli, tempDir, writeBundle } from "./helpers/workspace.js";

const d = (iso: string) => new Date(iso);
const times = (clockStart: string, dueAt: string, overdueAt = dueAt): DueTimes => ({
  clockStart: d(clockStart),
  dueAt: d(dueAt),
  overdueAt: d(overdueAt),
});
// High with no SLA cap: customer due at +4 h, overdue after +8 h; internal due (= overdue) at +4 h.
const OPENED = "2026-11-10T16:00:00.000Z";
const customerOnly: DueSchedule = {
  internal: null,
  customer: times(OPENED, "2026-11-10T20:00:00Z", "2026-11-11T00:00:00Z"),
};
const source = (schedule: DueSchedule, escalationId = "ESC-2026-0001"): ReminderSource => ({
  escalationId,
  schedule,
});
const announcedFor = (...kinds: ReminderKind[]) =>
  new Set(
    kinds.map((kind) =>
      reminderKey({ escalationId: "ESC-2026-0001", audience: "customer", cycleStart: d(OPENED), kind }),
    ),
  );

describe("remindersToAnnounce (pure)", () => {
  it.each<[string, string, ReminderKind[], Array<[ReminderKind, ReminderKind[]]>]>([
    ["nothing before it is due", "2026-11-10T19:59:59Z", [], []],
    ["due at its due time", "2026-11-10T20:00:00Z", [], [["due", ["due"]]]],
    ["nothing more while due and announced", "2026-11-10T23:00:00Z", ["due"], []],
    ["still due at the overdue instant (overdue is strictly after)", "2026-11-11T00:00:00Z", ["due"], []],
    ["overdue after its overdue time", "2026-11-11T00:00:01Z", ["due"], [["overdue", ["overdue"]]]],
    [
      "overdue only (settling due) when first seen overdue",
      "2026-11-11T03:00:00Z",
      [],
      [["overdue", ["due", "overdue"]]],
    ],
    ["nothing once overdue was announced", "2026-11-12T00:00:00Z", ["overdue"], []],
    ["nothing due when the clock went back after overdue", "2026-11-10T21:00:00Z", ["overdue"], []],
  ])("%s", (_name, now, announced, expected) => {
    const got = remindersToAnnounce([source(customerOnly)], announcedFor(...announced), d(now));
    expect(got.map((r) => [r.kind, r.settles])).toEqual(expected);
  });

  it("announces the instant it became due or overdue, with the cycle's times", () => {
    const [overdue] = remindersToAnnounce(
      [source(customerOnly)],
      announcedFor("due"),
      d("2026-11-11T01:00:00Z"),
    );
    expect(overdue).toEqual({
      escalationId: "ESC-2026-0001",
      audience: "customer",
      kind: "overdue",
      cycleStart: d(OPENED),
      dueAt: d("2026-11-10T20:00:00Z"),
      overdueAt: d("2026-11-11T00:00:00Z"),
      at: d("2026-11-11T00:00:00Z"),
      settles: ["overdue"],
    });
  });

  it("starts over for a new cycle (a later clock start) even when the old one was announced", () => {
    const updated: DueSchedule = {
      internal: null,
      customer: times("2026-11-10T22:00:00Z", "2026-11-11T02:00:00Z", "2026-11-11T06:00:00Z"),
    };
    const announced = announcedFor("due", "overdue");
    expect(remindersToAnnounce([source(updated)], announced, d("2026-11-11T01:59:00Z"))).toEqual([]);
    expect(
      remindersToAnnounce([source(updated)], announced, d("2026-11-11T02:00:00Z")).map((r) => [
        r.kind,
        r.cycleStart.toISOString(),
      ]),
    ).toEqual([["due", "2026-11-10T22:00:00.000Z"]]);
  });

  it("internal: due at its instant, overdue a moment later", () => {
    const internal: DueSchedule = { internal: times(OPENED, "2026-11-10T20:00:00Z"), customer: null };
    const at = (now: string) => remindersToAnnounce([source(internal)], new Set(), d(now)).map((r) => r.kind);
    expect(at("2026-11-10T20:00:00Z")).toEqual(["due"]);
    expect(at("2026-11-10T20:00:00.001Z")).toEqual(["overdue"]);
  });

  it("never announces a de-escalated or resolved escalation (null schedule)", () => {
    const closed = source({ internal: null, customer: null });
    expect(remindersToAnnounce([closed], new Set(), d("2030-01-01T00:00:00Z"))).toEqual([]);
  });

  it("sorts by when it became due, then id, then audience", () => {
    const both: DueSchedule = {
      internal: times(OPENED, "2026-11-10T20:00:00Z"),
      customer: times(OPENED, "2026-11-10T20:00:00Z", "2026-11-11T00:00:00Z"),
    };
    const earlier: DueSchedule = {
      internal: times("2026-11-10T15:00:00Z", "2026-11-10T19:00:00Z"),
      customer: null,
    };
    const got = remindersToAnnounce(
      [source(both, "ESC-2026-0002"), source(both, "ESC-2026-0001"), source(earlier, "ESC-2026-0003")],
      new Set(),
      d("2026-11-10T20:00:00Z"),
    );
    expect(got.map((r) => `${r.escalationId} ${r.audience} ${r.kind}`)).toEqual([
      "ESC-2026-0003 internal overdue",
      "ESC-2026-0001 internal due",
      "ESC-2026-0001 customer due",
      "ESC-2026-0002 internal due",
      "ESC-2026-0002 customer due",
    ]);
  });
});

describe("escalate watch (child process, real clock)", () => {
  let dir: string;
  let cleanup: () => void;
  let db: string;
  let policy: string;
  const env = (): Record<string, string> => ({ ESCALATE_CONFIG: join(dir, "no-config.yaml") });
  const run = (args: string[]) => cli([...args, "--db", db], { env: env() });
  // Opened two hours ago on the real clock, with a 1 h internal and 1–1000 h customer cadence
  // (Acme's 4 h SLA caps the customer's overdue at 4 h): internal is overdue, customer only due.
  const startedAt = Date.now();
  const ago = (minutes: number) => new Date(startedAt - minutes * 60_000).toISOString();
  const open = (): string => {
    const r = run([
      "open",
      "Order API returning HTTP 500 errors intermittently for Acme",
      "--now",
      ago(120),
      "--policy",
      policy,
      "--format",
      "json",
    ]);
    expect(r.stderr).toBe("");
    return (JSON.parse(r.stdout) as { id: string }).id;
  };
  const lines = (stdout: string) => stdout.split("\n").filter((l) => l.trim() !== "");
  let first: string;

  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    db = join(dir, "store.db");
    policy = join(dir, "policy.yaml");
    const level = "{ internal: { hours: 1 }, customer: { low: { hours: 1 }, high: { hours: 1000 } } }";
    writeFileSync(policy, `cadence:\n  Critical: ${level}\n  High: ${level}\n  Medium: ${level}\n`);
    expect(cli(["import", writeBundle(dir, baseline()), "--db", db], { env: env() }).code).toBe(0);
    first = open();
  });
  afterAll(() => cleanup());

  it("announces each reminder once, stops cleanly on a signal, and a restart repeats nothing", async () => {
    const watch = startCli(["watch", "--interval", "1", "--db", db], { env: env() });
    await watch.waitFor((out) => lines(out).length >= 2);
    await sleep(1_500); // at least one more tick: still nothing new
    watch.child.kill("SIGTERM");
    expect(await watch.exited).toEqual({ code: 0, signal: null });
    expect(watch.stderr()).toBe("");
    expect(existsSync(`${db}-wal`)).toBe(false); // the store was closed
    const announced = lines(watch.stdout());
    expect(announced).toHaveLength(2);
    expect(announced[0]).toMatch(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC  OVERDUE  ${first} internal follow-up \\(\\w+, Acme Corp\\) — every 1 h$`,
      ),
    );
    expect(announced[1]).toMatch(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC  DUE      ${first} customer update \\(\\w+, Acme Corp\\) — every 1–4 h$`,
      ),
    );

    // A second escalation shows the restarted watcher ticked; a de-escalated one is never announced.
    const second = open();
    const closed = open();
    expect(run(["deescalate", closed, "--reason", "workaround unblocks them", "--now", ago(119)]).code).toBe(
      0,
    );
    const again = startCli(["watch", "--interval", "1", "--db", db], { env: env() });
    await again.waitFor((out) => lines(out).length >= 2);
    await sleep(1_500);
    again.child.kill("SIGINT");
    expect(await again.exited).toEqual({ code: 0, signal: null });
    const restarted = lines(again.stdout());
    expect(restarted.map((l) => / (ESC-\d{4}-\d{4}) /.exec(l)?.[1])).toEqual([second, second]);
    expect(restarted.join("\n")).not.toContain(first);
    expect(restarted.join("\n")).not.toContain(closed);
  });

  it("announces again once an update starts a new cycle for that audience", () => {
    expect(run(["watch", "--once"]).stdout).toBe("");
    // Internal update 90 min ago: its next follow-up was due 30 min ago, so it is overdue now.
    expect(run(["update", first, "--note", "checked with Core", "--now", ago(90)]).code).toBe(0);
    const once = run(["watch", "--once"]);
    expect(once.code).toBe(0);
    expect(lines(once.stdout)).toHaveLength(1);
    expect(once.stdout).toMatch(new RegExp(`OVERDUE  ${first} internal follow-up`));
    expect(run(["watch", "--once"]).stdout).toBe("");

    // A customer update, then a fixed clock past its overdue time: one JSON line settles the cycle
    // (the second escalation's customer update, only due so far, turns overdue too).
    expect(
      run(["update", first, "--audience", "customer", "--note", "still on it", "--now", ago(80)]).code,
    ).toBe(0);
    const fixed = run([
      "watch",
      "--now",
      new Date(startedAt + 5 * 3_600_000).toISOString(),
      "--format",
      "json",
    ]);
    expect(fixed.code).toBe(0);
    const second = (
      JSON.parse(run(["list", "--format", "json"]).stdout) as { escalations: Array<{ id: string }> }
    ).escalations[1]?.id;
    expect(lines(fixed.stdout).map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({ kind: "overdue", escalationId: second, audience: "customer" }),
      expect.objectContaining({
        kind: "overdue",
        escalationId: first,
        audience: "customer",
        cycleStart: new Date(ago(80)).toISOString(),
        accounts: ["Acme Corp"],
        cadence: "every 1–4 h",
      }),
    ]);
    expect(run(["watch", "--once"]).stdout).toBe("");
  });

  it("refuses a bad interval with one line and exit 2", () => {
    const r = run(["watch", "--interval", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^escalate: --interval: expected seconds between checks/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
