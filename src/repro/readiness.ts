/**
 * How ready a brief is to send, scored against the practice's "Escalation Best Practices":
 * quantified impact, reproduction steps for bugs, a clear ask, a deadline, ownership of the
 * customer relationship and a documented trail. Weights are data (`READINESS_CRITERIA`).
 */
import type { ReproCheck } from "./rules.js";

/** What the readiness score looks at. */
export interface ReadinessInput {
  isBug: boolean;
  /** `checkReproduction` results, or null when no reproduction was built. */
  reproChecks: ReproCheck[] | null;
  /** Customers affected and ARR at risk are both known. */
  impactQuantified: boolean;
  hasSpecificAsk: boolean;
  hasDeadline: boolean;
  hasCustomerCommunication: boolean;
  hasEvidence: boolean;
}

/** The score (0–100) and what to keep or fix. */
export interface Readiness {
  score: number;
  strengths: string[];
  improvements: string[];
}

/** The criteria. */
export type ReadinessCriterionId =
  "impact" | "reproduction" | "ask" | "deadline" | "customer_communication" | "evidence";

/** One criterion: its weight, which best practice it comes from, and the lines it contributes. */
export interface ReadinessCriterion {
  id: ReadinessCriterionId;
  weight: number;
  /** The practice's best-practice number. */
  practice: number;
  /** Counted only for bugs (a feature request has nothing to reproduce). */
  bugsOnly: boolean;
  strength: string;
  improvement: string;
}

/**
 * Weights sum to 100 for a bug. The reproduction is the heaviest ("the #1 thing engineering
 * needs"): a bug brief without one cannot score above 65. For other issues the bug-only weight
 * is left out and the rest is scaled back to 100.
 */
export const READINESS_CRITERIA: readonly ReadinessCriterion[] = [
  {
    id: "impact",
    weight: 20,
    practice: 1,
    bugsOnly: false,
    strength: "Impact is quantified: customers affected and ARR at risk",
    improvement: "Quantify impact: how many customers are affected and the ARR at risk (best practice 1)",
  },
  {
    id: "reproduction",
    weight: 35,
    practice: 2,
    bugsOnly: true,
    strength: "Reproduction follows all seven rules",
    improvement: "Add reproduction steps: the #1 thing engineering needs for a bug (best practice 2)",
  },
  {
    id: "ask",
    weight: 15,
    practice: 3,
    bugsOnly: false,
    strength: "States a specific ask (investigate, fix or decide)",
    improvement: 'Be clear about what you need: "investigate", "fix" or "decide" (best practice 3)',
  },
  {
    id: "deadline",
    weight: 10,
    practice: 4,
    bugsOnly: false,
    strength: "Sets a deadline",
    improvement: "Set and communicate a deadline: urgency without one is ambiguous (best practice 4)",
  },
  {
    id: "customer_communication",
    weight: 10,
    practice: 5,
    bugsOnly: false,
    strength: "Records the last customer update and what they expect",
    improvement: "Keep ownership of the customer: record the last update and the next one (best practice 5)",
  },
  {
    id: "evidence",
    weight: 10,
    practice: 7,
    bugsOnly: false,
    strength: "Links supporting evidence (tickets, logs, errors)",
    improvement: "Document everything: link related tickets, logs and error text (best practice 7)",
  },
];

/** Optional replacement criteria. */
export interface ReadinessOptions {
  criteria?: readonly ReadinessCriterion[];
}

/** Share of a criterion earned, 0..1. */
const credit = (id: ReadinessCriterionId, input: ReadinessInput): number => {
  switch (id) {
    case "impact":
      return input.impactQuantified ? 1 : 0;
    case "reproduction": {
      const checks = input.reproChecks ?? [];
      return checks.length === 0 ? 0 : checks.filter((c) => c.ok).length / checks.length;
    }
    case "ask":
      return input.hasSpecificAsk ? 1 : 0;
    case "deadline":
      return input.hasDeadline ? 1 : 0;
    case "customer_communication":
      return input.hasCustomerCommunication ? 1 : 0;
    case "evidence":
      return input.hasEvidence ? 1 : 0;
  }
};

const reproLines = (
  checks: readonly ReproCheck[],
  criterion: ReadinessCriterion,
): { strength?: string; improvement?: string } => {
  const passed = checks.filter((c) => c.ok);
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) return { strength: criterion.strength };
  const list = failed.map((c) => c.title.toLowerCase()).join("; ");
  if (passed.length === 0) return { improvement: `${criterion.improvement} — missing: ${list}` };
  return {
    strength: `Reproduction covers ${passed.length} of ${checks.length} practice rules`,
    improvement: `Complete the reproduction (best practice ${criterion.practice}): ${list}`,
  };
};

/** Scores a brief's readiness (0–100) and lists strengths and improvements, heaviest first. */
export function assessReadiness(input: ReadinessInput, options: ReadinessOptions = {}): Readiness {
  const criteria = (options.criteria ?? READINESS_CRITERIA).filter((c) => input.isBug || !c.bugsOnly);
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  let earned = 0;
  const strengths: string[] = [];
  const improvements: string[] = [];
  for (const c of [...criteria].sort((a, b) => b.weight - a.weight)) {
    const share = credit(c.id, input);
    earned += c.weight * share;
    if (c.id === "reproduction" && input.reproChecks !== null && input.reproChecks.length > 0) {
      const lines = reproLines(input.reproChecks, c);
      if (lines.strength !== undefined) strengths.push(lines.strength);
      if (lines.improvement !== undefined) improvements.push(lines.improvement);
    } else if (share >= 1) {
      strengths.push(c.strength);
    } else {
      improvements.push(c.improvement);
    }
  }
  return { score: total === 0 ? 0 : Math.round((100 * earned) / total), strengths, improvements };
}
