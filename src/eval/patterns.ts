/**
 * `npm run eval:patterns`: how `patterns` groups on scenario files (the public scenarios beside the
 * project, when present, and our own cases in test/cases). Each case's expected brief names the
 * related tickets; those created in the 14-day window are what a pattern should hold.
 * - a case whose related tickets in the window come from 3+ accounts expects one pattern holding
 *   all of those accounts; a case expected `recurring` expects a recurring pattern among them;
 * - pairs: tickets of two different accounts in the window, "same problem" when the expected brief
 *   relates both; reported as joined-and-related (found) against joined-but-not (wrong).
 *
 * usage: node dist/eval/patterns.js [DIR...]   (default: ../shared/scenarios and test/cases)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPolicy } from "../config/load-policy.js";
import type { Bundle, Ticket } from "../domain/bundle.js";
import { findPatterns } from "../gather/patterns.js";
import { buildLexicon } from "../match/lexicon.js";
import { importBundle, piecesOf } from "../store/import-bundle.js";
import { openStore } from "../store/sqlite-store.js";

interface Case {
  now: string;
  workspace: Bundle;
  expected: { relatedTickets?: string[]; recurring?: boolean };
}

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const given = process.argv.slice(2);
const dirs =
  given.length > 0 ? given : [join(root, "..", "shared", "scenarios"), join(root, "test", "cases")];
const policy = loadPolicy();
const lexicon = buildLexicon(policy);
const windowMs = policy.pattern.windowDays * 86_400_000;

let cases = 0;
let met = 0;
let pairsRelated = 0;
let pairsFound = 0;
let pairsWrong = 0;
const misses: string[] = [];
for (const dir of dirs) {
  if (!existsSync(dir)) {
    process.stderr.write(`eval:patterns: ${dir} is absent, skipped\n`);
    continue;
  }
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const c = JSON.parse(readFileSync(join(dir, file), "utf8")) as Case;
    const now = new Date(c.now);
    const store = openStore(":memory:");
    importBundle(store, piecesOf(c.workspace));
    const { patterns } = findPatterns(store, { now, policy, lexicon });
    store.close();
    const related = new Set(c.expected.relatedTickets ?? []);
    const inWindow = (t: Ticket) =>
      Date.parse(t.createdAt) >= now.getTime() - windowMs && Date.parse(t.createdAt) <= now.getTime();
    const window = (c.workspace.tickets ?? []).filter(inWindow);
    const wanted = window.filter((t) => related.has(t.id));
    const accounts = new Set(wanted.map((t) => t.accountId).filter(Boolean));
    const holding = patterns.find((p) => wanted.some((t) => p.ticketIds.includes(t.id)));
    const multiOk = accounts.size < 3 || [...accounts].every((a) => holding?.accountIds.includes(a ?? ""));
    const recurOk =
      c.expected.recurring !== true ||
      patterns.some((p) => p.recurring && wanted.some((t) => p.ticketIds.includes(t.id)));
    cases++;
    if (multiOk && recurOk) met++;
    else
      misses.push(
        `${file}: ${multiOk ? "" : "3+ customers not grouped"}${recurOk ? "" : "recurrence not found"}`,
      );
    const together = (a: string, b: string) =>
      patterns.some((p) => p.ticketIds.includes(a) && p.ticketIds.includes(b));
    for (let i = 0; i < window.length; i++) {
      for (let j = i + 1; j < window.length; j++) {
        const a = window[i];
        const b = window[j];
        if (!a || !b || (a.accountId && a.accountId === b.accountId)) continue;
        const same = related.has(a.id) && related.has(b.id);
        const joined = together(a.id, b.id);
        if (same) pairsRelated++;
        if (same && joined) pairsFound++;
        if (!same && joined) pairsWrong++;
      }
    }
  }
}
process.stdout.write(
  [
    `cases: ${met}/${cases} meet their pattern expectation`,
    ...misses.map((m) => `  miss ${m}`),
    `pairs of related tickets from different accounts listed together: ${pairsFound}/${pairsRelated}; pairs listed together that the brief does not relate: ${pairsWrong}`,
    "",
  ].join("\n"),
);
