/**
 * The relatedness model: a logistic regression over the pair features, with weights fitted on
 * labelled pairs from our own cases (`npm run fit`) and two operating points chosen on the
 * precision/recall curve. Pure.
 */
import { FEATURES } from "./features.js";

/** The fitted model as the policy holds it (policy/relatedness.yaml). */
export interface RelatednessModel {
  bias: number;
  weights: Record<string, number>;
  /** At or above: related (counted in impact, pattern and decision). */
  threshold: number;
  /** At or above (and under `threshold`): shown as "possibly related (unconfirmed)", never counted. */
  possibleThreshold: number;
}

/** A scored pair: its probability and what each feature added to the log-odds. */
export interface RelatednessScore {
  p: number;
  contributions: Array<{ name: string; value: number; weight: number }>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Scores a feature vector (in FEATURES order). */
export function scoreRelatedness(vector: readonly number[], model: RelatednessModel): RelatednessScore {
  let z = model.bias;
  const contributions = FEATURES.map((f, i) => {
    const value = vector[i] ?? 0;
    const weight = model.weights[f.name] ?? 0;
    z += weight * value;
    return { name: f.name, value, weight };
  });
  return { p: sigmoid(z), contributions };
}

/** The features that added most to a pair's score, as a short reason ("coverage 0.62, area 1.00"). */
export function explainScore(score: RelatednessScore, top = 3): string {
  return score.contributions
    .filter((c) => c.weight * c.value > 0)
    .sort((a, b) => b.weight * b.value - a.weight * a.value)
    .slice(0, top)
    .map((c) => `${c.name} ${c.value.toFixed(2)}`)
    .join(", ");
}
