/**
 * `escalate draft-update`: a customer-facing update (interim, status or resolution) written from
 * the escalation's customer-safe state, in the severity's tone (the policy's `customerUpdates.tone`,
 * which a team's policy file may reword), times in the team's time zone, masked. It prints a draft
 * and records nothing: once sent, `escalate update ID --audience customer` restarts the clock.
 * Declares the command only; draft-update-run.ts does the work and loads when the command runs.
 */
import type { Command } from "commander";
import type { CommonOptions } from "../environment.js";

/** Options of `draft-update`. */
export interface DraftUpdateCommandOptions extends CommonOptions {
  kind?: string;
  includeRootCause?: boolean;
}

/** Registers `draft-update`. */
export function registerDraftUpdate(program: Command): void {
  program
    .command("draft-update")
    .description(
      "draft a customer-facing update (what we know, what we are doing, when they hear next) from the escalation's " +
        "customer-safe state, in the severity's tone; internal notes never appear, secrets are masked; records nothing",
    )
    .argument("<id>", "escalation id, e.g. ESC-2026-0001")
    .option(
      "--kind <kind>",
      "interim, status or resolution (resolution: resolved or de-escalated escalations)",
    )
    .option(
      "--include-root-cause",
      "resolution: quote the recorded root cause verbatim (default: a generic sentence)",
    )
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--now <iso>", "fix the clock (ISO-8601); default: the real time")
    .option("--format <format>", "markdown (subject and text) or json", "markdown")
    .option(
      "--policy <file>",
      "a team policy YAML merged over the defaults (or $ESCALATE_POLICY); `customerUpdates.tone` holds the wording",
    )
    .action(async (id: string, options: DraftUpdateCommandOptions) => {
      const { draftUpdateCommand } = await import("./draft-update-run.js");
      draftUpdateCommand(id, options);
    });
}
