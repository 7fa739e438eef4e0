/**
 * The `--format json` object of CONTRACT.md: the required keys, then more.
 */
import type { BriefRun } from "../pipeline.js";
import { renderMarkdown } from "./render-markdown.js";

/** The JSON object of a brief run. */
export function renderJson(run: BriefRun): Record<string, unknown> {
  const { assessment: a, facts: f, brief } = run;
  return {
    decision: a.decision,
    severity: a.severity,
    target: a.target,
    alsoNotify: a.alsoNotify,
    nature: a.nature,
    impact: a.impact,
    pattern: {
      matchingAccounts: a.pattern.matchingAccounts,
      recurring: a.pattern.recurring,
      rising: a.pattern.rising,
    },
    reasons: a.reasons,
    relatedTickets: f.relations.tickets.map((t) => t.item.id),
    relatedTrackerIssues: f.relations.trackerIssues.map((t) => t.item.key),
    // CONTRACT.md: "ids of matching KB articles": the workarounds first, then the how-to articles
    // that document the answer (only the former lower severity, POLICY.md section 4)
    workarounds: [...f.workarounds, ...f.documentation].map((k) => k.id),
    documentation: f.documentation.map((k) => k.id),
    relatedChat: f.relations.chatMessages.map((c) => c.item.id ?? null),
    pastEscalations: f.relations.pastEscalations.map((e) => e.item.id),
    followUp: brief.followUp
      ? {
          internalEveryHours: brief.followUp.internalEveryHours,
          customerUpdateEveryHours: brief.followUp.customerUpdateEveryHours,
        }
      : null,
    readiness: brief.readiness,
    toComplete: brief.toComplete,
    customers: run.issue.customers,
    unresolvedCustomer: run.issue.unresolvedCustomer,
    segment: run.issue.segment,
    markdown: renderMarkdown(brief),
  };
}
