/**
 * Gathers what `similar` ranks: candidate tickets from the full-text index (an OR over the text's
 * most distinctive words, created at or before the cutoff), the index's document frequencies for
 * the query's and the candidates' subject terms, and the index's average document length. Only the
 * candidates are loaded, never all tickets.
 */
import { stem } from "../intake/text.js";
import {
  queryIndexTokens,
  applySubjectCover,
  scoreCandidates,
  subjectTokensOf,
  toResults,
  weighQuery,
  type SimilarCandidate,
  type SimilarResult,
  type SimilarStats,
  type SimilarWeights,
} from "../patterns/similar.js";
import type { Store } from "../store/sqlite-store.js";
import { OFFSET_MARGIN_MS } from "./time-bounds.js";

/** Options for {@link findSimilar}. */
export interface FindSimilarOptions {
  /** Only tickets created at or before this instant are candidates. */
  now: Date;
  limit: number;
  /** Tickets never returned (the query's own ticket, in evaluations). */
  excludeIds?: readonly string[];
  /** How many full-text hits are re-ranked. */
  poolSize?: number;
  /** How many of the text's words the full-text query uses, at most. */
  queryWords?: number;
  /** The most index postings (documents per word, summed) the full-text query may read. */
  postingBudget?: number;
  /** How many of the best are re-ranked with the subject-cover cue. */
  coverPool?: number;
  /** Words that are no evidence (the policy's stop words). */
  stopwords?: ReadonlySet<string>;
  /** The ranking's weights (policy `similar`). */
  weights: SimilarWeights;
}

/** Reads an SQLite varint at `offset`. */
function readVarint(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = bytes[offset + i] ?? 0;
    if (i === 8) return [value * 256 + byte, offset + 9];
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, offset + i + 1];
  }
  return [value, offset + 9];
}

/**
 * The index's document count and average length in tokens, from FTS5's own averages record (the
 * one bm25() reads), so no table is scanned. Null when the record is not there.
 */
function indexAverages(store: Store): { documents: number; averageLength: number } | null {
  try {
    const row = store.db.prepare("SELECT block FROM docs_data WHERE id = 1").get() as
      { block: Uint8Array } | undefined;
    if (!row) return null;
    const [documents, start] = readVarint(row.block, 0);
    let at = start;
    let tokens = 0;
    while (at < row.block.length) {
      const [n, next] = readVarint(row.block, at);
      tokens += n;
      at = next;
    }
    return documents > 0 ? { documents, averageLength: tokens / documents } : null;
  } catch {
    return null;
  }
}

// the SQL cutoff compares ISO strings, whose offsets may differ: the margin keeps every ticket that
// may qualify, and the ranking applies the exact cutoff

/**
 * The tickets the full-text index ranks best for `match`, created at or before `now`. The index is
 * asked alone first (joining each hit to its ticket costs more than the scoring), and the texts are
 * read back from the index itself, never by parsing whole ticket records; only when the cutoff or
 * other kinds of documents leave too few does the joined, filtered query run.
 */
function fullTextPool(
  store: Store,
  match: string,
  now: Date,
  size: number,
  exclude: ReadonlySet<string>,
): SimilarCandidate[] {
  const at = now.getTime();
  const wanted = 2 * size + exclude.size;
  let rowids = store.db
    .prepare<[string, number], { rowid: number }>(
      "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT ?",
    )
    .all(match, wanted)
    .map((r) => r.rowid);
  let metas = ticketMetas(store, rowids).filter((m) => !exclude.has(m.id) && Date.parse(m.createdAt) <= at);
  if (metas.length < size / 2 && rowids.length === wanted) {
    const cutoff = new Date(at + OFFSET_MARGIN_MS).toISOString();
    rowids = store.db
      .prepare<[string, string, number], { rowid: number }>(
        `SELECT docs.rowid AS rowid FROM docs JOIN doc_map m ON m.rowid = docs.rowid
         JOIN tickets t ON t.id = m.ref
         WHERE docs MATCH ? AND m.kind = 'ticket' AND t.created_at <= ?
         ORDER BY bm25(docs, 2.0, 1.0) LIMIT ?`,
      )
      .all(match, cutoff, size + exclude.size)
      .map((r) => r.rowid);
    metas = ticketMetas(store, rowids).filter((m) => !exclude.has(m.id) && Date.parse(m.createdAt) <= at);
  }
  metas = metas.slice(0, size);
  const texts = new Map<number, { title: string; body: string }>();
  forChunks(
    metas.map((m) => m.rowid),
    (chunk, marks) => {
      const rows = store.db
        .prepare(`SELECT rowid, title, body FROM docs WHERE rowid IN (${marks})`)
        .all(...chunk) as Array<{ rowid: number; title: string; body: string }>;
      for (const r of rows) texts.set(r.rowid, r);
    },
  );
  return metas.map((m) => ({
    id: m.id,
    subject: texts.get(m.rowid)?.title ?? "",
    text: texts.get(m.rowid)?.body ?? "",
    createdAt: m.createdAt,
    versions: m.versions,
  }));
}

