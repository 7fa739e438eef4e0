/**
 * Compose: assessment + context -> the brief, in the practice's sections and order. Every value
 * names its source; a field with no source says so and names who can fill it in.
 */
import type { AssessFacts } from "../assess/facts.js";
import { isOpen } from "../assess/facts.js";
import type { Policy } from "../config/policy.js";
import type { Assessment, Reason } from "../domain/assessment.js";
import type { Account, Severity, Target, Ticket } from "../domain/bundle.js";
import type { Context } from "../domain/context.js";
import type { IssueFacts } from "../intake/intake.js";
import { clip, sentences, squash } from "../intake/text.js";
import { describeCadence, formatCadence } from "../lifecycle/cadence.js";
import { composeRepro, type ReproSection } from "./repro-section.js";
import { day, duration, money, when } from "./format.js";

/** The brief, section by section (PRACTICE.md step 6), plus what the product adds after it. */
export interface Brief {
  kind: "escalation" | "support";
  title: string;
  severity: Severity | null;
  target: Target | null;
  alsoNotify: Target[];
  reportedBy: string;
  date: string;
  impact: { customersAffected: string; workflowImpact: string; revenueAtRisk: string; timeInQueue: string };
  description: string;
  tried: string[];
  repro: ReproSection;
  communication: { lastUpdate: string; expectation: string; risk: string };
  needed: { asks: string[]; deadline: string };
  supporting: string[];
  reasons: Reason[];
  followUp: { internalEveryHours: number; customerUpdateEveryHours: [number, number]; text: string } | null;
  toComplete: string[];
  readiness: { score: number; strengths: string[]; improvements: string[] };
  nextSteps: string[];
}

/** The inputs of composition. */
export interface ComposeInput {
  issue: IssueFacts;
  context: Context;
  facts: AssessFacts;
  assessment: Assessment;
  policy: Policy;
  now: Date;
  reporter: string | null;
}

const TRIED =
  /\b(tried|try(ing)?|attempt(ed)?|restart(ed)?|re-?install(ed)?|clear(ed)?|reconnect(ed)?|re-?sav(e|ed)|follow(ed)?|walked through|went through|turned (it |the \w+ )?off|switched|rolled back|retr(y|ied|ying)|reproduced|confirmed|verified|checked|revoked|locked|restored|frozen|froze|forwarded|escalat(ed|ing)|linked|raised|filed|added|set (the|it)|changed)\b/i;

/** Builds the brief. */
export function composeBrief(input: ComposeInput): Brief {
  const { issue, facts, assessment, policy, now, context } = input;
  const tz = context.team.timeZone ?? "UTC";
  const openTickets = facts.relations.tickets.filter((r) => isOpen(r.item)).map((r) => r.item);
  const primary = openTickets[0] ?? facts.relations.tickets[0]?.item;
  const owners = policy.owners;
  const toComplete: string[] = [];
  const unknown = (what: string, owner: string | undefined) => {
    toComplete.push(`${what}: ${owner ?? "the reporter"} can fill it in`);
    return `Unknown — no source has it; ${owner ?? "the reporter"} can fill it in`;
  };

  const repro = composeRepro({ issue, facts, assessment, primary });
  toComplete.push(...repro.missing);
  toComplete.push(...withoutTickets(issue, facts));
  if (facts.relations.vague)
    toComplete.unshift(
      `Description: it says too little to match on ("${clip(issue.description, 60)}"), so no ticket, tracker issue or article is counted; say which feature or screen, what happens, since when and for which customer`,
    );

  const brief: Brief = {
    kind: assessment.decision === "escalate" ? "escalation" : "support",
    title: clip(sentences(issue.description)[0] ?? issue.description, 120),
    severity: assessment.severity,
    target: assessment.target,
    alsoNotify: assessment.alsoNotify,
    reportedBy:
      input.reporter ?? "Not configured — set ESCALATE_REPORTER or `reporter:` in the escalate config file",
    date: day(now, tz),
    impact: {
      customersAffected:
        customersLine(facts, issue) ??
        unknown("Customers affected", owners.customers ?? "the ticket assignee"),
      workflowImpact: workflowLine(facts, primary) ?? unknown("Workflow impact", owners.customerExpectation),
      revenueAtRisk: revenueLine(facts) ?? unknown("Revenue at risk", owners.revenue),
      timeInQueue: timeLine(facts, tz) ?? unknown("Time in queue", owners.timeline),
    },
    description: descriptionText(issue, facts, primary),
    tried: triedLines(issue, facts, tz),
    repro,
    communication: communication(facts, tz, owners, toComplete),
    needed: needed(facts, assessment, tz, now, policy),
    supporting: supporting(facts, context, tz),
    reasons: assessment.reasons,
    followUp: null,
    toComplete,
    readiness: { score: 0, strengths: [], improvements: [] },
    nextSteps: [],
  };
  if (brief.tried.length === 0)
    toComplete.push(
      `What's been tried: nothing recorded in the tickets; ${owners.timeline ?? "the assignee"} can fill it in`,
    );
  if (assessment.severity) {
    const updateHours = slaUpdateHours(facts);
    const summary = describeCadence(assessment.severity, policy.cadence, updateHours);
    brief.followUp = { ...summary, text: formatCadence(assessment.severity, policy.cadence, updateHours) };
  }
  brief.readiness = repro.readiness(brief);
  brief.nextSteps = nextSteps(brief, context);
  return brief;
}

