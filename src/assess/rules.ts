/**
 * POLICY.md sections 2-4 as arrays of small named rules. Each rule reads the facts and returns a
 * reason (rule id + the facts that made it hold) or null. Order matters only where the policy says.
 */
import type { Policy } from "../config/policy.js";
import type { Target } from "../domain/bundle.js";
import type { CueHit } from "../intake/cues.js";
import type { AssessFacts } from "./facts.js";

/** A rule: an id, the group it belongs to, and a check. */
export interface Rule {
  id: string;
  group: "technical" | "complexity" | "impact" | "business" | "time" | "pattern";
  check: (f: AssessFacts, p: Policy) => string | null;
}

const quote = (h: CueHit | undefined): string => (h ? `"${h.sentence}" (${h.source})` : "");
const names = (f: AssessFacts, ids: Iterable<string>) =>
  [...ids].map((id) => f.accounts.get(id)?.name ?? id).join(", ");
const hvChurn = (f: AssessFacts): CueHit | undefined =>
  f.highValue.size > 0
    ? f.cues.churnThreat.find((h) => h.source === "description" || isHighValueSource(f, h.source))
    : undefined;
const isHighValueSource = (f: AssessFacts, ticketId: string): boolean => {
  const r = f.relations.tickets.find((t) => t.item.id === ticketId);
  return r?.accountId !== undefined && f.highValue.has(r.accountId);
};

/** The escalate criteria of POLICY.md section 2. */
export const escalateRules: readonly Rule[] = [
  {
    id: "escalate.technical.confirmed_bug",
    group: "technical",
    check: (f) => f.confirmedBugBy && `confirmed bug: ${f.confirmedBugBy}`,
  },
  {
    id: "escalate.technical.infrastructure",
    group: "technical",
    check: (f) => {
      const h = f.natures.get("outage")?.[0] ?? f.natures.get("performance")?.[0];
      return h ? `infrastructure or performance problem: ${quote(h)}` : null;
    },
  },
  {
    id: "escalate.technical.data_loss",
    group: "technical",
    check: (f) =>
      f.dataAtRisk[0] ? `data lost, corrupted or silently wrong: ${quote(f.dataAtRisk[0])}` : null,
  },
  {
    id: "escalate.complexity.beyond_support",
    group: "complexity",
    check: (f) =>
      f.cues.complexity[0] ? `support cannot diagnose it: ${quote(f.cues.complexity[0])}` : null,
  },
  {
    id: "escalate.complexity.custom_implementation",
    group: "complexity",
    check: (f) =>
      f.cues.customImplementation[0]
        ? `custom implementation involved: ${quote(f.cues.customImplementation[0])}`
        : null,
  },
  {
    id: "escalate.impact.multiple_customers",
    group: "impact",
    check: (f, p) =>
      f.affected.length >= p.impact.multipleCustomersMin
        ? `${f.affected.length} customers affected: ${names(
            f,
            f.affected.map((a) => a.account.id),
          )}`
        : null,
  },
  {
    id: "escalate.impact.production_down",
    group: "impact",
    check: (f) => (f.cues.productionDown[0] ? `production down: ${quote(f.cues.productionDown[0])}` : null),
  },
  {
    id: "escalate.impact.data_integrity",
    group: "impact",
    check: (f) => (f.dataAtRisk[0] ? `data integrity at risk: ${quote(f.dataAtRisk[0])}` : null),
  },
  {
    id: "escalate.impact.security",
    group: "impact",
    check: (f) => (f.securityConcern[0] ? `security concern: ${quote(f.securityConcern[0])}` : null),
  },
  {
    id: "escalate.business.high_value_at_risk",
    group: "business",
    check: (f) => {
      const blockedHv = [...f.blocked.keys()].filter((id) => f.highValue.has(id));
      if (blockedHv[0])
        return `high-value ${names(f, blockedHv)} blocked: ${quote(f.blocked.get(blockedHv[0]))}`;
      const churn = hvChurn(f);
      return churn ? `high-value account threatens to churn: ${quote(churn)}` : null;
    },
  },
  {
    id: "escalate.business.sla",
    group: "business",
    check: (f) => {
      const w = f.sla.worst;
      return w && (f.sla.state === "imminent" || f.sla.state === "breached")
        ? `SLA ${f.sla.state}: ${w.ticketId} at ${w.elapsed.toFixed(0)}h of ${w.resolution}h (${w.ratio.toFixed(2)})`
        : null;
    },
  },
  {
    id: "escalate.business.exec_request",
    group: "business",
    check: (f) =>
      f.cues.execRequest[0] ? `executive involvement requested: ${quote(f.cues.execRequest[0])}` : null,
  },
  {
    id: "escalate.business.legal_pr_risk",
    group: "business",
    check: (f) => {
      const h = f.cues.legalRisk[0] ?? f.cues.prRisk[0];
      return h ? `${f.cues.legalRisk[0] ? "legal" : "PR"} risk: ${quote(h)}` : null;
    },
  },
  {
    id: "escalate.business.policy_exception",
    group: "business",
    check: (f) =>
      f.cues.policyException[0] ? `exception to policy requested: ${quote(f.cues.policyException[0])}` : null,
  },
  {
    id: "escalate.time.no_progress",
    group: "time",
    check: (f, p) =>
      f.noProgress
        ? `${f.noProgress.ticketId} open ${(f.noProgress.ageHours / 24).toFixed(1)} days (> ${p.time.staleOpenDays}) with ${f.noProgress.sinceReplyHours === null ? "no public agent reply" : `no public agent reply for ${f.noProgress.sinceReplyHours.toFixed(0)}h`}`
        : null,
  },
  {
    id: "escalate.pattern.multiple_customers",
    group: "pattern",
    check: (f, p) =>
      f.patternAccounts.length >= p.pattern.minAccounts
        ? `${f.patternAccounts.length} customers reported it in the last ${p.pattern.windowDays} days: ${names(f, f.patternAccounts)}`
        : null,
  },
  {
    id: "escalate.pattern.recurring",
    group: "pattern",
    check: (f) => (f.recurring ? `recurring after a fix: ${f.recurring.by}` : null),
  },
  {
    id: "escalate.pattern.rising",
    group: "pattern",
    check: (f) => (f.rising ? `severity rising: ${f.rising}` : null),
  },
];

