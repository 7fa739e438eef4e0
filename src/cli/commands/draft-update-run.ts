/**
 * What `escalate draft-update` does (draft-update.ts declares it): composes the customer update
 * from the stored escalation and prints it; records nothing.
 */
import { UserError } from "../../errors.js";
import {
  composeCustomerUpdate,
  customerFacts,
  customerUpdateKinds,
  type CustomerUpdateKind,
} from "../../lifecycle/customer-update.js";
import { normalizeEscalationId } from "../../lifecycle/escalation.js";
import { escalationStore } from "../../store/escalation-store.js";
import { openStoreFor, resolveFormat, resolveNow, resolvePolicy } from "../environment.js";
import { printJson, printMarkdown } from "../print.js";
import type { DraftUpdateCommandOptions } from "./draft-update.js";

const FORMATS = ["markdown", "json"] as const;

/** Runs `draft-update` with commander's arguments. */
export function draftUpdateCommand(id: string, options: DraftUpdateCommandOptions): void {
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
