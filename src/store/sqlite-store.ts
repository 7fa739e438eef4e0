/**
 * The embedded store: SQLite through better-sqlite3, WAL, versioned migrations and an FTS5 index
 * over tickets, tracker issues, KB articles, chat and past escalations.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type {
  Account,
  ChatMessage,
  KbArticle,
  PastEscalation,
  Team,
  Ticket,
  TrackerIssue,
} from "../domain/bundle.js";
import { UserError } from "../errors.js";
import { migrations } from "./migrations.js";

/** The kinds of text the full-text index holds. */
export type DocKind = "ticket" | "tracker" | "kb" | "chat" | "escalation";

/** One full-text hit: which record, and its BM25 rank (lower is better, as FTS5 reports it). */
export interface DocHit {
  kind: DocKind;
  ref: string;
  rank: number;
}

/** The store as the rest of the product sees it. */
export type Store = ReturnType<typeof openStore>;

/** Opens (creating if needed) the store at `path` and brings its schema up to date. */
export function openStore(path: string) {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new UserError(`store: cannot open ${path}: ${(error as Error).message}`, { cause: error });
  }
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  migrate(db);
  return createStoreApi(db);
}

function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new UserError(
      `store: this database has schema version ${current}, newer than this escalate (${migrations.length}); upgrade escalate`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    const sql = migrations[version] ?? "";
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

const parse = <T>(row: { data: string } | undefined): T | undefined =>
  row ? (JSON.parse(row.data) as T) : undefined;
const parseAll = <T>(rows: Array<{ data: string }>): T[] => rows.map((r) => JSON.parse(r.data) as T);

/** The text of a ticket that the index holds: subject as title, description and comments as body. */
export function ticketText(ticket: Ticket): { title: string; body: string } {
  const comments = (ticket.comments ?? []).map((c) => c.body);
  return { title: ticket.subject, body: [ticket.description ?? "", ...comments].join("\n") };
}

/** A chat message's id: its own, or one derived from channel, time and text so re-imports update it. */
export function chatMessageId(message: ChatMessage): string {
  if (message.id) return message.id;
  let hash = 2166136261;
  for (const ch of `${message.channel}|${message.at}|${message.text}`) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  }
  return `chat-${hash.toString(16)}`;
}

