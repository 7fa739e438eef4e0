/**
 * Segments named in text ("all Enterprise customers", "our EU enterprise tenants"), resolved
 * against the plans the CRM actually has. Qualifiers no account field can check (a region) are
 * kept as assumptions, never used to drop accounts (POLICY.md section 1).
 */
import type { Account } from "../domain/bundle.js";

/** A segment: the plan it names, the accounts on it, and any qualifier taken as an assumption. */
export interface Segment {
  plan: string;
  phrase: string;
  accountIds: string[];
  qualifiers: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Finds a plan-wide segment named in `text`. */
export function findSegment(
  text: string,
  accounts: readonly Account[],
  vocabulary: { nouns: readonly string[]; quantifiers: readonly string[] },
): Segment | null {
  const plans = [...new Set(accounts.map((a) => a.plan).filter((p): p is string => Boolean(p)))];
  const nouns = vocabulary.nouns.map(escape).join("|");
  const quantifiers = vocabulary.quantifiers.map(escape).join("|");
  for (const plan of plans) {
    const p = escape(plan);
    const before = new RegExp(
      `\\b(?:${quantifiers})\\s+((?:[\\w-]+\\s+){0,2}?)${p}(?:[- ](?:plan|tier))?\\s+(?:${nouns})\\b`,
      "i",
    );
    const after = new RegExp(
      `\\b(?:${nouns})\\s+(?:on|in)\\s+(?:the\\s+|our\\s+)?${p}(?:[- ](?:plan|tier))?\\b`,
      "i",
    );
    // "SSO broken for Enterprise customers": a plan before a plural noun, no quantifier needed
    const plural = new RegExp(
      `\\b${p}(?:[- ](?:plan|tier))?\\s+(?:customers|accounts|tenants|clients|orgs|organi[sz]ations|workspaces)\\b`,
      "i",
    );
    const m = before.exec(text) ?? after.exec(text) ?? plural.exec(text);
    if (!m) continue;
    const qualifiers = (m[1] ?? "").split(/\s+/).filter((w) => w && !/^(our|the|of|your|their|on)$/i.test(w));
    return {
      plan,
      phrase: m[0],
      accountIds: accounts.filter((a) => a.plan?.toLowerCase() === plan.toLowerCase()).map((a) => a.id),
      qualifiers,
    };
  }
  return null;
}
