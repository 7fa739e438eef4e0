/**
 * Links the customers an issue is about to CRM accounts: by name, alias, domain and e-mail
 * domain, tolerant of case, punctuation, possessives, legal suffixes and small typos (a bounded
 * edit distance, never a guess below it).
 */
import type { Account } from "../domain/bundle.js";
import { stem } from "./text.js";

/** How an account was recognised. */
export type LinkHow = "name" | "alias" | "domain" | "email" | "fuzzy";

/** One linked account, with the words that linked it. */
export interface CustomerLink {
  accountId: string;
  how: LinkHow;
  matched: string;
}

interface Variant {
  accountId: string;
  tokens: string[];
  how: LinkHow;
}

/** Normalises a company name or text for comparison: lower case, no possessives or punctuation. */
export function normalizeName(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]s\b/g, "")
      .replace(/['’]/g, "")
      .replace(/&/g, " ")
      .split(/[^\p{L}\p{N}]+/u)
      // "Cinder & Sage", "Cinder and Sage" and "cinder n sage" are one name
      .filter((t) => t.length > 0 && t !== "and" && t !== "n")
  );
}

function variantsOf(account: Account, legalSuffixes: ReadonlySet<string>): Variant[] {
  const out: Variant[] = [];
  const add = (text: string, how: LinkHow) => {
    const tokens = normalizeName(text);
    if (tokens.length > 0) out.push({ accountId: account.id, tokens, how });
  };
  add(account.name, "name");
  const name = normalizeName(account.name);
  const core = [...name];
  while (core.length > 1 && legalSuffixes.has(core[core.length - 1] ?? "")) core.pop();
  if (core.length < name.length) out.push({ accountId: account.id, tokens: core, how: "name" });
  // "Alder & Stone Architects" is also written "Alder & Stone"
  if (core.length >= 3) out.push({ accountId: account.id, tokens: core.slice(0, 2), how: "name" });
  for (const alias of account.aliases ?? []) add(alias, "alias");
  if (account.domain) {
    out.push({ accountId: account.id, tokens: [account.domain.toLowerCase()], how: "domain" });
    const label = account.domain.toLowerCase().split(".")[0] ?? "";
    if (label.length >= 5) out.push({ accountId: account.id, tokens: [label], how: "domain" });
  }
  return out;
}

const EMAIL = /[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})/gi;

/** Accounts whose domain, or one of whose contacts, matches an e-mail address. */
export function accountsForEmail(email: string, accounts: readonly Account[]): string[] {
  const lower = email.toLowerCase();
  const domain = lower.split("@")[1] ?? "";
  return accounts
    .filter(
      (a) =>
        (a.domain && (domain === a.domain.toLowerCase() || domain.endsWith(`.${a.domain.toLowerCase()}`))) ||
        (a.contacts ?? []).some((c) => c.email?.toLowerCase() === lower),
    )
    .map((a) => a.id);
}

const sameSeq = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Optimal-string-alignment distance: edits, with a swap of two neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...new Array<number>(b.length).fill(0),
  ]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Close enough to be a typo: same first letter, and at most one edit per 7 letters. */
function fuzzyEqual(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || a[0] !== b[0] || a === b) return false;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 7));
}

