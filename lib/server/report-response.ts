// Server-only: turns the analysis service's answer into the HTTP response the API routes send.

import type { ServiceAnswer } from "./analysis-service";
import type { ServerLimits } from "./config";
import { problemAnswer } from "./problem-response";

// A report for a fixed `asOf` never changes: a CDN (and the browser) may keep it for a year.
const IMMUTABLE = "public, max-age=31536000, immutable";

export function reportResponse(answer: ServiceAnswer, limits: Pick<ServerLimits, "ratePerMinute">, cacheable: boolean): Response {
  if (answer.ok) {
    return new Response(answer.json, {
      status: 200,
      headers: {
        "content-type": "application/json",
        "cache-control": cacheable && answer.immutable ? IMMUTABLE : "no-store",
        // Lets a client (and bench:load) see whether the report was computed for it.
        "x-basewise-report": answer.from,
        // The same URL answers a stream to a client that asks for one (Accept): a CDN must keep them apart.
        vary: "accept",
      },
    });
  }
  return problemResponse(answer.problem, limits);
}

export function problemResponse(problem: Extract<ServiceAnswer, { ok: false }>["problem"], limits: Pick<ServerLimits, "ratePerMinute">): Response {
  const { status, error, retryAfterSeconds } = problemAnswer(problem, limits);
  const headers: Record<string, string> = { "content-type": "application/json", "cache-control": "no-store" };
  if (retryAfterSeconds !== null) headers["retry-after"] = String(retryAfterSeconds);
  return new Response(JSON.stringify({ error }), { status, headers });
}

export function errorResponse(status: number, error: string): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
