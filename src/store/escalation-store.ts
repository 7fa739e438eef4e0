/**
 * Escalations in the store: append-only events (`escalation_events`, never updated or deleted —
 * triggers refuse it) and one row per escalation holding the state derived from them. A resolved
 * escalation is also written as a past escalation (`past_escalations` and the full-text index, as
 * an imported one), in the same transaction as its resolve event, so later briefs see it recur.
 */
import type { EscalationStatus } from "../lifecycle/cadence.js";
import {
  nextEscalationId,
  pastEscalationOf,
  replayEscalation,
  type Escalation,
  type EscalationEvent,
  type OpenEvent,
} from "../lifecycle/escalation.js";
import type { Store } from "./sqlite-store.js";

/** A stored event: the event and its position in the log. */
export type StoredEvent = EscalationEvent & { seq: number };

/** Which escalations `list` shows. */
export type StatusFilter = EscalationStatus | "all";

interface EventRow {
  seq: number;
  at: string;
  type: string;
  actor: string;
  data: string;
}

/** The escalation tables of an open store. */
export type EscalationStore = ReturnType<typeof escalationStore>;

/** Escalation persistence over the store's database. */
export function escalationStore(store: Store) {
  const db = store.db;
  const stmt = {
    // imported past escalations share the id space: a resolved one is written there under its id
    ids: db.prepare<[string, string], { id: string }>(
      "SELECT id FROM escalations WHERE id LIKE ? UNION SELECT id FROM past_escalations WHERE id LIKE ?",
    ),
    insertRow: db.prepare<[string, string, string, string, string, string, string, string, string]>(
      `INSERT INTO escalations (id, created_at, status, severity, target, account_ids, description, brief_markdown, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateRow: db.prepare<[string, string, string, string, string, string]>(
      "UPDATE escalations SET status = ?, severity = ?, target = ?, account_ids = ?, data = ? WHERE id = ?",
    ),
    insertEvent: db.prepare<[string, string, string, string, string]>(
      "INSERT INTO escalation_events (escalation_id, at, type, actor, data) VALUES (?, ?, ?, ?, ?)",
    ),
    events: db.prepare<[string], EventRow>(
      "SELECT seq, at, type, actor, data FROM escalation_events WHERE escalation_id = ? ORDER BY seq",
    ),
    row: db.prepare<[string], { data: string; brief_markdown: string }>(
      "SELECT data, brief_markdown FROM escalations WHERE id = ?",
    ),
  };

  const insertEvents = (id: string, events: readonly EscalationEvent[]) => {
    for (const event of events) {
      const { at, type, actor, ...data } = event;
      stmt.insertEvent.run(id, at, type, actor, JSON.stringify(data));
    }
  };
  const readEvents = (id: string): StoredEvent[] =>
    stmt.events.all(id).map(
      (r) =>
        ({
          ...(JSON.parse(r.data) as object),
          seq: r.seq,
          at: r.at,
          type: r.type,
          actor: r.actor,
        }) as StoredEvent,
    );
  // The derived row, and the past-escalation record once resolved; callers run it in their transaction.
  const writeState = (state: Escalation) => {
    stmt.updateRow.run(
      state.status,
      state.severity,
      state.target,
      JSON.stringify(state.accountIds),
      JSON.stringify(rowData(state)),
      state.id,
    );
    const past = pastEscalationOf(state);
    if (past) store.putPastEscalation(past);
  };

  return {
    /** Opens an escalation: allocates the next id for the year and stores the row and its open event. */
    open(event: OpenEvent): Escalation {
      return db
        .transaction(() => {
          const year = new Date(event.at).getUTCFullYear();
          const ids = stmt.ids.all(`ESC-${year}-%`, `ESC-${year}-%`).map((r) => r.id);
          const id = nextEscalationId(ids, new Date(event.at));
          const state = replayEscalation(id, [event]);
          stmt.insertRow.run(
            id,
            state.createdAt,
            state.status,
            state.severity,
            state.target,
            JSON.stringify(state.accountIds),
            state.description,
            state.briefMarkdown,
            JSON.stringify(rowData(state)),
          );
          insertEvents(id, [event]);
          return state;
        })
        .immediate();
    },

    /** Appends events and refreshes the derived row (and the past escalation, once resolved), all or nothing. */
    append(id: string, events: readonly EscalationEvent[]): Escalation {
      return db
        .transaction(() => {
          insertEvents(id, events);
          const state = replayEscalation(id, readEvents(id));
          writeState(state);
          return state;
        })
        .immediate();
    },

    /** The current state from the derived row, or null for an unknown id. */
    get(id: string): Escalation | null {
      const row = stmt.row.get(id);
      if (!row) return null;
      return {
        ...(JSON.parse(row.data) as Omit<Escalation, "briefMarkdown">),
        briefMarkdown: row.brief_markdown,
      };
    },

    /** The events of an escalation, oldest first. */
    events: readEvents,

    /** Recomputes the derived row and past-escalation record from the events (the events are the truth). */
    recompute(id: string): Escalation {
      return db.transaction(() => {
        const state = replayEscalation(id, readEvents(id));
        writeState(state);
        return state;
      })();
    },

    /** Escalations with the given status, oldest first. */
    list(status: StatusFilter): Escalation[] {
      const rows = (
        status === "all"
          ? db.prepare("SELECT data, brief_markdown FROM escalations ORDER BY created_at, id").all()
          : db
              .prepare(
                "SELECT data, brief_markdown FROM escalations WHERE status = ? ORDER BY created_at, id",
              )
              .all(status)
      ) as Array<{ data: string; brief_markdown: string }>;
      return rows.map((r) => ({
        ...(JSON.parse(r.data) as Omit<Escalation, "briefMarkdown">),
        briefMarkdown: r.brief_markdown,
      }));
    },
  };
}

// The brief has its own column; the JSON holds the rest of the derived state.
function rowData(state: Escalation): Omit<Escalation, "briefMarkdown"> {
  const rest: Partial<Escalation> = { ...state };
  delete rest.briefMarkdown;
  return rest as Omit<Escalation, "briefMarkdown">;
}
