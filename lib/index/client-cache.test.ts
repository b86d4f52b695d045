import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createIndexClient } from "./client";
import { indexTestResources, pageOf } from "./client.test-support";
import { DiskCacheStore } from "./http-cache-store";
import { SIMPLE_API_ACCEPT } from "./page-format";
import { forgetInProcessIndexCaches } from "./parsed-cache";
import { sendJson, simplePage } from "./test-http-server";
import type { IndexClientOptions } from "./types";

// Time is injected: "a later analysis" is a new client whose clock reads later.
const T0 = Date.parse("2024-06-01T12:00:00Z");
const MINUTE = 60_000;

const { fixture, server, onCleanup } = indexTestResources();
let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-index-cache-"));
  onCleanup(() => rm(cacheDir, { recursive: true, force: true }));
});

/** A client as one analysis would create it, at time `at`. */
function analysisAt(indexUrl: string, at: number, options: Partial<IndexClientOptions> = {}) {
  return createIndexClient({ indexUrl, cacheDir, now: () => at, retryDelayMs: 1, ...options });
}

describe("on-disk HTTP cache (RFC 9111)", () => {
  it("a later analysis within max-age reads the page from disk without a request", async () => {
    const index = await fixture({ cacheControl: "max-age=600, public" });
    const first = pageOf(await analysisAt(index.url, T0).getProject("numpy"));
    const later = analysisAt(index.url, T0 + 9 * MINUTE);
    const second = pageOf(await later.getProject("numpy"));

    expect(index.requests()).toHaveLength(1);
    expect(first.fetchedFrom).toBe("network");
    expect(second.fetchedFrom).toBe("cache");
    expect({ ...second, fetchedFrom: "network" }).toEqual(first);
    expect(later.stats()).toEqual({ requests: 0, cacheHits: 1, revalidated: 0, projectsRequested: 1 });
  });

  it("once stale, revalidates with If-None-Match and serves the cached body on 304", async () => {
    const index = await fixture({ cacheControl: "max-age=600", etag: true });
    const first = pageOf(await analysisAt(index.url, T0).getProject("requests"));
    const etag = (await new DiskCacheStore(cacheDir).get({ url: `${index.url}requests/`, accept: SIMPLE_API_ACCEPT }))?.headers.etag;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);

    const stale = analysisAt(index.url, T0 + 11 * MINUTE);
    const second = pageOf(await stale.getProject("requests"));
    const conditional = index.requests()[1];
    expect(conditional?.headers["if-none-match"]).toBe(etag);
    expect(second.fetchedFrom).toBe("revalidated");
    expect({ ...second, fetchedFrom: "network" }).toEqual(first);
    expect(stale.stats()).toEqual({ requests: 1, cacheHits: 0, revalidated: 1, projectsRequested: 1 });

    // The 304 restarted the entry's freshness: ten minutes after the revalidation it is still fresh.
    const third = pageOf(await analysisAt(index.url, T0 + 20 * MINUTE).getProject("requests"));
    expect(third.fetchedFrom).toBe("cache");
    expect(index.requests()).toHaveLength(2);
  });

  it("revalidates with If-Modified-Since when Last-Modified is the only validator", async () => {
    const lastModified = "Wed, 29 May 2024 15:37:47 GMT";
    const index = await server((request, response) => {
      if (request.headers["if-modified-since"] === lastModified) {
        response.writeHead(304, { "cache-control": "max-age=60" });
        response.end();
      } else sendJson(response, simplePage("lm"), { "cache-control": "max-age=60", "last-modified": lastModified });
    });
    const root = `${index.origin}simple/`;
    pageOf(await analysisAt(root, T0).getProject("lm"));
    const second = pageOf(await analysisAt(root, T0 + 2 * MINUTE).getProject("lm"));
    expect(second.fetchedFrom).toBe("revalidated");
    expect(index.requests[1]?.headers["if-modified-since"]).toBe(lastModified);
    expect(index.requests[1]?.headers["if-none-match"]).toBeUndefined();
  });

  it("a stale entry without validators is fetched again in full, and the new body replaces it", async () => {
    let version = "1.0";
    const index = await server((_request, response) => sendJson(response, simplePage("plain", version), { "cache-control": "max-age=60" }));
    const root = `${index.origin}simple/`;
    pageOf(await analysisAt(root, T0).getProject("plain"));
    version = "2.0";
    const second = pageOf(await analysisAt(root, T0 + 2 * MINUTE).getProject("plain"));
    expect(second.fetchedFrom).toBe("network");
    expect(second.files[0]?.filename).toBe("plain-2.0.tar.gz");
    expect(index.requests[1]?.headers["if-none-match"]).toBeUndefined();
    const third = pageOf(await analysisAt(root, T0 + 2.5 * MINUTE).getProject("plain"));
    expect(third).toMatchObject({ fetchedFrom: "cache", files: [{ filename: "plain-2.0.tar.gz" }] });
  });

  it("Age from an upstream cache shortens the freshness", async () => {
    const index = await server((_request, response) => sendJson(response, simplePage("aged"), { "cache-control": "max-age=600", age: "590" }));
    const root = `${index.origin}simple/`;
    pageOf(await analysisAt(root, T0).getProject("aged"));
    expect(pageOf(await analysisAt(root, T0 + 5_000).getProject("aged")).fetchedFrom).toBe("cache");
    expect(pageOf(await analysisAt(root, T0 + 15_000).getProject("aged")).fetchedFrom).toBe("network");
  });

  it("no-store responses are never written", async () => {
    const index = await fixture({ cacheControl: "no-store" });
    pageOf(await analysisAt(index.url, T0).getProject("six"));
    pageOf(await analysisAt(index.url, T0 + 1000).getProject("six"));
    expect(index.requests()).toHaveLength(2);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it("no-cache responses are stored but revalidated every time", async () => {
    const index = await fixture({ cacheControl: "no-cache", etag: true });
    pageOf(await analysisAt(index.url, T0).getProject("six"));
    const second = pageOf(await analysisAt(index.url, T0 + 1000).getProject("six"));
    expect(second.fetchedFrom).toBe("revalidated");
    expect(index.requests()).toHaveLength(2);
  });

  it("error answers are not cached", async () => {
    const index = await fixture({ failNames: ["numpy"] });
    await analysisAt(index.url, T0, { retries: 0 }).getProject("numpy");
    await analysisAt(index.url, T0 + 1000, { retries: 0 }).getProject("no-such-project");
    await analysisAt(index.url, T0 + 2000, { retries: 0 }).getProject("no-such-project");
    expect(index.requests()).toHaveLength(3);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it("a corrupt entry is a miss, and is replaced by a good one", async () => {
    const index = await fixture();
    pageOf(await analysisAt(index.url, T0).getProject("idna"));
    const file = new DiskCacheStore(cacheDir).fileFor({ url: `${index.url}idna/`, accept: SIMPLE_API_ACCEPT });
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 10));
    // A later process: this one would still hold the page, parsed, while it is fresh.
    forgetInProcessIndexCaches();

    const second = pageOf(await analysisAt(index.url, T0 + 1000).getProject("idna"));
    expect(second.fetchedFrom).toBe("network");
    expect(index.requests()).toHaveLength(2);
    expect(pageOf(await analysisAt(index.url, T0 + 2000).getProject("idna")).fetchedFrom).toBe("cache");
  });

  it("writes entries atomically: only whole .entry files, no temp files", async () => {
    const index = await fixture();
    const indexClient = analysisAt(index.url, T0);
    await Promise.all(["numpy", "six", "idna", "requests", "django"].map((name) => indexClient.getProject(name)));
    const files = await readdir(path.join(cacheDir, "simple-pages"));
    expect(files).toHaveLength(5);
    expect(files.every((f) => /^[0-9a-f]{64}\.entry$/.test(f))).toBe(true);
  });

  it("with cacheDir null, clients in one process share an in-memory cache", async () => {
    const index = await fixture();
    const memoryClient = (at: number) => createIndexClient({ indexUrl: index.url, cacheDir: null, now: () => at });
    pageOf(await memoryClient(T0).getProject("tomli"));
    expect(pageOf(await memoryClient(T0 + 1000).getProject("tomli")).fetchedFrom).toBe("cache");
    expect(index.requests()).toHaveLength(1);
    expect(await readdir(cacheDir)).toEqual([]);
  });
});
