import { parse, TomlError } from "smol-toml";
import type { Diagnostic } from "@/lib/requirements-file";
import { MAX_LOCK_PACKAGES } from "./limits";
import { MAX_KEY_SEGMENTS, scanToml, type TomlScan } from "./toml-scan";

export type TomlTable = Record<string, unknown>;

/**
 * Tables ([header] and [[header]]) in one file. smol-toml takes about 40 µs per array-of-tables
 * element on the development machine, so 256 KiB of bare "[[package]]" lines (11,000 of them) cost
 * half a second before anything is read; a real lock needs at most about two tables per package
 * ([[package]] and a sub-table such as [package.metadata]).
 */
export const MAX_TABLES = 2 * MAX_LOCK_PACKAGES;

export interface TomlRead {
  value: TomlTable;
  diagnostics: Diagnostic[];
  scan: TomlScan;
  /** Elements of top-level arrays of tables (`[[package]]`) → the line of their header. */
  elementLines: Map<object, number>;
}

/**
 * Parses TOML with smol-toml. A malformed document gets a diagnostic on the line smol-toml names,
 * and is then read table by table (split at its headers) so every table that parses on its own is
 * still used: one broken `[[package]]` costs that package, not the lock.
 */
export function readToml(text: string): TomlRead {
  const scan = scanToml(text);
  const elementLines = new Map<object, number>();
  if (scan.headers.length > MAX_TABLES) {
    const line = (scan.headers[MAX_TABLES] as { line: number }).line;
    const message = `This file has more than ${MAX_TABLES} tables; Basewise reads at most ${MAX_TABLES} (a lock of ${MAX_LOCK_PACKAGES} packages), so it does not read this file.`;
    return { value: {}, diagnostics: [{ line, severity: "error", message }], scan, elementLines };
  }
  if (scan.overlyDeepKeyLine !== null) {
    const message = `This key has more than ${MAX_KEY_SEGMENTS} dotted parts; no real file nests tables that deep, so Basewise does not read this file.`;
    return { value: {}, diagnostics: [{ line: scan.overlyDeepKeyLine, severity: "error", message }], scan, elementLines };
  }
  try {
    const value = parse(text) as TomlTable;
    mapElementLines(value, scan, elementLines);
    return { value, diagnostics: [], scan, elementLines };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const diagnostics: Diagnostic[] = [];
    const value: TomlTable = {};
    const report = (diagnostic: Diagnostic): void => {
      if (!diagnostics.some((d) => d.line === diagnostic.line)) diagnostics.push(diagnostic);
    };
    for (const chunk of chunks(text, scan)) {
      const part = parseChunk(chunk, report);
      if (!part) continue;
      const header = chunk.header;
      if (header?.array && header.path.length === 1) {
        const list = part[header.path[0] as string];
        const element = Array.isArray(list) ? list[0] : undefined;
        if (element && typeof element === "object") elementLines.set(element as object, header.line);
      }
      merge(value, part);
    }
    // The tables parse one by one yet not together (a table defined twice): the parser's own word.
    if (diagnostics.length === 0) diagnostics.push(tomlDiagnostic(error, 0));
    diagnostics.sort((a, b) => a.line - b.line);
    return { value, diagnostics, scan, elementLines };
  }
}

function tomlDiagnostic(error: TomlError, lineOffset: number): Diagnostic {
  // smol-toml's message is "Invalid TOML document: <reason>\n\n<code block>"; the reason is what helps.
  const reason = (error.message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "");
  return {
    line: error.line + lineOffset,
    severity: "error",
    message: `This is not valid TOML (column ${error.column}): ${reason}. The rest of the file is read where it can be.`,
  };
}

/** The k-th `[[name]]` header is the k-th element of the array `name`. */
function mapElementLines(value: TomlTable, scan: TomlScan, lines: Map<object, number>): void {
  const seen = new Map<string, number>();
  for (const header of scan.headers) {
    if (!header.array || header.path.length !== 1) continue;
    const name = header.path[0] as string;
    const index = seen.get(name) ?? 0;
    seen.set(name, index + 1);
    const list = value[name];
    const element = Array.isArray(list) ? list[index] : undefined;
    if (element && typeof element === "object") lines.set(element as object, header.line);
  }
}

