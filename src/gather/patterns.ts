/**
 * `escalate patterns` from the store: reads the window's tickets and their links, the concepts'
 * document frequencies from the full-text index, and, per group, the tracker issues and past
 * escalations it may relate to; then hands everything to the pure pattern code.
 */
import type { Policy } from "../config/policy.js";
import { customerVoice, ticketText, type ChatMessage, type Ticket } from "../domain/bundle.js";
import { compileVocabulary, findHits } from "../intake/cues.js";
import { conceptsOf, ftsExpression, type Concept, type Lexicon } from "../match/lexicon.js";
import { ticketAccountId } from "../match/relate.js";
import {
  clusterTickets,
  matchTrackerTitles,
  conceptStats,
  toPatternTicket,
  type ConceptStats,
  type PatternTicket,
  type TicketGroup,
} from "../patterns/cluster.js";
import {
  describeGroup,
  rankPatterns,
  representative,
  type GroupEvidence,
  type Pattern,
} from "../patterns/describe.js";
import { recalledFixes } from "../patterns/recall.js";
import type { Store } from "../store/sqlite-store.js";
import { widenedRange } from "./time-bounds.js";

/** Options of {@link findPatterns}. */
export interface FindPatternsOptions {
  now: Date;
  /** Days before `now` whose tickets are grouped (policy `pattern.windowDays` by default). */
  days?: number;
  policy: Policy;
  lexicon: Lexicon;
}

/** What `patterns` found, with the counts a progress line or a benchmark reports. */
export interface PatternsResult {
  patterns: Pattern[];
  ticketsInWindow: number;
  groups: number;
}

const REF = /\b[A-Z][A-Z0-9]*-\d+\b/g;
/** Full-text hits per group, per kind, checked as possible fixes. */
const FIX_CANDIDATES = 20;
/** Words of the group's title the look-alike search uses. */
const LOOK_ALIKE_WORDS = 8;

/** Document frequencies of concepts: a synonym group counts the documents of its words (capped). */
function conceptDocFrequencies(
  store: Store,
  concepts: Iterable<Concept>,
  total: number,
): Map<string, number> {
  const byKey = new Map<string, Concept>();
  for (const c of concepts) byKey.set(c.key, c);
  const stems = new Set<string>();
  for (const c of byKey.values()) for (const s of c.stems) stems.add(s);
  const counts = store.termDocCounts(stems);
  const df = new Map<string, number>();
  for (const [key, c] of byKey) {
    let n = 0;
    for (const s of c.stems) n += counts.get(s) ?? 0;
    df.set(key, Math.min(n, total));
  }
  return df;
}

/** Finds the patterns of the tickets created in the `days` before `now`. */
export function findPatterns(store: Store, options: FindPatternsOptions): PatternsResult {
  const { now, policy, lexicon } = options;
  const days = options.days ?? policy.pattern.windowDays;
  const from = now.getTime() - days * 86_400_000;
  const tickets = store
    .ticketsCreatedBetween(...widenedRange(from, now.getTime()))
    .filter((t) => Date.parse(t.createdAt) >= from && Date.parse(t.createdAt) <= now.getTime());
  const accounts = store.accounts();
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const links = store.linksBetween(
    tickets.map((t) => t.id),
    [],
  );
  const linksOf = new Map<string, string[]>();
  for (const l of links) linksOf.set(l.ticketId, [...(linksOf.get(l.ticketId) ?? []), l.trackerKey]);

  const allConcepts = new Map<string, Concept>();
  const profiles = tickets.map((t) => {
    for (const c of conceptsOf(`${t.subject}\n${t.description ?? ""}`, lexicon)) allConcepts.set(c.key, c);
    return toPatternTicket(t, ticketAccountId(t, accounts), linksOf.get(t.id) ?? [], lexicon);
  });
  const titles = store.trackerTitles();
  for (const { title } of titles)
    for (const c of conceptsOf(title, lexicon, { keepMeta: true })) allConcepts.set(c.key, c);
  const total = store.documentCount();
  const similarity = policy.pattern.similarity;
  const stats = conceptStats(
    total,
    conceptDocFrequencies(store, allConcepts.values(), total),
    similarity.priorDocuments,
    similarity.commonShare,
  );
  matchTrackerTitles(profiles, titles, lexicon, stats, similarity);
  const groups = clusterTickets(profiles, stats, similarity);

  // a lone report can still be a recurrence: linked to a fixed issue, or said to be back (by the
  // customer, or by the team in a chat message that names the ticket)
  const vocabulary = compileVocabulary(policy);
  const saysAgain = (text: string) => findHits(text, vocabulary.cues, "", ["recurrence"]).length > 0;
  const messages = store
    .chatMessagesBetween(...widenedRange(from, now.getTime()))
    .filter((m) => Date.parse(m.at) <= now.getTime());
  const discussion = discussionOf(messages, tickets);
  // the team recalling a fix without naming a report ("the ENG-702 stall again"): the reports
  // whose words cover the message are what it is about
  const named = store.existingRefs([...new Set(messages.flatMap((m) => m.text.match(REF) ?? []))]);
  const recalls = recalledFixes(
    messages,
    tickets.map((t) => ({ id: t.id, text: ticketText(t) })),
    {
      lexicon,
      weight: stats.weight,
      isCommon: stats.isCommon,
      saysAgain,
      knownFixes: new Set([...named.tracker, ...named.escalations]),
      minSharedConcepts: similarity.minSharedConcepts,
      overlap: similarity.overlap,
    },
  );
  for (const [id, texts] of recalls) discussion.set(id, [...(discussion.get(id) ?? []), ...texts]);
  const again = (p: PatternTicket) =>
    saysAgain(customerVoice(p.ticket)) || (discussion.get(p.ticket.id) ?? []).some((text) => saysAgain(text));
  const grouped = new Set(groups.flatMap((g) => g.members.map((m) => m.ticket.id)));
  const loners: TicketGroup[] = profiles
    .filter((p) => !grouped.has(p.ticket.id))
    .filter((p) => p.trackerKeys.size > 0 || again(p))
    .map((p) => ({ members: [p], joins: [] }));

  const describeOptions = {
    ...policy.pattern,
    windowDays: days,
    now,
    trackerMinCoverage: policy.matching.trackerMinCoverage,
    escalationMinCoverage: policy.matching.escalationMinCoverage,
    lexicon,
    weight: stats.weight,
    saysAgain,
    discussion,
    accounts: accountById,
  };
  const patterns: Pattern[] = [];
  for (const group of [...groups, ...loners]) {
    // linked records first (cheap); the full-text search for look-alike fixes only for a group
    // that is already a pattern, or whose reports say the problem is back
    const linked = linkedEvidence(store, group, discussion);
    const quick = describeGroup(group, linked, describeOptions);
    const pattern =
      quick || group.members.some(again)
        ? describeGroup(group, withLookAlikes(store, group, linked, lexicon, stats), describeOptions)
        : null;
    if (pattern) patterns.push(pattern);
  }
  return { patterns: rankPatterns(patterns), ticketsInWindow: tickets.length, groups: groups.length };
}

