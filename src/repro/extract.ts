/**
 * Builds the reproduction record of an issue from its description and matched tickets: steps,
 * expected and actual behaviour, environment, frequency, evidence, what was ruled out and the
 * starting state. Everything is quoted from the input; nothing is paraphrased or invented.
 */
import type { Account, Ticket } from "../domain/bundle.js";
import { DEFAULT_REPRO_VOCABULARY } from "./cues.js";
import type { FragmentPattern, ReproVocabulary, StepCues } from "./cues.js";
import { collectPassages, segmentText, squash } from "./passages.js";
import type { Passage, Tier } from "./passages.js";
import type {
  EnvironmentFact,
  EnvironmentKind,
  EvidenceFact,
  EvidenceKind,
  FrequencyFact,
  Reproduction,
  Sourced,
} from "./types.js";

/** The issue as typed by the escalator, and the tickets already matched to it (most relevant first). */
export interface BuildReproductionInput {
  description: string;
  tickets: Ticket[];
  accounts: Account[];
}

/** Vocabulary overrides and list caps. */
export interface BuildReproductionOptions {
  vocabulary?: Partial<ReproVocabulary>;
  /** Default 8. */
  maxSteps?: number;
  /** Default 12. */
  maxEvidence?: number;
  /** Default 6. */
  maxRuledOut?: number;
}

interface Sentence {
  /** Squashed, with a greeting lead-in ("Thanks Claire, ") dropped. */
  text: string;
  source: string;
  tier: Tier;
  prose: boolean;
  summary: boolean;
  order: number;
  passage: number;
  /** Item of a list that reads as steps. */
  listStep: boolean;
}