/** The named customers no related ticket comes from: the brief borrows nothing for them. */
function namedWithoutTickets(issue: IssueFacts, f: AssessFacts): Account[] {
  const withTickets = new Set(f.relations.tickets.map((r) => r.accountId));
  return issue.customers
    .map((c) => f.accounts.get(c.accountId))
    .filter((a): a is Account => a !== undefined && !withTickets.has(a.id));
}

/** What to ask before sending when a named customer has no matching ticket: the facts a ticket holds. */
function withoutTickets(issue: IssueFacts, f: AssessFacts): string[] {
  return namedWithoutTickets(issue, f).map(
    (a) =>
      `${a.name}: no ticket of theirs matches this issue, so what is broken, since when and for how many users come only from the description; ${a.owner ? `${a.owner} (account owner)` : "the account owner"} or the reporter can ask the customer`,
  );
}

function slaUpdateHours(f: AssessFacts): number | undefined {
  const hours = f.affected
    .map((a) => a.account.sla?.updateHours)
    .filter((h): h is number => typeof h === "number" && h > 0);
  return hours.length > 0 ? Math.min(...hours) : undefined;
}

const describeAccount = (a: Account, f: AssessFacts): string => {
  const tags = [
    a.plan,
    a.strategic ? "strategic" : null,
    a.reference ? "reference" : null,
    f.highValue.has(a.id) ? "high-value" : null,
  ].filter(Boolean);
  return `${a.name}${tags.length ? ` (${tags.join(", ")})` : ""}`;
};

function customersLine(f: AssessFacts, issue: IssueFacts): string | null {
  const unresolved = issue.unresolvedCustomer
    ? `"${issue.unresolvedCustomer}" matches no account in the CRM data`
    : null;
  if (f.affected.length === 0) {
    if (unresolved) return `Unknown — ${unresolved}; the account owner can confirm who it is`;
    if (f.unknownAccountTickets.length > 0)
      return `Not linked to an account: ${f.unknownAccountTickets.join(", ")} came from outside the CRM's customers`;
    return null;
  }
  const silent = new Set(namedWithoutTickets(issue, f).map((a) => a.id));
  const list = f.affected
    .map(
      (x) =>
        `${describeAccount(x.account, f)} — ${x.why}${silent.has(x.account.id) ? " (no ticket of theirs matches this issue)" : ""}`,
    )
    .join("; ");
  let line = `${f.affected.length} — ${list}`;
  if (issue.segment?.qualifiers.length) {
    line += `. Assumption: "${issue.segment.qualifiers.join(" ")}" cannot be checked against account data, so every ${issue.segment.plan} account is counted`;
  }
  if (f.patternAccounts.length > f.affected.length)
    line += `; ${f.patternAccounts.length} accounts reported it in the pattern window`;
  return line;
}

