/**
 * Text primitives shared by intake and matching: tokens, stems, sentences.
 */
import { stemmer } from "stemmer";

// Being logged out is one idea however it is said: "logged out", "signs coordinators out", "log-off",
// "kicks us out", "session expires", "bounced back to the sign-in page". "Sign off" (an approval),
// "kicked off" (started), a card or link that expired and a training session that ended are other
// ideas and stay apart.
const LOGOUT_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:bounc|kick|boot|dump)(?:ed|ing|es|s|e)?\s+(?:(?:me|us|them|him|her|you|people|everyone|users)\s+)?back\s+to\s+(?:the\s+)?(?=(?:log|sign)[\s-]*in\b|login\b|signin\b)/g, "logout "],
  // "the audit log out of date" is a log (a record), not logging out
  [/(?<!\b(?:audit|activity|error|access|event|change|server|system|call|debug|sync|import|export|api|chat|work|time|data|crash|console|request|web)\s+)\b(?:log|sign)[\s-]*out\b|\blog[\s-]*off\b/g, "logout"],
  // "logs" is also the noun ("the logs ran out of space"): only with a person between
  [/\b(?:logg|sign)(?:ed|ing)[\s-]+(?:\w+\s+)?out\b|\blogs\s+(?:(?:me|us|them|him|her|you|people|everyone|everybody|users|staff)\s+)?out\b|\bsigns\s+(?:\w+\s+)?out\b|\blogg(?:ed|ing)[\s-]+off\b/g, "logout"],
  [/\b(?:kick|boot)(?:ed|ing|s)?\s+(?:\w+\s+)?out\b/g, "logout"],
  [/\bsessions?\s+(?:(?:has|have|had|is|are|was|were|keeps?|kept|get|gets|got)\s+)?(?:expir\w*|time[sd]?\s+out|timed\s+out|timing\s+out|timeouts?)\b/g, "logout"],
];

// The full-text index keeps the words as written ("logged out"), so a joined token is searched there
// as the phrases it stands for (the index stems each word: "log out" also finds "logging out").
const INDEX_PHRASES: Readonly<Record<string, readonly string[]>> = {
  logout: [
    'NEAR("log" "out", 1)',
    'NEAR("sign" "out", 1)',
    '"log off"',
    'NEAR("kick" "out", 1)',
    'NEAR("session" "expire", 2)',
    'NEAR("session" "timeout", 2)',
    '"session timed out"',
  ],
};

/** Full-text phrases that say what a token joined by {@link tokenize} says (none for other words). */
export function indexPhrasesOf(token: string): readonly string[] {
  return INDEX_PHRASES[token] ?? [];
}

/** Lower-case word tokens (letters and digits); apostrophes inside words are dropped. */
export function tokenize(text: string): string[] {
  let t = text.toLowerCase().replace(/['’]/g, "");
  for (const [pattern, joined] of LOGOUT_PHRASES) t = t.replace(pattern, joined);
  return (
    t
      // "log in", "logged in", "sign-in" are one idea, not the word "log" (as in "audit log")
      .replace(/\b(log|sign)(?:ged|ging|ed|ing|s)?[\s-]+(?:in|on|into)\b/g, "$1in")
      .split(/[^\p{L}\p{N}]+/u)
      .filter((x) => x.length > 0)
  );
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

/** Splits text into sentences (also at line breaks), trimmed, without empties. A title or an
 * abbreviation ("Dr. Lee", "Sr. Almeida", "e.g. Chrome") does not end a sentence. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])(?<!\b(?:Mr|Mrs|Ms|Dr|Sr|Sra|Srta|Jr|Prof|Mme|Mlle|Hr|e\.g|i\.e|vs|approx|cf)\.)\s+(?=[A-Z0-9"'(])|\n+/u)
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
