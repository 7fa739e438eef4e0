/**
 * The facts the rules read (POLICY.md section 1), derived from the intake, the related records
 * and the accounts. Every fact keeps its evidence: a ticket id, a sentence, an account.
 */
import type { Nature, Policy } from "../config/policy.js";
import {
  customerVoice,
  staffVoice,
  ticketText,
  type Account,
  type KbArticle,
  type Ticket,
  type TrackerIssue,
} from "../domain/bundle.js";
import type { SlaState } from "../domain/assessment.js";
import { findHits, type CompiledVocabulary, type CueHit } from "../intake/cues.js";
import type { IssueFacts } from "../intake/intake.js";
import type { Related, Relations } from "../match/relate.js";
import { findRecurrence, risingSeverity } from "../patterns/signals.js";

const HOUR = 3_600_000;
const CLOSED = new Set(["solved", "closed"]);

/** True for a ticket in any status but solved and closed. */
export const isOpen = (t: Ticket): boolean => !CLOSED.has(t.status);

/** Everything the rules read. */
export interface AssessFacts {
  now: Date;
  accounts: Map<string, Account>;
  affected: Array<{ account: Account; why: string }>;
  unknownAccountTickets: string[];
  natures: Map<Nature, CueHit[]>;
  cues: {
    execRequest: CueHit[];
    churnThreat: CueHit[];
    legalRisk: CueHit[];
    prRisk: CueHit[];
    policyException: CueHit[];
    productionDown: CueHit[];
    complexity: CueHit[];
    customImplementation: CueHit[];
    designDecision: CueHit[];
    confirmedBug: CueHit[];
    recurrence: CueHit[];
  };
  highValue: Set<string>;
  blocked: Map<string, CueHit>;
  sla: {
    state: SlaState;
    worst: { ticketId: string; accountId: string; ratio: number; elapsed: number; resolution: number } | null;
  };
  timeInQueueHours: number | null;
  timeInQueueSource: string | null;
  arrAtRisk: number | null;
  pendingDeals: {
    total: number;
    deals: Array<{ accountId: string; name: string; amount: number; closeDate: string }>;
  } | null;
  workarounds: KbArticle[];
  documentation: KbArticle[];
  trackedBugs: TrackerIssue[];
  confirmedBugBy: string | null;
  designDecisionBy: string | null;
  featureRequests: TrackerIssue[];
  recurring: { by: string } | null;
  patternAccounts: string[];
  rising: string | null;
  noProgress: { ticketId: string; ageHours: number; sinceReplyHours: number | null } | null;
  solvedAtSupport: string[];
  dataAtRisk: CueHit[];
  /** What says there is a security concern (data exposure, unauthorized access, a vulnerability). */
  securityConcern: CueHit[];
  /** The same, when it touched real data: a finding reproduced only on test data is not an exposure. */
  securityExposure: CueHit[];
  majorBroken: string | null;
  relations: Relations;
}

