// Splits an option string into words the way Python's shlex.split does for the cases that occur in
// requirements files: whitespace separation, single and double quotes, backslash escapes outside
// single quotes. pip runs shlex.split over the options part of every line.

export type SplitResult = { ok: true; words: string[] } | { ok: false; error: string };

export function splitShellWords(text: string): SplitResult {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else current += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) current += text[++i];
      else current += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === "\\" && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) return { ok: false, error: `unclosed ${quote === '"' ? "double" : "single"} quote` };
  if (inWord) words.push(current);
  return { ok: true, words };
}
