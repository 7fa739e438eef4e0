/**
 * What the lifecycle commands do (lifecycle.ts declares them): each loads the escalation, checks
 * the change with the pure transition, appends its events and prints the result.
 */
import { when } from "../../brief/format.js";
import type { Severity } from "../../domain/bundle.js";
import { UserError } from "../../errors.js";
import { isBusinessDay, type BusinessCalendar } from "../../lifecycle/business-time.js";
import { dueFollowUps, formatCadence, type Audience, type DueTimes } from "../../lifecycle/cadence.js";
import {
  addUpdate,
  changeSeverity,
  completeTask,
  deescalate,
  deescalationTasks,
  dueInput,
  normalizeEscalationId,
  openEvent,
  parseTask,
  resolveEscalation,
  scheduleOf,
  type Escalation,
  type EscalationEvent,
  type TransitionResult,
} from "../../lifecycle/escalation.js";
import { escalationStore, type EscalationStore, type StatusFilter } from "../../store/escalation-store.js";
import {
  openStoreFor,
  readDescription,
  readUserConfig,
  requireWorkspace,
  resolveFormat,
  resolveNow,
  resolvePolicy,
  resolveReporter,
  type CommonOptions,
  type UserConfig,
} from "../environment.js";
import { printJson, printMarkdown } from "../print.js";
import type {
  DeescalateCommandOptions,
  ListCommandOptions,
  OpenCommandOptions,
  ResolveCommandOptions,
  SeverityCommandOptions,
  TaskCommandOptions,
  UpdateCommandOptions,
} from "./lifecycle.js";

/** Who an event is recorded for: ESCALATE_ACTOR, `actor:` in the config, ESCALATE_REPORTER, else "unknown". */
export function resolveActor(config: UserConfig = readUserConfig()): string {
  return process.env.ESCALATE_ACTOR || config.actor || process.env.ESCALATE_REPORTER || "unknown";
}

const FORMATS = ["markdown", "json"] as const;
const STATUSES = ["open", "deescalated", "resolved", "all"] as const;
const AUDIENCES = ["internal", "customer"] as const;

/** Runs `open` with commander's arguments. */
export async function openCommand(description: string, options: OpenCommandOptions): Promise<void> {
  const text = readDescription(description);
  // only `open` runs the pipeline; the other lifecycle commands never load it
  const [{ runBrief }, { renderMarkdown }] = await Promise.all([
    import("../../pipeline.js"),
    import("../../brief/render-markdown.js"),
  ]);
  const format = resolveFormat(options.format, FORMATS, "markdown");
  const now = resolveNow(options.now);
  const config = readUserConfig();
  const policy = resolvePolicy(options, config);
  const actor = resolveActor(config);
  withStore(options, (escalations, store) => {
    requireWorkspace(store, options);
    const run = runBrief(
      store,
      { description: text, customer: options.customer },
      { policy, now, reporter: resolveReporter(config) },
    );
    const a = run.assessment;
    if (a.decision === "handle_in_support" && !options.force) {
      const why = a.reasons[0] ? ` (${a.reasons[0].rule})` : "";
      throw new UserError(
        `open: the policy says handle in support${why}, so nothing was opened; \`escalate brief\` shows why, --force opens it anyway`,
      );
    }
    const team = store.team();
    const calendar: BusinessCalendar = { timeZone: team.timeZone ?? "UTC", holidays: team.holidays ?? [] };
    try {
      isBusinessDay(now, calendar);
    } catch (error) {
      throw new UserError(
        `team: ${(error as Error).message}; fix team.timeZone / team.holidays and import again`,
      );
    }
    const accountIds = a.impact.accountIds;
    const updateHours = store
      .accounts()
      .filter((acc) => accountIds.includes(acc.id))
      .map((acc) => acc.sla?.updateHours)
      .filter((h): h is number => typeof h === "number" && h > 0);
    const state = escalations.open(
      openEvent(
        {
          severity: a.severity ?? "Medium",
          target: a.target ?? "L2 Support",
          accountIds,
          trackerKey: run.relations.trackerIssues[0]?.item.key ?? null,
          description: run.issue.description,
          briefMarkdown: renderMarkdown(run.brief),
          decision: a.decision,
          slaUpdateHours: updateHours.length > 0 ? Math.min(...updateHours) : null,
          calendar,
          cadence: policy.cadence,
        },
        { at: now, actor },
      ),
    );
    if (format === "json") {
      printJson({ id: state.id, severity: state.severity, target: state.target, status: state.status });
      return;
    }
    printMarkdown(
      `${state.id} opened: ${state.severity} → ${state.target}; ` +
        `${formatCadence(state.severity, state.cadence, state.slaUpdateHours ?? undefined)}\n` +
        `${dueLines(state, now).join("\n")}\n`,
    );
  });
}

