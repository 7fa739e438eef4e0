/**
 * The policy, rule by rule: a baseline workspace, changed in one place per row.
 */
import { describe, expect, it } from "vitest";
import type { Bundle, KbArticle, Ticket, TrackerIssue } from "../src/domain/bundle.js";
import { baseline } from "./helpers/workspace.js";
import { briefOn } from "./helpers/run.js";
import { renderMarkdown } from "../src/brief/render-markdown.js";

const EARLY = "2026-11-10T02:00:00Z"; // T-1 is 5h old: SLA ok
const IMMINENT = "2026-11-10T16:00:00Z"; // 19h of 24h
const BREACHED = "2026-11-11T00:00:00Z"; // 27h of 24h
const DESCRIPTION = "Order API returning HTTP 500 errors intermittently for Acme";

const withTicket = (b: Bundle, t: Partial<Ticket> & { id: string }): Bundle => ({
  ...b,
  tickets: [...(b.tickets ?? []), { subject: "", status: "open", createdAt: "2026-11-09T22:00:00Z", ...t }],
});
const withKb = (b: Bundle, k: KbArticle): Bundle => ({ ...b, kbArticles: [...(b.kbArticles ?? []), k] });
const withTracker = (b: Bundle, i: TrackerIssue): Bundle => ({
  ...b,
  trackerIssues: [...(b.trackerIssues ?? []), i],
});
const withAccount = (b: Bundle, id: string, arr: number, plan = "Business"): Bundle => ({
  ...b,
  accounts: [
    ...(b.accounts ?? []),
    { id, name: `${id[0]?.toUpperCase()}${id.slice(1)} Holdings`, domain: `${id}.example`, plan, arr },
  ],
});
const workaround: KbArticle = {
  id: "KB-9",
  kind: "workaround",
  title: "Order API HTTP 500 on POST /v2/orders: retry",
  body: "Intermittent HTTP 500 on POST /v2/orders: retry with an Idempotency-Key header until ENG-1 ships.",
};

interface Row {
  name: string;
  bundle: Bundle;
  description?: string;
  customer?: string;
  now?: string;
  expect: {
    decision: string;
    severity?: string | null;
    target?: string | null;
    rule?: string;
    accounts?: string[];
  };
}

const rows: Row[] = [
  {
    name: "a confirmed bug on a high-value account, SLA ok, nobody blocked: Engineering, Medium",
    bundle: baseline(),
    expect: {
      decision: "escalate",
      severity: "Medium",
      target: "Engineering",
      rule: "escalate.technical.confirmed_bug",
      accounts: ["acme"],
    },
  },
  {
    name: "the same at 79% of the resolution SLA: High (SLA imminent)",
    bundle: baseline(),
    now: IMMINENT,
    expect: { decision: "escalate", severity: "High", target: "Engineering", rule: "severity.high.sla" },
  },
  {
    name: "SLA breached on a high-value account: Leadership",
    bundle: baseline(),
    now: BREACHED,
    expect: { decision: "escalate", severity: "High", target: "Leadership", rule: "target.leadership" },
  },
  {
    name: "legal risk in the description: Leadership",
    bundle: baseline(),
    description: `${DESCRIPTION}; their lawyers are now involved`,
    expect: { decision: "escalate", target: "Leadership", rule: "escalate.business.legal_pr_risk" },
  },
  {
    name: "another company's data visible: Security, Critical",
    bundle: baseline(),
    description: "Acme says the orders page lists orders that belong to a different company",
    expect: {
      decision: "escalate",
      severity: "Critical",
      target: "Security",
      rule: "severity.critical.security_exposure",
    },
  },
  {
    name: "a tracked bug with a documented workaround and nothing else: handle in support",
    bundle: withKb(baseline(), workaround),
    expect: {
      decision: "handle_in_support",
      severity: null,
      target: null,
      rule: "support.tracked_bug_with_workaround",
    },
  },
  {
    name: "the same plus an exec request: Leadership, lowered to Medium",
    bundle: withKb(baseline(), workaround),
    description: `${DESCRIPTION}; their CTO wants to talk to our VP of Engineering`,
    expect: {
      decision: "escalate",
      severity: "Medium",
      target: "Leadership",
      rule: "escalate.business.exec_request",
    },
  },
  {
    name: "data loss stays Critical despite a workaround",
    bundle: withKb(baseline(), workaround),
    description: "Order API sync for Acme is overwriting order records and rows are missing from the export",
    expect: {
      decision: "escalate",
      severity: "Critical",
      target: "Engineering",
      rule: "severity.critical.data_at_risk",
    },
  },
  {
    name: "a churn threat from an account below high value: not Leadership",
    bundle: withAccount(baseline(), "smallco", 20000),
    description: "Smallco Holdings will move to a competitor unless we add a dark mode feature",
    expect: { decision: "escalate", severity: "Medium", target: "Product", accounts: ["smallco"] },
  },
  {
    name: "a churn threat from a high-value account: Leadership, High",
    bundle: baseline(),
    description:
      "Acme says they will not renew unless the orders API gets bulk cancellation, a missing feature",
    expect: {
      decision: "escalate",
      severity: "High",
      target: "Leadership",
      rule: "severity.high.high_value_churn",
    },
  },
  {
    name: "a segment: every account on the plan is affected",
    bundle: withAccount(baseline(), "initech", 50000, "Enterprise"),
    description: "Order API returning HTTP 500 errors for all Enterprise customers",
    expect: {
      decision: "escalate",
      rule: "escalate.impact.multiple_customers",
      accounts: ["acme", "initech"],
    },
  },
  {
    name: "a how-to question only: handle in support",
    bundle: withAccount(baseline(), "smallco", 20000),
    description: "Smallco Holdings wants to know how to schedule a weekly PDF report by email",
    customer: "Smallco Holdings",
    expect: {
      decision: "handle_in_support",
      severity: null,
      target: null,
      rule: "support.configuration_or_how_to",
    },
  },
  {
    name: "a missing capability with no other criterion: Product",
    bundle: withTracker(withAccount(baseline(), "smallco", 20000), {
      key: "FEAT-1",
      title: "Dark mode for dashboards",
      type: "feature",
      status: "open",
    }),
    description: "Smallco Holdings is asking for a dark mode for dashboards",
    expect: { decision: "escalate", severity: "Medium", target: "Product" },
  },
];

