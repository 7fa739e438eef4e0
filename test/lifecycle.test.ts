/**
 * The escalation lifecycle: the pure transitions and fold, the append-only store, and a scripted
 * run of the built CLI with fixed clocks (CONTRACT.md "Escalation lifecycle").
 */
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerLifecycle } from "../src/cli/commands/lifecycle.js";
import type { Bundle } from "../src/domain/bundle.js";
import {
  addUpdate,
  changeSeverity,
  completeTask,
  deescalate,
  nextEscalationId,
  parseTask,
  replayEscalation,
  resolveEscalation,
  scheduleOf,
  type Escalation,
  type EscalationEvent,
} from "../src/lifecycle/escalation.js";
import { escalationStore } from "../src/store/escalation-store.js";
import { openStore } from "../src/store/sqlite-store.js";
import {
  cliWorkspace,
  DESCRIPTION,
  eventsOf,
  OPENED,
  openedLog,
  refusalOf,
  stampAt,
  type CliWorkspace,
} from "./helpers/lifecycle.js";
import { baseline, cli, tempDir, writeBundle } from "./helpers/workspace.js";

describe("lifecycle core (pure)", () => {
  it("numbers escalations per year", () => {
    expect(nextEscalationId([], new Date(OPENED))).toBe("ESC-2026-0001");
    expect(nextEscalationId(["ESC-2026-0001", "ESC-2026-0009", "ESC-2025-0042"], new Date(OPENED))).toBe(
      "ESC-2026-0010",
    );
    expect(nextEscalationId(["ESC-2026-0003"], new Date("2027-01-01T00:00:00Z"))).toBe("ESC-2027-0001");
  });

  it("folds events into the current state, keeping the clock across a severity change", () => {
    let log = openedLog();
    let state: Escalation = replayEscalation("ESC-2026-0001", log);
    expect(scheduleOf(state).internal?.dueAt.toISOString()).toBe("2026-11-10T20:00:00.000Z");

    log = [
      ...log,
      ...eventsOf(
        addUpdate(state, { audience: "customer", note: "still on it" }, stampAt("2026-11-10T18:00:00Z")),
      ),
    ];
    state = replayEscalation("ESC-2026-0001", log);
    expect(state.lastCustomerUpdate).toBe("2026-11-10T18:00:00.000Z");
    expect(scheduleOf(state).customer?.dueAt.toISOString()).toBe("2026-11-10T22:00:00.000Z");

    log = [
      ...log,
      ...eventsOf(
        changeSeverity(
          state,
          { to: "Critical", because: "second customer" },
          stampAt("2026-11-10T18:30:00Z"),
        ),
      ),
    ];
    state = replayEscalation("ESC-2026-0001", log);
    expect(state.severity).toBe("Critical");
    expect(scheduleOf(state).internal?.dueAt.toISOString()).toBe("2026-11-10T18:00:00.000Z");
    expect(scheduleOf(state).customer?.dueAt.toISOString()).toBe("2026-11-10T20:00:00.000Z");
  });

  it("de-escalation creates the practice's four tasks and stops the clocks", () => {
    const state = replayEscalation("ESC-2026-0001", openedLog());
    const created = eventsOf(deescalate(state, "workaround unblocks them", stampAt("2026-11-10T17:00:00Z")));
    expect(created.map((e) => e.type)).toEqual(["deescalate", "task", "task", "task", "task"]);
    const after = replayEscalation("ESC-2026-0001", [...openedLog(), ...created]);
    expect(after.status).toBe("deescalated");
    expect(after.tasks.map((t) => t.task)).toEqual([
      "notify-team",
      "update-ticket",
      "inform-customer",
      "document-learnings",
    ]);
    expect(scheduleOf(after)).toEqual({ internal: null, customer: null });
    // still takes updates (the customer hears how it ends); only a resolved escalation refuses them
    expect(
      refusalOf(
        addUpdate(after, { audience: "customer", note: "fix confirmed" }, stampAt("2026-11-10T17:01:00Z")),
      ),
    ).toBe("");
    const done = eventsOf(completeTask(after, { task: "inform-customer" }, stampAt("2026-11-10T17:05:00Z")));
    const final = replayEscalation("ESC-2026-0001", [...openedLog(), ...created, ...done]);
    expect(final.tasks.filter((t) => t.done).map((t) => t.task)).toEqual(["inform-customer"]);
    expect(
      refusalOf(completeTask(final, { task: "inform-customer" }, stampAt("2026-11-10T17:06:00Z"))),
    ).toMatch(/already done/);
  });

  it.each([
    [
      "an unchanged severity",
      (s: Escalation) => changeSeverity(s, { to: "High", because: "x" }, stampAt("2026-11-10T17:00:00Z")),
      /already High/,
    ],
    [
      "an empty note",
      (s: Escalation) => addUpdate(s, { audience: "internal", note: " " }, stampAt("2026-11-10T17:00:00Z")),
      /--note: required/,
    ],
    [
      "a back-dated event",
      (s: Escalation) => addUpdate(s, { audience: "internal", note: "n" }, stampAt("2026-11-10T15:00:00Z")),
      /before escalation ESC-2026-0001's last event/,
    ],
    [
      "a missing root cause",
      (s: Escalation) => resolveEscalation(s, { rootCause: undefined }, stampAt("2026-11-10T17:00:00Z")),
      /--root-cause: required/,
    ],
    [
      "a task before de-escalation",
      (s: Escalation) => completeTask(s, { task: "notify-team" }, stampAt("2026-11-10T17:00:00Z")),
      /no de-escalation tasks/,
    ],
  ])("refuses %s", (_name, act, message) => {
    expect(refusalOf(act(replayEscalation("ESC-2026-0001", openedLog())))).toMatch(message);
  });

  it("refuses changes to a resolved escalation", () => {
    const state = replayEscalation("ESC-2026-0001", openedLog());
    const resolved = replayEscalation("ESC-2026-0001", [
      ...openedLog(),
      ...eventsOf(resolveEscalation(state, { rootCause: "lock timeout" }, stampAt("2026-11-10T17:00:00Z"))),
    ]);
    const later = stampAt("2026-11-10T18:00:00Z");
    expect(refusalOf(addUpdate(resolved, { audience: "customer", note: "x" }, later))).toBe(
      "escalation ESC-2026-0001: resolved; an update applies only to open or deescalated escalations",
    );
    expect(refusalOf(changeSeverity(resolved, { to: "Critical", because: "x" }, later))).toMatch(
      /only to open/,
    );
    expect(refusalOf(deescalate(resolved, "x", later))).toMatch(/only to open/);
    expect(refusalOf(resolveEscalation(resolved, { rootCause: "x" }, later))).toMatch(
      /only to open or deescalated/,
    );
  });

  it("reads task names and numbers", () => {
    expect(parseTask("notify-team")).toBe("notify-team");
    expect(parseTask("4")).toBe("document-learnings");
    expect(parseTask("5")).toBeNull();
  });
});

