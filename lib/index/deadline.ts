// One analysis, one deadline: after it, requests still queued or in flight are abandoned and new
// ones are not sent, so an index that hangs cannot hold an analysis (and the HTTP request that
// asked for it) open indefinitely. Measured on the monotonic clock: the client's `now` option
// is the cache's clock, which tests move at will.

import { setMaxListeners } from "node:events";
import { performance } from "node:perf_hooks";

export class DeadlineExceeded extends Error {
  constructor(readonly deadlineMs: number) {
    super(`the analysis deadline of ${deadlineMs} ms passed`);
    this.name = "DeadlineExceeded";
  }
}

export interface Deadline {
  /** The budget in ms, or null for none. */
  readonly budgetMs: number | null;
  /** Aborts, with a DeadlineExceeded reason, when the deadline passes; never without a budget. */
  readonly signal: AbortSignal;
  passed(): boolean;
  /** Milliseconds left (Infinity without a budget, 0 once passed). */
  remainingMs(): number;
}

// setTimeout fires at once for delays above 2^31 − 1 ms (about 24.8 days): treat those as "none".
const MAX_TIMER_MS = 2 ** 31 - 1;

/** budgetMs: a positive number of ms; anything else (Infinity, null, 0) means no deadline. */
export function startDeadline(budgetMs: number | null): Deadline {
  const controller = new AbortController();
  // Every queued or in-flight request listens (and stops listening when it ends): hundreds at once is normal.
  setMaxListeners(0, controller.signal);
  if (budgetMs === null || !(budgetMs > 0) || budgetMs > MAX_TIMER_MS) {
    return { budgetMs: null, signal: controller.signal, passed: () => false, remainingMs: () => Infinity };
  }
  const endsAt = performance.now() + budgetMs;
  // unref: a deadline alone must not keep a CLI process alive after its work is done.
  setTimeout(() => controller.abort(new DeadlineExceeded(budgetMs)), budgetMs).unref();
  const remainingMs = () => (controller.signal.aborted ? 0 : Math.max(0, endsAt - performance.now()));
  return { budgetMs, signal: controller.signal, passed: () => remainingMs() === 0, remainingMs };
}