describe("assessment by policy", () => {
  it.each(rows)("$name", (row) => {
    const run = briefOn(
      row.bundle,
      { description: row.description ?? DESCRIPTION, customer: row.customer },
      row.now ?? EARLY,
    );
    const a = run.assessment;
    expect(a.decision).toBe(row.expect.decision);
    if ("severity" in row.expect) expect(a.severity).toBe(row.expect.severity);
    if ("target" in row.expect) expect(a.target).toBe(row.expect.target);
    if (row.expect.rule) expect(a.reasons.map((r) => r.rule)).toContain(row.expect.rule);
    if (row.expect.accounts) expect([...a.impact.accountIds].sort()).toEqual([...row.expect.accounts].sort());
  });

  it("counts a pattern of 3+ accounts in 14 days as High, and a matching workaround lowers it to Medium", () => {
    let bundle = withAccount(withAccount(baseline(), "initech", 30000), "hooli", 20000);
    bundle = withTicket(bundle, {
      id: "T-8",
      accountId: "initech",
      subject: "Order API POST /v2/orders HTTP 500 errors",
      priority: "normal",
    });
    bundle = withTicket(bundle, {
      id: "T-9",
      accountId: "hooli",
      subject: "HTTP 500 errors from the order API",
      priority: "normal",
    });
    bundle = { ...bundle, trackerIssues: [] };
    bundle.tickets![0]!.trackerKeys = [];
    const description = "Order API returning HTTP 500 errors intermittently — several customers this week";
    const run = briefOn(bundle, { description }, EARLY);
    expect(run.assessment.pattern.matchingAccounts).toBe(3);
    expect(run.assessment.severity).toBe("High");
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("escalate.pattern.multiple_customers");
    const lowered = briefOn(withKb(bundle, workaround), { description }, EARLY);
    expect(lowered.assessment.severity).toBe("Medium");
    expect(lowered.assessment.reasons.map((r) => r.rule)).toContain("severity.lowered_by_workaround");
  });

  it("finds a recurrence when a done bug fixed the problem before the new report", () => {
    const bundle = baseline();
    bundle.trackerIssues = [
      {
        key: "ENG-1",
        title: "Intermittent HTTP 500 on POST /v2/orders",
        type: "bug",
        status: "done",
        resolvedAt: "2026-10-01T00:00:00Z",
        ticketIds: ["T-1"],
      },
    ];
    const run = briefOn(bundle, { description: `${DESCRIPTION} again, we fixed this in October` }, EARLY);
    expect(run.assessment.pattern.recurring).toBe(true);
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("escalate.pattern.recurring");
  });

  it("does not call a done task a recurrence", () => {
    const bundle = baseline();
    bundle.trackerIssues = [
      {
        key: "ENG-1",
        title: "Intermittent HTTP 500 on POST /v2/orders",
        type: "task",
        status: "done",
        resolvedAt: "2026-10-01T00:00:00Z",
        ticketIds: ["T-1"],
      },
    ];
    expect(briefOn(bundle, { description: DESCRIPTION }, EARLY).assessment.pattern.recurring).toBe(false);
  });

  it("escalates a ticket open more than 7 days with no public agent reply", () => {
    const bundle = withAccount(baseline(), "smallco", 20000);
    bundle.tickets!.push({
      id: "T-5",
      accountId: "smallco",
      subject: "Webhook signature header unclear",
      description: "Which header carries the webhook signature?",
      status: "open",
      createdAt: "2026-11-01T00:00:00Z",
    });
    const run = briefOn(
      bundle,
      {
        description: "Smallco Holdings still has no answer on the webhook signature header",
        customer: "Smallco Holdings",
      },
      EARLY,
    );
    expect(run.assessment.decision).toBe("escalate");
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("escalate.time.no_progress");
    expect(run.assessment.target).toBe("L2 Support");
  });

  it("keeps every reason tied to a rule id and a fact", () => {
    const run = briefOn(baseline(), { description: DESCRIPTION }, IMMINENT);
    for (const reason of run.assessment.reasons) {
      expect(reason.rule).toMatch(/^(escalate|support|target|severity|decision)\./);
      expect(reason.detail.length).toBeGreaterThan(10);
    }
  });

  it("quantifies impact from the data: ARR, pending deals within 90 days, time in queue and SLA", () => {
    const run = briefOn(baseline(), { description: DESCRIPTION }, IMMINENT);
    expect(run.assessment.impact).toEqual({
      customersAffected: 1,
      accountIds: ["acme"],
      arrAtRisk: 480000,
      pendingDeals: 120000,
      timeInQueueHours: 19,
      sla: "imminent",
    });
  });
});

