/**
 * Patterns: the same problem from 3+ customers in the window, a recurrence after a fix (a done
 * bug or a resolved escalation, then a new report), severity rising; through the CLI's contract
 * JSON, and on the demo workspace's multi-customer stories.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle, Ticket } from "../src/domain/bundle.js";
import { loadPolicy } from "../src/config/load-policy.js";
import { generateDemoWorkspace } from "../src/demo/generate.js";
import { DEMO_STORIES } from "../src/demo/stories.js";
import { findPatterns } from "../src/gather/patterns.js";
import { buildLexicon } from "../src/match/lexicon.js";
import { conceptStats, matchTrackerTitles, toPatternTicket } from "../src/patterns/cluster.js";
import { findRecurrence, risingSeverity } from "../src/patterns/signals.js";
import { importBundle, piecesOf } from "../src/store/import-bundle.js";
import { openStore } from "../src/store/sqlite-store.js";
import { baseline, cli, tempDir, writeBundle } from "./helpers/workspace.js";

const NOW = "2026-11-20T12:00:00Z";
const policy = loadPolicy();
const lexicon = buildLexicon(policy);

const report = (
  id: string,
  accountId: string,
  createdAt: string,
  subject: string,
  description: string,
  extra: Partial<Ticket> = {},
): Ticket => ({
  id,
  accountId,
  subject,
  description,
  status: "open",
  priority: "normal",
  createdAt,
  ...extra,
});

/** Baseline plus three more accounts, so that a problem can come from several customers. */
function workspace(tickets: Ticket[], more: Partial<Bundle> = {}): Bundle {
  const b = baseline();
  return {
    ...b,
    accounts: [
      ...(b.accounts ?? []),
      { id: "initech", name: "Initech", domain: "initech.example" },
      { id: "umbrella", name: "Umbrella Health", domain: "umbrella.example" },
      { id: "hooli", name: "Hooli", domain: "hooli.example" },
    ],
    tickets: [...(b.tickets ?? []), ...tickets],
    ...more,
  };
}

const calendarReports = [
  report(
    "C-1",
    "initech",
    "2026-11-16T09:00:00Z",
    "Calendar sync duplicates every recurring meeting",
    "Since Monday each recurring meeting appears twice in Outlook after the calendar sync runs. Deleting the copy brings it back on the next sync.",
  ),
  report(
    "C-2",
    "umbrella",
    "2026-11-17T15:00:00Z",
    "Recurring meetings show up twice after calendar sync",
    "Our staff see duplicate recurring meetings in Outlook; every sync adds the copy again.",
  ),
  report(
    "C-3",
    "hooli",
    "2026-11-19T08:00:00Z",
    "Duplicate recurring meetings in Outlook calendar",
    "The calendar sync creates a second copy of each recurring meeting for all our users.",
  ),
];
// shares words with the reports, but is another problem
const distractor = report(
  "C-4",
  "globex",
  "2026-11-18T10:00:00Z",
  "How to change the calendar colour in Outlook",
  "Where do we pick the colour that our meetings use in the Outlook calendar?",
);

function patternsOf(bundle: Bundle, now = NOW, days?: number) {
  const store = openStore(":memory:");
  try {
    importBundle(store, piecesOf(bundle));
    return findPatterns(store, { now: new Date(now), policy, lexicon, ...(days ? { days } : {}) }).patterns;
  } finally {
    store.close();
  }
}

