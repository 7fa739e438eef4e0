/**
 * Chat without thread ids: the next message in a channel, soon after a message about the issue and
 * sharing an idea with it, is its answer; the documentation that answer names is the issue's.
 */
import { describe, expect, it } from "vitest";
import type { Bundle, ChatMessage } from "../src/domain/bundle.js";
import { loadPolicy } from "../src/config/load-policy.js";
import { buildLexicon } from "../src/match/lexicon.js";
import { chatReplies } from "../src/match/chat-replies.js";
import { baseline } from "./helpers/workspace.js";
import { briefOn } from "./helpers/run.js";

const NOW = "2026-11-10T15:00:00Z";
const lexicon = buildLexicon(loadPolicy());
const limits = { minutes: 60, minShared: 1 };
const msg = (channel: string, at: string, text: string, threadId?: string): ChatMessage => ({
  channel,
  at,
  text,
  ...(threadId ? { threadId } : {}),
});

describe("chatReplies (pure)", () => {
  const question = msg(
    "#support",
    "2026-11-09T21:40:00Z",
    "does a paused subscription keep its discount? (T-50)",
  );
  it("takes the channel's next message, within the window, sharing an idea", () => {
    const answer = msg("#support", "2026-11-09T22:05:00Z", "yes, pausing keeps the discount, see KB-90");
    const elsewhere = msg("#eng", "2026-11-09T21:50:00Z", "deploy of 4.2 done, discount service restarted");
    expect(chatReplies([question], [question, elsewhere, answer], lexicon, limits)).toEqual([
      { reply: answer, to: question },
    ]);
  });
  it("not a message after the window, nor one about something else, nor one in another thread", () => {
    const late = msg("#support", "2026-11-09T23:05:00Z", "yes, pausing keeps the discount, see KB-90");
    expect(chatReplies([question], [question, late], lexicon, limits)).toEqual([]);
    const unrelated = msg("#support", "2026-11-09T21:55:00Z", "who has the printer password?");
    expect(chatReplies([question], [question, unrelated], lexicon, limits)).toEqual([]);
    const threaded = { ...question, threadId: "t1" };
    const other = msg("#support", "2026-11-09T22:05:00Z", "pausing keeps the discount", "t2");
    expect(chatReplies([threaded], [threaded, other], lexicon, limits)).toEqual([]);
  });
  it("takes every later reply posted in the message's own thread, whatever its words and time", () => {
    const root = {
      ...msg("#support", "2026-11-09T21:40:00Z", "parent sees a kid who isn't theirs, T-50"),
      id: "c1",
    };
    const inThread = msg("#support", "2026-11-10T09:00:00Z", "Lindale had something odd too, T-48", "c1");
    const notInThread = msg("#support", "2026-11-09T21:45:00Z", "printer is out of toner");
    expect(chatReplies([root], [root, notInThread, inThread], lexicon, limits)).toEqual([
      { reply: inThread, to: root },
    ]);
  });
});

describe("a reply that names the documentation", () => {
  const bundle = (answer: string): Bundle => {
    const b = baseline();
    return {
      ...b,
      tickets: [
        ...(b.tickets ?? []),
        {
          id: "T-50",
          accountId: "globex",
          subject: "Pause subscriptions over the summer?",
          description:
            "Can we pause member subscriptions for July and August and keep their current discount?",
          status: "open",
          createdAt: "2026-11-09T20:00:00Z",
        },
      ],
      kbArticles: [
        // titled in the product's words, which the description does not use
        { id: "KB-90", kind: "howto", title: "Holds: suspending billing", body: "Members → Actions → Hold." },
      ],
      chatMessages: [
        msg(
          "#support",
          "2026-11-09T21:40:00Z",
          "q: does a paused subscription keep its discount? Globex asking (T-50)",
        ),
        msg("#support", "2026-11-09T22:05:00Z", answer),
      ],
    };
  };
  const description =
    "Globex Industries asking how to pause subscriptions for the summer and keep the discount";

  it("makes that documentation the issue's, so support can answer it", () => {
    const run = briefOn(
      bundle("yes — a hold keeps the discount, only cancelling drops it. KB-90 has it"),
      { description },
      NOW,
    );
    expect(run.facts.relations.kbArticles.map((k) => k.item.id)).toEqual(["KB-90"]);
    expect(run.assessment.decision).toBe("handle_in_support");
  });
  it("is read even when it shares no word with the description (fetched as the next message)", () => {
    const run = briefOn(bundle("Globex: a hold does that. KB-90 has it"), { description }, NOW);
    expect(run.facts.relations.kbArticles.map((k) => k.item.id)).toEqual(["KB-90"]);
  });
  it("but the next message about something else names nothing for the issue", () => {
    const run = briefOn(
      bundle("anyone seen the printer toner? KB-90 is the office wiki"),
      { description },
      NOW,
    );
    expect(run.facts.relations.kbArticles).toEqual([]);
  });
});
