/**
 * Imports tickets from CSV exports: Jira's own CSV export (`jira-csv`) and any helpdesk export
 * (Zendesk, Freshdesk, …) through a column map (`csv --map`). Rows become bundle tickets, are
 * validated like bundle tickets, and are stored in one transaction: a bad row names its number and
 * field, and nothing is changed.
 */
import { ticketSchema, type Ticket, type TicketStatus } from "../domain/bundle.js";
import { UserError } from "../errors.js";
import type { CsvRecord } from "./csv-reader.js";
import { formatPath } from "./import-bundle.js";
import type { Store } from "./sqlite-store.js";

/** The ticket fields a column can be mapped to. */
export const csvTargets = [
  "id",
  "subject",
  "description",
  "status",
  "priority",
  "createdAt",
  "updatedAt",
  "solvedAt",
  "accountId",
  "requesterEmail",
  "requesterName",
  "assignee",
  "channel",
  "tags",
  "trackerKeys",
  "versions",
  "components",
  "resolution",
] as const;

/** A ticket field a column can be mapped to. */
export type CsvTarget = (typeof csvTargets)[number];

/** Which column (by header name) feeds each ticket field; a field may list fallbacks. */
export type ColumnMap = Partial<Record<CsvTarget, readonly string[]>>;

/** The CSV dialects `import --from` understands. */
export type CsvFormat = "jira-csv" | "csv";

/** Options for {@link importCsv}. */
export interface CsvImportOptions {
  format: CsvFormat;
  /** The column map (required for `csv`; `jira-csv` has its own). */
  map?: ColumnMap;
  /** Shown in messages (the file name). */
  sourceName: string;
  onProgress?: (loaded: number) => void;
}

/** What a CSV import loaded. */
export interface CsvImportSummary {
  tickets: number;
}

/** Jira's export columns. Repeated columns (versions, components, labels, comments) are all read. */
export const jiraColumnMap: ColumnMap = {
  id: ["Issue key", "Issue id"],
  subject: ["Summary"],
  description: ["Description"],
  status: ["Status"],
  priority: ["Priority"],
  createdAt: ["Created"],
  updatedAt: ["Updated"],
  solvedAt: ["Resolved"],
  assignee: ["Assignee"],
  requesterName: ["Reporter"],
  tags: ["Labels"],
  versions: ["Affects Version/s"],
  components: ["Component/s"],
  resolution: ["Resolution"],
};

const isTarget = (t: string): t is CsvTarget => (csvTargets as readonly string[]).includes(t);

/**
 * Parses `--map id=Ticket ID,subject=Subject,…`. A comma inside a column name is kept when the
 * text after it does not start with `field=`.
 */
export function parseMapSpec(spec: string): ColumnMap {
  const map: Record<string, string[]> = {};
  const parts: string[] = [];
  for (const piece of spec.split(",")) {
    const last = parts.length - 1;
    if (/^\s*[A-Za-z]+\s*=/.test(piece) || last < 0) parts.push(piece);
    else parts[last] += `,${piece}`;
  }
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq < 0) throw new UserError(`--map: expected field=Column, got "${part.trim()}"`);
    const target = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    if (!isTarget(target))
      throw new UserError(`--map: unknown field "${target}"; fields: ${csvTargets.join(", ")}`);
    if (!column) throw new UserError(`--map: ${target}: no column named`);
    if (map[target]) throw new UserError(`--map: ${target} is mapped twice`);
    map[target] = [column];
  }
  for (const required of ["id", "subject", "createdAt"] as const) {
    if (!map[required]) throw new UserError(`--map: ${required}=COLUMN is required`);
  }
  return map;
}

