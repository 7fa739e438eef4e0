/**
 * Cues as composition: a cue holds in a sentence when each of its slots (who, what, anomaly, ...)
 * is said there by one of its short concept lists, and the slot a negation would cancel is not
 * negated ("a former employee still logs in" holds; "the former employee can no longer log in"
 * does not). Words are matched by stem, phrases as consecutive stems. Pure.
 */
import { stem, tokenize } from "./text.js";

/** A composition as the policy writes it. */
export interface CompositionData {
  /** Slot name -> words or phrases; every slot must be said in the sentence. */
  slots: Record<string, string[]>;
  /** The slot whose word a negation just before it cancels (e.g. the action). */
  negatable?: string;
  /** When set, every slot must be said within this many tokens of the first. */
  within?: number;
  /** How many consecutive sentences may share the slots (1: one sentence, the default). */
  span?: number;
}

/** Something that tells whether a sentence says a cue (a RegExp is one too). */
export interface SentenceTest {
  test(sentence: string): boolean;
  /** Read over this many consecutive sentences (a story told over two: "they let go X. X still ..."). */
  span?: number;
}

// a pasted request line ("POST /v2/manifests", "GET https://…") names an HTTP method, not an action
const REQUEST_LINE = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:https?:\/\/|\/)\S*/g;

/** How many tokens before a slot's word a negation reaches ("can no longer log in"). */
const NEGATION_REACH = 4;

const phrasesOf = (terms: readonly string[]) =>
  terms.map((t) => tokenize(t).map(stem)).filter((p) => p.length > 0);

/** Where in `stems` one of the phrases starts (every start). */
function positions(stems: readonly string[], phrases: ReadonlyArray<readonly string[]>): number[] {
  const out: number[] = [];
  for (let i = 0; i < stems.length; i++)
    if (phrases.some((p) => p.every((s, k) => stems[i + k] === s))) out.push(i);
  return out;
}

/**
 * Compiles a composition into a sentence test, with the negation words of the policy and the
 * translations of words of other languages (as written) into English stems.
 */
export function compileComposition(
  data: CompositionData,
  negations: readonly string[],
  englishOf: ReadonlyMap<string, string> = new Map(),
): SentenceTest {
  const slots = Object.entries(data.slots).map(([name, terms]) => ({ name, phrases: phrasesOf(terms) }));
  const negators = phrasesOf(negations);
  return {
    span: data.span ?? 1,
    test(sentence: string): boolean {
      const stems = tokenize(sentence.replace(REQUEST_LINE, " ")).map((t) => englishOf.get(t) ?? stem(t));
      const negatedAt = new Set(positions(stems, negators));
      const notNegated = (i: number) => {
        for (let k = Math.max(0, i - NEGATION_REACH); k < i; k++) if (negatedAt.has(k)) return false;
        return true;
      };
      const found = slots.map(({ name, phrases }) =>
        positions(stems, phrases).filter((i) => name !== data.negatable || notNegated(i)),
      );
      if (found.some((at) => at.length === 0)) return false;
      if (data.within === undefined) return true;
      // some choice of one position per slot spans at most `within` tokens
      const window = data.within;
      return (found[0] ?? []).some((start) =>
        found.every((at) => at.some((i) => Math.abs(i - start) <= window)),
      );
    },
  };
}
