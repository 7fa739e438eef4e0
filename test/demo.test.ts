import { describe, expect, it } from "vitest";
import type { Account, Ticket } from "../src/domain/bundle.js";
import { bundleSchema, ticketSchema } from "../src/domain/bundle.js";
import { DEFAULT_DEMO_SEED, demoExamples, generateDemoWorkspace } from "../src/demo/generate.js";
import {
  generateScaledBundleJson,
  generateScaledTickets,
  generateScaledWorkspaceHead,
} from "../src/demo/scale.js";
import { DEMO_STORIES } from "../src/demo/stories.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const anchor = new Date("2025-11-18T15:30:00Z");
const bundle = generateDemoWorkspace({ anchor });

const tickets = bundle.tickets ?? [];
const accounts = bundle.accounts ?? [];
const tracker = bundle.trackerIssues ?? [];
const chat = bundle.chatMessages ?? [];
const kb = bundle.kbArticles ?? [];

const DATE_TIME_KEYS = new Set(["createdAt", "updatedAt", "solvedAt", "resolvedAt", "at"]);
const DATE_KEYS = new Set(["renewalDate", "closeDate", "holidays"]);

/** Every date-time value in the bundle, in document order. */
function collectDateTimes(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectDateTimes(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (DATE_TIME_KEYS.has(k) && typeof v === "string") out.push(v);
      else collectDateTimes(v, out);
    }
  }
  return out;
}

/** The bundle with every date and date-time removed. */
function stripTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTimes);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !DATE_TIME_KEYS.has(k) && !DATE_KEYS.has(k))
        .map(([k, v]) => [k, stripTimes(v)]),
    );
  }
  return value;
}

const isOpen = (t: Ticket) => t.status !== "solved" && t.status !== "closed";
const ageHours = (iso: string, now = anchor) => (now.getTime() - Date.parse(iso)) / HOUR;
const accountById = (id: string): Account => {
  const account = accounts.find((a) => a.id === id);
  if (!account) throw new Error(`no account ${id}`);
  return account;
};
const slaRatio = (t: Ticket): number | undefined => {
  const hours = accountById(t.accountId ?? "").sla?.resolutionHours;
  return hours ? ageHours(t.createdAt) / hours : undefined;
};
const ticketText = (t: Ticket) =>
  [t.subject, t.description ?? "", ...(t.comments ?? []).map((c) => c.body)].join("\n");
const isHighValue = (a: Account) => (a.arr ?? 0) >= 100000 || a.strategic === true || a.reference === true;
const storyTicketIds = new Set(demoExamples.flatMap((e) => e.expect.relatedTickets));
const storyChatIds = new Set(DEMO_STORIES.flatMap((s) => s.chat.map((c) => c.id)));

/** Words of the four stories that no other ticket or chat message may use. */
const STORY_WORDS: RegExp[] = [
  /\b500\b/,
  /\bexport/i,
  /\bmissing\b/i,
  /\brows?\b/i,
  /\bsso\b/i,
  /single sign/i,
  /\bsaml\b/i,
  /redirect/i,
  /\blog(?:ged|ging)?[ -]?in\b/i,
  /\bsign(?:ed|ing|s)?[ -]?in\b/i,
  /\bloop/i,
  /\baudit/i,
  /activity history/i,
  /\bchurn/i,
  /\brenew/i,
  /competitor/i,
  /\bcancel/i,
  /\blawyer|\blegal\b/i,
  /intermittent/i,
  /\bcompliance\b/i,
];

