/**
 * Similar tickets: the ranking puts the true duplicate first where plain word overlap misleads
 * (shared stack frames, exception and class names), respects the --now cutoff, and the CLI
 * prints the contract's JSON.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle, Ticket } from "../src/domain/bundle.js";
import { loadPolicy } from "../src/config/load-policy.js";
import { findSimilar } from "../src/gather/similar.js";
import { identifierParts, rankSimilar, type SimilarCandidate } from "../src/patterns/similar.js";
import { stem } from "../src/intake/text.js";
import { importBundle, piecesOf } from "../src/store/import-bundle.js";
import { openStore, type Store } from "../src/store/sqlite-store.js";
import { cli, tempDir, writeBundle } from "./helpers/workspace.js";

// the policy's ranking weights (policy/default.yaml `similar`)
const weights = loadPolicy().similar;

const ticket = (id: string, createdAt: string, subject: string, description: string): Ticket => ({
  id,
  subject,
  description,
  status: "open",
  createdAt,
});

const filler = [
  ["Password reset e-mail never arrives", "Users request a reset link and no e-mail is delivered."],
  ["Invoice PDF shows the wrong currency", "Invoices for EU accounts show USD instead of EUR."],
  ["Dashboard charts are blank in Safari", "The charts render empty on Safari 17; Chrome works."],
  ["Webhook retries flood our endpoint", "Each failed webhook is retried every second for an hour."],
  ["Cannot change the account owner", "The owner field is greyed out for admins."],
  ["Export to CSV drops the last row", "The last line of every CSV export is missing."],
  ["Search ignores accented characters", "Searching for café does not find cafe."],
  ["Two-factor codes rejected after DST change", "Codes from the authenticator app are refused."],
  ["Slow page loads on the reports tab", "Reports take 20 seconds to open since last week."],
  ["Mobile app logs out every hour", "The session expires after an hour on iOS."],
].map(([subject, description], i) =>
  ticket(`F-${i + 1}`, `2024-01-0${(i % 9) + 1}T10:00:00Z`, subject ?? "", description ?? ""),
);

// the report that is the same problem: it shares the crash's frames, not its words
const duplicate = ticket(
  "T-DUP",
  "2024-01-10T09:00:00Z",
  "Crash when saving big files",
  "NullPointerException thrown in BlobWriter.flush() (BlobWriter.java), called from " +
    "AttachmentService.save() (AttachmentService.java).",
);
// a different problem that says the query's words many times
const decoy = ticket(
  "T-DECOY",
  "2024-01-12T09:00:00Z",
  "Uploading a large attachment is slow",
  "Uploading a large attachment is slow: the upload of a large attachment takes minutes, " +
    "and the attachment upload page spins while uploading.",
);
// the same crash again, reported after the cutoff used below
const later = ticket(
  "T-LATER",
  "2024-02-01T09:00:00Z",
  "NullPointerException in BlobWriter.flush on upload",
  "Uploading a large attachment fails: java.lang.NullPointerException at " +
    "org.acme.store.BlobWriter.flush(BlobWriter.java:212)",
);

const query =
  "Uploading a large attachment fails\n" +
  "Uploading a large attachment fails: the upload of the attachment stops.\n" +
  "java.lang.NullPointerException\n" +
  "  at org.acme.store.BlobWriter.flush(BlobWriter.java:212)\n" +
  "  at org.acme.store.AttachmentService.save(AttachmentService.java:88)";

const tickets = [...filler, duplicate, decoy, later];
const bundle: Bundle = { version: 1, tickets };

/** Plain BM25 (summary twice plus description, no stemming): what word overlap alone says. */
function plainBm25Top(text: string, docs: readonly Ticket[]): string | undefined {
  const tokens = (s: string) =>
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const bags = docs.map((d) => [...tokens(d.subject), ...tokens(d.subject), ...tokens(d.description ?? "")]);
  const average = bags.reduce((s, b) => s + b.length, 0) / bags.length;
  const df = new Map<string, number>();
  for (const b of bags) for (const w of new Set(b)) df.set(w, (df.get(w) ?? 0) + 1);
  const score = (bag: string[]) => {
    let s = 0;
    for (const w of tokens(text)) {
      const tf = bag.filter((x) => x === w).length;
      if (!tf) continue;
      const n = df.get(w) ?? 0;
      const idf = Math.log(1 + (bags.length - n + 0.5) / (n + 0.5));
      s += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * bag.length) / average));
    }
    return s;
  };
  const scored = docs.map((d, i) => ({ id: d.id, s: score(bags[i] ?? []) }));
  return scored.sort((a, b) => b.s - a.s)[0]?.id;
}

