/**
 * Reads cues and natures from text with the policy's vocabularies (case-insensitive patterns,
 * matched within one sentence). Every hit keeps the sentence it came from, as evidence.
 */
import type { CueName, Nature, Policy } from "../config/policy.js";
import { sentences, squash } from "./text.js";

/** One vocabulary hit: which cue, the sentence that carries it, and where that text came from. */
export interface CueHit {
  cue: string;
  sentence: string;
  source: string;
}

/** The policy's vocabularies, compiled once. */
export interface CompiledVocabulary {
  natures: Record<Nature, RegExp[]>;
  cues: Record<CueName, RegExp[]>;
}

const compileAll = <K extends string>(lists: Record<K, string[]>): Record<K, RegExp[]> => {
  const out = {} as Record<K, RegExp[]>;
  for (const key of Object.keys(lists) as K[]) out[key] = lists[key].map((p) => new RegExp(p, "i"));
  return out;
};

/** Compiles the policy's nature and cue patterns. */
export function compileVocabulary(policy: Policy): CompiledVocabulary {
  return { natures: compileAll(policy.vocabulary.natures), cues: compileAll(policy.vocabulary.cues) };
}

/** Every (name, sentence) pair of `text` where one of `lists`' patterns matches. */
export function findHits<K extends string>(
  text: string,
  lists: Record<K, RegExp[]>,
  source: string,
  only?: readonly K[],
): Array<CueHit & { cue: K }> {
  const hits: Array<CueHit & { cue: K }> = [];
  const names = only ?? (Object.keys(lists) as K[]);
  for (const sentence of sentences(text)) {
    for (const name of names) {
      if (lists[name].some((re) => re.test(sentence)))
        hits.push({ cue: name, sentence: squash(sentence), source });
    }
  }
  return hits;
}
