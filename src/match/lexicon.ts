/**
 * The matching vocabulary: stop words, report-describing ("meta") words and synonym groups from
 * the policy, keyed by Porter stem, so "exports", "exported" and "download" meet as one concept.
 */
import type { Policy } from "../config/policy.js";
import { stem, tokenize } from "../intake/text.js";
import { englishStemsOfWords } from "../intake/translations.js";

/** A concept of the query: one word, or a synonym group, and the stems that express it. */
export interface Concept {
  key: string;
  words: string[];
  stems: ReadonlySet<string>;
}

/** Stop words, meta words, synonym groups and translations, ready for lookups. */
export interface Lexicon {
  stop: ReadonlySet<string>;
  meta: ReadonlySet<string>;
  groupOfStem: ReadonlyMap<string, Concept>;
  /** The English stem a word of another language stands for ("rechnungen" -> "invoic"), by the
   * word as written: by stem, "agence" would also turn the English "agency" into another concept. */
  englishOfWord: ReadonlyMap<string, string>;
  /** The words of other languages that say an English stem. */
  foreignOfStem: ReadonlyMap<
    string,
    { english: string; stems: ReadonlySet<string>; words: readonly string[] }
  >;
}

/** Builds the lexicon from the policy's vocabulary and translations. */
export function buildLexicon(policy: Policy): Lexicon {
  const v = policy.vocabulary;
  const foreignOfStem = new Map<string, { english: string; stems: Set<string>; words: string[] }>();
  for (const [english, words] of Object.entries(policy.translations)) {
    const en = stem(english.toLowerCase());
    const entry = foreignOfStem.get(en) ?? {
      english: english.toLowerCase(),
      stems: new Set<string>(),
      words: [],
    };
    for (const w of words) {
      const s = stem(w.toLowerCase());
      if (s === en) continue;
      entry.stems.add(s);
      entry.words.push(w.toLowerCase());
    }
    foreignOfStem.set(en, entry);
  }
  // a synonym group also holds its members' translations
  const groupOfStem = new Map<string, Concept>();
  for (const words of v.synonyms) {
    const first = words[0];
    if (!first) continue;
    const stems = new Set(words.map((w) => stem(w.toLowerCase())));
    const all = [...words];
    for (const s of [...stems])
      for (const f of [foreignOfStem.get(s)].filter((x) => x !== undefined)) {
        for (const fs of f.stems) stems.add(fs);
        all.push(...f.words);
      }
    const concept: Concept = { key: `~${stem(first)}`, words: all, stems };
    for (const s of stems) if (!groupOfStem.has(s)) groupOfStem.set(s, concept);
  }
  return {
    stop: new Set(v.stopwords.map((w) => w.toLowerCase())),
    meta: new Set(v.metaWords.map((w) => w.toLowerCase())),
    groupOfStem,
    englishOfWord: englishStemsOfWords(policy.translations),
    foreignOfStem,
  };
}

/** The concept of one stem: its synonym group, else the word with its translations. */
function conceptOfStem(s: string, token: string, lexicon: Lexicon): Concept {
  const group = lexicon.groupOfStem.get(s);
  if (group) return group;
  const foreign = lexicon.foreignOfStem.get(s);
  if (!foreign || foreign.stems.size === 0) return { key: s, words: [token], stems: new Set([s]) };
  const words = [...new Set([token, foreign.english, ...foreign.words])];
  return { key: s, words, stems: new Set([s, ...foreign.stems]) };
}

/** Options for {@link conceptsOf}. */
export interface ConceptOptions {
  /** Tokens to leave out (a customer's name is not what the issue is about). */
  exclude?: ReadonlySet<string>;
  /** Keep report-describing words (for texts that are themselves a problem statement). */
  keepMeta?: boolean;
}

const isNumber = (t: string) => /^\p{N}+$/u.test(t);
const isIdLike = (t: string) =>
  /\p{N}/u.test(t) && /\p{L}/u.test(t) && (t.length > 4 || /^[0-9a-f]+$/.test(t)) && !/^v?\d+[a-z]?$/.test(t);

/** The distinct concepts of `text`, in order of first appearance. */
export function conceptsOf(text: string, lexicon: Lexicon, options: ConceptOptions = {}): Concept[] {
  const out = new Map<string, Concept>();
  for (const token of tokenize(text)) {
    if (lexicon.stop.has(token) || options.exclude?.has(token)) continue;
    if (!options.keepMeta && lexicon.meta.has(token)) continue;
    // short numbers are counts and dates ("3 customers", "Nov 1"); codes and limits are longer;
    // long numbers and letter-digit mixes are ids, hashes and timestamps from pasted logs
    if (isNumber(token) ? token.length < 3 || token.length > 5 : token.length < 2 || isIdLike(token))
      continue;
    // a word of another language is read as the English word it translates
    const own = stem(token);
    const english = lexicon.englishOfWord.get(token) ?? own;
    const concept = conceptOfStem(english, token, lexicon);
    if (!out.has(concept.key)) out.set(concept.key, concept);
  }
  return [...out.values()];
}

/** An FTS5 expression matching any word of the concepts. */
export function ftsExpression(concepts: readonly Concept[]): string {
  const words = new Set<string>();
  for (const c of concepts) for (const w of c.words) words.add(w.toLowerCase());
  return [...words].map((w) => `"${w.replaceAll('"', '""')}"`).join(" OR ");
}
