import "server-only";

// Server-only: runs analyses on a pool of worker threads (Piscina) so the thread that serves pages,
// static files and health checks never does an analysis's CPU work. The queue in front of the
// workers is bounded (a full queue is answered at once, never by waiting), and every analysis has a
// hard deadline at which its worker is ended.

import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import Piscina from "piscina";
import type { AnalysisEvent, AnalysisOutcome, AnalysisTask, WorkerControl, WorkerEnd } from "./analysis-task";
import type { ServerLimits } from "./config";

// A runaway analysis may take this much heap before its worker is ended (the others keep running).
// Measured: a cold 1 200-requirement analysis peaks near 600 MB including the index caches.
const WORKER_HEAP_MB = 2048;
// The worker is ended this long after the analysis's own deadline (which it normally meets, sending
// a partial report): enough to serialise and post a large report.
const HARD_STOP_GRACE_MS = 5_000;
// The worker's events travel on the task's own port, its answer on Piscina's: once the answer is in,
// the port's last messages are waited for this long at most (they are normally there already).
const EVENTS_DRAIN_MS = 1_000;

export type PoolFailure =
  | { code: "queue-full"; queued: number }
  | { code: "timeout"; afterMs: number }
  | { code: "out-of-memory" }
  | { code: "worker-missing"; file: string }
  | { code: "worker-error"; message: string };

export type PoolResult = { ok: true; outcome: AnalysisOutcome } | { ok: false; failure: PoolFailure };

/** What a caller may ask of one analysis besides its answer. */
export interface RunOptions {
  /** Each AnalysisEvent as the worker sends it (on the request thread, in order; before the answer). */
  onEvent?: (event: AnalysisEvent) => void;
  /** Stops the analysis early: it answers soon with what it reached (a report that is never final). */
  abort?: AbortSignal;
}

export interface AnalysisPool {
  run(input: AnalysisTask["input"], options?: RunOptions): Promise<PoolResult>;
  stats(): { workers: number; running: number; queued: number; completed: number };
  close(): Promise<void>;
}

/** dist/analysis-worker.mjs, bundled by bin/bundle.mjs (`npm run build`). */
export function defaultWorkerFile(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "dist", "analysis-worker.mjs");
}

export interface PoolOptions {
  workerFile?: string;
  workerHeapMb?: number;
}

export function createAnalysisPool(limits: ServerLimits, { workerFile = defaultWorkerFile(), workerHeapMb = WORKER_HEAP_MB }: PoolOptions = {}): AnalysisPool {
  const piscina = new Piscina<AnalysisTask, AnalysisOutcome>({
    filename: workerFile,
    // Workers are kept, not ended when idle: each holds the index caches that make later analyses warm.
    minThreads: limits.workers,
    maxThreads: limits.workers,
    // Several analyses per worker overlap their waits on the index; their CPU work takes turns.
    concurrentTasksPerWorker: limits.analysesPerWorker,
    // Async tasks on a shared worker: the worker must keep its event loop, not block in Atomics.wait.
    atomics: "disabled",
    // The bound is kept below, exactly (Piscina's own counts a task handed to a starting worker as not queued).
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
  });
  // Every analysis submitted and not yet answered: at most `capacity` run, the rest wait.
  let submitted = 0;
  const capacity = limits.workers * limits.analysesPerWorker;
  return {
    async run(input, { onEvent, abort }: RunOptions = {}) {
      if (submitted >= capacity + limits.maxQueue) return { ok: false, failure: { code: "queue-full", queued: submitted - capacity } };
      const startedAt = Date.now();
      const task: AnalysisTask = { input, deadlineAt: startedAt + limits.analysisTimeoutMs };
      const hardStop = AbortSignal.timeout(limits.analysisTimeoutMs + HARD_STOP_GRACE_MS);
      const channel = onEvent || abort ? taskChannel(onEvent, abort) : null;
      if (channel) Object.assign(task, { port: channel.port, events: onEvent !== undefined });
      submitted++;
      try {
        const outcome = await piscina.run(task, { signal: hardStop, ...(channel ? { transferList: [channel.port] } : {}) });
        await channel?.drained();
        return { ok: true, outcome };
      } catch (error) {
        return { ok: false, failure: classify(error, Math.max(0, submitted - capacity), Date.now() - startedAt, workerFile) };
      } finally {
        submitted--;
        channel?.close();
      }
    },
    stats: () => ({ workers: piscina.threads.length, running: Math.min(submitted, capacity), queued: Math.max(0, submitted - capacity), completed: piscina.completed }),
    close: () => piscina.destroy(),
  };
}

/**
 * One task's channel: the worker's end goes with the task; this thread's end hands each event on as
 * it comes (nothing is kept here: the caller decides what to buffer) and passes an abort to the worker.
 */
function taskChannel(onEvent: RunOptions["onEvent"], abort: AbortSignal | undefined) {
  const { port1: here, port2: there } = new MessageChannel();
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => (ended = resolve));
  here.on("message", (message: AnalysisEvent | WorkerEnd) => {
    if (message.type === "end") ended();
    else onEvent?.(message);
  });
  const stop = () => here.postMessage({ type: "abort" } satisfies WorkerControl);
  if (abort?.aborted) stop();
  else abort?.addEventListener("abort", stop, { once: true });
  return {
    port: there,
    drained: () => Promise.race([end, new Promise<void>((resolve) => setTimeout(resolve, EVENTS_DRAIN_MS).unref())]),
    close() {
      abort?.removeEventListener("abort", stop);
      here.close();
    },
  };
}

function classify(error: unknown, queued: number, elapsedMs: number, workerFile: string): PoolFailure {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  // Piscina's errors carry no codes; its messages are fixed strings (piscina/dist/errors.js).
  if (message === "Task queue is at limit" || message === "No task queue available and all Workers are busy") return { code: "queue-full", queued };
  if ((error as { name?: unknown } | null)?.name === "AbortError") return { code: "timeout", afterMs: elapsedMs };
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return { code: "out-of-memory" };
  if (code === "ERR_MODULE_NOT_FOUND" || /Cannot find module|ENOENT/.test(message)) return { code: "worker-missing", file: workerFile };
  return { code: "worker-error", message: message.slice(0, 300) };
}
