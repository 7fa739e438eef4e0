import { readFileSync, readdirSync } from "node:fs";
import { it } from "vitest";
import { buildReproduction } from "../src/repro/extract.js";
import type { Account, Ticket } from "../src/domain/bundle.js";

it("dump", () => {
  const dir = "/work/shared/scenarios";
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".json"))) {
    const s = JSON.parse(readFileSync(`${dir}/${f}`, "utf8")) as { input: { description: string }; workspace: { tickets?: Ticket[]; accounts?: Account[] }; expected: { relatedTickets?: string[]; accountIds?: string[] } };
    const ids = s.expected.relatedTickets ?? [];
    const tickets = (s.workspace.tickets ?? []).filter((t) => ids.includes(t.id));
    const accounts = (s.workspace.accounts ?? []).filter((a) => (s.expected.accountIds ?? []).includes(a.id));
    const r = buildReproduction({ description: s.input.description, tickets, accounts });
    console.log(`\n===== ${f}\n` + JSON.stringify(r, null, 1));
  }
});