/** The handle-in-support conditions of POLICY.md section 2. */
export const supportRules: ReadonlyArray<{ id: string; check: (f: AssessFacts) => string | null }> = [
  {
    id: "support.known_workaround",
    check: (f) =>
      f.workarounds[0]
        ? `documented ${f.workarounds[0].kind} ${f.workarounds[0].id}: ${f.workarounds[0].title}`
        : null,
  },
  {
    id: "support.documented_solution",
    check: (f) =>
      f.documentation[0] ? `documented in ${f.documentation[0].id}: ${f.documentation[0].title}` : null,
  },
  {
    id: "support.configuration_or_how_to",
    check: (f) => {
      const natures = [...f.natures.keys()];
      return natures.length > 0 && natures.every((n) => n === "configuration" || n === "how_to")
        ? `the issue is only ${natures.join(" and ").replace("_", "-")}`
        : null;
    },
  },
  {
    id: "support.previously_solved",
    check: (f) =>
      f.solvedAtSupport.length > 0 && f.relations.trackerIssues.length === 0
        ? `similar tickets were solved by support without a tracker issue: ${f.solvedAtSupport.join(", ")}`
        : null,
  },
];

/** A target rule: the first that holds wins (POLICY.md section 3). */
export interface TargetRule {
  id: string;
  target: Target;
  check: (f: AssessFacts, p: Policy) => string | null;
}

const engineeringCheck = (f: AssessFacts): string | null => {
  if (f.confirmedBugBy) return `confirmed bug: ${f.confirmedBugBy}`;
  const h = f.natures.get("outage")?.[0] ?? f.dataAtRisk[0] ?? f.natures.get("performance")?.[0];
  return h ? `${h.cue.replace("_", " ")}: ${quote(h)}` : null;
};
const productCheck = (f: AssessFacts): string | null => {
  if (f.designDecisionBy) return `design decision needed: ${f.designDecisionBy}`;
  const h = f.natures.get("feature_gap")?.[0];
  return h ? `feature gap: ${quote(h)}` : null;
};

