/**
 * The four escalation stories behind the usage examples of the practice (shared/spec/PRACTICE.md),
 * hand-written so that the default policy (shared/spec/POLICY.md) gives exactly the outcome noted
 * next to each. Times are hours before the anchor. Noise data (noise.ts) is kept clear of their
 * key words so it cannot change these outcomes.
 */
import type { Severity, Target } from "../domain/bundle.js";
import type { ChatSpec, EscalationSpec, TicketSpec, TrackerSpec } from "./specs.js";
import { CHANNELS, ENGINEERS, PRODUCT_MANAGER } from "./world.js";

/** What the policy is expected to decide for a demo example. */
export type DemoExpectation = {
  decision: "escalate" | "handle_in_support";
  severity: Severity;
  target: Target;
  /** Affected accounts, sorted by id. */
  accountIds: string[];
  /** The story's open tickets, sorted by id. */
  relatedTickets: string[];
};

/** A usage example of the practice, backed by a story in the demo workspace. */
export type DemoExample = { description: string; customer?: string; expect: DemoExpectation };

/** A story: its example and the records that back it. */
export type DemoStory = {
  key: "acme-api-500s" | "export-missing-rows" | "sso-login-loop" | "audit-log-churn";
  example: DemoExample;
  tickets: TicketSpec[];
  chat: ChatSpec[];
  tracker: TrackerSpec[];
  escalations: EscalationSpec[];
};

const [ARJUN, KATYA, FELIX, SIGRID, TOMASZ] = ENGINEERS;

/**
 * Story 1 — "API returning 500 errors intermittently for Acme Corp".
 * Intended outcome: escalate, High, Engineering; accounts [acme].
 * Policy reasoning: Acme is high-value (arr 480000 and strategic, §1). SR-31871 is open, created 19h
 * before the anchor on a 24h resolution SLA: 19/24 = 0.79, "imminent" (>= 0.75, not > 1.0, so no
 * breach). CORE-1187 is a confirmed bug (in_progress, reproduced in the internal note) => escalate
 * (technical, and business: SLA imminent, high-value account blocked). Target: no security facts; no
 * Leadership trigger (no churn threat, no SLA breach, no exec request, no legal/PR words, no exception)
 * => Engineering (§3.3, confirmed bug). Severity: not Critical (the API works on most calls, so not
 * production down; failed calls return 500 to the caller, nothing is silently lost, so no data at risk;
 * one account only) => High (SLA imminent; high-value account blocked). No KB article of kind
 * workaround/known_issue/limitation matches (KB-204 is about HTTP 429 rate limits), so nothing lowers
 * it; no done bug or resolved escalation about the same problem, so not recurring. Acme has no other
 * open ticket. Pending deal: "12 additional plants rollout", 145000, closing in 34 days.
 */
