/**
 * Large synthetic workspaces for benchmarks: tickets are generated one at a time (a 100k-ticket
 * bundle never has to be held in memory) from the demo's noise templates plus bug, performance and
 * integration templates with error codes, product areas and environment details, so full-text search
 * sees a realistic spread of vocabulary. Deterministic for a seed and an anchor.
 */
import type {
  Account,
  Bundle,
  ChatMessage,
  KbArticle,
  PastEscalation,
  Ticket,
  TrackerIssue,
} from "../domain/bundle.js";
import { createDemoClock } from "./clock.js";
import { BACKLOG, QUEUE_CHATTER, buildKbArticles } from "./catalog.js";
import type { NoiseAccount } from "./noise.js";
import { FIRST_NAMES, LAST_NAMES, fillSlots, renderNoiseTicket } from "./noise.js";
import type { NoiseTemplate } from "./noise-templates.js";
import { NOISE_TEMPLATES, SHARED_SLOTS } from "./noise-templates.js";
import type { Random } from "./random.js";
import { createRandom } from "./random.js";
import { buildTrackerIssue } from "./specs.js";
import type { Plan } from "./world.js";
import {
  ACCOUNT_ROWS,
  CHANNELS,
  CSMS,
  ENGINEERS,
  SLA_BY_PLAN,
  SUPPORT_AGENTS,
  buildAccount,
  buildTeam,
  emailFor,
} from "./world.js";

const DAY = 24;
const DEFAULT_SPAN_DAYS = 180;

/** Wider slot pools for the scaled data. */
const SCALE_SLOTS: Readonly<Record<string, readonly string[]>> = {
  area: [
    "work orders",
    "PM schedules",
    "the asset registry",
    "parts inventory",
    "purchase requests",
    "the dispatch board",
    "the technician app",
    "checklists",
    "meters",
    "dashboards",
    "invoices",
    "the contractor portal",
    "approvals",
    "locations",
    "service requests",
    "time tracking",
    "vendor management",
    "floor plans",
    "scheduled reports",
    "CSV exports",
    "data imports",
    "user management",
    "notifications",
    "the calendar",
  ],
  errorCode: [
    "HTTP 500",
    "HTTP 502",
    "HTTP 503",
    "HTTP 504",
    "HTTP 409 Conflict",
    "HTTP 422 Unprocessable Entity",
    "HTTP 401 Unauthorized",
    "HTTP 403 Forbidden",
    "HTTP 429",
    "E-1042",
    "E-2210",
    "E-3307",
    "E-4519",
    "SYNC_TIMEOUT",
    "QUOTA_EXCEEDED",
    "VALIDATION_FAILED",
    "ECONNRESET",
    "certificate verify failed",
  ],
  browser: [
    "Chrome 126",
    "Edge 125",
    "Firefox 127",
    "Safari 17.5",
    "the iOS app 4.12",
    "the Android app 4.11",
  ],
  os: ["Windows 11", "Windows 10", "macOS 14", "iPadOS 17", "Android 14", "ChromeOS", "Ubuntu 22.04"],
  service: [
    "wo-api",
    "asset-registry",
    "inventory-svc",
    "notify-svc",
    "sync-worker",
    "edge-proxy",
    "report-runner",
  ],
  version: ["7.36.2", "7.37.0", "7.38.3", "7.39.1", "7.40.2", "7.41.1", "7.42.1", "7.43.0"],
  woNumber: Array.from({ length: 60 }, (_, i) => `WO-${10211 + i * 337}`),
  time: ["07:40", "08:15", "09:05", "11:02", "13:30", "14:55", "16:45", "22:10"],
  idp: ["Okta", "Microsoft Entra ID", "Google Workspace", "OneLogin", "JumpCloud", "Ping Identity"],
  importType: ["assets", "parts", "locations", "users", "meters", "vendors"],
  line: ["14", "57", "212", "388", "1,093", "4,410"],
  percent: ["2%", "5%", "10%", "a third", "half"],
  duration: ["30 seconds", "a minute", "two minutes", "ten minutes", "over an hour"],
  reportName: ["weekly backlog", "overdue PM", "technician utilisation", "parts usage", "cost by site"],
  feature: [
    "bulk reassignment",
    "recurring inspections",
    "QR code labels",
    "multi-site dashboards",
    "offline signatures",
  ],
};

