/**
 * Groups tickets that report the same problem. Pure: the tickets, their links, the concepts'
 * document frequencies and the thresholds come in as arguments.
 *
 * Two tickets are joined when the team's tools already say so (both linked to one tracker issue,
 * or one names the other), when they quote the same specific error, or when their words agree:
 * several shared ideas (synonyms count as one), one of them in both subjects, and a share of the
 * texts' weight beyond boilerplate. Measured on the public scenarios and our own cases (pairs of
 * tickets the expected brief relates, against the distractors beside them), this asks for more
 * than a brief's matching does: two tickets are both long, so sharing a word or two says little.
 * Joined tickets form groups (connected components); every join keeps its reason.
 */
import type { Ticket } from "../domain/bundle.js";
import { extractSignatures } from "../intake/signatures.js";
import { conceptsOf, type Lexicon } from "../match/lexicon.js";
import { idf } from "../match/score.js";

/** A ticket as pattern detection sees it. */
export interface PatternTicket {
  ticket: Ticket;
  accountId: string | undefined;
  /** Concept keys of the subject (or of the first line when there is no subject). */
  subject: ReadonlySet<string>;
  /** Concept keys of the whole text. */
  concepts: ReadonlySet<string>;
  /** Specific error signatures (exception names, error constants, quoted messages), lower-cased. */
  signatures: ReadonlySet<string>;
  /** Tracker keys the ticket is linked to, from either side. */
  trackerKeys: ReadonlySet<string>;
  /** Ticket ids and tracker keys named in the text. */
  refs: ReadonlySet<string>;
  /** Tracker issues whose title the ticket's text says (see {@link matchTrackerTitles}). */
  titleMatches: Set<string>;
}

/** A tracker issue as a hub: tickets that say its title report its problem. */
export interface TrackerTitle {
  key: string;
  title: string;
}

/** Thresholds of {@link clusterTickets} (policy `pattern.similarity`). */
export interface ClusterThresholds {
  /** Ideas two tickets' texts must share, at least. */
  minSharedConcepts: number;
  /** Ideas their subjects must share, at least. */
  minSharedSubject: number;
  /** Share of the smaller text's weight both texts share. */
  overlap: number;
  /** Concepts in more than this share of the documents never count as shared ideas. */
  commonShare: number;
  /** Share of a tracker title's weight a ticket must say to report that problem ... */
  trackerTitleCover: number;
  /** ... with at least this many of the title's ideas. */
  trackerTitleConcepts: number;
  /** Subject concepts and signatures in more than this share of the window's tickets (and at least 50) propose no pairs; such signatures join nothing. */
  maxPostingShare: number;
}

/** Why two tickets were joined. */
export interface Join {
  a: string;
  b: string;
  why: string;
}

/** A group of tickets reporting one problem. */
export interface TicketGroup {
  members: PatternTicket[];
  joins: Join[];
}

const REF = /\b[A-Z][A-Z0-9]*-\d+\b/g;

/** Builds the pattern view of a ticket (`links`: the tracker keys linked to it). */
export function toPatternTicket(
  ticket: Ticket,
  accountId: string | undefined,
  links: Iterable<string>,
  lexicon: Lexicon,
): PatternTicket {
  const text = `${ticket.subject ?? ""}\n${ticket.description ?? ""}`;
  const firstLine =
    (ticket.subject ?? "").trim() || (ticket.description ?? "").split(/\n|(?<=[.!?])\s/)[0] || "";
  const sig = extractSignatures(text);
  return {
    ticket,
    accountId,
    subject: new Set(conceptsOf(firstLine, lexicon).map((c) => c.key)),
    concepts: new Set(conceptsOf(text, lexicon).map((c) => c.key)),
    signatures: new Set([...sig.names, ...sig.quoted].map((s) => s.toLowerCase())),
    trackerKeys: new Set([...(ticket.trackerKeys ?? []), ...links]),
    refs: new Set([...text.matchAll(REF)].map((m) => m[0])),
    titleMatches: new Set(),
  };
}

/** How much a concept tells tickets apart. */
export interface ConceptStats {
  /** BM25's IDF. */
  weight: (key: string) => number;
  /** True for a concept in more than `commonShare` of the documents: it never counts as a shared idea. */
  isCommon: (key: string) => boolean;
}

/**
 * Concept statistics from document frequencies. The corpus counts as at least `priorDocuments`
 * documents: in a small workspace a word's document count says little about how rare it is, and
 * raw IDF would let one incidental word outweigh the shared ones.
 */
