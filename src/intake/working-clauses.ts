/**
 * The problem text: the description without the clauses that say what still works ("invoice
 * downloads work", "renewing from the site still works fwiw"). Their words are context, not the
 * problem, so matching must not look for them. A clause with a negation ("nothing works", "stopped
 * working") is a problem and stays. Pure.
 */
import type { SentenceTest } from "./compositions.js";
import { stem, tokenize } from "./text.js";

// a clause ends at a sentence mark or a line, or turns at "but", "though", "although", "whereas"
const CLAUSE = /[.;!?\n]+|,?\s+\b(?:but|though|although|whereas|while)\b\s+/i;

/** The description's clauses that do not say something works. */
export function problemText(
  description: string,
  worksFine: readonly SentenceTest[],
  negations: readonly string[],
): string {
  const negators = new Set(negations.flatMap((n) => tokenize(n)).map(stem));
  return description
    .split(CLAUSE)
    .filter((clause) => {
      if (!worksFine.some((t) => t.test(clause))) return true;
      return tokenize(clause).some((t) => negators.has(stem(t)));
    })
    .join(". ");
}