describe("references", () => {
  it("relates a ticket, tracker issue and KB article the description names by id", () => {
    const bundle = withKb(withAccount(baseline(), "smallco", 20000), {
      id: "KB-77",
      kind: "howto",
      title: "Exports",
      body: "How exports work.",
    });
    bundle.tickets!.push({
      id: "T-77",
      accountId: "smallco",
      subject: "Question",
      description: "Unclear thing.",
      status: "open",
      createdAt: "2026-11-09T00:00:00Z",
    });
    const run = briefOn(bundle, { description: "See T-77 and KB-77: Smallco Holdings still waiting" }, EARLY);
    expect(run.facts.relations.tickets.map((t) => t.item.id)).toContain("T-77");
    expect(run.facts.relations.kbArticles.map((k) => k.item.id)).toContain("KB-77");
    expect(run.assessment.impact.accountIds).toContain("smallco");
  });
});

describe("honest evidence", () => {
  // the baseline workspace holds another account's open, high-value, SLA-breached API ticket
  it("borrows no other account's ticket, ARR or SLA for a named customer with no ticket", () => {
    const bundle = withAccount(baseline(), "quietharbor", 30000);
    const run = briefOn(
      bundle,
      {
        description: "Quietharbor Holdings says the CSV export button is greyed out",
        customer: "Quietharbor Holdings",
      },
      EARLY,
    );
    expect(run.facts.relations.tickets).toEqual([]);
    expect(run.assessment.impact.accountIds).toEqual(["quietharbor"]);
    expect(run.assessment.impact.arrAtRisk).toBe(30000);
    expect(run.assessment.target).not.toBe("Leadership");
    const markdown = renderMarkdown(run.brief);
    expect(markdown).toContain("named in the input (no ticket of theirs matches this issue)");
    expect(markdown).toMatch(/Quietharbor Holdings: no ticket of theirs matches this issue/);
  });
});