export function conceptStats(
  total: number,
  df: ReadonlyMap<string, number>,
  priorDocuments = 0,
  commonShare = 1,
): ConceptStats {
  const documents = Math.max(total, priorDocuments, 1);
  const cache = new Map<string, number>();
  const weight = (key: string) => {
    let w = cache.get(key);
    if (w === undefined) {
      w = idf(documents, df.get(key) ?? 0);
      cache.set(key, w);
    }
    return w;
  };
  // below `priorDocuments` real documents nothing can be called common: a small workspace is
  // usually about few topics, so its topic words are in most of it
  return { weight, isCommon: (key) => total >= priorDocuments && (df.get(key) ?? 0) > commonShare * total };
}

const sum = (keys: Iterable<string>, weight: (k: string) => number) => {
  let s = 0;
  for (const k of keys) s += weight(k);
  return s;
};

/** How strongly the words of two tickets agree, both ways. */
export function textAgreement(
  a: PatternTicket,
  b: PatternTicket,
  stats: ConceptStats,
): { shared: string[]; sharedSubject: string[]; overlap: number } {
  const { weight, isCommon } = stats;
  const both = [...a.concepts].filter((k) => b.concepts.has(k));
  const smaller = Math.min(sum(a.concepts, weight), sum(b.concepts, weight));
  return {
    shared: both.filter((k) => !isCommon(k)),
    sharedSubject: [...a.subject].filter((k) => b.subject.has(k) && !isCommon(k)),
    overlap: smaller > 0 ? sum(both, weight) / smaller : 0,
  };
}

/** True when an agreement meets the thresholds: shared ideas, one in both subjects, and overlap. */
export function agreementHolds(
  x: { shared: readonly string[]; sharedSubject: readonly string[]; overlap: number },
  t: Pick<ClusterThresholds, "minSharedConcepts" | "minSharedSubject" | "overlap">,
): boolean {
  return (
    x.shared.length >= t.minSharedConcepts &&
    x.sharedSubject.length >= t.minSharedSubject &&
    x.overlap >= t.overlap
  );
}

/** The reason text of an agreement: its weightiest shared ideas (given heaviest first) and overlap. */
export const agreementNote = (shared: readonly string[], overlap: number): string =>
  `${shared
    .slice(0, 5)
    .map((w) => w.replace(/^~/, ""))
    .join(", ")}; overlap ${overlap.toFixed(2)}`;

/** Why `a` and `b` report the same problem, or null when nothing says so. */
export function joinReason(
  a: PatternTicket,
  b: PatternTicket,
  stats: ConceptStats,
  thresholds: ClusterThresholds,
  specific: (signature: string) => boolean = () => true,
): string | null {
  const key = [...a.trackerKeys].find((k) => b.trackerKeys.has(k));
  if (key) return `both linked to ${key}`;
  const hub = [...a.trackerKeys, ...a.titleMatches].find(
    (k) => b.trackerKeys.has(k) || b.titleMatches.has(k),
  );
  if (hub) return `both report ${hub} (linked, or saying its title)`;
  if (a.refs.has(b.ticket.id)) return `${a.ticket.id} names ${b.ticket.id}`;
  if (b.refs.has(a.ticket.id)) return `${b.ticket.id} names ${a.ticket.id}`;
  // a signature in many reports (a generic error code) tells nothing about which problem it is
  const signature = [...a.signatures].find((s) => b.signatures.has(s) && specific(s));
  if (signature) return `same error "${signature}"`;
  const agreement = textAgreement(a, b, stats);
  if (agreementHolds(agreement, thresholds)) {
    const words = [...agreement.shared].sort((x, y) => stats.weight(y) - stats.weight(x));
    return `same words (${agreementNote(words, agreement.overlap)})`;
  }
  return null;
}

/**
 * Marks, on each ticket, the tracker issue whose title its text says best: at least
 * `trackerTitleConcepts` of the title's ideas and `trackerTitleCover` of its weight. An engineer's
 * title names the problem once; reports that say it in their own words meet there even when they
 * share little with each other. One issue per ticket, and none for a ticket the team already
 * linked to an issue: a report that half-says two titles would otherwise join two problems.
 */
