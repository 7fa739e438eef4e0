/**
 * The fictional company of the demo workspace: Loomwork, a B2B work-order and asset-maintenance
 * platform, its support team, its staff and its customer accounts. Tables, not code: the generator
 * turns them into bundle records relative to the anchor.
 */
import type { Account, Sla, Team } from "../domain/bundle.js";
import type { DemoClock } from "./clock.js";
import { listUsHolidays } from "./holidays.js";

/** The plans Loomwork sells. */
export type Plan = "Starter" | "Business" | "Enterprise";

/** One row of the account table; dates are days after the anchor. */
export type AccountRow = {
  id: string;
  name: string;
  aliases?: string[];
  domain: string;
  plan: Plan;
  arr: number;
  strategic?: boolean;
  reference?: boolean;
  renewalInDays: number;
  owner: string;
  contacts: Array<{ name: string; title: string; email?: string }>;
  deals?: Array<{ name: string; amount: number; stage: string; closeInDays: number }>;
};

/** Support agents (frontline and L2) who answer tickets. */
export const SUPPORT_AGENTS = [
  "Lucia Ferreira",
  "Ravi Menon",
  "Mei Takahashi",
  "Jonah Whitlock",
  "Declan Shaw",
  "Tess Okafor",
] as const;

/** Engineers who talk in the engineering channels. */
export const ENGINEERS = [
  "Arjun Bhatt",
  "Katya Morozova",
  "Felix Aranda",
  "Sigrid Haugen",
  "Tomasz Wierzbicki",
] as const;

/** The support team lead, the product manager and the customer success managers. */
export const SUPPORT_LEAD = "Gwen Albright";
export const PRODUCT_MANAGER = "Noemi Castellanos";
export const CSMS = ["Renata Solis", "Harriet Kingsley", "Marcus Oyelaran", "Wen Zhao"] as const;

/** Chat channels: the escalation targets' channels plus the team's everyday ones. */
export const CHANNELS = {
  engineering: "#eng-support-escalations",
  product: "#product-requests",
  security: "#security-response",
  leadership: "#cs-leadership",
  l2: "#support-l2",
  queue: "#support-queue",
  releases: "#eng-releases",
} as const;

/** Service levels by plan (Starter has none). */
export const SLA_BY_PLAN: Record<Plan, Sla | undefined> = {
  Enterprise: { name: "Enterprise Premier", firstResponseHours: 1, updateHours: 4, resolutionHours: 24 },
  Business: { name: "Business", firstResponseHours: 8, updateHours: 24, resolutionHours: 72 },
  Starter: undefined,
};

/**
 * The customer accounts. Story roles (see stories.ts): acme = API 500s; quillon, fennimore, tinsmith
 * = export missing rows; every Enterprise account = SSO login loop (caldera, halverson, wrenfield,
 * mistral have tickets; acme, orrinvalley, tolland do not); orrinvalley = audit-log churn threat.
 */
