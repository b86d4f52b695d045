/**
 * Where things are written in a TOML file. smol-toml returns values without positions, so one
 * linear pass over the text records table headers, key assignments and string literals with their
 * line; the readers then point each requirement at the line a person would edit. The pass never
 * backtracks: every character is looked at once (a string's escapes included), so hostile input
 * costs time proportional to its length.
 *
 * It reads well-formed TOML exactly and malformed TOML on a best-effort basis (it is only used to
 * find lines; the values come from the real parser).
 */

/** A table path as one map key: segments joined by a character TOML keys cannot make confusing. */
export function pathKey(segments: readonly string[]): string {
  return segments.join("\u001f");
}

export interface TomlHeader {
  path: string[];
  /** `[[path]]`: one element of an array of tables. */
  array: boolean;
  line: number;
  /** Offset of the header's first character in the text. */
  offset: number;
}

export interface TomlStringLiteral {
  /** pathKey of the key the string is the value (or part of the value) of, table path included. */
  path: string;
  value: string;
  line: number;
}

export interface TomlScan {
  headers: TomlHeader[];
  /** Where each top-level `key = value` statement starts (offset of its key, and its line). */
  statements: { offset: number; line: number }[];
  /** pathKey (table path + dotted key) → line of its first assignment. */
  keys: Map<string, number>;
  strings: TomlStringLiteral[];
  /** The first line whose table header or key has more than MAX_KEY_SEGMENTS dotted parts, else null. */
  overlyDeepKeyLine: number | null;
}

/**
 * Dotted parts in one header or key. Real files use a handful ("tool.poetry.group.dev.dependencies"
 * has 5); smol-toml spends about 10 µs per part, so a 256 KiB "[a.a.a…]" would cost over a second.
 */
export const MAX_KEY_SEGMENTS = 64;

const BARE_KEY = /[A-Za-z0-9_-]/;