describe("named customer fallback", () => {
  it("shows the named customer's only recent open ticket as unconfirmed when no words match", () => {
    const bundle = withAccount(baseline(), "smallco", 20000);
    bundle.tickets!.push({
      id: "T-40",
      accountId: "smallco",
      subject: "Help!!",
      description: "Nothing works since the update.",
      status: "open",
      createdAt: "2026-11-09T20:00:00Z",
    });
    const run = briefOn(
      bundle,
      { description: "Smallco Holdings cannot generate invoices", customer: "Smallco Holdings" },
      EARLY,
    );
    // being the customer's only open ticket is no evidence that it is this problem: it is shown as
    // unconfirmed and never counted (impact, pattern and decision read only related tickets)
    expect(run.facts.relations.tickets.map((r) => r.item.id)).not.toContain("T-40");
    const t = run.facts.relations.possibleTickets.find((r) => r.item.id === "T-40");
    expect(t?.why).toEqual(["the named customer's only recent open ticket; unconfirmed"]);
    expect(renderMarkdown(run.brief)).toContain("Possibly related (unconfirmed, not counted): ticket T-40");
  });

  it("does not guess between several unrelated open tickets", () => {
    const bundle = withAccount(baseline(), "smallco", 20000);
    for (const id of ["T-41", "T-42"]) {
      bundle.tickets!.push({
        id,
        accountId: "smallco",
        subject: "Help!!",
        description: "Nothing works.",
        status: "open",
        createdAt: "2026-11-09T20:00:00Z",
      });
    }
    const run = briefOn(
      bundle,
      { description: "Smallco Holdings cannot generate invoices", customer: "Smallco Holdings" },
      EARLY,
    );
    expect(run.facts.relations.tickets.map((r) => r.item.id)).not.toContain("T-41");
  });
});

describe("blocked, said at the end of a clause", () => {
  it("reads a high-value account that has to do something by a deadline 'and can't.' as blocked", () => {
    const description =
      "Acme has to push the month-end orders through the order API by Friday and can't. from their logs: HTTP 500 on POST /v2/orders";
    const run = briefOn(baseline(), { description }, EARLY);
    expect([...run.facts.blocked.keys()]).toEqual(["acme"]);
    expect(run.assessment.severity).toBe("High");
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("escalate.business.high_value_at_risk");
  });
});

describe("support cannot diagnose it", () => {
  // no tracker issue and no reproduction: only a how-to article matches
  const untracked = (): Bundle => {
    const bundle = withKb(baseline(), {
      id: "KB-31",
      kind: "howto",
      title: "Order API HTTP 500 on POST /v2/orders",
      body: "Send an Idempotency-Key header with every POST /v2/orders request and retry on HTTP 500.",
    });
    bundle.trackerIssues = [];
    bundle.tickets![0] = { ...bundle.tickets![0]!, trackerKeys: [], comments: [] };
    return bundle;
  };

  it("escalates to L2 when support cannot reproduce it or see the gateway logs, despite a matching how-to", () => {
    const description =
      "Acme's order API calls get HTTP 500 on POST /v2/orders now and then. couldn't repro from postman and i can't see gateway logs.";
    const run = briefOn(untracked(), { description }, EARLY);
    expect(run.facts.relations.kbArticles.map((k) => k.item.id)).toContain("KB-31");
    expect(run.assessment.decision).toBe("escalate");
    expect(run.assessment.target).toBe("L2 Support");
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("escalate.complexity.beyond_support");
    // support's own difficulty is not the customer being blocked
    expect(run.facts.blocked.size).toBe(0);
    expect(run.assessment.severity).toBe("Medium");
  });

  it("does not read 'wasn't able to reproduce' as a confirmed bug", () => {
    const bundle = untracked();
    bundle.tickets![0]!.comments = [
      {
        author: "Sam",
        role: "internal",
        public: false,
        createdAt: "2026-11-10T00:00:00Z",
        body: "I wasn't able to reproduce the 500 against the sandbox.",
      },
    ];
    const run = briefOn(bundle, { description: DESCRIPTION }, EARLY);
    expect(run.facts.confirmedBugBy).toBeNull();
    expect(run.assessment.target).toBe("L2 Support");
  });
});

