import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Account, Comment, Ticket } from "../src/domain/bundle.js";
import { buildReproduction } from "../src/repro/extract.js";
import type { BuildReproductionInput } from "../src/repro/extract.js";
import { segmentText, splitSentences } from "../src/repro/passages.js";
import { assessReadiness } from "../src/repro/readiness.js";
import type { ReadinessInput } from "../src/repro/readiness.js";
import { checkReproduction, missingForRepro } from "../src/repro/rules.js";
import type { ReproRuleId } from "../src/repro/rules.js";
import type { Reproduction, Sourced } from "../src/repro/types.js";

// ---- fixtures ----

const ticket = (t: Partial<Ticket> & Pick<Ticket, "id" | "subject">): Ticket => ({
  status: "open",
  createdAt: "2026-10-28T14:00:00Z",
  ...t,
});

const comment = (
  role: Comment["role"],
  createdAt: string,
  body: string,
  isPublic = role !== "internal",
): Comment => ({
  author: role === "customer" ? "Ana Ruiz" : "Sam Ortiz",
  role,
  public: isPublic,
  createdAt,
  body,
});

const northwind: Account = { id: "northwind", name: "Northwind Freight", plan: "Enterprise", arr: 310000 };
const bluebell: Account = { id: "bluebell", name: "Bluebell Clinics", plan: "Business", arr: 52000 };
const maplewood: Account = { id: "maplewood", name: "Maplewood Studios", plan: "Pro", arr: 18000 };

const API_REPRO =
  "Reproduced on the staging sandbox with an Enterprise test account: POST /v3/shipments with more than 200 parcels returns 500 about 9% of the time.";
const API_CUSTOMER_ERROR =
  'Since 14:00 UTC on Monday about 1 in 8 calls to POST /v3/shipments fail with HTTP 500 Internal Server Error and body {"error":"internal_error","request_id":"req_4b7e21d9"}.';

/** A 500-error API ticket with an internal reproduction note, request ids and "Nothing changed on our side". */
const apiBug: BuildReproductionInput = {
  description: "Shipments API returning 500 errors for Northwind Freight",
  accounts: [northwind],
  tickets: [
    ticket({
      id: "T-2001",
      accountId: "northwind",
      subject: "Shipments API intermittently returning HTTP 500",
      description: `${API_CUSTOMER_ERROR} Retrying the same request usually succeeds. Nothing changed on our side — we have been on client version 5.2.0 since August.\nRequest IDs: req_4b7e21d9, req_77c0aa12, req_e51f0c38.`,
      comments: [
        comment(
          "agent",
          "2026-10-28T15:10:00Z",
          "Hi Ana, thanks for the request IDs. I can see the failed calls in our logs and have raised this with engineering. Next update within 4 hours.",
        ),
        comment(
          "internal",
          "2026-10-29T09:00:00Z",
          `${API_REPRO} Logs show LabelServiceTimeoutException after 3000 ms in label-service, starting with the v2026.10.27.3 deploy. Filed ENG-877.`,
        ),
        comment(
          "customer",
          "2026-10-29T13:00:00Z",
          "Still failing this morning — 230 shipments had to be re-sent by hand. When can we expect a fix?",
        ),
      ],
    }),
    ticket({
      id: "T-2002",
      accountId: "northwind",
      subject: "Bulk shipment upload failing",
      description:
        "When we upload a batch of 300 parcels from our WMS, the request fails with HTTP 500 after about 30 seconds.",
    }),
  ],
};

/** A UI bug with browser names, a steps list in an internal note and an expectation. */
const uiBug: BuildReproductionInput = {
  description: "CSV export does nothing in Firefox for Bluebell Clinics",
  accounts: [bluebell],
  tickets: [
    ticket({
      id: "T-3105",
      accountId: "bluebell",
      subject: "Export CSV button does nothing in Firefox",
      createdAt: "2026-11-03T08:00:00Z",
      description:
        'When I click the Export CSV button on the Appointments page in Firefox 128 on Windows 11, nothing downloads and the console shows "TypeError: blob is undefined". It works fine in Chrome 126 on the same machine. The export should download a CSV of the filtered appointments.',
      comments: [
        comment(
          "agent",
          "2026-11-03T10:00:00Z",
          "Thanks Omar, I can reproduce this in Firefox and have passed it to our developers.",
        ),
        comment(
          "internal",
          "2026-11-03T11:30:00Z",
          [
            "Steps to reproduce:",
            "1. Sign in as an Admin user on a Business plan test workspace with the new-exports feature flag enabled.",
            "2. Go to Appointments → filter Date = 2026-11-02.",
            "3. Click 'Export CSV' in the top-right.",
            "Firefox 128: nothing happens and the console logs TypeError: blob is undefined.",
            "Tested in Chrome 126 and Safari 17: the file downloads normally. Reproduces every time in Firefox, never in Chrome.",
          ].join("\n"),
        ),
      ],
    }),
  ],
};

