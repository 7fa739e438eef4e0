/**
 * Printing: every text that leaves the machine is masked first (secrets, card numbers).
 */
import { maskDeep, maskText } from "../mask/mask.js";
import { useColor } from "./environment.js";

/** Prints Markdown, masked, with bold headings on a colour terminal. */
export function printMarkdown(text: string): void {
  let out = maskText(text).text;
  if (useColor(process.stdout)) out = out.replace(/^(#{2,3} .*)$/gm, "\u001b[1m$1\u001b[0m");
  process.stdout.write(out);
}

/** Prints one JSON object, masked. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(maskDeep(value), null, 2)}\n`);
}

/** Prints one JSON object on one line (JSON lines), masked. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(maskDeep(value))}\n`);
}

/** Prints a progress line to standard error when it is a terminal (scripts get a quiet stderr). */
export function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${line}\n`);
}