/** Templates that only the scaled data uses: bugs, performance, integrations, security-ish questions. */
const SCALE_TEMPLATES: readonly NoiseTemplate[] = [
  {
    key: "area-save-failure",
    category: "small_bug",
    subject: ["{area} shows {errorCode} after saving", "Saving in {area} fails with {errorCode}"],
    description: [
      "Since {weekday}, saving changes in {area} fails with {errorCode} for about {percent} of our {role}. It happens on {browser} on {os}; reloading sometimes helps.",
    ],
    reply: [
      "Hi {first}, thanks. Could you send the time and the work order number of one failure so we can find it in our logs?",
    ],
    followUp: ["Example: {woNumber} at about {time}. It happened again this morning."],
    note: [
      "Found it: {errorCode} from {service} during the {area} save, in the window after {version} went out.",
    ],
    resolution: [
      "Engineering shipped a fix for {area} in {version} and the failures stopped. Solving this; reply if you see it again.",
    ],
    tags: ["bug"],
    priority: "normal",
  },
  {
    key: "webhook-failures",
    category: "small_bug",
    subject: [
      "Webhook deliveries failing with {errorCode}",
      "Our endpoint receives {errorCode} on webhook retries",
    ],
    description: [
      "Our receiver logs show webhook deliveries for {area} failing with {errorCode} since {time} yesterday. Nothing changed on our side.",
    ],
    reply: [
      "Hi {first}, I can see the failed deliveries. The retries continue for 24 hours; let me check why the first attempts failed.",
    ],
    note: ["{service} retried against a stale DNS record for their endpoint; cleared the cache."],
    resolution: [
      "The deliveries caught up after we refreshed a cached address on our side. Solving; KB-211 lists the retry schedule.",
    ],
    tags: ["webhooks", "integration"],
    priority: "normal",
  },
  {
    key: "slow-area",
    category: "small_bug",
    subject: ["{area} very slow at {site}", "Loading {area} takes {duration}"],
    description: [
      "Opening {area} at {site} takes {duration} since {weekday}. Other pages are fine. We are on {browser}, {os}.",
    ],
    reply: [
      "Hi {first}, thanks. How many records does {site} have in {area}, and does the slowness happen for every user?",
    ],
    followUp: ["Every user, and it got worse after {version}. The site has a lot of history."],
    resolution: [
      "We added an index that {area} was missing for large sites; load times are back to normal. Solving this.",
    ],
    tags: ["performance"],
    priority: "normal",
  },
  {
    key: "integration-stopped",
    category: "config",
    subject: ["{integration} sync stopped with {errorCode}", "{integration} connection shows {errorCode}"],
    description: [
      "The {integration} sync shows {errorCode} since {weekday} and nothing has synced from {area}.",
    ],
    reply: [
      "Hi {first}, the connection token for {integration} has expired. Reconnecting it under Integrations resumes the sync from where it stopped.",
    ],
    resolution: ["Glad the sync is running again. Closing this."],
    tags: ["integrations"],
    priority: "normal",
  },
  {
    key: "import-rejected",
    category: "config",
    subject: [
      "CSV import of {importType} rejected at line {line}",
      "Import of {importType} fails with VALIDATION_FAILED",
    ],
    description: [
      "Our import of {importType} stops at line {line} with VALIDATION_FAILED. The file came straight from our old system.",
    ],
    reply: [
      "Hi {first}, line {line} has a date in DD/MM/YYYY format; the importer expects YYYY-MM-DD or the format chosen on the first step.",
    ],
    resolution: ["With the date format fixed the import finished. Solving this."],
    tags: ["import", "configuration"],
    priority: "low",
  },
  {
    key: "sso-setup-question",
    category: "how_to",
    subject: ["SSO setup with {idp}", "Connecting {idp} for single sign-on"],
    description: [
      "We want to turn on SSO with {idp} for our {role}. Can we test with a few users before enforcing it?",
    ],
    reply: [
      "Hi {first}, yes: set up the SAML app in {idp}, upload the metadata, and leave 'Require SSO' off while you test. KB-202 has the steps.",
    ],
    resolution: ["Great that the test users got in. Closing this one."],
    tags: ["sso", "how-to"],
    priority: "low",
  },
  {
    key: "report-empty",
    category: "small_bug",
    subject: ["Scheduled {reportName} report arrives empty", "{reportName} report email has no data"],
    description: [
      "The {reportName} report we schedule every {weekday} arrived empty this week, but the dashboard shows data.",
    ],
    reply: [
      "Hi {first}, the report's site filter still points at a site that was renamed. Updating the filter brings the data back.",
    ],
    resolution: ["Thanks for confirming this week's report looks right. Solving."],
    tags: ["reports"],
    priority: "low",
  },
  {
    key: "permission-question",
    category: "how_to",
    subject: ["Can {role} edit {area}?", "Permissions for {role} in {area}"],
    description: [
      "We want our {role} to view {area} but not change anything there. Which role should they have?",
    ],
    reply: [
      "Hi {first}, give them the Viewer permission on {area} in their role under Settings > Roles; everything else can stay as it is.",
    ],
    resolution: ["Glad that works. Closing this ticket."],
    tags: ["permissions", "how-to"],
    priority: "low",
  },
  {
    key: "feature-ask",
    category: "feature",
    subject: ["Request: {feature} in {area}", "Any plans for {feature}?"],
    description: ["Our {role} keep asking for {feature} in {area}. Is that on the roadmap?"],
    reply: [
      "Hi {first}, not today, but I have logged your use case with our product team so it counts towards prioritisation.",
    ],
    resolution: ["Closing this ticket; the request stays with our product team."],
    tags: ["feature-request"],
    priority: "low",
  },
];