export function matchTrackerTitles(
  tickets: readonly PatternTicket[],
  titles: readonly TrackerTitle[],
  lexicon: Lexicon,
  stats: ConceptStats,
  thresholds: ClusterThresholds,
): void {
  const byConcept = new Map<string, number[]>();
  tickets.forEach((t, i) => {
    for (const k of t.concepts) {
      if (stats.isCommon(k)) continue;
      const list = byConcept.get(k);
      if (list) list.push(i);
      else byConcept.set(k, [i]);
    }
  });
  const best = new Map<number, { key: string; said: number }>();
  for (const { key, title } of titles) {
    const concepts = conceptsOf(title, lexicon, { keepMeta: true }).map((c) => c.key);
    const total = sum(concepts, stats.weight);
    if (total === 0) continue;
    const hits = new Map<number, { n: number; weight: number }>();
    for (const k of concepts) {
      for (const i of byConcept.get(k) ?? []) {
        const h = hits.get(i) ?? { n: 0, weight: 0 };
        h.n++;
        h.weight += stats.weight(k);
        hits.set(i, h);
      }
    }
    for (const [i, h] of hits) {
      const share = h.weight / total;
      if (h.n < thresholds.trackerTitleConcepts || share < thresholds.trackerTitleCover) continue;
      if ((tickets[i]?.trackerKeys.size ?? 0) > 0) continue;
      // best: the title whose ideas it says most (by weight), not the shortest title it half-says
      const current = best.get(i);
      if (!current || h.weight > current.said) best.set(i, { key, said: h.weight });
    }
  }
  for (const [i, { key }] of best) tickets[i]?.titleMatches.add(key);
}

/**
 * For each ticket, the later tickets worth comparing with it: those sharing a tracker link, a
 * reference, a specific error signature, or a subject concept that is neither common in the
 * store nor in more than `cap` of the window's tickets (such words cannot make a join on their own).
 */
function* candidatePairs(
  tickets: readonly PatternTicket[],
  stats: ConceptStats,
  cap: number,
): Generator<[number, number]> {
  const postings = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = postings.get(key);
    if (list) list.push(i);
    else postings.set(key, [i]);
  };
  tickets.forEach((t, i) => {
    for (const k of t.trackerKeys) post(`L:${k}`, i);
    for (const k of t.titleMatches) post(`L:${k}`, i);
    for (const r of t.refs) post(`L:${r}`, i);
    post(`L:${t.ticket.id}`, i);
    for (const sig of t.signatures) post(`S:${sig}`, i);
    for (const k of t.subject) if (!stats.isCommon(k)) post(`C:${k}`, i);
  });
  const lists = tickets.map(() => [] as Array<number[]>);
  for (const [key, list] of postings) {
    if (list.length < 2 || (!key.startsWith("L:") && list.length > cap)) continue;
    for (const i of list) lists[i]?.push(list);
  }
  // a stamp per ticket instead of a set of pairs: memory stays linear in the window
  const stamp = new Int32Array(tickets.length).fill(-1);
  for (let i = 0; i < tickets.length; i++) {
    for (const list of lists[i] ?? []) {
      for (const j of list) {
        if (j <= i || stamp[j] === i) continue;
        stamp[j] = i;
        yield [i, j];
      }
    }
  }
}

/** Groups the tickets that report the same problem (groups of two or more, largest first). */
export function clusterTickets(
  tickets: readonly PatternTicket[],
  stats: ConceptStats,
  thresholds: ClusterThresholds,
): TicketGroup[] {
  const parent = tickets.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    while (parent[i] !== r) {
      const next = parent[i] ?? r;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const joins: Join[] = [];
  const cap = Math.max(50, Math.ceil(tickets.length * thresholds.maxPostingShare));
  const signatureCount = new Map<string, number>();
  for (const t of tickets)
    for (const sig of t.signatures) signatureCount.set(sig, (signatureCount.get(sig) ?? 0) + 1);
  const specific = (sig: string) => (signatureCount.get(sig) ?? 0) <= cap;
  for (const [i, j] of candidatePairs(tickets, stats, cap)) {
    const a = tickets[i];
    const b = tickets[j];
    if (!a || !b) continue;
    // once joined, more evidence between the two changes nothing but the cost
    if (find(i) === find(j) && joins.length > 0) continue;
    const why = joinReason(a, b, stats, thresholds, specific);
    if (!why) continue;
    joins.push({ a: a.ticket.id, b: b.ticket.id, why });
    parent[find(i)] = find(j);
  }
  const groups = new Map<number, TicketGroup>();
  const indexOf = new Map(tickets.map((t, i) => [t.ticket.id, i]));
  tickets.forEach((t, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { members: [], joins: [] };
    g.members.push(t);
    groups.set(root, g);
  });
  for (const j of joins) groups.get(find(indexOf.get(j.a) ?? 0))?.joins.push({ a: j.a, b: j.b, why: j.why });
  return [...groups.values()]
    .filter((g) => g.members.length >= 2)
    .map((g) => ({
      ...g,
      members: [...g.members].sort((x, y) => x.ticket.createdAt.localeCompare(y.ticket.createdAt)),
    }))
    .sort((x, y) => y.members.length - x.members.length);
}
