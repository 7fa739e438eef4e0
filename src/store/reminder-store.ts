/**
 * Announced follow-up reminders (`follow_up_reminders`): what `escalate watch` has said, so that a
 * restarted or second watcher never says it again.
 */
import type { Audience } from "../lifecycle/cadence.js";
import { reminderKey, type Reminder, type ReminderKind } from "../lifecycle/reminders.js";
import type { Store } from "./sqlite-store.js";

interface ReminderRow {
  escalation_id: string;
  audience: Audience;
  cycle_start: string;
  kind: ReminderKind;
}

/** The reminder table of an open store. */
export type ReminderStore = ReturnType<typeof reminderStore>;

/** Reminder persistence over the store's database. */
export function reminderStore(store: Store) {
  const db = store.db;
  const stmt = {
    announced: db.prepare<[], ReminderRow>(
      `SELECT r.escalation_id, r.audience, r.cycle_start, r.kind FROM follow_up_reminders r
       JOIN escalations e ON e.id = r.escalation_id WHERE e.status = 'open'`,
    ),
    insert: db.prepare<[string, string, string, string, string, string]>(
      `INSERT OR IGNORE INTO follow_up_reminders (escalation_id, audience, cycle_start, kind, at, announced_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };

  return {
    /** Keys (reminderKey) of the reminders announced for open escalations. */
    announcedKeys(): Set<string> {
      return new Set(
        stmt.announced.all().map((r) =>
          reminderKey({
            escalationId: r.escalation_id,
            audience: r.audience,
            cycleStart: new Date(r.cycle_start),
            kind: r.kind,
          }),
        ),
      );
    },

    /**
     * Records the reminders (each with the kinds it settles) in one transaction and returns those
     * this call recorded first: a reminder another watcher already claimed is left out, so it is
     * announced once.
     */
    claim(reminders: readonly Reminder[], announcedAt: Date): Reminder[] {
      return db
        .transaction(() =>
          reminders.filter((r) => {
            let own = false;
            for (const kind of r.settles) {
              const at = kind === "due" ? r.dueAt : r.overdueAt;
              const { changes } = stmt.insert.run(
                r.escalationId,
                r.audience,
                r.cycleStart.toISOString(),
                kind,
                at.toISOString(),
                announcedAt.toISOString(),
              );
              if (kind === r.kind) own = changes === 1;
            }
            return own;
          }),
        )
        .immediate();
    },
  };
}
