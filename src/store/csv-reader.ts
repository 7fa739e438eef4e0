/**
 * An RFC 4180 CSV reader that streams records from a file descriptor: quoted fields may hold
 * commas, doubled quotes and line breaks; CRLF, LF and a leading BOM are accepted. Only the
 * current record and one read chunk are held in memory.
 */
import { readSync } from "node:fs";
import { UserError } from "../errors.js";

/** One CSV record and its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

const CHUNK = 1 << 20;

/** A source of text chunks: the reader's only contact with the outside. */
export type ChunkSource = () => string | null;

/** Chunks of a file descriptor (a file, or 0 for stdin), decoded as UTF-8. */
export function chunksOfFd(fd: number): ChunkSource {
  const decoder = new TextDecoder("utf-8");
  const bytes = Buffer.allocUnsafe(CHUNK);
  let done = false;
  return () => {
    if (done) return null;
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, bytes, 0, CHUNK, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") continue;
        if (code !== "EOF") throw error;
        read = 0;
      }
      if (read === 0) {
        done = true;
        return decoder.decode();
      }
      return decoder.decode(bytes.subarray(0, read), { stream: true });
    }
  };
}

/** Chunks of an in-memory string (for tests and the eval). */
export function chunksOfText(text: string): ChunkSource {
  let given = false;
  return () => {
    if (given) return null;
    given = true;
    return text;
  };
}

/** Yields the records of a CSV text; fully empty lines are skipped. */
export function* readCsvRecords(next: ChunkSource, sourceName: string): Generator<CsvRecord> {
  let text = "";
  let pos = 0;
  let eof = false;
  let row = 0;
  let first = true;
  // loads more text; false when the input is exhausted
  const more = (): boolean => {
    if (eof) return false;
    const chunk = next();
    if (chunk === null) {
      eof = true;
      return false;
    }
    text = pos > 0 ? text.slice(pos) + chunk : text + chunk;
    pos = 0;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    return true;
  };
  more();
  for (;;) {
    if (pos >= text.length && !more()) return;
    row++;
    const fields: string[] = [];
    let field = "";
    let endOfRecord = false;
    while (!endOfRecord) {
      if (pos >= text.length && !more()) {
        fields.push(field);
        break;
      }
      if (text.charCodeAt(pos) === 34 /* " */ && field === "") {
        // quoted field: runs to the next quote that is not doubled
        pos++;
        for (;;) {
          const q = text.indexOf('"', pos);
          if (q < 0 || q === text.length - 1) {
            if (more()) continue;
            if (q < 0)
              throw new UserError(
                `${sourceName}: row ${row}: a quoted field is not closed before the end of the file`,
              );
          }
          const at = text.indexOf('"', pos);
          field += text.slice(pos, at);
          if (text.charCodeAt(at + 1) === 34) {
            field += '"';
            pos = at + 2;
            continue;
          }
          pos = at + 1;
          break;
        }
        // anything between the closing quote and the delimiter is kept, as lenient readers do
        continue;
      }
      // unquoted run: up to the next comma or line break
      let end = pos;
      const length = text.length;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13 || (c === 34 && field === "" && end === pos)) break;
        end++;
      }
      field += text.slice(pos, end);
      pos = end;
      if (pos >= text.length) continue; // need more text to see the delimiter
      const c = text.charCodeAt(pos);
      if (c === 34) continue; // a quote opening this field
      if (c === 44) {
        fields.push(field);
        field = "";
        pos++;
        continue;
      }
      // line break: CRLF or LF (or a lone CR)
      fields.push(field);
      pos++;
      if (c === 13) {
        if (pos >= text.length) more();
        if (text.charCodeAt(pos) === 10) pos++;
      }
      endOfRecord = true;
    }
    if (fields.length === 1 && fields[0] === "") {
      row--;
      continue;
    }
    yield { row, fields };
  }
}