const acmeApi500s: DemoStory = {
  key: "acme-api-500s",
  example: {
    description: "API returning 500 errors intermittently for Acme Corp",
    expect: {
      decision: "escalate",
      severity: "High",
      target: "Engineering",
      accountIds: ["acme"],
      relatedTickets: ["SR-31871"],
    },
  },
  tickets: [
    {
      id: "SR-31871",
      accountId: "acme",
      requester: 1,
      subject: "Bulk work order API intermittently returns HTTP 500",
      description:
        "Since yesterday evening our nightly planner job gets HTTP 500 back from POST /v2/work-orders/bulk on about one call in ten. " +
        'Response body: {"error":"internal","request_id":"req_4c7e91d2"}. Other request ids from last night: req_b03a5f68, req_e9d1c447. ' +
        "Same payload shape and client version we have used since the spring; nothing changed on our side. " +
        "The planner creates the next day's preventive maintenance work orders for all 38 of our plants, so every failed batch means technicians start their shift without those jobs.",
      status: "open",
      priority: "urgent",
      channel: "web",
      assignee: "Lucia Ferreira",
      createdAgo: 19,
      tags: ["api", "work-orders", "integration", "strategic"],
      trackerKeys: ["CORE-1187"],
      comments: [
        {
          ago: 18.6,
          role: "agent",
          author: "Lucia Ferreira",
          body: "Hi Tobias, thanks for the request ids. I can see those calls failing on our side as well, so this is not your client. I have raised it with our engineering team and will update you within 4 hours.",
        },
        {
          ago: 16.2,
          role: "internal",
          author: "Lucia Ferreira",
          body:
            "Reproduced on the Acme sandbox (org 7731): POST /v2/work-orders/bulk with 250 work orders across 12 sites returned HTTP 500 on 9 of 80 calls; batches under 50 work orders never failed. " +
            "Trace for req_4c7e91d2: AssetLockTimeoutException: lock wait exceeded 3000 ms (asset-registry, AssetLockManager.acquire). " +
            "First failures appear a few minutes after wo-api 7.42.0 finished rolling out. Ruled out: rate limiting (no 429s, tenant far below quota), payload validation (the same payload succeeds on retry), client version (unchanged since April). Filed CORE-1187.",
        },
        {
          ago: 12.1,
          role: "agent",
          author: "Lucia Ferreira",
          body: "Update: our engineers reproduced the failure and traced it to a change in last night's release. A fix is being worked on as a priority. I will update you again within 4 hours, sooner if it ships.",
        },
        {
          ago: 7.5,
          role: "agent",
          author: "Lucia Ferreira",
          body: "Quick update: the fix is in code review and being tested in staging. We do not have a production release time yet; I will confirm it as soon as we do.",
        },
        {
          ago: 3.2,
          role: "customer",
          author: "Tobias Reinholt",
          body:
            "Still happening this morning. Our planner already retries each failed batch 5 times with backoff; most go through on the 2nd or 3rd try, but 41 batches still failed after all retries overnight, " +
            "so about 1,900 preventive maintenance jobs were not created and our dispatchers are re-entering them by hand before the shifts start. " +
            "We also tried smaller batches of 100: fewer failures, but then the job runs past our 5am cutoff. When can we expect the fix in production?",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-9101",
      channel: CHANNELS.engineering,
      threadId: "CH-9101",
      author: ARJUN,
      ago: 15.6,
      text: "wo-api 5xx on POST /v2/work-orders/bulk jumped from ~0.02% to ~1.1% since 7.42.0. Almost all of it is AssetLockTimeoutException out of asset-registry. Opened CORE-1187; Acme is the customer hitting it hardest (SR-31871).",
    },
    {
      id: "CH-9102",
      channel: CHANNELS.engineering,
      threadId: "CH-9101",
      author: KATYA,
      ago: 15.1,
      text: "7.42.0 moved the geo-index refresh inside the bulk transaction, so big batches hold asset locks well past the 3s lock wait. Moving the refresh after commit.",
    },
    {
      id: "CH-9103",
      channel: CHANNELS.engineering,
      threadId: "CH-9101",
      author: KATYA,
      ago: 5.8,
      text: "Fix for CORE-1187 is up for review (PR #4412) and soaking in staging. Earliest production window is the next deploy train.",
    },
    {
      id: "CH-9104",
      channel: CHANNELS.l2,
      author: "Lucia Ferreira",
      ago: 1.8,
      text: "Acme's bulk work-order 500s are still happening (SR-31871). Their 24h resolution clock runs out in about 5 hours. Can someone from Core give me an ETA I can pass on?",
    },
    {
      id: "CH-9105",
      channel: CHANNELS.l2,
      author: ARJUN,
      ago: 1.5,
      text: "If staging stays green it goes out with the next deploy train. I'll post here the moment it is live.",
    },
  ],
  tracker: [
    {
      key: "CORE-1187",
      title:
        "Intermittent HTTP 500 from POST /v2/work-orders/bulk: AssetLockTimeoutException in asset-registry",
      description:
        "Since wo-api 7.42.0 the bulk endpoint refreshes the asset geo-index inside the creation transaction, so batches touching more than ~50 assets exceed the 3000 ms lock wait and the whole request fails with HTTP 500. " +
        "Smaller batches are unaffected. Fix: refresh the geo-index after commit (PR #4412).",
      type: "bug",
      status: "in_progress",
      priority: "P1",
      team: "Core Platform",
      createdAgo: 16,
      fixVersion: "7.42.1",
      labels: ["customer-reported", "regression", "wo-api"],
      ticketIds: ["SR-31871"],
    },
  ],
  escalations: [],
};

/**
 * Story 2 — "Data export is missing rows — 3 customers reported this week".
 * Intended outcome: escalate, Critical, Engineering; accounts [fennimore, quillon, tinsmith].
 * Policy reasoning: three distinct accounts have open tickets created in the last 7 days (108h, 50h
 * and 30h ago) saying their CSV exports silently leave out records that are visible in the app:
 * records silently missing from an export = data at risk (§1), and 3 accounts in 14 days = pattern,
 * 2+ customers = impact => escalate. Target: no exposure or unauthorized access => not Security; no
 * Leadership trigger: no churn/exec/legal words, and no SLA breach (quillon 50/72 = 0.69, fennimore
 * 30/72 = 0.42, tinsmith is Starter with no SLA) => Engineering (§3.3, data integrity bug, DATA-412
 * open). Severity: data at risk => Critical (a workaround would not lower it anyway, and none exists).
 * quillon is high-value (arr 140000). No done bug or past escalation about exports => not recurring.
 */
const exportMissingRows: DemoStory = {
  key: "export-missing-rows",
  example: {
    description: "Data export is missing rows — 3 customers reported this week",
    expect: {
      decision: "escalate",
      severity: "Critical",
      target: "Engineering",
      accountIds: ["fennimore", "quillon", "tinsmith"],
      relatedTickets: ["SR-31817", "SR-31842", "SR-31858"],
    },
  },
  tickets: [
    {
      id: "SR-31817",
      accountId: "tinsmith",
      requester: 0,
      subject: "Work order CSV export has fewer jobs than the app",
      description:
        "I exported last month's work orders to CSV to send to our accountant and the file only has 212 lines, but the Work Orders page says 247 completed for the same dates. " +
        "The ones not in the file all seem to be from our old Eastside shop, which we merged into the Roastery site last week. Nothing on screen said anything was left out.",
      status: "open",
      priority: "normal",
      channel: "email",
      assignee: "Ravi Menon",
      createdAgo: 108,
      tags: ["export", "csv", "work-orders"],
      trackerKeys: ["DATA-412"],
      comments: [
        {
          ago: 100,
          role: "agent",
          author: "Ravi Menon",
          body: "Thanks Dara. Could you tell me the date range and filters you used, and attach the file you received?",
        },
        {
          ago: 90,
          role: "customer",
          author: "Dara Whelan",
          body: "Date range: first to last day of last month, filter Status = Completed, nothing else. File attached. Our accountant needs the complete list for the quarter.",
        },
        {
          ago: 70,
          role: "agent",
          author: "Ravi Menon",
          body: "Thank you, I can reproduce it: the 35 Eastside work orders are in your account but are left out of the export. I have passed this to our engineers and will keep you posted.",
        },
        {
          ago: 69,
          role: "internal",
          author: "Ravi Menon",
          body: "Repro on Tinsmith: CSV export of completed work orders omits every work order whose site was merged with the new Merge sites tool (7.41.0). App shows 247, file has 212; all 35 absent records belong to former site 'Eastside'. Export seems to only include sites with status active. Filed DATA-412.",
        },
      ],
    },
    {
      id: "SR-31842",
      accountId: "quillon",
      requester: 0,
      subject: "Monthly billable work order CSV is short by ~375 records",
      description:
        "Our month-end billing run uses Reports > Work orders > Export CSV (closed, billable = yes). This month the file has 4,212 records; the Work Orders list with the same filters shows 4,587. " +
        "The download finishes normally and nothing warns that anything was left out. We invoice our lab clients from this file, so we cannot close the month until we know what else is affected. Did something change in exports recently?",
      status: "open",
      priority: "high",
      channel: "web",
      assignee: "Ravi Menon",
      createdAgo: 50,
      tags: ["export", "csv", "billing-run"],
      trackerKeys: ["DATA-412"],
      comments: [
        {
          ago: 48.5,
          role: "agent",
          author: "Ravi Menon",
          body: "Thanks Mireille, that is a serious gap and I am treating it as a priority. Could you confirm whether any of the sites involved were merged or archived recently?",
        },
        {
          ago: 40,
          role: "customer",
          author: "Mireille Fontaine",
          body: "Yes. We merged our Annex B site into Main Campus about a week ago and archived two old labs. I checked a dozen of the absent work orders and they all belong to those sites. Our month-end close is in 3 business days.",
        },
        {
          ago: 39,
          role: "internal",
          author: "Ravi Menon",
          body: "Same pattern as SR-31817: every record left out of the CSV belongs to a merged or archived site. Linked to DATA-412.",
        },
        {
          ago: 38,
          role: "agent",
          author: "Ravi Menon",
          body: "Thank you, that confirms it. This is a defect in our export introduced with the recent site merge feature: the records are intact in your account, only the export leaves them out. Our engineers are tracking it and I will update you daily.",
        },
      ],
    },
    {
      id: "SR-31858",
      accountId: "fennimore",
      requester: 0,
      subject: "Asset maintenance CSV export is missing rows for several buildings",
      description:
        "Our quarterly owner reports are built from the Assets > Maintenance records CSV export. The latest file is missing rows for every HVAC and elevator job at 14 Harlan Street and 220 Dock Road; " +
        "those two buildings were consolidated into one site in Loomwork last week. All the jobs are visible in the app. We have to send the owner packs on Friday.",
      status: "open",
      priority: "high",
      channel: "email",
      assignee: "Mei Takahashi",
      createdAgo: 30,
      tags: ["export", "csv", "assets"],
      trackerKeys: ["DATA-412"],
      comments: [
        {
          ago: 28,
          role: "agent",
          author: "Mei Takahashi",
          body: "Hi Colm, thanks for the detail. We have seen a similar report this week and are checking whether it is the same cause. I will come back to you today.",
        },
        {
          ago: 27,
          role: "internal",
          author: "Mei Takahashi",
          body: "Third account this week whose export drops records from merged/archived sites (SR-31817, SR-31842). Added to DATA-412 and asked Data & Reporting to pick it up.",
        },
        {
          ago: 26.5,
          role: "agent",
          author: "Mei Takahashi",
          body: "It is the same defect: records from the merged buildings are left out of the file although they are intact in your account. Engineering has it and I will update you as soon as there is a fix date.",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-9201",
      channel: CHANNELS.engineering,
      threadId: "CH-9201",
      author: "Mei Takahashi",
      ago: 26,
      text: "Third customer this week with a CSV export that comes back short: SR-31817, SR-31842, SR-31858. Every left-out record belongs to a site merged or archived after 7.41.0. DATA-412 is still unassigned; can Data & Reporting take a look?",
    },
    {
      id: "CH-9202",
      channel: CHANNELS.engineering,
      threadId: "CH-9201",
      author: FELIX,
      ago: 24.5,
      text: "Looking. The 7.41.0 export query joins sites on status = 'active', and merged sites become 'merged', so anything on a merged or archived site is dropped. Scheduled exports too.",
    },
    {
      id: "CH-9203",
      channel: CHANNELS.engineering,
      threadId: "CH-9201",
      author: FELIX,
      ago: 23,
      text: "Not a one-liner: the export paginates by site. We also need to work out which scheduled SFTP exports already went out incomplete. Will size it tomorrow.",
    },
    {
      id: "CH-9204",
      channel: CHANNELS.queue,
      author: "Ravi Menon",
      ago: 22,
      text: "FYI: if you get a ticket about an export that comes back short, link it to DATA-412 and ask whether sites were merged or archived recently.",
    },
  ],
  tracker: [
    {
      key: "DATA-412",
      title: "CSV exports silently leave out records from merged or archived sites",
      description:
        "Since 7.41.0 (site merge and archive tools) the export query only includes sites with status 'active', so work orders and maintenance records whose site was merged or archived are dropped from on-demand and scheduled CSV exports. " +
        "No warning is shown and the counts in the app are correct. Reported by three customers.",
      type: "bug",
      status: "open",
      priority: "P2",
      team: "Data & Reporting",
      createdAgo: 69,
      labels: ["customer-reported", "regression", "export", "data-integrity"],
      ticketIds: ["SR-31817", "SR-31842", "SR-31858"],
    },
  ],
  escalations: [],
};

/**
 * Story 3 — "SSO login loop affecting all Enterprise customers".
 * Intended outcome: escalate, Critical, Engineering; accounts = every Enterprise account (acme,
 * caldera, halverson, mistral, orrinvalley, tolland, wrenfield).
 * Policy reasoning: "all Enterprise customers" is a segment = every account on that plan (§1),
 * including acme, orrinvalley and tolland, which have no ticket about it. Four Enterprise accounts
 * opened urgent tickets in the last ~5 hours: after signing in with SSO their users are sent round in
 * a redirect loop and cannot log in at all = production down (§1, login is a core flow) => escalate
 * (impact, 2+ customers, pattern) and Critical (§4). Target: no data exposure or unauthorized access
 * (nobody gets in who should not) => not Security; no churn/exec/legal words; no SLA breach (tickets
 * are at most 5.2h into a 24h resolution SLA) => not Leadership; an outage/regression tracked by
 * INC-58 (incident, in_progress) and AUTH-240 (bug, in_progress) => Engineering (§3.3).
 */
const ssoLoginLoop: DemoStory = {
  key: "sso-login-loop",
  example: {
    description: "SSO login loop affecting all Enterprise customers",
    expect: {
      decision: "escalate",
      severity: "Critical",
      target: "Engineering",
      accountIds: ["acme", "caldera", "halverson", "mistral", "orrinvalley", "tolland", "wrenfield"],
      relatedTickets: ["SR-31880", "SR-31881", "SR-31883", "SR-31886"],
    },
  },
  tickets: [
    {
      id: "SR-31880",
      accountId: "caldera",
      requester: 0,
      subject: "Redirect loop after SSO: nobody can log in to Loomwork",
      description:
        "Starting about an hour ago every user who signs in through Okta comes back to the Loomwork page, which immediately sends them to Okta again, over and over. " +
        "Tried Chrome, Edge and Firefox, private windows, cleared cookies. Our fab maintenance crews cannot open their work orders for the night shift. Password login is disabled for our organisation, so about 1,100 users are stuck.",
      status: "open",
      priority: "urgent",
      channel: "phone",
      assignee: "Declan Shaw",
      createdAgo: 5.2,
      tags: ["sso", "saml", "okta", "login"],
      trackerKeys: ["INC-58", "AUTH-240"],
      comments: [
        {
          ago: 5,
          role: "agent",
          author: "Declan Shaw",
          body: "Hiroshi, thank you for calling it in. We are seeing the same on other organisations and have opened an incident. I will update you every hour.",
        },
        {
          ago: 4.4,
          role: "internal",
          author: "Declan Shaw",
          body:
            "Repro with our Okta test tenant: after the SAML POST to /sso/acs the response sets lw_session without SameSite=None, Chrome drops it on the cross-site POST, /app sees no session and sends the user back to the IdP. " +
            "Started with edge-proxy 2.19 (rolled out this morning). Password users are not affected. Tested Chrome 126 and Firefox 127, same behaviour.",
        },
        {
          ago: 3.9,
          role: "agent",
          author: "Declan Shaw",
          body: "Update: engineers have linked the loop to a change in our edge layer rolled out this morning and are preparing a rollback. Next update within the hour.",
        },
        {
          ago: 3.5,
          role: "customer",
          author: "Hiroshi Nakamura",
          body: "Any ETA? The night shift starts at 10pm and the crews need their work orders on the tablets.",
        },
        {
          ago: 2.1,
          role: "agent",
          author: "Declan Shaw",
          body: "The first rollback did not clear it for SSO sessions. Engineering is deploying a configuration fix region by region. I will update you within the hour.",
        },
      ],
    },
    {
      id: "SR-31881",
      accountId: "halverson",
      requester: 0,
      subject: "Staff stuck in a login loop with Microsoft Entra SSO",
      description:
        "Since this morning our depot supervisors go through the Microsoft sign-in, then Loomwork flashes and sends them straight back to Microsoft. Chrome eventually says the page redirected too many times. " +
        "Nobody using SSO can log in; only our two admins with local passwords can. Today's track inspection work orders cannot be opened on the tablets.",
      status: "open",
      priority: "urgent",
      channel: "web",
      assignee: "Declan Shaw",
      createdAgo: 4.7,
      tags: ["sso", "entra-id", "login"],
      trackerKeys: ["INC-58"],
      comments: [
        {
          ago: 4.4,
          role: "agent",
          author: "Declan Shaw",
          body: "Hi Bettina, this is part of an incident affecting SSO sign-in for several organisations. Engineering is on it and I will update you every hour.",
        },
        {
          ago: 2,
          role: "customer",
          author: "Bettina Kraus",
          body: "Still looping here. Our inspectors are writing findings on paper and we will have to key them in later.",
        },
      ],
    },
    {
      id: "SR-31883",
      accountId: "wrenfield",
      requester: 0,
      subject: "Clinical engineering cannot log in: SSO keeps bouncing",
      description:
        "Since around 8:30 our biomedical technicians cannot log in. After the hospital SSO page they land back on it again in a loop. We have gone to paper work orders on three wards.",
      status: "open",
      priority: "urgent",
      channel: "phone",
      assignee: "Tess Okafor",
      createdAgo: 3.9,
      tags: ["sso", "saml", "login"],
      trackerKeys: ["INC-58"],
      comments: [
        {
          ago: 3.7,
          role: "agent",
          author: "Tess Okafor",
          body: "Thank you Omari. This is a known incident affecting SSO sign-in and engineering is working on it. I will update you every hour until it is fixed.",
        },
      ],
    },
    {
      id: "SR-31886",
      accountId: "mistral",
      requester: 0,
      subject: "SSO loop on every browser",
      description:
        "Our warehouse technicians sign in with Google Workspace SSO and get sent round in a loop between Google and Loomwork. Started this morning. Nobody on SSO can log in, so the freezer inspections due today are not being recorded.",
      status: "open",
      priority: "urgent",
      channel: "email",
      assignee: "Tess Okafor",
      createdAgo: 2.6,
      tags: ["sso", "google-workspace", "login"],
      trackerKeys: ["INC-58"],
      comments: [
        {
          ago: 2.3,
          role: "agent",
          author: "Tess Okafor",
          body: "Hi Hanne, this is part of an ongoing incident with SSO sign-in. Engineering is rolling out a fix and I will update you within the hour.",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-9301",
      channel: CHANNELS.engineering,
      threadId: "CH-9301",
      author: SIGRID,
      ago: 4.95,
      text: "Declaring INC-58: SSO sign-ins for several Enterprise orgs loop between the IdP and /app. Password logins are fine. Suspect edge-proxy 2.19, rolled out this morning.",
    },
    {
      id: "CH-9302",
      channel: CHANNELS.engineering,
      threadId: "CH-9301",
      author: TOMASZ,
      ago: 4.5,
      text: "Confirmed: 2.19 rewrites Set-Cookie on the ACS response and drops SameSite=None. Every SAML and OIDC tenant is affected, so effectively all Enterprise orgs.",
    },
    {
      id: "CH-9303",
      channel: CHANNELS.l2,
      author: "Declan Shaw",
      ago: 4.3,
      text: "Heads-up: SSO loop tickets from Caldera and Halverson so far, more expected. Link them to INC-58 and give hourly updates.",
    },
    {
      id: "CH-9304",
      channel: CHANNELS.engineering,
      threadId: "CH-9301",
      author: SIGRID,
      ago: 3.7,
      text: "Rolled edge-proxy back to 2.18 in us-east, but users with the bad cookie cached keep looping and the EU edge was not covered. Opened AUTH-240 for the proper fix.",
    },
    {
      id: "CH-9305",
      channel: CHANNELS.engineering,
      threadId: "CH-9301",
      author: TOMASZ,
      ago: 1.2,
      text: "Config fix staged: explicit SameSite=None; Secure on lw_session at the edge. Deploying to one region first, then the rest.",
    },
  ],
  tracker: [
    {
      key: "INC-58",
      title: "Enterprise SSO users caught in a sign-in redirect loop after edge-proxy 2.19",
      description:
        "After SAML/OIDC sign-in the session cookie is dropped by the browser and /app sends the user back to the identity provider, in a loop. All SSO organisations are affected; password sign-in works.",
      type: "incident",
      status: "in_progress",
      priority: "SEV-1",
      team: "Identity & Edge",
      createdAgo: 4.9,
      labels: ["sso", "incident", "edge-proxy"],
      ticketIds: ["SR-31880", "SR-31881", "SR-31883", "SR-31886"],
    },
    {
      key: "AUTH-240",
      title:
        "Session cookie on the SSO callback lacks SameSite=None, browsers drop it on the cross-site POST",
      description:
        "edge-proxy 2.19 normalises Set-Cookie headers and strips SameSite=None from lw_session on /sso/acs. Set the attribute explicitly and add an end-to-end SSO check to the edge release pipeline.",
      type: "bug",
      status: "in_progress",
      priority: "P0",
      team: "Identity & Edge",
      createdAgo: 3.6,
      fixVersion: "edge-proxy 2.19.1",
      labels: ["sso", "regression"],
      ticketIds: ["SR-31880"],
    },
  ],
  escalations: [],
};

/**
 * Story 4 — "Customer threatening to churn over missing audit log feature" (no customer named).
 * Intended outcome: escalate, High, Leadership (also notify Product); accounts [orrinvalley].
 * Policy reasoning: exactly one account has an open ticket about an audit log: Orrin Valley Foods,
 * high-value by ARR alone (260000 >= 100000; not strategic, not reference). Its contact says they
 * will not renew and will move to a competitor = churn threat (§1) => escalate (business: high-value
 * account at risk). Target: no exposure, unauthorized access, vulnerability or compliance words =>
 * not Security; a high-value account threatening churn => Leadership (§3.2), and since the gap is a
 * feature (PM-318, feature, open; no bug) Product is listed as "also notify". Severity: no production
 * down, data at risk or blocked high-value accounts => not Critical; churn threat from a high-value
 * account => High (§4); no KB workaround/limitation matches, so it stays High. The ticket is 14h into
 * a 24h SLA (0.58): no SLA fact adds to or changes the outcome. Renewal deal (260000) closes in 36 days.
 */
const auditLogChurn: DemoStory = {
  key: "audit-log-churn",
  example: {
    description: "Customer threatening to churn over missing audit log feature",
    expect: {
      decision: "escalate",
      severity: "High",
      target: "Leadership",
      accountIds: ["orrinvalley"],
      relatedTickets: ["SR-31866"],
    },
  },
  tickets: [
    {
      id: "SR-31866",
      accountId: "orrinvalley",
      requester: 0,
      subject: "Audit log of admin changes needed before our renewal",
      description:
        "Three weeks ago someone in our organisation turned off the overdue alerts on the refrigeration compressor PM schedules at our Fresno plant, and twice this month an admin changed technician permissions at another site. " +
        "We have no way to see who changed what, or when. We need an audit log (an activity history of changes to admin settings, PM schedules and user permissions). " +
        "We raised this with our account manager two quarters ago and were told it was on the roadmap.",
      status: "open",
      priority: "high",
      channel: "email",
      assignee: "Jonah Whitlock",
      createdAgo: 14,
      tags: ["feature-request", "admin-settings", "renewal-risk"],
      trackerKeys: ["PM-318"],
      comments: [
        {
          ago: 13,
          role: "agent",
          author: "Jonah Whitlock",
          body: "Thank you Celeste. Today Loomwork keeps the change record of individual work orders, but not of admin settings, PM schedules or permissions, so there is no way to see who made those changes. There is an open feature request for it (PM-318) and I have added Orrin Valley's use case to it.",
        },
        {
          ago: 6,
          role: "customer",
          author: "Celeste Marchetti",
          body: "I appreciate the honesty, but I will be plain: our renewal is in five weeks. If there is no committed date for an audit log of admin changes by then, we will not renew and will move to a competitor that has this built in. We are already trialling one. Please come back to us with a date.",
        },
        {
          ago: 5.5,
          role: "internal",
          author: "Jonah Whitlock",
          body: "Churn risk: Orrin Valley (ARR $260k, renewal in ~5 weeks) will not renew without a date for PM-318. This is a feature gap, not a defect. Pinged Harriet (CSM) and Noemi (PM).",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-9401",
      channel: CHANNELS.product,
      author: PRODUCT_MANAGER,
      ago: 5,
      text: "Orrin Valley has tied their renewal to PM-318 (audit log for admin changes). It is not in next quarter's plan. Happy to talk scope, but I cannot commit a date on my own.",
    },
    {
      id: "CH-9402",
      channel: CHANNELS.leadership,
      author: "Harriet Kingsley",
      ago: 4.6,
      text: "Orrin Valley ($260k ARR, renews in ~5 weeks) says they will not renew without a committed date for an audit log (SR-31866, PM-318). We need a decision on PM-318 timing this week.",
    },
  ],
  tracker: [
    {
      key: "PM-318",
      title: "Audit log for admin settings, PM schedule and permission changes",
      description:
        "Record who changed admin settings, PM schedules and user permissions, when, and the before/after values; viewable and filterable by admins. Not scheduled.",
      type: "feature",
      status: "open",
      priority: "P3",
      team: "Product: Platform",
      createdAgo: 55 * 24,
      labels: ["feature-request", "admin"],
      ticketIds: ["SR-31866"],
    },
  ],
  escalations: [],
};

/** The four stories, in the order of the practice's usage examples. */
export const DEMO_STORIES: readonly DemoStory[] = [
  acmeApi500s,
  exportMissingRows,
  ssoLoginLoop,
  auditLogChurn,
];
