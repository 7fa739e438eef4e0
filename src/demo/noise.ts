/**
 * Renders noise-ticket templates into tickets with realistic threads and statuses, and generates the
 * demo workspace's everyday tickets and chatter from the account table.
 */
import type { ChatMessage, Comment, Ticket, TicketStatus } from "../domain/bundle.js";
import type { DemoClock } from "./clock.js";
import type { NoiseTemplate } from "./noise-templates.js";
import { NOISE_TEMPLATES, SHARED_SLOTS } from "./noise-templates.js";
import type { Random } from "./random.js";
import type { AccountRow } from "./world.js";
import { CHANNELS, SUPPORT_AGENTS, emailFor } from "./world.js";
import { QUEUE_CHATTER } from "./catalog.js";

const DAY = 24;
/** Events closer to the anchor than this have "not happened yet". */
const MIN_AGO_HOURS = 0.05;

/** First and last names for requesters who are not listed contacts. */
export const FIRST_NAMES = [
  "Alana",
  "Bruno",
  "Carmen",
  "Dev",
  "Elif",
  "Farid",
  "Greta",
  "Hugo",
  "Ilse",
  "Jamal",
  "Kira",
  "Lorenzo",
  "Marta",
  "Nikhil",
  "Odette",
  "Pablo",
  "Quinn",
  "Rania",
  "Stellan",
  "Tamsin",
  "Umar",
  "Vera",
  "Wyatt",
  "Yara",
] as const;
export const LAST_NAMES = [
  "Achterberg",
  "Baptiste",
  "Castellano",
  "Delacroix",
  "Eriksen",
  "Fairweather",
  "Grimaldi",
  "Hollander",
  "Iwasaki",
  "Jovanovic",
  "Kaminski",
  "Lockhart",
  "Mbatha",
  "Novak",
  "Oduya",
  "Petrov",
  "Quintero",
  "Rasmussen",
  "Sandoval",
  "Thibault",
  "Varga",
  "Whitfield",
  "Yilmaz",
  "Zeller",
] as const;

/** The account facts a rendered ticket needs. */
export type NoiseAccount = {
  id: string;
  name: string;
  domain: string;
  contacts: ReadonlyArray<{ name: string; email?: string }>;
};

/** Options of {@link renderNoiseTicket}. */
export type RenderNoiseTicketOptions = {
  rng: Random;
  clock: DemoClock;
  id: string;
  template: NoiseTemplate;
  /** Hours before the anchor the ticket was created. */
  createdAgo: number;
  account: NoiseAccount;
  /** Leave `accountId` unset (the requester's e-mail domain still names the account). */
  omitAccountId?: boolean;
  /** Extra slot pools that override the shared ones (the scale generator widens the vocabulary). */
  slots?: Readonly<Record<string, readonly string[]>>;
  /** Extra sentences appended to the description (already filled). */
  extraSentences?: readonly string[];
  /** Resolve the ticket whenever its resolution falls before the anchor. */
  forceResolved?: boolean;
};

type TimedComment = { ago: number; role: "customer" | "agent" | "internal"; author: string; body: string };

/** Fills `{slot}` placeholders; each slot gets one value per ticket (cached in `values`). */
export function fillSlots(
  text: string,
  values: Map<string, string>,
  pools: Readonly<Record<string, readonly string[]>>,
  rng: Random,
): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const known = values.get(name);
    if (known !== undefined) return known;
    const pool = pools[name];
    if (!pool) throw new Error(`noise template slot {${name}} has no values`);
    const value = rng.pick(pool);
    values.set(name, value);
    return value;
  });
}

/** Picks a requester: a listed contact most of the time, otherwise another employee on the domain. */
export function pickRequester(account: NoiseAccount, rng: Random): { name: string; email: string } {
  const contact = account.contacts.length > 0 && rng.chance(0.6) ? rng.pick(account.contacts) : undefined;
  if (contact) return { name: contact.name, email: contact.email ?? emailFor(contact.name, account.domain) };
  const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  return { name, email: emailFor(name, account.domain) };
}

