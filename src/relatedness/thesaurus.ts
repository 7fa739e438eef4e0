/**
 * The support thesaurus (policy/thesaurus.yaml): which product areas and symptoms a text speaks of,
 * by the stems of its words. Two reports worded apart meet on an area and a symptom.
 */
import { stem, tokenize } from "../intake/text.js";

/** The thesaurus as the policy holds it. */
export interface ThesaurusData {
  areas: Record<string, string[]>;
  symptoms: Record<string, string[]>;
}

/** A compiled thesaurus: stem -> the areas and symptoms it names. */
export interface Thesaurus {
  areaOf: ReadonlyMap<string, readonly string[]>;
  symptomOf: ReadonlyMap<string, readonly string[]>;
}

/** What a text speaks of. */
export interface Topics {
  areas: ReadonlySet<string>;
  symptoms: ReadonlySet<string>;
}

const index = (
  groups: Record<string, string[]>,
  translations: Readonly<Record<string, readonly string[]>>,
): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  const add = (word: string, name: string) => {
    const s = stem(word.toLowerCase());
    const list = out.get(s) ?? [];
    if (!list.includes(name)) list.push(name);
    out.set(s, list);
  };
  for (const [name, words] of Object.entries(groups))
    for (const w of words) {
      add(w, name);
      // a ticket in another language speaks of the same area in its own words
      for (const f of translations[w.toLowerCase()] ?? []) add(f, name);
    }
  return out;
};

/** Compiles the thesaurus for lookups (with the policy's translations of its words). */
export function compileThesaurus(
  data: ThesaurusData,
  translations: Readonly<Record<string, readonly string[]>> = {},
): Thesaurus {
  return { areaOf: index(data.areas, translations), symptomOf: index(data.symptoms, translations) };
}

/** The areas and symptoms `text` speaks of. */
export function topicsOf(text: string, thesaurus: Thesaurus): Topics {
  const areas = new Set<string>();
  const symptoms = new Set<string>();
  for (const token of tokenize(text)) {
    const s = stem(token);
    for (const a of thesaurus.areaOf.get(s) ?? []) areas.add(a);
    for (const y of thesaurus.symptomOf.get(s) ?? []) symptoms.add(y);
  }
  return { areas, symptoms };
}

/** The share of `a`'s members that `b` also holds (0 when `a` is empty). */
export function shareOf(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
}
