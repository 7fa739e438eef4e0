/**
 * What `escalate watch` does (watch.ts declares it): checks the open escalations' follow-ups and
 * announces each reminder once, until stopped.
 */
import { when } from "../../brief/format.js";
import { UserError } from "../../errors.js";
import { computeDue, formatAudienceCadence } from "../../lifecycle/cadence.js";
import { dueInput, type Escalation } from "../../lifecycle/escalation.js";
import { remindersToAnnounce, type Reminder } from "../../lifecycle/reminders.js";
import { escalationStore } from "../../store/escalation-store.js";
import { reminderStore } from "../../store/reminder-store.js";
import type { Store } from "../../store/sqlite-store.js";
import { openStoreFor, resolveDbPath, resolveFormat, resolveNow } from "../environment.js";
import { printJsonLine, printMarkdown, progress } from "../print.js";
import type { WatchCommandOptions } from "./watch.js";

const FORMATS = ["markdown", "json"] as const;
const MAX_INTERVAL_SECONDS = 86_400;

/** Runs `watch` with commander's arguments: one check, or checks until stopped. */
export async function watchCommand(options: WatchCommandOptions): Promise<void> {
  const format = resolveFormat(options.format, FORMATS, "markdown");
  const intervalMs = parseInterval(options.interval) * 1000;
  const fixedNow = options.now === undefined ? undefined : resolveNow(options.now);
  const store = openStoreFor(options);
  try {
    const tick = (now: Date) => announce(store, now, format);
    if (fixedNow || options.once) {
      tick(fixedNow ?? new Date());
      return;
    }
    progress(
      `escalate watch: checking ${resolveDbPath(options)} every ${intervalMs / 1000} s; Ctrl-C to stop`,
    );
    await runUntilStopped(() => tick(new Date()), intervalMs);
  } finally {
    store.close();
  }
}

function parseInterval(value: string | undefined): number {
  const seconds = Number(value ?? "60");
  if (!(Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_INTERVAL_SECONDS)) {
    throw new UserError(
      `--interval: expected seconds between checks, more than 0 and at most ${MAX_INTERVAL_SECONDS}, got "${value}"`,
    );
  }
  return seconds;
}

// A tick is synchronous (better-sqlite3), so a signal is handled between ticks, never inside one:
// the current tick always finishes before the store closes.
function runUntilStopped(tick: () => void, intervalMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const detach = () => {
      clearTimeout(timer);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    };
    function stop(): void {
      detach();
      resolve();
    }
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    const loop = () => {
      try {
        tick();
      } catch (error) {
        detach();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      timer = setTimeout(loop, intervalMs);
    };
    loop();
  });
}

function announce(store: Store, now: Date, format: (typeof FORMATS)[number]): void {
  const escalations = escalationStore(store);
  const reminders = reminderStore(store);
  const open = escalations.list("open");
  const pending = remindersToAnnounce(
    open.map((e) => ({ escalationId: e.id, schedule: computeDue(dueInput(e)) })),
    reminders.announcedKeys(),
    now,
  );
  if (pending.length === 0) return;
  const claimed = reminders.claim(pending, now);
  if (claimed.length === 0) return;
  const byId = new Map(open.map((e) => [e.id, e]));
  const names = new Map(store.accounts().map((a) => [a.id, a.name]));
  for (const reminder of claimed) {
    const escalation = byId.get(reminder.escalationId);
    if (!escalation) continue;
    const accounts = escalation.accountIds.map((id) => names.get(id) ?? id);
    if (format === "json") printJsonLine(reminderJson(reminder, escalation, accounts));
    else printMarkdown(`${reminderLine(reminder, escalation, accounts)}\n`);
  }
}

function cadenceOf(reminder: Reminder, escalation: Escalation): string {
  return formatAudienceCadence(
    escalation.severity,
    reminder.audience,
    escalation.cadence,
    escalation.slaUpdateHours ?? undefined,
  );
}

/** `2026-11-10 20:00 EST  DUE      ESC-2026-0001 customer update (High, Acme Corp) — every 4 h` */
function reminderLine(reminder: Reminder, escalation: Escalation, accounts: string[]): string {
  const what = reminder.audience === "internal" ? "internal follow-up" : "customer update";
  const about = [escalation.severity, ...accounts].join(", ");
  return (
    `${when(reminder.at, escalation.calendar.timeZone)}  ${reminder.kind.toUpperCase().padEnd(7)}  ` +
    `${reminder.escalationId} ${what} (${about}) — ${cadenceOf(reminder, escalation)}`
  );
}

function reminderJson(reminder: Reminder, escalation: Escalation, accounts: string[]) {
  return {
    kind: reminder.kind,
    escalationId: reminder.escalationId,
    audience: reminder.audience,
    at: reminder.at.toISOString(),
    dueAt: reminder.dueAt.toISOString(),
    overdueAt: reminder.overdueAt.toISOString(),
    cycleStart: reminder.cycleStart.toISOString(),
    severity: escalation.severity,
    target: escalation.target,
    accounts,
    cadence: cadenceOf(reminder, escalation),
  };
}
