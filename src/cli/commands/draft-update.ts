/**
 * `escalate draft-update`: a customer-facing update (interim, status or resolution) written from
 * the escalation's customer-safe state, in the severity's tone (the policy's `customerUpdates.tone`,
 * which a team's policy file may reword), times in the team's time zone, masked. It prints a draft
 * and records nothing: once sent, `escalate update ID --audience customer` restarts the clock.
 */
import type { Command } from "commander";
import { UserError } from "../../errors.js";
import {
  composeCustomerUpdate,
  customerFacts,
  customerUpdateKinds,
  type CustomerUpdateKind,
} from "../../lifecycle/customer-update.js";
import { normalizeEscalationId } from "../../lifecycle/escalation.js";
import { escalationStore } from "../../store/escalation-store.js";
import {
  openStoreFor,
  resolveFormat,
  resolveNow,
  resolvePolicy,
  type CommonOptions,
} from "../environment.js";
import { printJson, printMarkdown } from "../print.js";

/** Options of `draft-update`. */
export interface DraftUpdateCommandOptions extends CommonOptions {
  kind?: string;
  includeRootCause?: boolean;
}

const FORMATS = ["markdown", "json"] as const;

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
    .action((id: string, options: DraftUpdateCommandOptions) => draftUpdateCommand(id, options));
}

function draftUpdateCommand(id: string, options: DraftUpdateCommandOptions): void {
  const format = resolveFormat(options.format, FORMATS, "markdown");
  const kind = parseKind(options.kind);
  const now = resolveNow(options.now);
  const { tone } = resolvePolicy(options).customerUpdates;
  const store = openStoreFor(options);
  try {
    const escalations = escalationStore(store);
    const normalized = normalizeEscalationId(id);
    const state = escalations.get(normalized);
    if (!state) throw new UserError(`escalation ${normalized}: not found; see \`escalate list\``);
    const names = new Map(store.accounts().map((a) => [a.id, a.name]));
    const facts = customerFacts(
      state,
      escalations.events(state.id),
      state.accountIds.map((a) => names.get(a) ?? a),
    );
    const result = composeCustomerUpdate(facts, {
      kind,
      now,
      tone,
      includeRootCause: Boolean(options.includeRootCause),
    });
    if (!result.ok) throw new UserError(result.message);
    const { draft } = result;
    if (format === "json") {
      printJson({
        id: state.id,
        kind: draft.kind,
        audience: "customer",
        status: state.status,
        severity: state.severity,
        subject: draft.subject,
        body: draft.body,
        nextUpdateAt: draft.nextUpdateAt.toISOString(),
        rootCauseIncluded: draft.rootCauseIncluded,
      });
      return;
    }
    printMarkdown(`Subject: ${draft.subject}\n\n${draft.body}`);
  } finally {
    store.close();
  }
}

function parseKind(value: string | undefined): CustomerUpdateKind {
  const kind = customerUpdateKinds.find((k) => k === value?.trim().toLowerCase());
  if (!kind) {
    throw new UserError(
      value === undefined
        ? "--kind: required; interim, status or resolution"
        : `--kind: expected interim, status or resolution, got "${value}"`,
    );
  }
  return kind;
}
