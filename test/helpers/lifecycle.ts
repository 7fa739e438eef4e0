/**
 * Test helpers for the escalation lifecycle: an opened escalation's log and the transitions'
 * events (pure), and a workspace in a temporary store driven through the built CLI.
 */
import { join } from "node:path";
import type { Bundle, Severity } from "../../src/domain/bundle.js";
import { defaultCadence } from "../../src/lifecycle/cadence.js";
import {
  openEvent,
  type EscalationEvent,
  type Stamp,
  type TransitionResult,
} from "../../src/lifecycle/escalation.js";
import { baseline, cli, tempDir, writeBundle } from "./workspace.js";

/** The baseline workspace's problem, as a user would type it. */
export const DESCRIPTION = "Order API returning HTTP 500 errors intermittently for Acme";
/** When the tests open it: T-1 at 19 h of its 24 h SLA, so High → Engineering. */
export const OPENED = "2026-11-10T16:00:00Z";

/** Who and when, for a transition. */
export function stampAt(iso: string, actor = "Dana"): Stamp {
  return { at: new Date(iso), actor };
}

/** The events of an accepted transition; a refusal fails the test with its message. */
export function eventsOf(result: TransitionResult): EscalationEvent[] {
  if (!result.ok) throw new Error(result.message);
  return result.events;
}

/** The refusal message of a transition, or "" when it was accepted. */
export function refusalOf(result: TransitionResult): string {
  return result.ok ? "" : result.message;
}

/** Options of openedLog. */
export interface OpenedLogOptions {
  severity?: Severity;
  briefMarkdown?: string;
  timeZone?: string;
}

/** A log holding only the open event: Acme, Engineering, no SLA cap, the default cadence, at OPENED. */
export function openedLog(options: OpenedLogOptions = {}): EscalationEvent[] {
  return [
    openEvent(
      {
        severity: options.severity ?? "High",
        target: "Engineering",
        accountIds: ["acme"],
        description: DESCRIPTION,
        briefMarkdown: options.briefMarkdown ?? "## ESCALATION: x\n",
        decision: "escalate",
        slaUpdateHours: null,
        calendar: { timeZone: options.timeZone ?? "UTC", holidays: [] },
        cadence: defaultCadence,
      },
      stampAt(OPENED),
    ),
  ];
}

/** A CLI run's outcome. */
export type CliResult = ReturnType<typeof cli>;

/** A workspace imported into a temporary store; every run adds `--db` and an isolated environment. */
export interface CliWorkspace {
  dir: string;
  db: string;
  /** Runs the built CLI on this store. */
  run: (args: string[], env?: Record<string, string>) => CliResult;
  /** Runs with `--format json`, requires exit 0 and no stderr, and parses standard output. */
  json: <T = Record<string, unknown>>(args: string[], env?: Record<string, string>) => T;
  cleanup: () => void;
}

/** Imports `bundle` (the baseline by default) into a fresh store through the CLI. */
export function cliWorkspace(bundle: Bundle = baseline()): CliWorkspace {
  const { dir, cleanup } = tempDir();
  const db = join(dir, "store.db");
  const baseEnv = { ESCALATE_CONFIG: join(dir, "no-config.yaml"), ESCALATE_ACTOR: "" };
  const run = (args: string[], env: Record<string, string> = {}) =>
    cli([...args, "--db", db], { env: { ...baseEnv, ...env } });
  const json = <T>(args: string[], env: Record<string, string> = {}): T => {
    const r = run([...args, "--format", "json"], env);
    if (r.code !== 0 || r.stderr !== "") {
      throw new Error(`escalate ${args.join(" ")}: exit ${r.code}: ${r.stderr}`);
    }
    return JSON.parse(r.stdout) as T;
  };
  const imported = run(["import", writeBundle(dir, bundle)]);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  return { dir, db, run, json, cleanup };
}