describe("look-alike tickets named by account in a note", () => {
  const bundle = (): Bundle => {
    const b = withAccount(withAccount(baseline(), "smallco", 20000), "initech", 30000);
    b.tickets!.push(
      {
        id: "T-30",
        accountId: "smallco",
        subject: "Invoice PDFs show the old logo",
        description: "Since we uploaded our new logo yesterday, every invoice PDF still shows the old one.",
        status: "open",
        createdAt: "2026-11-09T23:00:00Z",
        comments: [
          {
            author: "Sam",
            role: "internal",
            public: false,
            createdAt: "2026-11-10T00:30:00Z",
            body: "Same as Initech Holdings in September, and unlike Globex Industries' contact question: the new logo isn't set as the default in Branding.",
          },
        ],
      },
      {
        id: "T-20",
        accountId: "initech",
        subject: "Old logo on invoice PDFs after uploading a new one",
        description: "We uploaded a new logo but the PDFs keep the old one.",
        status: "solved",
        createdAt: "2026-09-10T10:00:00Z",
        solvedAt: "2026-09-10T12:00:00Z",
        comments: [
          {
            author: "Sam",
            role: "agent",
            public: true,
            createdAt: "2026-09-10T12:00:00Z",
            body: "Set the new logo as default under Settings → Branding; the PDFs use it now.",
          },
        ],
      },
    );
    return b;
  };

  it("links the named account's look-alike solved ticket, so it was previously solved in support", () => {
    const run = briefOn(
      bundle(),
      { description: "smallco holdings: the letterhead on their invoices is outdated since the rebrand" },
      EARLY,
    );
    const linked = run.facts.relations.tickets.find((t) => t.item.id === "T-20");
    expect(linked?.why.join(" ")).toMatch(/named in a note on T-30/);
    // a named account whose tickets are about something else is not linked
    expect(run.facts.relations.tickets.map((t) => t.item.id)).not.toContain("T-2");
    expect(run.facts.solvedAtSupport).toEqual(["T-20"]);
    expect(run.assessment.decision).toBe("handle_in_support");
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("support.previously_solved");
    expect(run.assessment.impact.accountIds).toEqual(["smallco"]);
  });
  it("fetches the noted account's tickets even when they share no word with the description", () => {
    // nothing in this description finds T-20 by full text: only the note on T-30 points to it
    const run = briefOn(
      bundle(),
      { description: "smallco holdings: their letterhead still shows the outdated design since the rebrand" },
      EARLY,
    );
    const linked = run.facts.relations.tickets.find((t) => t.item.id === "T-20");
    expect(linked?.why.join(" ")).toMatch(/named in a note on T-30/);
    expect(run.facts.solvedAtSupport).toEqual(["T-20"]);
  });
});

describe("a named customer's ticket in another language", () => {
  it("stands in through its linked tracker issue, whose title says the issue", () => {
    const bundle = withAccount(baseline(), "smallco", 20000);
    bundle.tickets!.push(
      {
        id: "T-50",
        accountId: "smallco",
        subject: "Portail client en anglais",
        description:
          "Depuis la mise à jour, notre portail affiche les boutons en anglais au lieu du français.",
        status: "open",
        createdAt: "2026-11-09T20:00:00Z",
        trackerKeys: ["ENG-50"],
      },
      {
        id: "T-51",
        accountId: "smallco",
        subject: "Export comptable : ordre des colonnes",
        description: "L'export comptable sort les colonnes dans le mauvais ordre.",
        status: "open",
        createdAt: "2026-11-09T19:00:00Z",
      },
    );
    bundle.trackerIssues!.push({
      key: "ENG-50",
      title: "Customer portal buttons fall back to English after the update",
      type: "bug",
      status: "in_progress",
      ticketIds: ["T-50"],
    });
    const run = briefOn(
      bundle,
      {
        description:
          "Smallco Holdings: their client portal shows the buttons in English for French-speaking clients since the update; invoice downloads work",
      },
      EARLY,
    );
    const ids = run.facts.relations.tickets.map((t) => t.item.id);
    expect(ids).toContain("T-50");
    expect(ids).not.toContain("T-51");
    // related by its words with the customer's name, or through its linked tracker issue's title
    expect(run.facts.relations.tickets.find((t) => t.item.id === "T-50")?.why.join(" ")).toMatch(
      /linked tracker issues|linked to ENG-50/,
    );
    expect(run.assessment.target).toBe("Engineering");
  });
});

