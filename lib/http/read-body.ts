// Reads a request body with a hard byte limit, so an oversized upload is refused as soon as the limit is
// crossed instead of being buffered whole, and decodes it as strict UTF-8.

export type BodyResult =
  | { ok: true; text: string }
  | { ok: false; status: 400 | 413; message: string };

export async function readTextBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const tooLarge = { ok: false as const, status: 413 as const, message: `The request body is larger than ${Math.round(maxBytes / 1024)} KB.` };
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge;
  if (!request.body) return { ok: false, status: 400, message: "The request has no body; send JSON like {\"requirements\": \"…\"}." };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  if (total === 0) return { ok: false, status: 400, message: "The request body is empty; send JSON like {\"requirements\": \"…\"}." };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid UTF-8 text." };
  }
}
