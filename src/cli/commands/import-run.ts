/**
 * What `escalate import` does (import.ts declares it): reads the file and loads it into the store,
 * all or nothing.
 */
import { closeSync, openSync } from "node:fs";
import { UserError } from "../../errors.js";
import { readBundlePieces } from "../../store/bundle-reader.js";
import { chunksOfFd, readCsvRecords } from "../../store/csv-reader.js";
import { importBundle, type ImportSummary } from "../../store/import-bundle.js";
import { importCsv, parseMapSpec, type ColumnMap } from "../../store/import-csv.js";
import { openStoreFor, resolveDbPath, resolveFormat } from "../environment.js";
import { printJson, progress } from "../print.js";
import type { ImportCommandOptions } from "./import.js";

const sources = ["bundle", "jira-csv", "csv"] as const;

/** Runs `import` with commander's arguments. */
export function importCommand(file: string, options: ImportCommandOptions): void {
  const format = resolveFormat(options.format, ["markdown", "json"] as const, "markdown");
  const from = (options.from ?? "bundle") as (typeof sources)[number];
  if (!sources.includes(from))
    throw new UserError(`--from: expected ${sources.join(", ")}, got "${options.from}"`);
  if (options.map !== undefined && from !== "csv")
    throw new UserError(`--map: only with --from csv (got --from ${from})`);
  if (from === "csv" && options.map === undefined)
    throw new UserError(
      "--map: required with --from csv, e.g. --map id=Ticket ID,subject=Subject,createdAt=Created",
    );
  const map: ColumnMap | undefined = options.map === undefined ? undefined : parseMapSpec(options.map);
  let fd: number;
  try {
    fd = file === "-" ? 0 : openSync(file, "r");
  } catch (error) {
    throw new UserError(
      `import: cannot open ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const store = openStoreFor(options);
  const started = Date.now();
  const sourceName = file === "-" ? "stdin" : file;
  const onProgress = (n: number) => progress(`import: ${n.toLocaleString("en-US")} records…`);
  let summary: ImportSummary;
  try {
    if (from === "bundle") summary = importBundle(store, readBundlePieces(fd, sourceName), onProgress);
    else {
      const csv = importCsv(store, readCsvRecords(chunksOfFd(fd), sourceName), {
        format: from,
        map,
        sourceName,
        onProgress,
      });
      summary = { ...emptySummary(), tickets: csv.tickets };
    }
  } finally {
    if (fd !== 0) closeSync(fd);
    store.close();
  }
  const seconds = (Date.now() - started) / 1000;
  if (format === "json") printJson({ ...summary, db: resolveDbPath(options), seconds });
  else {
    process.stdout.write(
      `Imported ${summary.accounts} accounts, ${summary.tickets} tickets, ${summary.chatMessages} chat messages, ` +
        `${summary.trackerIssues} tracker issues, ${summary.kbArticles} KB articles, ${summary.escalations} past escalations` +
        `${summary.team ? " and the team settings" : ""} into ${resolveDbPath(options)} in ${seconds.toFixed(1)}s\n`,
    );
  }
}

const emptySummary = (): ImportSummary => ({
  team: false,
  accounts: 0,
  tickets: 0,
  chatMessages: 0,
  trackerIssues: 0,
  kbArticles: 0,
  escalations: 0,
});