function workflowLine(f: AssessFacts, primary: Ticket | undefined): string | null {
  const parts: string[] = [];
  const down = f.cues.productionDown[0];
  if (down) parts.push(`Production down: "${down.sentence}" (${down.source})`);
  const data = f.dataAtRisk[0];
  if (data) parts.push(`Data at risk: "${data.sentence}" (${data.source})`);
  for (const [accountId, hit] of f.blocked) {
    if (parts.length >= 3) break;
    if (hit === down) continue;
    parts.push(`${f.accounts.get(accountId)?.name ?? accountId} blocked: "${hit.sentence}" (${hit.source})`);
  }
  if (parts.length === 0 && primary) {
    const s = sentences(primary.description ?? primary.subject)[0];
    if (s) parts.push(`"${clip(s, 220)}" (${primary.id})`);
  }
  if (parts.length === 0) return null;
  const depth =
    f.cues.productionDown.length > 0 || f.blocked.size > 0
      ? "Blocked"
      : "Inconvenienced (not blocked per the tickets)";
  return `${depth}. ${parts.join(" ")}`;
}

function revenueLine(f: AssessFacts): string | null {
  if (f.arrAtRisk === null) return null;
  const per = f.affected
    .filter((x) => typeof x.account.arr === "number")
    .map((x) => `${x.account.name} ${money(x.account.arr ?? 0)}`)
    .join(" + ");
  let line = `${money(f.arrAtRisk)} ARR (${per})`;
  const missing = f.affected.filter((x) => typeof x.account.arr !== "number").map((x) => x.account.name);
  if (missing.length) line += `; no ARR on record for ${missing.join(", ")}`;
  if (f.pendingDeals) {
    line += `; pending deals ${money(f.pendingDeals.total)} (${f.pendingDeals.deals.map((d) => `${d.name}, ${money(d.amount)}, closes ${d.closeDate}`).join("; ")})`;
  } else line += "; no open deals closing within 90 days";
  return line;
}

function timeLine(f: AssessFacts, tz: string): string | null {
  if (f.timeInQueueHours === null) return null;
  let line = `${duration(f.timeInQueueHours)} (${f.timeInQueueSource ?? ""})`;
  const w = f.sla.worst;
  if (w) {
    const due = new Date(
      Date.parse(f.relations.tickets.find((t) => t.item.id === w.ticketId)?.item.createdAt ?? "") +
        w.resolution * 3_600_000,
    );
    line += `; SLA ${f.sla.state}: ${w.ticketId} at ${w.elapsed.toFixed(0)}h of its ${w.resolution}h resolution target (${Math.round(w.ratio * 100)}%), due ${when(due, tz)}`;
  } else line += "; SLA unknown: no matching ticket's account has a resolution SLA";
  return line;
}

function descriptionText(issue: IssueFacts, f: AssessFacts, primary: Ticket | undefined): string {
  const out: string[] = [squash(issue.description).replace(/([^.!?])$/, "$1.")];
  if (primary) {
    const first = sentences(primary.description ?? "")
      .slice(0, 2)
      .join(" ");
    const account = primary.accountId ? f.accounts.get(primary.accountId)?.name : undefined;
    out.push(
      `${account ?? "The requester"} reported it in ${primary.id} ("${primary.subject}") on ${primary.createdAt.slice(0, 10)}${first ? `: "${clip(first, 300)}"` : "."}`,
    );
  }
  const tracked = f.relations.trackerIssues[0]?.item;
  if (tracked)
    out.push(
      `The tracker has ${tracked.key} (${tracked.type ?? "issue"}, ${tracked.status.replace("_", " ")}): ${tracked.title}.`,
    );
  if (f.recurring) out.push(`It came back after a fix: ${f.recurring.by}.`);
  if (f.designDecisionBy) out.push(`Engineering's position: ${f.designDecisionBy}.`);
  if (issue.frequency) out.push(`Frequency: ${issue.frequency.kind} ("${issue.frequency.phrase}").`);
  return out.slice(0, 5).join(" ");
}

