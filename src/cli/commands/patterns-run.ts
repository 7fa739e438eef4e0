/**
 * What `escalate patterns` does (patterns.ts declares it): groups the window's tickets and prints
 * the patterns.
 */
import { UserError } from "../../errors.js";
import { findPatterns } from "../../gather/patterns.js";
import { buildLexicon } from "../../match/lexicon.js";
import type { Pattern } from "../../patterns/describe.js";
import {
  openStoreFor,
  parseLimit,
  readUserConfig,
  requireWorkspace,
  resolveFormat,
  resolveNow,
  resolvePolicy,
} from "../environment.js";
import { printJson, printMarkdown, progress } from "../print.js";
import type { PatternsCommandOptions } from "./patterns.js";

/** Reads `--days`: a number of days from 1 to 3650. */
export function parseDays(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || n <= 0 || n > 3650)
    throw new UserError(`--days: expected a number of days from 1 to 3650, got "${value}"`);
  return n;
}

const KIND_LABEL: Record<Pattern["kinds"][number], string> = {
  customers: "several customers",
  recurring: "recurring after a fix",
  rising: "rising",
};

/** Renders patterns as Markdown. */
export function renderPatterns(patterns: readonly Pattern[], header: string): string {
  const lines = ["## Patterns", "", header, ""];
  if (patterns.length === 0)
    lines.push("No pattern: no problem reported by several customers, recurring or rising.", "");
  patterns.forEach((p, i) => {
    lines.push(`### ${i + 1}. ${p.kinds.map((k) => KIND_LABEL[k]).join(", ")}`, "", p.summary, "");
    lines.push(`- Tickets: ${p.ticketIds.join(", ")}`);
    if (p.trackerKeys.length) lines.push(`- Tracker: ${p.trackerKeys.join(", ")}`);
    lines.push(
      `- Why: ${p.reasons.slice(0, 6).join("; ")}${p.reasons.length > 6 ? ` (+${p.reasons.length - 6} more)` : ""}`,
      "",
    );
  });
  return lines.join("\n");
}

/** Runs `patterns` with the CLI's environment and prints the result. */
export function patternsCommand(options: PatternsCommandOptions): void {
  const format = resolveFormat(options.format, ["markdown", "json"] as const, "markdown");
  const now = resolveNow(options.now);
  const config = readUserConfig();
  const policy = resolvePolicy(options, config);
  const days = parseDays(options.days, policy.pattern.windowDays);
  const limit = parseLimit(options.limit, policy.pattern.listLimit);
  const store = openStoreFor(options);
  try {
    requireWorkspace(store, options);
    progress(`patterns: grouping tickets of the ${days} days before ${now.toISOString()}…`);
    const result = findPatterns(store, { now, days, policy, lexicon: buildLexicon(policy) });
    const patterns = result.patterns.slice(0, limit);
    if (format === "json") {
      printJson({
        patterns,
        window: { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() },
        ticketsRead: result.ticketsInWindow,
        patternsFound: result.patterns.length,
      });
      return;
    }
    const shown = result.patterns.length > limit ? ` (the first ${limit} of ${result.patterns.length})` : "";
    printMarkdown(
      renderPatterns(
        patterns,
        `${result.ticketsInWindow} tickets created in the ${days} days before ${now.toISOString().slice(0, 16).replace("T", " ")} UTC; ${result.patterns.length} pattern${result.patterns.length === 1 ? "" : "s"}${shown}.`,
      ),
    );
  } finally {
    store.close();
  }
}
