/**
 * Intake: customers by name, alias, domain, e-mail and typo; segments; times; signatures.
 */
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../src/config/load-policy.js";
import type { Account } from "../src/domain/bundle.js";
import {
  editDistance,
  findAccountsNamedIn,
  findCustomersInText,
  indexAccountNames,
  resolveCustomer,
} from "../src/intake/customers.js";
import { intake } from "../src/intake/intake.js";
import { findSegment } from "../src/intake/segments.js";
import { extractSignatures } from "../src/intake/signatures.js";
import { indexPhrasesOf, tokenize } from "../src/intake/text.js";
import { findFrequency, findStatedDuration } from "../src/intake/times.js";

const policy = loadPolicy();
const suffixes = policy.vocabulary.legalSuffixes;
const accounts: Account[] = [
  {
    id: "acme",
    name: "Acme Corp",
    aliases: ["ACME Corporation"],
    domain: "acmecorp.com",
    plan: "Enterprise",
    contacts: [{ name: "Priya", email: "priya@acme-mail.net" }],
  },
  { id: "pioneer", name: "Pioneer Freight Lines", domain: "pioneerfreight.com", plan: "Enterprise" },
  { id: "alder", name: "Alder & Stone Architects", domain: "alderstone.co", plan: "Starter" },
  { id: "bramble", name: "Bramble and Finch", plan: "Business" },
  { id: "summit", name: "Summit Outdoor Gear", plan: "Business" },
];
const ids = (text: string) =>
  findCustomersInText(text, accounts, suffixes)
    .map((l) => l.accountId)
    .sort();