function triedLines(issue: IssueFacts, f: AssessFacts, tz: string): string[] {
  const out: string[] = [];
  for (const r of f.relations.tickets.filter((t) => isOpen(t.item)).slice(0, 4)) {
    for (const c of r.item.comments ?? []) {
      for (const s of sentences(c.body)) {
        if (out.length >= 6) return out;
        if (TRIED.test(s) && !s.trim().endsWith("?"))
          out.push(
            `${clip(s, 240)} — ${r.item.id}, ${c.role ?? "comment"}${c.author ? ` ${c.author}` : ""}, ${when(c.createdAt, tz)}`,
          );
      }
    }
  }
  for (const s of sentences(issue.description))
    if (TRIED.test(s) && out.length < 6) out.push(`${clip(s, 240)} — description`);
  return out;
}

function communication(
  f: AssessFacts,
  tz: string,
  owners: Record<string, string>,
  toComplete: string[],
): Brief["communication"] {
  const open = f.relations.tickets.filter((r) => isOpen(r.item)).map((r) => r.item);
  const comments = open.flatMap((t) => (t.comments ?? []).map((c) => ({ t, c })));
  const publicAgent = comments
    .filter((x) => x.c.role === "agent" && x.c.public !== false)
    .sort((a, b) => b.c.createdAt.localeCompare(a.c.createdAt))[0];
  const customer = comments
    .filter((x) => x.c.role === "customer")
    .sort((a, b) => b.c.createdAt.localeCompare(a.c.createdAt))[0];
  const lastUpdate = publicAgent
    ? `${when(publicAgent.c.createdAt, tz)} in ${publicAgent.t.id}${publicAgent.c.author ? ` by ${publicAgent.c.author}` : ""}: "${clip(publicAgent.c.body, 260)}"`
    : (toComplete.push(
        `Last update to customer: no public agent reply in the matching tickets; ${owners.customerExpectation ?? "the assignee"} can confirm`,
      ),
      "No public agent reply is recorded in the matching tickets");
  let expectation: string;
  if (customer) {
    const asks = sentences(customer.c.body).filter((s) =>
      /\?|\b(need|expect|by|before|until|deadline|asap|today|tomorrow|monday|tuesday|wednesday|thursday|friday)\b/i.test(
        s,
      ),
    );
    expectation = `${customer.c.author ?? "The customer"} (${customer.t.id}, ${when(customer.c.createdAt, tz)}): "${clip((asks.length ? asks : sentences(customer.c.body)).slice(0, 2).join(" "), 260)}"`;
  } else {
    const sla = f.affected.map((a) => a.account.sla).find((s) => s?.resolutionHours);
    expectation = sla
      ? `No follow-up from the customer yet; their SLA (${sla.name ?? "contract"}) expects resolution within ${sla.resolutionHours}h${sla.updateHours ? ` and updates every ${sla.updateHours}h` : ""}`
      : (toComplete.push(
          `Customer expectation: ${owners.customerExpectation ?? "the assignee"} can ask the customer`,
        ),
        "Not stated in the tickets; the assignee can ask the customer");
  }
  const risks: string[] = [];
  for (const [label, hits] of [
    ["churn threat", f.cues.churnThreat],
    ["legal", f.cues.legalRisk],
    ["PR", f.cues.prRisk],
    ["executive request", f.cues.execRequest],
  ] as const) {
    const h = hits[0];
    if (h) risks.push(`${label}: "${clip(h.sentence, 200)}" (${h.source})`);
  }
  for (const { account } of f.affected) {
    if (
      account.renewalDate &&
      Date.parse(account.renewalDate) - f.now.getTime() < 120 * 86_400_000 &&
      Date.parse(account.renewalDate) > f.now.getTime()
    ) {
      risks.push(`${account.name} renews on ${account.renewalDate}`);
    }
  }
  if (f.sla.state === "breached" || f.sla.state === "imminent")
    risks.push(`SLA ${f.sla.state} on ${f.sla.worst?.ticketId}`);
  return {
    lastUpdate,
    expectation,
    risk: risks.length
      ? `Yes — ${risks.join("; ")}`
      : "No churn, legal, PR or executive signal in the matching tickets",
  };
}