export const ACCOUNT_ROWS: readonly AccountRow[] = [
  {
    id: "acme",
    name: "Acme Corp",
    aliases: ["Acme", "Acme Corporation"],
    domain: "acmecorp.example",
    plan: "Enterprise",
    arr: 480000,
    strategic: true,
    reference: false,
    renewalInDays: 212,
    owner: "Renata Solis",
    contacts: [
      { name: "Imogen Pryce", title: "Director of Maintenance Systems" },
      { name: "Tobias Reinholt", title: "Integration Lead" },
      { name: "Carla Mendes", title: "Facilities Operations Manager" },
    ],
    deals: [
      { name: "Acme – 12 additional plants rollout", amount: 145000, stage: "Negotiation", closeInDays: 34 },
      { name: "Acme – predictive maintenance add-on", amount: 60000, stage: "Discovery", closeInDays: 131 },
    ],
  },
  {
    id: "caldera",
    name: "Caldera Semiconductor",
    aliases: ["Caldera", "Caldera Semi"],
    domain: "calderasemi.example",
    plan: "Enterprise",
    arr: 540000,
    strategic: true,
    reference: true,
    renewalInDays: 298,
    owner: "Renata Solis",
    contacts: [
      { name: "Hiroshi Nakamura", title: "IT Identity Lead" },
      { name: "Adaeze Nwosu", title: "Fab Maintenance Manager" },
    ],
    deals: [{ name: "Caldera – Arizona fab expansion", amount: 90000, stage: "Proposal", closeInDays: 61 }],
  },
  {
    id: "halverson",
    name: "Halverson Rail Services",
    aliases: ["Halverson", "Halverson Rail"],
    domain: "halversonrail.example",
    plan: "Enterprise",
    arr: 325000,
    reference: true,
    renewalInDays: 154,
    owner: "Harriet Kingsley",
    contacts: [
      { name: "Bettina Kraus", title: "Depot Systems Administrator" },
      { name: "Leon Abernathy", title: "Head of Rolling Stock Maintenance" },
    ],
  },
  {
    id: "orrinvalley",
    name: "Orrin Valley Foods",
    aliases: ["Orrin Valley", "OVF"],
    domain: "orrinvalleyfoods.example",
    plan: "Enterprise",
    arr: 260000,
    strategic: false,
    reference: false,
    renewalInDays: 36,
    owner: "Harriet Kingsley",
    contacts: [
      { name: "Celeste Marchetti", title: "Director of Plant Operations" },
      { name: "Rohan Gill", title: "Maintenance Planner" },
    ],
    deals: [
      { name: "Orrin Valley – annual renewal", amount: 260000, stage: "Renewal – at risk", closeInDays: 36 },
      { name: "Orrin Valley – Fresno plant seats", amount: 38000, stage: "Proposal", closeInDays: 52 },
    ],
  },
  {
    id: "wrenfield",
    name: "Wrenfield Hospital Group",
    aliases: ["Wrenfield", "Wrenfield Health"],
    domain: "wrenfieldhealth.example",
    plan: "Enterprise",
    arr: 210000,
    renewalInDays: 243,
    owner: "Marcus Oyelaran",
    contacts: [
      { name: "Omari Waweru", title: "Biomedical Engineering Manager" },
      { name: "Fiona Gallagher", title: "Estates Systems Analyst" },
    ],
  },
  {
    id: "tolland",
    name: "Tolland County Utilities",
    aliases: ["Tolland", "TCU"],
    domain: "tollandutilities.example",
    plan: "Enterprise",
    arr: 180000,
    renewalInDays: 120,
    owner: "Marcus Oyelaran",
    contacts: [
      { name: "Garrett Lindahl", title: "Asset Management Supervisor" },
      { name: "Yesenia Ortega", title: "GIS and Systems Coordinator" },
    ],
    deals: [
      { name: "Tolland – water treatment sites", amount: 42000, stage: "Qualification", closeInDays: 97 },
    ],
  },
  {
    id: "mistral",
    name: "Mistral Cold Chain",
    aliases: ["Mistral"],
    domain: "mistralcoldchain.example",
    plan: "Enterprise",
    arr: 96000,
    renewalInDays: 77,
    owner: "Wen Zhao",
    contacts: [
      { name: "Hanne Vik", title: "Warehouse Engineering Lead" },
      { name: "Dmitri Sokol", title: "IT Manager" },
    ],
  },
  {
    id: "quillon",
    name: "Quillon Data Labs",
    aliases: ["Quillon", "Quillon Labs"],
    domain: "quillonlabs.example",
    plan: "Business",
    arr: 140000,
    renewalInDays: 188,
    owner: "Wen Zhao",
    contacts: [
      { name: "Mireille Fontaine", title: "Finance Operations Lead" },
      { name: "Kwame Asante", title: "Lab Facilities Coordinator" },
    ],
    deals: [{ name: "Quillon – upgrade to Enterprise", amount: 85000, stage: "Proposal", closeInDays: 58 }],
  },
  {
    id: "fennimore",
    name: "Fennimore Property Management",
    aliases: ["Fennimore", "Fennimore PM"],
    domain: "fennimorepm.example",
    plan: "Business",
    arr: 58000,
    renewalInDays: 143,
    owner: "Marcus Oyelaran",
    contacts: [
      { name: "Colm Brennan", title: "Property Operations Manager" },
      { name: "Shirin Farahani", title: "Reporting Analyst" },
    ],
  },
  {
    id: "brightanvil",
    name: "Bright Anvil Fabrication",
    aliases: ["Bright Anvil"],
    domain: "brightanvil.example",
    plan: "Business",
    arr: 72000,
    reference: true,
    renewalInDays: 266,
    owner: "Harriet Kingsley",
    contacts: [
      { name: "Wade Tillman", title: "Plant Engineer" },
      { name: "Noor Rahimi", title: "Operations Coordinator" },
    ],
  },
  {
    id: "paloma",
    name: "Paloma Hotels",
    aliases: ["Paloma"],
    domain: "palomahotels.example",
    plan: "Business",
    arr: 88000,
    renewalInDays: 61,
    owner: "Wen Zhao",
    contacts: [
      { name: "Ximena Duarte", title: "Director of Engineering, Hotels" },
      { name: "Paul Renaud", title: "Accounts Payable" },
    ],
    deals: [{ name: "Paloma – two new resorts", amount: 24000, stage: "Negotiation", closeInDays: 23 }],
  },
  {
    id: "sorensen",
    name: "Sorensen Climate Control",
    aliases: ["Sorensen", "Sorensen HVAC"],
    domain: "sorensenclimate.example",
    plan: "Business",
    arr: 44000,
    renewalInDays: 330,
    owner: "Marcus Oyelaran",
    contacts: [
      { name: "Britt Sorensen", title: "Owner" },
      { name: "Luis Cabrera", title: "Service Manager" },
    ],
  },
  {
    id: "tinsmith",
    name: "Tinsmith Coffee Roasters",
    aliases: ["Tinsmith"],
    domain: "tinsmithcoffee.example",
    plan: "Starter",
    arr: 6000,
    renewalInDays: 95,
    owner: "Wen Zhao",
    contacts: [{ name: "Dara Whelan", title: "Co-founder" }],
  },
  {
    id: "littleotter",
    name: "Little Otter Early Learning",
    aliases: ["Little Otter"],
    domain: "littleotter.example",
    plan: "Starter",
    arr: 3600,
    renewalInDays: 18,
    owner: "Wen Zhao",
    contacts: [{ name: "Maribel Soto", title: "Centre Director" }],
  },
  {
    id: "gristmill",
    name: "Gristmill Brewing Co.",
    aliases: ["Gristmill", "Gristmill Brewing"],
    domain: "gristmillbrewing.example",
    plan: "Starter",
    arr: 7200,
    renewalInDays: 203,
    owner: "Wen Zhao",
    contacts: [
      { name: "Eamon Byrne", title: "Head Brewer" },
      { name: "Tova Lindgren", title: "Taproom Manager" },
    ],
  },
  {
    id: "pemberton",
    name: "Pemberton Veterinary Clinic",
    aliases: ["Pemberton Vet"],
    domain: "pembertonvet.example",
    plan: "Starter",
    arr: 4800,
    renewalInDays: 57,
    owner: "Wen Zhao",
    contacts: [{ name: "Juno Abara", title: "Practice Manager" }],
  },
  {
    id: "kilnclay",
    name: "Kiln & Clay Studio",
    aliases: ["Kiln and Clay"],
    domain: "kilnandclay.example",
    plan: "Starter",
    arr: 4200,
    renewalInDays: 281,
    owner: "Wen Zhao",
    contacts: [{ name: "Saoirse Kealy", title: "Studio Manager" }],
  },
];

