/**
 * `npm run fit`: fits the relatedness models (src/relatedness) on labelled pairs from our own cases
 * (test/cases and test/cases-open: the tickets each expected brief relates, against the other
 * gathered tickets and the noise a case names as unrelated; the KB articles it expects), chooses the
 * operating points on the out-of-fold precision/recall curve, and writes policy/relatedness.yaml.
 * The public scenarios, the blind batches (test/batches) and the GitBugs data are never fitted on:
 * they stay evaluation data.
 *
 * usage: node dist/eval/fit-relatedness.js [--dry-run] [--curve] [--drop=a,b] [DIR...]
 *        (default: test/cases and test/cases-open)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { loadDefaultPolicy } from "../config/load-policy.js";
import { FEATURES } from "../relatedness/features.js";
import { thresholdFor } from "../relatedness/fit.js";
import { readCases } from "./case-files.js";
import { collectSamples, fitModel, type FitOptions, type FitResult } from "./fit-data.js";

/**
 * The operating points: the most recall at precision >= 0.85, at the highest threshold that reaches
 * it (FIT_*_PRECISION to explore). At 0.9 the tickets' curve loses pairs a reviewer would accept (a
 * shared specific error, a report in another language); at 0.8 it admits look-alikes. A second
 * point at 0.75 marks "possibly related" (shown, never counted).
 */
export const FIT_OPTIONS: { tickets: FitOptions; kb: FitOptions } = {
  tickets: { relatedPrecision: 0.85, possiblePrecision: 0.75, l2: 1, folds: 5 },
  kb: { relatedPrecision: 0.85, possiblePrecision: 0.75, l2: 1, folds: 5 },
};

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** The directories fitted on by default. */
export const FIT_DIRS = [join(root, "test", "cases"), join(root, "test", "cases-open")];

function report(name: string, r: FitResult, curve: boolean): string {
  const point = (p: FitResult["related"]) =>
    `p >= ${p?.threshold.toFixed(3)}: precision ${p?.precision.toFixed(3)}, recall ${p?.recall.toFixed(3)}`;
  const lines = [
    `${name}: ${r.pairs} pairs (${r.positives} related) from ${r.cases} cases`,
    `  out-of-fold at the related point ${point(r.related)}`,
    `  out-of-fold at the possible point ${point(r.possible)}`,
    `  weights: bias ${r.model.bias}, ${FEATURES.map((f) => `${f.name} ${r.model.weights[f.name]}`).join(", ")}`,
  ];
  if (curve)
    for (const target of [0.95, 0.9, 0.85, 0.8, 0.75, 0.7])
      lines.push(`  precision >= ${target}: ${point(thresholdFor(r.curve, target))}`);
  return `${lines.join("\n")}\n`;
}

function main(): void {
  const args = process.argv.slice(2);
  const dirs = args.filter((a) => !a.startsWith("--"));
  // --drop=a,b: fit without those features (their weight 0), to see what each one brings
  const dropped = new Set((args.find((a) => a.startsWith("--drop="))?.slice(7) ?? "").split(","));
  const keep = (x: readonly number[]) => x.map((v, i) => (dropped.has(FEATURES[i]?.name ?? "") ? 0 : v));
  const precision = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const cases = (dirs.length > 0 ? dirs : FIT_DIRS).flatMap((d) => readCases(d));
  const samples = collectSamples(cases, loadDefaultPolicy(), keep);
  const tickets = fitModel(samples.tickets, {
    ...FIT_OPTIONS.tickets,
    relatedPrecision: precision("FIT_TICKETS_PRECISION", FIT_OPTIONS.tickets.relatedPrecision),
  });
  const kb = fitModel(samples.kb, {
    ...FIT_OPTIONS.kb,
    relatedPrecision: precision("FIT_KB_PRECISION", FIT_OPTIONS.kb.relatedPrecision),
  });
  const curve = args.includes("--curve");
  process.stdout.write(report("tickets", tickets, curve) + report("kb", kb, curve));
  if (args.includes("--dry-run")) return;
  const path = join(root, "policy", "relatedness.yaml");
  const header = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("#"))
    .join("\n");
  writeFileSync(path, `${header}\n${stringify({ tickets: tickets.model, kb: kb.model })}`);
  process.stdout.write(`wrote ${path}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