describe("generateDemoWorkspace", () => {
  it("produces a bundle that passes the schema", () => {
    expect(() => bundleSchema.parse(bundle)).not.toThrow();
  });

  it("is deterministic for a seed and an anchor, and the seed changes the noise", () => {
    expect(generateDemoWorkspace({ anchor, seed: DEFAULT_DEMO_SEED })).toEqual(bundle);
    expect(generateDemoWorkspace({ anchor: new Date(anchor), seed: 7 })).toEqual(
      generateDemoWorkspace({ anchor: new Date(anchor), seed: 7 }),
    );
    expect(generateDemoWorkspace({ anchor, seed: 7 }).tickets).not.toEqual(tickets);
  });

  it("shifts every timestamp by the same amount when the anchor moves", () => {
    const shift = 37 * DAY + 5 * HOUR + 17 * 60_000;
    const moved = generateDemoWorkspace({ anchor: new Date(anchor.getTime() + shift) });
    const before = collectDateTimes(bundle);
    const after = collectDateTimes(moved);
    expect(after).toHaveLength(before.length);
    after.forEach((iso, i) => expect(Date.parse(iso) - Date.parse(before[i] ?? "")).toBe(shift));
    expect(stripTimes(moved)).toEqual(stripTimes(bundle));
  });

  it("puts every timestamp at or before the anchor and within 60 days", () => {
    const times = collectDateTimes(bundle).map((iso) => Date.parse(iso));
    expect(times.length).toBeGreaterThan(500);
    for (const t of times) {
      expect(t).toBeLessThanOrEqual(anchor.getTime());
      expect(t).toBeGreaterThanOrEqual(anchor.getTime() - 60 * DAY);
    }
    for (const t of tickets) {
      for (const c of t.comments ?? [])
        expect(Date.parse(c.createdAt)).toBeGreaterThanOrEqual(Date.parse(t.createdAt));
      if (t.solvedAt) expect(["solved", "closed"]).toContain(t.status);
    }
  });

  it("has the expected volume and variety", () => {
    expect(accounts.length).toBeGreaterThanOrEqual(14);
    expect(accounts.filter((a) => a.plan === "Enterprise").length).toBeGreaterThanOrEqual(4);
    expect(new Set(accounts.map((a) => a.plan))).toEqual(new Set(["Starter", "Business", "Enterprise"]));
    expect(tickets.length).toBeGreaterThanOrEqual(150);
    expect(new Set(tickets.map((t) => t.status)).size).toBeGreaterThanOrEqual(4);
    const old = tickets.filter((t) => ageHours(t.createdAt) > 14 * 24);
    expect(old.filter((t) => !isOpen(t)).length / old.length).toBeGreaterThan(0.9);
    const roles = new Set(tickets.flatMap((t) => (t.comments ?? []).map((c) => c.role)));
    expect(roles).toEqual(new Set(["customer", "agent", "internal"]));
    expect(chat.length).toBeGreaterThanOrEqual(30);
    expect(new Set(tracker.map((i) => i.status))).toEqual(
      new Set(["open", "in_progress", "done", "wont_do"]),
    );
    expect(new Set(tracker.map((i) => i.type))).toEqual(new Set(["bug", "feature", "task", "incident"]));
    expect(new Set(kb.map((a) => a.kind))).toEqual(
      new Set(["howto", "known_issue", "workaround", "limitation", "reference"]),
    );
    const escalations = bundle.escalations ?? [];
    expect(escalations.filter((e) => e.resolvedAt && e.rootCause).length).toBeGreaterThanOrEqual(3);
  });

  it("describes the team: New York time, US holidays of the anchor's year, one channel per target", () => {
    expect(bundle.team?.timeZone).toBe("America/New_York");
    expect(bundle.team?.holidays).toEqual(expect.arrayContaining(["2025-11-27", "2025-12-25", "2025-07-04"]));
    expect(Object.keys(bundle.team?.channels ?? {}).sort()).toEqual(
      ["Engineering", "L2 Support", "Leadership", "Product", "Security"].sort(),
    );
  });

  it("uses unique ids and consistent references", () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    unique(accounts.map((a) => a.id));
    unique(tickets.map((t) => t.id));
    unique(tracker.map((i) => i.key));
    unique(kb.map((a) => a.id));
    unique(chat.map((m) => m.id ?? ""));
    unique((bundle.escalations ?? []).map((e) => e.id));
    const ticketIds = new Set(tickets.map((t) => t.id));
    const keys = new Set(tracker.map((i) => i.key));
    for (const t of tickets) {
      for (const key of t.trackerKeys ?? []) expect(keys).toContain(key);
      const domain = t.requester?.email?.split("@")[1];
      const owner = accounts.find((a) => a.domain === domain);
      expect(owner?.id).toBeDefined();
      if (t.accountId) expect(owner?.id).toBe(t.accountId);
    }
    for (const issue of tracker) for (const id of issue.ticketIds ?? []) expect(ticketIds).toContain(id);
    for (const a of accounts)
      for (const c of a.contacts ?? []) expect(c.email?.endsWith(`@${a.domain}`)).toBe(true);
    for (const e of bundle.escalations ?? []) {
      for (const id of e.accountIds ?? []) expect(accounts.map((a) => a.id)).toContain(id);
      if (e.trackerKey) expect(keys).toContain(e.trackerKey);
    }
  });

  it("gives SLAs and deals by plan", () => {
    for (const a of accounts) {
      if (a.plan === "Enterprise") expect(a.sla?.resolutionHours).toBe(24);
      if (a.plan === "Business") expect(a.sla?.resolutionHours).toBe(72);
      if (a.plan === "Starter") expect(a.sla).toBeUndefined();
    }
    const closingSoon = accounts
      .flatMap((a) => a.deals ?? [])
      .filter((d) => {
        const days = (Date.parse(d.closeDate ?? "") - anchor.getTime()) / DAY;
        return days > 0 && days <= 90;
      });
    expect(closingSoon.length).toBeGreaterThanOrEqual(3);
  });

  it.each([DEFAULT_DEMO_SEED, 1, 2, 42, 99991])(
    "keeps noise clear of the stories' words (seed %s)",
    (seed) => {
      const b = generateDemoWorkspace({ anchor, seed });
      for (const t of b.tickets ?? []) {
        if (storyTicketIds.has(t.id)) continue;
        const text = ticketText(t);
        for (const word of STORY_WORDS) expect(text, `${t.id} matches ${word}`).not.toMatch(word);
        if (ageHours(t.createdAt) < 14 * 24) expect(text, t.id).not.toMatch(/\bapi\b/i);
        // The story accounts' only open tickets are the stories'.
        if (t.accountId === "acme" || t.accountId === "orrinvalley") expect(isOpen(t)).toBe(false);
      }
      for (const m of b.chatMessages ?? []) {
        if (storyChatIds.has(m.id ?? "")) continue;
        for (const word of STORY_WORDS) expect(m.text, `${m.id} matches ${word}`).not.toMatch(word);
      }
    },
  );

  it("demo examples list the four practice examples in order", () => {
    expect(demoExamples.map((e) => e.description)).toEqual([
      "API returning 500 errors intermittently for Acme Corp",
      "Data export is missing rows — 3 customers reported this week",
      "SSO login loop affecting all Enterprise customers",
      "Customer threatening to churn over missing audit log feature",
    ]);
    expect(demoExamples.map((e) => [e.expect.decision, e.expect.severity, e.expect.target])).toEqual([
      ["escalate", "High", "Engineering"],
      ["escalate", "Critical", "Engineering"],
      ["escalate", "Critical", "Engineering"],
      ["escalate", "High", "Leadership"],
    ]);
    for (const e of demoExamples) {
      for (const id of e.expect.relatedTickets)
        expect(tickets.find((t) => t.id === id && isOpen(t))).toBeDefined();
    }
  });

  it("no open story ticket is past its SLA (which would pull Leadership in)", () => {
    for (const id of storyTicketIds) {
      const ticket = tickets.find((t) => t.id === id);
      expect(ticket).toBeDefined();
      if (ticket) expect(slaRatio(ticket) ?? 0).toBeLessThanOrEqual(1);
    }
    for (const id of storyTicketIds) {
      const text = ticketText(tickets.find((t) => t.id === id) as Ticket);
      expect(text).not.toMatch(
        /lawyer|\blegal\b|\bpress\b|social media|\bCEO\b|\bVP\b|executive|unauthori[sz]ed|exposed|compliance|security/i,
      );
    }
  });
});

