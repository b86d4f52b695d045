import type { IncomingMessage, ServerResponse } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createIndexClient, DEFAULT_DEADLINE_MS } from "./client";
import { DEFAULT_MAX_CONCURRENCY_PER_HOST, HostConcurrencyLimits } from "./host-limits";
import { projectFromPath, sendJson, simplePage, startTestServer, type TestServer } from "./test-http-server";
import type { IndexClientOptions } from "./types";

// The load and time bounds: per-host limits shared across clients, the analysis deadline, which
// failures are retried, and how malformed answers read in a report.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function server(handler: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>): Promise<TestServer> {
  const started = await startTestServer(handler);
  cleanups.push(() => started.close());
  return started;
}

function client(indexUrl: string, options: Partial<IndexClientOptions> = {}) {
  return createIndexClient({ indexUrl, cacheDir: null, retryDelayMs: 1, ...options });
}

const slowPages = (ms: number) => async (request: IncomingMessage, response: ServerResponse) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  sendJson(response, simplePage(projectFromPath(request.url ?? "")));
};

const never = () => undefined;

describe("per-host concurrency, shared by every client in the process", () => {
  it("three clients of 8 never have more than the host's limit in flight together", async () => {
    const index = await server(slowPages(30));
    const hostLimits = new HostConcurrencyLimits(5);
    const clients = [0, 1, 2].map(() => client(`${index.origin}simple/`, { hostLimits }));
    const results = await Promise.all(clients.flatMap((c, n) => Array.from({ length: 10 }, (_, i) => c.getProject(`c${n}-p${i}`))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(index.peakInFlight()).toBe(5);
  });

  it("by default the limit is the process-wide 16 per host", async () => {
    expect(DEFAULT_MAX_CONCURRENCY_PER_HOST).toBe(16);
    const index = await server(slowPages(40));
    const clients = [0, 1, 2].map(() => client(`${index.origin}simple/`));
    await Promise.all(clients.flatMap((c, n) => Array.from({ length: 12 }, (_, i) => c.getProject(`d${n}-p${i}`))));
    expect(index.peakInFlight()).toBe(16);
  });

  it("hosts do not share a limit", async () => {
    const first = await server(slowPages(30));
    const second = await server(slowPages(30));
    const hostLimits = new HostConcurrencyLimits(2);
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => client(`${first.origin}simple/`, { hostLimits }).getProject(`a${i}`)),
      ...Array.from({ length: 6 }, (_, i) => client(`${second.origin}simple/`, { hostLimits }).getProject(`b${i}`)),
    ]);
    expect([first.peakInFlight(), second.peakInFlight()]).toEqual([2, 2]);
  });
});

describe("the analysis deadline", () => {
  it("defaults to 30 s", () => {
    expect(DEFAULT_DEADLINE_MS).toBe(30_000);
  });

  it("ends a request in flight when it passes, long before the request's own timeout", async () => {
    const index = await server(never);
    const started = performance.now();
    const result = await client(`${index.origin}simple/`, { deadlineMs: 300, timeoutMs: 10_000 }).getProject("hung");
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, reason: "timeout", message: "timeout: the analysis deadline (300 ms) passed before the package index answered for hung" });
    expect(elapsed).toBeGreaterThanOrEqual(280);
    // Far below the request's own 10 s timeout, with room for a CI machine three times slower.
    expect(elapsed).toBeLessThan(3_000);
  });

  it("fails requests still queued for a slot at once, without sending them", async () => {
    const index = await server(never);
    const indexClient = client(`${index.origin}simple/`, { deadlineMs: 300, maxConcurrency: 1 });
    const started = performance.now();
    const results = await Promise.all(["a", "b", "c", "d"].map((name) => indexClient.getProject(name)));
    // Waiting their turn would take 4 × 10 s; the bound leaves room for a CI machine three times slower.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(results.map((r) => !r.ok && r.reason)).toEqual(["timeout", "timeout", "timeout", "timeout"]);
    expect(results.every((r) => !r.ok && r.message.includes("analysis deadline"))).toBe(true);
    expect(index.requests).toHaveLength(1);
  });

  it("after it, new projects fail without a request, but fresh cache entries are still served", async () => {
    const index = await server((request, response) => sendJson(response, simplePage(projectFromPath(request.url ?? "")), { "cache-control": "max-age=600" }));
    const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-deadline-cache-"));
    cleanups.push(() => rm(cacheDir, { recursive: true, force: true }));
    expect((await client(`${index.origin}simple/`, { cacheDir }).getProject("cached")).ok).toBe(true);

    const late = client(`${index.origin}simple/`, { cacheDir, deadlineMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await late.getProject("cached")).toMatchObject({ ok: true, page: { fetchedFrom: "cache" } });
    expect(await late.getProject("uncached")).toMatchObject({ ok: false, reason: "timeout", message: expect.stringContaining("analysis deadline (50 ms) passed") });
    expect(index.requests).toHaveLength(1);
  });

  it("stops retrying a 503 when the back-off would outlast it, and says what failed", async () => {
    const index = await server((_request, response) => sendJson(response, "busy", {}, 503));
    const started = performance.now();
    const result = await client(`${index.origin}simple/`, { deadlineMs: 400, retries: 5, retryDelayMs: 1_000 }).getProject("busy");
    // Below the 1 s back-off it did not wait for, with room for a busy machine.
    expect(performance.now() - started).toBeLessThan(900);
    expect(result).toEqual({ ok: false, reason: "index-error", message: "index error: HTTP 503 from the package index for busy" });
    expect(index.requests).toHaveLength(1);
  });

  it("null or Infinity means no deadline", async () => {
    const index = await server(slowPages(10));
    for (const deadlineMs of [null, Infinity]) {
      expect((await client(`${index.origin}simple/`, { deadlineMs }).getProject(`p${String(deadlineMs)}`)).ok).toBe(true);
    }
  });

  it("covers metadata requests too", async () => {
    const index = await server((request, response) => {
      if (request.url?.endsWith(".metadata")) return; // hangs
      sendJson(response, { meta: { "api-version": "1.0" }, name: "meta", files: [{ filename: "meta-1.0-py3-none-any.whl", url: "/files/meta-1.0-py3-none-any.whl", hashes: {}, "core-metadata": true }] });
    });
    const indexClient = client(`${index.origin}simple/`, { deadlineMs: 300 });
    const page = await indexClient.getProject("meta");
    if (!page.ok) throw new Error(page.message);
    const result = await indexClient.getCoreMetadata("meta", page.page.files[0]!);
    expect(result).toEqual({ ok: false, reason: "timeout", message: "timeout: the analysis deadline (300 ms) passed before the package index answered for meta-1.0-py3-none-any.whl.metadata" });
  });
});

