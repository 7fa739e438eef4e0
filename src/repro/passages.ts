/**
 * Turns the issue description and matched tickets into labelled passages, and passages into
 * sentences and list items. Every piece is a trimmed slice of the original text.
 */
import type { Comment, Ticket } from "../domain/bundle.js";

/** Who wrote a passage: our side (the escalator, agents, internal notes) or the customer. */
export type Tier = "support" | "customer";

/** One input text with its source label. */
export interface Passage {
  text: string;
  source: string;
  tier: Tier;
  /** Subjects are titles, not prose: used for fragments and frequency, never for steps. */
  prose: boolean;
  /** The escalator's one-line summary: context, not an observation (weaker for steps and behaviour). */
  summary: boolean;
  /** Where fragments (evidence, environment) are read first: ticket bodies before titles before the summary. */
  fragmentRank: number;
}

/** A sentence or list item of a passage. */
export interface Segment {
  text: string;
  /** Index of the list this item belongs to within its passage, or null for plain sentences. */
  list: number | null;
}

/** Collapses runs of white space to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

const roleLabel = (c: Comment): string => {
  if (c.role === "internal") return "internal note";
  if (c.role === "agent") return c.public === false ? "agent note" : "agent reply";
  if (c.role === "customer") return "customer comment";
  return c.public === false ? "internal note" : "comment";
};

const tierOf = (c: Comment): Tier => {
  if (c.role === "internal" || c.role === "agent") return "support";
  if (c.role === "customer") return "customer";
  return c.public === false ? "support" : "customer";
};

/** The source label of a ticket comment: "T-1001 internal note 2026-11-10". */
export function commentSource(ticket: Ticket, comment: Comment): string {
  return `${ticket.id} ${roleLabel(comment)} ${comment.createdAt.slice(0, 10)}`;
}

/** The passages of an issue, in reading order: description, then each ticket (subject, description, comments by time). */
export function collectPassages(description: string, tickets: readonly Ticket[]): Passage[] {
  const out: Passage[] = [];
  if (description.trim() !== "") {
    // The escalator's own summary: read for sentences first, for fragments last (ticket text is more exact).
    out.push({
      text: description,
      source: "description",
      tier: "support",
      prose: true,
      summary: true,
      fragmentRank: 2,
    });
  }
  for (const ticket of tickets) {
    out.push({
      text: ticket.subject,
      source: `${ticket.id} subject`,
      tier: "customer",
      prose: false,
      summary: false,
      fragmentRank: 1,
    });
    if (ticket.description !== undefined && ticket.description.trim() !== "") {
      out.push({
        text: ticket.description,
        source: `${ticket.id} description`,
        tier: "customer",
        prose: true,
        summary: false,
        fragmentRank: 0,
      });
    }
    const comments = [...(ticket.comments ?? [])]
      .map((c, i) => ({ c, i, t: Date.parse(c.createdAt) }))
      .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? 0 : a.t - b.t) || a.i - b.i);
    for (const { c } of comments) {
      if (c.body.trim() === "") continue;
      out.push({
        text: c.body,
        source: commentSource(ticket, c),
        tier: tierOf(c),
        prose: true,
        summary: false,
        fragmentRank: 0,
      });
    }
  }
  return out;
}

/** Abbreviations after which a full stop does not end a sentence (case-sensitive). */
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "etc",
  "vs",
  "approx",
  "incl",
  "esp",
  "ca",
  "no",
  "cf",
  "Mr",
  "Mrs",
  "Ms",
  "Dr",
  "St",
  "Inc",
  "Ltd",
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
]);