function needed(f: AssessFacts, a: Assessment, tz: string, now: Date, policy: Policy): Brief["needed"] {
  const asks: string[] = [];
  const tracked = f.trackedBugs[0];
  const feature = f.featureRequests[0];
  switch (a.target) {
    case "Security":
      asks.push(
        "Assess and contain the exposure now: confirm what was accessed, by whom, and which other tenants or users are affected",
      );
      asks.push("Tell support what the customer may be told and when (disclosure obligations)");
      break;
    case "Leadership":
      if (f.cues.policyException[0])
        asks.push("Approve or decline the exception the customer asked for, and say what we may offer");
      if (f.cues.churnThreat[0])
        asks.push(
          `Decide what we can commit to keep the account${feature ? ` (e.g. a date for ${feature.key}: ${feature.title})` : ""}`,
        );
      if (f.cues.legalRisk[0])
        asks.push("Decide the response with Legal before the customer's stated deadline");
      if (f.cues.prRisk[0])
        asks.push("Own the public-facing response and an executive contact with the customer");
      if (f.cues.execRequest[0]) asks.push("Name the executive who will contact the customer, and when");
      if (f.sla.state === "breached")
        asks.push("Decide on SLA remedies and secure engineering priority for the fix");
      if (asks.length === 0) asks.push("Make the cross-functional decision this needs");
      break;
    case "Engineering":
      if (f.recurring) asks.push(`Find why the fix did not hold (${f.recurring.by}) and fix it for good`);
      else if (tracked) asks.push(`Prioritize the fix for ${tracked.key} and share an ETA`);
      else asks.push("Investigate the root cause and confirm whether a code fix is needed");
      if (f.dataAtRisk[0]) asks.push("Say whether affected data can be restored, and how");
      break;
    case "Product":
      asks.push(
        `Make a product decision${f.designDecisionBy ? " on the intended behaviour" : ""}${feature ? ` on ${feature.key} (${feature.title})` : ""} and give a date or a clear no`,
      );
      break;
    case "L2 Support":
      asks.push(
        "Investigate with access and knowledge frontline support lacks; confirm whether it is a bug, a configuration or a limitation",
      );
      break;
    default:
      {
        const kb = f.workarounds[0] ?? f.documentation[0];
        asks.push(
          kb
            ? `Give the customer the documented ${kb.kind ?? "answer"} (${kb.id}: ${kb.title}): "${clip(kb.body, 240)}"`
            : "Resolve in support with the configuration or guidance the tickets point to",
        );
      }
      if (f.trackedBugs[0])
        asks.push(`Link the ticket to ${f.trackedBugs[0].key} so the customer hears when it is fixed`);
  }
  const deadlines: string[] = [];
  const w = f.sla.worst;
  if (w) {
    const created = f.relations.tickets.find((t) => t.item.id === w.ticketId)?.item.createdAt ?? "";
    const due = new Date(Date.parse(created) + w.resolution * 3_600_000);
    deadlines.push(
      due.getTime() < now.getTime()
        ? `resolution overdue since ${when(due, tz)} (${w.ticketId}'s ${w.resolution}h SLA)`
        : `resolution due ${when(due, tz)} (${w.ticketId}'s ${w.resolution}h SLA)`,
    );
  }
  if (a.severity) {
    const internal = policy.cadence[a.severity].internal;
    const hours = "hours" in internal ? internal.hours : internal.businessDays * 24;
    deadlines.push(
      `first update from ${a.target ?? "the team"} by ${when(new Date(now.getTime() + hours * 3_600_000), tz)} (${a.severity} cadence)`,
    );
  }
  return {
    asks,
    deadline: deadlines.length
      ? deadlines.join("; ")
      : "None set — no SLA applies; agree one with the customer",
  };
}

