/**
 * The reproduction record of a bug escalation: every piece is quoted from the input text and says
 * where it came from, so nothing in a brief's "Reproduction Steps" is invented.
 */

/** A piece of input text, quoted exactly (white space collapsed), and where it came from. */
export interface Sourced {
  text: string;
  /** "description", "T-1001 subject", "T-1001 description", "T-1001 internal note 2026-11-10", "account Acme Corp". */
  source: string;
}

/** What an environment fact names. */
export type EnvironmentKind =
  | "plan"
  | "endpoint"
  | "browser"
  | "os"
  | "device"
  | "client"
  | "version"
  | "deploy"
  | "feature_flag"
  | "integration"
  | "instance";

/** An environment detail found in the text (or an account's plan). */
export interface EnvironmentFact extends Sourced {
  kind: EnvironmentKind;
}

/** What an evidence fragment is. */
export type EvidenceKind =
  "http_status" | "exception" | "error_body" | "error_message" | "request_id" | "error_code";

/** Exact error text: a status line, exception, error body, quoted message, request id or code. */
export interface EvidenceFact extends Sourced {
  kind: EvidenceKind;
}

/** How often the problem happens, as the text says it. */
export type FrequencyPattern = "always" | "intermittent" | "conditional";

/** The sentence that states the frequency, with the rate ("1 in 12", "7%") and condition it names. */
export interface FrequencyFact extends Sourced {
  pattern: FrequencyPattern;
  /** A substring of `text`, or null when no rate is stated. */
  rate: string | null;
  /** A substring of `text` ("with more than 50 line items"), or null. */
  condition: string | null;
}

/** Everything the practice's "Writing Reproduction Steps" asks for, as found in the input. */
export interface Reproduction {
  steps: Sourced[];
  expected: Sourced | null;
  actual: Sourced | null;
  environment: EnvironmentFact[];
  frequency: FrequencyFact | null;
  evidence: EvidenceFact[];
  ruledOut: Sourced[];
  startingState: Sourced | null;
}
