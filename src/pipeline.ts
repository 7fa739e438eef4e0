/**
 * The brief pipeline, end to end: intake -> gather -> relate -> facts -> assess -> compose.
 * The only I/O is the store handed in; time and configuration are arguments.
 */
import { assess } from "./assess/assess.js";
import { deriveFacts, type AssessFacts } from "./assess/facts.js";
import { composeBrief, type Brief } from "./brief/compose.js";
import type { Policy } from "./config/policy.js";
import type { Assessment } from "./domain/assessment.js";
import type { Context } from "./domain/context.js";
import { gather } from "./gather/gather.js";
import { compileVocabulary } from "./intake/cues.js";
import { intake, type IntakeInput, type IssueFacts } from "./intake/intake.js";
import { buildLexicon } from "./match/lexicon.js";
import { relate, type Relations } from "./match/relate.js";
import type { Store } from "./store/sqlite-store.js";

/** What the brief needs besides the input. */
export interface BriefOptions {
  policy: Policy;
  now: Date;
  reporter: string | null;
}

/** Every stage's output, for renderers and for the lifecycle. */
export interface BriefRun {
  issue: IssueFacts;
  context: Context;
  relations: Relations;
  facts: AssessFacts;
  assessment: Assessment;
  brief: Brief;
}

/** Runs the whole pipeline for one issue. */
export function runBrief(store: Store, input: IntakeInput, options: BriefOptions): BriefRun {
  const { policy, now } = options;
  const lexicon = buildLexicon(policy);
  const vocabulary = compileVocabulary(policy);
  const accounts = store.accounts();
  const issue = intake(input, accounts, policy, now);
  const context = gather(store, issue, policy, lexicon);
  const relations = relate(
    {
      description: issue.description,
      problemText: issue.problemText,
      namedAccountIds: issue.customers.map((c) => c.accountId),
      scoped: issue.customers.length > 0 || issue.segment !== null,
      excludeTokens: issue.excludeTokens,
      signatures: issue.signatures,
    },
    context,
    policy,
    lexicon,
  );
  const facts = deriveFacts(issue, relations, context.accounts, policy, vocabulary, now);
  const assessment = assess(facts, policy);
  const brief = composeBrief({ issue, context, facts, assessment, policy, now, reporter: options.reporter });
  return { issue, context, relations, facts, assessment, brief };
}
