/**
 * `npm run eval:cases -- DIR...`: first-pass figures on a batch of case files, as
 * docs/evaluation.md records them: whole case right, each expected key, related-ticket precision
 * and recall (a case's `relatedTickets` lists every ticket of the problem), KB recall.
 *
 * usage: node dist/eval/cases.js [--list] DIR_OR_FILE...
 */
import { statSync } from "node:fs";
import { basename, dirname } from "node:path";
import { loadPolicy } from "../config/load-policy.js";
import { renderJson } from "../brief/render-json.js";
import { checkCase, EXPECTED_KEYS, readCases, runCase, type BriefJson, type CaseFile } from "./case-files.js";

const args = process.argv.slice(2);
const list = args.includes("--list");
const paths = args.filter((a) => !a.startsWith("--"));
if (paths.length === 0) {
  process.stderr.write("usage: eval:cases [--list] DIR_OR_FILE...\n");
  process.exit(2);
}
const policy = loadPolicy();
const cases: CaseFile[] = paths.flatMap((p) =>
  statSync(p).isDirectory()
    ? readCases(p)
    : readCases(dirname(p)).filter((c) => `${c.id}.json` === basename(p) || c.id === basename(p, ".json")),
);

const keys = EXPECTED_KEYS;
const tally = new Map<string, [number, number]>();
let whole = 0;
let got = 0;
let hit = 0;
let wanted = 0;
let kbWanted = 0;
let kbHit = 0;
for (const c of cases) {
  const out = renderJson(runCase(c, policy)) as unknown as BriefJson;
  const e = c.expected;
  const checks = checkCase(e, out);
  for (const [k, ok] of Object.entries(checks)) {
    const t = tally.get(k) ?? [0, 0];
    tally.set(k, [t[0] + (ok ? 1 : 0), t[1] + 1]);
  }
  const bad = Object.entries(checks)
    .filter(([, ok]) => !ok)
    .map(([k]) => k);
  if (bad.length === 0) whole++;
  const expectedRelated = new Set(e.relatedTickets ?? []);
  got += out.relatedTickets.length;
  hit += out.relatedTickets.filter((t) => expectedRelated.has(t)).length;
  wanted += expectedRelated.size;
  kbWanted += (e.workarounds ?? []).length;
  kbHit += (e.workarounds ?? []).filter((k) => out.workarounds.includes(k)).length;
  if (list)
    process.stdout.write(
      `${bad.length === 0 ? "pass" : "FAIL"} ${c.id}${bad.length ? `: ${bad.map((k) => `${k} expected ${JSON.stringify(k === "decision" ? [e.decision, e.severity, e.target] : k === "relatedTickets" ? e.relatedTickets : k === "workarounds" ? e.workarounds : e[k])} got ${JSON.stringify(k === "decision" ? [out.decision, out.severity, out.target] : k === "relatedTickets" ? out.relatedTickets : k === "workarounds" ? out.workarounds : k === "recurring" ? out.pattern.recurring : k === "severity" ? out.severity : k === "target" ? out.target : (out.impact as Record<string, unknown>)[k])}`).join("; ")}` : ""}\n`,
    );
}
const fig = (k: string) => {
  const t = tally.get(k);
  return t ? `${k} ${t[0]}/${t[1]}` : null;
};
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "n/a");
process.stdout.write(
  `cases: ${whole}/${cases.length} whole (${keys.map(fig).filter(Boolean).join(", ")}); ` +
    `related tickets precision ${ratio(hit, got)} recall ${ratio(hit, wanted)}; KB recall ${ratio(kbHit, kbWanted)}\n`,
);