/** A feature request: nothing to reproduce. */
const featureRequest: BuildReproductionInput = {
  description: "Maplewood Studios wants to schedule posts in each client's time zone",
  accounts: [maplewood],
  tickets: [
    ticket({
      id: "T-4410",
      accountId: "maplewood",
      subject: "Schedule posts in each client's time zone",
      description:
        "Our social team publishes for clients in Sydney, London and New York. Today every post is scheduled in our workspace time zone, so we convert times by hand in a spreadsheet. Could you add a per-post time zone option? Planify already offers this.",
      comments: [
        comment(
          "agent",
          "2026-10-28T16:00:00Z",
          "Thanks Jo — scheduling uses the workspace time zone today. I have added your use case to our feature request FEAT-512.",
        ),
        comment("customer", "2026-10-29T09:00:00Z", "We renew in March and this is the main gap for us."),
      ],
    }),
  ],
};

/** Only the customer describes the steps, inline and numbered. */
const customerSteps: BuildReproductionInput = {
  description: "Invoice PDF downloads blank for Maplewood Studios",
  accounts: [maplewood],
  tickets: [
    ticket({
      id: "T-4502",
      subject: "Blank invoice PDF",
      description:
        "Steps: 1. Open the Invoices page 2. Click 'Download PDF' on invoice INV-20931 3. Open the file in Acrobat. The PDF has the header but every line item is missing.",
      comments: [comment("agent", "2026-10-30T09:00:00Z", "Thanks, looking into it now.")],
    }),
  ],
};

const FIXTURES: Record<string, BuildReproductionInput> = { apiBug, uiBug, featureRequest, customerSteps };

// ---- helpers ----

const norm = (s: string): string => s.replace(/\s+/g, " ").trim();

const roleLabel = (c: Comment): string =>
  c.role === "internal"
    ? "internal note"
    : c.role === "agent"
      ? c.public === false
        ? "agent note"
        : "agent reply"
      : c.role === "customer"
        ? "customer comment"
        : c.public === false
          ? "internal note"
          : "comment";

/** Every input text by its source label (several comments can share one label). */
const textsBySource = (input: BuildReproductionInput): Map<string, string[]> => {
  const map = new Map<string, string[]>();
  const add = (label: string, text: string | undefined): void => {
    if (text !== undefined) map.set(label, [...(map.get(label) ?? []), norm(text)]);
  };
  add("description", input.description);
  for (const t of input.tickets) {
    add(`${t.id} subject`, t.subject);
    add(`${t.id} description`, t.description);
    for (const c of t.comments ?? []) add(`${t.id} ${roleLabel(c)} ${c.createdAt.slice(0, 10)}`, c.body);
  }
  for (const a of input.accounts) add(`account ${a.name}`, a.plan);
  return map;
};

const allSourced = (r: Reproduction): Sourced[] => [
  ...r.steps,
  ...(r.expected ? [r.expected] : []),
  ...(r.actual ? [r.actual] : []),
  ...r.environment,
  ...(r.frequency ? [r.frequency] : []),
  ...r.evidence,
  ...r.ruledOut,
  ...(r.startingState ? [r.startingState] : []),
];

/** Nothing is invented: each quote is in the text its source names (after white-space normalisation). */
const assertQuotedFromSource = (input: BuildReproductionInput, r: Reproduction): void => {
  const texts = textsBySource(input);
  for (const s of allSourced(r)) {
    const candidates = texts.get(s.source);
    expect(candidates, `unknown source ${s.source}`).toBeDefined();
    expect(
      candidates?.some((t) => t.includes(norm(s.text))),
      `"${s.text}" is not in ${s.source}`,
    ).toBe(true);
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
  }
  if (r.frequency) {
    if (r.frequency.rate !== null) expect(r.frequency.text).toContain(r.frequency.rate);
    if (r.frequency.condition !== null) expect(r.frequency.text).toContain(r.frequency.condition);
  }
};

