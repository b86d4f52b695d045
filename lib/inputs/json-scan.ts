/**
 * Where the members of a JSON document's second level are written ("default" → "requests" in a
 * Pipfile.lock), found in one linear pass: each member's line and the text span of its value. The
 * span lets a malformed document still be read member by member (each value parsed on its own).
 */
export interface JsonMember {
  /** Top-level key, then the member's key. */
  section: string;
  key: string;
  line: number;
  /** [start, end) of the member's value in the text; end is -1 when the value never closes. */
  start: number;
  end: number;
}

export function scanJsonMembers(text: string): JsonMember[] {
  const members: JsonMember[] = [];
  const keys: (string | null)[] = []; // key of the value open at each depth
  let depth = 0;
  let line = 1;
  let pendingKey: string | null = null;
  let open: JsonMember | null = null;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === "\n") {
      line++;
      i++;
      continue;
    }
    if (c === '"') {
      const startLine = line;
      let value = "";
      i++;
      while (i < n && text[i] !== '"' && text[i] !== "\n") {
        if (text[i] === "\\") {
          value += text[i + 1] ?? "";
          i += 2;
          continue;
        }
        value += text[i];
        i++;
      }
      if (text[i] === '"') i++; // an unterminated string ends at its line end, which the loop counts
      let k = i;
      while (k < n && (text[k] === " " || text[k] === "\t" || text[k] === "\r" || text[k] === "\n")) k++;
      if (text[k] === ":") {
        pendingKey = value;
        const section = keys[2];
        if (depth === 2 && section !== null && section !== undefined) {
          let v = k + 1;
          while (v < n && (text[v] === " " || text[v] === "\t" || text[v] === "\r" || text[v] === "\n")) v++;
          open = { section, key: value, line: startLine, start: v, end: -1 };
          members.push(open);
        }
      }
      continue;
    }
    if (c === "{" || c === "[") {
      depth++;
      keys[depth] = pendingKey;
      pendingKey = null;
    } else if (c === "}" || c === "]") {
      if (depth === 3 && open) {
        open.end = i + 1;
        open = null;
      }
      depth = Math.max(0, depth - 1);
    } else if (c === ",") {
      pendingKey = null;
      if (depth === 2 && open && open.end === -1) {
        open.end = i; // a scalar value
        open = null;
      }
    }
    i++;
  }
  return members;
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
