/**
 * Customer-facing update drafts: the pure composer (tone by severity, next update time, what may
 * and may not appear) and `escalate draft-update` through the built CLI with fixed clocks.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Severity } from "../src/domain/bundle.js";
import { loadDefaultPolicy } from "../src/config/load-policy.js";
import {
  composeCustomerUpdate,
  customerFacts,
  type CustomerUpdateKind,
} from "../src/lifecycle/customer-update.js";
import {
  addUpdate,
  replayEscalation,
  resolveEscalation,
  type EscalationEvent,
} from "../src/lifecycle/escalation.js";
import {
  cliWorkspace,
  DESCRIPTION,
  eventsOf,
  OPENED,
  openedLog,
  stampAt,
  type CliWorkspace,
} from "./helpers/lifecycle.js";
import { baseline } from "./helpers/workspace.js";

const INTERNAL_NOTE = "CANARY-7731 internal only: Sam's lock patch broke checkout, do not tell the customer";
const INTERNAL_TOKEN = "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB";
const CUSTOMER_TOKEN = "sk_live_51HcXyZabcdefghijklmnop9999";
const CUSTOMER_NOTE = `We reproduced the error and are working on a fix (ref ${CUSTOMER_TOKEN})`;
const ROOT_CAUSE = "Lock timeout in asset-registry after release 7.42.0";
const LEARNINGS = "alert on lock waits over 5 s";

const BRIEF = `## ESCALATION: ${DESCRIPTION}\n\n### What's Been Tried\n1. Reproduced against the sandbox\n`;
const { tone } = loadDefaultPolicy().customerUpdates;

// One escalation with an internal note (and a token) and a customer note (and a token).
function history(severity: Severity): EscalationEvent[] {
  let log = openedLog({ severity, briefMarkdown: BRIEF });
  const add = (audience: "internal" | "customer", note: string, at: string) => {
    log = [...log, ...eventsOf(addUpdate(replayEscalation("E", log), { audience, note }, stampAt(at)))];
  };
  add("internal", `${INTERNAL_NOTE} ${INTERNAL_TOKEN}`, "2026-11-10T17:00:00Z");
  add("customer", CUSTOMER_NOTE, "2026-11-10T17:30:00Z");
  return log;
}

interface Drafted {
  subject: string;
  body: string;
  nextUpdateAt: string;
  severity: string;
}

function draft(severity: Severity, kind: CustomerUpdateKind, now = "2026-11-10T18:00:00Z") {
  const log = history(severity);
  const result = composeCustomerUpdate(
    customerFacts(replayEscalation("ESC-2026-0001", log), log, ["Acme Corp"]),
    {
      kind,
      now: new Date(now),
      tone,
    },
  );
  if (!result.ok) throw new Error(result.message);
  return result.draft;
}

describe("composeCustomerUpdate (pure)", () => {
  it.each<[Severity, string, string]>([
    // Customer cadence's low end from now (Tuesday 18:00 UTC); Medium's is one business day.
    ["Critical", "2026-11-10T20:00:00.000Z", "Tue 10 Nov 2026, 20:00 UTC"],
    ["High", "2026-11-10T22:00:00.000Z", "Tue 10 Nov 2026, 22:00 UTC"],
    ["Medium", "2026-11-11T18:00:00.000Z", "Wed 11 Nov 2026, 18:00 UTC"],
  ])("%s: the next update is due %s and the text says so", (severity, iso, text) => {
    for (const kind of ["interim", "status"] as const) {
      const d = draft(severity, kind);
      expect(d.nextUpdateAt.toISOString()).toBe(iso);
      expect(d.body).toContain(text);
    }
  });

  it.each<[CustomerUpdateKind]>([["interim"], ["status"]])(
    "%s: never an internal note, the brief's internals, or an unmasked token",
    (kind) => {
      const d = draft("High", kind);
      const all = `${d.subject}\n${d.body}`;
      expect(all).not.toContain("CANARY-7731");
      expect(all).not.toContain("Sam's lock patch");
      expect(all).not.toContain(INTERNAL_TOKEN);
      expect(all).not.toContain("Reproduced against the sandbox");
      expect(all).not.toContain(CUSTOMER_TOKEN);
      expect(all).toContain(DESCRIPTION);
      expect(all).toContain("Hello Acme Corp team,");
    },
  );

  it("status quotes the last customer update, masked", () => {
    expect(draft("High", "status").body).toContain(
      "Our last update (Tue 10 Nov 2026, 17:30 UTC): We reproduced the error and are working on a fix (ref [REDACTED:Stripe key]).",
    );
  });

  it("takes a different tone for Critical (urgent, direct, shorter) than for Medium (calmer)", () => {
    for (const kind of ["interim", "status"] as const) {
      const critical = draft("Critical", kind);
      const medium = draft("Medium", kind);
      expect(critical.subject).toMatch(/^Urgent/);
      expect(medium.subject).not.toMatch(/Urgent/);
      expect(critical.body).toMatch(/top priority/);
      expect(medium.body).not.toMatch(/top priority/);
      expect(critical.body.length).toBeLessThan(medium.body.length);
      expect(critical.nextUpdateAt.getTime()).toBeLessThan(medium.nextUpdateAt.getTime());
    }
    expect(draft("Medium", "interim").body).toMatch(/Thank you .* patience/);
  });

  it("fills {team} and {next} wherever a team's wording puts them", () => {
    const log = history("High");
    const facts = customerFacts(replayEscalation("ESC-2026-0001", log), log, ["Acme Corp"]);
    const reworded = {
      ...tone,
      High: { ...tone.High, subject: { ...tone.High.subject, interim: "{team}, by {next}" } },
    };
    const result = composeCustomerUpdate(facts, {
      kind: "interim",
      now: new Date("2026-11-10T18:00:00Z"),
      tone: reworded,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.subject).toBe(
      `Our engineering team, by Tue 10 Nov 2026, 22:00 UTC: ${DESCRIPTION} [ESC-2026-0001]`,
    );
  });

  it("refuses a resolution while open, and an interim once resolved", () => {
    const log = history("High");
    const open = replayEscalation("ESC-2026-0001", log);
    const facts = customerFacts(open, log, ["Acme Corp"]);
    const refused = composeCustomerUpdate(facts, {
      kind: "resolution",
      now: new Date("2026-11-10T18:00:00Z"),
      tone,
    });
    expect(refused).toEqual({
      ok: false,
      message: expect.stringMatching(/is open; --kind resolution needs a resolved/) as unknown,
    });

    const resolvedLog = [
      ...log,
      ...eventsOf(
        resolveEscalation(
          open,
          { rootCause: ROOT_CAUSE, learnings: LEARNINGS },
          stampAt("2026-11-10T19:00:00Z"),
        ),
      ),
    ];
    const resolved = customerFacts(replayEscalation("ESC-2026-0001", resolvedLog), resolvedLog, [
      "Acme Corp",
    ]);
    const interim = composeCustomerUpdate(resolved, {
      kind: "interim",
      now: new Date("2026-11-10T19:10:00Z"),
      tone,
    });
    expect(interim.ok).toBe(false);

    const generic = composeCustomerUpdate(resolved, {
      kind: "resolution",
      now: new Date("2026-11-10T19:10:00Z"),
      tone,
    });
    const verbatim = composeCustomerUpdate(resolved, {
      kind: "resolution",
      now: new Date("2026-11-10T19:10:00Z"),
      tone,
      includeRootCause: true,
    });
    if (!generic.ok || !verbatim.ok) throw new Error("expected drafts");
    expect(generic.draft.body).not.toContain(ROOT_CAUSE);
    expect(generic.draft.body).toContain("We identified the root cause and addressed it.");
    expect(generic.draft.body).toContain("resolved since Tue 10 Nov 2026, 19:00 UTC");
    expect(generic.draft.rootCauseIncluded).toBe(false);
    expect(verbatim.draft.body).toContain(`Root cause: ${ROOT_CAUSE}.`);
    expect(verbatim.draft.rootCauseIncluded).toBe(true);
    for (const d of [generic.draft, verbatim.draft]) {
      expect(d.body).not.toContain(LEARNINGS);
      expect(d.body).not.toContain("CANARY-7731");
      // The check-in after a resolution follows the customer cadence (High: 4 h).
      expect(d.body).toContain("Tue 10 Nov 2026, 23:10 UTC");
    }
  });
});

describe("escalate draft-update CLI", () => {
  let workspace: CliWorkspace;
  let id: string;
  const run = (args: string[], env: Record<string, string> = {}) => workspace.run(args, env);
  const drafted = (
    kind: CustomerUpdateKind,
    now: string,
    extra: string[] = [],
    env: Record<string, string> = {},
  ) => workspace.json<Drafted>(["draft-update", id, "--kind", kind, "--now", now, ...extra], env);

  beforeAll(() => {
    workspace = cliWorkspace();
    id = workspace.json<{ id: string }>(["open", DESCRIPTION, "--now", OPENED]).id;
    const update = (audience: string, note: string, now: string) =>
      expect(run(["update", id, "--audience", audience, "--note", note, "--now", now]).code).toBe(0);
    update("internal", `${INTERNAL_NOTE} ${INTERNAL_TOKEN}`, "2026-11-10T17:00:00Z");
    update("customer", CUSTOMER_NOTE, "2026-11-10T17:30:00Z");
  });
  afterAll(() => workspace.cleanup());

  it("drafts interim and status updates with the next update time and nothing internal", () => {
    for (const kind of ["interim", "status"] as const) {
      // High, Acme's 4 h update SLA: next customer update by 22:00.
      const d = drafted(kind, "2026-11-10T18:00:00Z");
      expect(d.nextUpdateAt).toBe("2026-11-10T22:00:00.000Z");
      expect(d.body).toContain("Tue 10 Nov 2026, 22:00 UTC");
      const all = `${d.subject}\n${d.body}`;
      for (const secret of [
        "CANARY-7731",
        INTERNAL_TOKEN,
        CUSTOMER_TOKEN,
        "Reproduced against the sandbox",
        "480,000",
      ]) {
        expect(all).not.toContain(secret);
      }
    }
    const markdown = run(["draft-update", id, "--kind", "status", "--now", "2026-11-10T18:00:00Z"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(
      /^Subject: Status update: Order API returning HTTP 500 errors intermittently for Acme \[ESC-2026-0001\]\n\nHello Acme Corp team,/,
    );
    expect(markdown.stdout).toContain("[REDACTED:Stripe key]");
    expect(markdown.stdout).not.toContain("CANARY-7731");
  });

  it("takes the wording from a team policy file: one phrase reworded, the rest kept", () => {
    const file = join(workspace.dir, "team-tone.yaml");
    writeFileSync(
      file,
      'customerUpdates:\n  tone:\n    High:\n      next: "Expect our next note by {next} at the latest."\n',
    );
    const now = "2026-11-10T18:00:00Z";
    const defaults = drafted("interim", now);
    const before = "When you will hear from us next: We will update you again by Tue 10 Nov 2026, 22:00 UTC.";
    const after =
      "When you will hear from us next: Expect our next note by Tue 10 Nov 2026, 22:00 UTC at the latest.";
    expect(defaults.body).toContain(before);
    for (const reworded of [
      drafted("interim", now, ["--policy", file]),
      drafted("interim", now, [], { ESCALATE_POLICY: file }),
    ]) {
      expect(reworded.body).toContain(after);
      expect(reworded.body).not.toContain("We will update you again");
      expect(reworded.body.replace(after, before)).toBe(defaults.body);
      expect(reworded.subject).toBe(defaults.subject);
    }
  });

  it("refuses a team wording with an unknown placeholder, naming the path: exit 2", () => {
    const file = join(workspace.dir, "bad-tone.yaml");
    writeFileSync(file, 'customerUpdates:\n  tone:\n    High:\n      doing: "{tem} is on it."\n');
    const r = run(["draft-update", id, "--kind", "interim", "--policy", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^escalate: policy: .*bad-tone\.yaml: customerUpdates\.tone\.High\.doing: unknown placeholder \{tem\}; use \{team\} or \{next\}\n$/,
    );
  });

  it("refuses a resolution while open: exit 2, one line", () => {
    const r = run(["draft-update", id, "--kind", "resolution", "--now", "2026-11-10T18:00:00Z"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^escalate: draft-update: escalation ESC-2026-0001 is open; --kind resolution/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([[["--kind", "apology"]], [[]]])("refuses a missing or unknown --kind %j with exit 2", (args) => {
    const r = run(["draft-update", id, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^escalate: --kind: /);
  });

  it("changes tone with the severity and drafts the resolution once resolved", () => {
    expect(
      run([
        "severity",
        id,
        "Critical",
        "--because",
        "a second plant is down",
        "--now",
        "2026-11-10T18:10:00Z",
      ]).code,
    ).toBe(0);
    const critical = drafted("status", "2026-11-10T18:20:00Z");
    expect(critical.severity).toBe("Critical");
    expect(critical.nextUpdateAt).toBe("2026-11-10T20:20:00.000Z");
    expect(critical.subject).toMatch(/^Urgent status:/);
    expect(critical.body).not.toContain("a second plant is down");

    expect(
      run(["severity", id, "Medium", "--because", "workaround holds", "--now", "2026-11-10T18:30:00Z"]).code,
    ).toBe(0);
    const medium = drafted("status", "2026-11-10T18:40:00Z");
    expect(medium.subject).toMatch(/^Status update:/);
    expect(medium.body).toMatch(/where things stand/);
    expect(medium.body).not.toMatch(/top priority/);
    expect(critical.body.length).toBeLessThan(medium.body.length);

    expect(
      run([
        "resolve",
        id,
        "--root-cause",
        ROOT_CAUSE,
        "--learnings",
        LEARNINGS,
        "--now",
        "2026-11-10T19:00:00Z",
      ]).code,
    ).toBe(0);
    const generic = drafted("resolution", "2026-11-10T19:10:00Z");
    expect(generic.body).not.toContain(ROOT_CAUSE);
    expect(generic.body).not.toContain(LEARNINGS);
    expect(generic.body).toContain("resolved since Tue 10 Nov 2026, 19:00 UTC");
    expect(generic.body).toContain("Tue 10 Nov 2026, 23:10 UTC");
    const verbatim = drafted("resolution", "2026-11-10T19:10:00Z", ["--include-root-cause"]);
    expect(verbatim.body).toContain(`Root cause: ${ROOT_CAUSE}.`);
    expect(verbatim.body).not.toContain("CANARY-7731");
  });
});

describe("escalate draft-update: time zone", () => {
  it("writes every time in the team's zone (the bundle has no account time zone; docs/decisions.md)", () => {
    const bundle = baseline();
    bundle.team = { ...bundle.team, timeZone: "Europe/Berlin" };
    const workspace = cliWorkspace(bundle);
    try {
      const { id } = workspace.json<{ id: string }>(["open", DESCRIPTION, "--now", OPENED]);
      const update = ["update", id, "--audience", "customer", "--note", "Fix in review"];
      expect(workspace.run([...update, "--now", "2026-11-10T17:30:00Z"]).code).toBe(0);
      const status = workspace.json<Drafted>([
        "draft-update",
        id,
        "--kind",
        "status",
        "--now",
        "2026-11-10T18:00:00Z",
      ]);
      // 17:30 and 22:00 UTC are 18:30 and 23:00 in Berlin (CET, UTC+1)
      expect(status.body).toContain("Our last update (Tue 10 Nov 2026, 18:30 CET): Fix in review.");
      expect(status.body).toContain("We will update you again by Tue 10 Nov 2026, 23:00 CET.");
      expect(status.nextUpdateAt).toBe("2026-11-10T22:00:00.000Z");

      const resolve = ["resolve", id, "--root-cause", "lock timeout", "--now", "2026-11-10T19:00:00Z"];
      expect(workspace.run(resolve).code).toBe(0);
      const resolution = workspace.json<Drafted>([
        "draft-update",
        id,
        "--kind",
        "resolution",
        "--now",
        "2026-11-10T19:10:00Z",
      ]);
      expect(resolution.body).toContain("resolved since Tue 10 Nov 2026, 20:00 CET");
      expect(resolution.body).toContain("by Wed 11 Nov 2026, 00:10 CET");
      expect(`${status.body}${resolution.body}`).not.toContain("UTC");
    } finally {
      workspace.cleanup();
    }
  });
});
