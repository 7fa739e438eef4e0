/**
 * The policy's schema. Built from the zod namespace handed in, so that zod is loaded only when a
 * policy file must be validated (a team's override, or the defaults at build time).
 */
import type { z as Zod } from "zod";

const TONE_PLACEHOLDERS = new Set(["{team}", "{next}"]);

/** The schema of a whole (merged) policy. */
export function policySchemaOf(z: typeof Zod) {
  const interval = z.union([
    z.object({ hours: z.number().positive() }),
    z.object({ businessDays: z.number().int().positive() }),
  ]);
  const cadenceLevel = z.object({
    internal: interval,
    customer: z.object({ low: interval, high: interval }),
  });
  const patterns = z.array(z.string());
  // a fitted relatedness model (policy/relatedness.yaml, written by `npm run fit`)
  const relatednessModel = z.object({
    bias: z.number(),
    weights: z.record(z.string(), z.number()),
    threshold: z.number().min(0).max(1),
    possibleThreshold: z.number().min(0).max(1),
  });
  // customer-update wording: only the placeholders the composer fills (src/lifecycle/customer-update.ts)
  const wording = z
    .string()
    .min(1)
    .superRefine((text, ctx) => {
      const unknown = [...text.matchAll(/\{([^{}]*)\}/g)]
        .map((m) => m[0])
        .filter((p) => !TONE_PLACEHOLDERS.has(p));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `unknown placeholder ${unknown.join(", ")}; use {team} or {next}`,
        });
      }
    });
  const tone = z.object({
    subject: z.object({ interim: wording, status: wording, resolution: wording }),
    opening: z.object({ interim: wording, status: wording, resolved: wording, deescalated: wording }),
    doing: wording,
    next: wording,
    checkIn: wording,
    closing: wording,
  });

  return z.object({
    highValue: z.object({ arrAtLeast: z.number(), strategic: z.boolean(), reference: z.boolean() }),
    sla: z.object({ imminentAt: z.number(), breachedAbove: z.number() }),
    pattern: z.object({
      minAccounts: z.number().int(),
      windowDays: z.number(),
      risingMinTickets: z.number().int(),
      risingRateFactor: z.number().positive(),
      similarity: z.object({
        minSharedConcepts: z.number().int().min(1),
        minSharedSubject: z.number().int().min(0),
        overlap: z.number().min(0).max(1),
        priorDocuments: z.number().int().min(0),
        commonShare: z.number().min(0).max(1),
        trackerTitleCover: z.number().min(0).max(1),
        trackerTitleConcepts: z.number().int().min(1),
        maxPostingShare: z.number().min(0).max(1),
      }),
      listLimit: z.number().int().positive(),
    }),
    similar: z.object({
      title: z.number().min(0),
      k1: z.number().positive(),
      b: z.number().min(0).max(1),
      kind: z.object({
        word: z.number().min(0),
        code: z.number().min(0),
        part: z.number().min(0),
        frame: z.number().min(0),
        file: z.number().min(0),
        version: z.number().min(0),
      }),
      firstLine: z.number().min(0),
      subjectCover: z.number().min(0),
      recency: z.number().min(0),
      recencyDays: z.number().positive(),
    }),
    time: z.object({ noProgressHours: z.number(), staleOpenDays: z.number() }),
    impact: z.object({
      multipleCustomersMin: z.number().int(),
      criticalHighValueBlocked: z.number().int(),
      pendingDealDays: z.number(),
    }),
    matching: z.object({
      namedAccountMinCoverage: z.number(),
      trackerMinCoverage: z.number(),
      escalationMinCoverage: z.number(),
      chatMinCoverage: z.number(),
      minIssueIdeas: z.number().int().nonnegative(),
      chatReplyMinutes: z.number().nonnegative(),
      chatReplyMinShared: z.number().int().positive(),
      candidateLimit: z.number().int().positive(),
      candidateMaxDocShare: z.number().positive(),
    }),
    cadence: z.object({ Critical: cadenceLevel, High: cadenceLevel, Medium: cadenceLevel }),
    owners: z.record(z.string(), z.string()),
    customerUpdates: z.object({ tone: z.object({ Critical: tone, High: tone, Medium: tone }) }),
    thesaurus: z.object({
      areas: z.record(z.string(), z.array(z.string())),
      symptoms: z.record(z.string(), z.array(z.string())),
    }),
    relatedness: z.object({ tickets: relatednessModel, kb: relatednessModel }),
    translations: z.record(z.string(), z.array(z.string())),
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
        likeCase: patterns,
        ruledOut: patterns,
        testDataOnly: patterns,
        worksFine: patterns,
      }),
      segments: z.object({ nouns: z.array(z.string()), quantifiers: z.array(z.string()) }),
      legalSuffixes: z.array(z.string()),
      // cues as composition (src/intake/compositions.ts): each slot said in one sentence
      negations: z.array(z.string()),
      compositions: z.record(
        z.string(),
        z.array(
          z.object({
            slots: z.record(z.string(), z.array(z.string()).min(1)),
            negatable: z.string().optional(),
            within: z.number().int().positive().optional(),
            span: z.number().int().positive().max(3).optional(),
          }),
        ),
      ),
    }),
  });
}
