/**
 * `npm run eval`: similar-report retrieval on the public GitBugs data (../shared/data/gitbugs), by
 * the protocol of its README: for each duplicate pair, the query is the later-created report
 * (summary + description), the candidates are the reports created before it, and a hit at k means
 * the other report is among the first k. Our ranking (through the same import and store path as
 * the CLI) is measured next to plain BM25 (summary counted twice, plus description) in the same run.
 *
 * usage: node dist/eval/retrieval.js [--data DIR] [--weights JSON]
 */
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPolicy } from "../config/load-policy.js";
import type { Ticket } from "../domain/bundle.js";
import { findSimilar } from "../gather/similar.js";
import type { SimilarWeights } from "../patterns/similar.js";
import { chunksOfFd, readCsvRecords } from "../store/csv-reader.js";
import { importCsv, parseMapSpec, type CsvImportOptions } from "../store/import-csv.js";
import { openStore, type Store } from "../store/sqlite-store.js";

interface Dataset {
  name: string;
  file: string;
  links: string;
  import: Pick<CsvImportOptions, "format" | "map">;
}

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const dataDir = resolve(arg("data") ?? join(root, "..", "shared", "data"));
const policy = loadPolicy();
// the policy's weights, with --weights '{"recency":0}' overriding some of them for an experiment
const override = JSON.parse(arg("weights") ?? "{}") as Partial<SimilarWeights>;
const weights: SimilarWeights = {
  ...policy.similar,
  ...override,
  kind: { ...policy.similar.kind, ...override.kind },
};

const stopwords = new Set(policy.vocabulary.stopwords);

const datasets: Dataset[] = [
  {
    name: "Hadoop",
    file: "gitbugs/hadoop_bugs.csv",
    links: "gitbugs/hadoop_bugs-combined.csv",
    import: { format: "jira-csv" },
  },
  {
    name: "SeaMonkey",
    file: "gitbugs/SeaMonkey_bugs.csv",
    links: "gitbugs/SeaMonkey_bugs-combined.csv",
    import: {
      format: "csv",
      map: parseMapSpec(
        "id=Issue id,subject=Summary,description=Description,status=Status,priority=Priority," +
          "resolution=Resolution,createdAt=Created,solvedAt=Resolved",
      ),
    },
  },
];

function readRecords(path: string): string[][] {
  const fd = openSync(path, "r");
  try {
    return [...readCsvRecords(chunksOfFd(fd), path)].map((r) => r.fields);
  } finally {
    closeSync(fd);
  }
}

function importDataset(store: Store, dataset: Dataset): void {
  const path = join(dataDir, dataset.file);
  const fd = openSync(path, "r");
  try {
    importCsv(store, readCsvRecords(chunksOfFd(fd), path), { ...dataset.import, sourceName: path });
  } finally {
    closeSync(fd);
  }
}

/** Undirected duplicate pairs with both reports present, as [later, earlier]. */
function duplicatePairs(path: string, byId: Map<string, Ticket>): Array<[Ticket, Ticket]> {
  const seen = new Set<string>();
  const pairs: Array<[Ticket, Ticket]> = [];
  for (const [a = "", list = ""] of readRecords(path).slice(1)) {
    for (const b of list.split(",").map((s) => s.trim())) {
      const x = byId.get(a.trim());
      const y = byId.get(b);
      if (!x || !y || x.id === y.id) continue;
      const key = [x.id, y.id].sort().join("|");
      if (seen.has(key)) continue;
      seen.add(key);
      const order = Date.parse(x.createdAt) - Date.parse(y.createdAt) || Number(x.id) - Number(y.id);
      pairs.push(order > 0 ? [x, y] : [y, x]);
    }
  }
  return pairs;
}

const plainTokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);

