/**
 * The practice's seven rules for reproduction steps ("Writing Reproduction Steps"), as small named
 * checks over a Reproduction. Findings are data; `missingForRepro` turns the failed ones into
 * lines for a brief's "To complete before sending" list.
 */
import type { EnvironmentKind, Reproduction, Sourced } from "./types.js";

/** The seven rules, in the practice's order. */
export type ReproRuleId =
  "clean_state" | "specific" | "exact_values" | "environment" | "frequency" | "evidence" | "ruled_out";

/** What one check found. */
export interface ReproFinding {
  ok: boolean;
  detail: string;
}

/** One rule: its number and title in the practice, the check, and the to-do line when it fails. */
export interface ReproRule {
  id: ReproRuleId;
  number: number;
  title: string;
  check(r: Reproduction): ReproFinding;
  todo(r: Reproduction): string;
}

/** One rule's result. */
export interface ReproCheck {
  rule: ReproRuleId;
  title: string;
  ok: boolean;
  detail: string;
}

/** What makes steps specific and values exact (rules 2 and 3). */
export const SPECIFICITY_CUES = {
  /** Vague instructions the practice warns about ("try to export"). */
  vague:
    /\b(?:try(?:ing)? to \w+|tried to \w+|do (?:something|stuff)|somewhere|the usual (?:way|steps)|etc\b\.?|and so on|it (?:doesn't|does not) work|play(?:ed)? around)/i,
  /** A named target: quoted label, endpoint, menu path, or a UI/API noun. */
  target:
    /["“'‘`]|→|>|\/[\w{]|\b(?:GET|POST|PUT|PATCH|DELETE)\b|\b(?:button|page|tab|menu|field|link|dialog|modal|screen|view|form|list|report|dashboard|settings|endpoint|column|checkbox|toggle|dropdown|grid|widget|calendar|chain|schedule|export|import|upload|workspace|plan)s?\b/i,
  /** An exact value: a number, a quoted input, a ticket-style id or a snake_case code. */
  value: /\d|["“'‘`][^"”'’`]{2,}["”'’`]|\b[A-Z]{2,}-\d+\b|\b[a-z]+_[a-z0-9_]+\b/,
  /** Placeholders instead of values ("enter some data"). */
  placeholder:
    /\b(?:some (?:data|records|rows|items|values|users|orders|text|file|input)|a bunch of|any value|something like|random (?:data|values?)|enter something|dummy data)\b/i,
};

/** What rule 4 needs: a plan and a surface (browser/OS or the API endpoint); versions and flags add to it. */
export const ENVIRONMENT_REQUIREMENTS: ReadonlyArray<{
  label: string;
  kinds: readonly EnvironmentKind[];
  required: boolean;
}> = [
  {
    label: "browser/OS (or the API endpoint)",
    kinds: ["endpoint", "browser", "os", "device", "client"],
    required: true,
  },
  { label: "plan", kinds: ["plan"], required: true },
  { label: "feature flags", kinds: ["feature_flag"], required: false },
];

const quote = (s: Sourced): string => `"${s.text}" (${s.source})`;

const joinAnd = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;

const countBy = (values: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(", ");
};

const missingEnvironment = (r: Reproduction): Array<{ label: string; required: boolean }> =>
  ENVIRONMENT_REQUIREMENTS.filter((req) => !r.environment.some((e) => req.kinds.includes(e.kind)));

/** The seven rules of the practice, in order. */
export const REPRO_RULES: readonly ReproRule[] = [
  {
    id: "clean_state",
    number: 1,
    title: "Start from a clean state",
    check: (r) =>
      r.startingState === null
        ? { ok: false, detail: "No starting state (account type, configuration, permissions) found" }
        : { ok: true, detail: `Starting state: ${quote(r.startingState)}` },
    todo: () =>
      "Starting state: describe the account type, configuration and permissions the repro starts from (rule 1)",
  },
  {
    id: "specific",
    number: 2,
    title: "Be specific",
    check: (r) => {
      if (r.steps.length === 0) return { ok: false, detail: "No reproduction steps found" };
      const vague = r.steps.filter((s) => SPECIFICITY_CUES.vague.test(s.text));
      if (vague.length > 0) return { ok: false, detail: `Vague step: ${vague.map(quote).join("; ")}` };
      const targeted = r.steps.filter((s) => SPECIFICITY_CUES.target.test(s.text));
      if (targeted.length === 0)
        return { ok: false, detail: "No step names the screen, button or endpoint it acts on" };
      return {
        ok: true,
        detail: `${r.steps.length} step(s); ${targeted.length} name their screen, control or endpoint`,
      };
    },
    todo: (r) =>
      r.steps.length === 0
        ? "Steps: write numbered steps from the starting state, naming the exact screen, button or endpoint (rule 2)"
        : 'Steps: name the exact screen, button or endpoint for each step instead of "try to …" (rule 2)',
  },
  {
    id: "exact_values",
    number: 3,
    title: "Include exact values",
    check: (r) => {
      if (r.steps.length === 0) return { ok: false, detail: "No steps to carry exact values" };
      const placeholders = r.steps.filter((s) => SPECIFICITY_CUES.placeholder.test(s.text));
      if (placeholders.length > 0)
        return { ok: false, detail: `Placeholder instead of a value: ${placeholders.map(quote).join("; ")}` };
      const valued = r.steps.filter((s) => SPECIFICITY_CUES.value.test(s.text));
      if (valued.length === 0) return { ok: false, detail: "No step states an input, ID, date or count" };
      return {
        ok: true,
        detail: `${valued.length} of ${r.steps.length} step(s) carry exact inputs, IDs or counts`,
      };
    },
    todo: () =>
      'Exact values: put the actual inputs, IDs, dates and counts into the steps, not "some data" (rule 3)',
  },
  {
    id: "environment",
    number: 4,
    title: "Note the environment",
    check: (r) => {
      const missing = missingEnvironment(r).filter((m) => m.required);
      const found = r.environment.map((e) => `${e.kind}: ${e.text}`).join("; ");
      return missing.length === 0
        ? { ok: true, detail: found }
        : {
            ok: false,
            detail: `Missing ${joinAnd(missing.map((m) => m.label))}${found ? `; found ${found}` : ""}`,
          };
    },
    todo: (r) => `Environment: add ${joinAnd(missingEnvironment(r).map((m) => m.label))} (rule 4)`,
  },
  {
    id: "frequency",
    number: 5,
    title: "Capture the frequency",
    check: (r) => {
      const f = r.frequency;
      if (f === null) return { ok: false, detail: "No statement of how often it happens" };
      const rate =
        f.rate === null ? (f.pattern === "intermittent" ? ", rate not stated" : "") : ` (${f.rate})`;
      const condition = f.condition === null ? "" : `, ${f.condition}`;
      return { ok: true, detail: `${f.pattern}${rate}${condition}: ${quote(f)}` };
    },
    todo: () =>
      "Frequency: say whether it is always reproducible, intermittent (with a rate) or only under certain conditions (rule 5)",
  },
  {
    id: "evidence",
    number: 6,
    title: "Include evidence",
    check: (r) =>
      r.evidence.length === 0
        ? { ok: false, detail: "No exact error text, status, request id or log line found" }
        : { ok: true, detail: countBy(r.evidence.map((e) => e.kind)) },
    todo: () =>
      "Evidence: attach exact error text, HTTP status, request ids, screenshots or console/network logs (rule 6)",
  },
  {
    id: "ruled_out",
    number: 7,
    title: "Note what you've ruled out",
    check: (r) =>
      r.ruledOut.length === 0
        ? { ok: false, detail: "Nothing recorded as ruled out" }
        : { ok: true, detail: r.ruledOut.map(quote).join("; ") },
    todo: () =>
      'Ruled out: note what was excluded, e.g. "tested in Chrome and Firefox — same behavior", "reproduced on a test account" (rule 7)',
  },
];

/** Runs the rules over a reproduction; one result per rule, in the practice's order. */
export function checkReproduction(r: Reproduction, rules: readonly ReproRule[] = REPRO_RULES): ReproCheck[] {
  return rules.map((rule) => ({ rule: rule.id, title: rule.title, ...rule.check(r) }));
}

/** Lines for "To complete before sending": each failed rule, then a missing expected or actual result. */
export function missingForRepro(r: Reproduction, rules: readonly ReproRule[] = REPRO_RULES): string[] {
  const lines = rules.filter((rule) => !rule.check(r).ok).map((rule) => rule.todo(r));
  if (r.expected === null) lines.push('Expected: state what should happen (the template\'s "Expected" line)');
  if (r.actual === null)
    lines.push(
      'Actual: quote what happens instead, with the exact error text (the template\'s "Actual" line)',
    );
  return lines;
}
