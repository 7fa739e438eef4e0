/**
 * `escalate import FILE`: loads a workspace bundle, or a CSV export of tickets (Jira's, or any
 * helpdesk's through a column map), into the store, all or nothing.
 */
import { closeSync, openSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../../errors.js";
import { readBundlePieces } from "../../store/bundle-reader.js";
import { chunksOfFd, readCsvRecords } from "../../store/csv-reader.js";
import { importBundle, type ImportSummary } from "../../store/import-bundle.js";
import { importCsv, parseMapSpec, type ColumnMap } from "../../store/import-csv.js";
import { openStoreFor, resolveDbPath, resolveFormat, type CommonOptions } from "../environment.js";
import { printJson, progress } from "../print.js";

/** Options of `import`. */
export interface ImportCommandOptions extends CommonOptions {
  from?: string;
  map?: string;
}

const sources = ["bundle", "jira-csv", "csv"] as const;

/** Registers the command. */
export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "load a workspace bundle (JSON, see bundle.schema.json) or a CSV export of tickets into the store; '-' reads stdin",
    )
    .argument("<file>", "bundle or CSV file, or - for standard input")
    .option(
      "--from <source>",
      "bundle, jira-csv (Jira's CSV export) or csv (any export, with --map)",
      "bundle",
    )
    .option(
      "--map <spec>",
      "with --from csv: field=Column pairs, e.g. id=Ticket ID,subject=Subject,description=Description,createdAt=Created,status=Status",
    )
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--format <format>", "markdown (a summary line) or json", "markdown")
    .action((file: string, options: ImportCommandOptions) => {
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
    });
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