const texts = (items: readonly Sourced[]): string[] => items.map((i) => i.text);

// ---- extraction ----

describe("buildReproduction on an API 500 ticket", () => {
  const r = buildReproduction(apiBug);

  it("takes the internal reproduction as the step, not the customer's prose", () => {
    expect(r.steps).toEqual([{ text: API_REPRO, source: "T-2001 internal note 2026-10-29" }]);
  });

  it("reads an intermittent frequency with its rate and condition from the reproduction", () => {
    expect(r.frequency).toEqual({
      text: API_REPRO,
      source: "T-2001 internal note 2026-10-29",
      pattern: "intermittent",
      rate: "9%",
      condition: "with more than 200 parcels",
    });
  });

  it.each([
    ["http_status", "HTTP 500 Internal Server Error", "T-2001 description"],
    ["error_body", '{"error":"internal_error","request_id":"req_4b7e21d9"}', "T-2001 description"],
    ["request_id", "req_4b7e21d9", "T-2001 description"],
    ["request_id", "req_77c0aa12", "T-2001 description"],
    ["request_id", "req_e51f0c38", "T-2001 description"],
    ["exception", "LabelServiceTimeoutException after 3000 ms", "T-2001 internal note 2026-10-29"],
  ])("quotes %s evidence %s", (kind, text, source) => {
    expect(r.evidence).toContainEqual({ kind, text, source });
  });

  it("keeps one line per status code", () => {
    expect(r.evidence.filter((e) => e.kind === "http_status")).toHaveLength(1);
  });

  it.each([
    ["plan", "Enterprise", "account Northwind Freight"],
    ["endpoint", "POST /v3/shipments", "T-2001 description"],
    ["version", "version 5.2.0", "T-2001 description"],
    ["deploy", "v2026.10.27.3 deploy", "T-2001 internal note 2026-10-29"],
    ["instance", "staging sandbox", "T-2001 internal note 2026-10-29"],
  ])("finds %s %s in the environment", (kind, text, source) => {
    expect(r.environment).toContainEqual({ kind, text, source });
  });

  it("lists what the customer ruled out, verbatim", () => {
    expect(r.ruledOut).toEqual([
      { text: "Retrying the same request usually succeeds.", source: "T-2001 description" },
      {
        text: "Nothing changed on our side — we have been on client version 5.2.0 since August.",
        source: "T-2001 description",
      },
    ]);
  });

  it("takes the starting state from the reproduction on a test account", () => {
    expect(r.startingState).toEqual({ text: API_REPRO, source: "T-2001 internal note 2026-10-29" });
  });

  it("quotes the customer's exact error as the actual result and invents no expectation", () => {
    expect(r.actual).toEqual({ text: API_CUSTOMER_ERROR, source: "T-2001 description" });
    expect(r.expected).toBeNull();
  });
});

describe("buildReproduction on a UI bug", () => {
  const r = buildReproduction(uiBug);
  const note = "T-3105 internal note 2026-11-03";

  it("takes the numbered steps from the internal note, in order", () => {
    expect(r.steps).toEqual([
      {
        text: "Sign in as an Admin user on a Business plan test workspace with the new-exports feature flag enabled.",
        source: note,
      },
      { text: "Go to Appointments → filter Date = 2026-11-02.", source: note },
      { text: "Click 'Export CSV' in the top-right.", source: note },
    ]);
  });

  it("splits expected from actual", () => {
    expect(r.expected).toEqual({
      text: "The export should download a CSV of the filtered appointments.",
      source: "T-3105 description",
    });
    expect(r.actual?.source).toBe("T-3105 description");
    expect(r.actual?.text).toContain('the console shows "TypeError: blob is undefined"');
  });

  it("names browsers, OS, plan and feature flag without duplicates", () => {
    const env = r.environment.map((e) => `${e.kind}:${e.text}`);
    expect(env).toEqual(
      expect.arrayContaining([
        "plan:Business",
        "browser:Firefox 128",
        "browser:Chrome 126",
        "browser:Safari 17",
        "os:Windows 11",
        "feature_flag:new-exports feature flag",
      ]),
    );
    expect(env).not.toContain("browser:Firefox");
    expect(env.filter((e) => e.startsWith("plan:"))).toHaveLength(1);
  });

  it("reads 'every time' as always, from our reproduction", () => {
    expect(r.frequency).toMatchObject({
      text: "Reproduces every time in Firefox, never in Chrome.",
      source: note,
      pattern: "always",
      rate: null,
    });
  });

  it("quotes the console error once", () => {
    expect(r.evidence).toEqual([
      { kind: "exception", text: "TypeError: blob is undefined", source: "T-3105 description" },
    ]);
  });

  it("records the browsers where it works as ruled out", () => {
    expect(texts(r.ruledOut)).toEqual([
      "It works fine in Chrome 126 on the same machine.",
      "Tested in Chrome 126 and Safari 17: the file downloads normally.",
    ]);
  });

  it("starts from the admin, plan and flag setup", () => {
    expect(r.startingState?.text).toMatch(/^Sign in as an Admin user/);
  });
});

