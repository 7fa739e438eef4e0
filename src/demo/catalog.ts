/**
 * The rest of Loomwork's workspace as tables: knowledge-base articles, the engineering backlog that
 * noise tickets link to, release announcements and everyday support chatter. No KB article of kind
 * workaround, known_issue or limitation is about a story's problem (the HTTP 429 rate-limit limitation
 * is deliberately unrelated to Acme's HTTP 500s).
 */
import type { KbArticle } from "../domain/bundle.js";
import type { DemoClock } from "./clock.js";
import type { ChatSpec, TrackerSpec } from "./specs.js";

const DAY = 24;

type KbRow = {
  id: string;
  title: string;
  kind: "howto" | "known_issue" | "workaround" | "limitation" | "reference";
  body: string;
  tags: string[];
  updatedDaysAgo: number;
};

/** Knowledge-base articles of every kind. */
export const KB_ROWS: readonly KbRow[] = [
  {
    id: "KB-201",
    title: "Creating preventive maintenance schedules from a template",
    kind: "howto",
    body: "Create a PM template with the task list and interval, then apply it to many assets at once from Assets > Actions > Apply PM template. Work orders are generated ahead of each due date.",
    tags: ["preventive-maintenance", "assets"],
    updatedDaysAgo: 52,
  },
  {
    id: "KB-202",
    title: "Configuring SAML single sign-on with Okta, Microsoft Entra ID or Google Workspace",
    kind: "howto",
    body: "Enterprise plans can require SSO. Add Loomwork as a SAML application in your identity provider, upload its metadata under Settings > Security > Single sign-on, and test with one user before enforcing SSO for everyone.",
    tags: ["sso", "saml", "enterprise"],
    updatedDaysAgo: 47,
  },
  {
    id: "KB-204",
    title: "API rate limits and HTTP 429 responses",
    kind: "limitation",
    body: "Each API token may make 300 requests per minute. Requests above the limit receive HTTP 429 Too Many Requests with a Retry-After header. Wait for the indicated delay before retrying, and use the bulk endpoints to create many records per request.",
    tags: ["api", "rate-limit"],
    updatedDaysAgo: 58,
  },
  {
    id: "KB-205",
    title: "Save button hidden by the keyboard on small Android phones",
    kind: "known_issue",
    body: "On Android phones with screens under 6.1 inches the checklist Save button can sit behind the on-screen keyboard. Close the keyboard with the back gesture to reveal it. A fix is in progress (MOB-288).",
    tags: ["mobile", "android", "checklists"],
    updatedDaysAgo: 12,
  },
  {
    id: "KB-206",
    title: "Calendar shows work orders a day early for sites in UTC-10",
    kind: "workaround",
    body: "Sites in Pacific/Honolulu could see PM calendar entries one day before their due date. Open the site, set its time zone explicitly (not 'Company default') and reload the calendar. Fixed in 7.39.0; the setting is harmless to keep.",
    tags: ["calendar", "time-zones"],
    updatedDaysAgo: 40,
  },
  {
    id: "KB-207",
    title: "Custom fields per work order form",
    kind: "limitation",
    body: "A work order form can have up to 25 custom fields. Use a checklist for longer lists of readings, or split work into separate forms per work type.",
    tags: ["custom-fields", "forms"],
    updatedDaysAgo: 33,
  },
  {
    id: "KB-208",
    title: "Work order statuses and what they mean",
    kind: "reference",
    body: "Requested, Approved, Scheduled, In progress, On hold (waiting for parts or access to the asset), Completed, Verified and Closed. Completed work orders can be reopened until they are Verified.",
    tags: ["work-orders"],
    updatedDaysAgo: 55,
  },
  {
    id: "KB-209",
    title: "How seats are counted and billed",
    kind: "reference",
    body: "Every active user with a Technician, Dispatcher or Admin role takes a seat; Requesters and Contractors are free. A deactivated user is billed until the end of the billing period in which they were deactivated.",
    tags: ["billing", "seats"],
    updatedDaysAgo: 27,
  },
  {
    id: "KB-210",
    title: "Mapping parts costs to accounting accounts",
    kind: "howto",
    body: "Under Integrations > your accounting system > Account mapping, map 'Parts used', 'Labour' and 'Contractor invoices' to the accounts in your chart of accounts. Changes apply to entries synced after the change.",
    tags: ["integrations", "accounting"],
    updatedDaysAgo: 21,
  },
  {
    id: "KB-211",
    title: "Webhook event types and delivery retries",
    kind: "reference",
    body: "Loomwork sends work_order.created, work_order.assigned, work_order.completed and asset.updated events. Deliveries that do not get a 2xx response are retried with exponential backoff for 24 hours.",
    tags: ["webhooks", "integrations"],
    updatedDaysAgo: 44,
  },
  {
    id: "KB-212",
    title: "Creating work orders from email",
    kind: "howto",
    body: "Each account has an intake address. Messages from allowed senders become work order requests; add shared mailboxes and forwarding addresses under Settings > Email intake > Allowed senders.",
    tags: ["email-intake"],
    updatedDaysAgo: 18,
  },
  {
    id: "KB-213",
    title: "What works offline in the technician app",
    kind: "limitation",
    body: "Offline, technicians can open assigned work orders, complete checklists and take up to 20 photos per work order. New work orders, parts reservations and signatures need a connection and are queued until one is available.",
    tags: ["mobile", "offline"],
    updatedDaysAgo: 30,
  },
  {
    id: "KB-214",
    title: "Duplicate assignment emails after quick reassignment",
    kind: "known_issue",
    body: "Reassigning a work order twice within about a minute can send the technician two identical assignment emails. Waiting a minute between reassignments avoids it. Engineering is tracking it as NOTIF-77.",
    tags: ["notifications", "email"],
    updatedDaysAgo: 9,
  },
  {
    id: "KB-215",
    title: "Keeping the dispatch board live behind a corporate proxy",
    kind: "workaround",
    body: "The dispatch board receives live updates over a WebSocket to live.loomwork.example. If it stops refreshing after a few minutes, allow that host in your proxy or raise the idle timeout to at least 10 minutes.",
    tags: ["dispatch-board", "network"],
    updatedDaysAgo: 13,
  },
];

