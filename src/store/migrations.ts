/**
 * Versioned schema migrations. Each entry runs once, in order, inside a transaction; the applied
 * version is kept in SQLite's `user_version`. Append new migrations; never edit an applied one.
 */
export const migrations: readonly string[] = [
  // 1: the workspace (what the team's tools know) and its full-text index
  `
  CREATE TABLE team (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, plan TEXT, arr REAL, domain TEXT, data TEXT NOT NULL
  );
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY, account_id TEXT, subject TEXT NOT NULL, status TEXT NOT NULL,
    priority TEXT, created_at TEXT NOT NULL, requester_email TEXT, data TEXT NOT NULL
  );
  CREATE INDEX tickets_account ON tickets(account_id);
  CREATE INDEX tickets_created ON tickets(created_at);
  CREATE INDEX tickets_status ON tickets(status);
  CREATE TABLE chat_messages (
    id TEXT PRIMARY KEY, channel TEXT NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL
  );
  CREATE TABLE tracker_issues (
    key TEXT PRIMARY KEY, title TEXT NOT NULL, type TEXT, status TEXT NOT NULL, data TEXT NOT NULL
  );
  CREATE TABLE kb_articles (id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT, data TEXT NOT NULL);
  CREATE TABLE past_escalations (
    id TEXT PRIMARY KEY, summary TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL
  );
  CREATE TABLE doc_map (
    rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, UNIQUE (kind, ref)
  );
  CREATE TABLE ticket_links (
    ticket_id TEXT NOT NULL, tracker_key TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (source, ticket_id, tracker_key)
  );
  CREATE INDEX ticket_links_key ON ticket_links(tracker_key);
  CREATE INDEX ticket_links_ticket ON ticket_links(ticket_id);
  CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
  `,
  // 2: per-term document counts of the full-text index (IDF without scanning doclists)
  `
  CREATE VIRTUAL TABLE docs_vocab USING fts5vocab(docs, 'row');
  CREATE INDEX tickets_requester ON tickets(requester_email);
  CREATE INDEX tickets_account_created ON tickets(account_id, created_at);
  `,
  // 3: the escalation lifecycle: current state per escalation, derived from append-only events
  `
  CREATE TABLE escalations (
    id TEXT PRIMARY KEY, created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'deescalated', 'resolved')),
    severity TEXT NOT NULL, target TEXT NOT NULL, account_ids TEXT NOT NULL, description TEXT NOT NULL,
    brief_markdown TEXT NOT NULL, data TEXT NOT NULL
  );
  CREATE INDEX escalations_status ON escalations(status);
  CREATE TABLE escalation_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    escalation_id TEXT NOT NULL REFERENCES escalations(id),
    at TEXT NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL, data TEXT NOT NULL
  );
  CREATE INDEX escalation_events_escalation ON escalation_events(escalation_id, seq);
  CREATE TRIGGER escalation_events_no_update BEFORE UPDATE ON escalation_events
  BEGIN SELECT RAISE(ABORT, 'escalation_events is append-only'); END;
  CREATE TRIGGER escalation_events_no_delete BEFORE DELETE ON escalation_events
  BEGIN SELECT RAISE(ABORT, 'escalation_events is append-only'); END;
  `,
  // 4: follow-up reminders announced by `escalate watch`, once per escalation, audience, due cycle
  // (the clock start: an update starts a new cycle) and kind
  `
  CREATE TABLE follow_up_reminders (
    escalation_id TEXT NOT NULL REFERENCES escalations(id),
    audience TEXT NOT NULL CHECK (audience IN ('internal', 'customer')),
    cycle_start TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('due', 'overdue')),
    at TEXT NOT NULL,
    announced_at TEXT NOT NULL,
    PRIMARY KEY (escalation_id, audience, cycle_start, kind)
  );
  `,
];
