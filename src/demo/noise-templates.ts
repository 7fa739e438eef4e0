/**
 * Everyday support tickets ("noise") as templates with slots: how-tos, billing questions,
 * configuration issues, small bugs and feature asks. They deliberately avoid the key words of the four
 * stories (500s, exports, rows, SSO, sign-in, redirects, audit logs, churn/renewal, legal words) so
 * that no noise ticket can match a story.
 */
import type { Plan } from "./world.js";

/** What a noise ticket is about. */
export type NoiseCategory = "how_to" | "billing" | "config" | "small_bug" | "feature";

/**
 * A ticket template. Texts may use `{slot}` placeholders: `{first}` (requester's first name),
 * `{agent}` (assignee's first name), `{company}` (account name), or any slot of `slots` or of the
 * shared pools. A slot gets one value per ticket, so subject and description agree.
 */
export type NoiseTemplate = {
  key: string;
  category: NoiseCategory;
  subject: readonly string[];
  description: readonly string[];
  reply: readonly string[];
  followUp?: readonly string[];
  note?: readonly string[];
  resolution: readonly string[];
  tags: readonly string[];
  priority: "low" | "normal" | "high";
  slots?: Readonly<Record<string, readonly string[]>>;
  trackerKey?: string;
  /** Creation window in days before the anchor (default: the whole 60 days). */
  ageDays?: readonly [number, number];
  plans?: readonly Plan[];
};

/** Slot pools shared by all templates. */
export const SHARED_SLOTS: Readonly<Record<string, readonly string[]>> = {
  asset: [
    "rooftop HVAC units",
    "walk-in freezers",
    "forklifts",
    "air compressors",
    "backup generators",
    "boilers",
    "conveyor lines",
    "fire pumps",
    "chillers",
    "dock levelers",
  ],
  site: [
    "Building C",
    "the north plant",
    "our Riverside depot",
    "the Eastgate warehouse",
    "the downtown clinic",
    "Plant 2",
  ],
  interval: ["every 90 days", "monthly", "every 250 running hours", "quarterly", "every six weeks"],
  integration: ["QuickBooks Online", "NetSuite", "Sage Intacct", "Xero"],
  chatTool: ["Slack", "Microsoft Teams"],
  role: ["technicians", "dispatchers", "site managers", "contractors", "supervisors"],
  count: ["12", "18", "24", "35", "40", "60", "85"],
  weekday: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
};