function firstName(name: string): string {
  return name.split(" ")[0] ?? name;
}

/**
 * Renders one template as a ticket created `createdAgo` hours before the anchor. The thread runs
 * forward from creation (first reply, follow-up, internal note, resolution); events that would fall
 * after the anchor are left out, and the status follows from what has happened by then.
 */
export function renderNoiseTicket(options: RenderNoiseTicketOptions): Ticket {
  const { rng, clock, template, createdAgo, account } = options;
  const requester = pickRequester(account, rng);
  const assignee = rng.pick(SUPPORT_AGENTS);
  const pools = { ...SHARED_SLOTS, ...template.slots, ...options.slots };
  const values = new Map<string, string>([
    ["first", firstName(requester.name)],
    ["agent", firstName(assignee)],
    ["company", account.name],
  ]);
  const fill = (choices: readonly string[]): string => fillSlots(rng.pick(choices), values, pools, rng);

  const subject = fill(template.subject);
  const description = [fill(template.description), ...(options.extraSentences ?? [])].join(" ");

  const thread: TimedComment[] = [];
  let cursor = createdAgo - rng.float(0.2, 6);
  thread.push({ ago: cursor, role: "agent", author: assignee, body: fill(template.reply) });
  if (template.followUp && rng.chance(0.65)) {
    cursor -= rng.float(1, 20);
    thread.push({ ago: cursor, role: "customer", author: requester.name, body: fill(template.followUp) });
  }
  if (template.note && rng.chance(0.6)) {
    cursor -= rng.float(0.2, 3);
    thread.push({ ago: cursor, role: "internal", author: assignee, body: fill(template.note) });
  }
  cursor -= rng.float(0.5, 22);
  const resolution: TimedComment = {
    ago: cursor,
    role: "agent",
    author: assignee,
    body: fill(template.resolution),
  };
  const thanks = rng.chance(0.3)
    ? {
        ago: cursor - rng.float(0.3, 8),
        role: "customer" as const,
        author: requester.name,
        body: "Thanks, all good on our side.",
      }
    : undefined;
  // Real queues keep a tail of recent tickets waiting on someone; old ones are almost all resolved.
  const resolveChance = createdAgo > 10 * DAY ? 1 : createdAgo > 3 * DAY ? 0.8 : 0.35;
  const resolves =
    resolution.ago >= MIN_AGO_HOURS &&
    (options.forceResolved === true || resolveChance === 1 || rng.chance(resolveChance));

  const happened = [
    ...thread,
    ...(resolves ? [resolution] : []),
    ...(resolves && thanks ? [thanks] : []),
  ].filter((c) => c.ago >= MIN_AGO_HOURS);
  const last = happened[happened.length - 1];
  let status: TicketStatus;
  let solvedAgo: number | undefined;
  if (resolves) {
    solvedAgo = resolution.ago;
    status = solvedAgo > 4 * DAY && rng.chance(0.85) ? "closed" : "solved";
  } else if (!last) {
    status = "new";
  } else if (last.role === "customer") {
    status = "open";
  } else {
    status = template.trackerKey && rng.chance(0.4) ? "on_hold" : "pending";
  }

  const comments: Comment[] = happened.map((c) => ({
    author: c.author,
    role: c.role,
    public: c.role !== "internal",
    createdAt: clock.iso(c.ago),
    body: c.body,
  }));
  const updatedAgo = Math.min(createdAgo, ...happened.map((c) => c.ago));
  const ticket: Ticket = {
    id: options.id,
    ...(options.omitAccountId ? {} : { accountId: account.id }),
    subject,
    description,
    status,
    priority: template.priority === "high" || !rng.chance(0.12) ? template.priority : bump(template.priority),
    channel: rng.weighted([
      ["email", 5],
      ["web", 4],
      ["chat", 2],
      ["phone", 1],
    ] as const),
    requester,
    assignee,
    createdAt: clock.iso(createdAgo),
    updatedAt: clock.iso(updatedAgo),
    ...(solvedAgo !== undefined ? { solvedAt: clock.iso(solvedAgo) } : {}),
    tags: [...template.tags],
    ...(template.trackerKey ? { trackerKeys: [template.trackerKey] } : {}),
    comments,
  };
  return ticket;
}

