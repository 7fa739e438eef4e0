/**
 * Test helper: the built CLI as a long-running child process (for `escalate watch`), with the same
 * isolation as `cli()`: never the developer's config, policy or data folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { isolatedEnv } from "./workspace.js";

const cliPath = resolve(import.meta.dirname, "../../dist/cli/main.js");

/** A running CLI: its output so far, a way to wait for output, and its exit. */
export interface RunningCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once `ready(stdout)` holds; rejects after `timeoutMs` or if the process exits first. */
  waitFor: (ready: (stdout: string) => boolean, timeoutMs?: number) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built CLI (`npm run build` first) with `args`. */
export function startCli(args: string[], options: { env?: Record<string, string> } = {}): RunningCli {
  const child = spawn(process.execPath, [cliPath, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: isolatedEnv(options.env),
  });
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on("close", (code, signal) => done({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const waitFor = (ready: (stdout: string) => boolean, timeoutMs = 15_000) =>
    new Promise<void>((resolvePromise, reject) => {
      const started = Date.now();
      const poll = () => {
        if (ready(out)) return resolvePromise();
        if (hasExited) return reject(new Error(`exited before ready; stdout: ${out}; stderr: ${err}`));
        if (Date.now() - started > timeoutMs) {
          return reject(new Error(`not ready after ${timeoutMs} ms; stdout: ${out}; stderr: ${err}`));
        }
        setTimeout(poll, 50);
      };
      poll();
    });

  return { child, stdout: () => out, stderr: () => err, waitFor, exited };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