/** Plain BM25 (k1 1.2, b 0.75; summary twice plus description; no stemming) over all reports. */
function plainBm25(tickets: readonly Ticket[]) {
  const docs = tickets.map((t) => {
    const tf = new Map<string, number>();
    const tokens = [
      ...plainTokens(t.subject),
      ...plainTokens(t.subject),
      ...plainTokens(t.description ?? ""),
    ];
    for (const w of tokens) tf.set(w, (tf.get(w) ?? 0) + 1);
    return { ticket: t, created: Date.parse(t.createdAt), tf, length: tokens.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const average = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const n = docs.length;
  return (query: Ticket): string[] => {
    const created = Date.parse(query.createdAt);
    const terms = new Map<string, number>();
    for (const w of plainTokens(`${query.subject}\n${query.description ?? ""}`))
      terms.set(w, (terms.get(w) ?? 0) + 1);
    const scored: Array<{ id: string; score: number }> = [];
    for (const d of docs) {
      if (d.created > created || d.ticket.id === query.id) continue;
      let score = 0;
      const norm = 0.25 + 0.75 * (d.length / average);
      for (const [w, qtf] of terms) {
        const tf = d.tf.get(w);
        if (!tf) continue;
        const f = df.get(w) ?? 0;
        score += qtf * Math.log(1 + (n - f + 0.5) / (f + 0.5)) * ((tf * 2.2) / (tf + 1.2 * norm));
      }
      if (score > 0) scored.push({ id: d.ticket.id, score });
    }
    return scored.sort((a, b) => b.score - a.score).map((s) => s.id);
  };
}

interface Metrics {
  queries: number;
  r1: number;
  r5: number;
  r10: number;
  mrr: number;
}

function metrics(ranks: readonly number[]): Metrics {
  const q = Math.max(1, ranks.length);
  const at = (k: number) => ranks.filter((r) => r <= k).length / q;
  return {
    queries: ranks.length,
    r1: at(1),
    r5: at(5),
    r10: at(10),
    mrr: ranks.reduce((s, r) => s + (Number.isFinite(r) ? 1 / r : 0), 0) / q,
  };
}

const rankOf = (ids: readonly string[], target: string) => {
  const i = ids.indexOf(target);
  return i < 0 ? Infinity : i + 1;
};

function evaluate(dataset: Dataset) {
  const dir = mkdtempSync(join(tmpdir(), "escalate-eval-"));
  const store = openStore(join(dir, "eval.db"));
  try {
    importDataset(store, dataset);
    const ids = (store.db.prepare("SELECT id FROM tickets").all() as Array<{ id: string }>).map((r) => r.id);
    const tickets = store.tickets(ids);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    const pairs = duplicatePairs(join(dataDir, dataset.links), byId);
    const bm25 = plainBm25(tickets);
    const ours: number[] = [];
    const base: number[] = [];
    const times: number[] = [];
    for (const [query, target] of pairs) {
      const text = `${query.subject}\n${query.description ?? ""}`;
      const started = process.hrtime.bigint();
      const results = findSimilar(store, text, {
        now: new Date(query.createdAt),
        limit: 100,
        excludeIds: [query.id],
        weights,
        stopwords,
      });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      ours.push(
        rankOf(
          results.map((r) => r.ticketId),
          target.id,
        ),
      );
      base.push(rankOf(bm25(query), target.id));
    }
    times.sort((a, b) => a - b);
    return {
      tickets: tickets.length,
      ours: metrics(ours),
      bm25: metrics(base),
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const missing = datasets.filter(
    (d) => !existsSync(join(dataDir, d.file)) || !existsSync(join(dataDir, d.links)),
  );
  if (missing.length === datasets.length) {
    process.stdout.write(
      `eval: skipped: no evaluation data at ${dataDir} (expected gitbugs/*.csv; see shared/data/README.md)\n`,
    );
    return;
  }
  const f = (x: number) => x.toFixed(3);
  const lines = [
    "| dataset | queries | ranking | recall@1 | recall@5 | recall@10 | MRR |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
  ];
  for (const dataset of datasets) {
    if (missing.includes(dataset)) {
      process.stdout.write(`eval: ${dataset.name}: skipped (missing ${dataset.file} or ${dataset.links})\n`);
      continue;
    }
    const started = Date.now();
    const r = evaluate(dataset);
    for (const [label, m] of [
      ["ours", r.ours],
      ["plain BM25", r.bm25],
    ] as const) {
      lines.push(
        `| ${dataset.name} | ${m.queries} | ${label} | ${f(m.r1)} | ${f(m.r5)} | ${f(m.r10)} | ${f(m.mrr)} |`,
      );
    }
    process.stderr.write(
      `eval: ${dataset.name}: ${r.tickets} reports, ${r.ours.queries} queries, ` +
        `median ${r.medianMs.toFixed(1)} ms per query (ours), ${((Date.now() - started) / 1000).toFixed(1)} s in all\n`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
