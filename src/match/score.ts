/**
 * Lexical relevance: BM25 over concepts (a synonym group counts as one term), and coverage, the
 * share of the query's weight a document contains. Pure: document frequencies come in.
 */
import { stem, tokenize } from "../intake/text.js";
import type { Concept } from "./lexicon.js";

/** A document reduced to stem counts, title and body apart. */
export interface Bag {
  title: ReadonlyMap<string, number>;
  body: ReadonlyMap<string, number>;
  length: number;
}

const count = (text: string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const t of tokenize(text)) {
    const s = stem(t);
    m.set(s, (m.get(s) ?? 0) + 1);
  }
  return m;
};

/** Builds the bag of a document. */
export function bagOf(title: string, body: string): Bag {
  const t = count(title);
  const b = count(body);
  let length = 0;
  for (const n of t.values()) length += n;
  for (const n of b.values()) length += n;
  return { title: t, body: b, length };
}

/** Term frequency of a concept in a bag, the title counting twice. */
export function conceptFrequency(concept: Concept, bag: Bag): number {
  let tf = 0;
  for (const s of concept.stems) tf += 2 * (bag.title.get(s) ?? 0) + (bag.body.get(s) ?? 0);
  return tf;
}

/** Inverse document frequency (BM25's, never below a small floor). */
export function idf(total: number, df: number): number {
  return Math.max(0.05, Math.log(1 + (total - df + 0.5) / (df + 0.5)));
}

/** The relevance of one document to the query concepts. */
export interface Relevance {
  score: number;
  coverage: number;
  matched: string[];
}

/** Scores a bag against weighted concepts (BM25, k1 = 1.2, b = 0.75). */
export function scoreBag(
  concepts: readonly Concept[],
  weights: ReadonlyMap<string, number>,
  bag: Bag,
  averageLength: number,
): Relevance {
  let score = 0;
  let covered = 0;
  let total = 0;
  const matched: string[] = [];
  const norm = 1 - 0.75 + 0.75 * (bag.length / Math.max(1, averageLength));
  for (const c of concepts) {
    const w = weights.get(c.key) ?? 0;
    total += w;
    const tf = conceptFrequency(c, bag);
    if (tf === 0) continue;
    matched.push(c.words[0] ?? c.key);
    covered += w;
    score += (w * (tf * 2.2)) / (tf + 1.2 * norm);
  }
  return { score, coverage: total > 0 ? covered / total : 0, matched };
}

/** The share of `concepts`' weight present anywhere in `bag` (how much of a title the issue covers). */
export function coverageIn(
  concepts: readonly Concept[],
  weights: ReadonlyMap<string, number>,
  bag: Bag,
): number {
  let covered = 0;
  let total = 0;
  for (const c of concepts) {
    const w = weights.get(c.key) ?? 0;
    total += w;
    if (conceptFrequency(c, bag) > 0) covered += w;
  }
  return total > 0 ? covered / total : 0;
}
