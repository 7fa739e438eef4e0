/**
 * The relatedness model: fitting, the precision/recall curve, the operating points, and the
 * features' meaning (a shared area and symptom count, being ranked first among weak candidates
 * does not).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadDefaultPolicy } from "../src/config/load-policy.js";
import { FEATURES, featureVector, type PairEvidence } from "../src/relatedness/features.js";
import {
  fitLogistic,
  outOfFold,
  precisionRecall,
  predict,
  thresholdFor,
  type Sample,
} from "../src/relatedness/fit.js";
import { explainScore, scoreRelatedness } from "../src/relatedness/model.js";
import { compileThesaurus, topicsOf } from "../src/relatedness/thesaurus.js";

const evidence = (over: Partial<PairEvidence> = {}): PairEvidence => ({
  coverage: 0,
  relative: 0,
  subject: 0,
  sharedIdeas: 0,
  rare: 0,
  issueTopics: { areas: new Set(), symptoms: new Set() },
  candidateTopics: { areas: new Set(), symptoms: new Set() },
  sameError: false,
  sameAccount: false,
  otherAccount: false,
  ageDays: 0,
  ...over,
});
const feature = (e: PairEvidence, name: string) =>
  featureVector(e)[FEATURES.findIndex((f) => f.name === name)];

describe("fitting", () => {
  // a seeded generator of pairs whose label follows one feature, with noise
  const samples = (n: number, seed: number): Sample[] => {
    let s = seed;
    const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    return Array.from({ length: n }, (_, i) => {
      const x = [rand(), rand()];
      const y: 0 | 1 = x[0]! + 0.2 * (rand() - 0.5) > 0.6 ? 1 : 0;
      return { x, y, w: 1, group: `case-${i % 20}` };
    });
  };

  it("learns a positive weight for the feature that decides the label and ~0 for noise", () => {
    const fit = fitLogistic(samples(400, 7), 0.1);
    expect(fit.weights[0]).toBeGreaterThan(5);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(1.5);
    expect(predict(fit, [0.95, 0.5])).toBeGreaterThan(0.9);
    expect(predict(fit, [0.1, 0.5])).toBeLessThan(0.1);
  });

  it("scores every case out of fold (a case never scores itself)", () => {
    const data = samples(200, 3);
    const oof = outOfFold(data, 5, 0.1);
    expect(oof).toHaveLength(200);
    expect(oof.every((p) => p > 0 && p < 1)).toBe(true);
    // the out-of-fold scores still rank positives above negatives on this easy data
    const curve = precisionRecall(
      oof,
      data.map((d) => d.y),
    );
    expect(thresholdFor(curve, 0.9)?.recall).toBeGreaterThan(0.8);
  });

  it("reads the operating point off the curve: the most recall at the wanted precision", () => {
    const curve = precisionRecall([0.9, 0.8, 0.7, 0.6, 0.5], [1, 1, 0, 1, 0]);
    expect(curve.map((p) => [p.threshold, p.precision, p.recall])).toEqual([
      [0.9, 1, 1 / 3],
      [0.8, 1, 2 / 3],
      [0.7, 2 / 3, 2 / 3],
      [0.6, 3 / 4, 1],
      [0.5, 3 / 5, 1],
    ]);
    expect(thresholdFor(curve, 0.95)?.threshold).toBe(0.8);
    expect(thresholdFor(curve, 0.7)?.threshold).toBe(0.6);
    expect(thresholdFor(curve, 1.01)).toBeUndefined();
  });

  it("precision and recall stay within [0, 1] and recall never falls as the threshold drops", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), {
          minLength: 1,
          maxLength: 50,
        }),
        (pairs) => {
          const curve = precisionRecall(
            pairs.map((p) => p[0]),
            pairs.map((p) => (p[1] ? 1 : 0)),
          );
          for (let i = 0; i < curve.length; i++) {
            const p = curve[i]!;
            expect(p.precision).toBeGreaterThanOrEqual(0);
            expect(p.precision).toBeLessThanOrEqual(1);
            if (i > 0) expect(p.recall).toBeGreaterThanOrEqual(curve[i - 1]!.recall);
          }
        },
      ),
    );
  });
});

describe("features", () => {
  it("ranking first counts only with coverage: the best of weak candidates is not evidence", () => {
    expect(feature(evidence({ relative: 1, coverage: 0.05 }), "relative")).toBeCloseTo(0.05);
    expect(feature(evidence({ relative: 1, coverage: 0.8 }), "relative")).toBeCloseTo(0.8);
  });

  it("a symptom alone says nothing; with the same product area it does", () => {
    const issueTopics = { areas: new Set(["notifications"]), symptoms: new Set(["not_delivered"]) };
    const sameSymptomOnly = evidence({
      issueTopics,
      candidateTopics: { areas: new Set(["exports"]), symptoms: new Set(["not_delivered"]) },
    });
    const both = evidence({ issueTopics, candidateTopics: issueTopics });
    expect(feature(sameSymptomOnly, "areaSymptom")).toBe(0);
    expect(feature(both, "areaSymptom")).toBe(1);
  });
});

describe("the shipped model (policy/relatedness.yaml)", () => {
  const policy = loadDefaultPolicy();
  const model = policy.relatedness.tickets;
  const p = (e: PairEvidence) => scoreRelatedness(featureVector(e), model).p;

  it("has one weight per feature and a possible point under the related point", () => {
    expect(Object.keys(model.weights).sort()).toEqual(FEATURES.map((f) => f.name).sort());
    expect(model.possibleThreshold).toBeLessThanOrEqual(model.threshold);
  });

  it("relates a recent report of another account that says the same thing, not one that shares a word", () => {
    const topics = { areas: new Set(["notifications"]), symptoms: new Set(["not_delivered"]) };
    const same = evidence({
      coverage: 0.6,
      relative: 0.9,
      subject: 0.7,
      sharedIdeas: 4,
      rare: 0.6,
      issueTopics: topics,
      candidateTopics: topics,
      ageDays: 2,
    });
    const oneWord = evidence({ coverage: 0.1, relative: 1, subject: 0.1, sharedIdeas: 1, ageDays: 2 });
    expect(p(same)).toBeGreaterThanOrEqual(model.threshold);
    expect(p(oneWord)).toBeLessThan(model.threshold);
  });

  it("asks more of another account's ticket when the input names a customer", () => {
    const e = { coverage: 0.4, relative: 0.5, subject: 0.4, sharedIdeas: 3, rare: 0.4, ageDays: 3 };
    expect(p(evidence({ ...e, otherAccount: true }))).toBeLessThan(p(evidence(e)));
    expect(p(evidence({ ...e, sameAccount: true }))).toBeGreaterThan(p(evidence(e)));
  });

  it("explains a score by the features that added most", () => {
    const s = scoreRelatedness(featureVector(evidence({ coverage: 0.9, subject: 1 })), model);
    expect(explainScore(s)).toMatch(/coverage 0\.90|subject 1\.00/);
  });
});

describe("thesaurus", () => {
  const thesaurus = compileThesaurus(
    {
      areas: { notifications: ["reminder", "sms", "text"] },
      symptoms: { not_delivered: ["arrive", "sent"] },
    },
    { reminder: ["erinnerung", "erinnerungen"], sent: ["verschickt"] },
  );

  it("reads areas and symptoms by stem, in other languages through the translations", () => {
    const en = topicsOf("SMS reminders never arrive", thesaurus);
    const de = topicsOf("Erinnerungen werden nicht verschickt", thesaurus);
    expect([...en.areas]).toEqual(["notifications"]);
    expect([...en.symptoms]).toEqual(["not_delivered"]);
    expect([...de.areas]).toEqual(["notifications"]);
    expect([...de.symptoms]).toEqual(["not_delivered"]);
  });
});

describe("npm run fit", () => {
  it("the shipped policy/relatedness.yaml is what fitting our cases gives today", async () => {
    const { FIT_DIRS, FIT_OPTIONS } = await import("../src/eval/fit-relatedness.js");
    const { collectSamples, fitModel } = await import("../src/eval/fit-data.js");
    const { readCases } = await import("../src/eval/case-files.js");
    const policy = loadDefaultPolicy();
    const samples = collectSamples(
      FIT_DIRS.flatMap((d) => readCases(d)),
      policy,
    );
    // a change to the features, the thesaurus or the cases must come with a re-fit (npm run fit)
    expect(fitModel(samples.tickets, FIT_OPTIONS.tickets).model).toEqual(policy.relatedness.tickets);
    expect(fitModel(samples.kb, FIT_OPTIONS.kb).model).toEqual(policy.relatedness.kb);
  }, 60_000);
});
