/**
 * The escalation lifecycle commands (CONTRACT.md "Escalation lifecycle"): open, list, show,
 * update, severity, due, deescalate, task, resolve. State lives in the store as append-only events.
 * Declares the commands only; lifecycle-run.ts does the work and loads when one of them runs.
 */
import type { Command } from "commander";
import type { CommonOptions } from "../environment.js";

/** Options of `open`. */
export interface OpenCommandOptions extends CommonOptions {
  customer?: string;
  force?: boolean;
}

/** Options of `list`. */
export interface ListCommandOptions extends CommonOptions {
  status?: string;
}

/** Options of `update`. */
export interface UpdateCommandOptions extends CommonOptions {
  note?: string;
  audience?: string;
}

/** Options of `severity`. */
export interface SeverityCommandOptions extends CommonOptions {
  because?: string;
}

/** Options of `deescalate`. */
export interface DeescalateCommandOptions extends CommonOptions {
  reason?: string;
}

/** Options of `task`. */
export interface TaskCommandOptions extends CommonOptions {
  done?: boolean;
  note?: string;
}

/** Options of `resolve`. */
export interface ResolveCommandOptions extends CommonOptions {
  rootCause?: string;
  learnings?: string;
}

const DB_HELP = "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)";
const NOW_HELP = "fix the clock (ISO-8601); default: the real time";
// what the commands do, loaded when one of them runs
const lifecycle = () => import("./lifecycle-run.js");

/** Registers the lifecycle commands. */
export function registerLifecycle(program: Command): void {
  program
    .command("open")
    .description("assess an issue like `brief`, store it as an escalation with its brief, and print its id")
    .argument("<description>", "what is wrong, in your words; - for standard input")
    .option("--customer <name>", "the customer (name, alias, domain or e-mail)")
    .option(
      "--force",
      "open it even when the policy says handle in support (severity Medium, target L2 Support)",
    )
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", NOW_HELP)
    .option("--format <format>", "markdown (the id line) or json", "markdown")
    .option("--policy <file>", "a team policy YAML merged over the defaults (or $ESCALATE_POLICY)")
    .action(async (description: string, options: OpenCommandOptions) =>
      (await lifecycle()).openCommand(description, options),
    );

  program
    .command("list")
    .description("list escalations, oldest first")
    .option("--status <status>", "open, deescalated, resolved or all", "open")
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", NOW_HELP)
    .option("--format <format>", "markdown or json", "markdown")
    .action(async (options: ListCommandOptions) => (await lifecycle()).listCommand(options));

  program
    .command("show")
    .description("the stored brief, the timeline, the next follow-ups and the de-escalation checklist")
    .argument("<id>", "escalation id, e.g. ESC-2026-0001")
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", `${NOW_HELP} (marks what is due or overdue)`)
    .option("--format <format>", "markdown or json", "markdown")
    .action(async (id: string, options: CommonOptions) => (await lifecycle()).showCommand(id, options));

  program
    .command("update")
    .description("record a follow-up to one audience; restarts that audience's follow-up clock")
    .argument("<id>", "escalation id")
    .option("--note <text>", "what was said (required)")
    .option("--audience <audience>", "internal or customer", "internal")
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", NOW_HELP)
    .option("--format <format>", "markdown (a confirmation) or json (the escalation, as `show`)", "markdown")
    .action(async (id: string, options: UpdateCommandOptions) =>
      (await lifecycle()).updateCommand(id, options),
    );

  program
    .command("severity")
    .description("change the severity; the follow-up clocks are kept, the intervals change")
    .argument("<id>", "escalation id")
    .argument("<severity>", "Critical, High or Medium")
    .option("--because <text>", "why it changed (required)")
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", NOW_HELP)
    .option("--format <format>", "markdown (a confirmation) or json (the escalation, as `show`)", "markdown")
    .action(async (id: string, level: string, options: SeverityCommandOptions) =>
      (await lifecycle()).severityCommand(id, level, options),
    );

  program
    .command("due")
    .description("follow-ups due at --now (internal and customer), earliest first; overdue ones marked")
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", NOW_HELP)
    .option("--format <format>", "markdown or json", "markdown")
    .action(async (options: CommonOptions) => (await lifecycle()).dueCommand(options));

  program
    .command("deescalate")
    .description(
      "hand the escalation back to support: never due again; creates the practice's four de-escalation tasks " +
        "(notify-team, update-ticket, inform-customer, document-learnings; mark each with `escalate task ID TASK --done`)",
    )
    .argument("<id>", "escalation id")
    .option("--reason <text>", "why (required), e.g. a workaround unblocks the customer")
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", NOW_HELP)
    .option("--format <format>", "markdown (a confirmation) or json (the escalation, as `show`)", "markdown")
    .action(async (id: string, options: DeescalateCommandOptions) =>
      (await lifecycle()).deescalateCommand(id, options),
    );

  program
    .command("task")
    .description(
      "mark a de-escalation task done: notify-team (1), update-ticket (2), inform-customer (3), document-learnings (4)",
    )
    .argument("<id>", "escalation id")
    .argument("<task>", "notify-team, update-ticket, inform-customer or document-learnings (or 1-4)")
    .option("--done", "mark it done (required)")
    .option("--note <text>", "an optional note, e.g. where the learnings were written down")
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", NOW_HELP)
    .option("--format <format>", "markdown (a confirmation) or json (the escalation, as `show`)", "markdown")
    .action(async (id: string, name: string, options: TaskCommandOptions) =>
      (await lifecycle()).taskCommand(id, name, options),
    );

  program
    .command("resolve")
    .description("close the escalation with its root cause; never due again")
    .argument("<id>", "escalation id")
    .option("--root-cause <text>", "what caused it (required)")
    .option("--learnings <text>", "what was learned, for future reference")
    .option("--db <path>", DB_HELP)
    .option("--now <iso>", NOW_HELP)
    .option("--format <format>", "markdown (a confirmation) or json (the escalation, as `show`)", "markdown")
    .action(async (id: string, options: ResolveCommandOptions) =>
      (await lifecycle()).resolveCommand(id, options),
    );
}
