/**
 * Intake: the description (and optional customer) -> IssueFacts. Pure: accounts, policy and the
 * clock come in as arguments.
 */
import type { Policy } from "../config/policy.js";
import type { Account } from "../domain/bundle.js";
import { findCustomersInText, normalizeName, resolveCustomer, type CustomerLink } from "./customers.js";
import { findSegment, type Segment } from "./segments.js";
import { extractSignatures, type Signatures } from "./signatures.js";
import { problemText } from "./working-clauses.js";
import { findFrequency, findStatedDuration, type Frequency, type StatedDuration } from "./times.js";

/** What the product understood from the input alone. */
export interface IssueFacts {
  description: string;
  /** The description without the clauses that say what still works: what matching looks for. */
  problemText: string;
  customerInput: string | null;
  /** Accounts named by `--customer` or in the text. */
  customers: CustomerLink[];
  /** A `--customer` value that matched no account. */
  unresolvedCustomer: string | null;
  segment: Segment | null;
  signatures: Signatures;
  statedDuration: StatedDuration | null;
  frequency: Frequency | null;
  /** Words that name customers or segments: not what the issue is about. */
  excludeTokens: Set<string>;
}

/** The input of intake. */
export interface IntakeInput {
  description: string;
  customer?: string | undefined;
}

/** Reads the input into facts. */
export function intake(
  input: IntakeInput,
  accounts: readonly Account[],
  policy: Policy,
  now: Date,
): IssueFacts {
  const suffixes = policy.vocabulary.legalSuffixes;
  const links = new Map<string, CustomerLink>();
  let unresolved: string | null = null;
  if (input.customer?.trim()) {
    const link = resolveCustomer(input.customer, accounts, suffixes);
    if (link) links.set(link.accountId, link);
    else unresolved = input.customer.trim();
  }
  for (const link of findCustomersInText(input.description, accounts, suffixes)) {
    if (!links.has(link.accountId)) links.set(link.accountId, link);
  }
  const segment = findSegment(input.description, accounts, policy.vocabulary.segments);

  const exclude = new Set<string>();
  for (const link of links.values()) {
    const account = accounts.find((a) => a.id === link.accountId);
    for (const t of normalizeName(link.matched)) exclude.add(t);
    if (account) for (const t of normalizeName(account.name)) exclude.add(t);
  }
  if (input.customer) for (const t of normalizeName(input.customer)) exclude.add(t);
  if (segment) for (const t of normalizeName(segment.plan)) exclude.add(t);

  return {
    description: input.description.trim(),
    problemText: problemText(
      input.description.trim(),
      policy.vocabulary.cues.worksFine.map((p) => new RegExp(p, "i")),
      policy.vocabulary.negations,
    ),
    customerInput: input.customer?.trim() || null,
    customers: [...links.values()],
    unresolvedCustomer: unresolved,
    segment,
    signatures: extractSignatures(input.description),
    statedDuration: findStatedDuration(input.description, now),
    frequency: findFrequency(input.description),
    excludeTokens: exclude,
  };
}