/** Runs `update`: records a follow-up to one audience. */
export function updateCommand(id: string, options: UpdateCommandOptions): void {
  transition(id, options, (state, stamp) => {
    const audience = resolveFormatOf("--audience", options.audience, AUDIENCES, "internal");
    return addUpdate(state, { audience, note: options.note ?? "" }, stamp);
  });
}

/** Runs `severity`: changes the severity. */
export async function severityCommand(
  id: string,
  level: string,
  options: SeverityCommandOptions,
): Promise<void> {
  // the list of severities sits beside the bundle's zod schemas: only this command loads them
  const { severities } = await import("../../domain/bundle.js");
  transition(id, options, (state, stamp) =>
    changeSeverity(state, { to: parseSeverity(level, severities), because: options.because ?? "" }, stamp),
  );
}

/** Runs `deescalate`: hands the escalation back to support. */
export function deescalateCommand(id: string, options: DeescalateCommandOptions): void {
  transition(id, options, (state, stamp) => deescalate(state, options.reason ?? "", stamp));
}

/** Runs `task`: marks a de-escalation task done. */
export function taskCommand(id: string, name: string, options: TaskCommandOptions): void {
  transition(id, options, (state, stamp) => {
    const task = parseTask(name);
    if (!task) {
      throw new UserError(
        `task: expected ${deescalationTasks.map((t) => t.task).join(", ")} (or 1-4), got "${name}"`,
      );
    }
    if (!options.done) throw new UserError(`task: nothing to do; pass --done to mark ${task} done`);
    return completeTask(state, { task, note: options.note ?? null }, stamp);
  });
}

/** Runs `resolve`: closes the escalation with its root cause. */
export function resolveCommand(id: string, options: ResolveCommandOptions): void {
  transition(id, options, (state, stamp) =>
    resolveEscalation(state, { rootCause: options.rootCause, learnings: options.learnings ?? null }, stamp),
  );
}

/** Runs `list` with commander's arguments. */
export function listCommand(options: ListCommandOptions): void {
  const format = resolveFormat(options.format, FORMATS, "markdown");
  const status: StatusFilter = resolveFormatOf("--status", options.status, STATUSES, "open");
  const now = resolveNow(options.now);
  withStore(options, (escalations) => {
    const items = escalations.list(status);
    if (format === "json") {
      printJson({
        escalations: items.map((e) => ({
          id: e.id,
          status: e.status,
          severity: e.severity,
          target: e.target,
          createdAt: e.createdAt,
          accountIds: e.accountIds,
          description: e.description,
        })),
      });
      return;
    }
    if (items.length === 0) {
      printMarkdown(`No ${status === "all" ? "" : `${status} `}escalations.\n`);
      return;
    }
    const lines = items.map((e) => {
      const next = nextDueText(e, now);
      return `${e.id}  ${e.status}  ${e.severity}  ${e.target}  opened ${when(e.createdAt, e.calendar.timeZone)}${next}  ${oneLine(e.description, 70)}`;
    });
    printMarkdown(`${lines.join("\n")}\n`);
  });
}

/** Runs `show` with commander's arguments. */
export function showCommand(id: string, options: CommonOptions): void {
  const format = resolveFormat(options.format, FORMATS, "markdown");
  const now = resolveNow(options.now);
  withStore(options, (escalations) => {
    const state = load(escalations, id);
    const events = escalations.events(state.id);
    if (format === "json") printJson(escalationJson(state, events, now));
    else printMarkdown(showMarkdown(state, events, now));
  });
}

/** Runs `due` with commander's arguments. */
export function dueCommand(options: CommonOptions): void {
  const format = resolveFormat(options.format, FORMATS, "markdown");
  const now = resolveNow(options.now);
  withStore(options, (escalations) => {
    const open = escalations.list("open");
    const due = dueFollowUps(
      open.map((e) => ({ escalationId: e.id, ...dueInput(e) })),
      now,
    );
    if (format === "json") {
      printJson({
        due: due.map((d) => ({
          escalationId: d.escalationId,
          audience: d.audience,
          dueAt: d.dueAt.toISOString(),
          overdue: d.overdue,
        })),
      });
      return;
    }
    if (due.length === 0) {
      printMarkdown(`Nothing due at ${now.toISOString()} (${open.length} open escalations).\n`);
      return;
    }
    const byId = new Map(open.map((e) => [e.id, e]));
    const lines = due.map((d) => {
      const e = byId.get(d.escalationId);
      const tz = e?.calendar.timeZone ?? "UTC";
      return `- ${d.escalationId} ${audienceLabel(d.audience)} due ${when(d.dueAt, tz)}${d.overdue ? " — OVERDUE" : ""} (${e?.severity ?? ""}, ${oneLine(e?.description ?? "", 60)})`;
    });
    printMarkdown(`${lines.join("\n")}\n`);
  });
}

