/**
 * Assess: facts -> decision, target, severity, impact and reasons, exactly per POLICY.md.
 */
import type { Policy } from "../config/policy.js";
import type { Assessment, Reason } from "../domain/assessment.js";
import type { Severity, Target } from "../domain/bundle.js";
import type { AssessFacts } from "./facts.js";
import {
  alsoNotifyFor,
  criticalRules,
  escalateRules,
  highRules,
  supportRules,
  targetRules,
} from "./rules.js";

const NOT_WAIVED = new Set(["impact", "business", "time", "pattern"]);

/** Applies the policy to the facts. */
export function assess(f: AssessFacts, policy: Policy): Assessment {
  const reasons: Reason[] = [];
  const escalate = escalateRules
    .map((r) => ({ rule: r, detail: r.check(f, policy) }))
    .filter((x): x is { rule: (typeof escalateRules)[number]; detail: string } => Boolean(x.detail));
  const support = supportRules.map((r) => ({ id: r.id, detail: r.check(f) })).filter((x) => x.detail);

  // a bug engineering already tracks, with a documented workaround, stays in support unless an
  // impact, business, time or pattern criterion also holds (POLICY.md section 2)
  const trackedWithWorkaround = f.trackedBugs.length > 0 && f.workarounds.length > 0;
  const binding = trackedWithWorkaround ? escalate.filter((e) => NOT_WAIVED.has(e.rule.group)) : escalate;

  let decision: Assessment["decision"];
  if (binding.length > 0) {
    decision = "escalate";
    for (const e of binding) reasons.push({ rule: e.rule.id, detail: e.detail });
    for (const s of support)
      reasons.push({
        rule: `${s.id}.overridden`,
        detail: `${s.detail ?? ""}, but an escalate criterion holds`,
      });
  } else if (trackedWithWorkaround || support.length > 0) {
    decision = "handle_in_support";
    if (trackedWithWorkaround) {
      reasons.push({
        rule: "support.tracked_bug_with_workaround",
        detail: `${f.trackedBugs[0]?.key} already tracks the bug and ${f.workarounds[0]?.id} documents a workaround: link the ticket and give the workaround`,
      });
    }
    for (const s of support) reasons.push({ rule: s.id, detail: s.detail ?? "" });
    reasons.push({
      rule: "decision.no_escalate_criterion",
      detail: "no escalate criterion of POLICY.md section 2 holds",
    });
  } else {
    decision = "escalate";
    reasons.push({
      rule: "escalate.no_support_path",
      detail: "no workaround, documentation or support-level fix matches, so support cannot resolve it alone",
    });
  }

  let severity: Severity | null = null;
  let target: Target | null = null;
  let alsoNotify: Target[] = [];
  if (decision === "escalate") {
    for (const rule of targetRules) {
      const detail = rule.check(f, policy);
      if (detail) {
        target = rule.target;
        reasons.push({ rule: rule.id, detail });
        break;
      }
    }
    alsoNotify = target ? alsoNotifyFor(target, f) : [];
    severity = pickSeverity(f, policy, reasons);
  }

  const affectedIds = f.affected.map((a) => a.account.id);
  return {
    decision,
    severity,
    target,
    alsoNotify,
    nature: [...f.natures.keys()],
    impact: {
      customersAffected: affectedIds.length > 0 ? affectedIds.length : null,
      accountIds: affectedIds,
      arrAtRisk: f.arrAtRisk,
      pendingDeals: f.pendingDeals?.total ?? null,
      timeInQueueHours: f.timeInQueueHours === null ? null : Math.round(f.timeInQueueHours * 10) / 10,
      sla: f.sla.state,
    },
    pattern: {
      matchingAccounts: f.patternAccounts.length,
      recurring: f.recurring !== null,
      rising: f.rising !== null,
    },
    reasons,
  };
}

function pickSeverity(f: AssessFacts, policy: Policy, reasons: Reason[]): Severity {
  for (const rule of criticalRules) {
    const detail = rule.check(f, policy);
    if (detail) {
      reasons.push({ rule: rule.id, detail });
      return "Critical";
    }
  }
  for (const rule of highRules) {
    const detail = rule.check(f, policy);
    if (!detail) continue;
    reasons.push({ rule: rule.id, detail });
    const workaround = f.workarounds[0];
    if (workaround && f.securityConcern.length === 0 && f.dataAtRisk.length === 0) {
      reasons.push({
        rule: "severity.lowered_by_workaround",
        detail: `${workaround.id} (${workaround.kind}) works around it: High lowered to Medium`,
      });
      return "Medium";
    }
    return "High";
  }
  reasons.push({ rule: "severity.medium", detail: "no Critical or High condition holds" });
  return "Medium";
}
