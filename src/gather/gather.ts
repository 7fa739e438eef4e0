/**
 * Gather: pulls candidate records for one issue from the store (the embedded default source):
 * full-text candidates of every kind, the named customers' tickets, and one hop of links
 * (tracker issues of those tickets, tickets of those tracker issues, ids named in their text).
 */
import type { Policy } from "../config/policy.js";
import type { ChatMessage } from "../domain/bundle.js";
import type { Context } from "../domain/context.js";
import type { IssueFacts } from "../intake/intake.js";
import { findAccountsNamedIn, indexAccountNames } from "../intake/customers.js";
import { conceptsOf, ftsExpression, type Concept, type Lexicon } from "../match/lexicon.js";
import { likensTo } from "../match/relate.js";
import type { DocKind, Store } from "../store/sqlite-store.js";
import { ticketText } from "../store/sqlite-store.js";
import { indexPhrasesOf, stem } from "../intake/text.js";
import { widenedRange } from "./time-bounds.js";

const REF = /\b[A-Z][A-Z0-9]*-\d+\b/g;
const EXACT_COUNT_LIMIT = 20_000;
/** How many of the best full-text tickets seed the tracker-link hop. */
const LINK_SEED_TICKETS = 50;
/** Recent tickets read per account that a staff note names. */
const NOTED_ACCOUNT_TICKETS = 30;
/** A tracker issue linked to thousands of tickets contributes its open and newest ones. */
const LINKED_TICKETS_PER_ISSUE = 50;

/** The full-text expression for `concepts`: their words, and the phrases a joined word ("logout") stands for. */
function searchExpression(concepts: readonly Concept[]): string {
  const phrases = [
    ...new Set(concepts.flatMap((c) => c.words.flatMap((w) => indexPhrasesOf(w.toLowerCase())))),
  ];
  return [ftsExpression(concepts), ...phrases].filter((x) => x.length > 0).join(" OR ");
}

