// The streamed answer's wire format without its schemas (lib/contract/stream.ts has those): media
// types, which Accept header asks for which form, and the NDJSON reader. Free of zod, so the page's
// bundle carries only this.

export const NDJSON_MEDIA_TYPE = "application/x-ndjson";
export const SSE_MEDIA_TYPE = "text/event-stream";

export type StreamFormat = "ndjson" | "sse";

/**
 * The format an Accept header asks for, or null for the JSON answer. Only an explicit mention counts
 * (a browser's default `*\/*` is the JSON answer); when both are named, the higher q wins, then the first named.
 */
export function streamFormatFor(accept: string | null): StreamFormat | null {
  if (!accept) return null;
  let best: { format: StreamFormat; q: number } | null = null;
  // Bounded: an Accept header is a few hundred bytes; only the first 32 entries are read.
  for (const entry of accept.split(",", 32)) {
    const [type = "", ...params] = entry.split(";").map((p) => p.trim().toLowerCase());
    const format: StreamFormat | null = type === NDJSON_MEDIA_TYPE ? "ndjson" : type === SSE_MEDIA_TYPE ? "sse" : null;
    if (!format) continue;
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { format, q };
  }
  return best?.format ?? null;
}

/**
 * The longest line (one event) a client needs to accept: the final report of the largest request
 * (2 000 requirements on 12 images × 2 architectures) serialises to well under this.
 */
export const MAX_STREAM_EVENT_CHARS = 64 * 1024 * 1024;

/**
 * Reads an NDJSON body line by line as it arrives, handing each line's parsed JSON on. A line longer
 * than `maxChars` is refused (an Error) before it is all held: a broken or hostile server cannot make
 * the reader buffer without bound. Chunks are scanned once each (a several-megabyte report arriving in
 * many chunks is joined once, not rescanned per chunk).
 */
export async function readNdjson(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void, maxChars = MAX_STREAM_EVENT_CHARS): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // The current line's pieces so far (none holds a newline).
  let pieces: string[] = [];
  let pending = 0;
  const take = (text: string) => {
    let from = 0;
    for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", from)) {
      const line = pieces.length > 0 ? pieces.join("") + text.slice(from, newline) : text.slice(from, newline);
      pieces = [];
      pending = 0;
      from = newline + 1;
      if (line.length > maxChars) throw new Error(`A line of the stream is longer than ${maxChars} characters.`);
      if (line.trim() !== "") onValue(JSON.parse(line));
    }
    const rest = text.slice(from);
    if (rest !== "") {
      pending += rest.length;
      if (pending > maxChars) throw new Error(`A line of the stream is longer than ${maxChars} characters.`);
      pieces.push(rest);
    }
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      take(decoder.decode(value, { stream: true }));
    }
    take(decoder.decode());
    // A last line without its newline still counts.
    if (pieces.length > 0) take("\n");
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}