const STATUS_WORDS: Record<TicketStatus, readonly string[]> = {
  new: ["new", "unconfirmed", "to do", "todo", "backlog", "triage", "untriaged", "submitted"],
  open: [
    "open",
    "opened",
    "reopened",
    "in progress",
    "assigned",
    "patch available",
    "confirmed",
    "accepted",
    "active",
    "started",
    "in review",
    "under review",
    "investigating",
  ],
  pending: [
    "pending",
    "waiting",
    "waiting on customer",
    "waiting for customer",
    "awaiting customer",
    "awaiting response",
    "needs info",
    "needinfo",
    "pending customer",
    "waiting on requester",
  ],
  on_hold: ["on hold", "hold", "blocked", "deferred", "postponed", "waiting on third party"],
  solved: ["solved", "resolved", "fixed", "done", "verified", "completed", "complete"],
  closed: [
    "closed",
    "archived",
    "wontfix",
    "won't fix",
    "won't do",
    "duplicate",
    "invalid",
    "worksforme",
    "cancelled",
    "canceled",
    "rejected",
    "incomplete",
  ],
};
const statusOfWord = new Map<string, TicketStatus>();
for (const [status, words] of Object.entries(STATUS_WORDS) as Array<[TicketStatus, readonly string[]]>) {
  for (const w of words) statusOfWord.set(w, status);
}
const normalizeWord = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/** The bundle status for an exported status; unknown ones are read as solved when resolved, else open. */
export function mapStatus(value: string, resolved: boolean): TicketStatus {
  return statusOfWord.get(normalizeWord(value)) ?? (resolved ? "solved" : "open");
}

const PRIORITY_WORDS: Record<string, NonNullable<Ticket["priority"]>> = {
  urgent: "urgent",
  blocker: "urgent",
  highest: "urgent",
  p1: "urgent",
  emergency: "urgent",
  high: "high",
  critical: "high",
  p2: "high",
  normal: "normal",
  medium: "normal",
  major: "normal",
  p3: "normal",
  low: "low",
  minor: "low",
  trivial: "low",
  lowest: "low",
  p4: "low",
  p5: "low",
};

/** The bundle priority for an exported priority, or undefined when it names none. */
export function mapPriority(value: string): Ticket["priority"] {
  return PRIORITY_WORDS[normalizeWord(value)];
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const year4 = (y: number) => (y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y);

/** `hh:mm[:ss] [AM|PM]` into 24-hour parts. */
function clock(
  h: string | undefined,
  m: string | undefined,
  s: string | undefined,
  ampm: string | undefined,
) {
  let hour = Number(h ?? 0);
  const meridiem = ampm?.toLowerCase();
  if (meridiem === "pm" && hour < 12) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  return { hour, minute: Number(m ?? 0), second: Number(s ?? 0) };
}

const zoneOf = (z: string | undefined): string => {
  if (!z || /^(z|utc|gmt)$/i.test(z)) return "Z";
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  return m ? `${m[1]}${m[2]}:${m[3] ?? "00"}` : "Z";
};

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?)?\s*(Z|UTC|GMT|[+-]\d{2}:?(?:\d{2})?)?`;
const ISO_LIKE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const JIRA = new RegExp(String.raw`^(\d{1,2})[/ -]([A-Za-z]{3,4})[/ -](\d{2,4})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})${TIME}$`);

/**
 * Parses the date formats exports use into ISO-8601 (UTC when the text names no zone):
 * ISO and `2020-01-02 17:14:21+00:00`, Jira's `30/Sep/21 17:20` (also `30/Sep/21 5:20 PM`),
 * numeric `09/30/2021 17:20` (month first, as US helpdesks export, unless the first number is
 * above 12) and RFC 2822. Returns null when the text is not a date.
 */
export function parseExportDate(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  let y: number, mo: number, d: number;
  let rest: Array<string | undefined>;
  let m = ISO_LIKE.exec(value);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    rest = m.slice(4);
  } else if ((m = JIRA.exec(value))) {
    const month = MONTHS[(m[2] ?? "").toLowerCase()];
    if (!month) return null;
    [y, mo, d] = [year4(Number(m[3])), month, Number(m[1])];
    rest = m.slice(4);
  } else if ((m = NUMERIC.exec(value))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    [y, mo, d] = a > 12 ? [year4(Number(m[3])), b, a] : [year4(Number(m[3])), a, b];
    rest = m.slice(4);
  } else {
    // RFC 2822 and other spelled-out forms, only when they carry a year and a month name
    if (!/\d{4}/.test(value) || !/[A-Za-z]{3}/.test(value)) return null;
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : new Date(t).toISOString().replace(".000Z", "Z");
  }
  const { hour, minute, second } = clock(rest[0], rest[1], rest[2], rest[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zoneOf(rest[4])}`;
  const check = new Date(iso);
  if (Number.isNaN(check.getTime())) return null;
  // reject 31/Feb and the like, which Date would roll over
  if (zoneOf(rest[4]) === "Z" && check.getUTCDate() !== d) return null;
  return iso;
}