/** Extra sentences appended to scaled ticket descriptions, for vocabulary spread. */
const SENTENCE_BANK: readonly string[] = [
  "This affects {site} the most.",
  "We first noticed it around {time}.",
  "Screenshot attached, taken on {browser}.",
  "Our {role} on {os} see the same thing.",
  "It started after {version} as far as we can tell.",
  "Work order {woNumber} is a good example.",
  "Could you also check {area} while you are at it?",
  "We have a site visit on {weekday}, so a quick answer would help.",
  "Not urgent, but it is confusing the {role}.",
  "Our IT team says nothing changed on the network.",
  "The {integration} connection looks healthy to us.",
  "Same behaviour for about {percent} of our users.",
];

const NAME_PREFIXES = [
  "Amber",
  "Basalt",
  "Birchwood",
  "Calder",
  "Cinder",
  "Coral",
  "Driftline",
  "Elmcrest",
  "Falcon",
  "Foxglove",
  "Granite",
  "Harrow",
  "Heron",
  "Ironwood",
  "Juniper Point",
  "Kestrel Bay",
  "Lantern",
  "Larkfield",
  "Maple Run",
  "Meridale",
  "Northwind",
  "Oakhurst",
  "Palisade",
  "Quarry Hill",
  "Redfern",
  "Riverbend",
  "Sablewood",
  "Silverpine",
  "Stonegate",
  "Thornbury",
  "Upland",
  "Valewood",
  "Westmoor",
  "Willowbrook",
  "Yarrow",
  "Zephyr",
];
const NAME_CORES = [
  "Logistics",
  "Foods",
  "Hospitality",
  "Health",
  "Manufacturing",
  "Properties",
  "Labs",
  "Utilities",
  "Schools",
  "Retail",
  "Aviation",
  "Energy",
  "Hotels",
  "Breweries",
  "Facilities",
  "Transit",
];

/** Options of {@link generateScaledTickets}. */
export type GenerateScaledTicketsOptions = {
  count: number;
  seed: number;
  anchor: Date;
  /** Accounts to spread the tickets over (e.g. the head's account ids). */
  accountIds: readonly string[];
  /** Days before the anchor the tickets span (default 180). */
  spanDays?: number;
  /** Number of the first ticket id, `SR-<n>` (default 100000). */
  firstNumber?: number;
};

