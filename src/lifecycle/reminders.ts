/**
 * Follow-up reminders for `escalate watch` (STYLE.md, cadence reminders): from due times computed
 * by computeDue, which reminders to announce now, given those already announced. A reminder is
 * keyed by escalation, audience, the clock start of its due cycle and its kind, so it fires once
 * per cycle and kind, and an update (a new clock start) starts a new cycle. Pure: `now` and the
 * announced set are parameters.
 */
import type { Audience, DueSchedule } from "./cadence.js";

/** A reminder fires when a follow-up becomes due and again when it becomes overdue. */
export type ReminderKind = "due" | "overdue";

/** What identifies one reminder (the store's key). */
export interface ReminderRecord {
  escalationId: string;
  audience: Audience;
  cycleStart: Date;
  kind: ReminderKind;
}

/** One reminder to announce now. */
export interface Reminder extends ReminderRecord {
  dueAt: Date;
  overdueAt: Date;
  /** The instant it became due (dueAt) or overdue (overdueAt). */
  at: Date;
  /**
   * The kinds this announcement settles: just its own, or both when it is first seen already
   * overdue (a missed "due" is not announced late, after the "overdue").
   */
  settles: ReminderKind[];
}

/** One escalation's due schedule (computeDue's result; null audiences are never due). */
export interface ReminderSource {
  escalationId: string;
  schedule: DueSchedule;
}

const AUDIENCES: readonly Audience[] = ["internal", "customer"];

/** The announced-set key of a reminder. */
export function reminderKey(record: ReminderRecord): string {
  return [record.escalationId, record.audience, record.cycleStart.toISOString(), record.kind].join("|");
}

/**
 * The reminders to announce at `now`, sorted by `at`, then escalation id, then audience (internal
 * first). Per escalation and audience: nothing once this cycle's "overdue" was announced; "overdue"
 * when now > overdueAt; else "due" when dueAt <= now and this cycle's "due" was not announced.
 */
export function remindersToAnnounce(
  sources: readonly ReminderSource[],
  announced: ReadonlySet<string>,
  now: Date,
): Reminder[] {
  const out: Reminder[] = [];
  for (const { escalationId, schedule } of sources) {
    for (const audience of AUDIENCES) {
      const times = schedule[audience];
      if (times === null) continue;
      const base = { escalationId, audience, cycleStart: times.clockStart };
      const wasAnnounced = (kind: ReminderKind) => announced.has(reminderKey({ ...base, kind }));
      if (wasAnnounced("overdue")) continue;
      const dueAnnounced = wasAnnounced("due");
      const common = { ...base, dueAt: times.dueAt, overdueAt: times.overdueAt };
      if (now > times.overdueAt) {
        out.push({
          ...common,
          kind: "overdue",
          at: times.overdueAt,
          settles: dueAnnounced ? ["overdue"] : ["due", "overdue"],
        });
      } else if (times.dueAt <= now && !dueAnnounced) {
        out.push({ ...common, kind: "due", at: times.dueAt, settles: ["due"] });
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      (a.escalationId < b.escalationId ? -1 : a.escalationId > b.escalationId ? 1 : 0) ||
      AUDIENCES.indexOf(a.audience) - AUDIENCES.indexOf(b.audience),
  );
}