function supporting(f: AssessFacts, context: Context, tz: string): string[] {
  const out: string[] = [];
  for (const r of f.relations.tickets.slice(0, 10)) {
    const account = r.accountId ? f.accounts.get(r.accountId)?.name : "no account";
    out.push(
      `Ticket ${r.item.id} (${r.item.status}${r.item.priority ? `, ${r.item.priority}` : ""}, ${account}, opened ${r.item.createdAt.slice(0, 10)}): ${r.item.subject} — ${r.why.join("; ")}`,
    );
  }
  // near the model's threshold: a reviewer may confirm them, the brief does not count them
  for (const r of f.relations.possibleTickets.slice(0, 5)) {
    const account = r.accountId ? f.accounts.get(r.accountId)?.name : "no account";
    out.push(
      `Possibly related (unconfirmed, not counted): ticket ${r.item.id} (${r.item.status}, ${account}, opened ${r.item.createdAt.slice(0, 10)}): ${r.item.subject} — ${r.why.join("; ")}`,
    );
  }
  for (const r of f.relations.trackerIssues) {
    const i = r.item;
    out.push(
      `Tracker ${i.key} (${[i.type, i.status, i.priority, i.team].filter(Boolean).join(", ")}): ${i.title}${i.url ? ` — ${i.url}` : ""}`,
    );
  }
  for (const r of f.relations.chatMessages.slice(0, 6)) {
    out.push(
      `Chat ${r.item.channel}, ${when(r.item.at, tz)}${r.item.author ? `, ${r.item.author}` : ""}: "${clip(r.item.text, 220)}"`,
    );
  }
  for (const r of f.relations.kbArticles)
    out.push(
      `KB ${r.item.id} (${r.item.kind ?? "article"}): ${r.item.title}${r.item.url ? ` — ${r.item.url}` : ""}`,
    );
  for (const r of f.relations.pastEscalations) {
    const e = r.item;
    out.push(
      `Past escalation ${e.id} (${e.severity ?? "?"}, ${e.resolvedAt ? `resolved ${e.resolvedAt.slice(0, 10)}` : "open"}): ${e.summary}${e.rootCause ? ` — root cause: ${e.rootCause}` : ""}`,
    );
  }
  for (const { account } of f.affected.slice(0, 5)) {
    const sla = account.sla
      ? `SLA ${account.sla.name ?? ""} ${account.sla.resolutionHours ?? "?"}h resolution / ${account.sla.updateHours ?? "?"}h updates`
      : "no SLA";
    out.push(
      `Account ${account.name}: owner ${account.owner ?? "unknown"}, ${sla}${account.renewalDate ? `, renews ${account.renewalDate}` : ""}`,
    );
  }
  for (const failure of context.failures) out.push(`Source ${failure.source} failed: ${failure.message}`);
  return out;
}

function nextSteps(brief: Brief, context: Context): string[] {
  const channel = brief.target ? context.team.channels?.[brief.target] : undefined;
  if (brief.kind === "support") {
    return [
      "Should I draft the customer reply with the workaround or answer?",
      "Want me to set a follow-up reminder to confirm it worked?",
    ];
  }
  return [
    `Want me to post this in ${channel ?? "a chat channel"} for ${brief.target ?? "the target team"}?`,
    "Should I update the customer with an interim response?",
    `Want me to set a follow-up reminder to check on this${brief.followUp ? ` (${brief.followUp.text})` : ""}?`,
    "Should I draft a customer-facing update with the current status?",
  ];
}
