import { describe, expect, it } from "vitest";
import { readNdjson, streamFormatFor } from "./stream";

// The stream contract's two pieces of logic: which Accept header asks for which form, and the NDJSON
// reader the page uses (lines split across chunks, several lines in one chunk, a cap per line).

describe("streamFormatFor", () => {
  it.each([
    { accept: null, format: null },
    { accept: "", format: null },
    { accept: "*/*", format: null },
    { accept: "application/json", format: null },
    { accept: "application/x-ndjson", format: "ndjson" },
    { accept: "text/event-stream", format: "sse" },
    { accept: "Text/Event-Stream; charset=utf-8", format: "sse" },
    { accept: "application/json, application/x-ndjson", format: "ndjson" },
    { accept: "text/event-stream, application/x-ndjson", format: "sse" },
    { accept: "text/event-stream;q=0.5, application/x-ndjson;q=0.9", format: "ndjson" },
    { accept: "application/x-ndjson;q=0", format: null },
  ])("$accept → $format", ({ accept, format }) => {
    expect(streamFormatFor(accept)).toBe(format);
  });
});

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function read(chunks: string[], maxChars?: number): Promise<unknown[]> {
  const values: unknown[] = [];
  await readNdjson(body(chunks), (value) => values.push(value), maxChars);
  return values;
}

describe("readNdjson", () => {
  it.each([
    { name: "one line a chunk", chunks: ['{"a":1}\n', '{"b":2}\n'] },
    { name: "several lines in one chunk", chunks: ['{"a":1}\n{"b":2}\n'] },
    { name: "a line split over chunks", chunks: ['{"a"', ":1}\n{", '"b":', "2}\n"] },
    { name: "no newline after the last line", chunks: ['{"a":1}\n{"b":2}'] },
    { name: "blank lines", chunks: ['\n{"a":1}\n\n{"b":2}\n\n'] },
  ])("$name", async ({ chunks }) => {
    expect(await read(chunks)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("keeps a multi-byte character split between chunks", async () => {
    const bytes = new TextEncoder().encode('{"s":"é"}\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    const values: unknown[] = [];
    await readNdjson(stream, (v) => values.push(v));
    expect(values).toEqual([{ s: "é" }]);
  });

  it("refuses a line over the cap before it ends", async () => {
    await expect(read(['{"a":"', "x".repeat(50), "y".repeat(50)], 64)).rejects.toThrow(/longer than 64/);
    await expect(read([`{"a":"${"x".repeat(100)}"}\n`], 64)).rejects.toThrow(/longer than 64/);
    expect(await read([`{"a":"${"x".repeat(50)}"}\n`], 64)).toEqual([{ a: "x".repeat(50) }]);
  });

  it("a line that is not JSON is an error", async () => {
    await expect(read(["not json\n"])).rejects.toThrow();
  });
});
