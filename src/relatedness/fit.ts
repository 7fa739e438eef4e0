/**
 * Fitting the relatedness model: weighted logistic regression by Newton's method (a handful of
 * features, a few thousand pairs), out-of-fold scores by case, and operating points read off the
 * precision/recall curve. Pure; `src/eval/fit-relatedness.ts` feeds it our labelled cases.
 */

/** One labelled pair. */
export interface Sample {
  x: readonly number[];
  y: 0 | 1;
  /** How much the label is trusted (an explicit "unrelated" counts more than an unlisted ticket). */
  w: number;
  /** The case it comes from (folds never split a case). */
  group: string;
}

/** Fitted coefficients. */
export interface Coefficients {
  bias: number;
  weights: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Predicts with fitted coefficients. */
export function predict(c: Coefficients, x: readonly number[]): number {
  let z = c.bias;
  c.weights.forEach((w, i) => (z += w * (x[i] ?? 0)));
  return sigmoid(z);
}

/** Solves A v = b in place (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    const d = a[col]![col]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / d;
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[r]![k]! -= f * a[col]![k]!;
      b[r]! -= f * b[col]!;
    }
  }
  return b.map((v, i) => (Math.abs(a[i]![i]!) < 1e-12 ? 0 : v / a[i]![i]!));
}

/** Fits a weighted, L2-regularised logistic regression (the bias is not penalised). */
export function fitLogistic(samples: readonly Sample[], l2 = 1, iterations = 50): Coefficients {
  const d = (samples[0]?.x.length ?? 0) + 1;
  let beta = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const s of samples) {
      const row = [1, ...s.x];
      const p = sigmoid(row.reduce((z, v, i) => z + v * beta[i]!, 0));
      const r = s.w * (p - s.y);
      const h = s.w * p * (1 - p);
      for (let i = 0; i < d; i++) {
        grad[i]! += r * row[i]!;
        for (let j = 0; j < d; j++) hess[i]![j]! += h * row[i]! * row[j]!;
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i]! += l2 * beta[i]!;
      hess[i]![i]! += l2;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, i) => b - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

/** Out-of-fold probabilities: each case is scored by a model fitted without it (k folds by case). */
export function outOfFold(samples: readonly Sample[], folds = 5, l2 = 1): number[] {
  const groups = [...new Set(samples.map((s) => s.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  const out = new Array<number>(samples.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const model = fitLogistic(
      samples.filter((s) => foldOf.get(s.group) !== k),
      l2,
    );
    samples.forEach((s, i) => {
      if (foldOf.get(s.group) === k) out[i] = predict(model, s.x);
    });
  }
  return out;
}

/** One point of the precision/recall curve. */
export interface CurvePoint {
  threshold: number;
  precision: number;
  recall: number;
}

/** The precision/recall curve of scores against labels (weights ignored: every pair counts once). */
export function precisionRecall(scores: readonly number[], labels: readonly (0 | 1)[]): CurvePoint[] {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  const positives = labels.filter((y) => y === 1).length;
  const out: CurvePoint[] = [];
  let tp = 0;
  let fp = 0;
  order.forEach(([s, y], i) => {
    if (y === 1) tp++;
    else fp++;
    const next = order[i + 1];
    if (next && next[0] === s) return;
    out.push({ threshold: s, precision: tp / (tp + fp), recall: positives ? tp / positives : 0 });
  });
  return out;
}

/**
 * The operating point for a wanted precision: the most recall any point with at least that precision
 * reaches, at the highest threshold that reaches it (a lower threshold with the same recall only
 * adds false matches).
 */
export function thresholdFor(curve: readonly CurvePoint[], minPrecision: number): CurvePoint | undefined {
  const most = [...curve].reverse().find((p) => p.precision >= minPrecision);
  if (!most) return undefined;
  return curve.find((p) => p.recall >= most.recall && p.precision >= minPrecision) ?? most;
}