describe("what is retried", () => {
  it("with retryTimeouts, a timed-out request is tried again while the deadline allows", async () => {
    let calls = 0;
    const index = await server((request, response) => {
      if (++calls === 1) return; // the first attempt hangs
      sendJson(response, simplePage(projectFromPath(request.url ?? "")));
    });
    const result = await client(`${index.origin}simple/`, { timeoutMs: 200, retryTimeouts: true, deadlineMs: 5_000 }).getProject("flaky");
    expect(result.ok).toBe(true);
    expect(index.requests).toHaveLength(2);
  });

  it("with retryTimeouts, no retry is started that the deadline would cut off", async () => {
    const index = await server(never);
    const result = await client(`${index.origin}simple/`, { timeoutMs: 200, retryTimeouts: true, deadlineMs: 250, retryDelayMs: 100 }).getProject("hung");
    expect(result).toEqual({ ok: false, reason: "timeout", message: "timeout: the package index did not answer within 200 ms for hung" });
    expect(index.requests).toHaveLength(1);
  });

  it("a connection reset mid-answer is retried", async () => {
    let calls = 0;
    const index = await server((request, response) => {
      if (++calls === 1) {
        response.writeHead(200, { "content-type": "application/vnd.pypi.simple.v1+json", "content-length": "1000" });
        response.write('{"meta": ');
        response.socket?.destroy();
        return;
      }
      sendJson(response, simplePage(projectFromPath(request.url ?? "")));
    });
    expect((await client(`${index.origin}simple/`).getProject("reset")).ok).toBe(true);
    expect(index.requests).toHaveLength(2);
  });

  it("404 is never retried, even with retryTimeouts", async () => {
    const index = await server((_request, response) => sendJson(response, "no", {}, 404));
    expect(await client(`${index.origin}simple/`, { retries: 3, retryTimeouts: true }).getProject("missing")).toMatchObject({ ok: false, reason: "not-found" });
    expect(index.requests).toHaveLength(1);
  });
});

describe("malformed answers read as index errors in a report", () => {
  it.each<[string, (response: ServerResponse) => void, RegExp]>([
    ["truncated JSON", (r) => sendJson(r, '{"meta": {"api-version": "1.0"}, "files": [{"filen'), /^index error: the package index's page for broken is malformed: the project page is not valid JSON/],
    ["truncated HTML", (r) => (r.writeHead(200, { "content-type": "text/html" }), r.end('<html><body><a href="x-1.tar.gz">x-1.tar.gz</a><a href="x-2')), /^index error: .*cut off/],
    ["an oversized body", (r) => (r.writeHead(200, { "content-type": "application/vnd.pypi.simple.v1+json", "content-length": String(21 * 1024 * 1024) }), r.write("{")), /^index error: .*larger than 20 MB/],
  ])("%s", async (_, answer, message) => {
    const index = await server((_request, response) => answer(response));
    expect(await client(`${index.origin}simple/`).getProject("broken")).toEqual({ ok: false, reason: "malformed", message: expect.stringMatching(message) });
    // Not retried: the same index would most likely send the same bytes again.
    expect(index.requests).toHaveLength(1);
  });
});