const isQuestion = (s: string): boolean => /\?["'”’)]*$/.test(s);

const withGlobal = (re: RegExp): RegExp => new RegExp(re.source, `${re.flags.replace(/[gyd]/g, "")}gd`);

const test = (re: RegExp, s: string): boolean => {
  re.lastIndex = 0;
  return re.test(s);
};

const wordCount = (s: string): number => s.split(/\s+/).filter((w) => w !== "").length;

const dropLeadIn = (text: string, leadIn: RegExp): string => {
  const m = leadIn.exec(text);
  if (m === null || m[0] === "") return text;
  const rest = text.slice(m[0].length);
  return wordCount(rest) >= 3 ? rest : text;
};

const sourced = (s: Sentence): Sourced => ({ text: s.text, source: s.source });

const toSentences = (passages: readonly Passage[], vocab: ReproVocabulary): Sentence[] => {
  const out: Sentence[] = [];
  passages.forEach((p, passageIndex) => {
    const segments = segmentText(p.text);
    const stepLists = new Set<number>();
    // A list is a list of steps when a "Steps to reproduce:" line introduces it or most items are actions.
    const listIds = new Set(segments.flatMap((s) => (s.list === null ? [] : [s.list])));
    for (const id of listIds) {
      const firstIndex = segments.findIndex((s) => s.list === id);
      const before = segments[firstIndex - 1];
      const items = segments.filter((s) => s.list === id);
      const actions = items.filter(
        (s) => test(vocab.steps.interaction, s.text) || test(vocab.steps.httpCall, s.text),
      ).length;
      if (
        (before !== undefined && before.list === null && test(vocab.steps.heading, before.text)) ||
        actions * 2 >= items.length
      ) {
        stepLists.add(id);
      }
    }
    for (const seg of segments) {
      const text = dropLeadIn(squash(seg.text), vocab.steps.leadIn);
      if (text === "") continue;
      out.push({
        text,
        source: p.source,
        tier: p.tier,
        prose: p.prose,
        summary: p.summary,
        order: out.length,
        passage: passageIndex,
        listStep: seg.list !== null && stepLists.has(seg.list),
      });
    }
  });
  return out;
};

const dedupe = <T extends Sourced>(
  items: readonly T[],
  key: (t: T) => string = (t) => t.text.toLowerCase(),
): T[] => {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** Picks the highest-scoring candidate; ties go to the earliest. */
const best = <T>(items: readonly T[], score: (t: T) => number): T | null => {
  let top: T | null = null;
  let topScore = 0;
  for (const item of items) {
    const s = score(item);
    if (s > topScore) {
      top = item;
      topScore = s;
    }
  }
  return top;
};

// ---- steps ----

const QUOTED = /"[^"]*"|“[^”]*”|(?<!\w)'[^'\n]*'(?!\w)|‘[^’]*’|`[^`]*`/g;

/** The sequence cue followed, within six words, by an interaction verb. */
const sequencePattern = (cues: StepCues): RegExp =>
  new RegExp(`(?:${cues.sequence.source})(?:\\W+[\\w'’-]+){0,6}?\\W+(?:${cues.interaction.source})`, "i");

const stepScore = (s: Sentence, vocab: ReproVocabulary, sequence: RegExp): number => {
  const cues = vocab.steps;
  if (!s.prose || isQuestion(s.text) || test(cues.advisory, s.text) || test(cues.notReproduced, s.text))
    return 0;
  if (s.listStep) return 3;
  if (test(cues.reproduction, s.text)) {
    if (test(cues.strongConcrete, s.text)) return 3;
    if (test(cues.concrete, s.text)) return 1;
  }
  // The escalator's summary line is context; only its lists and reproductions are steps.
  if (s.summary) return 0;
  if (test(cues.imperative, s.text) && !test(cues.notImperative, s.text)) return 2;
  // A method and path inside a quoted console line is evidence, not an action.
  if (test(cues.httpCall, s.text.replace(QUOTED, " "))) return 2;
  if (test(sequence, s.text)) return 2;
  return 0;
};

const extractSteps = (sentences: readonly Sentence[], vocab: ReproVocabulary, max: number): Sourced[] => {
  const sequence = sequencePattern(vocab.steps);
  const scored = sentences
    .map((s) => ({ s, score: stepScore(s, vocab, sequence) }))
    .filter((c) => c.score > 0);
  const support = scored.filter((c) => c.s.tier === "support");
  const customer = scored.filter((c) => c.s.tier === "customer");
  // Our own reproduction wins; customer prose only fills in when ours is missing or thin.
  const chosen = support.some((c) => c.score >= 3) ? support : [...support, ...customer];
  return dedupe(chosen.map((c) => sourced(c.s))).slice(0, max);
};

// ---- fragments (environment, evidence) ----

interface Hit<K extends string> {
  kind: K;
  start: number;
  end: number;
  text: string;
}

const scanFragments = <K extends string>(
  text: string,
  patterns: ReadonlyArray<FragmentPattern<K>>,
): Array<Hit<K>> => {
  const hits: Array<Hit<K>> = [];
  for (const p of patterns) {
    for (const m of text.matchAll(withGlobal(p.pattern))) {
      const span = m.indices?.groups?.frag ?? m.indices?.[0];
      if (span === undefined) continue;
      const [start, end] = span;
      const frag = text.slice(start, end).trim();
      if (frag === "" || (p.requires !== undefined && !test(p.requires, frag))) continue;
      hits.push({ kind: p.kind, start, end, text: frag });
    }
  }
  // A fragment inside a longer one ("HTTP 429" inside a quoted message) adds nothing.
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Array<Hit<K>> = [];
  for (const h of hits) {
    if (!kept.some((k) => k.start <= h.start && h.end <= k.end)) kept.push(h);
  }
  return kept;
};

const byFragmentRank = (passages: readonly Passage[]): Passage[] =>
  passages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.fragmentRank - b.p.fragmentRank || a.i - b.i)
    .map((x) => x.p);

const planKey = (text: string): string => text.toLowerCase().replace(/\s+(?:plan|tier|edition)$/, "");

const containsWord = (outer: string, inner: string): boolean => {
  if (outer === inner) return false;
  const at = outer.indexOf(inner);
  if (at < 0) return false;
  const before = outer[at - 1];
  const after = outer[at + inner.length];
  return (before === undefined || /\W/.test(before)) && (after === undefined || /\W/.test(after));
};

const extractEnvironment = (
  passages: readonly Passage[],
  accounts: readonly Account[],
  vocab: ReproVocabulary,
): EnvironmentFact[] => {
  const facts: EnvironmentFact[] = [];
  for (const a of accounts) {
    if (a.plan !== undefined && a.plan.trim() !== "")
      facts.push({ kind: "plan", text: squash(a.plan), source: `account ${a.name}` });
  }
  for (const p of byFragmentRank(passages)) {
    for (const h of scanFragments<EnvironmentKind>(p.text, vocab.environment)) {
      facts.push({ kind: h.kind, text: squash(h.text), source: p.source });
    }
  }
  const unique = dedupe(
    facts,
    (f) => `${f.kind}:${f.kind === "plan" ? planKey(f.text) : f.text.toLowerCase()}`,
  );
  // "Firefox" adds nothing next to "Firefox 128".
  return unique.filter(
    (f) => !unique.some((g) => g.kind === f.kind && containsWord(g.text.toLowerCase(), f.text.toLowerCase())),
  );
};