/** The noise ticket templates. */
export const NOISE_TEMPLATES: readonly NoiseTemplate[] = [
  {
    key: "pm-template",
    category: "how_to",
    subject: [
      "Applying one PM schedule to all our {asset}",
      "How do we set up recurring maintenance for {asset}?",
    ],
    description: [
      "We just added {count} {asset} at {site} and want them serviced {interval}. Is there a way to create the schedule once and apply it to all of them instead of one by one?",
      "Our {asset} need a service {interval}. Setting this up per asset takes forever. Can we do it in bulk?",
    ],
    reply: [
      "Hi {first}, yes: open Assets, filter to the {asset}, select them all and choose Actions > Apply PM template. The first work orders are generated {interval} after the start date you pick. KB-201 has screenshots.",
    ],
    followUp: [
      "That worked for most of them, but a handful at {site} did not pick up the template. Any idea why?",
    ],
    note: ["The assets that were skipped have a different asset type, so the filter did not select them."],
    resolution: [
      "Any asset that was skipped has a different asset type set, so the filter did not include it; once the type is corrected it picks up the template too. Marking this solved, just reply if anything looks off.",
    ],
    tags: ["preventive-maintenance", "how-to"],
    priority: "normal",
  },
  {
    key: "contractor-users",
    category: "how_to",
    subject: ["Giving {contractor} their own work orders", "Adding an outside contractor as a user"],
    description: [
      "We use {contractor} for {trade} at {site}. Can they see only the work orders we assign to them and close them out themselves?",
    ],
    reply: [
      "Hi {first}, invite them under Settings > Users with the Contractor role and link them to a contractor company. Contractors only see work orders assigned to their company and can complete them from the mobile app.",
    ],
    followUp: ["Great. Can the contractor upload their own invoice to the work order as well?"],
    resolution: [
      "Yes, contractors can attach files, including invoices, to the work orders assigned to them. I will close this one; let us know if the invite does not arrive.",
    ],
    tags: ["users", "contractors", "how-to"],
    priority: "low",
    slots: {
      contractor: [
        "Northline Mechanical",
        "BlueRiver Electric",
        "Summit Elevator Co.",
        "Ardent Fire Protection",
      ],
      trade: ["HVAC servicing", "electrical work", "elevator inspections", "sprinkler testing"],
    },
  },
  {
    key: "offline-photos",
    category: "how_to",
    subject: ["Can technicians attach photos while offline?", "Photos in basements with no signal"],
    description: [
      "Half of our {asset} are in basements with no mobile signal. Can {role} still take photos on the work order and have them upload later?",
    ],
    reply: [
      "Hi {first}, yes. The app keeps up to 20 photos per work order on the device and uploads them when the connection is back. KB-213 lists what else works offline.",
    ],
    resolution: ["Glad that helps. I will mark this solved."],
    tags: ["mobile", "offline", "how-to"],
    priority: "low",
  },
  {
    key: "asset-move",
    category: "how_to",
    subject: ["Moving {count} assets to a new location", "Bulk change of asset locations after our move"],
    description: [
      "We moved our workshop from {site} to a new building and need to update the location on {count} assets. Is there a bulk edit?",
    ],
    reply: [
      "Hi {first}, select the assets in the Assets list, choose Actions > Bulk edit and set the new location. Open work orders keep their original location unless you tick 'also update open work orders'.",
    ],
    resolution: ["Great to hear it went smoothly. Solving this one."],
    tags: ["assets", "how-to"],
    priority: "normal",
  },
  {
    key: "reorder-points",
    category: "how_to",
    subject: ["Setting reorder points for {part}", "Low stock alerts for {part}"],
    description: ["How do we get an alert when {part} drop below {count} in the stockroom at {site}?"],
    reply: [
      "Hi {first}, open the part, set Minimum quantity to {count} under Inventory, and choose who gets the low-stock alert. You can also let Loomwork draft a purchase request automatically.",
    ],
    resolution: ["Happy to help. Closing this out; reply any time."],
    tags: ["inventory", "parts", "how-to"],
    priority: "low",
    slots: { part: ["air filters", "drive belts", "fuses", "gaskets", "bearings", "LED tubes"] },
  },
  {
    key: "custom-fields",
    category: "how_to",
    subject: ["Adding a field for {field} on work orders", "Custom field for {field}"],
    description: [
      "Our {role} need to record the {field} on every work order. Can we add a field for that, and make it mandatory?",
    ],
    reply: [
      "Hi {first}, go to Settings > Work order forms, add a custom field and tick Required. Forms can have up to 25 custom fields (KB-207).",
    ],
    resolution: ["Thanks for confirming it works. Solving this one."],
    tags: ["custom-fields", "how-to"],
    priority: "low",
    slots: {
      field: ["meter reading", "refrigerant used", "permit number", "downtime minutes", "cost centre"],
    },
  },
  {
    key: "rate-limit",
    category: "how_to",
    subject: ["Nightly sync receiving HTTP 429 responses", "Request limits for our integration"],
    description: [
      "Our nightly sync with our ERP started receiving HTTP 429 Too Many Requests from your API once we added {site}. What are the limits and how should we pace requests?",
    ],
    reply: [
      "Hi {first}, each API token can make 300 requests per minute. Responses above that get HTTP 429 with a Retry-After header; waiting that long and using the bulk endpoints keeps you well inside the limit. KB-204 has the details.",
    ],
    resolution: ["Great that the sync finishes again. Closing this one."],
    tags: ["api", "rate-limit", "integration"],
    priority: "normal",
    ageDays: [20, 58],
  },
  {
    key: "kpi-digest",
    category: "how_to",
    subject: ["Weekly KPI digest for our {role}", "Emailing the dashboard every {weekday}"],
    description: ["Can the maintenance dashboard be emailed to our {role} every {weekday} morning?"],
    reply: [
      "Hi {first}, open the dashboard, click Share > Schedule digest, pick {weekday} and the recipients. Recipients do not need a Loomwork seat.",
    ],
    resolution: ["Glad it is set up. Solving this ticket."],
    tags: ["dashboards", "how-to"],
    priority: "low",
  },
  {
    key: "checklist-language",
    category: "how_to",
    subject: ["Checklists in {language} for part of our team", "Translating technician checklists"],
    description: ["About a third of our {role} prefer {language}. Can checklists show in their language?"],
    reply: [
      "Hi {first}, yes: add a {language} translation to each checklist under Checklists > Translations. The app shows the technician's preferred language and falls back to English.",
    ],
    resolution: ["Thanks, I will close this now."],
    tags: ["checklists", "mobile", "how-to"],
    priority: "low",
    slots: { language: ["Spanish", "Portuguese", "Vietnamese", "Polish", "French"] },
  },
  {
    key: "seat-count",
    category: "billing",
    subject: ["Invoice shows {seats} seats but we only use {active}", "Seat count on our latest invoice"],
    description: [
      "Our latest invoice bills {seats} seats, but only {active} technicians are active. We deactivated a few people last month. Can you explain?",
    ],
    reply: [
      "Hi {first}, deactivated users stay billed until the end of the billing period in which they were deactivated; from the next invoice you are billed for {active} seats. KB-209 explains how seats are counted.",
    ],
    followUp: ["Understood, thanks. Can we get that in writing for our finance team?"],
    resolution: ["Of course, I have sent a short summary to your billing contact. Solving this one."],
    tags: ["billing", "seats", "invoice"],
    priority: "normal",
    slots: { seats: ["42", "55", "30", "18", "64"], active: ["37", "49", "26", "15", "58"] },
  },
  {
    key: "tax-form",
    category: "billing",
    subject: ["W-9 needed for vendor setup", "Vendor onboarding paperwork for Loomwork"],
    description: [
      "Our procurement team needs your W-9 and a bank letter to set Loomwork up as a vendor. Who can send these?",
    ],
    reply: [
      "Hi {first}, both documents are attached. Let us know if your procurement portal needs anything else.",
    ],
    resolution: ["Great, glad procurement has what they need. Closing this."],
    tags: ["billing", "vendor-setup"],
    priority: "low",
  },
  {
    key: "annual-billing",
    category: "billing",
    subject: ["Switching from monthly to annual billing", "Annual invoicing instead of monthly"],
    description: [
      "We would like to move to annual billing at the start of next quarter. What is the discount and how does the switch work?",
    ],
    reply: [
      "Hi {first}, annual billing comes with two months free. The switch happens at your next billing date and the remaining monthly period is credited. I have asked your account manager to send a quote.",
    ],
    resolution: ["The quote is with you. Solving this ticket; your account manager will follow up."],
    tags: ["billing", "plan-change"],
    priority: "low",
    plans: ["Starter", "Business"],
  },
  {
    key: "new-card",
    category: "billing",
    subject: ["New company card for our subscription", "Updating the payment card"],
    description: ["Our company card was replaced. How do I update it before the next charge on {weekday}?"],
    reply: [
      "Hi {first}, go to Settings > Billing > Payment method and choose Replace card. The next charge will use the new card.",
    ],
    resolution: ["Thanks for confirming. Marking this solved."],
    tags: ["billing", "payment"],
    priority: "low",
    plans: ["Starter", "Business"],
  },
  {
    key: "po-number",
    category: "billing",
    subject: ["Our PO number must appear on invoices", "Adding a purchase order number to invoices"],
    description: [
      "Accounts payable rejected the last invoice because our PO number {po} is not on it. Can it be added?",
    ],
    reply: [
      "Hi {first}, I have added {po} under Billing > Invoice details and reissued the last invoice with it.",
    ],
    resolution: ["Reissued invoice sent. Solving this one."],
    tags: ["billing", "invoice", "purchase-order"],
    priority: "normal",
    slots: { po: ["PO-44817", "4500231877", "PO-2231-07", "OV-PO-1193", "780045612"] },
  },
  {
    key: "tax-exempt",
    category: "billing",
    subject: ["Sales tax charged although we are exempt", "Tax exemption certificate"],
    description: [
      "We are a tax-exempt organisation but the last invoice includes sales tax. What do you need from us?",
    ],
    reply: [
      "Hi {first}, please send your exemption certificate and we will remove the tax and credit the last invoice.",
    ],
    followUp: ["Certificate attached."],
    resolution: ["Thank you, the exemption is on file and the tax has been credited. Solving this."],
    tags: ["billing", "tax"],
    priority: "normal",
  },
  {
    key: "alert-quiet-hours",
    category: "config",
    subject: [
      "{role} not getting alerts for new assignments after 6pm",
      "No assignment alerts for the evening crew",
    ],
    description: [
      "Our evening {role} at {site} do not get alerts for new work orders after 6pm. Daytime is fine.",
    ],
    reply: [
      "Hi {first}, the role those users have has quiet hours set from 6pm to 7am under Settings > Notifications > Quiet hours. Clearing that setting for the evening role will fix it.",
    ],
    followUp: ["Found it, someone set that up last year. Alerts are coming through now."],
    resolution: ["Great, thanks for confirming. Solving this."],
    tags: ["notifications", "configuration"],
    priority: "normal",
  },
  {
    key: "numbering",
    category: "config",
    subject: ["Work order numbers started again at 1 for {site}", "Work order numbering after adding a site"],
    description: [
      "We added {site} as a new site and its work orders are numbered from 1 again. We want one sequence for the whole company.",
    ],
    reply: [
      "Hi {first}, numbering is per site when 'Site prefixes' is on. Turn it off under Settings > Work orders to use one company-wide sequence; existing numbers do not change.",
    ],
    resolution: ["Thanks for confirming the new numbers look right. Closing this."],
    tags: ["work-orders", "configuration"],
    priority: "low",
  },
  {
    key: "accounting-mapping",
    category: "config",
    subject: [
      "{integration} sync posts parts costs to the wrong account",
      "Parts costs land in the wrong expense account",
    ],
    description: [
      "Since we connected {integration}, parts used on work orders are booked to our general supplies account instead of repairs and maintenance.",
    ],
    reply: [
      "Hi {first}, the mapping is under Integrations > {integration} > Account mapping. Map 'Parts used' to your repairs and maintenance account; KB-210 walks through it.",
    ],
    note: ["Mapping was left on the default from setup. Customer fixed it on a screen share."],
    resolution: ["Glad the new entries land in the right account. Solving this ticket."],
    tags: ["integrations", "accounting", "configuration"],
    priority: "normal",
  },
  {
    key: "approval-threshold",
    category: "config",
    subject: [
      "Require approval for purchase requests under ${threshold}",
      "Approval threshold for small purchases",
    ],
    description: [
      "Purchase requests under ${threshold} go straight to purchasing. Our new policy needs a supervisor approval for everything. How do we change that?",
    ],
    reply: [
      "Hi {first}, the threshold is on the approval rule under Settings > Approvals. Set the minimum amount to 0 and every request will need the supervisor's approval.",
    ],
    resolution: ["Thanks for confirming it works as expected. Closing this."],
    tags: ["approvals", "configuration"],
    priority: "normal",
    slots: { threshold: ["750", "1,000", "250", "400"] },
  },
  {
    key: "meter-units",
    category: "config",
    subject: ["Temperature readings show in Fahrenheit", "Changing meter units to Celsius"],
    description: [
      "The temperature sensors on our {asset} report Celsius, but Loomwork shows the readings in Fahrenheit.",
    ],
    reply: [
      "Hi {first}, each meter has its own unit. Open the meter, set Unit to Celsius and existing readings are converted.",
    ],
    resolution: ["Great, solving this ticket."],
    tags: ["meters", "configuration"],
    priority: "low",
  },
  {
    key: "chat-alerts-channel",
    category: "config",
    subject: [
      "{chatTool} alerts still going to our old channel",
      "Changing the {chatTool} channel for urgent work orders",
    ],
    description: [
      "We renamed our maintenance channel in {chatTool} and Loomwork keeps posting urgent work orders to the old one.",
    ],
    reply: [
      "Hi {first}, the integration stores the channel it was set up with. Reconnect it under Integrations > {chatTool} and pick the new channel.",
    ],
    resolution: ["Thanks for confirming alerts arrive in the new channel. Closing this."],
    tags: ["integrations", "notifications", "configuration"],
    priority: "low",
  },
  {
    key: "email-intake",
    category: "config",
    subject: [
      "Emails to our work order address are not creating work orders",
      "Work orders from our shared mailbox",
    ],
    description: [
      "Our facilities mailbox forwards requests to our Loomwork intake address, but nothing shows up since {weekday}.",
    ],
    reply: [
      "Hi {first}, the forwarding rule sends from the shared mailbox, which is not on the intake allow-list. Add it under Settings > Email intake > Allowed senders.",
    ],
    resolution: ["Glad requests are flowing again. Solving this ticket."],
    tags: ["email-intake", "configuration"],
    priority: "normal",
  },
  {
    key: "calendar-day-shift",
    category: "small_bug",
    subject: [
      "Calendar shows work orders a day early for our Hawaii site",
      "PM calendar off by one day for one site",
    ],
    description: [
      "On the PM calendar every work order for our Honolulu site appears one day before its due date. The work order itself shows the right date.",
    ],
    reply: [
      "Hi {first}, thanks for the clear description. I can reproduce it and have passed it to our engineers.",
    ],
    note: ["Calendar converts due dates through UTC for sites at UTC-10. Linked to CORE-1102."],
    resolution: [
      "Our engineers confirmed the defect and are tracking it as CORE-1102. I have linked your ticket so you hear as soon as the fix ships; until then the work order itself has the right due date. Marking this solved for now.",
    ],
    tags: ["calendar", "bug"],
    priority: "normal",
    trackerKey: "CORE-1102",
    ageDays: [43.5, 58],
  },
  {
    key: "android-keyboard",
    category: "small_bug",
    subject: [
      "Save button hidden behind the keyboard on small Android phones",
      "Can't reach Save on the checklist screen",
    ],
    description: [
      "On our smaller Android phones the Save button on checklists sits behind the keyboard, so {role} cannot save their notes.",
    ],
    reply: [
      "Hi {first}, this is a known issue our mobile team is fixing. Until then, closing the keyboard with the back gesture brings the Save button back (KB-205).",
    ],
    resolution: [
      "I have linked your ticket to the bug so you hear when the fix ships. Marking this solved for now.",
    ],
    tags: ["mobile", "android", "bug"],
    priority: "low",
    trackerKey: "MOB-288",
    ageDays: [1, 40],
  },
  {
    key: "pdf-truncation",
    category: "small_bug",
    subject: ["Printed work orders cut off long asset names", "Asset name truncated on the work order PDF"],
    description: [
      "When we print a work order for one of our {asset}, the asset name is cut off after about 30 characters.",
    ],
    reply: [
      "Hi {first}, thanks, I can reproduce this with long asset names and have raised it with engineering.",
    ],
    resolution: [
      "Engineering confirmed it and is tracking it as CORE-1131; I have linked your ticket so you hear when the fix ships. Shorter display names print in full in the meantime. Solving this for now.",
    ],
    tags: ["pdf", "printing", "bug"],
    priority: "low",
    trackerKey: "CORE-1131",
    ageDays: [22, 58],
  },
  {
    key: "nan-tile",
    category: "small_bug",
    subject: ["Dashboard tile shows NaN% for first-time fix rate", "First-time fix rate shows NaN"],
    description: [
      "The first-time fix tile on our dashboard shows 'NaN%' for {site}. That site had no closed jobs yet this week.",
    ],
    reply: [
      "Hi {first}, thanks. It happens when there are no closed jobs in the period; I have passed it to engineering.",
    ],
    resolution: [
      "Engineering is tracking it as CORE-1140 and I have linked your ticket; the tile is right again as soon as the site closes its first job of the period. Solving this for now.",
    ],
    tags: ["dashboards", "bug"],
    priority: "low",
    trackerKey: "CORE-1140",
    ageDays: [22, 38],
  },
  {
    key: "duplicate-emails",
    category: "small_bug",
    subject: ["Two identical emails when a work order is reassigned", "Duplicate assignment emails"],
    description: [
      "When a dispatcher reassigns a work order twice within a minute, the technician gets two identical emails.",
    ],
    reply: [
      "Hi {first}, this is a known issue (KB-214) that engineering is working on. Waiting a minute before reassigning again avoids the duplicate in the meantime.",
    ],
    resolution: [
      "I have linked your ticket to the bug and will let you know when the fix ships. Marking this solved for now.",
    ],
    tags: ["notifications", "email", "bug"],
    priority: "low",
    trackerKey: "NOTIF-77",
    ageDays: [1, 30],
  },
  {
    key: "parts-sort",
    category: "small_bug",
    subject: ["Sorting parts by quantity sorts 1, 10, 2", "Parts list quantity sort looks alphabetical"],
    description: ["Sorting the parts list by quantity gives 1, 10, 100, 2, 20 instead of numeric order."],
    reply: ["Hi {first}, thanks, confirmed and passed to engineering."],
    resolution: [
      "Engineering is tracking it as CORE-1150 and I have linked your ticket so you hear when the fix ships. Solving this for now.",
    ],
    tags: ["inventory", "bug"],
    priority: "low",
    trackerKey: "CORE-1150",
    ageDays: [11.5, 24],
  },
  {
    key: "barcode-bins",
    category: "feature",
    subject: ["Barcode scanning for parts bins?", "Scan a bin label to pick parts"],
    description: [
      "Could technicians scan the barcode on a stockroom bin to pick parts onto a work order? Typing part numbers is slow.",
    ],
    reply: [
      "Hi {first}, that is not possible today; you can scan asset labels but not bins. I have added your use case to the feature request our product team is tracking (PM-301).",
    ],
    resolution: [
      "I will close this ticket; the feature request stays open and we will update you if it is scheduled.",
    ],
    tags: ["inventory", "feature-request"],
    priority: "low",
    trackerKey: "PM-301",
  },
  {
    key: "timeline-view",
    category: "feature",
    subject: ["A timeline view for planned maintenance?", "Seeing planned work as a timeline"],
    description: [
      "Our planners would love to see next month's PM work as a timeline per site, to spot weeks that are overloaded.",
    ],
    reply: [
      "Hi {first}, good news: a timeline view is being built right now (PM-287). I have added {company} to the list of customers to hear when it reaches beta.",
    ],
    resolution: ["Closing this ticket; you will hear from us when the beta opens."],
    tags: ["planning", "feature-request"],
    priority: "low",
    trackerKey: "PM-287",
  },
  {
    key: "app-themes",
    category: "feature",
    subject: ["Custom colours in the technician app?", "Our brand colours in the mobile app"],
    description: ["Can we change the technician app's colours to our brand colours?"],
    reply: [
      "Hi {first}, the app does not support custom colours and it is not planned: the product team decided against per-customer themes to keep the app readable outdoors. You can add your logo under Settings > Branding.",
    ],
    resolution: ["Thanks for understanding. Closing this one."],
    tags: ["mobile", "feature-request"],
    priority: "low",
    trackerKey: "PM-250",
  },
];
