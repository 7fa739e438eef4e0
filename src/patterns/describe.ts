/**
 * Turns groups of tickets into the patterns `escalate patterns` lists (CONTRACT.md): 3+ customers
 * in the window, a recurrence after a fix, or severity rising. Pure: the groups, the records they
 * may relate to and the clock come in.
 */
import { customerVoice, type Account, type PastEscalation, type TrackerIssue } from "../domain/bundle.js";
import { conceptsOf, type Lexicon } from "../match/lexicon.js";
import { maskText } from "../mask/mask.js";
import type { TicketGroup, PatternTicket } from "./cluster.js";
import {
  findRecurrence,
  PRIORITY_RANK,
  risingSeverity,
  type FixCandidate,
  type RisingThresholds,
} from "./signals.js";

/** One pattern, as the contract prints it, with its reasons. */
export interface Pattern {
  ticketIds: string[];
  accountIds: string[];
  firstSeen: string;
  lastSeen: string;
  recurring: boolean;
  rising: boolean;
  trackerKeys: string[];
  /** The highest ticket priority among the reports (null when none has one). */
  highestPriority: string | null;
  summary: string;
  /** Which criteria hold: `customers` (minAccounts or more), `recurring`, `rising`. */
  kinds: Array<"customers" | "recurring" | "rising">;
  reasons: string[];
}

/** Records a group may relate to, found by the caller (links, ids in text, full-text hits). */
export interface GroupEvidence {
  trackerIssues: readonly TrackerIssue[];
  pastEscalations: readonly PastEscalation[];
}

/** Options of {@link describePatterns}. */
export interface DescribeOptions extends RisingThresholds {
  now: Date;
  minAccounts: number;
  /** Share of a tracker title's (or escalation summary's) weight the group's text must contain. */
  trackerMinCoverage: number;
  escalationMinCoverage: number;
  lexicon: Lexicon;
  weight: (key: string) => number;
  /** True when a text says the problem is back ("again", "we fixed this"). */
  saysAgain: (text: string) => boolean;
  /** Chat messages that name a ticket (by id): the team's discussion of that report. */
  discussion?: ReadonlyMap<string, readonly string[]>;
  accounts: ReadonlyMap<string, Account>;
}

/** Share of the weight of `text`'s concepts found in `concepts` (0 when fewer than two are found). */
function titleCoverage(text: string, concepts: ReadonlySet<string>, o: DescribeOptions): number {
  const keys = conceptsOf(text, o.lexicon, { keepMeta: true }).map((c) => c.key);
  let total = 0;
  let hit = 0;
  let found = 0;
  for (const k of keys) {
    const w = o.weight(k);
    total += w;
    if (concepts.has(k)) {
      hit += w;
      found++;
    }
  }
  return total > 0 && found >= Math.min(2, keys.length) ? hit / total : 0;
}

