/**
 * `escalate similar TEXT`: the stored tickets most likely to report the same problem as TEXT.
 */
import type { Command } from "commander";
import { UserError } from "../../errors.js";
import { findSimilar } from "../../gather/similar.js";
import {
  openStoreFor,
  readUserConfig,
  resolveDbPath,
  resolveFormat,
  resolveNow,
  resolvePolicy,
  type CommonOptions,
} from "../environment.js";
import { printJson, printMarkdown } from "../print.js";
import { readDescription } from "./brief.js";

/** Options of `similar`. */
export interface SimilarCommandOptions extends CommonOptions {
  limit?: string;
}

/** Reads `--limit`: a whole number from 1 to 1000. */
export function parseLimit(value: string | undefined, fallback = 10): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 1000)
    throw new UserError(`--limit: expected a whole number from 1 to 1000, got "${value}"`);
  return n;
}

const cell = (text: string) => text.replace(/\s+/g, " ").replaceAll("|", "\\|").trim();

/** Runs `similar` with the CLI's environment and prints the result. */
export function printSimilar(text: string, options: SimilarCommandOptions): void {
  const format = resolveFormat(options.format, ["markdown", "json"] as const, "markdown");
  const limit = parseLimit(options.limit);
  const now = resolveNow(options.now);
  const config = readUserConfig();
  const policy = resolvePolicy(options, config);
  const store = openStoreFor(options);
  try {
    if (store.counts().tickets === 0) {
      throw new UserError(
        `store: ${resolveDbPath(options, config)} holds no tickets yet; run \`escalate import FILE\` first`,
      );
    }
    const results = findSimilar(store, text, {
      now,
      limit,
      stopwords: new Set(policy.vocabulary.stopwords),
      weights: policy.similar,
    });
    if (format === "json") {
      printJson({ results });
      return;
    }
    if (results.length === 0) {
      printMarkdown("No similar tickets.\n");
      return;
    }
    const tickets = new Map(store.tickets(results.map((r) => r.ticketId)).map((t) => [t.id, t]));
    const rows = results.map((r) => {
      const t = tickets.get(r.ticketId);
      return `| ${cell(r.ticketId)} | ${r.score.toFixed(1)} | ${t?.createdAt.slice(0, 10) ?? ""} | ${t?.status ?? ""} | ${cell(t?.subject ?? "")} |`;
    });
    printMarkdown(
      [
        "## Similar tickets",
        "",
        "| Ticket | Score | Created | Status | Subject |",
        "| --- | ---: | --- | --- | --- |",
        ...rows,
        "",
      ].join("\n"),
    );
  } finally {
    store.close();
  }
}

/** Registers the command. */
export function registerSimilar(program: Command): void {
  program
    .command("similar")
    .description("rank stored tickets by how likely they report the same problem as TEXT ('-' reads stdin)")
    .argument("<text>", "the problem, or a pasted ticket; - for standard input")
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--now <iso>", "only tickets created at or before this time (ISO-8601); default: the real time")
    .option("--limit <n>", "how many tickets to list", "10")
    .option("--format <format>", "markdown or json", "markdown")
    .option("--policy <file>", "a team policy YAML merged over the defaults (or $ESCALATE_POLICY)")
    .action((text: string, options: SimilarCommandOptions) => printSimilar(readDescription(text), options));
}