describe("recurrence after a resolved past escalation", () => {
  const bundle = (withChat: boolean): Bundle => {
    const b = withAccount(baseline(), "smallco", 20000);
    b.tickets!.push({
      id: "T-60",
      accountId: "smallco",
      subject: "Payroll file short 3 employees",
      description:
        "This week's payroll export has 3 fewer employees than the app shows. The 3 were moved from Warehouse to Drivers last week.",
      status: "open",
      createdAt: "2026-11-09T20:00:00Z",
      comments: [
        {
          author: "Sam",
          role: "internal",
          public: false,
          createdAt: "2026-11-09T21:00:00Z",
          body: "All 3 changed department inside the pay period.",
        },
      ],
    });
    b.escalations = [
      {
        id: "ESC-7",
        summary: "Payroll export omits employees who changed department during the pay period",
        accountIds: ["globex"],
        severity: "Critical",
        target: "Engineering",
        createdAt: "2026-03-02T10:00:00Z",
        resolvedAt: "2026-03-06T10:00:00Z",
        rootCause: "The export paged by the department at period start and skipped transferred employees.",
      },
    ];
    b.chatMessages = withChat
      ? [
          {
            channel: "#tier2",
            author: "Sam",
            at: "2026-11-09T21:30:00Z",
            text: "Smallco's payroll export is missing 3 people who changed department (T-60). Anyone remember the department-transfer export thing from March?",
          },
        ]
      : [];
    return b;
  };
  const description =
    "smallco holdings payroll export is short 3 ppl, all moved warehouse -> drivers. cutoff friday";

  it("matches the escalation through the customer's own subject, and the team recalling it makes it recurring", () => {
    const run = briefOn(bundle(true), { description }, EARLY);
    expect(run.facts.relations.pastEscalations.map((e) => e.item.id)).toEqual(["ESC-7"]);
    expect(run.assessment.pattern.recurring).toBe(true);
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("escalate.pattern.recurring");
  });

  it("does not call a match by words alone a recurrence when nobody says it is back", () => {
    const run = briefOn(bundle(false), { description }, EARLY);
    expect(run.facts.relations.pastEscalations.map((e) => e.item.id)).toEqual(["ESC-7"]);
    expect(run.assessment.pattern.recurring).toBe(false);
  });
});

describe("look-alike named in a note, worded apart", () => {
  it("links the noted account's ticket when the two tickets, replies included, agree", () => {
    const b = withAccount(withAccount(baseline(), "smallco", 20000), "initech", 30000);
    b.tickets!.push(
      {
        id: "T-70",
        accountId: "smallco",
        subject: "Storage almost full - will we be locked out??",
        description: "Red banner on every page: workspace storage 97% full. At 100% uploads are paused.",
        status: "open",
        createdAt: "2026-11-09T23:00:00Z",
        comments: [
          {
            author: "Sam",
            role: "internal",
            public: false,
            createdAt: "2026-11-10T00:30:00Z",
            body: "Most of it is Trash and old file versions (version retention unlimited). Emptying trash and keeping the last 10 versions frees half. Same as Initech Holdings in August.",
          },
        ],
      },
      {
        id: "T-20",
        accountId: "initech",
        subject: "Storage 95% warning",
        description: "We got a storage warning but we haven't added many projects. What is using the space?",
        status: "solved",
        createdAt: "2026-08-10T10:00:00Z",
        solvedAt: "2026-08-10T12:00:00Z",
        comments: [
          {
            author: "Sam",
            role: "agent",
            public: true,
            createdAt: "2026-08-10T12:00:00Z",
            body: "Most of your storage was old versions of one model. Set Version retention to keep the last 10 versions and empty the Trash.",
          },
        ],
      },
    );
    const run = briefOn(
      b,
      { description: "smallco holdings: red banner says storage 97% full, are we going to be locked out?" },
      EARLY,
    );
    const linked = run.facts.relations.tickets.find((t) => t.item.id === "T-20");
    expect(linked?.why.join(" ")).toMatch(/named in a note on T-70; the two tickets agree/);
    expect(run.facts.solvedAtSupport).toEqual(["T-20"]);
    expect(run.assessment.decision).toBe("handle_in_support");
  });
});

