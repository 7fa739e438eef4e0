/**
 * `escalate import FILE`: loads a workspace bundle, or a CSV export of tickets (Jira's, or any
 * helpdesk's through a column map), into the store, all or nothing. Declares the command only;
 * import-run.ts does the work and loads when the command runs.
 */
import type { Command } from "commander";
import type { CommonOptions } from "../environment.js";

/** Options of `import`. */
export interface ImportCommandOptions extends CommonOptions {
  from?: string;
  map?: string;
}

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
    .action(async (file: string, options: ImportCommandOptions) => {
      const { importCommand } = await import("./import-run.js");
      importCommand(file, options);
    });
}
