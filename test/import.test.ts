import { openSync, closeSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBundlePieces } from "../src/store/bundle-reader.js";
import { importBundle } from "../src/store/import-bundle.js";
import { openStore, type Store } from "../src/store/sqlite-store.js";
import { UserError } from "../src/errors.js";
import { baseline, tempDir, writeBundle } from "./helpers/workspace.js";

let dir: string;
let cleanup: () => void;
let store: Store;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = openStore(`${dir}/store.db`);
});
afterEach(() => {
  store.close();
  cleanup();
});

function importFile(bundle: unknown) {
  const path = writeBundle(dir, bundle);
  const fd = openSync(path, "r");
  try {
    return importBundle(store, readBundlePieces(fd, path));
  } finally {
    closeSync(fd);
  }
}

describe("import", () => {
  it("loads every kind of record and reports the counts", () => {
    const summary = importFile(baseline());
    expect(summary).toMatchObject({ accounts: 2, tickets: 2, trackerIssues: 1, team: true });
    expect(store.counts()).toMatchObject({ accounts: 2, tickets: 2, trackerIssues: 1 });
    expect(store.tickets(["T-1"])[0]?.comments?.[0]?.body).toContain("Reproduced");
    expect(store.ticketIdsOfTrackerKeys(["ENG-1"])).toEqual(["T-1"]);
  });

  it("names the bad path and changes nothing when one record is invalid", () => {
    importFile(baseline());
    const bad = baseline();
    bad.tickets = [
      ...(bad.tickets ?? []),
      { ...(bad.tickets?.[0] as object), id: "T-3", createdAt: "yesterday" } as never,
    ];
    (bad.accounts ?? [])[0]!.name = "Renamed";
    expect(() => importFile(bad)).toThrowError(/^tickets\[2\]\.createdAt: expected an ISO date-time$/);
    expect(store.counts().tickets).toBe(2);
    expect(store.accounts().find((a) => a.id === "acme")?.name).toBe("Acme Corp");
  });

  it.each([
    [{ version: 2 }, /^version: expected 1/],
    [{ accounts: [] }, /^version: required/],
    [{ version: 1, tickets: {} }, /^tickets: expected an array$/],
    [{ version: 1, accounts: [{ id: "a" }] }, /^accounts\[0\]\.name: /],
    [
      {
        version: 1,
        tickets: [{ id: "x", subject: "s", status: "weird", createdAt: "2026-01-01T00:00:00Z" }],
      },
      /^tickets\[0\]\.status: /,
    ],
  ])("rejects %j with a path-named error", (bundle, message) => {
    expect(() => importFile(bundle)).toThrowError(message);
    expect(() => importFile(bundle)).toThrowError(UserError);
  });

  it("rejects text that is not JSON", () => {
    const path = writeBundle(dir, "x");
    const fd = openSync(path, "r");
    try {
      expect(() => importBundle(store, readBundlePieces(fd, "broken.json"))).toThrowError(
        /broken\.json: not a valid bundle/,
      );
    } finally {
      closeSync(fd);
    }
  });

  it("updates records by id on re-import", () => {
    importFile(baseline());
    const again = baseline();
    again.tickets![0]!.status = "solved";
    again.tickets![0]!.subject = "Order API 500s (fixed)";
    importFile(again);
    expect(store.counts().tickets).toBe(2);
    expect(store.tickets(["T-1"])[0]).toMatchObject({ status: "solved", subject: "Order API 500s (fixed)" });
    // the index follows: the old subject word is gone, the new one is found
    expect(store.search('"fixed"', ["ticket"], 5).map((h) => h.ref)).toEqual(["T-1"]);
  });

  it("keeps unknown properties and ignores unknown top-level keys", () => {
    importFile({
      ...baseline(),
      somethingElse: [{ a: 1 }],
      accounts: [{ id: "z", name: "Zed", crmId: "001" }],
    });
    expect(store.accounts().find((a) => a.id === "z")).toMatchObject({ crmId: "001" });
  });

  it("reads a bundle of several megabytes element by element", () => {
    const bundle = baseline();
    bundle.tickets = Array.from({ length: 3000 }, (_, i) => ({
      id: `B-${i}`,
      subject: `Bulk ticket ${i} {not an object} [nor an array]`,
      description: "x".repeat(1000 + (i % 97)),
      status: "open" as const,
      createdAt: "2026-11-01T00:00:00Z",
    }));
    expect(importFile(bundle).tickets).toBe(3000);
    expect(store.tickets(["B-2999"])[0]?.subject).toBe("Bulk ticket 2999 {not an object} [nor an array]");
  });

  it("reads strings with braces, brackets, escapes and unicode across chunk boundaries", () => {
    const tricky = 'He said "}]{[" and \\ then ✓ — ünïcode'.repeat(40_000);
    const bundle = baseline();
    bundle.tickets![1]!.description = tricky;
    importFile(bundle);
    expect(store.tickets(["T-2"])[0]?.description).toBe(tricky);
  });
});
