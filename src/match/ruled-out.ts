/**
 * Keys the team has ruled out ("Not STY-4120: these bookings ...", "KB-48 is not it"): a tracker
 * issue, KB article or past escalation that a team member says is not this problem is not related
 * to it, whatever its words share. The patterns are the policy's `ruledOut` vocabulary.
 */
import { cueSentences } from "../intake/cues.js";

// multi-part keys too: CB-ENG-590
const KEY = /\b[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+\b/g;

/** The keys (in upper case, as written) that a `ruledOut` pattern matches around in `texts`. */
export function findRuledOutKeys(texts: readonly string[], patterns: readonly string[]): Set<string> {
  const out = new Set<string>();
  const compiled = patterns.map((p) => new RegExp(p, "gi"));
  for (const text of texts) {
    for (const sentence of cueSentences(text)) {
      for (const re of compiled) {
        re.lastIndex = 0;
        // only the keys inside the match: "not STY-4120, it is STY-4200" rules out STY-4120 alone
        for (const m of sentence.matchAll(re)) for (const k of m[0].matchAll(KEY)) out.add(k[0]);
      }
    }
  }
  return out;
}
