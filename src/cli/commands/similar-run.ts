/**
 * What `escalate similar` does (similar.ts declares it): ranks the stored tickets and prints them.
 */
import { UserError } from "../../errors.js";
import { findSimilar } from "../../gather/similar.js";
import {
  openStoreFor,
  parseLimit,
  readDescription,
  readUserConfig,
  resolveDbPath,
  resolveFormat,
  resolveNow,
  resolvePolicy,
} from "../environment.js";
import { printJson, printMarkdown } from "../print.js";
import type { SimilarCommandOptions } from "./similar.js";

/** Runs `similar` with commander's arguments. */
export function similarCommand(text: string, options: SimilarCommandOptions): void {
  printSimilar(readDescription(text), options);
}

const cell = (text: string) => text.replace(/\s+/g, " ").replaceAll("|", "\\|").trim();

/** Runs `similar` with the CLI's environment and prints the result. */
function printSimilar(text: string, options: SimilarCommandOptions): void {
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
