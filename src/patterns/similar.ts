/**
 * Similar tickets: how likely a stored ticket reports the same problem as a text. Pure: the
 * candidates, the index's document frequencies and the time come in as arguments.
 *
 * The score is BM25F over the text's terms (the subject counting more than the description), where
 * a term is a Porter stem, and code-like evidence counts more than prose: exception and class
 * names, `Class.method` stack frames, file names, versions. Compound identifiers (`getFileStatus`,
 * `ZStandardCodec`) also contribute their parts, so prose that names the same parts still meets
 * them. Two cues are added on top: how much of the candidate's subject the text covers (a duplicate's
 * title is usually said again in other words of the report), and how close in time the two are.
 */
import { stem } from "../intake/text.js";

/** What a term is: a prose or code word, a stack frame, a file name or a version. */
export type TermKind = "word" | "code" | "part" | "frame" | "file" | "version";

/** The terms of one text, with their frequencies in the subject and in the rest. */
export interface TextProfile {
  title: ReadonlyMap<string, number>;
  body: ReadonlyMap<string, number>;
  kinds: ReadonlyMap<string, TermKind>;
  length: number;
}

/** A stored ticket as the ranking sees it. */
export interface SimilarCandidate {
  id: string;
  subject: string;
  text: string;
  createdAt: string;
  versions?: readonly string[];
}

/** Document statistics of the index the candidates come from. */
export interface SimilarStats {
  documents: number;
  averageLength: number;
  /** Documents containing each index token (Porter stems), see {@link indexTokensOf}. */
  docFrequency: ReadonlyMap<string, number>;
}

/** The knobs of the ranking (policy `similar`; the defaults are the measured best, see docs/decisions.md). */
export interface SimilarWeights {
  /** How much a subject occurrence counts against one in the description. */
  title: number;
  k1: number;
  b: number;
  /** Query-side weight of each term kind. */
  kind: Record<TermKind, number>;
  /** Weight of the query's first line when the text has several (a pasted title). */
  firstLine: number;
  /** Weight of the share of the candidate's subject found in the text. */
  subjectCover: number;
  /** Weight of time proximity, and its scale in days. */
  recency: number;
  recencyDays: number;
}

/** One ranked ticket. */
export interface SimilarResult {
  ticketId: string;
  score: number;
}

/** Options for {@link rankSimilar}. */
export interface RankSimilarOptions {
  now: Date;
  limit: number;
  weights: SimilarWeights;
  /** Words that are no evidence (the policy's stop words). */
  stopwords?: ReadonlySet<string>;
}