/** The KB rows as bundle articles, dated relative to the anchor. */
export function buildKbArticles(clock: DemoClock): KbArticle[] {
  return KB_ROWS.map(({ updatedDaysAgo, ...row }) => ({
    ...row,
    url: `https://help.loomwork.example/articles/${row.id.toLowerCase()}`,
    updatedAt: clock.iso(updatedDaysAgo * DAY),
  }));
}

/** Engineering backlog items that noise tickets link to (ticketIds are filled in by the generator). */
export const BACKLOG: readonly TrackerSpec[] = [
  {
    key: "CORE-1102",
    title: "PM calendar shows entries one day early for sites at UTC-10",
    description:
      "Due dates are converted through UTC when the calendar renders, shifting Honolulu sites by a day.",
    type: "bug",
    status: "done",
    priority: "P3",
    team: "Core Platform",
    createdAgo: 57 * DAY,
    resolvedAgo: 41 * DAY,
    fixVersion: "7.39.0",
    labels: ["calendar", "time-zones"],
  },
  {
    key: "CORE-1131",
    title: "Work order PDF truncates long asset names",
    description: "The PDF template clips the asset name at 30 characters; wrap it instead.",
    type: "bug",
    status: "done",
    priority: "P4",
    team: "Core Platform",
    createdAgo: 56 * DAY,
    resolvedAgo: 19.5 * DAY,
    fixVersion: "7.40.0",
    labels: ["pdf"],
  },
  {
    key: "CORE-1140",
    title: "First-time fix tile shows NaN% when a site has no closed jobs",
    description: "Division by zero in the dashboard tile; show a dash when there is nothing to measure.",
    type: "bug",
    status: "done",
    priority: "P4",
    team: "Insights",
    createdAgo: 37 * DAY,
    resolvedAgo: 19.5 * DAY,
    fixVersion: "7.40.0",
    labels: ["dashboards"],
  },
  {
    key: "CORE-1150",
    title: "Parts list sorts quantity as text",
    description: "Quantity is compared as a string in the parts list sort; compare numerically.",
    type: "bug",
    status: "done",
    priority: "P4",
    team: "Core Platform",
    createdAgo: 23 * DAY,
    resolvedAgo: 9 * DAY,
    fixVersion: "7.41.0",
    labels: ["inventory"],
  },
  {
    key: "MOB-288",
    title: "Checklist Save button obscured by the keyboard on small Android screens",
    description: "The bottom action bar does not move above the soft keyboard on screens under 6.1 inches.",
    type: "bug",
    status: "in_progress",
    priority: "P3",
    team: "Mobile",
    createdAgo: 39 * DAY,
    labels: ["mobile", "android"],
  },
  {
    key: "NOTIF-77",
    title: "Duplicate assignment emails when a work order is reassigned twice within a minute",
    description: "The assignment email job is not deduplicated per work order and recipient.",
    type: "bug",
    status: "open",
    priority: "P4",
    team: "Notifications",
    createdAgo: 29 * DAY,
    labels: ["notifications", "email"],
  },
  {
    key: "PM-301",
    title: "Scan stockroom bin barcodes to pick parts onto a work order",
    description: "Technicians scan a bin label and choose quantities instead of typing part numbers.",
    type: "feature",
    status: "open",
    priority: "P3",
    team: "Product: Inventory",
    createdAgo: 58 * DAY,
    labels: ["feature-request", "inventory"],
  },
  {
    key: "PM-287",
    title: "Timeline view of planned maintenance per site",
    description:
      "A planning view showing scheduled PM work per site and week, highlighting overloaded weeks.",
    type: "feature",
    status: "in_progress",
    priority: "P2",
    team: "Product: Planning",
    createdAgo: 58 * DAY,
    labels: ["feature-request", "planning"],
  },
  {
    key: "PM-250",
    title: "Per-customer colour themes in the technician app",
    description:
      "Declined: custom colours hurt outdoor readability and multiply design QA. Logo branding covers the need.",
    type: "feature",
    status: "wont_do",
    priority: "P4",
    team: "Product: Mobile",
    createdAgo: 59 * DAY,
    resolvedAgo: 50 * DAY,
    labels: ["feature-request", "mobile"],
  },
  {
    key: "OPS-92",
    title: "Rotate outbound email DKIM keys",
    description: "Yearly rotation of the DKIM keys for notification email.",
    type: "task",
    status: "done",
    priority: "P3",
    team: "Infrastructure",
    createdAgo: 34 * DAY,
    resolvedAgo: 28 * DAY,
    labels: ["email", "maintenance"],
  },
  {
    key: "OPS-95",
    title: "Move attachment storage for EU tenants to the new bucket",
    description: "Migrate EU work order attachments to the new storage bucket with lifecycle rules.",
    type: "task",
    status: "in_progress",
    priority: "P3",
    team: "Infrastructure",
    createdAgo: 15 * DAY,
    labels: ["storage"],
  },
];

