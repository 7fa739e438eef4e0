/**
 * Reads a workspace bundle (a JSON object) piece by piece, so that a bundle with 100k tickets is
 * never held twice in memory: the top-level arrays are split into their elements, and each element
 * is parsed on its own. Other top-level values (version, team) are parsed whole.
 */
import { readSync } from "node:fs";
import { UserError } from "../errors.js";

/** One piece of the bundle: a top-level value, one element of a top-level array, or an array's end. */
export type BundlePiece =
  | { kind: "value"; key: string; value: unknown }
  | { kind: "item"; key: string; index: number; value: unknown }
  | { kind: "arrayEnd"; key: string; length: number };

const CHUNK = 1 << 20;

/** Yields the pieces of the bundle read from file descriptor `fd` (a file, or 0 for stdin). */
export function* readBundlePieces(fd: number, sourceName: string): Generator<BundlePiece> {
  const decoder = new TextDecoder("utf-8");
  const bytes = Buffer.allocUnsafe(CHUNK);
  let text = "";
  let pos = 0;
  let eof = false;
  let consumedBefore = 0;

  const fail = (what: string): never => {
    throw new UserError(
      `${sourceName}: not a valid bundle: ${what} (near character ${consumedBefore + pos})`,
    );
  };
  // make sure text[pos .. pos+n) is loaded, reading more when needed; false at end of input
  const ensure = (n: number): boolean => {
    while (text.length - pos < n && !eof) {
      let read = 0;
      try {
        read = readSync(fd, bytes, 0, CHUNK, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") continue;
        if ((error as NodeJS.ErrnoException).code === "EOF") read = 0;
        else throw error;
      }
      if (read === 0) {
        eof = true;
        text += decoder.decode();
      } else {
        text += decoder.decode(bytes.subarray(0, read), { stream: true });
      }
    }
    return text.length - pos >= n;
  };
  const skipWs = (): void => {
    for (;;) {
      if (!ensure(1)) return;
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) pos++;
      else return;
    }
  };
  const peek = (): string => (ensure(1) ? text.charAt(pos) : fail("unexpected end of input"));
  const expect = (ch: string): void => {
    skipWs();
    if (peek() !== ch) fail(`expected '${ch}'`);
    pos++;
  };
  // drops what was consumed, so memory holds about one element at a time; only called between
  // values, never while a value's start index is held
  const compact = (): void => {
    if (pos > CHUNK) {
      consumedBefore += pos;
      text = text.slice(pos);
      pos = 0;
    }
  };
  // scans one JSON value starting at pos and returns its raw text
  const scanValue = (): string => {
    skipWs();
    compact();
    const start = pos;
    let depth = 0;
    let inString = false;
    for (;;) {
      if (!ensure(1)) {
        if (depth === 0 && !inString && pos > start) return text.slice(start, pos);
        fail("unexpected end of input");
      }
      const c = text.charAt(pos);
      if (inString) {
        if (c === "\\") {
          ensure(2);
          pos += 2;
          continue;
        }
        if (c === '"') inString = false;
        pos++;
        if (depth === 0 && !inString) return text.slice(start, pos);
        continue;
      }
      if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        if (depth === 0) return text.slice(start, pos);
        depth--;
        if (depth === 0) {
          pos++;
          return text.slice(start, pos);
        }
      } else if (depth === 0 && (c === "," || c === " " || c === "\n" || c === "\r" || c === "\t")) {
        return text.slice(start, pos);
      }
      pos++;
    }
  };
  const parseRaw = (raw: string, where: string): unknown => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return fail(`${where} is not valid JSON`);
    }
  };

  expect("{");
  skipWs();
  if (peek() === "}") return;
  for (;;) {
    skipWs();
    const key = parseRaw(scanValue(), "a key");
    if (typeof key !== "string") fail("expected a property name");
    expect(":");
    skipWs();
    if (peek() === "[") {
      pos++;
      skipWs();
      let index = 0;
      if (peek() === "]") pos++;
      else {
        for (;;) {
          const value = parseRaw(scanValue(), `${key as string}[${index}]`);
          yield { kind: "item", key: key as string, index, value };
          index++;
          skipWs();
          const c = peek();
          pos++;
          if (c === "]") break;
          if (c !== ",") fail(`expected ',' or ']' in ${key as string}`);
        }
      }
      yield { kind: "arrayEnd", key: key as string, length: index };
    } else {
      yield { kind: "value", key: key as string, value: parseRaw(scanValue(), key as string) };
    }
    skipWs();
    const c = peek();
    pos++;
    if (c === "}") break;
    if (c !== ",") fail("expected ',' or '}' after a property");
  }
  skipWs();
  if (ensure(1)) fail("unexpected text after the bundle");
}
