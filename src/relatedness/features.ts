/**
 * The features of one (issue, candidate record) pair: small named functions, each a number in
 * [0, 1], that the relatedness model weighs. Pure: the evidence is computed by the caller.
 */
import { shareOf, type Topics } from "./thesaurus.js";

/** What is known about one pair before it is scored. */
export interface PairEvidence {
  /** Share of the issue's weighted ideas the candidate contains (BM25's query side). */
  coverage: number;
  /** The candidate's BM25 score relative to the best candidate's (1 for the best). */
  relative: number;
  /** Share of the candidate's subject (or title), by rarity, that the issue says. */
  subject: number;
  /** How many of the issue's ideas the candidate shares. */
  sharedIdeas: number;
  /** Share of the weight of the issue's rarer half of ideas that the candidate contains. */
  rare: number;
  /** Product areas and symptoms of the issue and of the candidate. */
  issueTopics: Topics;
  candidateTopics: Topics;
  /** The issue and the candidate quote the same specific error. */
  sameError: boolean;
  /** The candidate belongs to an account the input names. */
  sameAccount: boolean;
  /** The input names customers (or a segment) and the candidate belongs to none of them. */
  otherAccount: boolean;
  /** Days between the candidate's creation and now. */
  ageDays: number;
}

/** One named feature. */
export interface Feature {
  name: string;
  /** What it measures, for the reasons and docs. */
  says: string;
  of: (e: PairEvidence) => number;
}

const area = (e: PairEvidence) => shareOf(e.issueTopics.areas, e.candidateTopics.areas);
const symptom = (e: PairEvidence) => shareOf(e.issueTopics.symptoms, e.candidateTopics.symptoms);

/** The features, in the order the model's weights are listed. */
export const FEATURES: readonly Feature[] = [
  { name: "coverage", says: "share of the issue's ideas it contains", of: (e) => e.coverage },
  // ranking first among weak candidates is no evidence by itself: the rank counts with the coverage
  {
    name: "relative",
    says: "text score against the best candidate, times coverage",
    of: (e) => e.relative * e.coverage,
  },
  { name: "subject", says: "share of its subject the issue says", of: (e) => e.subject },
  // a subject said whole is much stronger evidence than one said in part
  { name: "subjectWhole", says: "its subject said almost whole", of: (e) => e.subject ** 4 },
  { name: "rare", says: "share of the issue's rarer ideas it contains", of: (e) => e.rare },
  { name: "area", says: "same product area (support thesaurus)", of: area },
  // a symptom alone ("missing") says little: with the same product area it says the same problem
  { name: "areaSymptom", says: "same product area and symptom", of: (e) => area(e) * symptom(e) },
  { name: "sameError", says: "quotes the same specific error", of: (e) => (e.sameError ? 1 : 0) },
  { name: "sameAccount", says: "an account the input names", of: (e) => (e.sameAccount ? 1 : 0) },
  { name: "otherAccount", says: "another account than the one named", of: (e) => (e.otherAccount ? 1 : 0) },
  {
    name: "recency",
    says: "created recently (30-day scale)",
    of: (e) => Math.exp(-Math.abs(e.ageDays) / 30),
  },
];

/** The feature vector of a pair, in {@link FEATURES} order. */
export function featureVector(e: PairEvidence): number[] {
  return FEATURES.map((f) => f.of(e));
}