function bump(priority: "low" | "normal"): "normal" | "high" {
  return priority === "low" ? "normal" : "high";
}

/** Options of {@link generateNoiseTickets}. */
export type GenerateNoiseTicketsOptions = {
  rng: Random;
  clock: DemoClock;
  accounts: readonly AccountRow[];
  count: number;
  /** Ids already used by hand-written tickets. */
  reservedIds: ReadonlySet<string>;
  /** Accounts that must have no open noise ticket (their only open ticket is a story's). */
  quietAccountIds: ReadonlySet<string>;
  /** First ticket number. */
  firstNumber: number;
};

const PLAN_WEIGHT = { Enterprise: 3, Business: 2, Starter: 1 } as const;

/**
 * The demo's everyday tickets over the 60 days before the anchor, numbered in creation order. Quiet
 * accounts only get tickets older than three days, all resolved.
 */
export function generateNoiseTickets(options: GenerateNoiseTicketsOptions): Ticket[] {
  const { rng, clock, accounts } = options;
  const drafts: Array<{
    template: NoiseTemplate;
    createdAgo: number;
    account: AccountRow;
    omitAccountId: boolean;
  }> = [];
  for (let i = 0; i < options.count; i++) {
    const template = rng.pick(NOISE_TEMPLATES);
    // A quarter of the unconstrained tickets land in the last week, where the open queue lives.
    const [minDays, maxDays] = template.ageDays ?? (rng.chance(0.25) ? [0.02, 7] : [0.02, 59.5]);
    const createdAgo = rng.float(minDays * DAY, maxDays * DAY);
    const eligible = accounts.filter(
      (a) =>
        (!template.plans || template.plans.includes(a.plan)) &&
        (!options.quietAccountIds.has(a.id) || createdAgo > 3.5 * DAY),
    );
    const account = rng.weighted(eligible.map((a) => [a, PLAN_WEIGHT[a.plan]] as const));
    drafts.push({ template, createdAgo, account, omitAccountId: rng.chance(0.06) });
  }
  drafts.sort((a, b) => b.createdAgo - a.createdAgo);

  let number = options.firstNumber;
  return drafts.map((draft) => {
    number += rng.int(1, 4);
    while (options.reservedIds.has(`SR-${number}`)) number += 1;
    const ticket = renderNoiseTicket({
      rng,
      clock,
      id: `SR-${number}`,
      template: draft.template,
      createdAgo: draft.createdAgo,
      account: draft.account,
      omitAccountId: draft.omitAccountId,
      forceResolved: options.quietAccountIds.has(draft.account.id),
    });
    if (
      options.quietAccountIds.has(draft.account.id) &&
      ticket.status !== "solved" &&
      ticket.status !== "closed"
    ) {
      throw new Error(`demo noise left a quiet account's ticket ${ticket.id} unresolved`);
    }
    return ticket;
  });
}

/** Options of {@link generateQueueChatter}. */
export type GenerateQueueChatterOptions = {
  rng: Random;
  clock: DemoClock;
  accounts: readonly AccountRow[];
  count: number;
};

/** Everyday messages in the support queue channel over the 60 days before the anchor. */
export function generateQueueChatter(options: GenerateQueueChatterOptions): ChatMessage[] {
  const { rng, clock } = options;
  const times = Array.from({ length: options.count }, () => rng.float(0.5, 59 * DAY)).sort((a, b) => b - a);
  return times.map((ago, i) => {
    const values = new Map<string, string>([
      ["company", rng.pick(options.accounts).name],
      ["agent", firstName(rng.pick(SUPPORT_AGENTS))],
    ]);
    return {
      id: `CH-${6001 + i}`,
      channel: CHANNELS.queue,
      author: rng.pick(SUPPORT_AGENTS),
      at: clock.iso(ago),
      text: fillSlots(rng.pick(QUEUE_CHATTER), values, SHARED_SLOTS, rng),
    };
  });
}
