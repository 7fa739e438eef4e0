/**
 * The policy: thresholds, cadence and vocabularies, as data. Defaults ship in `policy/*.yaml`;
 * a team's own YAML file is merged over them (objects key by key, lists and numbers replaced).
 * This module only merges and validates; reading files happens in `load-policy.ts`.
 */
import { z } from "zod";

const interval = z.union([
  z.object({ hours: z.number().positive() }),
  z.object({ businessDays: z.number().int().positive() }),
]);
const cadenceLevel = z.object({ internal: interval, customer: z.object({ low: interval, high: interval }) });
const patterns = z.array(z.string());

export const policySchema = z.object({
  highValue: z.object({ arrAtLeast: z.number(), strategic: z.boolean(), reference: z.boolean() }),
  sla: z.object({ imminentAt: z.number(), breachedAbove: z.number() }),
  pattern: z.object({
    minAccounts: z.number().int(),
    windowDays: z.number(),
    risingMinTickets: z.number().int(),
  }),
  time: z.object({ noProgressHours: z.number(), staleOpenDays: z.number() }),
  impact: z.object({
    multipleCustomersMin: z.number().int(),
    criticalHighValueBlocked: z.number().int(),
    pendingDealDays: z.number(),
  }),
  matching: z.object({
    ticketMinCoverage: z.number(),
    ticketMinRelative: z.number(),
    ticketMinConcepts: z.number().int(),
    namedAccountMinCoverage: z.number(),
    otherAccountMinCoverageWhenNamed: z.number(),
    trackerMinCoverage: z.number(),
    kbMinCoverage: z.number(),
    escalationMinCoverage: z.number(),
    chatMinCoverage: z.number(),
    candidateLimit: z.number().int().positive(),
    candidateMaxDocShare: z.number().positive(),
  }),
  cadence: z.object({ Critical: cadenceLevel, High: cadenceLevel, Medium: cadenceLevel }),
  owners: z.record(z.string(), z.string()),
  vocabulary: z.object({
    stopwords: z.array(z.string()),
    metaWords: z.array(z.string()),
    synonyms: z.array(z.array(z.string())),
    natures: z.object({
      bug: patterns,
      outage: patterns,
      data_integrity: patterns,
      security: patterns,
      feature_gap: patterns,
      performance: patterns,
      configuration: patterns,
      how_to: patterns,
      billing: patterns,
      churn_risk: patterns,
    }),
    cues: z.object({
      execRequest: patterns,
      churnThreat: patterns,
      legalRisk: patterns,
      prRisk: patterns,
      policyException: patterns,
      productionDown: patterns,
      blocked: patterns,
      notUrgent: patterns,
      complexity: patterns,
      customImplementation: patterns,
      designDecision: patterns,
      confirmedBug: patterns,
      recurrence: patterns,
      workaroundTried: patterns,
    }),
    segments: z.object({ nouns: z.array(z.string()), quantifiers: z.array(z.string()) }),
    legalSuffixes: z.array(z.string()),
  }),
});

/** The whole policy, after merging a team's overrides over the defaults. */
export type Policy = z.infer<typeof policySchema>;
/** The natures of POLICY.md section 1. */
export type Nature = keyof Policy["vocabulary"]["natures"];
/** The cues read from text (exec request, churn threat, ...). */
export type CueName = keyof Policy["vocabulary"]["cues"];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Merges `override` over `base`: objects key by key, everything else replaced whole. */
export function mergeDeep(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = mergeDeep(base[key], value);
  return out;
}

/** Validates a merged policy; the error names the first bad path. */
export function parsePolicy(raw: unknown, source: string): Policy {
  const result = policySchema.safeParse(raw);
  if (result.success) {
    for (const [group, lists] of Object.entries({
      ...result.data.vocabulary.natures,
      ...result.data.vocabulary.cues,
    })) {
      for (const pattern of lists) {
        try {
          new RegExp(pattern, "i");
        } catch (error) {
          throw new PolicyError(
            `${source}: vocabulary ${group}: bad pattern ${pattern}: ${(error as Error).message}`,
          );
        }
      }
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map(String).join(".");
  throw new PolicyError(`${source}: ${path || "(root)"}: ${issue?.message ?? "invalid"}`);
}

/** A policy file that does not validate. */
export class PolicyError extends Error {
  override readonly name = "PolicyError";
}
