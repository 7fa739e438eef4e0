/**
 * Runs the whole brief pipeline on a bundle in a real in-memory SQLite store.
 */
import { loadPolicy } from "../../src/config/load-policy.js";
import type { Policy } from "../../src/config/policy.js";
import type { Bundle } from "../../src/domain/bundle.js";
import { runBrief, type BriefRun } from "../../src/pipeline.js";
import { importBundle, piecesOf } from "../../src/store/import-bundle.js";
import { openStore } from "../../src/store/sqlite-store.js";

let defaultPolicy: Policy | undefined;

/** Imports `bundle` into a fresh store and runs `brief` for the input at `now`. */
export function briefOn(
  bundle: Bundle,
  input: { description: string; customer?: string },
  now: string,
  policy?: Policy,
): BriefRun {
  defaultPolicy ??= loadPolicy();
  const store = openStore(":memory:");
  try {
    importBundle(store, piecesOf(bundle));
    return runBrief(store, input, {
      policy: policy ?? defaultPolicy,
      now: new Date(now),
      reporter: "Test Reporter",
    });
  } finally {
    store.close();
  }
}
