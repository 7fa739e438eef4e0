/**
 * A resolved escalation becomes a past escalation (POLICY.md section 1, "pattern": recurring after
 * a resolved escalation): the store and the full-text index hold it like an imported one, written
 * in the same transaction as the resolve event, and a later brief on the same problem reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveEscalation, type OpenEvent } from "../src/lifecycle/escalation.js";
import { escalationStore } from "../src/store/escalation-store.js";
import { openStore, type Store } from "../src/store/sqlite-store.js";
import {
  cliWorkspace,
  DESCRIPTION,
  eventsOf,
  OPENED,
  openedLog,
  stampAt,
  type CliWorkspace,
} from "./helpers/lifecycle.js";

const ROOT_CAUSE = "Lock timeout in the order writer after release 7.42.0";
const RESOLVED = "2026-11-11T10:00:00Z";
const BRIEF = `## ESCALATION: ${DESCRIPTION}\n`;

function openIn(store: Store) {
  const [open] = openedLog({ briefMarkdown: BRIEF });
  const event = { ...(open as OpenEvent), trackerKey: "ENG-1" };
  return escalationStore(store).open(event);
}

describe("a resolved escalation in the store", () => {
  it("is a past escalation, in the table and the full-text index, only once resolved", () => {
    const store = openStore(":memory:");
    try {
      const escalations = escalationStore(store);
      const opened = openIn(store);
      expect(store.pastEscalations([opened.id])).toEqual([]);
      escalations.append(
        opened.id,
        eventsOf(resolveEscalation(opened, { rootCause: ROOT_CAUSE }, stampAt(RESOLVED))),
      );
      expect(store.pastEscalations([opened.id])).toEqual([
        {
          id: "ESC-2026-0001",
          summary: DESCRIPTION,
          accountIds: ["acme"],
          severity: "High",
          target: "Engineering",
          createdAt: "2026-11-10T16:00:00.000Z",
          resolvedAt: "2026-11-11T10:00:00.000Z",
          rootCause: ROOT_CAUSE,
          trackerKey: "ENG-1",
        },
      ]);
      expect(store.search('"order" AND "lock"', ["escalation"], 10)).toEqual([
        expect.objectContaining({ kind: "escalation", ref: "ESC-2026-0001" }),
      ]);
      expect(store.existingRefs(["ESC-2026-0001"]).escalations).toEqual(["ESC-2026-0001"]);
    } finally {
      store.close();
    }
  });

  it("is written with its resolve event or not at all", () => {
    const store = openStore(":memory:");
    try {
      const escalations = escalationStore(store);
      const opened = openIn(store);
      store.db.exec(
        "CREATE TRIGGER refuse_past BEFORE INSERT ON past_escalations BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
      );
      const resolve = eventsOf(resolveEscalation(opened, { rootCause: ROOT_CAUSE }, stampAt(RESOLVED)));
      expect(() => escalations.append(opened.id, resolve)).toThrow(/disk full/);
      expect(escalations.events(opened.id).map((e) => e.type)).toEqual(["open"]);
      expect(escalations.get(opened.id)?.status).toBe("open");
      expect(store.search('"lock"', ["escalation"], 10)).toEqual([]);
    } finally {
      store.close();
    }
  });

  it("takes the next id after an imported past escalation's, so neither overwrites the other", () => {
    const store = openStore(":memory:");
    try {
      store.putPastEscalation({ id: "ESC-2026-0001", summary: "imported", createdAt: OPENED });
      expect(openIn(store).id).toBe("ESC-2026-0002");
    } finally {
      store.close();
    }
  });

  it("leaves nothing behind while only de-escalated", () => {
    const store = openStore(":memory:");
    try {
      const opened = openIn(store);
      const escalations = escalationStore(store);
      escalations.append(opened.id, [
        { type: "deescalate", at: "2026-11-10T18:00:00.000Z", actor: "Dana", reason: "workaround" },
      ]);
      expect(store.pastEscalations([opened.id])).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe("escalate resolve feeds recurrence (through the CLI)", () => {
  let workspace: CliWorkspace;
  let id: string;
  const AGAIN = "Order API returning HTTP 500 errors again for Acme";
  interface BriefJson {
    pattern: { recurring: boolean };
    reasons: Array<{ rule: string; detail: string }>;
  }
  const brief = (now: string) => workspace.json<BriefJson>(["brief", AGAIN, "--now", now]);

  beforeAll(() => {
    workspace = cliWorkspace();
    id = workspace.json<{ id: string }>(["open", DESCRIPTION, "--now", OPENED]).id;
    const resolved = workspace.run(["resolve", id, "--root-cause", ROOT_CAUSE, "--now", RESOLVED]);
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toContain(
      `${id}: kept as a past escalation; later briefs check it for recurrence`,
    );
  });
  afterAll(() => workspace.cleanup());

  it("a brief after the resolution (T2 > T1) is recurring and names the escalation", () => {
    const later = brief("2026-11-12T09:00:00Z");
    expect(later.pattern.recurring).toBe(true);
    const reason = later.reasons.find((r) => r.rule === "escalate.pattern.recurring");
    expect(reason?.detail).toContain(`escalation ${id} was resolved 2026-11-11T10:00:00.000Z`);
    expect(reason?.detail).toContain(ROOT_CAUSE);
  });

  it("a brief before the resolution (T0 < T1) is not", () => {
    const earlier = brief("2026-11-10T20:00:00Z");
    expect(earlier.pattern.recurring).toBe(false);
    expect(earlier.reasons.map((r) => r.rule)).not.toContain("escalate.pattern.recurring");
    expect(JSON.stringify(earlier.reasons)).not.toContain(id);
  });
});