// Every state-changing command: load, check with the pure transition, append, confirm.
function transition(
  id: string,
  options: CommonOptions,
  decide: (state: Escalation, stamp: { at: Date; actor: string }) => TransitionResult,
): void {
  const format = resolveFormat(options.format, FORMATS, "markdown");
  const now = resolveNow(options.now);
  const actor = resolveActor();
  withStore(options, (escalations) => {
    const state = load(escalations, id);
    const result = decide(state, { at: now, actor });
    if (!result.ok) throw new UserError(result.message);
    const next = escalations.append(state.id, result.events);
    if (format === "json") {
      printJson(escalationJson(next, escalations.events(next.id), now));
      return;
    }
    const lines = result.events
      .filter((e) => e.type !== "task")
      .map((e) => `${next.id}: ${describeEvent(e)}`);
    if (result.events.some((e) => e.type === "task")) {
      lines.push(...checklist(next));
    }
    if (result.events.some((e) => e.type === "resolve")) {
      lines.push(`${next.id}: kept as a past escalation; later briefs check it for recurrence`);
    }
    lines.push(...dueLines(next, now));
    printMarkdown(`${lines.join("\n")}\n`);
  });
}

function withStore(
  options: CommonOptions,
  work: (escalations: EscalationStore, store: ReturnType<typeof openStoreFor>) => void,
): void {
  const store = openStoreFor(options);
  try {
    work(escalationStore(store), store);
  } finally {
    store.close();
  }
}

function load(escalations: EscalationStore, id: string): Escalation {
  const normalized = normalizeEscalationId(id);
  const state = escalations.get(normalized);
  if (!state) throw new UserError(`escalation ${normalized}: not found; see \`escalate list\``);
  return state;
}

function parseSeverity(value: string, severities: readonly Severity[]): Severity {
  const found = severities.find((s) => s.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new UserError(`severity: expected Critical, High or Medium, got "${value}"`);
  return found;
}

function resolveFormatOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = (value ?? fallback) as T;
  if (!allowed.includes(v)) throw new UserError(`${option}: expected ${allowed.join(", ")}, got "${value}"`);
  return v;
}

function timesJson(times: DueTimes | null, now: Date) {
  if (!times) return null;
  return {
    clockStart: times.clockStart.toISOString(),
    dueAt: times.dueAt.toISOString(),
    overdueAt: times.overdueAt.toISOString(),
    due: times.dueAt <= now,
    overdue: now > times.overdueAt,
  };
}

function eventJson(event: EscalationEvent & { seq?: number }): Record<string, unknown> {
  const { at, type, actor, seq, ...rest } = event;
  // The brief and the cadence snapshot are shown once, at the top level, not in the timeline.
  const data: Record<string, unknown> = { ...rest };
  delete data.briefMarkdown;
  delete data.cadence;
  return { at, type, actor, ...data, ...(seq === undefined ? {} : { seq }) };
}

function escalationJson(state: Escalation, events: readonly EscalationEvent[], now: Date) {
  const schedule = scheduleOf(state);
  return {
    id: state.id,
    status: state.status,
    severity: state.severity,
    target: state.target,
    createdAt: state.createdAt,
    openedBy: state.openedBy,
    decision: state.decision,
    accountIds: state.accountIds,
    trackerKey: state.trackerKey ?? null,
    description: state.description,
    slaUpdateHours: state.slaUpdateHours,
    calendar: state.calendar,
    cadence: formatCadence(state.severity, state.cadence, state.slaUpdateHours ?? undefined),
    due: { internal: timesJson(schedule.internal, now), customer: timesJson(schedule.customer, now) },
    lastInternalUpdate: state.lastInternalUpdate,
    lastCustomerUpdate: state.lastCustomerUpdate,
    deescalation: state.deescalatedAt
      ? { at: state.deescalatedAt, reason: state.deescalationReason, tasks: state.tasks }
      : null,
    resolution: state.resolvedAt
      ? { at: state.resolvedAt, rootCause: state.rootCause, learnings: state.learnings }
      : null,
    brief: state.briefMarkdown,
    events: events.map(eventJson),
  };
}