describe("escalate patterns through the CLI", () => {
  const tmp = tempDir();
  const db = `${tmp.dir}/store.db`;
  beforeAll(() => {
    const path = writeBundle(tmp.dir, workspace([...calendarReports, distractor]));
    expect(cli(["import", path, "--db", db]).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it("lists the same problem from three customers, with the contract's keys, and not the look-alike", () => {
    const out = cli(["patterns", "--db", db, "--now", NOW, "--format", "json"]);
    expect(out.code).toBe(0);
    const { patterns } = JSON.parse(out.stdout) as { patterns: Array<Record<string, unknown>> };
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({
      ticketIds: ["C-1", "C-2", "C-3"],
      accountIds: ["hooli", "initech", "umbrella"],
      firstSeen: "2026-11-16T09:00:00Z",
      lastSeen: "2026-11-19T08:00:00Z",
      recurring: false,
      trackerKeys: [],
    });
    expect(patterns[0]?.summary).toMatch(/3 customers/);
  });

  it("keeps to the window: two days back holds one report, which is no pattern", () => {
    const out = cli(["patterns", "--db", db, "--now", NOW, "--days", "2", "--format", "json"]);
    expect(JSON.parse(out.stdout)).toMatchObject({ patterns: [] });
    const before = cli(["patterns", "--db", db, "--now", "2026-11-18T00:00:00Z", "--format", "json"]);
    expect(JSON.parse(before.stdout)).toMatchObject({ patterns: [] });
  });

  it("prints Markdown with the tickets and the reasons", () => {
    const out = cli(["patterns", "--db", db, "--now", NOW]);
    expect(out.stdout).toContain("## Patterns");
    expect(out.stdout).toContain("Tickets: C-1, C-2, C-3");
    expect(out.stdout).toMatch(/3 customers reported it within 14 days/);
  });

  it("refuses a bad --days with a one-line error", () => {
    const out = cli(["patterns", "--db", db, "--days", "soon"]);
    expect(out.code).toBe(2);
    expect(out.stderr.trim()).toMatch(/^escalate: --days: expected a number of days/);
  });
});

describe("reports that say a tracker issue's title in their own words", () => {
  // three customers, three wordings: little in common with each other, each says the issue's title
  const reports = [
    report(
      "V-1",
      "initech",
      "2026-11-16T09:00:00Z",
      "Invoice preview is a white page",
      "The PDF viewer renders nothing in Chrome since this morning; download still works.",
    ),
    report(
      "V-2",
      "umbrella",
      "2026-11-17T15:00:00Z",
      "Statements won't open inline",
      "In Chrome the inline viewer stays blank for every statement PDF.",
    ),
    report(
      "V-3",
      "hooli",
      "2026-11-19T08:00:00Z",
      "Nothing shows when I click a document",
      "Empty panel in the viewer, Chrome 133 on Windows. It renders fine in Firefox.",
    ),
  ];
  const issue = {
    key: "DOC-7",
    title: "Inline PDF viewer renders blank in Chrome 133",
    type: "bug" as const,
    status: "open" as const,
  };

  it("groups them around the issue", () => {
    const [p] = patternsOf(workspace(reports, { trackerIssues: [issue] }));
    expect(p).toMatchObject({ ticketIds: ["V-1", "V-2", "V-3"], trackerKeys: ["DOC-7"] });
    expect(p?.reasons.join(" ")).toMatch(/both report DOC-7/);
  });

  it("without the issue their words alone do not make a group", () => {
    expect(patternsOf(workspace(reports))).toEqual([]);
  });
});

describe("recurrence after a fix", () => {
  const fixed = {
    key: "CAL-9",
    title: "Calendar sync duplicates recurring meetings in Outlook",
    type: "bug" as const,
    status: "done" as const,
    createdAt: "2026-09-01T10:00:00Z",
    resolvedAt: "2026-09-10T10:00:00Z",
    ticketIds: ["OLD-1"],
  };
  const old = report(
    "OLD-1",
    "initech",
    "2026-09-01T09:00:00Z",
    "Recurring meetings duplicated by calendar sync",
    "Every recurring meeting shows twice.",
    { status: "solved" },
  );
  const newReport = report(
    "N-1",
    "umbrella",
    "2026-11-19T08:00:00Z",
    "Recurring meetings duplicated in Outlook again",
    "The calendar sync duplicates each recurring meeting again, like in September.",
  );

  it("a new report linked to a done bug is a recurrence, with the bug's key", () => {
    const linked = { ...newReport, trackerKeys: ["CAL-9"] };
    const [p] = patternsOf(workspace([old, linked], { trackerIssues: [fixed] }));
    expect(p).toMatchObject({ ticketIds: ["N-1"], recurring: true, trackerKeys: ["CAL-9"] });
    expect(p?.reasons.join(" ")).toMatch(/CAL-9 \(bug, done 2026-09-10T10:00:00Z\) fixed this before/);
  });

  it("a report that says it is back and matches the fixed bug's title is a recurrence without a link", () => {
    const [p] = patternsOf(workspace([old, newReport], { trackerIssues: [fixed] }));
    expect(p).toMatchObject({ ticketIds: ["N-1"], recurring: true, trackerKeys: ["CAL-9"] });
  });

  it("a won't-do closure, a feature or a fix after the report is no recurrence", () => {
    const linked = { ...newReport, trackerKeys: ["CAL-9"] };
    for (const issue of [
      { ...fixed, status: "wont_do" as const },
      { ...fixed, type: "feature" as const },
      { ...fixed, resolvedAt: "2026-11-19T20:00:00Z" },
    ]) {
      expect(
        patternsOf(workspace([old, linked], { trackerIssues: [issue] }), "2026-11-20T12:00:00Z"),
      ).toEqual([]);
    }
  });

  it("a resolved past escalation tracked as the same issue makes a recurrence", () => {
    const linked = {
      ...newReport,
      description: "Duplicates of recurring meetings.",
      trackerKeys: ["CAL-10"],
    };
    const open = { ...fixed, key: "CAL-10", status: "open" as const, resolvedAt: undefined };
    const escalation = {
      id: "ESC-7",
      summary: "Outlook calendar sync duplicated recurring meetings",
      createdAt: "2026-09-02T10:00:00Z",
      resolvedAt: "2026-09-12T10:00:00Z",
      rootCause: "sync ignored the series id",
      trackerKey: "CAL-10",
    };
    const [p] = patternsOf(workspace([linked], { trackerIssues: [open], escalations: [escalation] }));
    expect(p).toMatchObject({ ticketIds: ["N-1"], recurring: true });
    expect(p?.reasons.join(" ")).toMatch(/escalation ESC-7 was resolved/);
  });

  it("the team recalling the fix in a chat message about the report makes it a recurrence", () => {
    const quiet = {
      ...newReport,
      subject: "Outlook shows each weekly meeting twice",
      description: "Every weekly meeting series is duplicated in Outlook by the calendar sync.",
    };
    const fix = { ...fixed, ticketIds: [] };
    const chat = {
      channel: "#tier2",
      at: "2026-11-19T09:00:00Z",
      text: "N-1 looks like the Outlook duplicates we fixed in September, didn't we fix this?",
    };
    const [p] = patternsOf(workspace([quiet], { trackerIssues: [fix], chatMessages: [chat] }));
    expect(p).toMatchObject({ ticketIds: ["N-1"], recurring: true, trackerKeys: ["CAL-9"] });
    // the same report with nobody saying it is back is no recurrence (a match by words alone)
    expect(patternsOf(workspace([quiet], { trackerIssues: [fix] }))).toEqual([]);
  });

  it("a chat message recalling the fix by its key, naming no report, is about the reports whose words agree", () => {
    const quiet = {
      ...newReport,
      subject: "Outlook shows each weekly meeting twice",
      description: "Every weekly meeting series is duplicated in Outlook by the calendar sync since the update.",
    };
    // another customer's report in the window, about something else
    const other = report(
      "N-2",
      "hooli",
      "2026-11-19T10:00:00Z",
      "Invoice PDF shows the wrong currency",
      "Invoices for our UK entity show EUR instead of GBP.",
    );
    const fix = { ...fixed, ticketIds: [] };
    const recall = {
      channel: "#eng",
      at: "2026-11-19T11:00:00Z",
      text: "Outlook calendar sync duplicating weekly meeting series again, this looks like CAL-9 all over again",
    };
    const [p, ...rest] = patternsOf(workspace([quiet, other], { trackerIssues: [fix], chatMessages: [recall] }));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ ticketIds: ["N-1"], recurring: true, trackerKeys: ["CAL-9"] });
    expect(p?.reasons.join(" ")).toMatch(/the team's chat says it is back: "Outlook calendar sync duplicating/);
    // naming the fix without saying it is back is no recurrence
    const mention = { ...recall, text: "Outlook calendar sync duplicating weekly meeting series, see CAL-9 for the old fix" };
    expect(patternsOf(workspace([quiet, other], { trackerIssues: [fix], chatMessages: [mention] }))).toEqual([]);
    // nor is a recall whose words the report does not share
    const elsewhere = { ...recall, text: "Currency conversion rounding again, like CAL-9" };
    expect(patternsOf(workspace([quiet, other], { trackerIssues: [fix], chatMessages: [elsewhere] }))).toEqual([]);
  });

  it("the customer saying it is back in a later comment counts, with the comment's words", () => {
    const quiet = {
      ...newReport,
      subject: "Outlook shows each weekly meeting twice",
      description: "Every weekly meeting series is duplicated in Outlook.",
      comments: [
        {
          role: "customer" as const,
          createdAt: "2026-11-19T12:00:00Z",
          body: "Still happening. Is this the same problem as in September? The calendar sync duplicates recurring meetings again.",
        },
      ],
    };
    const fix = { ...fixed, ticketIds: [] };
    const [p] = patternsOf(workspace([quiet], { trackerIssues: [fix] }));
    expect(p).toMatchObject({ ticketIds: ["N-1"], recurring: true, trackerKeys: ["CAL-9"] });
    expect(p?.reasons.join(" ")).toMatch(/N-1 says it is back/);
    // the same words from an agent are not the customer saying it is back
    const agent = { ...quiet, comments: quiet.comments.map((c) => ({ ...c, role: "agent" as const })) };
    expect(patternsOf(workspace([agent], { trackerIssues: [fix] }))).toEqual([]);
  });

  it("the brief's recurrence and the patterns' read the same rule", () => {
    const issue = { ...fixed };
    expect(findRecurrence([{ item: issue, linked: false }], [], false, Date.parse(NOW))).toBeNull();
    expect(findRecurrence([{ item: issue, linked: false }], [], true, Date.parse(NOW))?.trackerKey).toBe(
      "CAL-9",
    );
    expect(
      findRecurrence([{ item: issue, linked: true }], [], false, Date.parse("2026-09-05T00:00:00Z")),
    ).toBeNull();
  });
});

describe("tracker titles as hubs", () => {
  const titles = [
    { key: "BUG-1", title: "Count screen stops responding after forty bins in the handheld app" },
    { key: "FEAT-2", title: "Skip bin on the handheld count screen" },
  ];
  const view = (id: string, subject: string, links: string[] = []) =>
    toPatternTicket(report(id, "initech", NOW, subject, ""), "initech", links, lexicon);

  it("a report says the one title it says most, and a linked report none", () => {
    const both = view("T-1", "Count screen stops responding on the handheld after forty bins");
    const onlyFeature = view("T-2", "Please let us skip a bin on the handheld count screen");
    const linked = view("T-3", "Skip bin on the count screen, and the screen stops responding after forty bins", [
      "FEAT-2",
    ]);
    const tickets = [both, onlyFeature, linked];
    matchTrackerTitles(tickets, titles, lexicon, conceptStats(100, new Map()), policy.pattern.similarity);
    // it half-says the feature's title too; joining on both would make one group of two problems
    expect([...both.titleMatches]).toEqual(["BUG-1"]);
    expect([...onlyFeature.titleMatches]).toEqual(["FEAT-2"]);
    // the team already said which issue it reports
    expect([...linked.titleMatches]).toEqual([]);
  });
});

describe("rising severity", () => {
  const t = { risingMinTickets: 3, risingRateFactor: 2, windowDays: 14 };
  const at = (id: string, createdAt: string, priority: Ticket["priority"] = "normal") =>
    report(id, "initech", createdAt, "x", "x", { priority });

  it("reads a priority climbing from the first report to the latest", () => {
    const tickets = [
      at("A", "2026-11-10T00:00:00Z", "low"),
      at("B", "2026-11-12T00:00:00Z"),
      at("C", "2026-11-19T00:00:00Z", "urgent"),
    ];
    expect(risingSeverity(tickets, new Date(NOW), t)).toMatch(
      /priority climbed from low \(A\) to urgent \(C\)/,
    );
  });

  it("reads reports coming in faster in the window's recent half", () => {
    const tickets = [
      at("A", "2026-11-08T00:00:00Z"),
      at("B", "2026-11-14T00:00:00Z"),
      at("C", "2026-11-15T00:00:00Z"),
      at("D", "2026-11-19T00:00:00Z"),
    ];
    expect(risingSeverity(tickets, new Date(NOW), t)).toMatch(/3 in the last 7 days against 1/);
    // as many before as after is no trend
    expect(
      risingSeverity(
        [...tickets, at("E", "2026-11-09T00:00:00Z"), at("F", "2026-11-10T00:00:00Z")],
        new Date(NOW),
        t,
      ),
    ).toBeNull();
  });
});

describe("patterns on the demo workspace", () => {
  const anchor = new Date("2026-11-28T10:00:00Z");
  const patterns = patternsOf(generateDemoWorkspace({ anchor }), anchor.toISOString());

  it.each(
    DEMO_STORIES.filter((s) => s.example.expect.relatedTickets.length >= 3).map((s) => [s.key, s] as const),
  )("the %s story's reports form one pattern of several customers", (_key, story) => {
    const wanted = story.example.expect.relatedTickets;
    const p = patterns.find((x) => wanted.every((id) => x.ticketIds.includes(id)));
    expect(p, `no pattern holds ${wanted.join(", ")}`).toBeDefined();
    expect(p?.kinds).toContain("customers");
    expect(p?.accountIds.length).toBeGreaterThanOrEqual(3);
  });
});
