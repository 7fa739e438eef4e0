/**
 * The CLI's edge: where the store lives, what time it is, which policy and reporter apply, and
 * how to print. Everything the pure core must not read (env, files, clock) is resolved here.
 * Only the commands' run modules import it, so `--help` loads neither the store nor the policy.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import type * as Yaml from "yaml";
import { loadPolicy } from "../config/load-policy.js";
import type { Policy } from "../config/policy.js";
import { UserError } from "../errors.js";
import { openStore, type Store } from "../store/sqlite-store.js";

/** Options every store command accepts. */
export interface CommonOptions {
  db?: string;
  now?: string;
  format?: string;
  policy?: string;
}

/** The user's config file (`$XDG_CONFIG_HOME/escalate/config.yaml`), when present. */
export interface UserConfig {
  reporter?: string;
  actor?: string;
  policy?: string;
  db?: string;
}

const require = createRequire(import.meta.url);
const configDir = () => process.env.XDG_CONFIG_HOME || join(homedir(), ".config");
const dataDir = () => process.env.XDG_DATA_HOME || join(homedir(), ".local", "share");

/** Reads the user's config file; a broken one is a clear error, a missing one is empty. */
export function readUserConfig(): UserConfig {
  const path = process.env.ESCALATE_CONFIG || join(configDir(), "escalate", "config.yaml");
  if (!existsSync(path)) return {};
  // the YAML parser loads only when there is a config file to read
  const { parse: parseYaml } = require("yaml") as typeof Yaml;
  try {
    const data = parseYaml(readFileSync(path, "utf8")) as unknown;
    return typeof data === "object" && data !== null ? data : {};
  } catch (error) {
    throw new UserError(`config: cannot read ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** The store path: --db, else ESCALATE_DB, else the config file, else the user's data folder. */
export function resolveDbPath(options: CommonOptions, config: UserConfig = readUserConfig()): string {
  return options.db || process.env.ESCALATE_DB || config.db || join(dataDir(), "escalate", "escalate.db");
}

/** Refuses a store that holds no workspace yet, saying how to fill it. */
export function requireWorkspace(store: Store, options: CommonOptions): void {
  if (Object.values(store.counts()).every((n) => n === 0)) {
    throw new UserError(
      `store: ${resolveDbPath(options)} holds no workspace yet; run \`escalate import FILE\` or \`escalate demo\` first`,
    );
  }
}

/** Opens the store the options point to. */
export function openStoreFor(options: CommonOptions): Store {
  return openStore(resolveDbPath(options));
}

/** The clock: --now when given (validated), else the real time. */
export function resolveNow(value: string | undefined): Date {
  if (!value) return new Date();
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  const date = new Date(value);
  if (!iso.test(value) || Number.isNaN(date.getTime())) {
    throw new UserError(`--now: expected an ISO-8601 date-time like 2026-11-10T16:00:00Z, got "${value}"`);
  }
  return date;
}

/** The policy: --policy, else ESCALATE_POLICY, else the config file's, else the user's policy.yaml. */
export function resolvePolicy(options: CommonOptions, config: UserConfig = readUserConfig()): Policy {
  const fallback = join(configDir(), "escalate", "policy.yaml");
  const path =
    options.policy ||
    process.env.ESCALATE_POLICY ||
    config.policy ||
    (existsSync(fallback) ? fallback : undefined);
  return loadPolicy(path);
}

/** Who reports escalations: ESCALATE_REPORTER, else the config file; never invented. */
export function resolveReporter(config: UserConfig = readUserConfig()): string | null {
  return process.env.ESCALATE_REPORTER || config.reporter || null;
}

/** Output format: markdown (default) or json; anything else is a usage error. */
export function resolveFormat<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = (value ?? fallback) as T;
  if (!allowed.includes(v)) throw new UserError(`--format: expected ${allowed.join(" or ")}, got "${value}"`);
  return v;
}

/** Reads `--limit`: a whole number from 1 to 1000. */
export function parseLimit(value: string | undefined, fallback = 10): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 1000)
    throw new UserError(`--limit: expected a whole number from 1 to 1000, got "${value}"`);
  return n;
}

/** True when colour may be used on `stream` (a terminal, and NO_COLOR unset). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
}

/** Reads all of standard input (for `-`). */
export function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch (error) {
    throw new UserError(`stdin: cannot read standard input: ${(error as Error).message}`);
  }
}

/** Reads a description argument ('-' for stdin) and checks it is not empty. */
export function readDescription(value: string): string {
  const text = value === "-" ? readStdin() : value;
  if (!text.trim())
    throw new UserError(
      'description: empty; describe the issue, e.g. "API returning 500 errors for Acme Corp"',
    );
  return text;
}
