/**
 * Reads cues and natures from text with the policy's vocabularies (case-insensitive patterns,
 * matched within one sentence). Every hit keeps the sentence it came from, as evidence.
 */
import type { CueName, Nature, Policy } from "../config/policy.js";
import { compileComposition, type SentenceTest } from "./compositions.js";
import { sentences, squash } from "./text.js";
import { englishStemsOfWords } from "./translations.js";

/** One vocabulary hit: which cue, the sentence that carries it, and where that text came from. */
export interface CueHit {
  cue: string;
  sentence: string;
  source: string;
}

/** The policy's vocabularies, compiled once. */
export interface CompiledVocabulary {
  natures: Record<Nature, SentenceTest[]>;
  cues: Record<CueName, SentenceTest[]>;
}

/** Patterns and compositions of each name, as sentence tests. */
function compileAll<K extends string>(
  lists: Record<K, string[]>,
  vocabulary: Policy["vocabulary"],
  englishOf: ReadonlyMap<string, string>,
): Record<K, SentenceTest[]> {
  const out = {} as Record<K, SentenceTest[]>;
  for (const key of Object.keys(lists) as K[])
    out[key] = [
      ...lists[key].map((p) => new RegExp(p, "i")),
      ...(vocabulary.compositions[key] ?? []).map((c) =>
        compileComposition(c, vocabulary.negations, englishOf),
      ),
    ];
  return out;
}

/** Compiles the policy's nature and cue patterns and compositions. */
export function compileVocabulary(policy: Policy): CompiledVocabulary {
  const v = policy.vocabulary;
  const englishOf = englishStemsOfWords(policy.translations);
  return { natures: compileAll(v.natures, v, englishOf), cues: compileAll(v.cues, v, englishOf) };
}

// words that end in a full stop without ending a sentence ("e.g. the", "approx. two")
const ABBREVIATION = /(?:^|[\s(])(?:\p{L}|e\.g|i\.e|etc|vs|approx|incl|esp|cf|ca)\.$/iu;

/**
 * The sentences cues are read in: `sentences`, also split where a sentence that ends in . ! or ?
 * is followed by one written in lower case ("...by the 5th and can't. from the network tab:"), as
 * support notes often are. An abbreviation's full stop does not split.
 */
export function cueSentences(text: string): string[] {
  const out: string[] = [];
  for (const sentence of sentences(text)) {
    let start = 0;
    for (const m of sentence.matchAll(/[.!?]+\s+(?=\p{Ll})/gu)) {
      const end = m.index + m[0].trimEnd().length;
      if (ABBREVIATION.test(sentence.slice(start, end))) continue;
      out.push(sentence.slice(start, end));
      start = m.index + m[0].length;
    }
    out.push(sentence.slice(start));
  }
  return out.filter((s) => s.trim().length > 0);
}

/** Every (name, sentence) pair of `text` where one of `lists`' patterns matches. */
export function findHits<K extends string>(
  text: string,
  lists: Record<K, SentenceTest[]>,
  source: string,
  only?: readonly K[],
): Array<CueHit & { cue: K }> {
  const hits: Array<CueHit & { cue: K }> = [];
  const names = only ?? (Object.keys(lists) as K[]);
  const all = cueSentences(text);
  all.forEach((sentence, i) => {
    for (const name of names) {
      // a test that reads over several sentences sees this one with the ones after it
      const said = lists[name].find((t) => {
        const span = Math.max(1, t.span ?? 1);
        return t.test(span === 1 ? sentence : all.slice(i, i + span).join(" "));
      });
      if (said) {
        const span = Math.max(1, said.span ?? 1);
        hits.push({
          cue: name,
          sentence: squash(span === 1 ? sentence : all.slice(i, i + span).join(" ")),
          source,
        });
      }
    }
  });
  return hits;
}
