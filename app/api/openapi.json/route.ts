import { createHash } from "node:crypto";
import { OPENAPI_CONTENT_TYPE, openApiDocumentText } from "@/lib/contract/openapi";

// The HTTP API as an OpenAPI 3.1 document, generated from the request and report contracts, with
// real example answers (lib/contract/openapi.ts). Like GET /api/schema it changes only with a deploy:
// caches may keep it for an hour and revalidate by ETag.

const CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400";

let body: { text: string; etag: string } | null = null;

function documentBody(): { text: string; etag: string } {
  if (!body) {
    const text = openApiDocumentText();
    body = { text, etag: `"${createHash("sha256").update(text).digest("base64url").slice(0, 22)}"` };
  }
  return body;
}

export function GET(request: Request) {
  const { text, etag } = documentBody();
  const headers = { "cache-control": CACHE_CONTROL, etag };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, "content-type": OPENAPI_CONTENT_TYPE } });
}
