/**
 * Text primitives shared by intake and matching: tokens, stems, sentences.
 */
import { stemmer } from "stemmer";

/** Lower-case word tokens (letters and digits); apostrophes inside words are dropped. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, "")
    // "log in", "logged in", "sign-in" are one idea, not the word "log" (as in "audit log")
    .replace(/\b(log|sign)(?:ged|ging|ed|ing|s)?[\s-]+(?:in|on|into)\b/g, "$1in")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

const stemCache = new Map<string, string>();

/** The Porter stem of a token (memoised: the same words recur across thousands of tickets). */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = /^\p{N}+$/u.test(token) ? token : stemmer(token);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(token, s);
  }
  return s;
}

/** Splits text into sentences (also at line breaks), trimmed, without empties. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"'(])|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Collapses white space, for quoting text exactly but compactly. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Shortens `text` to at most `max` characters at a word boundary, marking the cut. */
export function clip(text: string, max: number): string {
  const t = squash(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
