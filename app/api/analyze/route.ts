import { readTextBody } from "@/lib/http/read-body";
import { requirementsTooLarge } from "@/lib/requirements-file/limits";
import { analysisService } from "@/lib/server/analysis-service";
import { clientKey } from "@/lib/server/rate-limit";
import { errorResponse, reportResponse } from "@/lib/server/report-response";
import { decodeShareState } from "@/lib/share/decode";
import { requestFor } from "@/lib/share/state";
import { analyzeRequestSchema, describeIssues, MAX_BODY_BYTES, MAX_REQUIREMENTS_BYTES, type AnalyzeRequest } from "./schema";

// Validation happens here, on the request thread (bounded, linear in the input); the analysis itself
// runs on a worker thread (lib/server), so this thread keeps serving pages while it runs.

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const body = await readTextBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    // The body cap is a little above the requirements limit (JSON escaping); name the limit people see.
    const message = body.status === 413 ? `The requirements text is too large: Basewise accepts at most ${MAX_REQUIREMENTS_BYTES / 1024} KB.` : body.message;
    return errorResponse(body.status, message);
  }

  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return errorResponse(400, "The request body is not JSON; send {\"requirements\": \"…\", \"bases\": [\"python:3.12-slim\"]}.");
  }
  const parsed = analyzeRequestSchema.safeParse(json);
  if (!parsed.success) return errorResponse(400, describeIssues(parsed.error));
  return run(parsed.data, request, false);
}

/**
 * GET /api/analyze?s=<share link parameter>: the same analysis as the link's page. With the link's
 * `asOf` the answer never changes, so it is sent with a long-lived Cache-Control for a CDN to keep.
 */
export async function GET(request: Request) {
  const param = new URL(request.url).searchParams.get("s");
  if (!param) return errorResponse(400, "Pass a share link's parameter: /api/analyze?s=v1.…");
  const decoded = decodeShareState(param);
  if (!decoded.ok) return errorResponse(400, decoded.error);
  const parsed = analyzeRequestSchema.safeParse(requestFor(decoded.state));
  if (!parsed.success) return errorResponse(400, describeIssues(parsed.error));
  return run(parsed.data, request, true);
}

async function run(input: AnalyzeRequest, request: Request, cacheable: boolean): Promise<Response> {
  const tooLarge = requirementsTooLarge(input.requirements);
  if (tooLarge) return errorResponse(413, tooLarge);
  const service = analysisService();
  const answer = await service.analyze(input, clientKey(request.headers, service.limits.trustProxy));
  return reportResponse(answer, service.limits, cacheable);
}
