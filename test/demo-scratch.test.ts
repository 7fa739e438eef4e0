import { it } from "vitest";
import { generateDemoWorkspace } from "../src/demo/generate.js";
import { bundleSchema } from "../src/domain/bundle.js";
it("scratch", () => {
  const b = generateDemoWorkspace({ anchor: new Date("2025-03-12T15:00:00Z") });
  bundleSchema.parse(b);
  console.log(b.tickets?.length, b.chatMessages?.length, b.trackerIssues?.length);
  const counts: Record<string, number> = {};
  for (const t of b.tickets ?? []) counts[t.status] = (counts[t.status] ?? 0) + 1;
  console.log(counts);
  for (const t of (b.tickets ?? []).filter((t) => !["solved", "closed"].includes(t.status)))
    console.log(t.id, t.accountId, t.status, t.createdAt, t.subject);
  console.log(JSON.stringify(b.tickets?.[60], null, 1));
  console.log(b.team);
});
