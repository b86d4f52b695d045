import { afterEach, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createAnalysisPool, type AnalysisPool } from "./analysis-pool";
import { serverLimitsFromEnv, type ServerLimits } from "./config";

// The pool with a scripted stand-in worker (plain JavaScript, no bundle needed): what the request
// thread gets back when an analysis answers, never yields, runs out of memory or meets a full queue.

const scripted = fileURLToPath(new URL("./test-workers/scripted.mjs", import.meta.url));
const pools: AnalysisPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(overrides: Partial<ServerLimits>, workerHeapMb?: number): AnalysisPool {
  const limits = { ...serverLimitsFromEnv({}), workers: 1, analysesPerWorker: 1, maxQueue: 1, ...overrides };
  const made = createAnalysisPool(limits, { workerFile: scripted, workerHeapMb });
  pools.push(made);
  return made;
}

const input = (requirements: string) => ({ requirements });

describe("analysis pool", () => {
  it("returns the worker's answer", async () => {
    const result = await pool({}).run(input("django"));
    expect(result).toEqual({ ok: true, outcome: expect.objectContaining({ ok: true, json: JSON.stringify({ echo: "django", port: false }) }) });
  });

  it("hands on the worker's events in order, all of them before the answer", async () => {
    const events: unknown[] = [];
    let answered = false;
    const result = await pool({}).run(input("events 3"), {
      onEvent: (event) => {
        expect(answered).toBe(false);
        events.push(event);
      },
    });
    answered = true;
    expect(result).toMatchObject({ ok: true });
    expect(events).toEqual([
      { type: "start", targets: [0, 1, 2].map((i) => ({ base: `image-${i}`, arch: "amd64" })) },
      ...[0, 1, 2].map((index) => ({ type: "target", index, json: JSON.stringify({ base: `image-${index}`, arch: "amd64" }) })),
    ]);
  });

  it("passes an abort to the worker, which answers early; the worker stays for the next analysis", async () => {
    const p = pool({});
    const stop = new AbortController();
    const stopped = p.run(input("wait-abort"), { abort: stop.signal });
    setTimeout(() => stop.abort(), 100);
    expect(await stopped).toEqual({ ok: true, outcome: expect.objectContaining({ json: JSON.stringify({ echo: "aborted" }) }) });
    expect(await p.run(input("after"))).toMatchObject({ ok: true });
  });

  it("ends a worker stuck in a loop at the hard deadline, and the next analysis still runs", async () => {
    // 5 s is the smallest timeout the configuration allows; the hard stop adds its 5 s grace.
    const p = pool({ analysisTimeoutMs: 5_000 });
    const started = Date.now();
    const stuck = await p.run(input("spin"));
    const elapsed = Date.now() - started;
    expect(stuck).toEqual({ ok: false, failure: { code: "timeout", afterMs: expect.any(Number) } });
    expect(elapsed).toBeGreaterThanOrEqual(9_500);
    // Generous for a busy machine: ending a worker takes milliseconds, not seconds.
    expect(elapsed).toBeLessThan(30_000);
    expect(await p.run(input("after"))).toMatchObject({ ok: true });
  }, 60_000);

  it("answers queue-full at once when every worker is busy and the queue is full", async () => {
    const p = pool({ maxQueue: 1 });
    const running = p.run(input("sleep 1500"));
    const queued = p.run(input("sleep 10"));
    // Let Piscina hand the first task to its worker.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const refused = await p.run(input("third"));
    expect(refused).toEqual({ ok: false, failure: { code: "queue-full", queued: 1 } });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await running).ok).toBe(true);
    expect((await queued).ok).toBe(true);
  }, 30_000);

  it("reports a worker that exceeds its heap as out of memory", async () => {
    const result = await pool({}, 64).run(input("oom"));
    expect(result).toEqual({ ok: false, failure: { code: "out-of-memory" } });
  }, 60_000);

  it("says the worker is missing when the bundle was not built", async () => {
    const limits = { ...serverLimitsFromEnv({}), workers: 1 };
    const p = createAnalysisPool(limits, { workerFile: "/nonexistent/analysis-worker.mjs" });
    pools.push(p);
    expect(await p.run(input("x"))).toMatchObject({ ok: false, failure: { code: "worker-missing" } });
  });
});