function createStoreApi(db: Database.Database) {
  const stmt = {
    mapGet: db.prepare<[string, string], { rowid: number }>(
      "SELECT rowid FROM doc_map WHERE kind = ? AND ref = ?",
    ),
    mapInsert: db.prepare<[string, string]>("INSERT INTO doc_map (kind, ref) VALUES (?, ?)"),
    docDelete: db.prepare<[number]>("DELETE FROM docs WHERE rowid = ?"),
    docInsert: db.prepare<[number, string, string]>("INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)"),
    linksDeleteTicket: db.prepare<[string]>(
      "DELETE FROM ticket_links WHERE source = 'ticket' AND ticket_id = ?",
    ),
    linksDeleteTracker: db.prepare<[string]>(
      "DELETE FROM ticket_links WHERE source = 'tracker' AND tracker_key = ?",
    ),
    linkInsert: db.prepare<[string, string, string]>(
      "INSERT OR IGNORE INTO ticket_links (ticket_id, tracker_key, source) VALUES (?, ?, ?)",
    ),
    team: db.prepare<[string]>(
      "INSERT INTO team (id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data",
    ),
    account: db.prepare<[string, string, string | null, number | null, string | null, string]>(
      `INSERT INTO accounts (id, name, plan, arr, domain, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, plan = excluded.plan, arr = excluded.arr,
       domain = excluded.domain, data = excluded.data`,
    ),
    ticket: db.prepare<[string, string | null, string, string, string | null, string, string | null, string]>(
      `INSERT INTO tickets (id, account_id, subject, status, priority, created_at, requester_email, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET account_id = excluded.account_id, subject = excluded.subject,
       status = excluded.status, priority = excluded.priority, created_at = excluded.created_at,
       requester_email = excluded.requester_email, data = excluded.data`,
    ),
    chat: db.prepare<[string, string, string, string]>(
      `INSERT INTO chat_messages (id, channel, at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET channel = excluded.channel, at = excluded.at, data = excluded.data`,
    ),
    tracker: db.prepare<[string, string, string | null, string, string]>(
      `INSERT INTO tracker_issues (key, title, type, status, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET title = excluded.title, type = excluded.type,
       status = excluded.status, data = excluded.data`,
    ),
    kb: db.prepare<[string, string, string | null, string]>(
      `INSERT INTO kb_articles (id, title, kind, data) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, kind = excluded.kind, data = excluded.data`,
    ),
    escalation: db.prepare<[string, string, string, string]>(
      `INSERT INTO past_escalations (id, summary, created_at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET summary = excluded.summary, created_at = excluded.created_at,
       data = excluded.data`,
    ),
  };

  function index(kind: DocKind, ref: string, title: string, body: string): void {
    const existing = stmt.mapGet.get(kind, ref);
    let rowid: number;
    if (existing) {
      rowid = existing.rowid;
      stmt.docDelete.run(rowid);
    } else {
      rowid = Number(stmt.mapInsert.run(kind, ref).lastInsertRowid);
    }
    stmt.docInsert.run(rowid, title, body);
  }

  const byIds = <T>(table: string, column: string, ids: readonly string[]): T[] => {
    if (ids.length === 0) return [];
    const out: T[] = [];
    // SQLite limits bound parameters; chunk long id lists
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = db
        .prepare(`SELECT data FROM ${table} WHERE ${column} IN (${chunk.map(() => "?").join(",")})`)
        .all(...chunk) as Array<{ data: string }>;
      out.push(...parseAll<T>(rows));
    }
    return out;
  };

  const linked = (want: string, by: string, values: readonly string[]): string[] => {
    if (values.length === 0) return [];
    const rows = db
      .prepare(
        `SELECT DISTINCT ${want} AS v FROM ticket_links WHERE ${by} IN (${values.map(() => "?").join(",")})`,
      )
      .all(...values) as Array<{ v: string }>;
    return rows.map((r) => r.v);
  };

  return {
    db,
    close: () => db.close(),
    /** Runs `work` in one transaction: all of it is stored, or none. */
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    begin: () => db.exec("BEGIN IMMEDIATE"),
    commit: () => db.exec("COMMIT"),
    rollback: () => {
      if (db.inTransaction) db.exec("ROLLBACK");
    },

    putTeam(team: Team): void {
      stmt.team.run(JSON.stringify(team));
    },
    putAccount(a: Account): void {
      stmt.account.run(a.id, a.name, a.plan ?? null, a.arr ?? null, a.domain ?? null, JSON.stringify(a));
    },
    putTicket(t: Ticket): void {
      stmt.ticket.run(
        t.id,
        t.accountId ?? null,
        t.subject,
        t.status,
        t.priority ?? null,
        t.createdAt,
        t.requester?.email?.toLowerCase() ?? null,
        JSON.stringify(t),
      );
      stmt.linksDeleteTicket.run(t.id);
      for (const key of t.trackerKeys ?? []) stmt.linkInsert.run(t.id, key, "ticket");
      const text = ticketText(t);
      index("ticket", t.id, text.title, text.body);
    },
    putChatMessage(m: ChatMessage): void {
      const id = chatMessageId(m);
      const stored = { ...m, id };
      stmt.chat.run(id, m.channel, m.at, JSON.stringify(stored));
      index("chat", id, m.channel, m.text);
    },
    putTrackerIssue(i: TrackerIssue): void {
      stmt.tracker.run(i.key, i.title, i.type ?? null, i.status, JSON.stringify(i));
      stmt.linksDeleteTracker.run(i.key);
      for (const id of i.ticketIds ?? []) stmt.linkInsert.run(id, i.key, "tracker");
      index("tracker", i.key, i.title, [i.description ?? "", ...(i.labels ?? [])].join("\n"));
    },
    putKbArticle(k: KbArticle): void {
      stmt.kb.run(k.id, k.title, k.kind ?? null, JSON.stringify(k));
      index("kb", k.id, k.title, [k.body, ...(k.tags ?? [])].join("\n"));
    },
    putPastEscalation(e: PastEscalation): void {
      stmt.escalation.run(e.id, e.summary, e.createdAt, JSON.stringify(e));
      index("escalation", e.id, e.summary, e.rootCause ?? "");
    },

    team(): Team {
      return parse<Team>(db.prepare("SELECT data FROM team WHERE id = 1").get() as { data: string }) ?? {};
    },
    accounts(): Account[] {
      return parseAll<Account>(
        db.prepare("SELECT data FROM accounts ORDER BY id").all() as Array<{ data: string }>,
      );
    },
    tickets: (ids: readonly string[]) => byIds<Ticket>("tickets", "id", ids),
    trackerIssues: (keys: readonly string[]) => byIds<TrackerIssue>("tracker_issues", "key", keys),
    kbArticles: (ids: readonly string[]) => byIds<KbArticle>("kb_articles", "id", ids),
    chatMessages: (ids: readonly string[]) => byIds<ChatMessage>("chat_messages", "id", ids),
    pastEscalations: (ids: readonly string[]) => byIds<PastEscalation>("past_escalations", "id", ids),
    /** Chat messages sent from `fromIso` to `toIso` (ISO strings as stored), oldest first. */
    chatMessagesBetween(fromIso: string, toIso: string): ChatMessage[] {
      return parseAll<ChatMessage>(
        db
          .prepare<[string, string], { data: string }>(
            "SELECT data FROM chat_messages WHERE at >= ? AND at <= ? ORDER BY at",
          )
          .all(fromIso, toIso),
      );
    },
    /** Every tracker issue's key and title (the hubs `patterns` groups reports around). */
    trackerTitles(): Array<{ key: string; title: string }> {
      return db.prepare("SELECT key, title FROM tracker_issues ORDER BY key").all() as Array<{
        key: string;
        title: string;
      }>;
    },
    /** Tickets created from `fromIso` to `toIso` (ISO strings as stored), oldest first. */
    ticketsCreatedBetween(fromIso: string, toIso: string): Ticket[] {
      return parseAll<Ticket>(
        db
          .prepare<[string, string], { data: string }>(
            "SELECT data FROM tickets WHERE created_at >= ? AND created_at <= ? ORDER BY created_at, id",
          )
          .all(fromIso, toIso),
      );
    },
    /** Past escalations tracked as one of the tracker keys. */
    pastEscalationsOfTrackerKeys(keys: readonly string[]): PastEscalation[] {
      if (keys.length === 0) return [];
      return parseAll<PastEscalation>(
        db
          .prepare(
            `SELECT data FROM past_escalations WHERE json_extract(data, '$.trackerKey') IN (${keys.map(() => "?").join(",")})`,
          )
          .all(...keys) as Array<{ data: string }>,
      );
    },
    /** Tickets of the given accounts, or whose requester's e-mail is one of `emails`, newest first. */
    ticketsOfAccounts(accountIds: readonly string[], emails: readonly string[], limit = 200): Ticket[] {
      // one indexed query per account and per e-mail (an OR across columns would scan the table)
      const byAccount = db.prepare<[string, number], { data: string; created_at: string }>(
        "SELECT data, created_at FROM tickets WHERE account_id = ? ORDER BY created_at DESC LIMIT ?",
      );
      const byEmail = db.prepare<[string, number], { data: string; created_at: string }>(
        "SELECT data, created_at FROM tickets WHERE requester_email = ? ORDER BY created_at DESC LIMIT ?",
      );
      const rows = new Map<string, { data: string; created_at: string }>();
      for (const id of accountIds) for (const r of byAccount.all(id, limit)) rows.set(r.data, r);
      for (const e of emails) for (const r of byEmail.all(e.toLowerCase(), limit)) rows.set(r.data, r);
      return parseAll<Ticket>(
        [...rows.values()].sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, limit),
      );
    },
    /** Tracker keys linked (from either side) to the given tickets. */
    trackerKeysOfTickets(ticketIds: readonly string[]): string[] {
      return linked("tracker_key", "ticket_id", ticketIds);
    },
    /** Ticket ids linked (from either side) to the given tracker keys: per key, open ones first, then newest. */
    ticketIdsOfTrackerKeys(keys: readonly string[], perKey = 1_000_000): string[] {
      if (keys.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT ticket_id AS id FROM (
             SELECT l.ticket_id, ROW_NUMBER() OVER (
               PARTITION BY l.tracker_key ORDER BY t.status IN ('solved', 'closed'), t.created_at DESC
             ) AS rn
             FROM (SELECT DISTINCT ticket_id, tracker_key FROM ticket_links
                   WHERE tracker_key IN (${keys.map(() => "?").join(",")})) l
             JOIN tickets t ON t.id = l.ticket_id
           ) WHERE rn <= ?`,
        )
        .all(...keys, perKey) as Array<{ id: string }>;
      return [...new Set(rows.map((r) => r.id))];
    },
    /** Every link that touches one of the tickets or one of the tracker keys. */
    linksBetween(
      ticketIds: readonly string[],
      keys: readonly string[],
    ): Array<{ ticketId: string; trackerKey: string }> {
      const out = new Map<string, { ticketId: string; trackerKey: string }>();
      const query = (column: string, values: readonly string[]) => {
        for (let i = 0; i < values.length; i += 500) {
          const chunk = values.slice(i, i + 500);
          const rows = db
            .prepare(
              `SELECT DISTINCT ticket_id AS ticketId, tracker_key AS trackerKey FROM ticket_links
               WHERE ${column} IN (${chunk.map(() => "?").join(",")})`,
            )
            .all(...chunk) as Array<{ ticketId: string; trackerKey: string }>;
          for (const r of rows) out.set(`${r.ticketId}|${r.trackerKey}`, r);
        }
      };
      query("ticket_id", ticketIds);
      query("tracker_key", keys);
      return [...out.values()];
    },
    /** Which of `refs` exist, by kind (for ids mentioned in free text). */
    existingRefs(refs: readonly string[]): {
      tickets: string[];
      tracker: string[];
      kb: string[];
      escalations: string[];
    } {
      const present = (table: string, column: string) =>
        refs.length === 0
          ? []
          : (
              db
                .prepare(
                  `SELECT ${column} AS id FROM ${table} WHERE ${column} IN (${refs.map(() => "?").join(",")})`,
                )
                .all(...refs) as Array<{ id: string }>
            ).map((r) => r.id);
      return {
        tickets: present("tickets", "id"),
        tracker: present("tracker_issues", "key"),
        kb: present("kb_articles", "id"),
        escalations: present("past_escalations", "id"),
      };
    },
    /** Full-text search (an FTS5 MATCH expression), best first. */
    search(match: string, kinds: readonly DocKind[], limit: number): DocHit[] {
      if (!match.trim()) return [];
      const k = kinds.map(() => "?").join(",");
      return db
        .prepare(
          `SELECT m.kind AS kind, m.ref AS ref, bm25(docs, 2.0, 1.0) AS rank
           FROM docs JOIN doc_map m ON m.rowid = docs.rowid
           WHERE docs MATCH ? AND m.kind IN (${k}) ORDER BY rank LIMIT ?`,
        )
        .all(match, ...kinds, limit) as DocHit[];
    },
    /** How many documents the index holds. */
    documentCount(): number {
      return (db.prepare("SELECT count(*) AS n FROM doc_map").get() as { n: number }).n;
    },
    /** How many documents match an FTS expression (exact; costs a doclist scan). */
    matchCount(expression: string): number {
      return (
        db
          .prepare<[string], { n: number }>("SELECT count(*) AS n FROM docs WHERE docs MATCH ?")
          .get(expression)?.n ?? 0
      );
    },
    /** How many documents contain each index term (terms as the index stems them). */
    termDocCounts(terms: Iterable<string>): Map<string, number> {
      const get = db.prepare<[string], { doc: number }>("SELECT doc FROM docs_vocab WHERE term = ?");
      const out = new Map<string, number>();
      for (const term of terms) if (!out.has(term)) out.set(term, get.get(term)?.doc ?? 0);
      return out;
    },
    counts(): Record<string, number> {
      const n = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return {
        accounts: n("accounts"),
        tickets: n("tickets"),
        chatMessages: n("chat_messages"),
        trackerIssues: n("tracker_issues"),
        kbArticles: n("kb_articles"),
        escalations: n("past_escalations"),
      };
    },
  };
}
