/**
 * The escalation lifecycle (CONTRACT.md "Escalation lifecycle", PRACTICE.md "Follow-up Cadence"
 * and "De-escalation"): an escalation is its append-only list of events; its current state is a
 * fold over them. Transitions are pure: they check the state and return the new events, or a
 * refusal the caller shows to the user. Time and actor are parameters.
 */
import type { PastEscalation, Severity, Target } from "../domain/bundle.js";
import type { BusinessCalendar } from "./business-time.js";
import {
  computeDue,
  type Audience,
  type CadencePolicy,
  type ComputeDueInput,
  type DueSchedule,
  type EscalationStatus,
} from "./cadence.js";

/** The four things to do when de-escalating (PRACTICE.md "De-escalation"), in the practice's order. */
export type DeescalationTask = "notify-team" | "update-ticket" | "inform-customer" | "document-learnings";

/** The de-escalation tasks with the practice's wording. */
export const deescalationTasks: ReadonlyArray<{ task: DeescalationTask; title: string }> = [
  { task: "notify-team", title: "Notify the team you escalated to" },
  { task: "update-ticket", title: "Update the ticket with the resolution" },
  { task: "inform-customer", title: "Inform the customer of the resolution" },
  { task: "document-learnings", title: "Document what was learned for future reference" },
];

/** Every event type, in the order they usually happen. */
export const eventTypes = [
  "open",
  "update",
  "severity_change",
  "deescalate",
  "task",
  "task_done",
  "resolve",
] as const;

/** One event type. */
export type EventType = (typeof eventTypes)[number];

/** What every event has: when (ISO-8601), who. */
interface EventBase {
  at: string;
  actor: string;
}

/** The escalation was opened: everything needed to recompute its state. */
export interface OpenEvent extends EventBase {
  type: "open";
  severity: Severity;
  target: Target;
  accountIds: string[];
  /** The brief's first related tracker issue, when it had one (absent in events written before it was kept). */
  trackerKey?: string | null;
  description: string;
  briefMarkdown: string;
  /** The assessment's decision; `handle_in_support` only when opened with --force. */
  decision: "escalate" | "handle_in_support";
  slaUpdateHours: number | null;
  calendar: BusinessCalendar;
  cadence: CadencePolicy;
}

/** A follow-up was given to one audience; it restarts that audience's clock. */
export interface UpdateEvent extends EventBase {
  type: "update";
  audience: Audience;
  note: string;
}

/** The severity changed; the clocks are kept, the intervals change. */
export interface SeverityChangeEvent extends EventBase {
  type: "severity_change";
  from: Severity;
  to: Severity;
  because: string;
}

/** The escalation went back to support; never due again. */
export interface DeescalateEvent extends EventBase {
  type: "deescalate";
  reason: string;
}

/** A de-escalation task was created. */
export interface TaskEvent extends EventBase {
  type: "task";
  task: DeescalationTask;
  title: string;
}

/** A de-escalation task was done. */
export interface TaskDoneEvent extends EventBase {
  type: "task_done";
  task: DeescalationTask;
  note: string | null;
}

/** The escalation was resolved. */
export interface ResolveEvent extends EventBase {
  type: "resolve";
  rootCause: string;
  learnings: string | null;
}

/** Any event. */
export type EscalationEvent =
  OpenEvent | UpdateEvent | SeverityChangeEvent | DeescalateEvent | TaskEvent | TaskDoneEvent | ResolveEvent;

/** One de-escalation task's state. */
export interface TaskState {
  task: DeescalationTask;
  title: string;
  done: boolean;
  doneAt: string | null;
  doneBy: string | null;
}

/** The current state of an escalation, derived from its events. */
export interface Escalation {
  id: string;
  createdAt: string;
  openedBy: string;
  status: EscalationStatus;
  severity: Severity;
  target: Target;
  accountIds: string[];
  trackerKey: string | null;
  description: string;
  briefMarkdown: string;
  decision: "escalate" | "handle_in_support";
  slaUpdateHours: number | null;
  calendar: BusinessCalendar;
  cadence: CadencePolicy;
  lastInternalUpdate: string | null;
  lastCustomerUpdate: string | null;
  lastEventAt: string;
  deescalatedAt: string | null;
  deescalationReason: string | null;
  resolvedAt: string | null;
  rootCause: string | null;
  learnings: string | null;
  tasks: TaskState[];
}

/** A transition's outcome: the events to append, or why it is refused (a usage error). */
export type TransitionResult = { ok: true; events: EscalationEvent[] } | { ok: false; message: string };

/** Who and when, for every transition. */
export interface Stamp {
  at: Date;
  actor: string;
}

/** Everything `open` records besides the stamp. */
export type OpenInput = Omit<OpenEvent, "type" | "at" | "actor">;

const ID_PATTERN = /^ESC-(\d{4})-(\d{4,})$/;

/** The next id for an escalation opened at `at`: ESC-YYYY-NNNN, sequential within the (UTC) year. */
export function nextEscalationId(existingIds: readonly string[], at: Date): string {
  const year = at.getUTCFullYear();
  let last = 0;
  for (const id of existingIds) {
    const m = ID_PATTERN.exec(id);
    if (m && Number(m[1]) === year) last = Math.max(last, Number(m[2]));
  }
  return `ESC-${year}-${String(last + 1).padStart(4, "0")}`;
}

