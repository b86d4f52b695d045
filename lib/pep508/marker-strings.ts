/**
 * Quoted marker values. packaging reads them with Python's `ast.literal_eval`,
 * so backslash escapes are decoded ("\t" is a tab); we decode the same
 * escapes so values compare identically.
 */

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Decodes a quoted token's body (without its quotes). Returns an error text
 * when Python would reject the literal.
 */
export function decodeMarkerString(body: string): { value: string } | { error: string } {
  let value = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? "";
    if (char === "\n" || char === "\r") return { error: "a quoted marker value cannot span lines" };
    if (char !== "\\") {
      value += char;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return { error: "a backslash escapes the closing quote, so the string never ends" };
    i += 1;
    const simple = SIMPLE_ESCAPES[next];
    const hexLength = HEX_ESCAPE_LENGTH[next];
    if (simple !== undefined) {
      value += simple;
    } else if (next === "\n") {
      // A backslash before a line break continues the line.
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i))?.[0] ?? next;
      value += String.fromCodePoint(parseInt(digits, 8));
      i += digits.length - 1;
    } else if (hexLength !== undefined) {
      const hex = body.slice(i + 1, i + 1 + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex)) {
        return { error: `"\\${next}" must be followed by ${hexLength} hexadecimal digits` };
      }
      const codePoint = parseInt(hex, 16);
      if (codePoint > 0x10ffff) return { error: `"\\${next}${hex}" is not a valid character` };
      value += String.fromCodePoint(codePoint);
      i += hexLength;
    } else if (next === "N") {
      return { error: 'named escapes such as "\\N{...}" are not supported in marker values' };
    } else {
      // Python keeps unknown escapes such as "\d" as written.
      value += `\\${next}`;
    }
  }
  return { value };
}

/** Quotes a value for printing; double quotes as packaging prints, escaped only when needed to read back the same. */
export function quoteMarkerValue(value: string): string {
  if (!/["\\\n\r]/.test(value)) return `"${value}"`;
  if (!/['\\\n\r]/.test(value)) return `'${value}'`;
  const escaped = value
    .replaceAll("\\", "\\\\")
    .replaceAll('"', '\\"')
    .replaceAll("\n", "\\n")
    .replaceAll("\r", "\\r");
  return `"${escaped}"`;
}