describe("what is and is not data at risk", () => {
  const globex = (b: Bundle, t: Partial<Ticket> & { id: string }) =>
    withTicket(b, { accountId: "globex", ...t });

  it("reads records left out of a report, stored data intact, as data at risk: Critical", () => {
    const bundle = globex(baseline(), {
      id: "T-20",
      subject: "Revenue report and invoice list differ",
      description: "The January revenue report shows 197 invoices, the invoice list has 212.",
    });
    const run = briefOn(
      bundle,
      {
        description:
          "Globex says the numbers in the revenue report don't add up vs the app. The invoices themselves are fine, only the report is wrong.",
        customer: "Globex",
      },
      EARLY,
    );
    expect(run.assessment.decision).toBe("escalate");
    expect(run.assessment.severity).toBe("Critical");
    expect(run.assessment.target).toBe("Engineering");
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("severity.critical.data_at_risk");
  });

  it("does not read 'nothing deleted, all still there' as data loss or exposure", () => {
    const bundle = globex(baseline(), {
      id: "T-21",
      subject: "Archiving a project closes its open tasks",
      description: "When we archive a project its open tasks are closed. We want them to stay open.",
      comments: [
        {
          author: "Kim",
          role: "internal",
          public: false,
          createdAt: "2026-11-09T23:00:00Z",
          body: "Engineering says this works as designed.",
        },
      ],
    });
    const run = briefOn(
      bundle,
      {
        description:
          "Globex unhappy that archiving a project closes its open tasks; eng says works as designed. Nothing deleted, tasks are all still there under closed, no data lost.",
        customer: "Globex",
      },
      EARLY,
    );
    const rules = run.assessment.reasons.map((r) => r.rule);
    expect(rules).not.toContain("severity.critical.data_at_risk");
    expect(rules).not.toContain("escalate.impact.security");
    expect(run.assessment.severity).toBe("Medium");
    expect(run.assessment.target).toBe("Product");
  });

  it("escalates duplicated records support reproduced as a confirmed bug, a workaround lowering it to Medium", () => {
    let bundle = globex(baseline(), {
      id: "T-22",
      subject: "Every job doubled on the board",
      description: "Since we connected the calendar every job shows up twice on the board.",
      comments: [
        {
          author: "Kim",
          role: "internal",
          public: false,
          createdAt: "2026-11-09T23:00:00Z",
          body: "Reproduced on staging: every job comes back from the calendar as a new job.",
        },
      ],
    });
    bundle = withKb(bundle, {
      id: "KB-40",
      kind: "workaround",
      title: "Duplicate jobs after connecting a calendar",
      body: "Delete the copies that come back from the calendar in bulk; the original jobs keep everything.",
    });
    const run = briefOn(
      bundle,
      {
        description:
          "Globex: since they connected the calendar every job on the board shows up twice; the copies can be deleted and nothing is lost",
        customer: "Globex",
      },
      EARLY,
    );
    const rules = run.assessment.reasons.map((r) => r.rule);
    expect(run.assessment.decision).toBe("escalate");
    expect(rules).toContain("escalate.technical.confirmed_bug");
    expect(rules).not.toContain("severity.critical.data_at_risk");
    expect(run.assessment.severity).toBe("Medium");
    expect(run.assessment.target).toBe("Engineering");
  });
});

describe("being logged out, however it is said", () => {
  it("relates another account's 'kicked out' ticket to a 'signed out' description", () => {
    const bundle = withTicket(baseline(), {
      id: "T-30",
      accountId: "globex",
      subject: "Kicked out of the scheduler",
      description: "Our dispatchers get kicked out of the scheduler every few minutes.",
    });
    const run = briefOn(bundle, { description: "Users keep getting signed out of the scheduler" }, EARLY);
    expect(run.relations.tickets.map((t) => t.item.id)).toContain("T-30");
  });

  it("finds, in the full-text index, a ticket that says it only as 'kicked out'", () => {
    const bundle = withTicket(baseline(), {
      id: "T-31",
      accountId: "globex",
      subject: "Kicked out constantly",
      description: "Our dispatchers get kicked out and have to sign in again.",
    });
    const run = briefOn(
      bundle,
      { description: "Users keep getting signed out and see the sign-in prompt every few minutes" },
      EARLY,
    );
    expect(run.context.tickets.map((t) => t.id)).toContain("T-31");
    expect(run.relations.tickets.map((t) => t.item.id)).toContain("T-31");
  });
});
