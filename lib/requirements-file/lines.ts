// Turns requirements-file text into logical lines exactly as pip's req_file.py preprocesses it:
// split into physical lines, join "\" continuations, drop comments, drop blank lines.

export interface LogicalLine {
  /** 1-based number of the first physical line (pip reports this one too). */
  lineNumber: number;
  text: string;
}

// pip's COMMENT_RE: a "#" at the start of the line or after whitespace starts a comment.
// "pkg#egg" is not a comment, "pkg #x" is.
const COMMENT = /(^|\s+)#.*$/;
const STARTS_WITH_COMMENT = /^\s*#/;

export function logicalLines(text: string): LogicalLine[] {
  const physical = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  // A trailing newline does not make an extra line (Python's splitlines()).
  if (physical.length > 0 && physical[physical.length - 1] === "") physical.pop();

  const joined: LogicalLine[] = [];
  let pending: string[] = [];
  let pendingStart = 0;
  physical.forEach((raw, index) => {
    const lineNumber = index + 1;
    // pip: a comment line never continues, even when it ends in "\" — it ends the pending line.
    if (!raw.endsWith("\\") || STARTS_WITH_COMMENT.test(raw)) {
      const line = STARTS_WITH_COMMENT.test(raw) ? ` ${raw}` : raw;
      if (pending.length > 0) {
        joined.push({ lineNumber: pendingStart, text: pending.join("") + line });
        pending = [];
      } else {
        joined.push({ lineNumber, text: line });
      }
    } else {
      if (pending.length === 0) pendingStart = lineNumber;
      pending.push(stripBackslashes(raw));
    }
  });
  if (pending.length > 0) joined.push({ lineNumber: pendingStart, text: pending.join("") });

  const result: LogicalLine[] = [];
  for (const line of joined) {
    const text = line.text.replace(COMMENT, "").trim();
    if (text) result.push({ lineNumber: line.lineNumber, text });
  }
  return result;
}

// Python's str.strip("\\"): backslashes removed from both ends.
function stripBackslashes(line: string): string {
  return line.replace(/^\\+|\\+$/g, "");
}