/** Gathers the context of `facts` from `store`. */
export function gather(store: Store, facts: IssueFacts, policy: Policy, lexicon: Lexicon): Context {
  const accounts = store.accounts();
  const limit = policy.matching.candidateLimit;
  const concepts = conceptsOf(facts.description, lexicon, { exclude: facts.excludeTokens });
  // document frequencies: the index's vocabulary gives each word's count at once; a synonym group
  // is counted exactly when that is cheap (its words are not common), else its commonest word stands in
  const total = store.documentCount();
  const termCounts = store.termDocCounts(concepts.flatMap((c) => c.words.map((w) => stem(w.toLowerCase()))));
  const df = new Map<string, number>();
  for (const c of concepts) {
    const counts = c.words.map((w) => termCounts.get(stem(w.toLowerCase())) ?? 0);
    const sum = counts.reduce((a, b) => a + b, 0);
    df.set(
      c.key,
      counts.length === 1
        ? sum
        : sum <= EXACT_COUNT_LIMIT
          ? store.matchCount(searchExpression([c]))
          : Math.max(...counts),
    );
  }
  // candidates come from the words that can tell documents apart: very common ones only widen
  // the result set that BM25 must rank
  const byRarity = [...concepts].sort((a, b) => (df.get(a.key) ?? 0) - (df.get(b.key) ?? 0));
  const cap = Math.max(total * policy.matching.candidateMaxDocShare, limit);
  const distinctive = byRarity.filter((c) => (df.get(c.key) ?? 0) <= cap);
  const expression = searchExpression(distinctive.length >= 2 ? distinctive : byRarity.slice(0, 2));
  const hits = (kinds: DocKind[], n: number) =>
    expression ? store.search(expression, kinds, n).map((h) => h.ref) : [];

  const namedIds = facts.customers.map((c) => c.accountId);
  const namedEmails = accounts
    .filter((a) => namedIds.includes(a.id))
    .flatMap((a) => (a.contacts ?? []).map((c) => c.email).filter((e): e is string => Boolean(e)));
  const ftsTickets = hits(["ticket"], limit);
  const namedTickets = store.ticketsOfAccounts(namedIds, namedEmails, 200).map((t) => t.id);
  const ticketIds = new Set<string>([...ftsTickets, ...namedTickets]);
  // tracker issues of the strongest candidates, and a bounded number of each issue's tickets
  const trackerKeys = new Set<string>([
    ...hits(["tracker"], 50),
    ...store.trackerKeysOfTickets([...ftsTickets.slice(0, LINK_SEED_TICKETS), ...namedTickets]),
  ]);
  const chatIds = hits(["chat"], 100);
  const kbIds = new Set(hits(["kb"], 50));
  const escalationIds = new Set(hits(["escalation"], 50));
  for (const id of store.ticketIdsOfTrackerKeys([...trackerKeys], LINKED_TICKETS_PER_ISSUE))
    ticketIds.add(id);
  const chatMessages = withReplies(
    store,
    store.chatMessages(chatIds),
    ticketIds,
    policy.matching.chatReplyMinutes,
  );
  const firstTickets = store.tickets([...ticketIds]);
  const mentioned = new Set<string>([...facts.description.matchAll(REF)].map((m) => m[0]));
  for (const text of [...chatMessages.map((c) => c.text), ...firstTickets.map((t) => ticketText(t).body)]) {
    for (const m of text.matchAll(REF)) mentioned.add(m[0]);
  }
  const refs = store.existingRefs([...mentioned]);
  const extraTickets = refs.tickets.filter((id) => !ticketIds.has(id));
  for (const key of refs.tracker) trackerKeys.add(key);
  for (const id of refs.kb) kbIds.add(id);
  for (const id of refs.escalations) escalationIds.add(id);
  // accounts that staff notes on the strongest candidates name ("same as Juniper Hill last month"):
  // their recent tickets, so that matching can link the look-alike one
  const seeds = new Set([...ftsTickets.slice(0, LINK_SEED_TICKETS), ...namedTickets]);
  const nameIndex = indexAccountNames(accounts, policy.vocabulary.legalSuffixes);
  const notedAccounts = new Set<string>();
  for (const t of firstTickets) {
    if (!seeds.has(t.id)) continue;
    const notes = (t.comments ?? []).filter((c) => c.role !== "customer").map((c) => c.body);
    if (notes.length === 0) continue;
    for (const link of findAccountsNamedIn(notes.join("\n"), nameIndex))
      if (link.accountId !== t.accountId) notedAccounts.add(link.accountId);
  }
  // and the accounts the team's chat likens the issue to ("like Lingua Franca in Dec")
  const likeCase = policy.vocabulary.cues.likeCase.map((p) => new RegExp(p, "i"));
  for (const c of chatMessages)
    for (const link of findAccountsNamedIn(c.text, nameIndex))
      if (!namedIds.includes(link.accountId) && likensTo(c.text, link.matched, likeCase))
        notedAccounts.add(link.accountId);
  const have = new Set([...ticketIds, ...extraTickets]);
  const notedTickets = store
    .ticketsOfAccounts([...notedAccounts], [], NOTED_ACCOUNT_TICKETS)
    .filter((t) => !have.has(t.id));
  const tickets = [...firstTickets, ...store.tickets(extraTickets), ...notedTickets];
  const allTicketIds = tickets.map((t) => t.id);
  const links = store.linksBetween(allTicketIds, []);
  for (const l of links) trackerKeys.add(l.trackerKey);
  // the tracker issues KB articles name ("Known bug DRW-455: ..."), so that matching can follow them
  const kbArticles = store.kbArticles([...kbIds]);
  const kbRefs = new Set(
    kbArticles.flatMap((k) => [...`${k.title}\n${k.body}`.matchAll(REF)].map((m) => m[0])),
  );
  for (const key of store.existingRefs([...kbRefs]).tracker) trackerKeys.add(key);

  return {
    team: store.team(),
    accounts,
    tickets,
    trackerIssues: store.trackerIssues([...trackerKeys]),
    kbArticles,
    chatMessages,
    pastEscalations: store.pastEscalations([...escalationIds]),
    links,
    stats: { total, df },
    failures: [],
  };
}

/**
 * Adds the messages that follow, in the same channel and within `minutes`, each chat message that
 * names a candidate ticket: chat without thread ids answers in the next message, which need not
 * share the description's words (matching decides whether it is a reply).
 */
function withReplies(
  store: Store,
  messages: ChatMessage[],
  ticketIds: ReadonlySet<string>,
  minutes: number,
): ChatMessage[] {
  const key = (m: ChatMessage) => `${m.channel}\u0000${m.at}\u0000${m.text}`;
  const have = new Set(messages.map(key));
  const out = [...messages];
  for (const m of messages) {
    if (![...m.text.matchAll(REF)].some((r) => ticketIds.has(r[0]))) continue;
    const from = Date.parse(m.at);
    if (!Number.isFinite(from)) continue;
    const to = from + minutes * 60_000;
    const after = store.chatMessagesBetween(...widenedRange(from, to)).filter((x) => {
      const at = Date.parse(x.at);
      return x.channel === m.channel && at > from && at <= to && !have.has(key(x));
    });
    for (const x of after) {
      have.add(key(x));
      out.push(x);
    }
  }
  return out;
}
