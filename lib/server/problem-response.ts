// Server-only: the HTTP answer for each way the analysis service can refuse or fail — status,
// Retry-After and the sentence the page shows (the page displays `error` as it is).

import type { ServerLimits } from "./config";
import type { ServiceProblem } from "./analysis-service";

export interface ProblemAnswer {
  status: number;
  error: string;
  retryAfterSeconds: number | null;
}

export function problemAnswer(problem: ServiceProblem, limits: Pick<ServerLimits, "ratePerMinute">): ProblemAnswer {
  switch (problem.code) {
    case "rate-limited":
      return {
        status: 429,
        error: `You have started many analyses in a short time (Basewise runs ${limits.ratePerMinute} new analyses a minute per client). Try again in ${seconds(problem.retryAfterSeconds)}.`,
        retryAfterSeconds: problem.retryAfterSeconds,
      };
    case "busy":
      return {
        status: 503,
        error: `Basewise is busy: every analysis worker is taken${problem.queued > 0 ? ` and ${problem.queued} analyses are waiting` : ""}. Try again in ${seconds(problem.retryAfterSeconds)}.`,
        retryAfterSeconds: problem.retryAfterSeconds,
      };
    case "timeout":
      return {
        status: 503,
        error: `The analysis did not finish within ${problem.afterSeconds} seconds and was stopped. Try fewer base images or a shorter file.`,
        retryAfterSeconds: 30,
      };
    case "out-of-memory":
      return {
        status: 503,
        error: "The analysis needed more memory than one analysis may use and was stopped. Try fewer base images or a shorter file.",
        retryAfterSeconds: 30,
      };
    case "input-refused":
      return { status: problem.status, error: problem.error, retryAfterSeconds: null };
    case "unavailable":
      return { status: 503, error: `The analysis could not run on the server (${problem.detail}). Try again later.`, retryAfterSeconds: 30 };
  }
}

function seconds(n: number): string {
  return n === 1 ? "1 second" : `${n} seconds`;
}
