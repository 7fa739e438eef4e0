/**
 * Which records are about the issue: what the team rules out stays out, and a named customer's
 * other tickets count when they tell the issue as its matching ticket does, in whatever words.
 */
import { describe, expect, it } from "vitest";
import type { Bundle, Ticket } from "../src/domain/bundle.js";
import { loadPolicy } from "../src/config/load-policy.js";
import { findRuledOutKeys } from "../src/match/ruled-out.js";
import { baseline } from "./helpers/workspace.js";
import { briefOn } from "./helpers/run.js";

const NOW = "2026-11-10T06:00:00Z";
const DESCRIPTION = "Order API returning HTTP 500 errors intermittently for Acme";

/** The baseline with a fixed bug that reads like the issue, and a note on T-1 about it. */
const withFixedBugAndNote = (note: string): Bundle => {
  const b = baseline();
  const t1 = b.tickets?.[0] as Ticket;
  return {
    ...b,
    tickets: [
      {
        ...t1,
        comments: [
          ...(t1.comments ?? []),
          { author: "Sam", role: "internal", public: false, createdAt: "2026-11-10T01:00:00Z", body: note },
        ],
      },
      ...(b.tickets ?? []).slice(1),
    ],
    trackerIssues: [
      ...(b.trackerIssues ?? []),
      {
        key: "ENG-9",
        title: "Order API returns HTTP 500 on PUT /v2/orders",
        type: "bug",
        status: "done",
        createdAt: "2026-06-01T09:00:00Z",
        resolvedAt: "2026-06-10T09:00:00Z",
      },
    ],
  };
};

describe("keys the team rules out", () => {
  const ruledOut = (text: string) => [...findRuledOutKeys([text], loadPolicy().vocabulary.cues.ruledOut)];
  it.each([
    ["Not STY-4120, it is STY-4200 this time.", ["STY-4120"]],
    ["CB-ENG-590 doesn't apply: the periods start at 8.", ["CB-ENG-590"]],
    ["Checked SPF, so KB-48 is not it. Not ENG-3 either.", ["KB-48", "ENG-3"]],
    ["Same as ENG-3, and not ENG-4 again.", []],
  ])("%j rules out %j", (text, keys) => {
    expect(ruledOut(text)).toEqual(keys);
  });

  it.each([
    ["Not ENG-9: that one failed on PUT, these calls are POSTs.", false],
    ["This is different from ENG-9, which only hit PUT.", false],
    ["Looks like ENG-9 again.", true],
  ])("a note saying %j -> recurring %s", (note, recurring) => {
    const run = briefOn(withFixedBugAndNote(note), { description: DESCRIPTION }, NOW);
    expect(run.facts.recurring !== null).toBe(recurring);
    expect(run.relations.trackerIssues.some((r) => r.item.key === "ENG-9")).toBe(recurring);
  });
});

/** A district named in the input; its tickets come from its own and its contacts' addresses. */
const district = (extra: Ticket[], first: Partial<Ticket> = {}): Bundle => ({
  version: 1,
  team: { name: "Support", timeZone: "UTC", holidays: [], channels: {} },
  accounts: [
    {
      id: "brook",
      name: "Brookfield School District",
      domain: "brookfield.example",
      arr: 58000,
      contacts: [
        { name: "Gail", email: "gail@brookfield.example" },
        { name: "Front desk", email: "desk@elm-middle.example" },
      ],
    },
    { id: "sterling", name: "Sterling Prep", domain: "sterling.example", arr: 14000 },
  ],
  tickets: [
    {
      id: "B-1",
      accountId: "brook",
      subject: "Parents not getting absence texts or emails",
      description:
        "Since the new term started, parents at Elm Middle no longer get the 'your child was marked absent' text and email. Attendance is taken normally in every period.",
      status: "open",
      requester: { name: "Gail", email: "gail@brookfield.example" },
      createdAt: "2027-09-14T13:00:00Z",
      comments: [
        {
          author: "Lee",
          role: "internal",
          public: false,
          createdAt: "2027-09-14T14:00:00Z",
          body: "Config, not a bug: the new attendance policy has notify guardians off; notifications fire normally elsewhere.",
        },
      ],
      ...first,
    },
    {
      id: "B-3",
      accountId: "brook",
      subject: "Lunch menu widget shows last week",
      description: "The lunch menu on the parent app still shows last week.",
      status: "open",
      createdAt: "2027-09-14T11:00:00Z",
    },
    {
      id: "S-1",
      accountId: "sterling",
      subject: "Roster missing a new student",
      description: "A student enrolled Monday is not on the teacher's roster.",
      status: "open",
      createdAt: "2027-09-14T10:00:00Z",
    },
    ...extra,
  ],
  trackerIssues: [],
  kbArticles: [],
  chatMessages: [],
  escalations: [],
});
const DISTRICT_ISSUE =
  "brookfield / elm middle - parents not getting the absence texts/emails since the new term. checked their acct: the new period attendance policy they made end of aug has 'notify guardians' OFF, the old policy had it ON. told the office manager (gail) but she wants someone to confirm before she flips it. there's a kb for this i think.";

describe("a named customer's other tickets", () => {
  it.each([
    [
      "a few words from the district's domain",
      {
        id: "B-2",
        subject: "Absence notification settings - who changed them?",
        description: "Elm's office says the notices stopped. Did someone on your side change our settings?",
        requester: { name: "Ken", email: "ken@brookfield.example" },
      },
    ],
    [
      "the customer's own language, from a contact's own domain",
      {
        id: "B-4",
        subject: "Plus de SMS d'absence pour les parents",
        description: "Les parents du collège ne reçoivent plus les SMS d'absence depuis la rentrée.",
        requester: { name: "Front desk", email: "desk@elm-middle.example" },
      },
      {
        subject: "Les parents ne reçoivent plus les SMS d'absence / parents not getting absence texts",
        description:
          "Depuis la rentrée, les parents ne reçoivent plus les SMS et e-mails d'absence. L'appel est fait normalement.",
      },
    ],
  ])("%s counts as the customer's ticket", (_, t, first?: Partial<Ticket>) => {
    const ticket: Ticket = { status: "new", createdAt: "2027-09-14T18:00:00Z", ...t };
    const run = briefOn(
      district([ticket], first),
      { description: DISTRICT_ISSUE, customer: "Brookfield School District" },
      "2027-09-14T21:00:00Z",
    );
    const ids = run.relations.tickets.map((r) => r.item.id);
    expect(ids).toContain(ticket.id);
    expect(run.relations.tickets.find((r) => r.item.id === ticket.id)?.accountId).toBe("brook");
    // the customer's ticket about something else stays out
    expect(ids).not.toContain("B-3");
    expect(run.facts.affected.map((a) => a.account.id)).toEqual(["brook"]);
  });
});