interface TicketMeta {
  rowid: number;
  id: string;
  createdAt: string;
  versions?: string[];
}

function forChunks(values: readonly number[], run: (chunk: number[], marks: string) => void): void {
  // SQLite limits bound parameters
  for (let i = 0; i < values.length; i += 500) {
    const chunk = values.slice(i, i + 500);
    run(chunk, chunk.map(() => "?").join(","));
  }
}

/** The tickets behind index rows (other kinds left out), in the rows' order. */
function ticketMetas(store: Store, rowids: readonly number[]): TicketMeta[] {
  const byRow = new Map<number, TicketMeta>();
  forChunks(rowids, (chunk, marks) => {
    // the unary + keeps SQLite on rowid lookups instead of scanning every ticket in the kind index
    const rows = store.db
      .prepare(
        `SELECT m.rowid AS rowid, m.ref AS id, t.created_at AS createdAt,
                json_extract(t.data, '$.versions') AS versions
         FROM doc_map m JOIN tickets t ON t.id = m.ref
         WHERE m.rowid IN (${marks}) AND +m.kind = 'ticket'`,
      )
      .all(...chunk) as Array<{ rowid: number; id: string; createdAt: string; versions: string | null }>;
    for (const r of rows) {
      const versions = r.versions ? (JSON.parse(r.versions) as unknown) : undefined;
      byRow.set(r.rowid, {
        rowid: r.rowid,
        id: r.id,
        createdAt: r.createdAt,
        versions: Array.isArray(versions)
          ? versions.filter((v): v is string => typeof v === "string")
          : undefined,
      });
    }
  });
  return rowids.map((r) => byRow.get(r)).filter((m): m is TicketMeta => m !== undefined);
}

/** The stored tickets most likely to report the same problem as `text`, best first. */
export function findSimilar(store: Store, text: string, options: FindSimilarOptions): SimilarResult[] {
  const weights = options.weights;
  const { stopwords } = options;
  const averages = indexAverages(store) ?? { documents: store.documentCount(), averageLength: 100 };
  const df = new Map(store.termDocCounts(queryIndexTokens(text, stopwords)));
  const stats: SimilarStats = { ...averages, docFrequency: df };

  // the full-text query takes the text's most distinctive words, while their documents stay within
  // a budget: common words only widen the set that FTS5 must score, and cost the most
  const surface = new Map<string, string>();
  for (const token of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const key = `w:${stem(token)}`;
    if (token.length > 1 && token.length <= 40 && !surface.has(key)) surface.set(key, token);
  }
  const words: string[] = [];
  let postings = 0;
  const budget = options.postingBudget ?? 12_000;
  const query = weighQuery(text, stats, weights, stopwords);
  for (const q of query) {
    const word = surface.get(q.key);
    if (word === undefined) continue;
    const n = df.get(q.key.slice(2)) ?? 0;
    if (words.length >= 2 && postings + n > budget) break;
    words.push(word);
    postings += n;
    if (words.length >= (options.queryWords ?? 32)) break;
  }
  if (words.length === 0) return [];
  const match = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" OR ");
  const exclude = new Set(options.excludeIds ?? []);
  const candidates = fullTextPool(store, match, options.now, options.poolSize ?? 200, exclude);

  // two stages: the text's terms rank the pool; the subject-cover cue, which needs the frequencies
  // of the candidates' subject words, re-ranks only the best of it
  const scored = scoreCandidates(query, candidates, stats, { now: options.now, weights });
  const best = scored.slice(0, Math.max(options.coverPool ?? 100, options.limit));
  const subjects = subjectTokensOf(
    best.map((s) => s.candidate),
    stopwords,
  ).filter((t) => !df.has(t));
  for (const [t, n] of store.termDocCounts(subjects)) df.set(t, n);
  return toResults(applySubjectCover(query, best, stats, { weights, stopwords }), options.limit);
}