describe("buildReproduction on a feature request", () => {
  const r = buildReproduction(featureRequest);

  it("finds nothing to reproduce and invents nothing", () => {
    expect(r).toEqual({
      steps: [],
      expected: null,
      actual: null,
      environment: [{ kind: "plan", text: "Pro", source: "account Maplewood Studios" }],
      frequency: null,
      evidence: [],
      ruledOut: [],
      startingState: null,
    });
  });
});

describe("buildReproduction with only customer steps", () => {
  it("uses the customer's inline numbered list when support has no reproduction", () => {
    const r = buildReproduction(customerSteps);
    expect(r.steps).toEqual([
      { text: "Open the Invoices page", source: "T-4502 description" },
      { text: "Click 'Download PDF' on invoice INV-20931", source: "T-4502 description" },
      { text: "Open the file in Acrobat.", source: "T-4502 description" },
    ]);
  });

  it("prefers the escalator's own numbered steps in the description over ticket prose", () => {
    const r = buildReproduction({
      ...customerSteps,
      description:
        "Blank invoice PDF.\n1. Open Invoices → INV-20931\n2. Click 'Download PDF'\n3. Every line item is missing",
    });
    expect(texts(r.steps)).toEqual([
      "Open Invoices → INV-20931",
      "Click 'Download PDF'",
      "Every line item is missing",
    ]);
    expect(r.steps.every((s) => s.source === "description")).toBe(true);
  });
});