/** Options of {@link generateScaledWorkspaceHead}. */
export type GenerateScaledWorkspaceHeadOptions = {
  seed: number;
  anchor: Date;
  /** Total accounts, including the demo's named ones (default 200). */
  accountCount?: number;
  trackerIssueCount?: number;
  kbArticleCount?: number;
  chatMessageCount?: number;
  escalationCount?: number;
  /** Days before the anchor the records span (default 180). */
  spanDays?: number;
};

/** Options of {@link generateScaledBundleJson}. */
export type GenerateScaledBundleJsonOptions = GenerateScaledWorkspaceHeadOptions & { ticketCount: number };

/**
 * Yields `count` tickets in creation order (ids ascend with time), spread over the accounts. Memory
 * use does not grow with `count`.
 */
export function* generateScaledTickets(options: GenerateScaledTicketsOptions): Generator<Ticket> {
  if (options.accountIds.length === 0)
    throw new RangeError("generateScaledTickets needs at least one account id");
  const clock = createDemoClock(options.anchor);
  const rng = createRandom(options.seed).fork("scaled-tickets");
  const spanHours = (options.spanDays ?? DEFAULT_SPAN_DAYS) * DAY;
  const firstNumber = options.firstNumber ?? 100000;
  const templates = [...NOISE_TEMPLATES, ...SCALE_TEMPLATES, ...SCALE_TEMPLATES];
  const pools = { ...SHARED_SLOTS, ...SCALE_SLOTS };
  const accounts = new Map<string, NoiseAccount>();
  for (let i = 0; i < options.count; i++) {
    // Evenly spaced with jitter, oldest first, so ids ascend with creation time.
    const createdAgo = Math.max(0.05, spanHours * (1 - (i + rng.next()) / options.count));
    const accountId = rng.pick(options.accountIds);
    const account = accounts.get(accountId) ?? scaledAccountFacts(accountId);
    if (accounts.size < 5000) accounts.set(accountId, account);
    const values = new Map<string, string>();
    const extra = Array.from({ length: rng.int(0, 2) }, () =>
      fillSlots(rng.pick(SENTENCE_BANK), values, pools, rng),
    );
    yield renderNoiseTicket({
      rng,
      clock,
      id: `SR-${firstNumber + i}`,
      template: rng.pick(templates),
      createdAgo,
      account,
      omitAccountId: rng.chance(0.03),
      slots: SCALE_SLOTS,
      extraSentences: extra,
    });
  }
}

