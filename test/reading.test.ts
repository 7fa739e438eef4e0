/**
 * Reading text by composition and by what is not the problem: security cues composed of who ×
 * action × anomaly with negation, the clauses that say what still works, words of other languages,
 * and `--customer` values that name an account by its distinctive words.
 */
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../src/config/load-policy.js";
import type { Account } from "../src/domain/bundle.js";
import { compileComposition } from "../src/intake/compositions.js";
import { compileVocabulary, findHits } from "../src/intake/cues.js";
import { findCustomersInText, resolveCustomer } from "../src/intake/customers.js";
import { problemText } from "../src/intake/working-clauses.js";
import { buildLexicon, conceptsOf } from "../src/match/lexicon.js";

const policy = loadPolicy();
const vocabulary = compileVocabulary(policy);
const security = (text: string) => findHits(text, vocabulary.natures, "t", ["security"]).length > 0;

describe("compositions", () => {
  const negations = policy.vocabulary.negations;
  const stillGetsIn = compileComposition(
    { slots: { who: ["former", "let go"], act: ["login", "export"], anomaly: ["still"] }, negatable: "act" },
    negations,
  );

  it("holds when every slot is said, and not when the action is negated", () => {
    expect(stillGetsIn.test("A former planner still logs in every morning")).toBe(true);
    expect(stillGetsIn.test("The former planner can no longer log in, still waiting on IT")).toBe(false);
    expect(stillGetsIn.test("A former planner asked about exports")).toBe(false);
  });

  it("asks all slots to be near each other when `within` is set", () => {
    const pasted = compileComposition(
      { slots: { secret: ["api key"], put: ["pasted"], where: ["ticket"] }, within: 6 },
      negations,
    );
    expect(pasted.test("they pasted their API key in a ticket reply by mistake")).toBe(true);
    expect(
      pasted.test(
        "after rotating the api key every call failed with 401 and later they pasted the whole log into the ticket",
      ),
    ).toBe(false);
  });

  it("reads words of other languages through the translations", () => {
    const english = new Map([["factura", "invoic"]]); // by the word as written
    const c = compileComposition({ slots: { what: ["invoice"], who: ["other"] } }, negations, english);
    expect(c.test("veo la factura de other cliente")).toBe(true);
  });

  it.each([
    ["a site manager they let go on the 3rd is still getting into the mobile app", true],
    ["Marco (kitchen mgr they let go 2 wks ago). his name is still showing up in the void log", true],
    ["agent at sunway sees trips for travellers of another agency in her bookings list", true],
    ["the customer pasted their API key in a ticket reply by mistake", true],
    ["admin logins nobody recognises, from another country", true],
    ["changing the class id in the URL opens classes the teacher is not assigned to", true],
    ["their nightly sync started failing this morning with 401 Unauthorized", false],
    ['POST /v2/manifests -> 401 {"message":"API key rh_live_****9f2c has been revoked"}', false],
    ["she could see a personal statement and a passport scan that aren't hers", true],
    ["their integration guy pasted the whole connector config into ticket 5512, client_secret and all", true],
    ["a user forgot her password and is locked out", false],
    ["the former employee's account was removed and can no longer log in", false],
    ["our Zap has been firing hours late since yesterday; the log shows Queued", false],
  ])("security: %s -> %s", (text, expected) => {
    expect(security(text)).toBe(expected);
  });
});

describe("beyond support, by composition", () => {
  const complexity = (text: string) => findHits(text, vocabulary.cues, "t", ["complexity"]).length > 0;
  it.each([
    ["I've gone through every KB article and the API docs and still can't work out what's causing it", true],
    ["we've exhausted the documentation and can't diagnose it", true],
    ["not sure what else to try on our side, this is beyond what I can troubleshoot", true],
    ["we can't figure out how to export the report", false],
    ["I don't know why the export is missing rows", false],
  ])("%s -> %s", (text, expected) => {
    expect(complexity(text)).toBe(expected);
  });
});

describe("what still works is not the problem", () => {
  const worksFine = policy.vocabulary.cues.worksFine.map((p) => new RegExp(p, "i"));
  const read = (text: string) => problemText(text, worksFine, policy.vocabulary.negations);

  it.each([
    ["portal shows the buttons in English since the update; invoice downloads work", "invoice"],
    ["slots show as free in booking. the other 6 practitioners are fine", "practitioners"],
    ["Works in Chrome but not in Safari", "Chrome"],
  ])("drops the working clause of %j", (text, gone) => {
    expect(read(text)).not.toContain(gone);
  });

  it.each([
    "nothing works since the update",
    "the export stopped working on Monday",
    "work orders from the portal are missing",
  ])("keeps a problem that mentions work: %j", (text) => {
    expect(read(text).replace(/\.\s*$/, "")).toBe(text);
  });
});

describe("tickets in other languages", () => {
  const lexicon = buildLexicon(policy);
  const keys = (text: string) => new Set(conceptsOf(text, lexicon).map((c) => c.key));

  it("reads a German, French or Spanish word as the English concept", () => {
    const english = keys("invoice reminder");
    for (const text of ["Rechnung Erinnerung", "facture rappel", "factura recordatorio"])
      expect(keys(text)).toEqual(english);
  });

  it("drops the other languages' function words", () => {
    expect(keys("Rechnungen werden nicht verschickt").size).toBe(2);
  });
});

describe("--customer by its distinctive words", () => {
  const accounts: Account[] = [
    { id: "springfield", name: "City of Springfield" },
    { id: "ashby", name: "Town of Ashby Falls" },
    { id: "hollis", name: "Hollis Family Pharmacies Inc", aliases: ["Hollis Rx"] },
    { id: "pinecrest", name: "Pinecrest Pharmacy Group" },
    { id: "delinde", name: "Melkveebedrijf Hoeve de Linde" },
    { id: "lindenhof", name: "Lindenhof Dairy" },
  ];
  const resolve = (value: string) =>
    resolveCustomer(value, accounts, policy.vocabulary.legalSuffixes)?.accountId;

  it.each([
    ["Springfeild", "springfield"],
    ["Hollis Pharmacy", "hollis"],
    ["de Linde", "delinde"],
  ])("%s -> %s", (value, id) => {
    expect(resolve(value)).toBe(id);
  });

  it("finds a one-word typo of a distinctive name word in the description, never the plain word", () => {
    const named = (text: string) =>
      findCustomersInText(text, accounts, policy.vocabulary.legalSuffixes).map((l) => l.accountId);
    expect(named("springfeild bldg dept called me directly")).toEqual(["springfield"]);
    // "pharmacies" is in two accounts' names; "springfield" written right is left to the name rules
    expect(named("two pharmacies called about lindenhoff and the springfield office")).toEqual([
      "lindenhof",
    ]);
  });

  it("guesses nothing from words many accounts share or none holds", () => {
    expect(resolve("Pharmacy")).toBeUndefined();
    expect(resolve("City of Town")).toBeUndefined();
    expect(resolve("Globex Industries")).toBeUndefined();
  });
});