describe("customer linking in text", () => {
  it.each([
    ["API 500s for Acme Corp since Tuesday", ["acme"]],
    ["acme corp's export is broken", ["acme"]],
    ["ACME Corporation cannot log in", ["acme"]],
    ["Acme Crop says the API is down", ["acme"]],
    ["ops@acmecorp.com reports 500s", ["acme"]],
    ["priya@acme-mail.net reports 500s", ["acme"]],
    ["reports failing for Pioneer since Monday", ["pioneer"]],
    ["Alder & Stone's emails are not arriving", ["alder"]],
    ["Bramble & Finch want multi-currency", ["bramble"]],
    ["Corvid and Pebblestone are unaffected", []],
    ["we reached the summit of our patience", []],
    ["Pioneering work on exports", []],
  ])("%s -> %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe("accounts named in staff notes", () => {
  const index = indexAccountNames(accounts, suffixes);
  const named = (text: string) =>
    findAccountsNamedIn(text, index)
      .map((l) => l.accountId)
      .sort();
  it.each([
    ["Same as Alder & Stone (Sept) and Bramble and Finch (Oct): zone setting", ["alder", "bramble"]],
    ["like acme corp's ticket last month", ["acme"]],
    ["saw this at Pioneer in October", ["pioneer"]],
    ["mailed ops at acmecorp.com", ["acme"]],
    ["a pioneer of the format; we reached the summit", []],
    ["the customer's own script", []],
  ])("%s -> %j", (text, expected) => {
    expect(named(text)).toEqual(expected);
  });
});

describe("--customer resolution", () => {
  it.each([
    ["Acme Corp", "acme"],
    ["acme", "acme"],
    ["acmecorp.com", "acme"],
    ["someone@acmecorp.com", "acme"],
    ["Pioneer Fraight Lines", "pioneer"],
    ["Alder & Stone Architects Ltd", "alder"],
    ["Alder & Stone", "alder"],
  ])("%s -> %s", (value, id) => {
    expect(resolveCustomer(value, accounts, suffixes)?.accountId).toBe(id);
  });

  it("returns null below the typo threshold instead of guessing", () => {
    expect(resolveCustomer("Globex", accounts, suffixes)).toBeNull();
    expect(resolveCustomer("Acne Group Holdings", accounts, suffixes)).toBeNull();
  });

  it("counts a swap of two letters as one edit", () => {
    expect(editDistance("corp", "crop")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("keeps an unknown customer visible instead of dropping it", () => {
    const facts = intake(
      { description: "500 errors", customer: "Nobody Inc" },
      accounts,
      policy,
      new Date("2026-11-10T00:00:00Z"),
    );
    expect(facts.unresolvedCustomer).toBe("Nobody Inc");
    expect(facts.customers).toEqual([]);
  });
});

describe("segments", () => {
  const seg = (text: string) => findSegment(text, accounts, policy.vocabulary.segments);
  it.each([
    ["SSO login loop affecting all Enterprise customers", "Enterprise", []],
    ["seems to hit every Business-plan account", "Business", []],
    ["all our EU enterprise tenants see blank pages", "Enterprise", ["EU"]],
    ["SSO broken for Enterprise customers", "Enterprise", []],
    ["customers on the Starter plan cannot export", "Starter", []],
  ])("%s", (text, plan, qualifiers) => {
    const s = seg(text);
    expect(s?.plan).toBe(plan);
    expect(s?.qualifiers).toEqual(qualifiers);
    expect(s?.accountIds).toEqual(accounts.filter((a) => a.plan === plan).map((a) => a.id));
  });
  it("does not read one customer on a plan as a segment", () => {
    expect(seg("an Enterprise customer cannot export")).toBeNull();
  });
});

describe("stated times and frequency", () => {
  const now = new Date("2026-11-12T13:00:00Z"); // a Thursday
  it.each([
    ["reports failing for 3+ days", 72],
    ["still broken after more than a week", 168],
    ["for two weeks now", 336],
    ["nothing since yesterday", 25],
  ])("%s -> about %d hours", (text, hours) => {
    expect(findStatedDuration(text, now)?.hours).toBeGreaterThanOrEqual(hours - 12);
    expect(findStatedDuration(text, now)?.hours).toBeLessThanOrEqual(hours + 12);
  });
  it("reads 'since last Tuesday' with the clock given", () => {
    const d = findStatedDuration("broken since last Tuesday", now);
    expect(d?.hours).toBeGreaterThan(24 * 2);
    expect(d?.hours).toBeLessThan(24 * 10);
  });
  it("finds no duration where none is stated", () => {
    expect(findStatedDuration("API returning 500 errors for Acme", now)).toBeNull();
  });
  it("dates the problem by 'on <date>' only when the clause says the problem happened then", () => {
    const broke = findStatedDuration("the nightly sync broke on Nov 3 and nothing since", now);
    expect(broke?.hours).toBeGreaterThan(24 * 8);
    expect(broke?.hours).toBeLessThan(24 * 10);
    // the date something else happened is not when the problem started
    expect(findStatedDuration("the export is short 4 drivers we moved to linehaul on 11/2", now)).toBeNull();
    expect(findStatedDuration("they go live on Nov 1 with the new plan", now)).toBeNull();
  });
  it.each([
    ["intermittently failing", "intermittent"],
    ["about 1 in 12 calls fail", "intermittent"],
    ["fails every time we export", "always"],
  ])("%s -> %s", (text, kind) => {
    expect(findFrequency(text)?.kind).toBe(kind);
  });
});

describe("error signatures", () => {
  it("reads HTTP codes, exception names, error constants and quoted errors", () => {
    const s = extractSignatures(
      "POST /v2/orders fails with HTTP 500; trace shows ReservationTimeoutException. Page says ERR_TOO_MANY_REDIRECTS and 'File exceeds maximum of 10,000 rows'. 600 technicians.",
    );
    expect(s.httpCodes).toEqual(["500"]);
    expect(s.names).toEqual(
      expect.arrayContaining(["ReservationTimeoutException", "ERR_TOO_MANY_REDIRECTS"]),
    );
    expect(s.quoted).toEqual(["File exceeds maximum of 10,000 rows"]);
  });
});

describe("tokens: one idea said many ways", () => {
  it.each([
    ["keeps logging me out"],
    ["GMs getting kicked out while building schedules"],
    ["get bounced back to the sign-in page every 15 minutes"],
    ["session expires way too fast"],
    ["your session has expired"],
    ["App signs coordinators out randomly"],
    ["coordinators get signed out"],
    ["click Log Off"],
    ["the sign-out link"],
  ])("%s says logout", (text) => {
    expect(tokenize(text)).toContain("logout");
  });

  it.each([
    ["the budget needs manager sign-off"],
    ["we kicked off the migration"],
    ["the card expired"],
    ["the reset link expired"],
    ["the audit log out of date"],
    ["log entries out of order"],
    ["the server logs ran out of space"],
    ["the training session ended early"],
  ])("%s does not", (text) => {
    expect(tokenize(text)).not.toContain("logout");
  });

  it("keeps the sign-in page after being bounced back to it", () => {
    expect(tokenize("bounced back to the sign-in page")).toEqual(["logout", "signin", "page"]);
  });

  it("searches the full-text index for a joined word as the phrases it stands for", () => {
    expect(indexPhrasesOf("logout").length).toBeGreaterThan(0);
    expect(indexPhrasesOf("export")).toEqual([]);
  });
});