const splitList = (value: string, pattern: RegExp) =>
  value
    .split(pattern)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** A Jira comment cell: `30/Sep/21 17:20;author;body`. */
function parseJiraComment(value: string): { createdAt: string; author: string; body: string } | null {
  const m = /^([^;]+);([^;]*);([\s\S]*)$/.exec(value);
  const at = m ? parseExportDate(m[1] ?? "") : null;
  return m && at ? { createdAt: at, author: m[2] ?? "", body: m[3] ?? "" } : null;
}

interface Columns {
  header: string[];
  /** For each target, the indexes of the columns that feed it (repeated columns all count). */
  indexes: Map<CsvTarget, number[]>;
  commentIndexes: number[];
  used: Set<number>;
}

function resolveColumns(header: string[], map: ColumnMap, format: CsvFormat, sourceName: string): Columns {
  const indexes = new Map<CsvTarget, number[]>();
  const used = new Set<number>();
  const find = (name: string) =>
    header.flatMap((h, i) => (h.trim().toLowerCase() === name.trim().toLowerCase() ? [i] : []));
  for (const [target, names] of Object.entries(map) as Array<[CsvTarget, readonly string[]]>) {
    for (const name of names) {
      const found = find(name);
      if (found.length === 0) continue;
      indexes.set(target, found);
      for (const i of found) used.add(i);
      break;
    }
  }
  const required: CsvTarget[] = ["id", "subject", "createdAt"];
  for (const target of required) {
    if (indexes.has(target)) continue;
    const wanted = (map[target] ?? []).map((n) => `"${n}"`).join(" or ");
    const flag = format === "csv" ? "--map" : "jira-csv";
    throw new UserError(
      `${sourceName}: ${flag}: no column ${wanted} for ${target}; the header has: ${header.join(", ")}`,
    );
  }
  const commentIndexes = format === "jira-csv" ? find("Comment") : [];
  for (const i of commentIndexes) used.add(i);
  return { header, indexes, commentIndexes, used };
}

