/**
 * Secret and personal-data masking for text that leaves the support tool (briefs, exports).
 *
 * Scheme: the secret span of a match is replaced as a whole by `[REDACTED:<label>]`; nothing of the
 * secret is kept, not even a vendor prefix (the label names the vendor). Context that is not secret
 * stays: the key of `key=value`, `Authorization: Bearer`, the user and host of a URL. E-mail addresses,
 * ids, dates, amounts and phone numbers are not masked: support needs them. Masking is idempotent:
 * matches that overlap an existing `[REDACTED...]` marker are ignored.
 */
import { CREDENTIAL_LABEL, MASK_RULES, isPlaceholder, isSecretKeyName } from "./rules.js";
import type { MaskRule } from "./rules.js";

/** One masked span: the rule that found it and its position in the original text (end exclusive). */
export type MaskFinding = { rule: string; label: string; start: number; end: number };

/** The masked text and what was masked. */
export type MaskResult = { text: string; findings: MaskFinding[] };

const MARKER = /\[REDACTED(?::[^\]\r\n]*)?\]/g;

// `g` to scan, `d` for the position of the `secret` group; compiled once.
const COMPILED = MASK_RULES.map((rule) => ({
  rule,
  regex: new RegExp(rule.pattern.source, [...new Set(`${rule.pattern.flags}gd`)].join("")),
}));

type Candidate = MaskFinding & { order: number };

function matchRule(text: string, rule: MaskRule, regex: RegExp, order: number): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(regex)) {
    const [start, end] = match.indices?.groups?.["secret"] ?? [match.index, match.index + match[0].length];
    const secret = text.slice(start, end);
    if (secret.length === 0 || (rule.validate && !rule.validate(secret, match[0]))) continue;
    found.push({ rule: rule.id, label: rule.label, start, end, order });
  }
  return found;
}

function findCandidates(text: string): Candidate[] {
  const markers = [...text.matchAll(MARKER)].map((m) => [m.index, m.index + m[0].length] as const);
  const overlapsMarker = (c: Candidate): boolean => markers.some(([s, e]) => c.start < e && s < c.end);
  return COMPILED.flatMap(({ rule, regex }, order) => matchRule(text, rule, regex, order)).filter(
    (c) => !overlapsMarker(c),
  );
}

// Overlapping spans merge into one masked span so no fragment of a secret survives; the longest
// match names it (ties: the earliest, then the more specific rule).
function resolveOverlaps(candidates: Candidate[]): MaskFinding[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const merged: MaskFinding[] = [];
  let winnerLength = 0;
  for (const c of sorted) {
    const last = merged.at(-1);
    if (!last || c.start >= last.end) {
      merged.push({ rule: c.rule, label: c.label, start: c.start, end: c.end });
      winnerLength = c.end - c.start;
      continue;
    }
    if (c.end - c.start > winnerLength) {
      last.rule = c.rule;
      last.label = c.label;
      winnerLength = c.end - c.start;
    }
    last.end = Math.max(last.end, c.end);
  }
  return merged;
}

const redact = (label: string): string => `[REDACTED:${label}]`;

/** Masks secrets and personal data in `text`; see the module comment for the replacement scheme. */
export function maskText(text: string): MaskResult {
  const findings = resolveOverlaps(findCandidates(text));
  let masked = "";
  let cursor = 0;
  for (const f of findings) {
    masked += text.slice(cursor, f.start) + redact(f.label);
    cursor = f.end;
  }
  return { text: masked + text.slice(cursor), findings };
}

/** True when `text` holds anything `maskText` would mask. */
export function containsSecret(text: string): boolean {
  return findCandidates(text).length > 0;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

function maskValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === "string") {
    // A string under a key like `password` or `authorization` is a credential as a whole.
    const wholeValue = key !== undefined && isSecretKeyName(key) && !isPlaceholder(value);
    return wholeValue ? redact(CREDENTIAL_LABEL) : maskText(value).text;
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, key));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, k)]));
  }
  return value;
}

/** Returns a copy of a JSON-like value with every string masked; non-plain objects are kept as is. */
export function maskDeep<T>(value: T): T {
  return maskValue(value, undefined) as T;
}
