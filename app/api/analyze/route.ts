import { streamFormatFor } from "@/lib/contract/stream";
import { readTextBody } from "@/lib/http/read-body";
import { detectInputKind, inputTooLarge } from "@/lib/inputs";
import { analysisService } from "@/lib/server/analysis-service";
import { clientKey } from "@/lib/server/rate-limit";
import { errorResponse, problemResponse, reportResponse } from "@/lib/server/report-response";
import { createReportStream } from "@/lib/server/report-stream";
import { decodeShareState } from "@/lib/share/decode";
import { requestFor } from "@/lib/share/state";
import { analyzeRequestSchema, describeIssues, MAX_BODY_BYTES, MAX_LOCK_BYTES, MAX_REQUIREMENTS_BYTES, type AnalyzeRequest } from "./schema";

// Validation happens here, on the request thread (bounded, linear in the input); the analysis itself
// runs on a worker thread (lib/server), so this thread keeps serving pages while it runs.
//
// The answer's form follows the Accept header: application/x-ndjson or text/event-stream get the
// analysis as it happens (lib/contract/stream.ts), anything else the report as one JSON document.
// Every refusal before the analysis is admitted (400, 413, 429, a full queue) is the same plain JSON
// problem in both forms.

export const dynamic = "force-dynamic";

/**
 * Lets other requests run between the steps of reading a large body: JSON.parse, validation and the
 * size check of a 4 MiB lock take 10–30 ms each, and several at once must not hold a static page
 * for their sum (bench:stall's parallel-lock case).
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function POST(request: Request) {
  const body = await readTextBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    // The body cap is a little above the requirements limit (JSON escaping); name the limit people see.
    const message = body.status === 413 ? `The request is too large: Basewise accepts a requirements text of at most ${MAX_REQUIREMENTS_BYTES / 1024} KB, a lock file of at most ${MAX_LOCK_BYTES / 1024 / 1024} MB.` : body.message;
    return errorResponse(body.status, message);
  }

  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return errorResponse(400, "The request body is not JSON; send {\"requirements\": \"…\", \"bases\": [\"python:3.12-slim\"]}.");
  }
  await nextTurn();
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
  // Each kind has its byte limit (a lock lists every file's URL and hash); detection is one linear pass.
  const kind = input.input?.kind ?? detectInputKind({ name: input.input?.fileName ?? null, text: input.requirements });
  await nextTurn();
  const tooLarge = inputTooLarge(input.requirements, kind);
  if (tooLarge) return errorResponse(413, tooLarge);
  await nextTurn();
  const service = analysisService();
  const client = clientKey(request.headers, service.limits.trustProxy);
  const format = streamFormatFor(request.headers.get("accept"));
  if (format) {
    const stream = createReportStream(format, request.signal);
    const started = service.watch(input, client, stream.watch);
    if (!started.ok) return problemResponse(started.problem, service.limits);
    return stream.response(started.answer, started.from, service.limits);
  }
  const answer = await service.analyze(input, client);
  return reportResponse(answer, service.limits, cacheable);
}