export function scanToml(text: string): TomlScan {
  const scan: TomlScan = { headers: [], statements: [], keys: new Map(), strings: [], overlyDeepKeyLine: null };
  // Open brackets; an inline table cannot continue past its line (TOML 1.0), so a "{" left open at a
  // line end is dropped: one unclosed table does not hide the statements after it.
  const open: string[] = [];
  let i = 0;
  let line = 1;
  let table: string[] = [];
  let valuePath: string | null = null;
  let depth = 0;
  let lineStart = true;
  const n = text.length;

  const skipToLineEnd = (): void => {
    while (i < n && text[i] !== "\n") i++;
  };

  // Reads a string starting at text[i] (a quote); returns its decoded value and leaves i after it.
  const readString = (): string => {
    const quote = text[i] as string;
    const multi = text.startsWith(quote.repeat(3), i);
    i += multi ? 3 : 1;
    // TOML drops a newline right after the opening delimiter of a multi-line string.
    if (multi && text[i] === "\r" && text[i + 1] === "\n") i++;
    if (multi && text[i] === "\n") {
      i++;
      line++;
    }
    let value = "";
    while (i < n) {
      const c = text[i] as string;
      if (multi && text.startsWith(quote.repeat(3), i)) {
        // Up to two quotes just before the closing three belong to the string ('""""' ends with one).
        let run = 3;
        while (run < 5 && text[i + run] === quote) run++;
        value += quote.repeat(run - 3);
        i += run;
        return value;
      }
      if (!multi && c === quote) {
        i++;
        return value;
      }
      if (c === "\n") {
        if (!multi) return value; // unterminated: stop at the line end, which the caller counts
        line++;
      }
      if (c === "\\" && quote === '"') {
        const next = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", e: "\u001b" };
        if (next !== undefined && simple[next] !== undefined) {
          value += simple[next];
          i += 2;
          continue;
        }
        if (next === "u" || next === "U") {
          const length = next === "u" ? 4 : 8;
          const code = Number.parseInt(text.slice(i + 2, i + 2 + length), 16);
          if (Number.isFinite(code) && code <= 0x10ffff) value += String.fromCodePoint(code);
          i += 2 + length;
          continue;
        }
      }
      value += c;
      i++;
    }
    return value;
  };

  // Reads a dotted key (bare or quoted segments) up to `stop` on the same line; null when malformed.
  const readKey = (stop: string): string[] | null => {
    const segments: string[] = [];
    while (i < n) {
      while (text[i] === " " || text[i] === "\t") i++;
      const c = text[i];
      if (c === '"' || c === "'") segments.push(readString());
      else if (c !== undefined && BARE_KEY.test(c)) {
        const start = i;
        while (i < n && BARE_KEY.test(text[i] as string)) i++;
        segments.push(text.slice(start, i));
      } else return null;
      while (text[i] === " " || text[i] === "\t") i++;
      if (text[i] === ".") {
        i++;
        continue;
      }
      if (text.startsWith(stop, i)) {
        i += stop.length;
        if (segments.length > MAX_KEY_SEGMENTS) scan.overlyDeepKeyLine ??= line;
        return segments;
      }
      return null;
    }
    return null;
  };

  while (i < n) {
    const c = text[i] as string;
    if (c === "\n") {
      line++;
      i++;
      while (open[open.length - 1] === "{") {
        open.pop();
        depth--;
      }
      if (depth === 0) {
        lineStart = true;
        valuePath = null;
      }
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#") {
      skipToLineEnd();
      continue;
    }
    if (lineStart && depth === 0) {
      lineStart = false;
      if (c === "[") {
        const offset = i;
        const array = text[i + 1] === "[";
        i += array ? 2 : 1;
        const path = readKey(array ? "]]" : "]");
        if (path) {
          table = path;
          scan.headers.push({ path, array, line, offset });
        }
        skipToLineEnd();
        continue;
      }
      const statementOffset = i;
      const key = readKey("=");
      if (!key) {
        skipToLineEnd();
        continue;
      }
      scan.statements.push({ offset: statementOffset, line });
      const full = pathKey([...table, ...key]);
      if (!scan.keys.has(full)) scan.keys.set(full, line);
      valuePath = full;
      continue;
    }
    if (c === '"' || c === "'") {
      const startLine = line;
      const value = readString();
      if (valuePath !== null) scan.strings.push({ path: valuePath, value, line: startLine });
      continue;
    }
    if (c === "[" || c === "{") {
      depth++;
      open.push(c);
    } else if ((c === "]" || c === "}") && depth > 0) {
      depth--;
      open.pop();
    }
    i++;
  }
  return scan;
}

/**
 * Finds the lines of strings written under one key, in order, each string used once: the k-th time
 * the same dependency string is asked for under a key, it gets the k-th place it is written.
 */
export class StringLines {
  /** pathKey + value → the lines it is written on, and how many of them were handed out. */
  private readonly written = new Map<string, { lines: number[]; next: number }>();
  private readonly headerLines = new Map<string, number>();

  constructor(private readonly scan: TomlScan) {
    for (const header of scan.headers) if (!this.headerLines.has(pathKey(header.path))) this.headerLines.set(pathKey(header.path), header.line);
    for (const literal of scan.strings) {
      const key = `${literal.path}\u001e${literal.value}`;
      const entry = this.written.get(key);
      if (entry) entry.lines.push(literal.line);
      else this.written.set(key, { lines: [literal.line], next: 0 });
    }
  }

  /** The line of `value` written under `path`, else the key's line, else the nearest table header's, else 1. */
  lineOf(path: readonly string[], value: string | null): number {
    if (value !== null) {
      const entry = this.written.get(`${pathKey(path)}\u001e${value}`);
      if (entry && entry.next < entry.lines.length) return entry.lines[entry.next++] as number;
    }
    return this.keyLine(path);
  }

  /** The line where `path` is assigned, else where its nearest enclosing table begins, else 1. */
  keyLine(path: readonly string[]): number {
    for (let length = path.length; length > 0; length--) {
      const prefix = pathKey(path.slice(0, length));
      const line = this.scan.keys.get(prefix) ?? this.headerLines.get(prefix);
      if (line !== undefined) return line;
    }
    return 1;
  }
}
