/**
 * The "Reproduction Steps" section and the brief's readiness: built from the related tickets by
 * the repro core, checked against the practice's seven rules.
 */
import type { AssessFacts } from "../assess/facts.js";
import type { Assessment } from "../domain/assessment.js";
import type { Ticket } from "../domain/bundle.js";
import type { IssueFacts } from "../intake/intake.js";
import { buildReproduction } from "../repro/extract.js";
import { assessReadiness } from "../repro/readiness.js";
import { checkReproduction, missingForRepro } from "../repro/rules.js";
import type { Reproduction } from "../repro/types.js";

/** The section as the brief shows it. */
export interface ReproSection {
  applicable: boolean;
  note: string | null;
  reproduction: Reproduction | null;
  checks: ReturnType<typeof checkReproduction>;
  missing: string[];
  readiness: (brief: {
    needed: { asks: string[]; deadline: string };
    impact: { customersAffected: string; revenueAtRisk: string };
    communication: { lastUpdate: string };
  }) => { score: number; strengths: string[]; improvements: string[] };
}

const DEFECT_NATURES = ["outage", "data_integrity", "performance"] as const;

/** A defect to reproduce: a confirmed bug, a technical failure, or bug language that is not a feature request. */
function isDefect(facts: AssessFacts): boolean {
  if (facts.designDecisionBy) return false;
  if (facts.confirmedBugBy || DEFECT_NATURES.some((n) => facts.natures.has(n))) return true;
  return facts.natures.has("bug") && !facts.natures.has("feature_gap");
}

/** Builds the repro section for the issue. */
export function composeRepro(input: {
  issue: IssueFacts;
  facts: AssessFacts;
  assessment: Assessment;
  primary: Ticket | undefined;
}): ReproSection {
  const { issue, facts } = input;
  // a reproduction is for the team an issue is escalated to; support keeps the rest
  const isBug = isDefect(facts) && input.assessment.decision === "escalate";
  const tickets = facts.relations.tickets.map((r) => r.item);
  const reproduction = isBug
    ? buildReproduction({
        description: issue.description,
        tickets,
        accounts: facts.affected.map((a) => a.account),
      })
    : null;
  const checks = reproduction ? checkReproduction(reproduction) : [];
  const missing = reproduction ? missingForRepro(reproduction).map((m) => `Reproduction — ${m}`) : [];
  const note = isBug
    ? null
    : input.assessment.decision !== "escalate"
      ? "Not needed: support resolves this with the documented answer below"
      : `Not applicable: the issue is ${[...facts.natures.keys()].join(", ").replaceAll("_", " ") || "not a defect"}${facts.designDecisionBy ? " (behaviour as designed)" : ""}, not a bug to reproduce`;
  return {
    applicable: isBug,
    note,
    reproduction,
    checks,
    missing,
    readiness: (brief) =>
      assessReadiness({
        isBug,
        reproChecks: reproduction ? checks : null,
        impactQuantified:
          !brief.impact.customersAffected.startsWith("Unknown") &&
          !brief.impact.revenueAtRisk.startsWith("Unknown"),
        hasSpecificAsk: brief.needed.asks.length > 0,
        hasDeadline: !brief.needed.deadline.startsWith("None"),
        hasCustomerCommunication: !brief.communication.lastUpdate.startsWith("No public"),
        hasEvidence: (reproduction?.evidence.length ?? 0) > 0 || facts.relations.tickets.length > 0,
      }),
  };
}