/** Release announcements in the releases channel (fixed, so the stories' regressions have a cause). */
export const RELEASE_CHAT: readonly ChatSpec[] = [
  {
    id: "CH-7001",
    channel: "#eng-releases",
    author: "Felix Aranda",
    ago: 41 * DAY,
    text: "7.39.0 is live: contractor company roles, reorder suggestions for parts, PM calendar time zone fix.",
  },
  {
    id: "CH-7002",
    channel: "#eng-releases",
    author: "Katya Morozova",
    ago: 19.5 * DAY,
    text: "7.40.0 is live: approval rule ordering fix, checklist translations, dashboard tile fixes, wrapped asset names on PDFs.",
  },
  {
    id: "CH-7003",
    channel: "#eng-releases",
    author: "Felix Aranda",
    ago: 9 * DAY,
    text: "7.41.0 is live: site merge and archive tools, faster PM calendar, numeric sort for parts quantities.",
  },
  {
    id: "CH-7004",
    channel: "#eng-releases",
    author: "Katya Morozova",
    ago: 21.5,
    text: "7.42.0 rolling out: geo-index for asset search, throughput work on the bulk work order endpoint.",
  },
  {
    id: "CH-7005",
    channel: "#eng-releases",
    author: "Sigrid Haugen",
    ago: 6.5,
    text: "edge-proxy 2.19 rolled out to all regions: header normalisation and HTTP/3 groundwork.",
  },
];

/** Everyday support-channel chatter, with slots like the noise tickets. */
export const QUEUE_CHATTER: readonly string[] = [
  "Queue is at {count} open this morning, mostly billing questions after the invoice run.",
  "Anyone know where the PO number setting lives now? It moved in the last billing UI update.",
  "Shout-out to {agent} for untangling {company}'s {integration} account mapping.",
  "Reminder: the holiday coverage rota is in the team calendar, please add your swaps by {weekday}.",
  "New macro for seat-count questions is live; it links KB-209.",
  "{company} asked for a walkthrough of PM templates; {agent} is taking the call on {weekday}.",
  "Heads-up: {integration} had a short outage on their side this afternoon; our sync retries on its own.",
  "Does anyone have a good answer for contractors who want one invoice per site?",
  "Please tag tickets with the product area; the weekly queue review relies on it.",
  "Mobile app 4.{count} is in the stores: faster checklist loading and the new photo annotator.",
  "{company} is onboarding {count} new {role} next week; expect a few how-to tickets.",
  "Tip: the Android Save-button tickets can be linked to MOB-288, KB-205 has the customer wording.",
];
