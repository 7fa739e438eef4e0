/**
 * The pattern signals of POLICY.md (section 1, "pattern"), shared by the brief and `patterns`:
 * recurrence after a fix, and rising severity. Pure: records, evidence and thresholds come in.
 */
import type { PastEscalation, Ticket, TrackerIssue } from "../domain/bundle.js";

/** Ticket priorities, lowest first. */
export const PRIORITY_RANK: Readonly<Record<string, number>> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** A tracker issue or past escalation that is about the reports, and how we know. */
export interface FixCandidate<T> {
  item: T;
  /** True when a tool links it to the reports (ticket link, an id in the text, the same tracker key). */
  linked: boolean;
}

/** What made the reports a recurrence. */
export interface Recurrence {
  by: string;
  trackerKey?: string;
  escalationId?: string;
}

/**
 * A recurrence: a matching `bug` or `incident` that is `done`, or a matching past escalation that
 * was resolved, before the latest report. A match by words alone needs the reports to say it is
 * back ("again", "we fixed this"); a link the tools hold is enough on its own. Tasks, features and
 * `wont_do` closures never make a recurrence.
 */
export function findRecurrence(
  trackerIssues: ReadonlyArray<FixCandidate<TrackerIssue>>,
  pastEscalations: ReadonlyArray<FixCandidate<PastEscalation>>,
  textSaysAgain: boolean,
  latestReport: number,
): Recurrence | null {
  for (const { item: i, linked } of trackerIssues) {
    if ((i.type !== "bug" && i.type !== "incident") || i.status !== "done") continue;
    const fixedAt = Date.parse(i.resolvedAt ?? i.createdAt ?? "");
    if (Number.isFinite(fixedAt) && fixedAt < latestReport && (linked || textSaysAgain)) {
      return {
        by: `tracker ${i.key} (${i.type}, done ${i.resolvedAt ?? ""}) fixed this before`,
        trackerKey: i.key,
      };
    }
  }
  for (const { item: e, linked } of pastEscalations) {
    const resolvedAt = Date.parse(e.resolvedAt ?? "");
    if (Number.isFinite(resolvedAt) && resolvedAt < latestReport && (linked || textSaysAgain)) {
      return {
        by: `escalation ${e.id} was resolved ${e.resolvedAt ?? ""}${e.rootCause ? ` (root cause: ${e.rootCause})` : ""}`,
        escalationId: e.id,
        ...(e.trackerKey ? { trackerKey: e.trackerKey } : {}),
      };
    }
  }
  return null;
}

/** Thresholds of {@link risingSeverity} (policy `pattern`). */
export interface RisingThresholds {
  /** Reports needed before a trend is read at all. */
  risingMinTickets: number;
  /** The recent half of the window must hold this many times the reports of the earlier half. */
  risingRateFactor: number;
  windowDays: number;
}

/**
 * Severity rising: the priority climbs from the first report to the latest, or reports come in
 * faster (the window's recent half holds `risingRateFactor` times the earlier half, and at least
 * `risingMinTickets`). Null when neither holds.
 */
export function risingSeverity(tickets: readonly Ticket[], now: Date, t: RisingThresholds): string | null {
  if (tickets.length < t.risingMinTickets) return null;
  const sorted = [...tickets].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return null;
  const a = PRIORITY_RANK[first.priority ?? "normal"] ?? 1;
  const b = PRIORITY_RANK[last.priority ?? "normal"] ?? 1;
  if (b > a)
    return `priority climbed from ${first.priority ?? "normal"} (${first.id}) to ${last.priority ?? "normal"} (${last.id})`;
  const half = (t.windowDays * 86_400_000) / 2;
  const end = now.getTime();
  const recent = sorted.filter((x) => Date.parse(x.createdAt) > end - half && Date.parse(x.createdAt) <= end);
  const earlier = sorted.filter(
    (x) => Date.parse(x.createdAt) > end - 2 * half && Date.parse(x.createdAt) <= end - half,
  );
  if (
    earlier.length > 0 &&
    recent.length >= t.risingMinTickets &&
    recent.length >= t.risingRateFactor * earlier.length
  )
    return `reports are coming in faster: ${recent.length} in the last ${t.windowDays / 2} days against ${earlier.length} in the ${t.windowDays / 2} before`;
  return null;
}
