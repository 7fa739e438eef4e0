/**
 * Error signatures in text: HTTP status codes, exception and error-constant names, snake_case
 * error ids and quoted error messages. They make matching precise ("500" is not "429").
 */

/** The error signatures found in one text. */
export interface Signatures {
  httpCodes: string[];
  names: string[];
  quoted: string[];
}

const HTTP_BEFORE =
  /\b(?:https?|status(?:\s+code)?|error(?:\s+code)?|returns?|returning|got|getting|with|code)\s*:?\s*([1-5]\d\d)\b/gi;
const HTTP_AFTER =
  /\b([45]\d\d)\s*(?:errors?\b|responses?\b|status\b|\(|too many|service unavailable|internal server|not found|unauthori[sz]ed|forbidden|bad (?:request|gateway)|gateway timeout|[a-z]+_[a-z_]+)/gi;
const HTTP_CLASS = /\b([45])xx\b/gi;
const EXCEPTION = /\b[A-Z][A-Za-z0-9]*(?:Exception|Error|Fault|Timeout)\b/g;
const CONSTANT = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const SNAKE_ID = /\b[a-z]+(?:_[a-z]+)+\b/g;
const QUOTED = /['"‘“]([^'"’”\n]{8,140})['"’”]/g;

const uniq = (xs: string[]): string[] => [...new Set(xs)];

/** Extracts the error signatures of `text`. */
export function extractSignatures(text: string): Signatures {
  const http: string[] = [];
  for (const m of text.matchAll(HTTP_BEFORE)) if (m[1]) http.push(m[1]);
  for (const m of text.matchAll(HTTP_AFTER)) if (m[1]) http.push(m[1]);
  for (const m of text.matchAll(HTTP_CLASS)) if (m[1]) http.push(`${m[1]}xx`);
  const names = [
    ...[...text.matchAll(EXCEPTION)].map((m) => m[0]),
    ...[...text.matchAll(CONSTANT)].map((m) => m[0]),
    ...[...text.matchAll(SNAKE_ID)]
      .map((m) => m[0])
      .filter((s) => /error|invalid|expired|denied|timeout|fail|exceed|limit|not_found|unauthori/.test(s)),
  ];
  const quoted = [...text.matchAll(QUOTED)]
    .map((m) => (m[1] ?? "").trim())
    .filter((q) =>
      /\b(error|fail|exceed|invalid|denied|timed? ?out|cannot|unable|not|unavailable|maximum|limit|refused|expired)\b/i.test(
        q,
      ),
    );
  return { httpCodes: uniq(http), names: uniq(names), quoted: uniq(quoted) };
}

/** True when two HTTP code lists share a code (a class like "5xx" covers its codes). */
export function httpCodesOverlap(a: readonly string[], b: readonly string[]): boolean {
  const covers = (x: string, y: string) => x === y || (x.endsWith("xx") && y.startsWith(x.charAt(0)));
  return a.some((x) => b.some((y) => covers(x, y) || covers(y, x)));
}
