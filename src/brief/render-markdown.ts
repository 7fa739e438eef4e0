/**
 * Renders a brief as Markdown, in the practice's exact sections and field names, then what the
 * product adds (reasons, follow-up, what to complete, readiness, next steps).
 */
import type { Brief } from "./compose.js";

/** The brief as Markdown. */
export function renderMarkdown(brief: Brief): string {
  const lines: string[] = [];
  const push = (...xs: string[]) => lines.push(...xs);
  const isEscalation = brief.kind === "escalation";
  push(isEscalation ? `## ESCALATION: ${brief.title}` : `## HANDLE IN SUPPORT: ${brief.title}`, "");
  push(`**Severity:** ${brief.severity ?? "None — handle in support (no escalate criterion holds)"}`);
  push(
    `**Target team:** ${brief.target ?? "Support (keep it at this tier)"}${brief.alsoNotify.length ? ` (also notify: ${brief.alsoNotify.join(", ")})` : ""}`,
  );
  push(`**Reported by:** ${brief.reportedBy}`);
  push(`**Date:** ${brief.date}`, "");
  push("### Impact");
  push(`- **Customers affected:** ${brief.impact.customersAffected}`);
  push(`- **Workflow impact:** ${brief.impact.workflowImpact}`);
  push(`- **Revenue at risk:** ${brief.impact.revenueAtRisk}`);
  push(`- **Time in queue:** ${brief.impact.timeInQueue}`, "");
  push("### Issue Description", brief.description, "");
  push("### What's Been Tried");
  if (brief.tried.length === 0)
    push("1. Nothing recorded in the matching tickets — the ticket assignee can fill this in");
  brief.tried.forEach((t, i) => push(`${i + 1}. ${t}`));
  push("");
  push("### Reproduction Steps");
  const r = brief.repro.reproduction;
  if (!brief.repro.applicable || !r) push(brief.repro.note ?? "Not applicable");
  else {
    if (r.startingState) push(`Starting state: ${r.startingState.text} (${r.startingState.source})`);
    if (r.steps.length === 0)
      push('1. No step-by-step reproduction is recorded yet — see "To complete before sending"');
    r.steps.forEach((s, i) => push(`${i + 1}. ${s.text} (${s.source})`));
    push(
      `Expected: ${r.expected ? `${r.expected.text} (${r.expected.source})` : "not stated — the reporter should add it"}`,
    );
    push(
      `Actual: ${r.actual ? `${r.actual.text} (${r.actual.source})` : "not stated — the reporter should add it"}`,
    );
    push(
      `Environment: ${r.environment.length ? r.environment.map((e) => `${e.text} [${e.kind}]`).join("; ") : "not stated — add plan, browser/OS, version"}`,
    );
    if (r.frequency)
      push(
        `Frequency: ${r.frequency.pattern}${r.frequency.rate ? ` (${r.frequency.rate})` : ""} — "${r.frequency.text}" (${r.frequency.source})`,
      );
    if (r.evidence.length)
      push(`Evidence: ${r.evidence.map((e) => `\`${e.text}\` (${e.source})`).join("; ")}`);
    if (r.ruledOut.length) push(`Ruled out: ${r.ruledOut.map((e) => `${e.text} (${e.source})`).join("; ")}`);
  }
  push("");
  push("### Customer Communication");
  push(`- **Last update to customer:** ${brief.communication.lastUpdate}`);
  push(`- **Customer expectation:** ${brief.communication.expectation}`);
  push(`- **Escalation risk:** ${brief.communication.risk}`, "");
  push("### What's Needed");
  for (const ask of brief.needed.asks) push(`- ${ask}`);
  push(`- **Deadline:** ${brief.needed.deadline}`, "");
  push("### Supporting Context");
  if (brief.supporting.length === 0)
    push("- No related tickets, tracker issues, chat or documentation found");
  for (const s of brief.supporting) push(`- ${s}`);
  push("");
  push("### Why this assessment");
  for (const reason of brief.reasons) push(`- \`${reason.rule}\`: ${reason.detail}`);
  if (brief.followUp) push("", "### Follow-up cadence", `${brief.followUp.text}.`);
  if (brief.toComplete.length) {
    push("", "### To complete before sending");
    for (const t of brief.toComplete) push(`- ${t}`);
  }
  push("", `### Readiness: ${brief.readiness.score}/100`);
  for (const s of brief.readiness.improvements) push(`- Stronger with: ${s}`);
  push("", "---");
  for (const s of brief.nextSteps) push(`- ${s}`);
  return `${lines.join("\n")}\n`;
}
