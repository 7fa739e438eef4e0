/**
 * The training side of the relatedness model: labelled pairs from case files, and one fitted model
 * with its operating points read off the out-of-fold curve. `npm run fit` writes what this returns;
 * test/relatedness.test.ts checks that the shipped policy/relatedness.yaml is what it returns today.
 */
import type { Policy } from "../config/policy.js";
import { FEATURES } from "../relatedness/features.js";
import {
  fitLogistic,
  outOfFold,
  precisionRecall,
  thresholdFor,
  type CurvePoint,
  type Sample,
} from "../relatedness/fit.js";
import type { RelatednessModel } from "../relatedness/model.js";
import { runCase, type CaseFile } from "./case-files.js";

/** How a model is fitted and where its operating points sit. */
export interface FitOptions {
  /** Precision wanted at the "related" point, and at the "possibly related" point. */
  relatedPrecision: number;
  possiblePrecision: number;
  l2: number;
  folds: number;
}

/** A fitted model, with the out-of-fold figures at its operating points. */
export interface FitResult {
  model: RelatednessModel;
  pairs: number;
  positives: number;
  cases: number;
  related: CurvePoint | undefined;
  possible: CurvePoint | undefined;
  curve: CurvePoint[];
}

/** Labelled ticket and KB pairs from case files, each feature vector passed through `keep`. */
export function collectSamples(
  cases: readonly CaseFile[],
  policy: Policy,
  keep: (x: readonly number[]) => number[] = (x) => [...x],
): { tickets: Sample[]; kb: Sample[] } {
  const tickets: Sample[] = [];
  const kb: Sample[] = [];
  for (const c of cases) {
    const run = runCase(c, policy);
    const related = new Set(c.expected.relatedTickets ?? []);
    const unrelated = new Set(c.expected.unrelatedTickets ?? []);
    for (const cand of run.relations.candidates) {
      // a pair that shares no idea and no error is never related by words (the product relates such
      // tickets only through links the tools hold): it teaches the text model nothing
      if (cand.sharedIdeas === 0 && !cand.sameError) continue;
      const y = related.has(cand.ticketId) ? 1 : 0;
      // an unlisted ticket is probably unrelated; one the case names as unrelated certainly is
      const w = y === 1 || unrelated.has(cand.ticketId) ? 1 : 0.5;
      tickets.push({ x: keep(cand.vector), y, w, group: c.id });
    }
    // a case lists the workarounds it expects: a how-to or reference article it does not list may
    // still be the documented answer, so it is not labelled either way
    const wanted = new Set(c.expected.workarounds ?? []);
    const documentation = new Set(
      (c.workspace.kbArticles ?? [])
        .filter((k) => k.kind === "howto" || k.kind === "reference")
        .map((k) => k.id),
    );
    for (const cand of run.relations.kbCandidates) {
      const y = wanted.has(cand.id) ? 1 : 0;
      if (y === 0 && documentation.has(cand.id)) continue;
      kb.push({ x: keep(cand.vector), y, w: 1, group: c.id });
    }
  }
  return { tickets, kb };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Fits one model and reads its operating points off the out-of-fold precision/recall curve. */
export function fitModel(samples: readonly Sample[], options: FitOptions): FitResult {
  const oof = outOfFold(samples, options.folds, options.l2);
  const curve = precisionRecall(
    oof,
    samples.map((s) => s.y),
  );
  const related = thresholdFor(curve, options.relatedPrecision) ?? curve[0];
  const possible = thresholdFor(curve, options.possiblePrecision) ?? related;
  const fitted = fitLogistic(samples, options.l2);
  const threshold = round(related?.threshold ?? 0.5);
  return {
    model: {
      bias: round(fitted.bias),
      weights: Object.fromEntries(FEATURES.map((f, i) => [f.name, round(fitted.weights[i] ?? 0)])),
      threshold,
      possibleThreshold: Math.min(round(possible?.threshold ?? threshold), threshold),
    },
    pairs: samples.length,
    positives: samples.filter((s) => s.y === 1).length,
    cases: new Set(samples.map((s) => s.group)).size,
    related,
    possible,
    curve,
  };
}
