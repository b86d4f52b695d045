import { createHash } from "node:crypto";
import { reportJsonSchemaText } from "@/lib/contract/report";

// The report contract as JSON Schema (draft 2020-12): the shape of what POST /api/analyze and
// `basewise analyze --json` return, generated from the same zod schema the server checks reports
// against. It changes only with a deploy: caches may keep it for an hour and revalidate by ETag.

const CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400";

let body: { text: string; etag: string } | null = null;

function schemaBody(): { text: string; etag: string } {
  if (!body) {
    const text = reportJsonSchemaText();
    body = { text, etag: `"${createHash("sha256").update(text).digest("base64url").slice(0, 22)}"` };
  }
  return body;
}

export function GET(request: Request) {
  const { text, etag } = schemaBody();
  const headers = { "cache-control": CACHE_CONTROL, etag };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, "content-type": "application/schema+json; charset=utf-8" } });
}
