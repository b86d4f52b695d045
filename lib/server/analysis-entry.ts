import "server-only";

// The one way from configuration to a report: the server's index configuration → one index client →
// the engine. The analysis workers behind /api/analyze and /api/og (lib/server/analysis-worker.ts)
// and the CLI (lib/cli/main.ts, in its own process, without the pool) both call runAnalysis; nothing
// else builds an index client from configuration (tests and benches build their own against fixtures).

import { createIndexClient } from "@/lib/index/client";
import { indexConfigFromEnv } from "@/lib/index/config";
import { analyze, type AnalyzeResult } from "@/lib/report";
import type { AnalysisProgressListener } from "@/lib/report/analyze";
import type { AnalyzeInput } from "@/lib/report/types";

/** Where packages come from: read from the server's environment (lib/index/config), never from a request. */
export type IndexConfig = ReturnType<typeof indexConfigFromEnv>;

export interface AnalysisRunOptions {
  /** Default: the environment's. The CLI passes it with its --index-url and --fetch-sdists applied. */
  config?: IndexConfig;
  /** The index client's overall budget in ms (see IndexClientOptions.deadlineMs); default the client's own. */
  deadlineMs?: number | null;
  /** Stops the resolver's work (the report still comes back, saying what was not reached). */
  signal?: AbortSignal;
  /** Told what the analysis is doing while it runs (the streamed answer, the CLI's progress line). */
  progress?: AnalysisProgressListener;
}

export async function runAnalysis(input: AnalyzeInput, options: AnalysisRunOptions = {}): Promise<AnalyzeResult> {
  const config = options.config ?? indexConfigFromEnv();
  const index = createIndexClient({
    indexUrl: config.indexUrl,
    cacheDir: config.cacheDir,
    cacheMaxBytes: config.cacheMaxBytes,
    fetchSdists: config.fetchSdists,
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
  });
  return analyze(input, { index, indexHost: new URL(config.indexUrl).host, ...(options.signal ? { signal: options.signal } : {}), ...(options.progress ? { progress: options.progress } : {}) });
}
