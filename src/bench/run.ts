/**
 * `npm run bench`: generates 10k- and 100k-ticket workspaces, and measures import rate, `brief`
 * latency (median of several runs, through the CLI and in-process), `similar` latency (in-process
 * median over several texts) and the time `patterns` takes over the 14-day window, next to the
 * time of a bare `node -e 0` on the same machine, so the ratio is what we track.
 *
 * usage: node dist/bench/run.js [--sizes 10000,100000] [--runs 5] [--out .bench]
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPolicy } from "../config/load-policy.js";
import { generateScaledBundleJson } from "../demo/scale.js";
import { findPatterns } from "../gather/patterns.js";
import { findSimilar } from "../gather/similar.js";
import { buildLexicon } from "../match/lexicon.js";
import { runBrief } from "../pipeline.js";
import { openStore } from "../store/sqlite-store.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const sizes = arg("sizes", "10000,100000").split(",").map(Number);
const runs = Number(arg("runs", "5"));
const out = resolve(arg("out", ".bench"));
const cli = fileURLToPath(new URL("../cli/main.js", import.meta.url));
const anchor = new Date("2026-11-28T12:00:00Z");
const queries = [
  { name: "single customer", description: "API returning 500 errors intermittently for Acme Corp" },
  { name: "no customer", description: "Data export is missing rows — 3 customers reported this week" },
];

// texts for `similar`: a one-line problem, a pasted ticket, and a text that shares only common words
const similarTexts = [
  ...queries.map((q) => q.description),
  "Technicians cannot upload photos from the mobile app when the site has no signal; the upload spinner never ends and the work order stays open.",
  "The page is slow and shows an error sometimes",
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const time = (fn: () => void) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const say = (line: string) => process.stderr.write(`${line}\n`);

function runNode(argv: string[]): number {
  return time(() => {
    const r = spawnSync(process.execPath, argv, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    if (r.status !== 0) throw new Error(`bench: ${argv.join(" ")} failed: ${r.stderr}`);
  });
}

function writeBundle(path: string, tickets: number): void {
  const fd = openSync(path, "w");
  let buffer = "";
  let written = 0;
  for (const chunk of generateScaledBundleJson({ seed: 7, anchor, ticketCount: tickets })) {
    buffer += chunk;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = "";
      if (++written % 20 === 0) say(`  writing ${path}…`);
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}

mkdirSync(out, { recursive: true });
say(`bench: node ${process.version}, ${runs} runs per measure, sizes ${sizes.join(", ")}`);
const nodeBaseline = median(Array.from({ length: runs }, () => runNode(["-e", "0"])));
say(`  node -e 0: ${nodeBaseline.toFixed(0)} ms`);
const policy = loadPolicy();
const results: Array<Record<string, unknown>> = [];

for (const size of sizes) {
  const bundle = join(out, `bundle-${size}.json`);
  const db = join(out, `store-${size}.db`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  say(`bench: generating ${size.toLocaleString("en-US")} tickets…`);
  writeBundle(bundle, size);
  say(`bench: importing…`);
  const importMs = runNode([cli, "import", bundle, "--db", db]);
  const row: Record<string, unknown> = {
    tickets: size,
    importSeconds: Number((importMs / 1000).toFixed(1)),
    ticketsPerSecond: Math.round(size / (importMs / 1000)),
  };
  for (const q of queries) {
    say(`bench: brief "${q.name}" ×${runs}…`);
    const cliMs = median(
      Array.from({ length: runs }, () =>
        runNode([cli, "brief", q.description, "--db", db, "--now", anchor.toISOString(), "--format", "json"]),
      ),
    );
    const store = openStore(db);
    const coreMs = median(
      Array.from({ length: runs }, () =>
        time(() => runBrief(store, { description: q.description }, { policy, now: anchor, reporter: null })),
      ),
    );
    store.close();
    row[`brief ${q.name} (CLI ms)`] = Math.round(cliMs);
    row[`brief ${q.name} (in-process ms)`] = Math.round(coreMs);
    row[`brief ${q.name} (CLI / node -e 0)`] = Number((cliMs / nodeBaseline).toFixed(1));
  }
  const store = openStore(db);
  say(`bench: similar ×${runs * similarTexts.length}…`);
  const stopwords = new Set(policy.vocabulary.stopwords);
  const similarMs = median(
    similarTexts.flatMap((text) =>
      Array.from({ length: runs }, () =>
        time(() => findSimilar(store, text, { now: anchor, limit: 10, stopwords, weights: policy.similar })),
      ),
    ),
  );
  row["similar (in-process ms)"] = Math.round(similarMs);
  say(`bench: patterns ×${runs}…`);
  const lexicon = buildLexicon(policy);
  let inWindow = 0;
  const patternsMs = median(
    Array.from({ length: runs }, () =>
      time(() => {
        inWindow = findPatterns(store, { now: anchor, policy, lexicon }).ticketsInWindow;
      }),
    ),
  );
  store.close();
  const patternsCliMs = median(
    Array.from({ length: Math.min(runs, 3) }, () =>
      runNode([cli, "patterns", "--db", db, "--now", anchor.toISOString(), "--format", "json"]),
    ),
  );
  row["patterns window tickets"] = inWindow;
  row["patterns (in-process s)"] = Number((patternsMs / 1000).toFixed(2));
  row["patterns (CLI s)"] = Number((patternsCliMs / 1000).toFixed(2));
  results.push(row);
  rmSync(bundle, { force: true });
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  nodeBaselineMs: Math.round(nodeBaseline),
  results,
};
writeFileSync(join(out, "results.json"), `${JSON.stringify(report, null, 2)}\n`);
const keys = Object.keys(results[0] ?? {});
process.stdout.write(
  `node -e 0: ${Math.round(nodeBaseline)} ms\n\n| ${keys.join(" | ")} |\n|${keys.map(() => "---").join("|")}|\n`,
);
for (const r of results) process.stdout.write(`| ${keys.map((k) => String(r[k])).join(" | ")} |\n`);