describe("escalation store", () => {
  it("keeps events append-only and the row recomputable from them", () => {
    const store = openStore(":memory:");
    try {
      const escalations = escalationStore(store);
      const first = escalations.open(openedLog()[0] as EscalationEvent & { type: "open" });
      expect(first.id).toBe("ESC-2026-0001");
      escalations.append(
        first.id,
        eventsOf(
          addUpdate(first, { audience: "internal", note: "checked" }, stampAt("2026-11-10T17:00:00Z")),
        ),
      );
      expect(escalations.recompute(first.id)).toEqual(escalations.get(first.id));
      expect(escalations.events(first.id).map((e) => e.type)).toEqual(["open", "update"]);
      expect(() => store.db.prepare("UPDATE escalation_events SET type = 'x'").run()).toThrow(/append-only/);
      expect(() => store.db.prepare("DELETE FROM escalation_events").run()).toThrow(/append-only/);
      expect(escalations.open(openedLog()[0] as EscalationEvent & { type: "open" }).id).toBe("ESC-2026-0002");
    } finally {
      store.close();
    }
  });
});

describe("escalate lifecycle CLI", () => {
  let workspace: CliWorkspace;
  const run = (args: string[], env: Record<string, string> = {}) => workspace.run(args, env);
  const json = (args: string[]) => workspace.json(args);
  const due = (now: string) => json(["due", "--now", now]).due;

  beforeAll(() => {
    workspace = cliWorkspace();
  });
  afterAll(() => workspace.cleanup());

  it("follows an escalation from open to resolve with fixed clocks", () => {
    const open = run(["open", DESCRIPTION, "--now", OPENED, "--format", "json"], {
      ESCALATE_ACTOR: "Dana (L2)",
    });
    expect(open.code).toBe(0);
    expect(JSON.parse(open.stdout)).toMatchObject({
      id: "ESC-2026-0001",
      severity: "High",
      target: "Engineering",
    });
    const id = "ESC-2026-0001";

    // High: internal every 4 h; customer 4–8 h capped by Acme's 4 h SLA updates.
    expect(due("2026-11-10T19:59:00Z")).toEqual([]);
    expect(due("2026-11-10T20:00:00Z")).toEqual([
      { escalationId: id, audience: "internal", dueAt: "2026-11-10T20:00:00.000Z", overdue: false },
      { escalationId: id, audience: "customer", dueAt: "2026-11-10T20:00:00.000Z", overdue: false },
    ]);
    expect(due("2026-11-10T21:00:00Z")).toMatchObject([{ overdue: true }, { overdue: true }]);

    // A customer update resets only the customer clock.
    expect(
      run([
        "update",
        id,
        "--note",
        "Still investigating",
        "--audience",
        "customer",
        "--now",
        "2026-11-10T21:00:00Z",
      ]).code,
    ).toBe(0);
    expect(due("2026-11-10T21:00:00Z")).toEqual([
      { escalationId: id, audience: "internal", dueAt: "2026-11-10T20:00:00.000Z", overdue: true },
    ]);
    expect(due("2026-11-11T01:00:00Z")).toMatchObject([
      { audience: "internal", dueAt: "2026-11-10T20:00:00.000Z" },
      { audience: "customer", dueAt: "2026-11-11T01:00:00.000Z" },
    ]);

    // An internal update, then Critical: the clocks stay, the intervals shorten to 2 h.
    expect(run(["update", id, "--note", "Checked with Core", "--now", "2026-11-10T21:30:00Z"]).code).toBe(0);
    expect(
      run([
        "severity",
        id,
        "Critical",
        "--because",
        "a second plant is down",
        "--now",
        "2026-11-10T22:00:00Z",
      ]).code,
    ).toBe(0);
    expect(due("2026-11-10T22:59:00Z")).toEqual([]);
    expect(due("2026-11-10T23:30:00Z")).toEqual(
      [
        { escalationId: id, audience: "internal", dueAt: "2026-11-10T23:30:00.000Z", overdue: false },
        { escalationId: id, audience: "customer", dueAt: "2026-11-10T23:00:00.000Z", overdue: false },
      ].sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    );

    // De-escalation stops the follow-ups and creates the four tasks; resolve needs a root cause.
    expect(
      run(["deescalate", id, "--reason", "workaround unblocks them", "--now", "2026-11-11T00:00:00Z"]).code,
    ).toBe(0);
    expect(due("2026-11-12T00:00:00Z")).toEqual([]);
    expect(run(["task", id, "notify-team", "--done", "--now", "2026-11-11T00:05:00Z"]).code).toBe(0);
    const missing = run(["resolve", id, "--now", "2026-11-11T01:00:00Z"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^escalate: --root-cause: required/);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(
      run([
        "resolve",
        id,
        "--root-cause",
        "lock timeout after 7.42.0",
        "--learnings",
        "alert on lock waits",
        "--now",
        "2026-11-11T01:00:00Z",
      ]).code,
    ).toBe(0);

    const shown = json(["show", id]);
    expect(shown).toMatchObject({
      id,
      status: "resolved",
      severity: "Critical",
      target: "Engineering",
      trackerKey: "ENG-1",
    });
    const log = shown.events as Array<{ at: string; type: string; actor: string; task?: string }>;
    expect(log.map((e) => e.type).filter((t) => !t.startsWith("task"))).toEqual([
      "open",
      "update",
      "update",
      "severity_change",
      "deescalate",
      "resolve",
    ]);
    expect(log.filter((e) => e.type === "task").map((e) => e.task)).toHaveLength(4);
    expect(log.filter((e) => e.type === "task_done").map((e) => e.task)).toEqual(["notify-team"]);
    expect(log.map((e) => e.at)).toEqual([...log.map((e) => e.at)].sort());
    expect(log[0]?.actor).toBe("Dana (L2)");
    expect(log[1]?.actor).toBe("unknown");

    const markdown = run(["show", id, "--now", "2026-11-11T02:00:00Z"]);
    expect(markdown.code).toBe(0);
    const order = [
      "## ESCALATION:",
      "### Timeline",
      "### Next follow-ups",
      "### De-escalation checklist",
    ].map((h) => markdown.stdout.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(markdown.stdout).toMatch(/- \[x\] 1\. Notify the team you escalated to/);
  });

  it("stops follow-ups of a resolved escalation and filters the list", () => {
    const opened = json(["open", DESCRIPTION, "--now", "2026-11-12T09:00:00Z"]);
    expect(opened.id).toBe("ESC-2026-0002");
    expect(due("2026-11-12T13:00:00Z")).toHaveLength(2);
    expect(
      run(["resolve", "esc-2026-0002", "--root-cause", "config", "--now", "2026-11-12T12:00:00Z"]).code,
    ).toBe(0);
    expect(due("2026-11-12T13:00:00Z")).toEqual([]);
    const all = json(["list", "--status", "all"]).escalations as Array<{ id: string; status: string }>;
    expect(all.map((e) => [e.id, e.status])).toEqual([
      ["ESC-2026-0001", "resolved"],
      ["ESC-2026-0002", "resolved"],
    ]);
    expect(json(["list"]).escalations).toEqual([]);
  });

  it.each([[["show", "ESC-2026-9999"]], [["resolve", "ESC-2026-9999", "--root-cause", "x"]]])(
    "exits 2 for an unknown id: %j",
    (args) => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("escalate: escalation ESC-2026-9999: not found; see `escalate list`\n");
    },
  );
});

describe("lifecycle commands", () => {
  it("registers every command with --db, --now and a description", () => {
    const program = new Command("escalate");
    registerLifecycle(program);
    const names = ["open", "list", "show", "update", "severity", "due", "deescalate", "task", "resolve"];
    expect(program.commands.map((c) => c.name())).toEqual(names);
    for (const command of program.commands) {
      expect(command.description()).not.toBe("");
      expect(command.options.map((o) => o.long)).toEqual(
        expect.arrayContaining(["--db", "--now", "--format"]),
      );
    }
  });

  it("prints help through the built CLI", () => {
    const r = cli(["task", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: escalate task/);
    expect(r.stdout).toMatch(/--done/);
  });
});

describe("escalate open, policy and calendar", () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  const storeWith = (name: string, bundle: Bundle): string => {
    const db = join(dir, `${name}.db`);
    expect(cli(["import", writeBundle(dir, bundle, `${name}.json`), "--db", db]).code).toBe(0);
    return db;
  };

  it("skips the weekend and a team holiday for a Medium escalation's customer update", () => {
    const bundle = baseline();
    bundle.team = { ...bundle.team, timeZone: "America/New_York", holidays: ["2026-11-17"] };
    // No SLA: the 1–2 business days are not capped by an update SLA (and the ticket's SLA state is unknown).
    for (const account of bundle.accounts ?? []) delete account.sla;
    const db = storeWith("friday", bundle);
    // Friday 2026-11-13 10:00 in New York.
    const open = cli(["open", DESCRIPTION, "--db", db, "--now", "2026-11-13T15:00:00Z", "--format", "json"]);
    expect(JSON.parse(open.stdout)).toMatchObject({ severity: "Medium" });
    const dueAt = (now: string) =>
      (JSON.parse(cli(["due", "--db", db, "--now", now, "--format", "json"]).stdout) as { due: unknown[] })
        .due;
    // Internal is daily in elapsed hours: Saturday 10:00.
    expect(dueAt("2026-11-14T15:00:00Z")).toEqual([
      {
        escalationId: "ESC-2026-0001",
        audience: "internal",
        dueAt: "2026-11-14T15:00:00.000Z",
        overdue: false,
      },
    ]);
    // Customer: 1 business day -> Monday 10:00; overdue after 2 business days -> Wednesday (Tuesday is a holiday).
    expect(dueAt("2026-11-16T14:59:00Z")).toHaveLength(1);
    expect(dueAt("2026-11-16T15:00:00Z")).toContainEqual({
      escalationId: "ESC-2026-0001",
      audience: "customer",
      dueAt: "2026-11-16T15:00:00.000Z",
      overdue: false,
    });
    expect(dueAt("2026-11-18T15:00:00Z")).toContainEqual(
      expect.objectContaining({ audience: "customer", overdue: false }),
    );
    expect(dueAt("2026-11-18T15:01:00Z")).toContainEqual(
      expect.objectContaining({ audience: "customer", overdue: true }),
    );
  });

  it("refuses to open what the policy handles in support, unless --force", () => {
    const bundle = baseline();
    bundle.kbArticles = [
      {
        id: "KB-9",
        kind: "workaround",
        title: "Order API HTTP 500 on POST /v2/orders: retry",
        body: "Intermittent HTTP 500 on POST /v2/orders: retry with an Idempotency-Key header until ENG-1 ships.",
      },
    ];
    const db = storeWith("support", bundle);
    const args = ["open", DESCRIPTION, "--db", db, "--now", "2026-11-10T02:00:00Z", "--format", "json"];
    const refused = cli(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^escalate: open: the policy says handle in support .*--force/);
    const forced = cli([...args, "--force"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      id: "ESC-2026-0001",
      severity: "Medium",
      target: "L2 Support",
    });
  });
});