describe("sentences", () => {
  it.each([
    [
      "versions and decimals stay whole",
      "Broke in v2026.11.09.2 at 99.5% load. Filed ENG-1.",
      ["Broke in v2026.11.09.2 at 99.5% load.", "Filed ENG-1."],
    ],
    [
      "abbreviations do not end sentences",
      "Use a browser, e.g. Chrome. Then retry.",
      ["Use a browser, e.g. Chrome.", "Then retry."],
    ],
    [
      "an IP address stays whole",
      "Login from 185.220.101.47 at 02:14. MFA skipped.",
      ["Login from 185.220.101.47 at 02:14.", "MFA skipped."],
    ],
    [
      "quoted endings split after the quote",
      "It failed with 'Timed out'. Retry works.",
      ["It failed with 'Timed out'.", "Retry works."],
    ],
    [
      "a note written in lower case still splits, an e-mail domain and an abbreviation do not",
      "cx from @acme-plumbing.com says jobs show up twice. same tech, approx. two copies. repro'd on staging",
      ["cx from @acme-plumbing.com says jobs show up twice.", "same tech, approx. two copies.", "repro'd on staging"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it("keeps hard-wrapped prose together and list lines apart", () => {
    const segs = segmentText(
      "The export stops\nafter the first page.\nSteps:\n- open Reports\n- click Export",
    );
    expect(segs).toEqual([
      { text: "The export stops after the first page.", list: null },
      { text: "Steps:", list: null },
      { text: "open Reports", list: 0 },
      { text: "click Export", list: 0 },
    ]);
  });
});

// ---- nothing is invented ----

interface Scenario {
  input: { description: string };
  workspace: { tickets?: Ticket[]; accounts?: Account[] };
  expected: { relatedTickets?: string[]; accountIds?: string[] };
}

const scenarioDir = fileURLToPath(new URL("../../shared/scenarios/", import.meta.url));
const scenarios: Array<[string, BuildReproductionInput]> = existsSync(scenarioDir)
  ? readdirSync(scenarioDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => {
        const s = JSON.parse(readFileSync(`${scenarioDir}${f}`, "utf8")) as Scenario;
        const related = s.expected.relatedTickets ?? [];
        return [
          f,
          {
            description: s.input.description,
            tickets: (s.workspace.tickets ?? []).filter((t) => related.includes(t.id)),
            accounts: (s.workspace.accounts ?? []).filter((a) =>
              (s.expected.accountIds ?? []).includes(a.id),
            ),
          },
        ];
      })
  : [];

describe("every quote comes from the text its source names", () => {
  it.each(Object.entries(FIXTURES))("fixture %s", (_name, input) => {
    assertQuotedFromSource(input, buildReproduction(input));
  });

  it.runIf(scenarios.length > 0).each(scenarios)("shared scenario %s", (_name, input) => {
    assertQuotedFromSource(input, buildReproduction(input));
  });

  it("holds for generated ticket text", () => {
    const pieces = fc.constantFrom(
      "Reproduced on staging:",
      "POST /v2/orders",
      "returns 500",
      "HTTP 503 Service Unavailable",
      "about 7% of the time",
      "1 in 12 calls",
      "with more than 50 items",
      "Nothing changed on our side",
      "Tested in Chrome and Firefox",
      "should show all rows",
      "but",
      "instead",
      "1.",
      "2.",
      "click 'Export'",
      "when I click Save",
      '{"error":"bad"}',
      "req_1a2b3c4d",
      "TypeError: x is undefined",
      "Safari 18 on macOS",
      "v1.2.3",
      "Thanks Jo,",
      "e.g.",
      "—",
      "?",
      ".",
      "\n",
      "  ",
    );
    const prose = fc.array(pieces, { maxLength: 25 }).map((p) => p.join(" "));
    fc.assert(
      fc.property(
        prose,
        prose,
        prose,
        fc.constantFrom<Comment["role"]>("agent", "internal", "customer", undefined),
        (description, body, commentBody, role) => {
          const input: BuildReproductionInput = {
            description,
            accounts: [northwind],
            tickets: [
              ticket({
                id: "T-9",
                subject: body.slice(0, 40),
                description: body,
                comments: [comment(role, "2026-10-29T09:00:00Z", commentBody)],
              }),
            ],
          };
          assertQuotedFromSource(input, buildReproduction(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---- rules ----

const ALL_RULES: ReproRuleId[] = [
  "clean_state",
  "specific",
  "exact_values",
  "environment",
  "frequency",
  "evidence",
  "ruled_out",
];

describe("checkReproduction", () => {
  it.each<[string, BuildReproductionInput, ReproRuleId[]]>([
    ["API bug with an internal repro", apiBug, ALL_RULES],
    ["UI bug with a steps list", uiBug, ALL_RULES],
    ["feature request", featureRequest, []],
    ["customer-only steps", customerSteps, ["specific", "exact_values"]],
  ])("%s passes exactly the expected rules", (_name, input, passing) => {
    const checks = checkReproduction(buildReproduction(input));
    expect(checks.map((c) => c.rule)).toEqual(ALL_RULES);
    expect(checks.filter((c) => c.ok).map((c) => c.rule)).toEqual(passing);
    for (const c of checks) expect(c.detail.length).toBeGreaterThan(0);
  });

  it.each<[string, Partial<Reproduction>, ReproRuleId, boolean]>([
    [
      "a vague step fails rule 2",
      { steps: [{ text: "Try to export the report", source: "x" }] },
      "specific",
      false,
    ],
    [
      "a placeholder fails rule 3",
      { steps: [{ text: "Enter some data in the Name field 2 times", source: "x" }] },
      "exact_values",
      false,
    ],
    [
      "an endpoint and a plan satisfy rule 4",
      {
        environment: [
          { kind: "endpoint", text: "GET /v1/x", source: "x" },
          { kind: "plan", text: "Pro", source: "x" },
        ],
      },
      "environment",
      true,
    ],
    [
      "a plan alone does not satisfy rule 4",
      { environment: [{ kind: "plan", text: "Pro", source: "x" }] },
      "environment",
      false,
    ],
  ])("%s", (_name, patch, rule, ok) => {
    const empty: Reproduction = {
      steps: [],
      expected: null,
      actual: null,
      environment: [],
      frequency: null,
      evidence: [],
      ruledOut: [],
      startingState: null,
    };
    expect(checkReproduction({ ...empty, ...patch }).find((c) => c.rule === rule)?.ok).toBe(ok);
  });
});

describe("missingForRepro", () => {
  it("asks only for the expected result when the API repro is otherwise complete", () => {
    expect(missingForRepro(buildReproduction(apiBug))).toEqual([
      'Expected: state what should happen (the template\'s "Expected" line)',
    ]);
  });

  it("names what the environment lacks", () => {
    const lines = missingForRepro(buildReproduction(featureRequest));
    expect(lines).toContain("Environment: add browser/OS (or the API endpoint) and feature flags (rule 4)");
    expect(lines.some((l) => l.startsWith("Steps:") && l.includes("(rule 2)"))).toBe(true);
    expect(lines).toHaveLength(9);
  });

  it("matches the practice's wording when nothing is known", () => {
    const lines = missingForRepro({ ...buildReproduction(featureRequest), environment: [] });
    expect(lines).toContain(
      "Environment: add browser/OS (or the API endpoint), plan and feature flags (rule 4)",
    );
  });
});

// ---- readiness ----

const complete: ReadinessInput = {
  isBug: true,
  reproChecks: checkReproduction(buildReproduction(apiBug)),
  impactQuantified: true,
  hasSpecificAsk: true,
  hasDeadline: true,
  hasCustomerCommunication: true,
  hasEvidence: true,
};

describe("assessReadiness", () => {
  const partialChecks = checkReproduction(buildReproduction(customerSteps));

  it.each<[string, number, ReadinessInput]>([
    ["complete bug brief", 100, complete],
    ["bug brief without a reproduction", 65, { ...complete, reproChecks: null }],
    ["bug brief with a thin reproduction (2 of 7 rules)", 75, { ...complete, reproChecks: partialChecks }],
    ["non-bug brief, complete", 100, { ...complete, isBug: false, reproChecks: null }],
    [
      "non-bug brief without impact",
      69,
      { ...complete, isBug: false, reproChecks: null, impactQuantified: false },
    ],
    [
      "empty brief",
      0,
      {
        isBug: true,
        reproChecks: null,
        impactQuantified: false,
        hasSpecificAsk: false,
        hasDeadline: false,
        hasCustomerCommunication: false,
        hasEvidence: false,
      },
    ],
  ])("%s scores %i", (_name, score, input) => {
    expect(assessReadiness(input).score).toBe(score);
  });

  it("orders briefs sensibly", () => {
    const score = (i: ReadinessInput): number => assessReadiness(i).score;
    expect(score(complete)).toBeGreaterThan(score({ ...complete, reproChecks: partialChecks }));
    expect(score({ ...complete, reproChecks: partialChecks })).toBeGreaterThan(
      score({ ...complete, reproChecks: null }),
    );
    // A missing repro costs more than a missing deadline, ask or customer update.
    for (const other of [
      "hasDeadline",
      "hasSpecificAsk",
      "hasCustomerCommunication",
      "impactQuantified",
    ] as const) {
      expect(score({ ...complete, [other]: false })).toBeGreaterThan(
        score({ ...complete, reproChecks: null }),
      );
    }
  });

  it("has only strengths when complete", () => {
    const r = assessReadiness(complete);
    expect(r.improvements).toEqual([]);
    expect(r.strengths).toContain("Reproduction follows all seven rules");
  });

  it.each<[string, Partial<ReadinessInput>, RegExp]>([
    ["missing repro", { reproChecks: null }, /^Add reproduction steps.*best practice 2/],
    [
      "thin repro",
      { reproChecks: partialChecks },
      /^Complete the reproduction \(best practice 2\): start from a clean state; note the environment/,
    ],
    ["no impact", { impactQuantified: false }, /^Quantify impact.*best practice 1/],
    ["no ask", { hasSpecificAsk: false }, /"investigate", "fix" or "decide" \(best practice 3\)/],
    ["no deadline", { hasDeadline: false }, /deadline.*best practice 4/],
    ["no customer update", { hasCustomerCommunication: false }, /customer.*best practice 5/],
    ["no evidence", { hasEvidence: false }, /^Document everything.*best practice 7/],
  ])("%s is listed as an improvement", (_name, patch, line) => {
    const r = assessReadiness({ ...complete, ...patch });
    expect(r.improvements).toHaveLength(1);
    expect(r.improvements[0]).toMatch(line);
  });

  it("does not ask a feature request for reproduction steps", () => {
    const r = assessReadiness({ ...complete, isBug: false, reproChecks: null });
    expect(r.improvements.join(" ")).not.toMatch(/reproduction/i);
    expect(r.strengths.join(" ")).not.toMatch(/reproduction/i);
  });
});
