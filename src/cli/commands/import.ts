/**
 * `escalate import FILE`: loads a workspace bundle into the store, all or nothing.
 */
import { closeSync, openSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../../errors.js";
import { readBundlePieces } from "../../store/bundle-reader.js";
import { importBundle, type ImportSummary } from "../../store/import-bundle.js";
import { openStoreFor, resolveDbPath, resolveFormat, type CommonOptions } from "../environment.js";
import { printJson, progress } from "../print.js";

/** Registers the command. */
export function registerImport(program: Command): void {
  program
    .command("import")
    .description("load a workspace bundle (JSON, see bundle.schema.json) into the store; '-' reads stdin")
    .argument("<file>", "bundle file, or - for standard input")
    .option("--db <path>", "store file (default: $ESCALATE_DB, else ~/.local/share/escalate/escalate.db)")
    .option("--format <format>", "markdown (a summary line) or json", "markdown")
    .action((file: string, options: CommonOptions) => {
      const format = resolveFormat(options.format, ["markdown", "json"] as const, "markdown");
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
      let summary: ImportSummary;
      try {
        summary = importBundle(store, readBundlePieces(fd, file === "-" ? "stdin" : file), (n) =>
          progress(`import: ${n.toLocaleString("en-US")} records…`),
        );
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
