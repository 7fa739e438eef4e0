/**
 * The workspace bundle (shared/spec/bundle.schema.json v1) as zod schemas: the boundary where
 * imported data is validated. Unknown extra properties are kept (loose objects), never rejected.
 */
import { z } from "zod";

const isoDateTime = z.iso.datetime({ offset: true, local: false, error: "expected an ISO date-time" });
const isoDate = z.iso.date({ error: "expected an ISO date (YYYY-MM-DD)" });

export const slaSchema = z.looseObject({
  name: z.string().optional(),
  firstResponseHours: z.number().optional(),
  updateHours: z.number().optional(),
  resolutionHours: z.number().optional(),
});

export const contactSchema = z.looseObject({
  name: z.string(),
  email: z.string().optional(),
  title: z.string().optional(),
});

export const dealSchema = z.looseObject({
  name: z.string(),
  amount: z.number(),
  stage: z.string().optional(),
  closeDate: isoDate.optional(),
});

export const accountSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
  domain: z.string().optional(),
  plan: z.string().optional(),
  arr: z.number().min(0).optional(),
  strategic: z.boolean().optional(),
  reference: z.boolean().optional(),
  renewalDate: isoDate.optional(),
  owner: z.string().optional(),
  sla: slaSchema.optional(),
  contacts: z.array(contactSchema).optional(),
  deals: z.array(dealSchema).optional(),
});

export const ticketStatuses = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
export const ticketPriorities = ["low", "normal", "high", "urgent"] as const;
export const commentRoles = ["customer", "agent", "internal"] as const;

export const commentSchema = z.looseObject({
  author: z.string().optional(),
  role: z.enum(commentRoles).optional(),
  public: z.boolean().optional(),
  createdAt: isoDateTime,
  body: z.string(),
});

export const ticketSchema = z.looseObject({
  id: z.string().min(1),
  accountId: z.string().optional(),
  subject: z.string(),
  description: z.string().optional(),
  status: z.enum(ticketStatuses),
  priority: z.enum(ticketPriorities).optional(),
  channel: z.string().optional(),
  requester: z.looseObject({ name: z.string().optional(), email: z.string().optional() }).optional(),
  assignee: z.string().optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
  solvedAt: isoDateTime.optional(),
  tags: z.array(z.string()).optional(),
  trackerKeys: z.array(z.string()).optional(),
  comments: z.array(commentSchema).optional(),
});

export const chatMessageSchema = z.looseObject({
  id: z.string().optional(),
  channel: z.string(),
  threadId: z.string().optional(),
  author: z.string().optional(),
  at: isoDateTime,
  text: z.string(),
});

export const trackerTypes = ["bug", "feature", "task", "incident"] as const;
export const trackerStatuses = ["open", "in_progress", "done", "wont_do"] as const;

export const trackerIssueSchema = z.looseObject({
  key: z.string().min(1),
  title: z.string(),
  description: z.string().optional(),
  type: z.enum(trackerTypes).optional(),
  status: z.enum(trackerStatuses),
  priority: z.string().optional(),
  team: z.string().optional(),
  createdAt: isoDateTime.optional(),
  resolvedAt: isoDateTime.optional(),
  fixVersion: z.string().optional(),
  labels: z.array(z.string()).optional(),
  url: z.string().optional(),
  ticketIds: z.array(z.string()).optional(),
});

export const kbKinds = ["howto", "known_issue", "workaround", "limitation", "reference"] as const;

export const kbArticleSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  body: z.string(),
  kind: z.enum(kbKinds).optional(),
  tags: z.array(z.string()).optional(),
  url: z.string().optional(),
  updatedAt: isoDateTime.optional(),
});

export const severities = ["Critical", "High", "Medium"] as const;
export const targets = ["L2 Support", "Engineering", "Product", "Security", "Leadership"] as const;

export const pastEscalationSchema = z.looseObject({
  id: z.string().min(1),
  summary: z.string(),
  accountIds: z.array(z.string()).optional(),
  severity: z.enum(severities).optional(),
  target: z.enum(targets).optional(),
  createdAt: isoDateTime,
  resolvedAt: isoDateTime.optional(),
  rootCause: z.string().optional(),
  trackerKey: z.string().optional(),
});

export const teamSchema = z.looseObject({
  name: z.string().optional(),
  timeZone: z.string().optional(),
  holidays: z.array(isoDate).optional(),
  channels: z.record(z.string(), z.string()).optional(),
});

export const bundleSchema = z.looseObject({
  version: z.literal(1, { error: "expected 1 (the only bundle version)" }),
  team: teamSchema.optional(),
  accounts: z.array(accountSchema).optional(),
  tickets: z.array(ticketSchema).optional(),
  chatMessages: z.array(chatMessageSchema).optional(),
  trackerIssues: z.array(trackerIssueSchema).optional(),
  kbArticles: z.array(kbArticleSchema).optional(),
  escalations: z.array(pastEscalationSchema).optional(),
});

export type Sla = z.infer<typeof slaSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Deal = z.infer<typeof dealSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type Ticket = z.infer<typeof ticketSchema>;

/** What the customer wrote on a ticket: subject, description and their own comments. */
export const customerVoice = (t: Ticket): string =>
  [
    t.subject,
    t.description ?? "",
    ...(t.comments ?? []).filter((c) => c.role === "customer").map((c) => c.body),
  ].join("\n");

/** What the team wrote on a ticket: agents' and internal comments. */
export const staffVoice = (t: Ticket): string =>
  (t.comments ?? [])
    .filter((c) => c.role !== "customer")
    .map((c) => c.body)
    .join("\n");

/** Everything written on a ticket, the customer's words first. */
export const ticketText = (t: Ticket): string => `${customerVoice(t)}\n${staffVoice(t)}`;
export type TicketStatus = (typeof ticketStatuses)[number];
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type TrackerIssue = z.infer<typeof trackerIssueSchema>;
export type KbArticle = z.infer<typeof kbArticleSchema>;
export type PastEscalation = z.infer<typeof pastEscalationSchema>;
export type Team = z.infer<typeof teamSchema>;
export type Bundle = z.infer<typeof bundleSchema>;
export type Severity = (typeof severities)[number];
export type Target = (typeof targets)[number];