/** Builds the ticket of one data record; throws `row N: field: …` when a value is unusable. */
function ticketOfRecord(record: CsvRecord, columns: Columns, format: CsvFormat): Ticket {
  const { fields, row } = record;
  const cell = (target: CsvTarget): string => {
    const i = columns.indexes.get(target)?.[0];
    return i === undefined ? "" : (fields[i] ?? "").trim();
  };
  const cells = (target: CsvTarget): string[] =>
    (columns.indexes.get(target) ?? []).map((i) => (fields[i] ?? "").trim()).filter((v) => v.length > 0);
  const fail = (field: string, message: string): never => {
    throw new UserError(`row ${row}: ${field}: ${message}`);
  };
  const date = (target: CsvTarget, required: boolean): string | undefined => {
    const raw = cell(target);
    if (!raw) return required ? fail(target, "required (empty)") : undefined;
    return parseExportDate(raw) ?? fail(target, `not a date: "${raw}"`);
  };

  const id = cell("id") || fail("id", "required (empty)");
  const createdAt = date("createdAt", true);
  const solvedAt = date("solvedAt", false);
  const updatedAt = date("updatedAt", false);
  const resolution = cell("resolution");
  const rawStatus = cell("status");
  const status = rawStatus
    ? mapStatus(rawStatus, Boolean(solvedAt || resolution))
    : solvedAt
      ? "solved"
      : "open";
  const rawPriority = cell("priority");
  const priority = rawPriority ? mapPriority(rawPriority) : undefined;

  const extra: Record<string, string | string[]> = {};
  fields.forEach((value, i) => {
    if (columns.used.has(i) || !value.trim()) return;
    const name = columns.header[i] ?? `column ${i + 1}`;
    const prior = extra[name];
    if (prior === undefined) extra[name] = value;
    else extra[name] = [...(Array.isArray(prior) ? prior : [prior]), value];
  });

  const list = (target: CsvTarget, pattern: RegExp) => cells(target).flatMap((v) => splitList(v, pattern));
  const tags = list("tags", format === "jira-csv" ? /\s+/ : /[\s,;]+/);
  const trackerKeys = list("trackerKeys", /[\s,;]+/);
  const versions = list("versions", /[,;]/);
  const components = list("components", /[,;]/);
  const comments = columns.commentIndexes.flatMap((i) => {
    const c = parseJiraComment(fields[i] ?? "");
    return c ? [{ author: c.author, createdAt: c.createdAt, body: c.body }] : [];
  });
  const email = cell("requesterEmail");
  const name = cell("requesterName");

  const ticket: Record<string, unknown> = {
    id,
    subject: cell("subject"),
    description: cell("description") || undefined,
    status,
    priority,
    createdAt,
    updatedAt,
    solvedAt,
    accountId: cell("accountId") || undefined,
    requester: email || name ? { email: email || undefined, name: name || undefined } : undefined,
    assignee: cell("assignee") || undefined,
    channel: cell("channel") || undefined,
    tags: tags.length ? tags : undefined,
    trackerKeys: trackerKeys.length ? trackerKeys : undefined,
    comments: comments.length ? comments : undefined,
    // kept beside the bundle's fields: what the export said, for people and for ranking
    versions: versions.length ? versions : undefined,
    components: components.length ? components : undefined,
    resolution: resolution || undefined,
    sourceStatus: rawStatus || undefined,
    sourcePriority: rawPriority && !priority ? rawPriority : undefined,
    fields: Object.keys(extra).length ? extra : undefined,
  };
  for (const key of Object.keys(ticket)) if (ticket[key] === undefined) delete ticket[key];
  const result = ticketSchema.safeParse(ticket);
  if (!result.success) {
    const issue = result.error.issues[0];
    fail(formatPath("", issue?.path ?? []).replace(/^\./, "") || "ticket", issue?.message ?? "invalid");
  }
  return result.data as Ticket;
}

/** Imports CSV records (header first) into `store` in one transaction; all rows or none. */
export function importCsv(
  store: Store,
  records: Iterable<CsvRecord>,
  options: CsvImportOptions,
): CsvImportSummary {
  const map = options.format === "jira-csv" ? (options.map ?? jiraColumnMap) : options.map;
  if (!map)
    throw new UserError(
      "--map: required with --from csv (e.g. --map id=Ticket ID,subject=Subject,createdAt=Created)",
    );
  let columns: Columns | undefined;
  let tickets = 0;
  store.begin();
  try {
    for (const record of records) {
      if (!columns) {
        columns = resolveColumns(record.fields, map, options.format, options.sourceName);
        continue;
      }
      store.putTicket(ticketOfRecord(record, columns, options.format));
      if (++tickets % 10_000 === 0) options.onProgress?.(tickets);
    }
    if (!columns) throw new UserError(`${options.sourceName}: empty file (expected a header row)`);
    store.commit();
  } catch (error) {
    store.rollback();
    throw error;
  }
  return { tickets };
}