const MAX_TEXT = 10_000;
const CAMEL_INSIDE = /[a-z0-9][A-Z]|[A-Z]{2}[a-z]/;
const EXCEPTION_END = /^[A-Z][A-Za-z0-9]*(?:Exception|Error|Fault|Timeout)$/;
// anchored on the rare character (a dot) and extended backwards by hand: a pattern starting with
// an identifier would be tried at every letter of a long log
const DOT_CALL = /\.([A-Za-z_$][\w$]*)\s*\(/g;
const DOT_FILE =
  /\.(java|scala|xml|py|sh|c|cc|cpp|h|hpp|js|jsm|ts|mjs|css|html|xul|properties|json|ya?ml|proto|jar|so|dll|exe|conf|cfg|ini|rs|go|rb|pl|sql)\b/gi;
const VERSION = /\b\d+\.\d+(?:\.\d+)*\b/g;

/** Splits a compound identifier into its lower-case parts: `getHDFSClient` → get, hdfs, client. */
export function identifierParts(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((p) => p.length > 1);
}

const keyCache = new Map<string, string>();
/** The word term of a lower-case token (memoised: the same words recur across tickets). */
function wordKey(token: string): string {
  let key = keyCache.get(token);
  if (key === undefined) {
    key = `w:${stem(token)}`;
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(token, key);
  }
  return key;
}
const isIdentChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isFileChar = (c: number) => isIdentChar(c) || c === 45;

/** The identifier (or file stem) that ends right before `end`. */
function identifierBefore(text: string, end: number, allowed: (c: number) => boolean): string {
  let start = end;
  while (start > 0 && end - start < 80 && allowed(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** Which terms to count: all (a query), or only the query's (a candidate: much less work). */
interface Wanted {
  keys: ReadonlySet<string>;
  frames: boolean;
  files: boolean;
  versions: boolean;
}

function addTerms(
  text: string,
  into: Map<string, number>,
  kinds: Map<string, TermKind> | null,
  wanted: Wanted | null,
): number {
  let length = 0;
  const add = (key: string, kind: TermKind, n = 1) => {
    if (wanted && !wanted.keys.has(key)) return;
    into.set(key, (into.get(key) ?? 0) + n);
    if (!kinds) return;
    const prior = kinds.get(key);
    // a key keeps its strongest reading: once seen as code, a word is code
    if (!prior || prior === "word" || (prior === "part" && kind !== "word")) kinds.set(key, kind);
  };
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  for (const token of t.split(/[^\p{L}\p{N}]+/u)) {
    if (token.length === 0 || token.length > 40) continue;
    const lower = token.toLowerCase();
    const key = wordKey(lower);
    length++;
    if (lower !== token && token.length > 3 && CAMEL_INSIDE.test(token)) {
      add(key, "code");
      for (const part of identifierParts(token)) add(wordKey(part), "part", 0.5);
    } else add(key, kinds && EXCEPTION_END.test(token) ? "code" : "word");
  }
  if ((!wanted || wanted.frames) && t.includes("(")) {
    for (const m of t.matchAll(DOT_CALL)) {
      const cls = identifierBefore(t, m.index, isIdentChar);
      const method = m[1] ?? "";
      if (!/^[A-Za-z_$]/.test(cls) || !/[A-Z]/.test(cls) || cls.length < 3 || method.length < 2) continue;
      add(`s:${stem(cls.toLowerCase())}.${stem(method.toLowerCase())}`, "frame");
    }
  }
  if (!wanted || wanted.files) {
    for (const m of t.matchAll(DOT_FILE)) {
      const name = identifierBefore(t, m.index, isFileChar);
      if (name.length > 0) add(`f:${name.toLowerCase()}.${(m[1] ?? "").toLowerCase()}`, "file");
    }
  }
  if (!wanted || wanted.versions) for (const m of t.matchAll(VERSION)) add(`v:${m[0]}`, "version");
  return length;
}

/** The terms of a text whose first part is its subject. */
export function profileOf(subject: string, body: string): TextProfile {
  const kinds = new Map<string, TermKind>();
  const title = new Map<string, number>();
  const rest = new Map<string, number>();
  const length = addTerms(subject, title, kinds, null) + addTerms(body, rest, kinds, null);
  return { title, body: rest, kinds, length };
}

const stopKeyMemo = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
/** The word terms of stop words (they carry no evidence, and their counts are the dearest to read). */
function stopKeysOf(stopwords: ReadonlySet<string> | undefined): ReadonlySet<string> {
  if (!stopwords) return new Set();
  let keys = stopKeyMemo.get(stopwords);
  if (!keys) {
    keys = new Set([...stopwords].map((w) => wordKey(w.toLowerCase())));
    stopKeyMemo.set(stopwords, keys);
  }
  return keys;
}

/** The index tokens (Porter stems) whose document frequencies a term needs. */
export function indexTokensOfKey(key: string): string[] {
  const value = key.slice(2);
  switch (key.charAt(0)) {
    case "w":
      return [value];
    case "s":
      return value.split(".");
    case "f":
      return [stem(value.split(".")[0]?.split(/[^a-z0-9]+/)[0] ?? value)];
    default:
      return [];
  }
}

/** Every index token the query text's terms need (stop words left out). */
export function queryIndexTokens(text: string, stopwords?: ReadonlySet<string>): string[] {
  const stop = stopKeysOf(stopwords);
  const out = new Set<string>();
  for (const key of profileOf("", text).kinds.keys())
    if (!stop.has(key)) for (const t of indexTokensOfKey(key)) out.add(t);
  return [...out];
}

const idf = (n: number, df: number) => Math.max(0, Math.log(1 + (n - df + 0.5) / (df + 0.5)));

/** The query's terms with their weights (idf × query frequency × kind), strongest first. */
export function weighQuery(
  text: string,
  stats: SimilarStats,
  weights: SimilarWeights,
  stopwords?: ReadonlySet<string>,
): Array<{ key: string; weight: number }> {
  const stop = stopKeysOf(stopwords);
  const lines = text.trim().split(/\r?\n/);
  const first = lines.length > 1 && (lines[0]?.length ?? 0) <= 200 ? (lines[0] ?? "") : "";
  const profile = profileOf(first, first ? lines.slice(1).join("\n") : text);
  const out: Array<{ key: string; weight: number }> = [];
  for (const [key, kind] of profile.kinds) {
    const qtf = (profile.title.get(key) ?? 0) * weights.firstLine + (profile.body.get(key) ?? 0);
    if (qtf <= 0 || stop.has(key)) continue;
    const tokens = indexTokensOfKey(key);
    // a term's document count is at most that of its rarest token; versions have none in the index
    const df =
      tokens.length === 0
        ? Math.sqrt(stats.documents)
        : Math.min(...tokens.map((t) => stats.docFrequency.get(t) ?? 0));
    const w = idf(stats.documents, df) * weights.kind[kind] * ((qtf * 2) / (qtf + 1));
    if (w > 0) out.push({ key, weight: w });
  }
  return out.sort((a, b) => b.weight - a.weight);
}

/** The word terms of a subject (with the parts of its compound identifiers). */
function subjectKeys(subject: string, stop: ReadonlySet<string>): string[] {
  const terms = new Map<string, number>();
  addTerms(subject, terms, null, null);
  return [...terms.keys()].filter((k) => k.startsWith("w:") && !stop.has(k));
}

/** The share of a candidate's subject words (by idf) that the query text also uses. */
function subjectCover(
  subject: string,
  queryWeight: ReadonlyMap<string, number>,
  stats: SimilarStats,
  stop: ReadonlySet<string>,
): number {
  let covered = 0;
  let total = 0;
  for (const key of subjectKeys(subject, stop)) {
    const w = idf(stats.documents, stats.docFrequency.get(key.slice(2)) ?? 0);
    total += w;
    if (queryWeight.has(key)) covered += w;
  }
  return total > 0 ? covered / total : 0;
}

/** The index tokens of the candidates' subjects, whose frequencies {@link rankSimilar} needs too. */
export function subjectTokensOf(
  candidates: readonly SimilarCandidate[],
  stopwords?: ReadonlySet<string>,
): string[] {
  const stop = stopKeysOf(stopwords);
  const out = new Set<string>();
  for (const c of candidates) for (const key of subjectKeys(c.subject, stop)) out.add(key.slice(2));
  return [...out];
}

/** A query term and its weight. */
export interface WeightedTerm {
  key: string;
  weight: number;
}

/** A candidate with its score so far. */
export interface ScoredCandidate {
  candidate: SimilarCandidate;
  score: number;
}

const byScore = (a: ScoredCandidate, b: ScoredCandidate) =>
  b.score - a.score || a.candidate.id.localeCompare(b.candidate.id);

/**
 * The first stage: BM25F of the query terms in each candidate, times the time-proximity cue; best
 * first. Candidates created after `now` are left out.
 */
export function scoreCandidates(
  query: readonly WeightedTerm[],
  candidates: readonly SimilarCandidate[],
  stats: SimilarStats,
  options: Omit<RankSimilarOptions, "limit" | "stopwords">,
): ScoredCandidate[] {
  const weights = options.weights;
  const wanted: Wanted = {
    keys: new Set(query.map((q) => q.key)),
    frames: query.some((q) => q.key.startsWith("s:")),
    files: query.some((q) => q.key.startsWith("f:")),
    versions: query.some((q) => q.key.startsWith("v:")),
  };
  const now = options.now.getTime();
  const average = Math.max(1, stats.averageLength);
  const out: ScoredCandidate[] = [];
  for (const candidate of candidates) {
    const created = Date.parse(candidate.createdAt);
    if (!(created <= now)) continue;
    const title = new Map<string, number>();
    const body = new Map<string, number>();
    const length =
      addTerms(candidate.subject, title, null, wanted) + addTerms(candidate.text, body, null, wanted);
    for (const v of candidate.versions ?? []) {
      const key = `v:${v.trim()}`;
      if (wanted.keys.has(key)) body.set(key, (body.get(key) ?? 0) + 1);
    }
    const norm = 1 - weights.b + weights.b * (length / average);
    let score = 0;
    for (const { key, weight } of query) {
      const tf = weights.title * (title.get(key) ?? 0) + (body.get(key) ?? 0);
      if (tf > 0) score += (weight * tf * (weights.k1 + 1)) / (tf + weights.k1 * norm);
    }
    if (weights.recency > 0) {
      const days = Math.abs(now - created) / 86_400_000;
      score *= 1 + weights.recency * Math.exp(-days / weights.recencyDays);
    }
    if (score > 0) out.push({ candidate, score });
  }
  return out.sort(byScore);
}

/**
 * The second stage: each score times 1 + w × the share of the candidate's subject the query says
 * too (stats must hold the frequencies of the subjects' words, see {@link subjectTokensOf}).
 */
export function applySubjectCover(
  query: readonly WeightedTerm[],
  scored: readonly ScoredCandidate[],
  stats: SimilarStats,
  options: Pick<RankSimilarOptions, "weights" | "stopwords">,
): ScoredCandidate[] {
  const weights = options.weights;
  if (weights.subjectCover <= 0) return [...scored];
  const stop = stopKeysOf(options.stopwords);
  const queryWeight = new Map(query.map((q) => [q.key, q.weight]));
  return scored
    .map((s) => ({
      candidate: s.candidate,
      score:
        s.score * (1 + weights.subjectCover * subjectCover(s.candidate.subject, queryWeight, stats, stop)),
    }))
    .sort(byScore);
}

/** The final list: rounded scores, best first, at most `limit`. */
export function toResults(scored: readonly ScoredCandidate[], limit: number): SimilarResult[] {
  return scored
    .slice(0, limit)
    .map((s) => ({ ticketId: s.candidate.id, score: Math.round(s.score * 1000) / 1000 }));
}

/** Ranks candidates for the text, best first; candidates created after `now` are never returned. */
export function rankSimilar(
  text: string,
  candidates: readonly SimilarCandidate[],
  stats: SimilarStats,
  options: RankSimilarOptions,
): SimilarResult[] {
  const query = weighQuery(text, stats, options.weights, options.stopwords);
  const scored = scoreCandidates(query, candidates, stats, options);
  return toResults(applySubjectCover(query, scored, stats, options), options.limit);
}
