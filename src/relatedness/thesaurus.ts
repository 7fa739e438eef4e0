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
  /** Words of other languages (as written) -> the areas and symptoms of the English word. */
  foreignAreas: ReadonlyMap<string, readonly string[]>;
  foreignSymptoms: ReadonlyMap<string, readonly string[]>;
}

/** What a text speaks of. */
export interface Topics {
  areas: ReadonlySet<string>;
  symptoms: ReadonlySet<string>;
}

const index = (groups: Record<string, string[]>): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const [name, words] of Object.entries(groups))
    for (const w of words) {
      const s = stem(w.toLowerCase());
      const list = out.get(s) ?? [];
      if (!list.includes(name)) list.push(name);
      out.set(s, list);
    }
  return out;
};

// a ticket in another language speaks of the same area in its own words (matched as written)
const foreignIndex = (
  groups: Record<string, string[]>,
  translations: Readonly<Record<string, readonly string[]>>,
): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const [name, words] of Object.entries(groups))
    for (const w of words)
      for (const f of translations[w.toLowerCase()] ?? []) {
        const list = out.get(f.toLowerCase()) ?? [];
        if (!list.includes(name)) list.push(name);
        out.set(f.toLowerCase(), list);
      }
  return out;
};

/** Compiles the thesaurus for lookups (with the policy's translations of its words). */
export function compileThesaurus(
  data: ThesaurusData,
  translations: Readonly<Record<string, readonly string[]>> = {},
): Thesaurus {
  return {
    areaOf: index(data.areas),
    symptomOf: index(data.symptoms),
    foreignAreas: foreignIndex(data.areas, translations),
    foreignSymptoms: foreignIndex(data.symptoms, translations),
  };
}

/** The areas and symptoms `text` speaks of. */
export function topicsOf(text: string, thesaurus: Thesaurus): Topics {
  const areas = new Set<string>();
  const symptoms = new Set<string>();
  for (const token of tokenize(text)) {
    const s = stem(token);
    for (const a of thesaurus.areaOf.get(s) ?? thesaurus.foreignAreas.get(token) ?? []) areas.add(a);
    for (const y of thesaurus.symptomOf.get(s) ?? thesaurus.foreignSymptoms.get(token) ?? []) symptoms.add(y);
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