/** Derives the facts. */
export function deriveFacts(
  issue: IssueFacts,
  relations: Relations,
  accountList: readonly Account[],
  policy: Policy,
  vocabulary: CompiledVocabulary,
  now: Date,
): AssessFacts {
  const accounts = new Map(accountList.map((a) => [a.id, a]));
  const related = relations.tickets;
  const open = related.filter((r) => isOpen(r.item));

  // --- who is affected
  const affected = new Map<string, string>();
  for (const c of issue.customers)
    affected.set(
      c.accountId,
      c.how === "name" ? "named in the input" : `named in the input (by ${c.how}: ${c.matched})`,
    );
  for (const id of issue.segment?.accountIds ?? []) {
    if (!affected.has(id))
      affected.set(id, `on the ${issue.segment?.plan} plan ("${issue.segment?.phrase}")`);
  }
  for (const r of open) {
    if (r.accountId && accounts.has(r.accountId) && !affected.has(r.accountId)) {
      affected.set(r.accountId, `open matching ticket ${r.item.id}`);
    }
  }
  const affectedList = [...affected]
    .filter(([id]) => accounts.has(id))
    .map(([id, why]) => ({ account: accounts.get(id) as Account, why }));

  // --- cues and natures, from the description and the matching open tickets
  const texts: Array<{ text: string; source: string }> = [
    { text: issue.description, source: "description" },
    ...open.map((r) => ({ text: ticketText(r.item), source: r.item.id })),
  ];
  const natureHits = new Map<Nature, CueHit[]>();
  for (const { text, source } of texts) {
    for (const hit of findHits(text, vocabulary.natures, source)) {
      natureHits.set(hit.cue, [...(natureHits.get(hit.cue) ?? []), hit]);
    }
  }
  const cueNames = [
    "execRequest",
    "churnThreat",
    "legalRisk",
    "prRisk",
    "policyException",
    "productionDown",
    "complexity",
    "customImplementation",
    "designDecision",
    "confirmedBug",
    "recurrence",
  ] as const;
  const cues = Object.fromEntries(cueNames.map((n) => [n, [] as CueHit[]])) as AssessFacts["cues"];
  for (const { text, source } of texts) {
    for (const hit of findHits(text, vocabulary.cues, source, cueNames)) cues[hit.cue].push(hit);
  }
  // the team's own discussion of the issue may recall that it happened before ("anyone remember the
  // export thing from January?"): a recurrence cue, whoever says it
  for (const r of relations.chatMessages)
    cues.recurrence.push(...findHits(r.item.text, vocabulary.cues, `chat ${r.item.channel}`, ["recurrence"]));
  // only staff can confirm a bug
  cues.confirmedBug = open.flatMap((r) =>
    findHits(staffVoice(r.item), vocabulary.cues, r.item.id, ["confirmedBug"]),
  );

  // --- tracker issues
  const tracker = relations.trackerIssues.map((r) => r.item);
  const bugLike = (i: TrackerIssue) => i.type === "bug" || i.type === "incident";
  const trackedBugs = tracker.filter(
    (i) => bugLike(i) && (i.status === "open" || i.status === "in_progress"),
  );
  const featureRequests = tracker.filter((i) => i.type === "feature" && i.status !== "done");
  const wontDo = tracker.filter((i) => bugLike(i) && i.status === "wont_do");
  if (featureRequests.length > 0)
    addNature(
      natureHits,
      "feature_gap",
      featureRequests[0]?.key ?? "",
      `feature request ${featureRequests[0]?.key}: ${featureRequests[0]?.title}`,
    );
  if (trackedBugs.length > 0)
    addNature(
      natureHits,
      "bug",
      trackedBugs[0]?.key ?? "",
      `${trackedBugs[0]?.type} ${trackedBugs[0]?.key}: ${trackedBugs[0]?.title}`,
    );

  const designDecisionBy = cues.designDecision[0]
    ? `"${cues.designDecision[0].sentence}" (${cues.designDecision[0].source})`
    : wontDo[0] && trackedBugs.length === 0
      ? `${wontDo[0].key} closed as wont_do`
      : null;

  // --- recurrence: a fixed bug/incident or a resolved escalation, and the problem reported after it
  const latestReport = Math.max(now.getTime() - 1, ...open.map((r) => Date.parse(r.item.createdAt)));
  const recurring = findRecurrence(
    relations.trackerIssues.map((r) => ({
      item: r.item,
      linked: r.why.some((w) => w.startsWith("linked") || w.startsWith("referenced")),
    })),
    relations.pastEscalations.map((r) => ({
      item: r.item,
      linked: r.why.some((w) => w.startsWith("referenced") || w.startsWith("tracked")),
    })),
    cues.recurrence.length > 0,
    latestReport,
  );

  let confirmedBugBy: string | null = null;
  if (!designDecisionBy) {
    if (trackedBugs[0])
      confirmedBugBy = `${trackedBugs[0].key} is an ${trackedBugs[0].status} ${trackedBugs[0].type}`;
    else if (recurring?.by.startsWith("tracker")) confirmedBugBy = recurring.by.replace(/^tracker /, "");
    else if (cues.confirmedBug[0] && natureHits.has("bug")) {
      confirmedBugBy = `support reproduced it: "${cues.confirmedBug[0].sentence}" (${cues.confirmedBug[0].source})`;
    }
  }

  // --- value, blocking
  const hv = policy.highValue;
  const isHighValue = (a: Account) =>
    (a.arr ?? 0) >= hv.arrAtLeast ||
    (hv.strategic && a.strategic === true) ||
    (hv.reference && a.reference === true);
  const highValue = new Set(affectedList.filter((x) => isHighValue(x.account)).map((x) => x.account.id));
  const blocked = new Map<string, CueHit>();
  const namedIds = new Set(issue.customers.map((c) => c.accountId));
  for (const { account } of affectedList) {
    const own = open
      .filter((r) => r.accountId === account.id)
      .map((r) => ({ text: customerVoice(r.item), source: r.item.id }));
    const candidates =
      namedIds.has(account.id) || namedIds.size === 0
        ? [{ text: issue.description, source: "description" }, ...own]
        : own;
    const notUrgent = candidates.some(
      (c) => findHits(c.text, vocabulary.cues, c.source, ["notUrgent"]).length > 0,
    );
    if (notUrgent) continue;
    // "i can't see the gateway logs" is support unable to diagnose, not the customer blocked
    const hit = candidates
      .flatMap((c) =>
        findHits(c.text, vocabulary.cues, c.source, ["blocked", "productionDown", "complexity"]),
      )
      .filter((h, _, all) => h.cue !== "complexity" && !(h.cue === "blocked" && saysComplexity(all, h)))[0];
    if (hit) blocked.set(account.id, hit);
  }

  // --- SLA and time
  const sla = slaState(open, accounts, policy, now);
  const oldestOpen = open.reduce<Related<Ticket> | null>(
    (o, r) => (!o || r.item.createdAt < o.item.createdAt ? r : o),
    null,
  );
  let timeInQueueHours: number | null = null;
  let timeInQueueSource: string | null = null;
  if (oldestOpen) {
    timeInQueueHours = (now.getTime() - Date.parse(oldestOpen.item.createdAt)) / HOUR;
    timeInQueueSource = `since ${oldestOpen.item.id} was opened`;
  }
  if (issue.statedDuration && (timeInQueueHours === null || issue.statedDuration.hours > timeInQueueHours)) {
    timeInQueueHours = issue.statedDuration.hours;
    timeInQueueSource = `the description says "${issue.statedDuration.phrase}"`;
  }

  // --- revenue
  const arrValues = affectedList.map((x) => x.account.arr).filter((v): v is number => typeof v === "number");
  const arrAtRisk = arrValues.length > 0 ? arrValues.reduce((s, v) => s + v, 0) : null;
  const horizon = now.getTime() + policy.impact.pendingDealDays * 24 * HOUR;
  const deals = affectedList.flatMap(({ account }) =>
    (account.deals ?? [])
      .filter((d) => d.closeDate && !/closed|lost|won/i.test(d.stage ?? ""))
      .filter(
        (d) =>
          Date.parse(`${d.closeDate}T23:59:59Z`) >= now.getTime() &&
          Date.parse(`${d.closeDate}T00:00:00Z`) <= horizon,
      )
      .map((d) => ({ accountId: account.id, name: d.name, amount: d.amount, closeDate: d.closeDate ?? "" })),
  );
  const pendingDeals = deals.length > 0 ? { total: deals.reduce((s, d) => s + d.amount, 0), deals } : null;

  // --- knowledge base
  const kb = relations.kbArticles.map((r) => r.item);
  const workarounds = kb.filter(
    (k) => k.kind === "workaround" || k.kind === "known_issue" || k.kind === "limitation",
  );
  const documentation = kb.filter((k) => k.kind === "howto");

  // --- pattern
  const windowStart = now.getTime() - policy.pattern.windowDays * 24 * HOUR;
  const recent = related.filter(
    (r) => Date.parse(r.item.createdAt) >= windowStart && Date.parse(r.item.createdAt) <= now.getTime(),
  );
  const patternAccounts = [...new Set(recent.map((r) => r.accountId).filter((a): a is string => Boolean(a)))];
  const rising = risingSeverity(
    recent.map((r) => r.item),
    now,
    policy.pattern,
  );

  // --- progress
  const noProgress = findNoProgress(
    open.map((r) => r.item),
    policy,
    now,
  );
  const solvedAtSupport = related
    .filter((r) => !isOpen(r.item))
    .filter(
      (r) =>
        (r.item.trackerKeys ?? []).length === 0 &&
        !relations.trackerIssues.some((t) => (t.item.ticketIds ?? []).includes(r.item.id)),
    )
    .map((r) => r.item.id);

  const dataAtRisk = natureHits.get("data_integrity") ?? [];
  const securityConcern = natureHits.get("security") ?? [];
  // POLICY.md section 3: a vulnerability reproduced without real customer data touched is a concern,
  // not an exposure ("reproduced it on our own test patients")
  const testDataOnly = texts.some(
    ({ text, source }) => findHits(text, vocabulary.cues, source, ["testDataOnly"]).length > 0,
  );
  const securityExposure = testDataOnly ? [] : securityConcern;
  const anyBlocked = [...blocked.keys()][0];
  const majorBroken =
    confirmedBugBy && workarounds.length === 0 && anyBlocked
      ? `${confirmedBugBy}, ${accounts.get(anyBlocked)?.name} is blocked and no workaround is documented`
      : null;

  return {
    now,
    accounts,
    affected: affectedList,
    unknownAccountTickets: open.filter((r) => !r.accountId).map((r) => r.item.id),
    natures: natureHits,
    cues,
    highValue,
    blocked,
    sla,
    timeInQueueHours,
    timeInQueueSource,
    arrAtRisk,
    pendingDeals,
    workarounds,
    documentation,
    trackedBugs,
    confirmedBugBy,
    designDecisionBy,
    featureRequests,
    recurring,
    patternAccounts,
    rising,
    noProgress,
    solvedAtSupport,
    dataAtRisk,
    securityConcern,
    securityExposure,
    majorBroken,
    relations,
  };
}