/** Normalises a user-typed id (`esc-2026-0001` -> `ESC-2026-0001`). */
export function normalizeEscalationId(id: string): string {
  return id.trim().toUpperCase();
}

/** The opening event. */
export function openEvent(input: OpenInput, stamp: Stamp): OpenEvent {
  return { type: "open", at: stamp.at.toISOString(), actor: stamp.actor, ...input };
}

/** Folds events (oldest first, the first one `open`) into the escalation's current state. */
export function replayEscalation(id: string, events: readonly EscalationEvent[]): Escalation {
  const [first, ...rest] = events;
  if (first?.type !== "open") throw new Error(`escalation ${id}: the first event is not "open"`);
  let state: Escalation = {
    id,
    createdAt: first.at,
    openedBy: first.actor,
    status: "open",
    severity: first.severity,
    target: first.target,
    accountIds: [...first.accountIds],
    trackerKey: first.trackerKey ?? null,
    description: first.description,
    briefMarkdown: first.briefMarkdown,
    decision: first.decision,
    slaUpdateHours: first.slaUpdateHours,
    calendar: first.calendar,
    cadence: first.cadence,
    lastInternalUpdate: null,
    lastCustomerUpdate: null,
    lastEventAt: first.at,
    deescalatedAt: null,
    deescalationReason: null,
    resolvedAt: null,
    rootCause: null,
    learnings: null,
    tasks: [],
  };
  for (const event of rest) state = applyEvent(state, event);
  return state;
}

/** The state after one more event (no checks: transitions check before they create events). */
export function applyEvent(state: Escalation, event: EscalationEvent): Escalation {
  const next: Escalation = { ...state, lastEventAt: event.at };
  switch (event.type) {
    case "open":
      throw new Error(`escalation ${state.id}: a second "open" event`);
    case "update":
      if (event.audience === "internal") next.lastInternalUpdate = event.at;
      else next.lastCustomerUpdate = event.at;
      return next;
    case "severity_change":
      next.severity = event.to;
      return next;
    case "deescalate":
      next.status = "deescalated";
      next.deescalatedAt = event.at;
      next.deescalationReason = event.reason;
      return next;
    case "task":
      next.tasks = [
        ...state.tasks.filter((t) => t.task !== event.task),
        { task: event.task, title: event.title, done: false, doneAt: null, doneBy: null },
      ];
      return next;
    case "task_done":
      next.tasks = state.tasks.map((t) =>
        t.task === event.task ? { ...t, done: true, doneAt: event.at, doneBy: event.actor } : t,
      );
      return next;
    case "resolve":
      next.status = "resolved";
      next.resolvedAt = event.at;
      next.rootCause = event.rootCause;
      next.learnings = event.learnings;
      return next;
  }
}

/** A follow-up note to one audience (allowed while open or de-escalated). */
export function addUpdate(
  state: Escalation,
  update: { audience: Audience; note: string },
  stamp: Stamp,
): TransitionResult {
  const refusal =
    checkStamp(state, stamp) ??
    requireText(
      "--note",
      update.note,
      'what you told them, e.g. "Engineering reproduced it; fix in review"',
    ) ??
    requireStatus(state, ["open", "deescalated"], "an update");
  if (refusal) return { ok: false, message: refusal };
  return ok({
    type: "update",
    at: iso(stamp),
    actor: stamp.actor,
    audience: update.audience,
    note: update.note.trim(),
  });
}

/** A severity change (open escalations only); the follow-up clocks are kept. */
export function changeSeverity(
  state: Escalation,
  change: { to: Severity; because: string },
  stamp: Stamp,
): TransitionResult {
  const refusal =
    checkStamp(state, stamp) ??
    requireText("--because", change.because, 'why it changed, e.g. "a second customer is blocked"') ??
    requireStatus(state, ["open"], "a severity change") ??
    (state.severity === change.to ? `escalation ${state.id}: severity is already ${change.to}` : null);
  if (refusal) return { ok: false, message: refusal };
  return ok({
    type: "severity_change",
    at: iso(stamp),
    actor: stamp.actor,
    from: state.severity,
    to: change.to,
    because: change.because.trim(),
  });
}

/** De-escalation (open escalations only): the `deescalate` event and the practice's four tasks. */
export function deescalate(state: Escalation, reason: string, stamp: Stamp): TransitionResult {
  const refusal =
    checkStamp(state, stamp) ??
    requireText("--reason", reason, 'why, e.g. "workaround found that unblocks the customer"') ??
    requireStatus(state, ["open"], "de-escalation");
  if (refusal) return { ok: false, message: refusal };
  const at = iso(stamp);
  return ok(
    { type: "deescalate", at, actor: stamp.actor, reason: reason.trim() },
    ...deescalationTasks.map((t): TaskEvent => ({ type: "task", at, actor: stamp.actor, ...t })),
  );
}

