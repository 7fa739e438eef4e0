/**
 * Times stated in text: how long the problem has lasted ("for 3+ days", "more than a week",
 * "since last Tuesday", "broke on Nov 1") and how often it happens (always, intermittent).
 */
import { createRequire } from "node:module";
import type * as ChronoModule from "chrono-node";

type Chrono = typeof ChronoModule;
let chrono: Chrono | undefined;
// chrono-node takes a fifth of a second to load: load it only for text that has a "since …" phrase
const loadChrono = (): Chrono => (chrono ??= createRequire(import.meta.url)("chrono-node") as Chrono);

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  couple: 2,
  three: 3,
  few: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  several: 3,
};
const UNIT_HOURS: Record<string, number> = { hour: 1, day: 24, week: 168, month: 720 };

/** A duration read from the text, with the phrase that states it. */
export interface StatedDuration {
  hours: number;
  phrase: string;
}

const DURATION =
  /\b(?:for|over|more than|almost|nearly|about|past|last|in)\s+(?:the\s+)?(?:past\s+|last\s+)?(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple of|few|several)\+?\s*(hour|day|week|month)s?\b/gi;
const AGO =
  /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple of|few)\s+(hour|day|week|month)s?\s+(?:now|ago|in a row|straight)\b/gi;
const SINCE = /\b(?:since|started|starting|began|beginning|from)\s+([^.,;—–-]{2,40})/gi;
// "on <date>" dates the problem only when the clause says the problem happened then ("it broke on
// Nov 3"); "drivers we moved on 4/28" dates something else
const ON =
  /\b(?:broke|broken|stopped|fail(?:ed|ing)|went down|down|happened|noticed|appeared|showed up|first (?:saw|seen|noticed))\b[^.;!?]{0,30}?\bon\s+([^.,;—–-]{2,40})/gi;

const toNumber = (word: string): number => {
  const w = word.toLowerCase().replace(/ of$/, "");
  return NUMBER_WORDS[w] ?? Number(w);
};

/** The longest duration the text states, measured back from `now`. */
export function findStatedDuration(text: string, now: Date): StatedDuration | null {
  let best: StatedDuration | null = null;
  const consider = (hours: number, phrase: string) => {
    if (Number.isFinite(hours) && hours > 0 && (!best || hours > best.hours))
      best = { hours, phrase: phrase.trim() };
  };
  for (const re of [DURATION, AGO]) {
    for (const m of text.matchAll(re)) {
      consider(toNumber(m[1] ?? "") * (UNIT_HOURS[(m[2] ?? "").toLowerCase()] ?? 0), m[0]);
    }
  }
  for (const m of [...text.matchAll(SINCE), ...text.matchAll(ON)]) {
    const parsed = loadChrono().parse(m[1] ?? "", now, { forwardDate: false })[0];
    if (!parsed || parsed.index > 2) continue;
    const at = parsed.start.date();
    if (at.getTime() <= now.getTime()) consider((now.getTime() - at.getTime()) / 3_600_000, m[0]);
  }
  return best;
}

/** How often the problem happens, when the text says. */
export type Frequency = { kind: "always" | "intermittent"; phrase: string };

const INTERMITTENT =
  /\b(intermittent(?:ly)?|sometimes|occasionally|random(?:ly)?|sporadic(?:ally)?|on and off|now and then|\d+\s+(?:in|out of)\s+\d+|\d+(?:\.\d+)?\s?%\s+of)\b/i;
const ALWAYS =
  /\b(every time|each time|always|consistently|all the time|100% of|every (?:call|request|attempt|login))\b/i;

/** The frequency stated in `text`, if any. */
export function findFrequency(text: string): Frequency | null {
  const i = INTERMITTENT.exec(text);
  if (i) return { kind: "intermittent", phrase: i[0] };
  const a = ALWAYS.exec(text);
  return a ? { kind: "always", phrase: a[0] } : null;
}
