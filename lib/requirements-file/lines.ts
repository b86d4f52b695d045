// Turns requirements-file text into logical lines exactly as pip's req_file.py preprocesses it:
// split into physical lines, join "\" continuations, drop comments, drop blank lines.
//
// Every step is a single forward scan: the text is user input, and the regexes pip uses
// (COMMENT_RE `(^|\s+)#.*$`, str.strip("\\")) backtrack quadratically when a JavaScript
// .replace tries them at every position of a long run of spaces or backslashes (256 KB of spaces
// took about a minute).
import { MAX_LINE_LENGTH } from "./limits";
import { isWhitespace } from "./whitespace";

export interface LogicalLine {
  kind: "line";
  /** 1-based number of the first physical line (pip reports this one too). */
  lineNumber: number;
  text: string;
}

/** A logical line over MAX_LINE_LENGTH: skipped unread, reported on its first physical line. */
export interface OverlongLine {
  kind: "overlong";
  lineNumber: number;
  /** Last physical line of the logical line (differs from lineNumber when "\" continuations join it). */
  lastLineNumber: number;
  /** The first physical line over the limit, or null when only the joined line is. */
  physical: { lineNumber: number; length: number } | null;
  /** Length of the joined line, comments included. */
  length: number;
}

export type SourceLine = LogicalLine | OverlongLine;

/** The logical lines pip would parse; over-long lines are left out (see sourceLines). */
export function logicalLines(text: string): LogicalLine[] {
  return sourceLines(text).filter((line): line is LogicalLine => line.kind === "line");
}

/** Logical lines and over-long lines, in file order. */
export function sourceLines(text: string): SourceLine[] {
  const physical = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  // A trailing newline does not make an extra line (Python's splitlines()).
  if (physical.length > 0 && physical[physical.length - 1] === "") physical.pop();

  const result: SourceLine[] = [];
  let pending: string[] = [];
  let pendingStart = 0;
  let firstOverlong: OverlongLine["physical"] = null;

  const finish = (start: number, last: number, parts: string[]): void => {
    const joinedLength = parts.reduce((sum, part) => sum + part.length, 0);
    if (firstOverlong !== null || joinedLength > MAX_LINE_LENGTH) {
      result.push({ kind: "overlong", lineNumber: start, lastLineNumber: last, physical: firstOverlong, length: joinedLength });
    } else {
      const line = stripComment(parts.join("")).trim();
      if (line) result.push({ kind: "line", lineNumber: start, text: line });
    }
    firstOverlong = null;
  };

  physical.forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.length > MAX_LINE_LENGTH && firstOverlong === null) firstOverlong = { lineNumber, length: raw.length };
    const comment = startsWithComment(raw);
    // pip: a comment line never continues, even when it ends in "\" — it ends the pending line.
    if (!raw.endsWith("\\") || comment) {
      const line = comment ? ` ${raw}` : raw;
      if (pending.length > 0) {
        finish(pendingStart, lineNumber, [...pending, line]);
        pending = [];
      } else {
        finish(lineNumber, lineNumber, [line]);
      }
    } else {
      if (pending.length === 0) pendingStart = lineNumber;
      pending.push(stripBackslashes(raw));
    }
  });
  if (pending.length > 0) finish(pendingStart, physical.length, pending);
  return result;
}

// What "." in a JavaScript regex does not match.
function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** `/^\s*#/`: the line is a comment line. */
function startsWithComment(line: string): boolean {
  let i = 0;
  while (i < line.length && isWhitespace(line.charCodeAt(i))) i++;
  return line.charCodeAt(i) === 0x23;
}

/**
 * `line.replace(/(^|\s+)#.*$/, "")`, pip's COMMENT_RE: "pkg #x" loses " #x", "pkg#egg" stays whole.
 * The leftmost match is the first "#" that starts the line or follows whitespace and has no line
 * terminator after it ("." stops at U+2028, which can survive the split into lines); the
 * whitespace run before that "#" goes with it.
 */
export function stripComment(line: string): string {
  let searchFrom = 0;
  for (let i = line.length - 1; i >= 0; i--) {
    if (isLineTerminator(line.charCodeAt(i))) {
      searchFrom = i + 1;
      break;
    }
  }
  let runStart = -1; // start of the whitespace run just before i, or -1 when i does not follow whitespace
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x23 && i >= searchFrom && (i === 0 || runStart !== -1)) return line.slice(0, i === 0 ? 0 : runStart);
    if (isWhitespace(code)) {
      if (runStart === -1) runStart = i;
    } else {
      runStart = -1;
    }
  }
  return line;
}

/** Python's str.strip("\\"): backslashes removed from both ends. */
export function stripBackslashes(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line.charCodeAt(start) === 0x5c) start++;
  while (end > start && line.charCodeAt(end - 1) === 0x5c) end--;
  return line.slice(start, end);
}