/**
 * One table on its own; when it does not parse, its statements that do not parse on their own are
 * blanked (keeping the line count) and the rest is parsed again: one bad line costs that line.
 */
function parseChunk(chunk: Chunk, report: (diagnostic: Diagnostic) => void): TomlTable | null {
  try {
    return parse(chunk.text) as TomlTable;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
  }
  let kept = chunk.text;
  for (const statement of [...chunk.statements].reverse()) {
    try {
      parse(statement.text);
    } catch (error) {
      if (!(error instanceof TomlError)) throw error;
      report(tomlDiagnostic(error, statement.line - 1));
      const start = statement.offset - chunk.offset;
      kept = kept.slice(0, start) + statement.text.replace(/[^\n]/g, "") + kept.slice(start + statement.text.length);
    }
  }
  try {
    return parse(kept) as TomlTable;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    report(tomlDiagnostic(error, chunk.firstLine - 1));
    return null;
  }
}

interface Chunk {
  text: string;
  /** Offset of the chunk in the document. */
  offset: number;
  firstLine: number;
  header: TomlScan["headers"][number] | null;
  /** The top-level statements of the chunk, each with its text, offset and first line. */
  statements: { text: string; offset: number; line: number }[];
}


/** The document cut before each header, except a sub-table of the array element it belongs to. */
function chunks(text: string, scan: TomlScan): Chunk[] {
  const starts: { offset: number; line: number; header: Chunk["header"] }[] = [{ offset: 0, line: 1, header: null }];
  let arrayPath: string[] | null = null;
  for (const header of scan.headers) {
    const inside = arrayPath !== null && !header.array && header.path.length > arrayPath.length && arrayPath.every((s, k) => header.path[k] === s);
    if (inside) continue;
    arrayPath = header.array ? header.path : null;
    starts.push({ offset: header.offset, line: header.line, header });
  }
  // Statements are assigned to chunks in one merge-like walk (both lists are in text order).
  const cuts = [...scan.statements.map((s) => s.offset), ...scan.headers.map((h) => h.offset)].sort((a, b) => a - b);
  let statement = 0;
  let cut = 0;
  return starts.map((start, k) => {
    const end = starts[k + 1]?.offset ?? text.length;
    const statements: Chunk["statements"] = [];
    while (statement < scan.statements.length && (scan.statements[statement] as { offset: number }).offset < end) {
      const { offset, line } = scan.statements[statement] as { offset: number; line: number };
      while (cut < cuts.length && (cuts[cut] as number) <= offset) cut++;
      statements.push({ text: text.slice(offset, Math.min(cuts[cut] ?? text.length, end)), offset, line });
      statement++;
    }
    return { text: text.slice(start.offset, end), offset: start.offset, firstLine: start.line, header: start.header, statements };
  });
}

function isTable(value: unknown): value is TomlTable {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function merge(into: TomlTable, from: TomlTable): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (isTable(existing) && isTable(value)) merge(existing, value);
    else if (Array.isArray(existing) && Array.isArray(value)) existing.push(...(value as unknown[]));
    else if (existing === undefined) into[key] = value;
  }
}

export function asTable(value: unknown): TomlTable | null {
  return isTable(value) ? value : null;
}

export function asString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asStrings(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === "string");
}

/**
 * The line of each element's `name = "…"` (else its `[[array]]` header), for elements given in
 * document order: the line a person looks for when a pin is named.
 */
export function elementNameLines(read: TomlRead, arrayName: string, elements: readonly object[]): Map<object, number> {
  const key = `${arrayName}\u001fname`;
  const nameLines = read.scan.strings.filter((s) => s.path === key).map((s) => s.line);
  const lines = new Map<object, number>();
  let next = 0;
  for (const element of elements) {
    const header = read.elementLines.get(element);
    if (header === undefined) continue;
    while (next < nameLines.length && (nameLines[next] as number) < header) next++;
    lines.set(element, next < nameLines.length ? (nameLines[next] as number) : header);
  }
  return lines;
}