/** The e-mail address a person has at a domain: first.last, lower case, letters only. */
export function emailFor(name: string, domain: string): string {
  const parts = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .split(" ")
    .filter((part) => part.length > 0);
  return `${parts.join(".")}@${domain}`;
}

/** The account rows as bundle accounts, with dates relative to the anchor. */
export function buildAccount(row: AccountRow, clock: DemoClock): Account {
  const sla = SLA_BY_PLAN[row.plan];
  const account: Account = {
    id: row.id,
    name: row.name,
    ...(row.aliases ? { aliases: row.aliases } : {}),
    domain: row.domain,
    plan: row.plan,
    arr: row.arr,
    strategic: row.strategic ?? false,
    reference: row.reference ?? false,
    renewalDate: clock.date(row.renewalInDays),
    owner: row.owner,
    ...(sla ? { sla: { ...sla } } : {}),
    contacts: row.contacts.map((c) => ({
      name: c.name,
      title: c.title,
      email: c.email ?? emailFor(c.name, row.domain),
    })),
  };
  if (row.deals) {
    account.deals = row.deals.map((d) => ({
      name: d.name,
      amount: d.amount,
      stage: d.stage,
      closeDate: clock.date(d.closeInDays),
    }));
  }
  return account;
}

/** The support team: name, New York time zone, US holidays of the anchor's year and the next New Year. */
export function buildTeam(clock: DemoClock): Team {
  return {
    name: "Loomwork Customer Support",
    timeZone: "America/New_York",
    holidays: [...listUsHolidays(clock.year), ...listUsHolidays(clock.year + 1).slice(0, 1)],
    channels: {
      Engineering: CHANNELS.engineering,
      Product: CHANNELS.product,
      Security: CHANNELS.security,
      Leadership: CHANNELS.leadership,
      "L2 Support": CHANNELS.l2,
    },
  };
}

/** Looks up an account row by id; throws when the table has no such account (a programming error). */
export function findAccountRow(id: string): AccountRow {
  const row = ACCOUNT_ROWS.find((r) => r.id === id);
  if (!row) throw new Error(`demo world has no account ${id}`);
  return row;
}

/** A contact of an account by index, with its e-mail. */
export function contactOf(accountId: string, index = 0): { name: string; email: string } {
  const row = findAccountRow(accountId);
  const contact = row.contacts[index] ?? row.contacts[0];
  if (!contact) throw new Error(`demo account ${accountId} has no contacts`);
  return { name: contact.name, email: contact.email ?? emailFor(contact.name, row.domain) };
}
