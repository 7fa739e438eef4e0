/**
 * The seeded demo workspace: Loomwork's support data for the 60 days before an anchor, with the four
 * stories behind the practice's usage examples woven into everyday noise. Deterministic for a seed
 * and an anchor; every timestamp is relative to the anchor, so the demo reads the same on any day.
 */
import type { Bundle, ChatMessage, Ticket, TrackerIssue } from "../domain/bundle.js";
import { createDemoClock } from "./clock.js";
import { BACKLOG, RELEASE_CHAT, buildKbArticles } from "./catalog.js";
import { HISTORY_EPISODES } from "./history.js";
import { generateNoiseTickets, generateQueueChatter } from "./noise.js";
import { createRandom } from "./random.js";
import { buildChat, buildEscalation, buildTicket, buildTrackerIssue } from "./specs.js";
import type { DemoExample } from "./stories.js";
import { DEMO_STORIES } from "./stories.js";
import { ACCOUNT_ROWS, buildAccount, buildTeam } from "./world.js";

/** Options of {@link generateDemoWorkspace}. */
export type GenerateDemoWorkspaceOptions = {
  /** The "now" the demo will be run at; every timestamp lies in the 60 days before it. */
  anchor: Date;
  /** Seed of the noise (stories are fixed); defaults to {@link DEFAULT_DEMO_SEED}. */
  seed?: number;
};

/** The seed used when none is given. */
export const DEFAULT_DEMO_SEED = 20240917;

/** How many everyday tickets and chat messages surround the stories. */
const NOISE_TICKET_COUNT = 170;
const QUEUE_CHAT_COUNT = 28;

/** The practice's four usage examples with the outcome the default policy gives on the demo data. */
export const demoExamples: readonly DemoExample[] = DEMO_STORIES.map((story) => story.example);

/** Generates the demo workspace bundle. */
export function generateDemoWorkspace(options: GenerateDemoWorkspaceOptions): Bundle {
  const clock = createDemoClock(options.anchor);
  const rng = createRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const episodes = [...HISTORY_EPISODES, ...DEMO_STORIES];

  const handTickets = episodes.flatMap((e) => e.tickets.map((t) => buildTicket(t, clock)));
  // Story accounts whose only open ticket must be the story's, so nothing else can match or age.
  const quietAccountIds = new Set(["acme", "orrinvalley"]);
  const noiseTickets = generateNoiseTickets({
    rng: rng.fork("tickets"),
    clock,
    accounts: ACCOUNT_ROWS,
    count: NOISE_TICKET_COUNT,
    reservedIds: new Set(handTickets.map((t) => t.id)),
    quietAccountIds,
    firstNumber: 31360,
  });
  const tickets = sortBy([...handTickets, ...noiseTickets], (t) => t.createdAt);

  const trackerIssues = sortBy(
    [...BACKLOG, ...episodes.flatMap((e) => e.tracker)].map((spec) => buildTrackerIssue(spec, clock)),
    (i) => i.createdAt ?? "",
  );
  linkTickets(trackerIssues, noiseTickets);

  const chatMessages: ChatMessage[] = sortBy(
    [
      ...[...RELEASE_CHAT, ...episodes.flatMap((e) => e.chat)].map((spec) => buildChat(spec, clock)),
      ...generateQueueChatter({
        rng: rng.fork("chatter"),
        clock,
        accounts: ACCOUNT_ROWS,
        count: QUEUE_CHAT_COUNT,
      }),
    ],
    (m) => m.at,
  );

  return {
    version: 1,
    team: buildTeam(clock),
    accounts: ACCOUNT_ROWS.map((row) => buildAccount(row, clock)),
    tickets,
    chatMessages,
    trackerIssues,
    kbArticles: buildKbArticles(clock),
    escalations: sortBy(
      episodes.flatMap((e) => e.escalations.map((spec) => buildEscalation(spec, clock))),
      (e) => e.createdAt,
    ),
  };
}

/** Adds noise tickets to the `ticketIds` of the tracker issues they reference. */
function linkTickets(issues: TrackerIssue[], tickets: readonly Ticket[]): void {
  const byKey = new Map(issues.map((issue) => [issue.key, issue]));
  for (const ticket of tickets) {
    for (const key of ticket.trackerKeys ?? []) {
      const issue = byKey.get(key);
      if (!issue) throw new Error(`demo ticket ${ticket.id} links unknown tracker issue ${key}`);
      issue.ticketIds = [...(issue.ticketIds ?? []), ticket.id];
    }
  }
}

/** A stable sort by an ISO timestamp (lexical order = chronological order for UTC ISO strings). */
function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.index - b.index))
    .map((entry) => entry.item);
}
