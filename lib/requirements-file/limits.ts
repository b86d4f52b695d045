import { MAX_REQUIREMENTS_BYTES, utf8ByteLength } from "@/lib/contract/request-limits";

// Input bounds. Larger inputs are refused with a message rather than analysed partly: one request
// must not be able to make the server resolve an unbounded number of projects. The byte limit is
// the request contract's (every edge states it); the others are the parser's own.
export { MAX_REQUIREMENTS_BYTES };
export const MAX_REQUIREMENTS = 2000;

// Longest line read, in characters (UTF-16 code units, what the parsers step through), for a physical
// line and for a logical line after "\" continuations are joined. A longer line becomes an error
// diagnostic on its line and is skipped; the rest of the file is still analysed. The longest real
// lines are pip-compile --generate-hashes entries: about 84 characters per "--hash=sha256:…" once
// joined, one hash per file of the pinned release. The release with the most files in
// ../shared/data/pypi/packages.jsonl.gz (15,000 projects) has 154 (pin 2.6.12) → about 13 KB;
// 32 KiB leaves room for ~390 files, while bounding the work and the echoed text for one line.
export const MAX_LINE_LENGTH = 32 * 1024;

/** A sentence when the text is over `maxBytes` (the requirements limit unless another input kind's is given), else null. */
export function requirementsTooLarge(text: string, maxBytes: number = MAX_REQUIREMENTS_BYTES, what = "The requirements text"): string | null {
  const bytes = utf8ByteLength(text);
  if (bytes > maxBytes) {
    return `${what} is ${formatKiB(bytes)}; Basewise accepts at most ${formatKiB(maxBytes)}.`;
  }
  return null;
}

function formatKiB(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