/** Marks one de-escalation task done (once the escalation has been de-escalated, also after resolving). */
export function completeTask(
  state: Escalation,
  done: { task: DeescalationTask; note?: string | null },
  stamp: Stamp,
): TransitionResult {
  const task = state.tasks.find((t) => t.task === done.task);
  const refusal =
    checkStamp(state, stamp) ??
    (state.tasks.length === 0
      ? `escalation ${state.id}: has no de-escalation tasks; \`escalate deescalate ${state.id} --reason TEXT\` creates them`
      : null) ??
    (!task ? `escalation ${state.id}: no task "${done.task}"` : null) ??
    (task?.done ? `escalation ${state.id}: task ${done.task} was already done at ${task.doneAt}` : null);
  if (refusal) return { ok: false, message: refusal };
  const note = done.note?.trim() || null;
  return ok({ type: "task_done", at: iso(stamp), actor: stamp.actor, task: done.task, note });
}

/** Resolution (open or de-escalated escalations); the root cause is required. */
export function resolveEscalation(
  state: Escalation,
  resolution: { rootCause: string | undefined; learnings?: string | null },
  stamp: Stamp,
): TransitionResult {
  const refusal =
    requireText(
      "--root-cause",
      resolution.rootCause,
      'what caused it, e.g. "lock timeout in asset-registry after 7.42.0"',
    ) ??
    checkStamp(state, stamp) ??
    requireStatus(state, ["open", "deescalated"], "resolution");
  if (refusal) return { ok: false, message: refusal };
  return ok({
    type: "resolve",
    at: iso(stamp),
    actor: stamp.actor,
    rootCause: (resolution.rootCause ?? "").trim(),
    learnings: resolution.learnings?.trim() || null,
  });
}

/** What computeDue reads about an escalation. */
export function dueInput(state: Escalation): ComputeDueInput {
  return {
    severity: state.severity,
    openedAt: new Date(state.createdAt),
    lastInternalUpdate: state.lastInternalUpdate ? new Date(state.lastInternalUpdate) : undefined,
    lastCustomerUpdate: state.lastCustomerUpdate ? new Date(state.lastCustomerUpdate) : undefined,
    slaUpdateHours: state.slaUpdateHours ?? undefined,
    calendar: state.calendar,
    policy: state.cadence,
    status: state.status,
  };
}

/** The escalation's next follow-ups per audience (both null once de-escalated or resolved). */
export function scheduleOf(state: Escalation): DueSchedule {
  return computeDue(dueInput(state));
}

/** The brief's headline (its first sentence, as `## ESCALATION: …` shows it), else the description's first line. */
export function escalationHeadline(state: Escalation): string {
  const match = /^## (?:ESCALATION|HANDLE IN SUPPORT): (.+)$/m.exec(state.briefMarkdown);
  return (match?.[1] ?? state.description.split("\n")[0] ?? "").trim();
}

/**
 * What a resolved escalation leaves behind for later briefs: a past escalation in the bundle's
 * shape (`escalations[]`), which recurrence detection reads like an imported one. Null until resolved.
 */
export function pastEscalationOf(state: Escalation): PastEscalation | null {
  if (state.status !== "resolved" || !state.resolvedAt) return null;
  return {
    id: state.id,
    summary: escalationHeadline(state),
    accountIds: [...state.accountIds],
    severity: state.severity,
    target: state.target,
    createdAt: state.createdAt,
    resolvedAt: state.resolvedAt,
    ...(state.rootCause ? { rootCause: state.rootCause } : {}),
    ...(state.trackerKey ? { trackerKey: state.trackerKey } : {}),
  };
}

/** Parses a task name: its id (`notify-team`) or its number in the practice's order (1–4). */
export function parseTask(value: string): DeescalationTask | null {
  const v = value.trim().toLowerCase();
  const byNumber = /^[1-9]$/.test(v) ? deescalationTasks[Number(v) - 1] : undefined;
  return byNumber?.task ?? deescalationTasks.find((t) => t.task === v)?.task ?? null;
}

function ok(...events: EscalationEvent[]): TransitionResult {
  return { ok: true, events };
}

function iso(stamp: Stamp): string {
  return stamp.at.toISOString();
}

// Events stay in time order: a back-dated event would make "oldest first" and the clocks disagree.
function checkStamp(state: Escalation, stamp: Stamp): string | null {
  if (Number.isNaN(stamp.at.getTime())) return "--now: invalid date";
  if (stamp.at.getTime() < new Date(state.lastEventAt).getTime()) {
    return `--now: ${stamp.at.toISOString()} is before escalation ${state.id}'s last event (${state.lastEventAt}); events are recorded in time order`;
  }
  return null;
}

function requireText(option: string, value: string | undefined, example: string): string | null {
  return value?.trim() ? null : `${option}: required; say ${example}`;
}

// The one status guard of every transition: which statuses allow it, named for the refusal.
function requireStatus(state: Escalation, allowed: readonly EscalationStatus[], what: string): string | null {
  return allowed.includes(state.status)
    ? null
    : `escalation ${state.id}: ${state.status}; ${what} applies only to ${allowed.join(" or ")} escalations`;
}
