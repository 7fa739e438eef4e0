/**
 * What `escalate brief` does (brief.ts declares it): runs the pipeline over the store and prints
 * the brief.
 */
import { renderJson } from "../../brief/render-json.js";
import { renderMarkdown } from "../../brief/render-markdown.js";
import { runBrief } from "../../pipeline.js";
import {
  openStoreFor,
  readDescription,
  readUserConfig,
  requireWorkspace,
  resolveFormat,
  resolveNow,
  resolvePolicy,
  resolveReporter,
} from "../environment.js";
import { printJson, printMarkdown } from "../print.js";
import type { BriefCommandOptions } from "./brief.js";

/** Runs `brief` with commander's arguments. */
export function briefCommand(description: string, options: BriefCommandOptions): void {
  printBrief(readDescription(description), options);
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