// support notes often start a sentence in lower case ("...shows up twice. same tech, same time"):
// end punctuation followed by any letter or digit ends a sentence, unless the word is an abbreviation
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+["'“‘([{]?[\p{L}0-9])/gu;

/** Splits prose into sentences at end punctuation followed by a word, skipping abbreviations. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m[0].startsWith(".")) {
      const word = (/(\S+)$/.exec(text.slice(start, m.index))?.[1] ?? "").replace(/^[("'“‘[]+/, "");
      // "e.g. Chrome", "Nov. 8", "J. Smith": the full stop belongs to the word.
      if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.toLowerCase()) || /^\p{L}$/u.test(word)) continue;
    }
    const end = m.index + m[0].length;
    const piece = text.slice(start, end).trim();
    if (piece !== "") out.push(piece);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== "") out.push(rest);
  return out;
}

const LINE_ITEM = /^\s*(?:(\d{1,2})[.)]|[-*•])\s+/;
const INLINE_MARKER = /(?<![\w.,/-])(\d{1,2})[.)]\s+(?=\S)/g;
const TERMINAL = /[.!?:;]["'”’)\]]*$/;

interface Block {
  text: string;
  item: "number" | "bullet" | null;
}

const toBlocks = (text: string): Block[] => {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === "") {
      current = null;
      continue;
    }
    const marker = LINE_ITEM.exec(line);
    if (marker !== null) {
      current = {
        text: line.slice(marker[0].length).trim(),
        item: marker[1] !== undefined ? "number" : "bullet",
      };
      blocks.push(current);
      continue;
    }
    const lowerStart = /^[a-z]/.test(trimmed);
    // Hard-wrapped prose continues; an unpunctuated line followed by a capitalised one is a new line of its own.
    const joins = current !== null && (lowerStart || (current.item === null && TERMINAL.test(current.text)));
    if (joins && current !== null) {
      current.text = `${current.text} ${trimmed}`;
    } else {
      current = { text: trimmed, item: null };
      blocks.push(current);
    }
  }
  return blocks;
};

const trimItem = (s: string): string =>
  s
    .trim()
    .replace(/(?:[,;]|\s+(?:and|then))$/i, "")
    .trim();

/** Finds "1. ... 2. ..." inside one prose block; null unless at least two markers count up from 1. */
const inlineList = (block: string): { before: string; items: string[]; after: string[] } | null => {
  const marks: Array<{ index: number; end: number }> = [];
  let expected = 1;
  for (const m of block.matchAll(INLINE_MARKER)) {
    if (Number(m[1]) === expected) {
      marks.push({ index: m.index, end: m.index + m[0].length });
      expected += 1;
    }
  }
  const first = marks[0];
  if (first === undefined || marks.length < 2) return null;
  const items: string[] = [];
  let after: string[] = [];
  marks.forEach((mark, i) => {
    const next = marks[i + 1];
    const body = block.slice(mark.end, next === undefined ? block.length : next.index);
    if (next === undefined) {
      // The last item runs to the end of the block: only its first sentence belongs to the list.
      const [head, ...tail] = splitSentences(body);
      if (head !== undefined) items.push(trimItem(head));
      after = tail;
    } else {
      items.push(trimItem(body));
    }
  });
  return { before: block.slice(0, first.index).trim(), items: items.filter((s) => s !== ""), after };
};

/** The sentences and list items of a passage, in order. */
export function segmentText(text: string): Segment[] {
  const out: Segment[] = [];
  let lists = 0;
  let openList: { id: number; item: "number" | "bullet" } | null = null;
  for (const block of toBlocks(text)) {
    if (block.item !== null) {
      if (openList === null || openList.item !== block.item) {
        openList = { id: lists, item: block.item };
        lists += 1;
      }
      out.push({ text: block.text, list: openList.id });
      continue;
    }
    openList = null;
    const inline = inlineList(block.text);
    if (inline === null) {
      for (const s of splitSentences(block.text)) out.push({ text: s, list: null });
      continue;
    }
    for (const s of splitSentences(inline.before)) out.push({ text: s, list: null });
    for (const item of inline.items) out.push({ text: item, list: lists });
    lists += 1;
    for (const s of inline.after) out.push({ text: s, list: null });
  }
  return out;
}
