/**
 * What the gather step hands to the core: candidate records from the team's tools, with the
 * statistics matching needs. Every record keeps its own id, so every fact can cite its source.
 */
import type {
  Account,
  ChatMessage,
  KbArticle,
  PastEscalation,
  Team,
  Ticket,
  TrackerIssue,
} from "./bundle.js";

/** A link between a ticket and a tracker issue, from either side. */
export interface TicketLink {
  ticketId: string;
  trackerKey: string;
}

/** A source that failed while gathering: recorded, never fatal. */
export interface SourceFailure {
  source: string;
  message: string;
}

/** The candidate context of one issue. */
export interface Context {
  team: Team;
  accounts: Account[];
  tickets: Ticket[];
  trackerIssues: TrackerIssue[];
  kbArticles: KbArticle[];
  chatMessages: ChatMessage[];
  pastEscalations: PastEscalation[];
  links: TicketLink[];
  /** Documents in the index, and how many contain each query concept (for IDF). */
  stats: { total: number; df: ReadonlyMap<string, number> };
  failures: SourceFailure[];
}
