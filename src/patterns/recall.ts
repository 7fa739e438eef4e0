/**
 * The team recalling an earlier fix in chat without naming a report: "this looks like the ENG-702
 * stall again". Such a message names a tracker issue or a past escalation and says the problem is
 * back; the window's reports whose words agree with the message's, by the rule that joins two
 * reports (shared ideas and overlap; a message has no subject), are what it talks about, and the
 * message becomes part of their discussion (so the fix it names is linked to them). Pure: the
 * messages, the reports, the concepts' statistics and the thresholds come in.
 */
import type { ChatMessage } from "../domain/bundle.js";
import { conceptsOf, type Lexicon } from "../match/lexicon.js";

/** A report as the recall matching reads it: its id and all its words (comments included). */
export interface RecallTarget {
  id: string;
  text: string;
}

/** Options of {@link recalledFixes}. */
export interface RecallOptions {
  lexicon: Lexicon;
  weight: (conceptKey: string) => number;
  /** Concepts too common to count as a shared idea. */
  isCommon: (conceptKey: string) => boolean;
  /** True when the text says the problem is back. */
  saysAgain: (text: string) => boolean;
  /** Ids of tracker issues and past escalations that exist (a message must name one of them). */
  knownFixes: ReadonlySet<string>;
  /** Ideas message and report must share (policy `pattern.similarity.minSharedConcepts`). */
  minSharedConcepts: number;
  /** Share of the smaller text's weight they share (policy `pattern.similarity.overlap`). */
  overlap: number;
}

const REF = /\b[A-Z][A-Z0-9]*-\d+\b/g;

/**
 * Chat messages that recall a fix and say it is back, by the report they are about (report id →
 * message texts). A message that names a report itself is left to the caller's discussion.
 */
export function recalledFixes(
  messages: readonly ChatMessage[],
  reports: readonly RecallTarget[],
  o: RecallOptions,
): Map<string, string[]> {
  const reportIds = new Set(reports.map((r) => r.id));
  const recalls = messages.filter((m) => {
    const refs = m.text.match(REF) ?? [];
    return (
      refs.some((r) => o.knownFixes.has(r)) && !refs.some((r) => reportIds.has(r)) && o.saysAgain(m.text)
    );
  });
  const out = new Map<string, string[]>();
  if (recalls.length === 0) return out;
  const weightOf = (keys: Iterable<string>) => {
    let w = 0;
    for (const k of keys) w += o.weight(k);
    return w;
  };
  const reportConcepts = reports.map((r) => {
    const keys = new Set(conceptsOf(r.text, o.lexicon).map((c) => c.key));
    return { id: r.id, keys, weight: weightOf(keys) };
  });
  for (const m of recalls) {
    // the ids it names say which fix, not what the problem is
    const keys = new Set(conceptsOf(m.text.replace(REF, " "), o.lexicon).map((c) => c.key));
    const weight = weightOf(keys);
    for (const r of reportConcepts) {
      const both = [...keys].filter((k) => r.keys.has(k));
      const smaller = Math.min(weight, r.weight);
      if (
        both.filter((k) => !o.isCommon(k)).length >= o.minSharedConcepts &&
        smaller > 0 &&
        weightOf(both) / smaller >= o.overlap
      )
        out.set(r.id, [...(out.get(r.id) ?? []), m.text]);
    }
  }
  return out;
}
