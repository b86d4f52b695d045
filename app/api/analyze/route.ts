import { NextResponse } from "next/server";
import { createIndexClient, indexConfigFromEnv } from "@/lib/index";
import { analyze } from "@/lib/report";
import { readTextBody } from "@/lib/http/read-body";
import { MAX_REQUIREMENTS_BYTES, requirementsTooLarge } from "@/lib/requirements-file/limits";
import { analyzeRequestSchema, describeIssues, MAX_BODY_BYTES } from "./schema";

export const dynamic = "force-dynamic";

function problem(status: number, message: string) {
  return NextResponse.json({ error: message }, { status });
}

export async function POST(request: Request) {
  const body = await readTextBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    // The body cap is a little above the requirements limit (JSON escaping); name the limit people see.
    const message = body.status === 413 ? `The requirements text is too large: Basewise accepts at most ${MAX_REQUIREMENTS_BYTES / 1024} KB.` : body.message;
    return problem(body.status, message);
  }

  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return problem(400, "The request body is not JSON; send {\"requirements\": \"…\", \"bases\": [\"python:3.12-slim\"]}.");
  }
  const parsed = analyzeRequestSchema.safeParse(json);
  if (!parsed.success) return problem(400, describeIssues(parsed.error));

  const tooLarge = requirementsTooLarge(parsed.data.requirements);
  if (tooLarge) return problem(413, tooLarge);

  // The index comes from the server's configuration only, never from the request.
  const config = indexConfigFromEnv();
  const index = createIndexClient({ indexUrl: config.indexUrl, cacheDir: config.cacheDir, fetchSdists: config.fetchSdists });
  const result = await analyze(parsed.data, { index, indexHost: new URL(config.indexUrl).host });
  if (!result.ok) return problem(result.status, result.error);
  return NextResponse.json(result.report);
}