const saysComplexity = (hits: readonly CueHit[], h: CueHit): boolean =>
  hits.some((x) => x.cue === "complexity" && x.source === h.source && x.sentence === h.sentence);

function addNature(map: Map<Nature, CueHit[]>, nature: Nature, source: string, sentence: string): void {
  map.set(nature, [...(map.get(nature) ?? []), { cue: nature, sentence, source }]);
}

function slaState(
  open: Array<Related<Ticket> & { accountId: string | undefined }>,
  accounts: Map<string, Account>,
  policy: Policy,
  now: Date,
): AssessFacts["sla"] {
  let worst: AssessFacts["sla"]["worst"] = null;
  for (const r of open) {
    const resolution = r.accountId ? accounts.get(r.accountId)?.sla?.resolutionHours : undefined;
    if (!r.accountId || !resolution) continue;
    const elapsed = (now.getTime() - Date.parse(r.item.createdAt)) / HOUR;
    const ratio = elapsed / resolution;
    if (!worst || ratio > worst.ratio)
      worst = { ticketId: r.item.id, accountId: r.accountId, ratio, elapsed, resolution };
  }
  if (!worst) return { state: "unknown", worst: null };
  const state: SlaState =
    worst.ratio > policy.sla.breachedAbove
      ? "breached"
      : worst.ratio >= policy.sla.imminentAt
        ? "imminent"
        : "ok";
  return { state, worst };
}

function findNoProgress(open: Ticket[], policy: Policy, now: Date): AssessFacts["noProgress"] {
  for (const t of [...open].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const ageHours = (now.getTime() - Date.parse(t.createdAt)) / HOUR;
    if (ageHours <= policy.time.staleOpenDays * 24) continue;
    const replies = (t.comments ?? [])
      .filter((c) => c.role === "agent" && c.public !== false && Date.parse(c.createdAt) <= now.getTime())
      .map((c) => Date.parse(c.createdAt));
    const last = replies.length ? Math.max(...replies) : null;
    const sinceReplyHours = last === null ? null : (now.getTime() - last) / HOUR;
    if (sinceReplyHours === null || sinceReplyHours > policy.time.noProgressHours)
      return { ticketId: t.id, ageHours, sinceReplyHours };
  }
  return null;
}