/** Finds the accounts named in free text (the description). */
export function findCustomersInText(
  text: string,
  accounts: readonly Account[],
  legalSuffixes: readonly string[],
): CustomerLink[] {
  const suffixes = new Set(legalSuffixes);
  const tokens = normalizeName(text);
  const links = new Map<string, CustomerLink>();
  const lowerText = text.toLowerCase();
  const shortNames = new Map<string, string[]>();
  for (const account of accounts) {
    for (const v of variantsOf(account, suffixes)) {
      if (links.has(account.id)) break;
      if (v.how === "domain") {
        const d = v.tokens[0] ?? "";
        if (d.includes(".") ? lowerText.includes(d) : tokens.includes(d)) {
          links.set(account.id, { accountId: account.id, how: "domain", matched: d });
        }
        continue;
      }
      const n = v.tokens.length;
      // a one-word variant must be distinctive: an alias, or a name of 5+ letters
      if (n === 1 && v.how === "name" && (v.tokens[0]?.length ?? 0) < 5) continue;
      for (let i = 0; i + n <= tokens.length; i++) {
        const window = tokens.slice(i, i + n);
        if (sameSeq(window, v.tokens)) {
          links.set(account.id, { accountId: account.id, how: v.how, matched: v.tokens.join(" ") });
          break;
        }
        if (n >= 2 && fuzzyEqual(window.join(" "), v.tokens.join(" "))) {
          links.set(account.id, { accountId: account.id, how: "fuzzy", matched: window.join(" ") });
          break;
        }
      }
    }
  }
  // a shortened name ("Pioneer" for "Pioneer Freight Lines"): the first word of a multi-word name,
  // written capitalised inside a sentence, and shared by no other account
  for (const account of accounts) {
    if (links.has(account.id)) continue;
    const first = normalizeName(account.name)[0];
    if (!first || first.length < 4 || normalizeName(account.name).length < 2) continue;
    shortNames.set(first, [...(shortNames.get(first) ?? []), account.id]);
  }
  for (const [word, ids] of shortNames) {
    if (ids.length !== 1 || links.has(ids[0] as string)) continue;
    const re = new RegExp(
      `(?<![.!?]\\s|^)\\b${word.charAt(0).toUpperCase()}${word.slice(1)}(?:['’]s)?\\b`,
      "u",
    );
    if (re.test(text))
      links.set(ids[0] as string, { accountId: ids[0] as string, how: "name", matched: word });
  }
  for (const m of text.matchAll(EMAIL)) {
    for (const id of accountsForEmail(m[0], accounts)) {
      if (!links.has(id)) links.set(id, { accountId: id, how: "email", matched: m[0] });
    }
  }
  // nothing named exactly: a word of the text that is a typo of a word only one account's names
  // hold ("springfeild" for "City of Springfield"); a typo, not the word itself, so an ordinary word
  // that happens to be in a company's name ("summit", "harbor") never links by itself
  if (links.size === 0) {
    const distinctive = distinctiveWords(accounts, suffixes);
    for (const token of new Set(tokens.filter((t) => t.length >= 6))) {
      const hits = [...distinctive].filter(([w]) => w !== token && fuzzyEqual(w, token));
      const ids = new Set(hits.map(([, id]) => id));
      if (ids.size !== 1) continue;
      const id = [...ids][0] as string;
      if (!links.has(id)) links.set(id, { accountId: id, how: "fuzzy", matched: token });
    }
  }
  // a short variant inside a longer linked name ("Acme" in "Acme Logistics") is not a second customer
  return [...links.values()];
}

/** The words of account names (and aliases) that only one account holds, with that account. */
function distinctiveWords(accounts: readonly Account[], suffixes: ReadonlySet<string>): Map<string, string> {
  const holders = new Map<string, Set<string>>();
  for (const account of accounts)
    for (const v of variantsOf(account, suffixes))
      if (v.how !== "domain")
        for (const t of v.tokens)
          if (t.length >= 6 && !suffixes.has(t)) holders.set(t, (holders.get(t) ?? new Set()).add(account.id));
  const out = new Map<string, string>();
  for (const [word, ids] of holders) if (ids.size === 1) out.set(word, [...ids][0] as string);
  return out;
}

/** Accounts' exact names, aliases and domains by first word, for scanning many texts quickly. */
export type AccountNameIndex = Map<
  string,
  Array<{ accountId: string; tokens: string[]; how: LinkHow; capitalised?: string }>
>;