describe("ranking (pure core)", () => {
  const before = tickets.filter((t) => t.id !== "T-LATER");
  const candidates: SimilarCandidate[] = before.map((t) => ({
    id: t.id,
    subject: t.subject,
    text: t.description ?? "",
    createdAt: t.createdAt,
  }));
  // document frequencies as the index would count them (Porter stems, one per document)
  const docFrequency = new Map<string, number>();
  for (const t of before) {
    const words = new Set(`${t.subject} ${t.description ?? ""}`.toLowerCase().split(/[^\p{L}\p{N}]+/u));
    for (const w of words) if (w) docFrequency.set(stem(w), (docFrequency.get(stem(w)) ?? 0) + 1);
  }
  const stats = { documents: before.length, averageLength: 20, docFrequency };

  it("is misled by word overlap when ranked by plain BM25", () => {
    expect(plainBm25Top(query, before)).toBe("T-DECOY");
  });

  it("puts the report with the same exception and stack frames first", () => {
    const results = rankSimilar(query, candidates, stats, {
      now: new Date("2024-01-20T00:00:00Z"),
      limit: 3,
      weights,
    });
    expect(results[0]?.ticketId).toBe("T-DUP");
    expect(results.map((r) => r.ticketId)).toContain("T-DECOY");
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? Infinity);
  });

  it("never returns a ticket created after now", () => {
    const results = rankSimilar(query, candidates, stats, {
      now: new Date("2024-01-11T00:00:00Z"),
      limit: 10,
      weights,
    });
    expect(results.map((r) => r.ticketId)).not.toContain("T-DECOY");
  });

  it.each([
    ["getFileStatus", ["get", "file", "status"]],
    ["HDFSClient", ["hdfs", "client"]],
    ["ZStandardCodec", ["standard", "codec"]],
    ["snake_case_name", ["snake", "case", "name"]],
  ])("splits the identifier %s", (identifier, parts) => {
    expect(identifierParts(identifier)).toEqual(parts);
  });
});

describe("ranking from the store", () => {
  let dir: string;
  let cleanup: () => void;
  let store: Store;

  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    store = openStore(join(dir, "store.db"));
    importBundle(store, piecesOf(bundle));
  });
  afterAll(() => {
    store.close();
    cleanup();
  });

  it("finds the duplicate first, and the later report only when now allows it", () => {
    const early = findSimilar(store, query, { now: new Date("2024-01-20T00:00:00Z"), limit: 5, weights });
    expect(early[0]?.ticketId).toBe("T-DUP");
    expect(early.map((r) => r.ticketId)).not.toContain("T-LATER");
    const late = findSimilar(store, query, { now: new Date("2024-03-01T00:00:00Z"), limit: 5, weights });
    expect(
      late
        .slice(0, 2)
        .map((r) => r.ticketId)
        .sort(),
    ).toEqual(["T-DUP", "T-LATER"]);
  });

  it("leaves out excluded tickets (a ticket is not its own duplicate)", () => {
    const results = findSimilar(store, `${later.subject}\n${later.description ?? ""}`, {
      now: new Date("2024-03-01T00:00:00Z"),
      limit: 5,
      excludeIds: ["T-LATER"],
      weights,
    });
    expect(results[0]?.ticketId).toBe("T-DUP");
    expect(results.map((r) => r.ticketId)).not.toContain("T-LATER");
  });

  it("returns nothing for text with no indexed words", () => {
    expect(findSimilar(store, "zzzqx", { now: new Date("2024-03-01T00:00:00Z"), limit: 5, weights })).toEqual([]);
  });
});

describe("escalate similar", () => {
  let dir: string;
  let cleanup: () => void;
  let db: string;

  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    db = join(dir, "store.db");
    expect(cli(["import", writeBundle(dir, bundle), "--db", db]).code).toBe(0);
  });
  afterAll(() => cleanup());

  const similar = (...extra: string[]) => cli(["similar", query, "--db", db, ...extra]);

  it("prints the contract's JSON, best first, within --now", () => {
    const r = similar("--now", "2024-01-20T00:00:00Z", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Array<{ ticketId: string; score: number }> };
    expect(Object.keys(out)).toEqual(["results"]);
    expect(out.results[0]?.ticketId).toBe("T-DUP");
    expect(out.results.map((x) => x.ticketId)).not.toContain("T-LATER");
    for (const result of out.results) {
      expect(Object.keys(result)).toEqual(["ticketId", "score"]);
      expect(typeof result.score).toBe("number");
    }
    const scores = out.results.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(out.results.length).toBeLessThanOrEqual(10);
  });

  it("includes later tickets when --now is later", () => {
    const r = similar("--now", "2024-03-01T00:00:00Z", "--format", "json");
    const out = JSON.parse(r.stdout) as { results: Array<{ ticketId: string }> };
    expect(out.results.map((x) => x.ticketId)).toContain("T-LATER");
  });

  it("honours --limit", () => {
    const r = similar("--now", "2024-03-01T00:00:00Z", "--format", "json", "--limit", "1");
    expect((JSON.parse(r.stdout) as { results: unknown[] }).results).toHaveLength(1);
  });

  it("prints a table by default", () => {
    const r = similar("--now", "2024-01-20T00:00:00Z", "--limit", "2");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Similar tickets/);
    expect(r.stdout).toMatch(/\| T-DUP \| [\d.]+ \| 2024-01-10 \| open \| Crash when saving big files \|/);
  });

  it.each([
    [["--limit", "0"], /--limit: expected a whole number from 1 to 1000, got "0"/],
    [["--limit", "ten"], /--limit: expected a whole number/],
    [["--now", "soon"], /--now: expected an ISO-8601 date-time/],
    [["--format", "xml"], /--format: expected markdown or json/],
  ])("exits 2 on %j", (extra, message) => {
    const r = similar(...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("says when the store holds no tickets", () => {
    const r = cli(["similar", "anything", "--db", join(dir, "empty.db")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds no tickets yet/);
  });
});