/** The non-ticket parts of a large workspace: team, accounts, tracker issues, KB, chat, escalations. */
export function generateScaledWorkspaceHead(options: GenerateScaledWorkspaceHeadOptions): Bundle {
  const clock = createDemoClock(options.anchor);
  const rng = createRandom(options.seed).fork("scaled-head");
  const spanHours = (options.spanDays ?? DEFAULT_SPAN_DAYS) * DAY;
  const pools = { ...SHARED_SLOTS, ...SCALE_SLOTS };
  const accounts = generateAccounts(rng.fork("accounts"), options.accountCount ?? 200, clock);
  const names = accounts.map((a) => a.name);
  const fill = (text: string, r: Random, values = new Map<string, string>()): string =>
    fillSlots(text, values, pools, r);

  const trackerRng = rng.fork("tracker");
  const generatedIssues: TrackerIssue[] = Array.from({ length: options.trackerIssueCount ?? 400 }, (_, i) => {
    const type = trackerRng.weighted([
      ["bug", 6],
      ["feature", 3],
      ["task", 2],
      ["incident", 1],
    ] as const);
    const status = trackerRng.weighted([
      ["open", 4],
      ["in_progress", 2],
      ["done", 5],
      ["wont_do", 1],
    ] as const);
    const createdAgo = trackerRng.float(1, spanHours);
    const values = new Map<string, string>();
    const title =
      type === "feature"
        ? fill("{feature} for {area}", trackerRng, values)
        : type === "task"
          ? fill("Upgrade {service} dependencies before {version}", trackerRng, values)
          : fill("{errorCode} from {service} in {area}", trackerRng, values);
    const done = status === "done" || status === "wont_do";
    return {
      key: `${type === "feature" ? "PM" : type === "incident" ? "INC" : "ENG"}-${2000 + i}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      description: fill(
        "Seen by {role} at {site} on {browser}. {service} logs show {errorCode} around {time}.",
        trackerRng,
        values,
      ),
      type,
      status,
      priority: trackerRng.pick(["P1", "P2", "P3", "P4"]),
      team: trackerRng.pick([
        "Core Platform",
        "Mobile",
        "Data & Reporting",
        "Integrations",
        "Identity & Edge",
        "Billing",
      ]),
      createdAt: clock.iso(createdAgo),
      ...(done ? { resolvedAt: clock.iso(trackerRng.float(0.5, createdAgo)) } : {}),
      ...(status === "done" ? { fixVersion: trackerRng.pick(SCALE_SLOTS.version ?? ["7.40.0"]) } : {}),
      labels: [type === "feature" ? "feature-request" : "customer-reported"],
      ticketIds: [],
    };
  });

  const kbRng = rng.fork("kb");
  const kinds = ["howto", "known_issue", "workaround", "limitation", "reference"] as const;
  const kbTitles: Record<(typeof kinds)[number], string> = {
    howto: "How to set up {area} for {role}",
    known_issue: "Known issue: {errorCode} in {area} on {browser}",
    workaround: "Workaround: {area} slow at large sites",
    limitation: "Limits of {area} on the {integration} connector",
    reference: "{area}: fields and statuses",
  };
  const generatedKb: KbArticle[] = Array.from({ length: options.kbArticleCount ?? 150 }, (_, i) => {
    const kind = kbRng.pick(kinds);
    const values = new Map<string, string>();
    return {
      id: `KB-${1000 + i}`,
      title: fill(kbTitles[kind], kbRng, values),
      body: `${fill("Applies to {role} using {area}.", kbRng, values)} ${fill(kbRng.pick(SENTENCE_BANK), kbRng, values)}`,
      kind,
      tags: [kbRng.pick(["assets", "work-orders", "mobile", "integrations", "billing", "reports"])],
      url: `https://help.loomwork.example/articles/kb-${1000 + i}`,
      updatedAt: clock.iso(kbRng.float(1, spanHours)),
    };
  });

  const chatRng = rng.fork("chat");
  const chatLines = [
    ...QUEUE_CHATTER,
    "{service} p95 latency up after {version}, looking into it.",
    "Anyone seen {errorCode} from {integration} today? Two tickets so far.",
    "{version} is live: fixes for {area} and the {feature} beta.",
    "Customer at {company} asking about {feature}; is there a ticket for it already?",
  ];
  const chatTimes = Array.from({ length: options.chatMessageCount ?? 800 }, () =>
    chatRng.float(0.1, spanHours),
  ).sort((a, b) => b - a);
  const chatMessages: ChatMessage[] = chatTimes.map((ago, i) => {
    const values = new Map([
      ["company", chatRng.pick(names)],
      ["agent", chatRng.pick(SUPPORT_AGENTS).split(" ")[0] ?? "Team"],
    ]);
    return {
      id: `CH-${100000 + i}`,
      channel: chatRng.pick([CHANNELS.queue, CHANNELS.engineering, CHANNELS.l2, CHANNELS.releases]),
      author: chatRng.pick([...SUPPORT_AGENTS, ...ENGINEERS]),
      at: clock.iso(ago),
      text: fill(chatRng.pick(chatLines), chatRng, values),
    };
  });

  const escRng = rng.fork("escalations");
  const escalations: PastEscalation[] = Array.from({ length: options.escalationCount ?? 40 }, (_, i) => {
    const createdAgo = escRng.float(DAY, spanHours);
    const issue = escRng.pick(generatedIssues);
    const values = new Map([["company", escRng.pick(names)]]);
    return {
      id: `ESC-${500 + i}`,
      summary: fill("{errorCode} in {area} for {company}", escRng, values),
      accountIds: [escRng.pick(accounts).id],
      severity: escRng.pick(["Critical", "High", "Medium"] as const),
      target: escRng.pick(["Engineering", "Product", "L2 Support", "Leadership"] as const),
      createdAt: clock.iso(createdAgo),
      resolvedAt: clock.iso(escRng.float(0.1, createdAgo)),
      rootCause: fill(
        "{service} regression in {version} affecting {area}; fixed and covered by a test.",
        escRng,
        values,
      ),
      trackerKey: issue.key,
    };
  });

  return {
    version: 1,
    team: buildTeam(clock),
    accounts,
    chatMessages,
    trackerIssues: [...BACKLOG.map((spec) => buildTrackerIssue(spec, clock)), ...generatedIssues],
    kbArticles: [...buildKbArticles(clock), ...generatedKb],
    escalations,
  };
}

