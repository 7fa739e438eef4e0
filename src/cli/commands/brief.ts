/**
 * `escalate brief DESCRIPTION`: the escalation brief for an issue, from the store.
 */
import type { Command } from "commander";
import { renderJson } from "../../brief/render-json.js";
import { renderMarkdown } from "../../brief/render-markdown.js";
import { UserError } from "../../errors.js";
import { runBrief } from "../../pipeline.js";
import {
  openStoreFor,
  requireWorkspace,
  readStdin,
  readUserConfig,
  resolveFormat,
  resolveNow,
  resolvePolicy,
  resolveReporter,
  type CommonOptions,
} from "../environment.js";
import { printJson, printMarkdown } from "../print.js";

/** Options of `brief`. */
export interface BriefCommandOptions extends CommonOptions {
  customer?: string;
}

/** Reads the description argument ('-' for stdin) and checks it is not empty. */
export function readDescription(value: string): string {
  const text = value === "-" ? readStdin() : value;
  if (!text.trim())
    throw new UserError(
      'description: empty; describe the issue, e.g. "API returning 500 errors for Acme Corp"',
    );
  return text;
}

/** Runs a brief with the CLI's environment and prints it. */
export function printBrief(description: string, options: BriefCommandOptions): void {
  const format = resolveFormat(options.format, ["markdown", "json"] as const, "markdown");
  const now = resolveNow(options.now);
  const config = readUserConfig();
  const policy = resolvePolicy(options, config);
  const store = openStoreFor(options);
  try {
    requireWorkspace(store, options);
    const run = runBrief(
      store,
      { description, customer: options.customer },
      { policy, now, reporter: resolveReporter(config) },
    );
    if (format === "json") printJson(renderJson(run));
    else printMarkdown(renderMarkdown(run.brief));
  } finally {
    store.close();
  }
}

/** Registers the command. */
export function registerBrief(program: Command): void {
  program
    .command("brief")
    .description("write the escalation brief for an issue ('-' reads the description from stdin)")
    .argument("<description>", "what is wrong, in your words; - for standard input")
    .option("--customer <name>", "the customer (name, alias, domain or e-mail)")
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--now <iso>", "fix the clock (ISO-8601); default: the real time")
    .option("--format <format>", "markdown or json", "markdown")
    .option("--policy <file>", "a team policy YAML merged over the defaults (or $ESCALATE_POLICY)")
    .action((description: string, options: BriefCommandOptions) =>
      printBrief(readDescription(description), options),
    );
}
