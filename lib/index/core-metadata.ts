// Core metadata (the METADATA / PKG-INFO format, metadata versions 1.0–2.4), read the way pip reads
// it: Python's email parser. Headers are `Name: value` lines, names case-insensitive; a line starting
// with a space or tab continues the header above; the first line that is neither (normally a blank
// line) ends the headers, and the rest is the description (the 2.1+ message body). Only the fields
// the resolver needs are read. The distribution fields came in with 1.2 (Requires-Dist,
// Requires-Python) and 2.1 (Provides-Extra); a 1.0/1.1 file simply has none (1.1's `Requires` names
// modules, not distributions, and pip ignores it, as does this reader).

export interface CoreMetadata {
  name: string | null;
  version: string | null;
  requiresDist: string[];
  requiresPython: string | null;
  providesExtra: string[];
}

interface HeaderBlock {
  /** [lower-case name, value] in file order; a folded value's lines are joined with single spaces. */
  headers: [string, string][];
  /** The text ended inside the header block, in the middle of a line (no newline after it). */
  endsMidLine: boolean;
}

// Python's email.feedparser headerRE: printable ASCII other than ":" (and space), then ":".
const HEADER_LINE = /^([\x21-\x39\x3b-\x7e]+):(.*)$/;

function readHeaderBlock(text: string): HeaderBlock {
  const headers: [string, string][] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  // split() leaves "" after a final newline; anything else there is a line cut off before its end.
  const last = lines.pop() ?? "";
  if (last !== "") lines.push(last);
  const endsMidLine = last !== "";
  for (const [position, line] of lines.entries()) {
    if (/^[ \t]/.test(line)) {
      // A continuation line belongs to the header above it (a leading one, to nothing).
      const previous = headers[headers.length - 1];
      if (previous && line.trim()) previous[1] = `${previous[1]} ${line.trim()}`.trim();
      continue;
    }
    const header = HEADER_LINE.exec(line);
    // A blank line, or any other line that is not a header, starts the body (unless it is the
    // unterminated last line: "Requires-Di" is a header cut short, not a description).
    if (!header) return { headers, endsMidLine: endsMidLine && position === lines.length - 1 };
    headers.push([header[1]!.toLowerCase(), header[2]!.trim()]);
  }
  // Still in the headers at an unterminated last line: whatever it was going to be, it was cut off.
  return { headers, endsMidLine };
}

function fields(block: HeaderBlock) {
  // Single-use fields take the first occurrence, as email.message.Message.get does.
  const all = (key: string) => block.headers.filter(([k]) => k === key).map(([, v]) => v);
  const one = (key: string) => all(key)[0] || null;
  return { all, one };
}

/** Lenient: whatever the headers say, missing fields as null or []. */
export function parseCoreMetadata(text: string): CoreMetadata {
  const { all, one } = fields(readHeaderBlock(text));
  return {
    name: one("name"),
    version: one("version"),
    requiresDist: all("requires-dist").filter(Boolean),
    requiresPython: one("requires-python"),
    providesExtra: all("provides-extra").filter(Boolean),
  };
}

export type CoreMetadataReading =
  | { ok: true; metadata: CoreMetadata & { name: string; version: string }; metadataVersion: string | null }
  | { ok: false; message: string };

/**
 * Strict, for metadata fetched from an index: a file that cannot be a whole metadata file is an
 * error, not an empty dependency list. Name and Version are required in every metadata version;
 * a header block that stops mid-line was cut off in transit (a metadata file ends its headers with
 * a newline); and, as for the simple API's api-version (PEP 629), an unknown major Metadata-Version
 * may mean fields this reader would misread.
 */
export function readCoreMetadata(text: string): CoreMetadataReading {
  if (!text.trim()) return { ok: false, message: "the metadata file is empty" };
  const block = readHeaderBlock(text);
  if (block.endsMidLine) return { ok: false, message: "the metadata file ends in the middle of a header line; it looks cut off" };
  const { one } = fields(block);
  const metadataVersion = one("metadata-version");
  const major = metadataVersion === null ? null : /^(\d+)\.\d+$/.exec(metadataVersion)?.[1];
  if (major === undefined) return { ok: false, message: `Metadata-Version ${JSON.stringify(metadataVersion)} is not a version number` };
  if (major !== null && Number(major) > 2) return { ok: false, message: `Metadata-Version ${metadataVersion} is newer than this reader understands (1.0–2.x)` };
  const metadata = parseCoreMetadata(text);
  if (metadata.name === null) return { ok: false, message: "the metadata file has no Name field" };
  if (metadata.version === null) return { ok: false, message: "the metadata file has no Version field" };
  return { ok: true, metadata: { ...metadata, name: metadata.name, version: metadata.version }, metadataVersion };
}
