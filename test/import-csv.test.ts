/**
 * CSV import: the RFC 4180 reader, Jira's export and a mapped helpdesk export, date and status
 * reading, all-or-nothing rows, and the CLI's usage errors.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chunksOfText, readCsvRecords, type ChunkSource } from "../src/store/csv-reader.js";
import { mapPriority, mapStatus, parseExportDate, parseMapSpec } from "../src/store/import-csv.js";
import { openStore } from "../src/store/sqlite-store.js";
import type { Ticket } from "../src/domain/bundle.js";
import { cli, tempDir } from "./helpers/workspace.js";

let dir: string;
let cleanup: () => void;
let db: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, "store.db");
});
afterEach(() => cleanup());

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const readTickets = (ids: string[]): Ticket[] => {
  const store = openStore(db);
  try {
    return store.tickets(ids).sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    store.close();
  }
};
const ticketCount = () => {
  const store = openStore(db);
  try {
    return store.counts().tickets;
  } finally {
    store.close();
  }
};

/** Feeds the text `size` characters at a time, so every field boundary meets a chunk boundary. */
const chunksOf = (text: string, size: number): ChunkSource => {
  let at = 0;
  return () => {
    if (at >= text.length) return null;
    const chunk = text.slice(at, at + size);
    at += size;
    return chunk;
  };
};

const records = (source: ChunkSource) => [...readCsvRecords(source, "test.csv")];

describe("CSV reader", () => {
  const tricky =
    "\uFEFFSummary,Issue id,Description\r\n" +
    '"Commas, ""quotes"" and\r\nlines",1,"first line\nsecond, line\n\n""quoted"" end"\r\n' +
    "\r\n" +
    'plain,2,""\n' +
    'last,3,"no newline at the end"';

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const rows = records(chunksOfText(tricky));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(rows[0]?.fields).toEqual(["Summary", "Issue id", "Description"]);
    expect(rows[1]?.fields).toEqual([
      'Commas, "quotes" and\r\nlines',
      "1",
      'first line\nsecond, line\n\n"quoted" end',
    ]);
    expect(rows[2]?.fields).toEqual(["plain", "2", ""]);
    expect(rows[3]?.fields).toEqual(["last", "3", "no newline at the end"]);
  });

  it.each([1, 2, 3, 7, 64])(
    "gives the same records when the input arrives %i characters at a time",
    (size) => {
      expect(records(chunksOf(tricky, size))).toEqual(records(chunksOfText(tricky)));
    },
  );

  it("names the row of a quoted field that never closes", () => {
    expect(() => records(chunksOfText('a,b\n1,"open\n2,3\n'))).toThrow(
      /test\.csv: row 2: a quoted field is not closed/,
    );
  });
});

describe("reading export values", () => {
  it.each([
    ["30/Sep/21 17:20", "2021-09-30T17:20:00Z"],
    ["01/Jan/22 11:27", "2022-01-01T11:27:00Z"],
    ["30/Sep/21 5:20 PM", "2021-09-30T17:20:00Z"],
    ["2020-01-02 17:14:21+00:00", "2020-01-02T17:14:21+00:00"],
    ["2021-09-30T17:20:00Z", "2021-09-30T17:20:00Z"],
    ["2021-09-30 17:20:05 +0200", "2021-09-30T17:20:05+02:00"],
    ["2021-09-30", "2021-09-30T00:00:00Z"],
    ["09/30/2021 17:20", "2021-09-30T17:20:00Z"],
    ["30/09/2021 17:20", "2021-09-30T17:20:00Z"],
    ["Thu, 30 Sep 2021 17:20:00 +0000", "2021-09-30T17:20:00Z"],
  ])("reads the date %s", (text, iso) => {
    expect(parseExportDate(text)).toBe(iso);
  });

  it.each(["", "yesterday", "31/Feb/21 10:00", "30/Foo/21 10:00", "2021-13-01", "12"])(
    "refuses %j as a date",
    (text) => {
      expect(parseExportDate(text)).toBeNull();
    },
  );

  it.each([
    ["Resolved", false, "solved"],
    ["FIXED", false, "solved"],
    ["Closed", false, "closed"],
    ["Open", false, "open"],
    ["In Progress", false, "open"],
    ["Patch Available", false, "open"],
    ["REOPENED", false, "open"],
    ["UNCONFIRMED", false, "new"],
    ["Waiting on customer", false, "pending"],
    ["On-hold", false, "on_hold"],
    ["Something custom", true, "solved"],
    ["Something custom", false, "open"],
  ] as const)("maps status %s (resolved: %s) to %s", (value, resolved, status) => {
    expect(mapStatus(value, resolved)).toBe(status);
  });

  it.each([
    ["Blocker", "urgent"],
    ["Critical", "high"],
    ["Major", "normal"],
    ["Minor", "low"],
    ["P2", "high"],
    ["--", undefined],
  ] as const)("maps priority %s to %s", (value, priority) => {
    expect(mapPriority(value)).toBe(priority);
  });

  it("parses a column map, keeping commas inside column names", () => {
    expect(parseMapSpec("id=Ticket ID,subject=Subject, Title,createdAt=Created at")).toEqual({
      id: ["Ticket ID"],
      subject: ["Subject, Title"],
      createdAt: ["Created at"],
    });
  });
});

const jiraCsv =
  "Summary,Issue id,Status,Priority,Resolution,Created,Resolved,Affects Version/s,Affects Version/s,Description\n" +
  'JAR timestamp check causes AM errors,13404344,Resolved,Blocker,Duplicate,30/Sep/21 17:20,20/Jul/22 20:51,2.9.2,3.3.1,"After an init action, the check fails:\n\n  at org.apache.hadoop.yarn.util.FSDownload.verify(FSDownload.java:255)"\n' +
  "Fix build on Debian 10,13400058,Open,Major,,08/Sep/21 17:46,,3.4.0,,The CI fails\n";