/** Indexes the accounts' names for `findAccountsNamedIn`. */
export function indexAccountNames(
  accounts: readonly Account[],
  legalSuffixes: readonly string[],
): AccountNameIndex {
  const suffixes = new Set(legalSuffixes);
  const index: AccountNameIndex = new Map();
  const add = (first: string, entry: NonNullable<ReturnType<AccountNameIndex["get"]>>[number]) =>
    index.set(first, [...(index.get(first) ?? []), entry]);
  const firstWords = new Map<string, string[]>();
  for (const account of accounts) {
    for (const v of variantsOf(account, suffixes)) {
      // "acme.example" is the words "acme example" in normalised text
      const tokens = v.how === "domain" ? normalizeName(v.tokens[0] ?? "") : v.tokens;
      if (tokens.length === 1 && v.how === "name" && (tokens[0]?.length ?? 0) < 5) continue;
      if (tokens[0]) add(tokens[0], { accountId: account.id, tokens, how: v.how });
    }
    const name = normalizeName(account.name);
    if (name.length >= 2 && (name[0]?.length ?? 0) >= 4)
      firstWords.set(name[0] ?? "", [...(firstWords.get(name[0] ?? "") ?? []), account.id]);
  }
  // a shortened name ("Juniper" for "Juniper Hill Coffee Roasters"), written capitalised, when
  // no other account starts with that word
  for (const [word, ids] of firstWords) {
    const capitalised = `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
    if (ids.length === 1 && ids[0])
      add(word, { accountId: ids[0], tokens: [word], how: "name", capitalised });
  }
  return index;
}

/**
 * The accounts a note names exactly (name, alias, shortened name, domain): the fast, typo-free
 * counterpart of `findCustomersInText`, for reading many staff notes.
 */
export function findAccountsNamedIn(text: string, index: AccountNameIndex): CustomerLink[] {
  const tokens = normalizeName(text);
  const links = new Map<string, CustomerLink>();
  tokens.forEach((token, i) => {
    for (const v of index.get(token) ?? []) {
      if (links.has(v.accountId) || !sameSeq(tokens.slice(i, i + v.tokens.length), v.tokens)) continue;
      if (v.capitalised && !new RegExp(`\\b${v.capitalised}\\b`, "u").test(text)) continue;
      links.set(v.accountId, { accountId: v.accountId, how: v.how, matched: v.tokens.join(" ") });
    }
  });
  return [...links.values()];
}

/** Resolves the `--customer` value to one account, or null when nothing is close enough. */
export function resolveCustomer(
  value: string,
  accounts: readonly Account[],
  legalSuffixes: readonly string[],
): CustomerLink | null {
  const suffixes = new Set(legalSuffixes);
  const wanted = normalizeName(value);
  if (wanted.length === 0) return null;
  if (value.includes("@")) {
    const ids = accountsForEmail(value.trim(), accounts);
    return ids[0] ? { accountId: ids[0], how: "email", matched: value } : null;
  }
  const lowered = value.trim().toLowerCase();
  const byId = accounts.find((a) => a.id.toLowerCase() === lowered);
  if (byId) return { accountId: byId.id, how: "name", matched: value };
  let best: { link: CustomerLink; cost: number } | null = null;
  for (const account of accounts) {
    for (const v of variantsOf(account, suffixes)) {
      const joined = v.tokens.join(" ");
      const target = wanted.join(" ");
      if (
        v.how === "domain"
          ? lowered === joined || lowered.endsWith(`.${joined}`) || target === joined
          : sameSeq(v.tokens, wanted)
      ) {
        return { accountId: account.id, how: v.how, matched: value };
      }
      if (fuzzyEqual(target, joined)) {
        const cost = editDistance(target, joined);
        if (!best || cost < best.cost)
          best = { link: { accountId: account.id, how: "fuzzy", matched: value }, cost };
      }
    }
  }
  if (best) return best.link;
  // the value names an account inside a longer phrase ("the Acme team")
  const inText = findCustomersInText(value, accounts, legalSuffixes);
  if (inText.length === 1) return inText[0] ?? null;
  return resolveByDistinctiveWords(value, wanted, accounts, suffixes);
}

/**
 * Last resort for `--customer`: the account whose names hold the value's distinctive words ("Hollis
 * Pharmacy" for "Hollis Family Pharmacies Inc", "de Linde" for "Hoeve de Linde", "Springfeild" for
 * "City of Springfield"). A word counts by how few accounts use it (a word every pharmacy uses says
 * little), a typo within the bounded edit distance counts, and the best account must hold a word no
 * other account holds and score above every other one; else nothing is guessed.
 */
function resolveByDistinctiveWords(
  value: string,
  wanted: readonly string[],
  accounts: readonly Account[],
  suffixes: ReadonlySet<string>,
): CustomerLink | null {
  const wordsOf = new Map(
    accounts.map((a) => [
      a.id,
      new Set(
        variantsOf(a, suffixes)
          .filter((v) => v.how !== "domain")
          .flatMap((v) => v.tokens)
          .filter((t) => t.length >= 3 && !suffixes.has(t))
          .map(stem),
      ),
    ]),
  );
  const holders = (word: string) =>
    accounts.filter((a) => [...(wordsOf.get(a.id) ?? [])].some((w) => w === word || fuzzyEqual(w, word)));
  const score = new Map<string, number>();
  const unique = new Set<string>();
  for (const token of wanted.filter((t) => t.length >= 3 && !suffixes.has(t))) {
    const held = holders(stem(token));
    if (held.length === 0) continue;
    for (const a of held) score.set(a.id, (score.get(a.id) ?? 0) + 1 / held.length);
    if (held.length === 1 && held[0]) unique.add(held[0].id);
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || !unique.has(first[0]) || (second && second[1] >= first[1])) return null;
  return { accountId: first[0], how: "fuzzy", matched: value };
}
