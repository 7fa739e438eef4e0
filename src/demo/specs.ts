/**
 * Compact, anchor-relative specifications of hand-written demo records ("N hours ago"), and the
 * builders that turn them into bundle records.
 */
import type {
  ChatMessage,
  Comment,
  PastEscalation,
  Severity,
  Target,
  Ticket,
  TicketStatus,
  TrackerIssue,
} from "../domain/bundle.js";
import type { DemoClock } from "./clock.js";
import { contactOf } from "./world.js";

/** A ticket comment, `ago` hours before the anchor. */
export type CommentSpec = {
  ago: number;
  role: "customer" | "agent" | "internal";
  author: string;
  body: string;
};

/** A ticket; the requester is the account contact at index `requester`. */
export type TicketSpec = {
  id: string;
  accountId: string;
  requester: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: "low" | "normal" | "high" | "urgent";
  channel: string;
  assignee: string;
  createdAgo: number;
  solvedAgo?: number;
  tags: string[];
  trackerKeys?: string[];
  comments: CommentSpec[];
};

/** A chat message. */
export type ChatSpec = {
  id: string;
  channel: string;
  threadId?: string;
  author: string;
  ago: number;
  text: string;
};

/** A tracker issue. */
export type TrackerSpec = {
  key: string;
  title: string;
  description: string;
  type: "bug" | "feature" | "task" | "incident";
  status: "open" | "in_progress" | "done" | "wont_do";
  priority: string;
  team: string;
  createdAgo: number;
  resolvedAgo?: number;
  fixVersion?: string;
  labels: string[];
  ticketIds?: string[];
};

/** A past escalation. */
export type EscalationSpec = {
  id: string;
  summary: string;
  accountIds: string[];
  severity: Severity;
  target: Target;
  createdAgo: number;
  resolvedAgo?: number;
  rootCause?: string;
  trackerKey?: string;
};

/** Builds a ticket; `updatedAt` is its latest event. */
export function buildTicket(spec: TicketSpec, clock: DemoClock): Ticket {
  const requester = contactOf(spec.accountId, spec.requester);
  const comments: Comment[] = [...spec.comments]
    .sort((a, b) => b.ago - a.ago)
    .map((c) => ({
      author: c.author,
      role: c.role,
      public: c.role !== "internal",
      createdAt: clock.iso(c.ago),
      body: c.body,
    }));
  const latestAgo = Math.min(spec.createdAgo, spec.solvedAgo ?? Infinity, ...spec.comments.map((c) => c.ago));
  return {
    id: spec.id,
    accountId: spec.accountId,
    subject: spec.subject,
    description: spec.description,
    status: spec.status,
    priority: spec.priority,
    channel: spec.channel,
    requester,
    assignee: spec.assignee,
    createdAt: clock.iso(spec.createdAgo),
    updatedAt: clock.iso(latestAgo),
    ...(spec.solvedAgo !== undefined ? { solvedAt: clock.iso(spec.solvedAgo) } : {}),
    tags: spec.tags,
    ...(spec.trackerKeys ? { trackerKeys: spec.trackerKeys } : {}),
    comments,
  };
}

/** Builds a chat message. */
export function buildChat(spec: ChatSpec, clock: DemoClock): ChatMessage {
  return {
    id: spec.id,
    channel: spec.channel,
    ...(spec.threadId ? { threadId: spec.threadId } : {}),
    author: spec.author,
    at: clock.iso(spec.ago),
    text: spec.text,
  };
}

/** Builds a tracker issue; the URL points at the fictional internal tracker. */
export function buildTrackerIssue(spec: TrackerSpec, clock: DemoClock): TrackerIssue {
  return {
    key: spec.key,
    title: spec.title,
    description: spec.description,
    type: spec.type,
    status: spec.status,
    priority: spec.priority,
    team: spec.team,
    createdAt: clock.iso(spec.createdAgo),
    ...(spec.resolvedAgo !== undefined ? { resolvedAt: clock.iso(spec.resolvedAgo) } : {}),
    ...(spec.fixVersion ? { fixVersion: spec.fixVersion } : {}),
    labels: spec.labels,
    url: `https://tracker.loomwork.example/browse/${spec.key}`,
    ticketIds: spec.ticketIds ?? [],
  };
}

/** Builds a past escalation. */
export function buildEscalation(spec: EscalationSpec, clock: DemoClock): PastEscalation {
  return {
    id: spec.id,
    summary: spec.summary,
    accountIds: spec.accountIds,
    severity: spec.severity,
    target: spec.target,
    createdAt: clock.iso(spec.createdAgo),
    ...(spec.resolvedAgo !== undefined ? { resolvedAt: clock.iso(spec.resolvedAgo) } : {}),
    ...(spec.rootCause ? { rootCause: spec.rootCause } : {}),
    ...(spec.trackerKey ? { trackerKey: spec.trackerKey } : {}),
  };
}
