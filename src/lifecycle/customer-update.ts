/**
 * Customer-facing update drafts (PRACTICE.md "Follow-up Actions": update the customer even with no
 * news; "De-escalation": inform the customer of the resolution). Only what the customer may see goes
 * in: the brief's headline, the account names, the updates recorded for the customer, the status
 * and, when asked, the root cause. Internal updates, internal ticket comments and the rest of the
 * brief never reach the composer. Pure: `now` is a parameter; the text is masked.
 */
import { zoneName } from "../brief/format.js";
import type { Severity, Target } from "../domain/bundle.js";
import { maskText } from "../mask/mask.js";
import { computeDue, type ComputeDueInput, type EscalationStatus } from "./cadence.js";
import { dueInput, escalationHeadline, type Escalation, type EscalationEvent } from "./escalation.js";

/** Which draft: an interim response, a status update, or the resolution. */
export type CustomerUpdateKind = "interim" | "status" | "resolution";

/** The draft kinds. */
export const customerUpdateKinds: readonly CustomerUpdateKind[] = ["interim", "status", "resolution"];

/** Everything a draft may draw on: the customer-safe facts of one escalation. */
export interface CustomerFacts {
  id: string;
  status: EscalationStatus;
  severity: Severity;
  target: Target;
  /** The brief's one-line headline. */
  summary: string;
  accountNames: string[];
  /** Updates recorded with audience `customer`, oldest first. */
  customerUpdates: Array<{ at: string; note: string }>;
  /** When it was resolved or de-escalated, else null. */
  closedAt: string | null;
  rootCause: string | null;
  timeZone: string;
  /** The cadence inputs, for the next customer update's due time. */
  due: ComputeDueInput;
}

/** Options of composeCustomerUpdate. */
export interface CustomerUpdateOptions {
  kind: CustomerUpdateKind;
  now: Date;
  /** The wording per severity (the policy's `customerUpdates.tone`). */
  tone: ToneTable;
  /** Put the recorded root cause in verbatim (resolution only); otherwise a generic sentence. */
  includeRootCause?: boolean;
}

/** A composed draft. */
export interface CustomerUpdateDraft {
  kind: CustomerUpdateKind;
  subject: string;
  body: string;
  /** When the customer hears from us next (an update, or the check-in after a resolution). */
  nextUpdateAt: Date;
  rootCauseIncluded: boolean;
}

/** A draft, or why it cannot be written (a usage error). */
export type CustomerUpdateResult = { ok: true; draft: CustomerUpdateDraft } | { ok: false; message: string };

/**
 * One severity's wording (policy `customerUpdates.tone`): `{team}` becomes the target team ("Our
 * engineering team") and `{next}` the time of the next update or check-in, in any of the texts.
 */
export interface Tone {
  subject: Record<CustomerUpdateKind, string>;
  opening: { interim: string; status: string; resolved: string; deescalated: string };
  doing: string;
  next: string;
  checkIn: string;
  closing: string;
}

/** The wording per severity (Critical: short, direct, urgent; Medium: calmer and warmer, by default). */
export type ToneTable = Record<Severity, Tone>;

const teams: Record<Target, string> = {
  "L2 Support": "Our senior support specialists",
  Engineering: "Our engineering team",
  Product: "Our product team",
  Security: "Our security team",
  Leadership: "Our leadership team",
};

/** The customer-safe facts of an escalation: its public headline and customer-audience updates only. */
export function customerFacts(
  state: Escalation,
  events: readonly EscalationEvent[],
  accountNames: readonly string[],
): CustomerFacts {
  return {
    id: state.id,
    status: state.status,
    severity: state.severity,
    target: state.target,
    summary: sentence(escalationHeadline(state)),
    accountNames: [...accountNames],
    customerUpdates: events.flatMap((e) =>
      e.type === "update" && e.audience === "customer" ? [{ at: e.at, note: e.note }] : [],
    ),
    closedAt: state.resolvedAt ?? state.deescalatedAt,
    rootCause: state.rootCause,
    timeZone: state.calendar.timeZone,
    due: dueInput(state),
  };
}

/**
 * Composes the draft: what we know, what we are doing, and when they hear from us next (the
 * customer cadence's due time if this update goes out at `now`), in the severity's tone (policy wording).
 * `resolution` needs a resolved or de-escalated escalation; `interim` and `status` an open one.
 */