/** Target rules in policy order. */
export const targetRules: readonly TargetRule[] = [
  {
    id: "target.security",
    target: "Security",
    check: (f) =>
      f.securityConcern[0]
        ? `potential data exposure, unauthorized access or a vulnerability: ${quote(f.securityConcern[0])}`
        : null,
  },
  {
    id: "target.leadership",
    target: "Leadership",
    check: (f) => {
      const churn = hvChurn(f);
      if (churn) return `high-value account threatens to churn: ${quote(churn)}`;
      const w = f.sla.worst;
      if (f.sla.state === "breached" && w && f.highValue.has(w.accountId)) {
        return `SLA breached on high-value ${f.accounts.get(w.accountId)?.name}: ${w.ticketId} at ${w.elapsed.toFixed(0)}h of ${w.resolution}h`;
      }
      const legal = f.cues.legalRisk[0] ?? f.cues.prRisk[0];
      if (legal) return `${f.cues.legalRisk[0] ? "legal" : "PR"} risk: ${quote(legal)}`;
      if (f.cues.execRequest[0]) return `executive involvement requested: ${quote(f.cues.execRequest[0])}`;
      if (f.cues.policyException[0])
        return `exception to policy requested: ${quote(f.cues.policyException[0])}`;
      return null;
    },
  },
  { id: "target.engineering", target: "Engineering", check: engineeringCheck },
  { id: "target.product", target: "Product", check: productCheck },
  {
    id: "target.l2_support",
    target: "L2 Support",
    check: () => "needs deeper investigation or specialised product knowledge; no bug is confirmed yet",
  },
];

/** Who else to notify when a target wins (the team that owns the fix). */
export function alsoNotifyFor(target: Target, f: AssessFacts): Target[] {
  const out: Target[] = [];
  if (target === "Leadership" || target === "Security") {
    if (engineeringCheck(f)) out.push("Engineering");
    else if (productCheck(f)) out.push("Product");
  }
  if (target === "Security" && (f.cues.legalRisk[0] ?? f.cues.prRisk[0] ?? f.cues.execRequest[0]))
    out.push("Leadership");
  return out;
}

/** Critical conditions (POLICY.md section 4). */
export const criticalRules: readonly Rule[] = [
  {
    id: "severity.critical.production_down",
    group: "impact",
    check: (f) => (f.cues.productionDown[0] ? `production down: ${quote(f.cues.productionDown[0])}` : null),
  },
  {
    id: "severity.critical.data_at_risk",
    group: "impact",
    check: (f) => (f.dataAtRisk[0] ? `data at risk: ${quote(f.dataAtRisk[0])}` : null),
  },
  {
    id: "severity.critical.security_exposure",
    group: "impact",
    check: (f) =>
      f.securityExposure[0] ? `security breach or exposure: ${quote(f.securityExposure[0])}` : null,
  },
  {
    id: "severity.critical.high_value_blocked",
    group: "business",
    check: (f, p) => {
      const ids = [...f.blocked.keys()].filter((id) => f.highValue.has(id));
      return ids.length >= p.impact.criticalHighValueBlocked
        ? `${ids.length} high-value accounts blocked: ${names(f, ids)}`
        : null;
    },
  },
];

/** High conditions (POLICY.md section 4). */
export const highRules: readonly Rule[] = [
  {
    id: "severity.high.major_functionality_broken",
    group: "impact",
    check: (f) => (f.majorBroken ? `major functionality broken: ${f.majorBroken}` : null),
  },
  {
    id: "severity.high.high_value_blocked",
    group: "business",
    check: (f) => {
      const id = [...f.blocked.keys()].find((x) => f.highValue.has(x));
      return id ? `high-value ${f.accounts.get(id)?.name} blocked: ${quote(f.blocked.get(id))}` : null;
    },
  },
  {
    id: "severity.high.sla",
    group: "business",
    check: (f) =>
      f.sla.state === "imminent" || f.sla.state === "breached"
        ? `SLA ${f.sla.state} (${f.sla.worst?.ticketId}, ${f.sla.worst?.ratio.toFixed(2)} of resolution time)`
        : null,
  },
  {
    id: "severity.high.high_value_churn",
    group: "business",
    check: (f) => {
      const h = hvChurn(f);
      return h ? `high-value churn threat: ${quote(h)}` : null;
    },
  },
  {
    id: "severity.high.pattern",
    group: "pattern",
    check: (f, p) =>
      f.patternAccounts.length >= p.pattern.minAccounts
        ? `pattern of ${f.patternAccounts.length} customers`
        : null,
  },
];
