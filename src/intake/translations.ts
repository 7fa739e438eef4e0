/**
 * The policy's translations (policy/translations.yaml) as a lookup: a word of another language, as
 * written, -> the stem of the English word it means. By the word as written, not by stem: "agence"
 * and the English "agency" share a stem. Pure.
 */
import { stem } from "./text.js";

/** Word of another language (lower case) -> English stem; the first meaning listed wins. */
export function englishStemsOfWords(
  translations: Readonly<Record<string, readonly string[]>>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [english, words] of Object.entries(translations)) {
    const en = stem(english.toLowerCase());
    for (const w of words) if (!out.has(w.toLowerCase())) out.set(w.toLowerCase(), en);
  }
  return out;
}
