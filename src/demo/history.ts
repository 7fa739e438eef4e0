/**
 * Resolved episodes from the weeks before the anchor: past escalations with their solved tickets,
 * done tracker issues and chat. None of them is about the four stories' problems (API 500s, exports,
 * SSO, audit logs), so none can make a story "recurring".
 */
import type { ChatSpec, EscalationSpec, TicketSpec, TrackerSpec } from "./specs.js";
import { CHANNELS, ENGINEERS, SUPPORT_LEAD } from "./world.js";

/** A resolved episode: what happened, and how it ended. */
export type HistoryEpisode = {
  tickets: TicketSpec[];
  chat: ChatSpec[];
  tracker: TrackerSpec[];
  escalations: EscalationSpec[];
};

const DAY = 24;
const [ARJUN, KATYA, FELIX, SIGRID] = ENGINEERS;

const webhookDelays: HistoryEpisode = {
  tickets: [
    {
      id: "SR-31452",
      accountId: "halverson",
      requester: 0,
      subject: "Webhook deliveries arriving 30-40 minutes late",
      description:
        "Our depot dispatch system listens to the work_order.assigned webhook. Since yesterday events arrive 30 to 40 minutes after the assignment, so crews are dispatched late. Our endpoint answers in under 200 ms.",
      status: "closed",
      priority: "high",
      channel: "web",
      assignee: "Lucia Ferreira",
      createdAgo: 49 * DAY,
      solvedAgo: 45 * DAY,
      tags: ["webhooks", "integration"],
      trackerKeys: ["CORE-1090"],
      comments: [
        {
          ago: 49 * DAY - 1,
          role: "agent",
          author: "Lucia Ferreira",
          body: "Thanks Bettina. I can see the delivery lag on our side too and have escalated it to engineering.",
        },
        {
          ago: 48 * DAY,
          role: "internal",
          author: "Lucia Ferreira",
          body: "Webhook queue lag peaks at 38 min during the 7-9am ET burst. Dispatcher pool stuck at 4 workers. CORE-1090.",
        },
        {
          ago: 45 * DAY + 2,
          role: "agent",
          author: "Lucia Ferreira",
          body: "The fix is live: deliveries are back under 10 seconds. Sorry for the disruption, and thank you for the detailed timings.",
        },
        {
          ago: 45 * DAY + 1,
          role: "customer",
          author: "Bettina Kraus",
          body: "Confirmed on our side, thanks.",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-8101",
      channel: CHANNELS.engineering,
      author: ARJUN,
      ago: 48 * DAY - 3,
      text: "CORE-1090: webhook dispatcher autoscaling still keys on CPU after the queue migration, so it never scales out during the morning burst. Switching it to queue lag.",
    },
  ],
  tracker: [
    {
      key: "CORE-1090",
      title: "Webhook dispatcher does not scale out with queue lag",
      description:
        "After the queue migration the dispatcher autoscaler used CPU, which stays low while deliveries queue up. Autoscale on queue lag instead.",
      type: "bug",
      status: "done",
      priority: "P1",
      team: "Core Platform",
      createdAgo: 48 * DAY,
      resolvedAgo: 45 * DAY + 4,
      fixVersion: "7.38.2",
      labels: ["webhooks", "customer-reported"],
      ticketIds: ["SR-31452"],
    },
  ],
  escalations: [
    {
      id: "ESC-031",
      summary: "Webhook deliveries to Halverson Rail's dispatch system delayed by up to 40 minutes",
      accountIds: ["halverson"],
      severity: "High",
      target: "Engineering",
      createdAgo: 48.5 * DAY,
      resolvedAgo: 45 * DAY,
      rootCause:
        "The webhook dispatcher's autoscaler keyed on CPU after the queue migration and never scaled out during the morning burst; it now scales on queue lag.",
      trackerKey: "CORE-1090",
    },
  ],
};

const prorationCredit: HistoryEpisode = {
  tickets: [
    {
      id: "SR-31529",
      accountId: "paloma",
      requester: 1,
      subject: "Charged twice for the extra seats we added",
      description:
        "We upgraded mid-cycle and added 15 technician seats the same afternoon. The invoice shows the prorated seat charge twice. Our finance policy needs the credit on this invoice, not the next one.",
      status: "closed",
      priority: "normal",
      channel: "email",
      assignee: "Jonah Whitlock",
      createdAgo: 38 * DAY,
      solvedAgo: 35 * DAY,
      tags: ["billing", "proration", "invoice"],
      trackerKeys: ["BILL-64"],
      comments: [
        {
          ago: 38 * DAY - 2,
          role: "agent",
          author: "Jonah Whitlock",
          body: "Thanks Paul. You are right, the prorated seats were charged twice. Crediting the current invoice is outside what I can approve, so I have asked our support director.",
        },
        {
          ago: 36 * DAY,
          role: "internal",
          author: "Jonah Whitlock",
          body: "Plan change and seat change landed in the same minute and the proration job ran twice. BILL-64. Credit on the current invoice needs a policy exception.",
        },
        {
          ago: 35 * DAY,
          role: "agent",
          author: "Jonah Whitlock",
          body: "Good news: the duplicate charge has been credited on the current invoice and a corrected PDF is attached. The underlying billing defect is fixed as well.",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-8201",
      channel: CHANNELS.leadership,
      author: SUPPORT_LEAD,
      ago: 36 * DAY - 1,
      text: "Approved a one-off credit on Paloma's current invoice for the duplicated proration (SR-31529). Billing is fixing the root cause in BILL-64.",
    },
  ],
  tracker: [
    {
      key: "BILL-64",
      title: "Proration job runs twice when plan and seat changes land in the same minute",
      description:
        "Two subscription events in the same minute each trigger the proration job; make it idempotent per billing period.",
      type: "bug",
      status: "done",
      priority: "P2",
      team: "Billing",
      createdAgo: 36 * DAY,
      resolvedAgo: 33 * DAY,
      fixVersion: "billing 3.14.0",
      labels: ["billing"],
      ticketIds: ["SR-31529"],
    },
  ],
  escalations: [
    {
      id: "ESC-034",
      summary:
        "Paloma Hotels double-charged for prorated seats; asked for a credit on the current invoice (policy exception)",
      accountIds: ["paloma"],
      severity: "Medium",
      target: "Leadership",
      createdAgo: 37 * DAY,
      resolvedAgo: 35 * DAY,
      rootCause:
        "The proration job ran twice when the plan change and the seat change landed in the same minute; the support director approved a one-off credit on the current invoice.",
      trackerKey: "BILL-64",
    },
  ],
};

const pushDelays: HistoryEpisode = {
  tickets: [
    {
      id: "SR-31578",
      accountId: "wrenfield",
      requester: 1,
      subject: "Technicians get new assignment alerts 20+ minutes late on iPhones",
      description:
        "Since this morning our iPhone users get push alerts for urgent work orders 20 to 30 minutes after dispatch. Android users are fine.",
      status: "closed",
      priority: "high",
      channel: "phone",
      assignee: "Tess Okafor",
      createdAgo: 31 * DAY,
      solvedAgo: 30 * DAY,
      tags: ["mobile", "push-notifications", "ios"],
      trackerKeys: ["INC-51"],
      comments: [
        {
          ago: 31 * DAY - 0.5,
          role: "agent",
          author: "Tess Okafor",
          body: "Thanks Fiona. We are seeing delayed iOS push alerts for several customers and have opened an incident.",
        },
        {
          ago: 30 * DAY + 2,
          role: "agent",
          author: "Tess Okafor",
          body: "Resolved: iOS alerts are arriving within seconds again. The cause was an expired certificate on our push service, now replaced and monitored.",
        },
      ],
    },
    {
      id: "SR-31580",
      accountId: "sorensen",
      requester: 1,
      subject: "Push alerts slow on the iOS app",
      description:
        "Our service techs on iPhone see new jobs only when they open the app. Alerts come very late or not at all since this morning.",
      status: "closed",
      priority: "normal",
      channel: "email",
      assignee: "Tess Okafor",
      createdAgo: 31 * DAY - 2,
      solvedAgo: 30 * DAY,
      tags: ["mobile", "push-notifications", "ios"],
      trackerKeys: ["INC-51"],
      comments: [
        {
          ago: 30 * DAY + 1.9,
          role: "agent",
          author: "Tess Okafor",
          body: "Hi Luis, this was part of an incident that is now resolved. Alerts should arrive normally again; let me know if any technician still sees a delay.",
        },
      ],
    },
    {
      id: "SR-31581",
      accountId: "gristmill",
      requester: 0,
      subject: "Not getting phone alerts for new jobs",
      description: "My iPhone stopped buzzing when a job is assigned to me. Is something wrong on your side?",
      status: "closed",
      priority: "normal",
      channel: "chat",
      assignee: "Ravi Menon",
      createdAgo: 31 * DAY - 3,
      solvedAgo: 30 * DAY,
      tags: ["mobile", "push-notifications"],
      trackerKeys: ["INC-51"],
      comments: [
        {
          ago: 30 * DAY + 1.8,
          role: "agent",
          author: "Ravi Menon",
          body: "Hi Eamon, yes, we had a delay on iOS alerts this morning. It is fixed now; thanks for your patience.",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-8301",
      channel: CHANNELS.engineering,
      author: SIGRID,
      ago: 31 * DAY - 1,
      text: "INC-51: iOS push alerts delayed across tenants. The APNs signing certificate expired overnight; the fallback path retries with backoff, hence the 20-30 minute lag.",
    },
    {
      id: "CH-8302",
      channel: CHANNELS.engineering,
      author: SIGRID,
      ago: 30 * DAY + 3,
      text: "INC-51 resolved: certificate replaced, alerts flowing. Added expiry monitoring 30 days out.",
    },
  ],
  tracker: [
    {
      key: "INC-51",
      title: "iOS push alerts delayed 20-30 minutes (APNs certificate expired)",
      description:
        "The APNs signing certificate expired; pushes fell back to a retry path. Replace the certificate and monitor expiry.",
      type: "incident",
      status: "done",
      priority: "SEV-2",
      team: "Mobile",
      createdAgo: 31 * DAY - 1,
      resolvedAgo: 30 * DAY + 3,
      labels: ["incident", "mobile", "push-notifications"],
      ticketIds: ["SR-31578", "SR-31580", "SR-31581"],
    },
  ],
  escalations: [
    {
      id: "ESC-037",
      summary: "iOS push alerts for new assignments delayed 20-30 minutes for several customers",
      accountIds: ["wrenfield", "sorensen", "gristmill"],
      severity: "High",
      target: "Engineering",
      createdAgo: 31 * DAY - 0.5,
      resolvedAgo: 30 * DAY + 3,
      rootCause:
        "The APNs signing certificate for the iOS push service expired; it was replaced and certificate expiry is now monitored.",
      trackerKey: "INC-51",
    },
  ],
};

const approvalChain: HistoryEpisode = {
  tickets: [
    {
      id: "SR-31627",
      accountId: "caldera",
      requester: 1,
      subject: "Purchase approvals skipping the plant manager step",
      description:
        "Parts purchase requests above $2,000 should go to the shift lead and then the plant manager. Since last week some go straight from the shift lead to purchasing. We found 6 so far.",
      status: "closed",
      priority: "high",
      channel: "web",
      assignee: "Mei Takahashi",
      createdAgo: 24 * DAY,
      solvedAgo: 19 * DAY,
      tags: ["approvals", "purchasing"],
      trackerKeys: ["CORE-1118"],
      comments: [
        {
          ago: 24 * DAY - 1,
          role: "agent",
          author: "Mei Takahashi",
          body: "Thanks Adaeze. Could you send the request numbers of the 6 that skipped the plant manager? I will compare them with your approval rules.",
        },
        {
          ago: 23 * DAY,
          role: "customer",
          author: "Adaeze Nwosu",
          body: "PR-88213, PR-88240, PR-88251, PR-88263, PR-88270 and PR-88302.",
        },
        {
          ago: 22 * DAY,
          role: "internal",
          author: "Mei Takahashi",
          body: "Two rules with the same priority (amount > 2000 and category = spare parts); evaluation order is not stable. Confirmed with Core: CORE-1118.",
        },
        {
          ago: 19 * DAY,
          role: "agent",
          author: "Mei Takahashi",
          body: "The fix is live: rules with the same priority are now always evaluated in the order shown on the Approvals page. The six requests have been sent back for the plant manager's approval.",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-8401",
      channel: CHANNELS.engineering,
      author: FELIX,
      ago: 22 * DAY - 2,
      text: "CORE-1118: approval rules with equal priority come out of a hash map, so order changes per evaluation. Sorting by rule position; small fix, shipping with 7.40.0.",
    },
  ],
  tracker: [
    {
      key: "CORE-1118",
      title: "Approval rules with equal priority evaluated in unstable order",
      description:
        "Equal-priority approval rules are read from an unordered map, so a required approver can be skipped. Evaluate by rule position.",
      type: "bug",
      status: "done",
      priority: "P2",
      team: "Core Platform",
      createdAgo: 22 * DAY,
      resolvedAgo: 19 * DAY + 3,
      fixVersion: "7.40.0",
      labels: ["approvals", "customer-reported"],
      ticketIds: ["SR-31627"],
    },
  ],
  escalations: [
    {
      id: "ESC-039",
      summary: "Caldera purchase approvals skipping a required approver",
      accountIds: ["caldera"],
      severity: "High",
      target: "Engineering",
      createdAgo: 22 * DAY,
      resolvedAgo: 19 * DAY,
      rootCause:
        "Approval rules with the same priority were evaluated in an unstable order; they are now evaluated by their position on the Approvals page.",
      trackerKey: "CORE-1118",
    },
  ],
};

/** A support-resolvable escalation that was de-escalated once a configuration cause was found. */
const dispatchBoard: HistoryEpisode = {
  tickets: [
    {
      id: "SR-31684",
      accountId: "tolland",
      requester: 1,
      subject: "Dispatch board stops refreshing after a few minutes",
      description:
        "The dispatch board in our control room stops showing new work orders after a few minutes; we have to reload the page. Started after our IT team pushed a new browser policy.",
      status: "closed",
      priority: "normal",
      channel: "web",
      assignee: SUPPORT_LEAD,
      createdAgo: 16 * DAY,
      solvedAgo: 14 * DAY,
      tags: ["dispatch-board", "browser"],
      comments: [
        {
          ago: 15.5 * DAY,
          role: "internal",
          author: SUPPORT_LEAD,
          body: "Live updates use a WebSocket; their new proxy policy closes idle connections after 120 s. Not a product defect.",
        },
        {
          ago: 14 * DAY,
          role: "agent",
          author: SUPPORT_LEAD,
          body: "Your proxy closes idle WebSocket connections after 120 seconds. Allowing wss://live.loomwork.example or raising the idle timeout to 10 minutes fixes it; your IT team has confirmed the change.",
        },
      ],
    },
  ],
  chat: [
    {
      id: "CH-8501",
      channel: CHANNELS.l2,
      author: KATYA,
      ago: 15.4 * DAY,
      text: "Looked at Tolland's dispatch board traces: the socket is closed by their proxy, not by us. Handing back to support.",
    },
  ],
  tracker: [],
  escalations: [
    {
      id: "ESC-041",
      summary: "Tolland's dispatch board stops live-updating in the control room",
      accountIds: ["tolland"],
      severity: "Medium",
      target: "L2 Support",
      createdAgo: 15.8 * DAY,
      resolvedAgo: 14 * DAY,
      rootCause:
        "The customer's new proxy policy closed idle WebSocket connections after 120 seconds; resolved by a proxy allow-list change on their side.",
    },
  ],
};

/** The resolved episodes, oldest first. */
export const HISTORY_EPISODES: readonly HistoryEpisode[] = [
  webhookDelays,
  prorationCredit,
  pushDelays,
  approvalChain,
  dispatchBoard,
];
