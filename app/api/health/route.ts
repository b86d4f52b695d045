import { analysisService } from "@/lib/server/analysis-service";

// Liveness and load for a load balancer or a person: answered on the request thread without touching
// the index or the workers, so it stays fast while analyses run.

export const dynamic = "force-dynamic";

export function GET() {
  const { pool, cachedReports, inFlight } = analysisService().stats();
  return Response.json(
    { status: "ok", workers: pool.workers, running: pool.running, queued: pool.queued, inFlight, cachedReports },
    { headers: { "cache-control": "no-store" } },
  );
}