/**
 * Yields the JSON text of a whole scaled bundle in chunks (head, then one ticket per chunk), so a
 * caller can write a 100k-ticket bundle to a stream without building it in memory.
 */
export function* generateScaledBundleJson(options: GenerateScaledBundleJsonOptions): Generator<string> {
  const head = generateScaledWorkspaceHead(options);
  const headJson = JSON.stringify(head);
  yield `${headJson.slice(0, -1)},"tickets":[`;
  let first = true;
  for (const ticket of generateScaledTickets({
    count: options.ticketCount,
    seed: options.seed,
    anchor: options.anchor,
    accountIds: (head.accounts ?? []).map((a) => a.id),
    ...(options.spanDays !== undefined ? { spanDays: options.spanDays } : {}),
  })) {
    yield (first ? "" : ",") + JSON.stringify(ticket);
    first = false;
  }
  yield "]}";
}

/** The demo's named accounts followed by generated ones, `count` in all. */
function generateAccounts(rng: Random, count: number, clock: ReturnType<typeof createDemoClock>): Account[] {
  const named = ACCOUNT_ROWS.slice(0, count).map((row) => buildAccount(row, clock));
  const combos = rng.shuffle(NAME_PREFIXES.flatMap((p) => NAME_CORES.map((c) => `${p} ${c}`)));
  const generated: Account[] = [];
  for (let i = 0; named.length + generated.length < count; i++) {
    const base = combos[i % combos.length] ?? "Unnamed Co";
    const round = Math.floor(i / combos.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    const id = slugOf(name);
    const plan = rng.weighted<Plan>([
      ["Starter", 5],
      ["Business", 4],
      ["Enterprise", 1],
    ]);
    const arr =
      plan === "Enterprise"
        ? rng.int(9, 60) * 10000
        : plan === "Business"
          ? rng.int(20, 150) * 1000
          : rng.int(24, 96) * 100;
    const sla = SLA_BY_PLAN[plan];
    const contacts = Array.from({ length: rng.int(1, 3) }, () => {
      const person = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      return { name: person, email: emailFor(person, `${id}.example`) };
    });
    generated.push({
      id,
      name,
      domain: `${id}.example`,
      plan,
      arr,
      strategic: plan === "Enterprise" && rng.chance(0.2),
      reference: rng.chance(0.05),
      renewalDate: clock.date(rng.int(5, 360)),
      owner: rng.pick(CSMS),
      ...(sla ? { sla: { ...sla } } : {}),
      contacts,
      ...(rng.chance(0.2)
        ? {
            deals: [
              {
                name: `${name} – expansion`,
                amount: rng.int(5, 80) * 1000,
                stage: "Proposal",
                closeDate: clock.date(rng.int(7, 180)),
              },
            ],
          }
        : {}),
    });
  }
  return [...named, ...generated];
}

/** The ticket-rendering facts for an account id: the demo's table, or the generated naming scheme. */
function scaledAccountFacts(accountId: string): NoiseAccount {
  const row = ACCOUNT_ROWS.find((r) => r.id === accountId);
  if (row) return { id: row.id, name: row.name, domain: row.domain, contacts: row.contacts };
  const name = accountId
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
  return { id: accountId, name, domain: `${accountId}.example`, contacts: [] };
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