describe("import --from jira-csv", () => {
  it("imports Jira's export columns, multi-line descriptions and repeated columns", () => {
    const r = cli([
      "import",
      "--from",
      "jira-csv",
      write("jira.csv", jiraCsv),
      "--db",
      db,
      "--format",
      "json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ tickets: 2 });
    const [open, resolved] = readTickets(["13400058", "13404344"]);
    expect(resolved).toMatchObject({
      id: "13404344",
      subject: "JAR timestamp check causes AM errors",
      status: "solved",
      priority: "urgent",
      createdAt: "2021-09-30T17:20:00Z",
      solvedAt: "2022-07-20T20:51:00Z",
      versions: ["2.9.2", "3.3.1"],
      resolution: "Duplicate",
      sourceStatus: "Resolved",
    });
    expect(resolved?.description).toContain("\n\n  at org.apache.hadoop.yarn.util.FSDownload.verify");
    expect(open).toMatchObject({ status: "open", priority: "normal", createdAt: "2021-09-08T17:46:00Z" });
    expect(open?.solvedAt).toBeUndefined();
  });

  it("updates instead of duplicating on a second import", () => {
    const path = write("jira.csv", jiraCsv);
    expect(cli(["import", "--from", "jira-csv", path, "--db", db]).code).toBe(0);
    expect(cli(["import", "--from", "jira-csv", path, "--db", db]).code).toBe(0);
    expect(ticketCount()).toBe(2);
  });
});

const zendeskCsv =
  "Ticket ID,Subject,Description,Created,Status,Priority,Requester email,Tags,Satisfaction\n" +
  '101,Export missing rows,"The CSV export, since Monday, drops rows",2024-03-04 09:15:00,Open,High,ana@acme.example,"export csv",good\n' +
  "102,Login loop,SSO redirects back,03/05/2024 10:00 AM,Solved,Low,bo@globex.example,sso,\n" +
  "103,Charts blank,Dashboard charts are empty,2024-03-06 11:00:00,Pending,Urgent,cy@initech.example,,bad\n";
const zendeskMap =
  "id=Ticket ID,subject=Subject,description=Description,createdAt=Created,status=Status,priority=Priority,requesterEmail=Requester email,tags=Tags";

describe("import --from csv --map", () => {
  it("imports a mapped helpdesk export and keeps unmapped columns", () => {
    const path = write("zendesk.csv", zendeskCsv);
    const r = cli(["import", "--from", "csv", "--map", zendeskMap, path, "--db", db]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [a, b, c] = readTickets(["101", "102", "103"]);
    expect(a).toMatchObject({
      description: "The CSV export, since Monday, drops rows",
      createdAt: "2024-03-04T09:15:00Z",
      status: "open",
      priority: "high",
      requester: { email: "ana@acme.example" },
      tags: ["export", "csv"],
      fields: { Satisfaction: "good" },
    });
    expect(b).toMatchObject({ status: "solved", priority: "low", createdAt: "2024-03-05T10:00:00Z" });
    expect(b?.fields).toBeUndefined();
    expect(c).toMatchObject({ status: "pending", priority: "urgent" });
  });

  it("names the bad row and field, and changes nothing", () => {
    const path = write("zendesk.csv", zendeskCsv);
    expect(cli(["import", "--from", "csv", "--map", zendeskMap, path, "--db", db]).code).toBe(0);
    const bad = write(
      "bad.csv",
      zendeskCsv.replace("101,Export missing rows", "201,Export missing rows") +
        "104,New one,text,2024-03-07 08:00:00,Open,,dee@acme.example,,\n" +
        "105,Broken,text,next Tuesday,Open,,ed@acme.example,,\n",
    );
    const r = cli(["import", "--from", "csv", "--map", zendeskMap, bad, "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('escalate: row 6: createdAt: not a date: "next Tuesday"\n');
    expect(ticketCount()).toBe(3);
    expect(readTickets(["201", "104"])).toEqual([]);
  });

  it("names an empty required value by row", () => {
    const r = cli([
      "import",
      "--from",
      "csv",
      "--map",
      zendeskMap,
      write("z.csv", "Ticket ID,Subject,Created\n1,A,2024-01-01\n,B,2024-01-02\n"),
      "--db",
      db,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/row 3: id: required/);
  });

  it.each([
    [["--map", "Ticket ID"], /--map: expected field=Column, got "Ticket ID"/],
    [["--map", "id=Ticket ID,title=Subject,createdAt=Created"], /--map: unknown field "title"/],
    [["--map", "id=Ticket ID,subject=Subject"], /--map: createdAt=COLUMN is required/],
    [["--map", "id=Ticket ID,subject=,createdAt=Created"], /--map: subject: no column named/],
    [["--map", "id=A,id=B,subject=S,createdAt=C"], /--map: id is mapped twice/],
    [
      ["--map", "id=Nope,subject=Subject,createdAt=Created"],
      /--map: no column "Nope" for id; the header has: Ticket ID/,
    ],
    [[], /--map: required with --from csv/],
  ])("exits 2 on a bad map %j", (extra, message) => {
    const r = cli(["import", "--from", "csv", ...extra, write("z.csv", zendeskCsv), "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(ticketCount()).toBe(0);
  });

  it.each([
    [["--from", "xml"], /--from: expected bundle, jira-csv, csv, got "xml"/],
    [["--map", "id=A,subject=B,createdAt=C"], /--map: only with --from csv/],
  ])("exits 2 on %j", (extra, message) => {
    const r = cli(["import", ...extra, write("z.csv", zendeskCsv), "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
