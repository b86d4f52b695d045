/**
 * A position in the text being parsed, plus the token shapes PEP 508's
 * grammar (as packaging 26.2 tokenises it) is built from. Problems are thrown
 * as SyntaxProblem and turned into a Parsed error at the entry points.
 */

import { shorten } from "@/lib/pep440";

/** A parse failure at a 0-based offset; the message is for a person. */
export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function describeProblem(problem: SyntaxProblem): string {
  return `${problem.message} (column ${problem.offset + 1})`;
}

// Python's \w in str patterns: Unicode letters and numbers, and "_". packaging's
// \b boundaries use it, so "café" is not a name but "foo_" is.
const WORD = "[\\p{L}\\p{N}_]";

/** Builds a sticky regex; `\b` in `body` is replaced by Python's Unicode word boundary. */
function token(body: string, flags = ""): RegExp {
  const boundary = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
  return new RegExp(body.replaceAll("\\b", boundary), `uy${flags}`);
}

export const TOKENS = {
  whitespace: /[ \t]+/y,
  // PEP 508 "identifier": starts and ends with a letter or digit (packaging
  // allows a trailing "_" too, because "_" is a word character for \b).
  identifier: token("\\b[a-zA-Z0-9][a-zA-Z0-9._-]*\\b"),
  variable: token(
    "\\b(?:python_version|python_full_version|os[._]name|sys[._]platform|platform_(?:release|system)" +
      "|platform[._](?:version|machine|python_implementation)|python_implementation" +
      "|implementation_(?:name|version)|extras?|dependency_groups)\\b",
  ),
  quotedString: /'[^']*'|"[^"]*"/y,
  comparison: /===|==|~=|!=|<=|>=|<|>/y,
  booleanOperator: token("\\b(?:or|and)\\b"),
  in: token("\\bin\\b"),
  not: token("\\bnot\\b"),
  url: /[^ \t]+/y,
  // One PEP 440 clause as packaging's tokenizer reads it: the operator-specific
  // forms of its Specifier regex, matched as a prefix (so ">=1.0.*" reads ">=1.0").
  specifier: new RegExp(
    [
      "===\\s*[^\\s;)]*",
      "(?:==|!=)\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*(?:\\.\\*|" +
        "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?" +
        "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?" +
        "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?)?",
      "~=\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?" +
        "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?",
      "(?:<=|>=|<|>)\\s*v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*" +
        "(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?" +
        "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?",
    ].join("|"),
    // No "u" flag: case-insensitive matching then stays ASCII-only, like the
    // (?a:) groups in packaging's pattern.
    "iy",
  ),
  wildcardTail: /\.\*/y,
  localLabelTail: /\+[a-z0-9]+(?:[-_.][a-z0-9]+)*/y,
} as const;

export class Cursor {
  offset = 0;

  constructor(readonly source: string) {}

  atEnd(): boolean {
    return this.offset >= this.source.length;
  }

  /** The token's text if it matches here, without consuming it. */
  peek(pattern: RegExp): string | null {
    pattern.lastIndex = this.offset;
    const match = pattern.exec(this.source);
    return match ? match[0] : null;
  }

  /** Consumes and returns the token if it matches here. */
  take(pattern: RegExp): string | null {
    const text = this.peek(pattern);
    if (text !== null) this.offset += text.length;
    return text;
  }

  skipWhitespace(): void {
    this.take(TOKENS.whitespace);
  }

  /** Consumes one literal character if it is next. */
  takeChar(char: string): boolean {
    if (this.source[this.offset] !== char) return false;
    this.offset += 1;
    return true;
  }

  /** The rest of the text from here, shortened for messages. */
  upcoming(max = 20): string {
    return shorten(this.source.slice(this.offset, this.offset + max + 1), max);
  }

  fail(message: string, offset = this.offset): never {
    throw new SyntaxProblem(message, offset);
  }
}