describe("story 1: API 500s for Acme Corp (escalate, High, Engineering)", () => {
  const acme = accountById("acme");
  const open = tickets.filter((t) => t.accountId === "acme" && isOpen(t));
  const ticket = open[0] as Ticket;

  it("Acme is a strategic Enterprise account worth 480000 with a deal closing within 90 days", () => {
    expect(acme).toMatchObject({ name: "Acme Corp", plan: "Enterprise", arr: 480000, strategic: true });
    expect(acme.aliases).toContain("Acme");
    expect(acme.domain).toMatch(/acme/);
    const soon = (acme.deals ?? []).filter(
      (d) => (Date.parse(d.closeDate ?? "") - anchor.getTime()) / DAY <= 90,
    );
    expect(soon.length).toBe(1);
  });

  it("has exactly one open, urgent ticket whose SLA is imminent (0.75..1.0)", () => {
    expect(open).toHaveLength(1);
    expect(ticket.priority).toBe("urgent");
    const ratio = slaRatio(ticket) ?? 0;
    expect(ratio).toBeGreaterThanOrEqual(0.75);
    expect(ratio).toBeLessThanOrEqual(1);
    expect(ageHours(ticket.createdAt)).toBeCloseTo(19, 5);
  });

  it("has a reproduction note, a public update and the customer's retries and business effect", () => {
    const comments = ticket.comments ?? [];
    const note = comments.find((c) => c.role === "internal")?.body ?? "";
    expect(note).toMatch(/POST \/v2\/work-orders\/bulk/);
    expect(note).toMatch(/\w+Exception/);
    expect(note).toMatch(/req_[0-9a-f]{8}/);
    expect(note).toMatch(/7\.42\.0/);
    expect(comments.some((c) => c.role === "agent" && c.public)).toBe(true);
    const customer = comments
      .filter((c) => c.role === "customer")
      .map((c) => c.body)
      .join(" ");
    expect(customer).toMatch(/retr/i);
    expect(customer).toMatch(/dispatchers|shift/i);
    expect(ticketText(ticket)).not.toMatch(/churn|not renew|cancel|competitor/i);
  });

  it("is linked to an in-progress bug and discussed in the engineering channel", () => {
    const bug = tracker.find((i) => i.ticketIds?.includes(ticket.id));
    expect(bug).toMatchObject({ type: "bug", status: "in_progress" });
    expect(ticket.trackerKeys).toContain(bug?.key);
    const engineering = bundle.team?.channels?.Engineering;
    expect(
      chat.filter((m) => m.channel === engineering && m.text.includes(bug?.key ?? "?")).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("has no KB workaround for it (only the unrelated 429 rate-limit limitation)", () => {
    const lowering = kb.filter(
      (a) => a.kind === "workaround" || a.kind === "known_issue" || a.kind === "limitation",
    );
    for (const a of lowering) expect(`${a.title} ${a.body}`).not.toMatch(/\b500\b|work-orders\/bulk|lock/i);
    expect(kb.some((a) => a.kind === "limitation" && /429/.test(a.title))).toBe(true);
  });
});

describe("story 2: export missing rows (escalate, Critical, Engineering)", () => {
  const exportTickets = tickets.filter(
    (t) => isOpen(t) && /export/i.test(ticketText(t)) && ageHours(t.createdAt) <= 7 * 24,
  );
  const ids = [...new Set(exportTickets.map((t) => t.accountId ?? ""))].sort();

  it("three distinct accounts reported it in the last 7 days, at least one high-value", () => {
    expect(ids).toHaveLength(3);
    expect(ids).toEqual(demoExamples[1]?.expect.accountIds);
    expect(ids.map(accountById).some(isHighValue)).toBe(true);
    for (const t of exportTickets)
      expect(ticketText(t)).toMatch(/missing rows|left out|short|fewer|not in the file/i);
  });

  it("is tracked as an open bug and no past fix exists", () => {
    const bug = tracker.find((i) => exportTickets.every((t) => i.ticketIds?.includes(t.id)));
    expect(bug).toMatchObject({ type: "bug", status: "open" });
    expect(tracker.filter((i) => i !== bug && /export/i.test(`${i.title} ${i.description ?? ""}`))).toEqual(
      [],
    );
    expect((bundle.escalations ?? []).filter((e) => /export/i.test(e.summary))).toEqual([]);
  });
});

describe("story 3: SSO login loop for all Enterprise customers (escalate, Critical, Engineering)", () => {
  const enterprise = accounts
    .filter((a) => a.plan === "Enterprise")
    .map((a) => a.id)
    .sort();
  const ssoTickets = tickets.filter(
    (t) => isOpen(t) && /\bsso\b/i.test(ticketText(t)) && /loop/i.test(ticketText(t)),
  );

  it("at least three Enterprise accounts opened tickets in the last 2 days, and one Enterprise account did not", () => {
    const affected = new Set(ssoTickets.map((t) => t.accountId ?? ""));
    expect(affected.size).toBeGreaterThanOrEqual(3);
    for (const t of ssoTickets) {
      expect(enterprise).toContain(t.accountId);
      expect(ageHours(t.createdAt)).toBeLessThanOrEqual(48);
      expect(slaRatio(t) ?? 0).toBeLessThanOrEqual(1);
      expect(ticketText(t)).toMatch(/cannot log in|can log in|can't log in|nobody can/i);
    }
    expect(enterprise.some((id) => !affected.has(id))).toBe(true);
    expect(demoExamples[2]?.expect.accountIds).toEqual(enterprise);
  });

  it("has an in-progress incident and engineering chat", () => {
    const incident = tracker.find((i) => i.type === "incident" && i.status === "in_progress");
    expect(incident?.ticketIds?.sort()).toEqual(ssoTickets.map((t) => t.id).sort());
    const engineering = bundle.team?.channels?.Engineering;
    expect(chat.some((m) => m.channel === engineering && m.text.includes(incident?.key ?? "?"))).toBe(true);
  });
});

describe("story 4: churn threat over a missing audit log (escalate, High, Leadership)", () => {
  const auditTickets = tickets.filter((t) => /audit log/i.test(ticketText(t)));

  it("exactly one high-value (by ARR, not strategic) account asks for it and threatens not to renew", () => {
    expect(auditTickets).toHaveLength(1);
    const ticket = auditTickets[0] as Ticket;
    expect(isOpen(ticket)).toBe(true);
    const account = accountById(ticket.accountId ?? "");
    expect(account.arr).toBeGreaterThanOrEqual(100000);
    expect(account.strategic).toBe(false);
    expect(account.reference).toBe(false);
    expect(ticketText(ticket)).toMatch(/will not renew/);
    expect(ticketText(ticket)).toMatch(/competitor/);
    expect(demoExamples[3]?.expect.accountIds).toEqual([account.id]);
  });

  it("is an open feature request with no bug", () => {
    const ticket = auditTickets[0] as Ticket;
    const linked = tracker.filter((i) => i.ticketIds?.includes(ticket.id));
    expect(linked.map((i) => [i.type, i.status])).toEqual([["feature", "open"]]);
    for (const a of kb) expect(`${a.title} ${a.body}`).not.toMatch(/audit|who changed/i);
  });
});

describe("generateScaledTickets", () => {
  const accountIds = ["acme", "quillon", "amber-logistics", "heron-foods"];
  const scaledAnchor = new Date("2025-06-02T12:00:00Z");

  it("yields count schema-valid tickets with unique ids, oldest first, inside the span", () => {
    const scaled = [...generateScaledTickets({ count: 600, seed: 3, anchor: scaledAnchor, accountIds })];
    expect(scaled).toHaveLength(600);
    for (const t of scaled) {
      expect(() => ticketSchema.parse(t)).not.toThrow();
      expect(Date.parse(t.createdAt)).toBeLessThanOrEqual(scaledAnchor.getTime());
      expect(Date.parse(t.createdAt)).toBeGreaterThanOrEqual(scaledAnchor.getTime() - 180 * DAY);
    }
    expect(new Set(scaled.map((t) => t.id)).size).toBe(600);
    const created = scaled.map((t) => Date.parse(t.createdAt));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(new Set(scaled.map((t) => t.subject)).size).toBeGreaterThan(150);
  });

  it("is deterministic for a seed", () => {
    const a = [...generateScaledTickets({ count: 50, seed: 9, anchor: scaledAnchor, accountIds })];
    const b = [...generateScaledTickets({ count: 50, seed: 9, anchor: scaledAnchor, accountIds })];
    expect(a).toEqual(b);
  });

  it("streams a whole bundle whose head and tickets pass the schema", () => {
    const head = generateScaledWorkspaceHead({ seed: 5, anchor: scaledAnchor });
    expect(head.accounts).toHaveLength(200);
    expect(new Set((head.accounts ?? []).map((a) => a.id)).size).toBe(200);
    expect(head.tickets).toBeUndefined();
    const json = [
      ...generateScaledBundleJson({ seed: 5, anchor: scaledAnchor, ticketCount: 120, accountCount: 30 }),
    ].join("");
    const parsed = bundleSchema.parse(JSON.parse(json));
    expect(parsed.tickets).toHaveLength(120);
    expect(parsed.accounts).toHaveLength(30);
    const ids = new Set((parsed.accounts ?? []).map((a) => a.id));
    for (const t of parsed.tickets ?? []) expect(ids).toContain(t.accountId ?? [...ids][0]);
  });
});