const RICH_STATUS = /[A-Z][a-z]+ [A-Z]|\([A-Z]|[a-z]+_[a-z]+/;

const extractEvidence = (
  passages: readonly Passage[],
  vocab: ReproVocabulary,
  max: number,
): EvidenceFact[] => {
  const facts: EvidenceFact[] = [];
  for (const p of byFragmentRank(passages)) {
    for (const h of scanFragments<EvidenceKind>(p.text, vocab.evidence)) {
      facts.push({ kind: h.kind, text: squash(h.text), source: p.source });
    }
  }
  // One line per status code: "HTTP 500", "returns 500" and "500 errors" say the same; keep the most exact.
  const byCode = new Map<string, number>();
  const out: EvidenceFact[] = [];
  for (const f of dedupe(facts)) {
    const code =
      f.kind === "http_status" ? /\b[1-5](?:\d\d|xx)\b/i.exec(f.text)?.[0]?.toLowerCase() : undefined;
    if (code === undefined) {
      out.push(f);
      continue;
    }
    const at = byCode.get(code);
    if (at === undefined) {
      byCode.set(code, out.length);
      out.push(f);
    } else {
      const current = out[at];
      if (current !== undefined && !RICH_STATUS.test(current.text) && RICH_STATUS.test(f.text)) out[at] = f;
    }
  }
  // "Report generation timed out" adds nothing next to "Report generation timed out after 900s"; request ids stay listed.
  const lower = out.map((f) => f.text.toLowerCase());
  return out
    .filter(
      (f, i) =>
        f.kind === "request_id" ||
        !lower.some((g, j) => j !== i && g.includes(lower[i] ?? "") && g !== lower[i]),
    )
    .slice(0, max);
};

const isRuledOut = (text: string, vocab: ReproVocabulary): boolean =>
  vocab.ruledOut.some((c) => test(c.pattern, text));

// ---- expected / actual ----

const TRAILING_JOINER = /[\s,;:—–-]+$/;

interface Split {
  expected: string;
  actual: string | null;
}

/** Splits "X should Y, but Z" into its expectation and what happens instead (either order). */
const splitContrast = (text: string, vocab: ReproVocabulary): Split => {
  const m = new RegExp(
    vocab.expectation.contrast.source,
    vocab.expectation.contrast.flags.replace("g", ""),
  ).exec(text);
  if (m === null || m.index === 0) return { expected: text, actual: null };
  const left = text.slice(0, m.index).replace(TRAILING_JOINER, "").trim();
  const right = text.slice(m.index + m[0].length).trim();
  if (wordCount(left) < 3 || wordCount(right) < 3) return { expected: text, actual: null };
  const leftExpects = test(vocab.expectation.expected, left);
  const rightExpects = test(vocab.expectation.expected, right);
  if (rightExpects && !leftExpects) return { expected: right, actual: left };
  return { expected: left, actual: right };
};

const hasEvidence = (text: string, vocab: ReproVocabulary): { any: boolean; visible: boolean } => {
  const hits = scanFragments<EvidenceKind>(text, vocab.evidence);
  // What the user saw (a message, a body, a code) describes behaviour better than a stack trace does.
  const visible = hits.some(
    (h) => h.kind === "error_message" || h.kind === "error_body" || h.kind === "error_code",
  );
  return { any: hits.length > 0, visible };
};

const extractExpectedActual = (
  sentences: readonly Sentence[],
  steps: readonly Sourced[],
  vocab: ReproVocabulary,
): { expected: Sourced | null; actual: Sourced | null } => {
  const cues = vocab.expectation;
  const usable = sentences.filter(
    (s) => s.prose && !isQuestion(s.text) && !test(vocab.steps.advisory, s.text) && !s.listStep,
  );
  const expectations = usable.filter(
    (s) => test(cues.expected, s.text) && !test(cues.notExpectation, s.text),
  );
  // The customer's or agent's own words beat the escalator's summary line.
  const expectation = expectations.find((s) => !s.summary) ?? expectations[0] ?? null;

  let expected: Sourced | null = null;
  const paired: Array<{ text: string; source: string; order: number }> = [];
  if (expectation !== null) {
    const split = splitContrast(expectation.text, vocab);
    expected = { text: split.expected, source: expectation.source };
    if (split.actual !== null)
      paired.push({ text: split.actual, source: expectation.source, order: expectation.order });
    const next = sentences[expectation.order + 1];
    if (next !== undefined && next.passage === expectation.passage && test(cues.contrastOpening, next.text)) {
      paired.push({ text: next.text, source: next.source, order: next.order });
    }
  }

  const stepTexts = new Set(steps.map((s) => s.text));
  const candidates = [
    ...paired.map((c) => ({ ...c, bonus: 2 })),
    ...usable
      .filter((s) => s !== expectation && (test(cues.actual, s.text) || hasEvidence(s.text, vocab).any))
      .map((s) => ({
        text: s.text,
        source: s.source,
        order: s.order,
        // The summary line is second-hand; a "works fine in Chrome" sentence describes what does not fail.
        bonus: (s.summary ? -1 : 0) + (isRuledOut(s.text, vocab) ? -2 : 0),
      })),
  ];
  const actual = best(candidates, (c) => {
    const ev = hasEvidence(c.text, vocab);
    return 2 + c.bonus + (ev.any ? 3 : 0) + (ev.visible ? 1 : 0) - (stepTexts.has(c.text) ? 1 : 0);
  });
  return { expected, actual: actual === null ? null : { text: actual.text, source: actual.source } };
};

// ---- frequency ----

const firstMatch = (patterns: readonly RegExp[], text: string): string | null => {
  for (const re of patterns) {
    const m = new RegExp(re.source, re.flags.replace("g", "")).exec(text);
    if (m !== null) {
      const frag = (m.groups?.frag ?? m[0]).trim();
      if (frag !== "") return frag;
    }
  }
  return null;
};

const extractFrequency = (sentences: readonly Sentence[], vocab: ReproVocabulary): FrequencyFact | null => {
  const cues = vocab.frequency;
  const candidates: Array<{ fact: FrequencyFact; score: number }> = [];
  for (const s of sentences) {
    if (isQuestion(s.text)) continue;
    const rate = firstMatch(cues.rate, s.text);
    const intermittent = test(cues.intermittent, s.text);
    const always = test(cues.always, s.text);
    const relevant = test(vocab.expectation.actual, s.text) || test(vocab.steps.reproduction, s.text);
    // A bare condition ("more than 50 employees") only counts in a sentence about the failure.
    const condition = relevant ? firstMatch(cues.condition, s.text) : null;
    if (rate === null && !intermittent && !always && condition === null) continue;
    const pattern = rate !== null || intermittent ? "intermittent" : always ? "always" : "conditional";
    const score =
      1 +
      (rate !== null ? 4 : 0) +
      (s.tier === "support" && !s.summary ? 2 : 0) +
      (condition !== null ? 1 : 0) +
      (relevant ? 1 : 0);
    candidates.push({ fact: { text: s.text, source: s.source, pattern, rate, condition }, score });
  }
  return best(candidates, (c) => c.score)?.fact ?? null;
};

// ---- ruled out, starting state ----

const extractRuledOut = (sentences: readonly Sentence[], vocab: ReproVocabulary, max: number): Sourced[] => {
  const hits = sentences.filter((s) => s.prose && !isQuestion(s.text) && isRuledOut(s.text, vocab));
  return dedupe(hits.map(sourced)).slice(0, max);
};

const extractStartingState = (sentences: readonly Sentence[], vocab: ReproVocabulary): Sourced | null => {
  const candidates = sentences.filter(
    (s) => s.prose && !isQuestion(s.text) && !test(vocab.steps.advisory, s.text),
  );
  const top = best(candidates, (s) => {
    const cues = vocab.startingState.filter((c) => test(c.pattern, s.text)).length;
    if (cues === 0) return 0;
    const ours = s.tier === "support" && !s.summary;
    return cues + (test(vocab.steps.reproduction, s.text) ? 2 : 0) + (ours ? 1 : 0) + (s.listStep ? 1 : 0);
  });
  return top === null ? null : sourced(top);
};

/** Extracts the reproduction record of an issue; every text is quoted from the input. */
export function buildReproduction(
  input: BuildReproductionInput,
  options: BuildReproductionOptions = {},
): Reproduction {
  const vocab: ReproVocabulary = { ...DEFAULT_REPRO_VOCABULARY, ...options.vocabulary };
  const passages = collectPassages(input.description, input.tickets);
  const sentences = toSentences(passages, vocab);
  const steps = extractSteps(sentences, vocab, options.maxSteps ?? 8);
  const { expected, actual } = extractExpectedActual(sentences, steps, vocab);
  return {
    steps,
    expected,
    actual,
    environment: extractEnvironment(passages, input.accounts, vocab),
    frequency: extractFrequency(sentences, vocab),
    evidence: extractEvidence(passages, vocab, options.maxEvidence ?? 12),
    ruledOut: extractRuledOut(sentences, vocab, options.maxRuledOut ?? 6),
    startingState: extractStartingState(sentences, vocab),
  };
}