function showMarkdown(state: Escalation, events: readonly EscalationEvent[], now: Date): string {
  const tz = state.calendar.timeZone;
  const lines: string[] = [state.briefMarkdown.trimEnd(), ""];
  lines.push(`### Escalation ${state.id}`);
  lines.push(`**Status:** ${state.status}`);
  lines.push(
    `**Severity:** ${state.severity} (${formatCadence(state.severity, state.cadence, state.slaUpdateHours ?? undefined)})`,
  );
  lines.push(`**Target team:** ${state.target}`);
  lines.push(`**Opened:** ${when(state.createdAt, tz)} by ${state.openedBy}`);
  if (state.decision === "handle_in_support")
    lines.push("**Opened with --force:** the policy said handle in support");
  if (state.resolvedAt) {
    lines.push(`**Root cause:** ${state.rootCause ?? ""}`);
    if (state.learnings) lines.push(`**Learnings:** ${state.learnings}`);
  }
  lines.push("", "### Timeline");
  for (const event of events) {
    if (event.type === "task") continue;
    lines.push(`- ${when(event.at, tz)} — ${event.actor}: ${describeEvent(event)}`);
  }
  lines.push("", "### Next follow-ups", ...dueLines(state, now));
  lines.push("", "### De-escalation checklist", ...checklist(state));
  return `${lines.join("\n")}\n`;
}

function checklist(state: Escalation): string[] {
  const tz = state.calendar.timeZone;
  if (state.tasks.length === 0) {
    return [
      ...deescalationTasks.map((t, i) => `- [ ] ${i + 1}. ${t.title} (\`${t.task}\`)`),
      `(these become tasks when it is de-escalated: \`escalate deescalate ${state.id} --reason TEXT\`)`,
    ];
  }
  const lines = state.tasks.map((t, i) =>
    t.done
      ? `- [x] ${i + 1}. ${t.title} (\`${t.task}\`) — done ${when(t.doneAt ?? "", tz)} by ${t.doneBy ?? "unknown"}`
      : `- [ ] ${i + 1}. ${t.title} (\`${t.task}\`)`,
  );
  const open = state.tasks.find((t) => !t.done);
  if (open) lines.push(`(mark one done: \`escalate task ${state.id} ${open.task} --done\`)`);
  return lines;
}

function dueLines(state: Escalation, now: Date): string[] {
  const schedule = scheduleOf(state);
  if (!schedule.internal && !schedule.customer) return [`- none: the escalation is ${state.status}`];
  const tz = state.calendar.timeZone;
  const line = (audience: Audience, times: DueTimes | null): string => {
    if (!times) return `- ${audienceLabel(audience)}: none`;
    const status = now > times.overdueAt ? " — OVERDUE" : times.dueAt <= now ? " — due now" : "";
    const overdue =
      times.overdueAt.getTime() === times.dueAt.getTime()
        ? ""
        : `, overdue after ${when(times.overdueAt, tz)}`;
    return `- ${audienceLabel(audience)}: due ${when(times.dueAt, tz)}${overdue}${status}`;
  };
  return [line("internal", schedule.internal), line("customer", schedule.customer)];
}

function nextDueText(state: Escalation, now: Date): string {
  const schedule = scheduleOf(state);
  const times = [schedule.internal, schedule.customer].filter((t): t is DueTimes => t !== null);
  if (times.length === 0) return "";
  const next = times.reduce((a, b) => (b.dueAt < a.dueAt ? b : a));
  const overdue = times.some((t) => now > t.overdueAt);
  return `  next due ${when(next.dueAt, state.calendar.timeZone)}${overdue ? " (OVERDUE)" : ""}`;
}

function describeEvent(event: EscalationEvent): string {
  switch (event.type) {
    case "open":
      return `opened — ${event.severity} → ${event.target}`;
    case "update":
      return `${event.audience} update: ${event.note}`;
    case "severity_change":
      return `severity ${event.from} → ${event.to}, because ${event.because}`;
    case "deescalate":
      return `de-escalated: ${event.reason}`;
    case "task":
      return `task created: ${event.title}`;
    case "task_done":
      return `task done: ${event.task}${event.note ? ` — ${event.note}` : ""}`;
    case "resolve":
      return `resolved — root cause: ${event.rootCause}${event.learnings ? `; learnings: ${event.learnings}` : ""}`;
  }
}

function audienceLabel(audience: Audience): string {
  return audience === "internal" ? "internal follow-up" : "customer update";
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