/** The member whose subject concepts the group uses most: the group's best title. */
export function representative(members: readonly PatternTicket[]): PatternTicket | undefined {
  const used = new Map<string, number>();
  for (const m of members) for (const k of m.concepts) used.set(k, (used.get(k) ?? 0) + 1);
  let best: PatternTicket | undefined;
  let bestScore = -1;
  for (const m of members) {
    let score = 0;
    for (const k of m.subject) score += (used.get(k) ?? 1) - 1;
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

const day = (iso: string) => iso.slice(0, 10);
const EXCERPT_CHARS = 120;
// masked before it is cut: a secret cut in half may no longer look like one
const excerpt = (text: string) => {
  const flat = maskText(text).text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
};
const REF = /\b[A-Z][A-Z0-9]*-\d+\b/g;

/** Describes one group, or null when it is no pattern. */
export function describeGroup(
  group: TicketGroup,
  evidence: GroupEvidence,
  o: DescribeOptions,
): Pattern | null {
  const members = group.members;
  const tickets = members.map((m) => m.ticket);
  const ids = new Set(tickets.map((t) => t.id));
  const accountIds = [
    ...new Set(members.map((m) => m.accountId).filter((a): a is string => Boolean(a))),
  ].sort();
  // the team's chat about a report says what it is, which fix it recalls and whether it is back
  const talk = members.flatMap((m) => o.discussion?.get(m.ticket.id) ?? []);
  const concepts = new Set(members.flatMap((m) => [...m.concepts]));
  // comments too: a follow-up often says what the first message did not ("the delivery log shows them queued")
  for (const m of members)
    if (m.ticket.comments?.length)
      for (const c of conceptsOf(m.ticket.comments.map((x) => x.body).join("\n"), o.lexicon)) concepts.add(c.key);
  for (const text of talk) for (const c of conceptsOf(text, o.lexicon)) concepts.add(c.key);
  const linkedKeys = new Set(members.flatMap((m) => [...m.trackerKeys, ...m.refs]));
  for (const text of talk) for (const ref of text.match(REF) ?? []) linkedKeys.add(ref);

  // tracker issues and past escalations: linked or named, or whose title the group's words cover
  const trackers: Array<FixCandidate<TrackerIssue>> = [];
  for (const issue of evidence.trackerIssues) {
    const linked = linkedKeys.has(issue.key) || (issue.ticketIds ?? []).some((id) => ids.has(id));
    if (linked || titleCoverage(issue.title, concepts, o) >= o.trackerMinCoverage)
      trackers.push({ item: issue, linked });
  }
  const trackerKeys = new Set(trackers.map((t) => t.item.key));
  const escalations: Array<FixCandidate<PastEscalation>> = [];
  for (const e of evidence.pastEscalations) {
    const linked = linkedKeys.has(e.id) || (e.trackerKey !== undefined && linkedKeys.has(e.trackerKey));
    if (linked || titleCoverage(e.summary, concepts, o) >= o.escalationMinCoverage)
      escalations.push({ item: e, linked });
  }

  const latest = Math.max(...tickets.map((t) => Date.parse(t.createdAt)));
  // "again" counts from a report made after the fix it points back to; the caller bounds the reports to the window
  const againTicket = tickets.find((t) => o.saysAgain(customerVoice(t)));
  const againTalk = talk.find((text) => o.saysAgain(text));
  const saysAgain = againTicket !== undefined || againTalk !== undefined;
  const backBy = againTicket
    ? `${againTicket.id} says it is back`
    : againTalk
      ? `the team's chat says it is back: "${excerpt(againTalk)}"`
      : null;
  const recurrence = findRecurrence(trackers, escalations, saysAgain, latest);
  const rising = risingSeverity(tickets, o.now, o);
  const kinds: Pattern["kinds"] = [];
  if (accountIds.length >= o.minAccounts) kinds.push("customers");
  if (recurrence) kinds.push("recurring");
  if (rising) kinds.push("rising");
  if (kinds.length === 0) return null;
  if (recurrence?.trackerKey) trackerKeys.add(recurrence.trackerKey);

  const sorted = [...tickets].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const firstSeen = sorted[0]?.createdAt ?? "";
  const lastSeen = sorted[sorted.length - 1]?.createdAt ?? "";
  const names = accountIds.map((a) => o.accounts.get(a)?.name ?? a);
  const title = representative(members)?.ticket.subject.trim() ?? "";
  const parts = [
    `"${title}": ${tickets.length} ticket${tickets.length === 1 ? "" : "s"} from ${accountIds.length} customer${accountIds.length === 1 ? "" : "s"}${names.length ? ` (${names.join(", ")})` : ""}, ${day(firstSeen)} to ${day(lastSeen)}`,
  ];
  if (recurrence) parts.push(`recurring: ${recurrence.by}`);
  if (rising) parts.push(`rising: ${rising}`);
  const reasons = [
    ...(accountIds.length >= o.minAccounts
      ? [
          `${accountIds.length} customers reported it within ${o.windowDays} days (policy: ${o.minAccounts} or more)`,
        ]
      : []),
    ...(recurrence ? [`recurring after a fix: ${recurrence.by}${backBy ? `; ${backBy}` : ""}`] : []),
    ...(rising ? [`severity rising: ${rising}`] : []),
    ...group.joins.map((j) => `${j.a} ~ ${j.b}: ${j.why}`),
  ];
  const priorities = tickets.map((t) => t.priority).filter((p): p is NonNullable<typeof p> => Boolean(p));
  const highestPriority =
    priorities.sort((a, b) => (PRIORITY_RANK[b] ?? 1) - (PRIORITY_RANK[a] ?? 1))[0] ?? null;
  return {
    ticketIds: sorted.map((t) => t.id),
    accountIds,
    firstSeen,
    lastSeen,
    recurring: recurrence !== null,
    rising: rising !== null,
    trackerKeys: [...trackerKeys].sort(),
    highestPriority,
    summary: parts.join("; "),
    kinds,
    reasons,
  };
}

/**
 * Most important first: a recurrence or a multi-customer group before rising alone, then breadth,
 * then the highest priority the reporters gave, then size and recency.
 */
export function rankPatterns(patterns: readonly Pattern[]): Pattern[] {
  const weight = (p: Pattern) => (p.kinds.includes("customers") || p.kinds.includes("recurring") ? 1 : 0);
  const priority = (p: Pattern) => PRIORITY_RANK[p.highestPriority ?? "normal"] ?? 1;
  return [...patterns].sort(
    (a, b) =>
      weight(b) - weight(a) ||
      b.accountIds.length - a.accountIds.length ||
      priority(b) - priority(a) ||
      b.ticketIds.length - a.ticketIds.length ||
      b.lastSeen.localeCompare(a.lastSeen),
  );
}
