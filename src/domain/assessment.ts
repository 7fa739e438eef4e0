/**
 * The assessment: what the policy concluded about an issue, and why.
 */
import type { Nature } from "../config/policy.js";
import type { Severity, Target } from "./bundle.js";

/** One reason: the rule that fired and the facts that made it fire. */
export interface Reason {
  rule: string;
  detail: string;
}

/** SLA state of the worst matching open ticket (POLICY.md section 1). */
export type SlaState = "ok" | "imminent" | "breached" | "unknown";

/** The quantified impact. */
export interface Impact {
  customersAffected: number | null;
  accountIds: string[];
  arrAtRisk: number | null;
  pendingDeals: number | null;
  timeInQueueHours: number | null;
  sla: SlaState;
}

/** The decision of POLICY.md section 2. */
export type Decision = "escalate" | "handle_in_support";

/** The whole assessment. */
export interface Assessment {
  decision: Decision;
  severity: Severity | null;
  target: Target | null;
  alsoNotify: Target[];
  nature: Nature[];
  impact: Impact;
  pattern: { matchingAccounts: number; recurring: boolean; rising: boolean };
  reasons: Reason[];
}