export function composeCustomerUpdate(
  facts: CustomerFacts,
  options: CustomerUpdateOptions,
): CustomerUpdateResult {
  const { kind, now } = options;
  if (kind === "resolution" && facts.status === "open") {
    return {
      ok: false,
      message: `draft-update: escalation ${facts.id} is open; --kind resolution needs a resolved or de-escalated escalation (\`escalate resolve ${facts.id} --root-cause TEXT\`)`,
    };
  }
  if (kind !== "resolution" && facts.status !== "open") {
    return {
      ok: false,
      message: `draft-update: escalation ${facts.id} is ${facts.status}; --kind ${kind} applies only to open escalations, use --kind resolution`,
    };
  }
  const nextUpdateAt = nextCustomerUpdateAt(facts.due, now);
  const tone = filledTone(options.tone[facts.severity], {
    team: teams[facts.target],
    next: customerTime(nextUpdateAt, facts.timeZone),
  });
  const last = facts.customerUpdates.at(-1);
  const includeRootCause = kind === "resolution" && Boolean(options.includeRootCause && facts.rootCause);

  const paragraphs: string[] = [greeting(facts.accountNames)];
  if (kind === "resolution") {
    const resolved = facts.status === "resolved";
    paragraphs.push(resolved ? tone.opening.resolved : tone.opening.deescalated);
    paragraphs.push(`The issue: ${facts.summary}`);
    paragraphs.push(
      includeRootCause
        ? `Root cause: ${sentence(facts.rootCause ?? "")}`
        : resolved
          ? "We identified the root cause and addressed it."
          : "We found what was behind it and how to work around it.",
    );
    const since = facts.closedAt ? ` since ${customerTime(new Date(facts.closedAt), facts.timeZone)}` : "";
    const changed = resolved
      ? `What changed: the problem has been resolved${since}, so you should no longer see it.`
      : `What changed: a way forward has been in place${since}; our support team stays with you until everything is confirmed.`;
    paragraphs.push(changed);
    if (last && facts.closedAt && last.at >= facts.closedAt) paragraphs.push(sentence(last.note));
    paragraphs.push(tone.checkIn);
  } else {
    paragraphs.push(tone.opening[kind]);
    const known = [`What we know: ${facts.summary}`];
    if (kind === "status" && last) {
      known.push(
        `Our last update (${customerTime(new Date(last.at), facts.timeZone)}): ${sentence(last.note)}`,
      );
    }
    paragraphs.push(known.join("\n"));
    paragraphs.push(`What we are doing: ${tone.doing}`);
    paragraphs.push(`When you will hear from us next: ${tone.next}`);
  }
  paragraphs.push(tone.closing, `Reference: ${facts.id}`);

  return {
    ok: true,
    draft: {
      kind,
      subject: maskText(`${tone.subject[kind]}: ${facts.summary.replace(/[.!?]+$/, "")} [${facts.id}]`).text,
      body: maskText(`${paragraphs.join("\n\n")}\n`).text,
      nextUpdateAt,
      rootCauseIncluded: includeRootCause,
    },
  };
}

/** The next customer update's due time if one goes out at `now` (its clock restarts then). */
export function nextCustomerUpdateAt(due: ComputeDueInput, now: Date): Date {
  const schedule = computeDue({ ...due, status: "open", lastCustomerUpdate: now });
  // computeDue returns both audiences for an open escalation
  return schedule.customer?.dueAt ?? now;
}

/**
 * "Tue 10 Nov 2026, 20:00 UTC": a date a customer reads at a glance, in the zone given (the team's:
 * the bundle has no account time zone, see docs/decisions.md).
 */
export function customerTime(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("weekday")} ${get("day")} ${get("month")} ${get("year")}, ${get("hour")}:${get("minute")} ${zoneName(date, timeZone)}`;
}

// Every text of the tone with its placeholders filled (the policy schema admits only these two).
function filledTone(tone: Tone, values: { team: string; next: string }): Tone {
  const fill = (text: string) => text.replaceAll("{team}", values.team).replaceAll("{next}", values.next);
  return {
    subject: {
      interim: fill(tone.subject.interim),
      status: fill(tone.subject.status),
      resolution: fill(tone.subject.resolution),
    },
    opening: {
      interim: fill(tone.opening.interim),
      status: fill(tone.opening.status),
      resolved: fill(tone.opening.resolved),
      deescalated: fill(tone.opening.deescalated),
    },
    doing: fill(tone.doing),
    next: fill(tone.next),
    checkIn: fill(tone.checkIn),
    closing: fill(tone.closing),
  };
}

function greeting(names: readonly string[]): string {
  return names.length === 1 ? `Hello ${names[0]} team,` : "Hello,";
}

function sentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return /[.!?]$/.test(flat) ? flat : `${flat}.`;
}