/** Chat messages that name a window ticket, by ticket id. */
function discussionOf(messages: readonly ChatMessage[], tickets: readonly Ticket[]): Map<string, string[]> {
  const ids = new Set(tickets.map((t) => t.id));
  const out = new Map<string, string[]>();
  for (const m of messages) {
    for (const ref of new Set(m.text.match(REF) ?? [])) {
      if (ids.has(ref)) out.set(ref, [...(out.get(ref) ?? []), m.text]);
    }
  }
  return out;
}

/** The tracker issues and past escalations the group's tickets (or the chat about them) link to or name. */
function linkedEvidence(
  store: Store,
  group: TicketGroup,
  discussion: ReadonlyMap<string, readonly string[]>,
): GroupEvidence {
  const keys = new Set<string>();
  const refs = new Set<string>();
  for (const m of group.members) {
    for (const k of m.trackerKeys) keys.add(k);
    for (const r of m.refs) refs.add(r);
    for (const text of discussion.get(m.ticket.id) ?? []) for (const r of text.match(REF) ?? []) refs.add(r);
  }
  const existing = store.existingRefs([...refs]);
  for (const k of existing.tracker) keys.add(k);
  const escalationIds = new Set(existing.escalations);
  // escalations tracked as one of the linked issues are about the same fix
  for (const e of store.pastEscalationsOfTrackerKeys([...keys])) escalationIds.add(e.id);
  return {
    trackerIssues: store.trackerIssues([...keys]),
    pastEscalations: store.pastEscalations([...escalationIds]),
  };
}

/** Adds the best full-text hits for the group's title among tracker issues and past escalations. */
function withLookAlikes(
  store: Store,
  group: TicketGroup,
  linked: GroupEvidence,
  lexicon: Lexicon,
  stats: ConceptStats,
): GroupEvidence {
  const title = representative(group.members)?.ticket.subject ?? "";
  // the title's distinctive words only: a common word makes the index rank half the store
  const words = conceptsOf(title, lexicon)
    .filter((c) => !stats.isCommon(c.key))
    .sort((a, b) => stats.weight(b.key) - stats.weight(a.key))
    .slice(0, LOOK_ALIKE_WORDS);
  const expression = ftsExpression(words);
  if (!expression) return linked;
  const have = new Set(linked.trackerIssues.map((i) => i.key));
  const haveEsc = new Set(linked.pastEscalations.map((e) => e.id));
  const keys = store
    .search(expression, ["tracker"], FIX_CANDIDATES)
    .map((h) => h.ref)
    .filter((k) => !have.has(k));
  const ids = store
    .search(expression, ["escalation"], FIX_CANDIDATES)
    .map((h) => h.ref)
    .filter((id) => !haveEsc.has(id));
  return {
    trackerIssues: [...linked.trackerIssues, ...store.trackerIssues(keys)],
    pastEscalations: [...linked.pastEscalations, ...store.pastEscalations(ids)],
  };
}
