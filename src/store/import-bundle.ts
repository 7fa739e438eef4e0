/**
 * Loads a workspace bundle into the store, all or nothing: every element is validated at the
 * boundary (zod) as it streams in, inside one transaction that is rolled back on the first error.
 */
import type { z } from "zod";
import {
  accountSchema,
  chatMessageSchema,
  kbArticleSchema,
  pastEscalationSchema,
  teamSchema,
  ticketSchema,
  trackerIssueSchema,
} from "../domain/bundle.js";
import { UserError } from "../errors.js";
import type { BundlePiece } from "./bundle-reader.js";
import type { Store } from "./sqlite-store.js";

/** How many records of each kind an import loaded. */
export type ImportSummary = Record<SectionKey, number> & { team: boolean };

type SectionKey = "accounts" | "tickets" | "chatMessages" | "trackerIssues" | "kbArticles" | "escalations";

interface Section<T> {
  schema: z.ZodType<T>;
  put: (store: Store, value: T) => void;
}

const sections: { [K in SectionKey]: Section<never> } = {
  accounts: section(accountSchema, (s, v) => s.putAccount(v)),
  tickets: section(ticketSchema, (s, v) => s.putTicket(v)),
  chatMessages: section(chatMessageSchema, (s, v) => s.putChatMessage(v)),
  trackerIssues: section(trackerIssueSchema, (s, v) => s.putTrackerIssue(v)),
  kbArticles: section(kbArticleSchema, (s, v) => s.putKbArticle(v)),
  escalations: section(pastEscalationSchema, (s, v) => s.putPastEscalation(v)),
};

function section<T>(schema: z.ZodType<T>, put: (store: Store, value: T) => void): Section<never> {
  return { schema, put } as unknown as Section<never>;
}

const isSection = (key: string): key is SectionKey => Object.hasOwn(sections, key);

/** Formats a zod issue path the way users read it: `tickets[3].comments[0].createdAt`. */
export function formatPath(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  let out = prefix;
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `.${String(part)}`;
  return out;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = formatPath(where, issue?.path ?? []);
  throw new UserError(`${path}: ${issue?.message ?? "invalid"}`);
}

/** Imports the bundle's pieces into `store` in one transaction; reports progress every 10k records. */
export function importBundle(
  store: Store,
  pieces: Iterable<BundlePiece>,
  onProgress?: (loaded: number) => void,
): ImportSummary {
  const summary: ImportSummary = {
    team: false,
    accounts: 0,
    tickets: 0,
    chatMessages: 0,
    trackerIssues: 0,
    kbArticles: 0,
    escalations: 0,
  };
  let version: unknown;
  let loaded = 0;
  store.begin();
  try {
    for (const piece of pieces) {
      if (piece.kind === "item") {
        if (!isSection(piece.key)) continue; // unknown extra arrays are ignored, never rejected
        const { schema, put } = sections[piece.key];
        put(store, validate(schema, piece.value, `${piece.key}[${piece.index}]`));
        summary[piece.key]++;
        if (++loaded % 10_000 === 0) onProgress?.(loaded);
      } else if (piece.kind === "value") {
        if (piece.key === "version") version = piece.value;
        else if (piece.key === "team") {
          store.putTeam(validate(teamSchema, piece.value, "team"));
          summary.team = true;
        } else if (isSection(piece.key)) {
          throw new UserError(`${piece.key}: expected an array`);
        }
      }
    }
    if (version === undefined) throw new UserError("version: required (expected 1)");
    if (version !== 1)
      throw new UserError(`version: expected 1 (the only bundle version), got ${JSON.stringify(version)}`);
    store.commit();
  } catch (error) {
    store.rollback();
    throw error;
  }
  return summary;
}

/** The pieces of an in-memory bundle (for the demo and tests), in the reader's shape. */
export function* piecesOf(bundle: Record<string, unknown>): Generator<BundlePiece> {
  for (const [key, value] of Object.entries(bundle)) {
    if (Array.isArray(value)) {
      let index = 0;
      for (const item of value) yield { kind: "item", key, index: index++, value: item as unknown };
      yield { kind: "arrayEnd", key, length: index };
    } else yield { kind: "value", key, value };
  }
}
