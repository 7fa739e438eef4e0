/**
 * What the team's KB and chat point at: a bug a matching KB article names by key is the issue's
 * tracked bug, and an account the team's chat likens the issue to points at that account's case.
 */
import { describe, expect, it } from "vitest";
import type { Bundle } from "../src/domain/bundle.js";
import { baseline } from "./helpers/workspace.js";
import { briefOn } from "./helpers/run.js";

const NOW = "2026-11-10T02:00:00Z";

describe("a tracker issue named by key in a matching KB article", () => {
  const bundle = (): Bundle => {
    const b = baseline();
    return {
      ...b,
      tickets: [
        ...(b.tickets ?? []),
        {
          id: "T-40",
          accountId: "globex",
          subject: "Markups land in the wrong spot on rotated sheets",
          description: "When we rotate a sheet 90 degrees and add a cloud markup it lands two inches off.",
          status: "open",
          createdAt: "2026-11-09T20:00:00Z",
          comments: [
            {
              author: "Sam",
              role: "agent",
              public: true,
              createdAt: "2026-11-09T21:00:00Z",
              body: "Thanks, I can reproduce this on our side.",
            },
          ],
        },
      ],
      trackerIssues: [
        ...(b.trackerIssues ?? []),
        // worded apart from the issue: only the KB article ties it to the problem
        {
          key: "DRW-9",
          title: "Viewport transform skipped for per-user orientation",
          type: "bug",
          status: "open",
        },
      ],
      kbArticles: [
        {
          id: "KB-70",
          kind: "workaround",
          title: "Markups appear offset on rotated sheets",
          body: "Known bug DRW-9: on a sheet rotated 90 degrees new markups are placed offset. Workaround: rotate back, add the markup, rotate again.",
        },
      ],
    };
  };

  it("is the tracked bug, so the documented workaround keeps the issue in support", () => {
    const run = briefOn(
      bundle(),
      { description: "Globex Industries: on a rotated sheet, cloud markups land offset from where they tap" },
      NOW,
    );
    const tracked = run.facts.relations.trackerIssues.find((r) => r.item.key === "DRW-9");
    expect(tracked?.why).toEqual(["named in KB-70"]);
    expect(run.assessment.decision).toBe("handle_in_support");
    expect(run.assessment.reasons.map((r) => r.rule)).toContain("support.tracked_bug_with_workaround");
  });
});

describe("an account the team's chat likens the issue to", () => {
  const bundle = (chat: string): Bundle => {
    const b = baseline();
    return {
      ...b,
      accounts: [
        ...(b.accounts ?? []),
        { id: "smallco", name: "Smallco Holdings", domain: "smallco.example", plan: "Business", arr: 20000 },
        { id: "initech", name: "Initech Holdings", domain: "initech.example", plan: "Business", arr: 30000 },
      ],
      tickets: [
        ...(b.tickets ?? []),
        {
          id: "T-30",
          accountId: "smallco",
          subject: "Invoice PDFs show the old logo",
          description: "Since we uploaded our new logo yesterday, every invoice PDF still shows the old one.",
          status: "open",
          createdAt: "2026-11-09T23:00:00Z",
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
      ],
      chatMessages: [{ id: "c1", channel: "#support", at: "2026-11-10T00:30:00Z", text: chat }],
    };
  };
  const description = "smallco holdings: the letterhead on their invoices is outdated since the rebrand";

  it("links that account's look-alike solved ticket, so support solved it before", () => {
    const run = briefOn(
      bundle(
        "T-30 invoice letterhead: smells like the branding default again (like Initech Holdings in Sept)",
      ),
      { description },
      NOW,
    );
    const linked = run.facts.relations.tickets.find((t) => t.item.id === "T-20");
    expect(linked?.why.join(" ")).toMatch(/named in the team's chat about T-30/);
    expect(run.facts.solvedAtSupport).toEqual(["T-20"]);
    expect(run.assessment.decision).toBe("handle_in_support");
  });

  it("does not follow an account the chat only lists", () => {
    const run = briefOn(
      bundle("T-30 invoice letterhead: who else has it? Smallco Holdings, Initech Holdings"),
      { description },
      NOW,
    );
    expect(run.facts.relations.tickets.map((t) => t.item.id)).not.toContain("T-20");
  });
});
