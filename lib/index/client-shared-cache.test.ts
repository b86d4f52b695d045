// The caches every client in a process shares: Accept variants and Vary (RFC 9111 §4.1), and the
// parsed results served without disk reads or parsing while fresh. "A later analysis" is a new
// client whose injected clock reads later.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createIndexClient } from "./client";
import { indexTestResources, pageOf } from "./client.test-support";
import { diskCacheCounters } from "./http-cache-store";
import { pageFormatCounters } from "./page-format";
import { processParsedCache } from "./parsed-cache";
import { sendJson, simplePage } from "./test-http-server";
import type { IndexClientOptions } from "./types";

const T0 = Date.parse("2024-06-01T12:00:00Z");
const MINUTE = 60_000;

const { fixture, server, onCleanup } = indexTestResources();
let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-index-shared-"));
  onCleanup(() => rm(cacheDir, { recursive: true, force: true }));
});

function analysisAt(indexUrl: string, at: number, options: Partial<IndexClientOptions> = {}) {
  return createIndexClient({ indexUrl, cacheDir, now: () => at, retryDelayMs: 1, ...options });
}

const snapshot = () => ({ diskReads: diskCacheCounters.reads, json: pageFormatCounters.json, html: pageFormatCounters.html, parsedHits: processParsedCache.counters.hits });
function since(before: ReturnType<typeof snapshot>) {
  const now = snapshot();
  return { diskReads: now.diskReads - before.diskReads, json: now.json - before.json, html: now.html - before.html, parsedHits: now.parsedHits - before.parsedHits };
}

describe("Accept variants and Vary", () => {
  it.each([["on disk", true], ["in memory", false]] as const)("%s: a JSON client and an HTML client of one index each get their own form", async (_, onDisk) => {
    const index = await fixture();
    const options = onDisk ? {} : { cacheDir: null };
    const before = snapshot();
    const json = pageOf(await analysisAt(index.url, T0, options).getProject("numpy"));
    const html = pageOf(await analysisAt(index.url, T0 + 1000, { ...options, pageAccept: "text/html" }).getProject("numpy"));
    expect(since(before)).toMatchObject({ json: 1, html: 1 });
    expect(html.fetchedFrom).toBe("network");
    expect(index.requests().map((r) => r.headers.accept)).toEqual([expect.stringContaining("application/vnd.pypi.simple.v1+json"), "text/html"]);
    // PEP 700 sizes exist in the JSON form only: proof each client read its own form.
    expect(json.files.some((f) => f.size !== null)).toBe(true);
    expect(html.files.every((f) => f.size === null)).toBe(true);
    // And each form is then served from the cache to a client asking the same way.
    expect(pageOf(await analysisAt(index.url, T0 + 2000, { ...options, pageAccept: "text/html" }).getProject("numpy")).files.every((f) => f.size === null)).toBe(true);
    expect(pageOf(await analysisAt(index.url, T0 + 3000, options).getProject("numpy")).files.some((f) => f.size !== null)).toBe(true);
    expect(index.requests()).toHaveLength(2);
  });

  it("Vary: * is never served from the cache", async () => {
    const index = await server((_request, response) => sendJson(response, simplePage("star"), { "cache-control": "max-age=600", vary: "*" }));
    const root = `${index.origin}simple/`;
    pageOf(await analysisAt(root, T0).getProject("star"));
    expect(pageOf(await analysisAt(root, T0 + 1000).getProject("star")).fetchedFrom).toBe("network");
    expect(index.requests).toHaveLength(2);
  });

  it("Vary: Authorization keeps one set of credentials' answer from another's", async () => {
    const index = await server((request, response) =>
      sendJson(response, simplePage(request.headers.authorization === "Basic dTE6cA==" ? "one" : "two"), { "cache-control": "max-age=600", vary: "Accept, Authorization" }),
    );
    const root = (user: string) => `http://${user}:p@127.0.0.1:${new URL(index.origin).port}/simple/`;
    const first = pageOf(await analysisAt(root("u1"), T0).getProject("pkg"));
    const second = pageOf(await analysisAt(root("u2"), T0 + 1000).getProject("pkg"));
    const again = pageOf(await analysisAt(root("u1"), T0 + 2000).getProject("pkg"));
    expect([first.files[0]?.filename, second.files[0]?.filename]).toEqual(["one-1.0.tar.gz", "two-1.0.tar.gz"]);
    expect(second.fetchedFrom).toBe("network");
    // One entry per URL and Accept: u2's answer replaced u1's, so u1 asks again.
    expect(again).toMatchObject({ fetchedFrom: "network", files: [{ filename: "one-1.0.tar.gz" }] });
    expect(index.requests).toHaveLength(3);
  });
});

describe("parsed results shared by every client in the process", () => {
  it("a later analysis within max-age reads neither disk nor page text, and counts its own requests", async () => {
    const index = await fixture({ cacheControl: "max-age=600" });
    const names = ["numpy", "requests", "six", "idna"];
    const first = analysisAt(index.url, T0);
    const pages = await Promise.all(names.map(async (name) => pageOf(await first.getProject(name))));
    const withMetadata = pages.map((page) => page.files.find((f) => f.coreMetadata !== false)).filter((f) => f !== undefined);
    const metadata = await Promise.all(withMetadata.map((file, i) => first.getCoreMetadata(names[i]!, file)));
    expect(metadata.every((m) => m.ok)).toBe(true);
    const requestsSoFar = index.requests().length;

    const before = snapshot();
    const later = analysisAt(index.url, T0 + 5 * MINUTE);
    const again = await Promise.all(names.map(async (name) => pageOf(await later.getProject(name))));
    const metadataAgain = await Promise.all(withMetadata.map((file, i) => later.getCoreMetadata(names[i]!, file)));
    expect(since(before)).toEqual({ diskReads: 0, json: 0, html: 0, parsedHits: names.length + withMetadata.length });
    expect(index.requests()).toHaveLength(requestsSoFar);
    expect(later.stats()).toEqual({ requests: 0, cacheHits: names.length + withMetadata.length, revalidated: 0, projectsRequested: names.length });
    expect(again.map((p) => p.fetchedFrom)).toEqual(names.map(() => "cache"));
    expect(again.map((p) => ({ ...p, fetchedFrom: "network" }))).toEqual(pages);
    expect(metadataAgain).toEqual(metadata);
  });

  it("once stale, goes the normal way (a conditional request) and serves the refreshed result", async () => {
    const index = await fixture({ cacheControl: "max-age=600", etag: true });
    pageOf(await analysisAt(index.url, T0).getProject("requests"));
    const before = snapshot();
    const stale = analysisAt(index.url, T0 + 11 * MINUTE);
    expect(pageOf(await stale.getProject("requests")).fetchedFrom).toBe("revalidated");
    expect(index.requests()[1]?.headers["if-none-match"]).toBeDefined();
    expect(stale.stats()).toEqual({ requests: 1, cacheHits: 0, revalidated: 1, projectsRequested: 1 });
    expect(since(before)).toMatchObject({ diskReads: 1, json: 1, parsedHits: 0 });
    // The 304 refreshed the parsed entry too: fresh again for the next ten minutes.
    const after = snapshot();
    expect(pageOf(await analysisAt(index.url, T0 + 20 * MINUTE).getProject("requests")).fetchedFrom).toBe("cache");
    expect(since(after)).toMatchObject({ diskReads: 0, json: 0, parsedHits: 1 });
  });

  it("metadata pinned by a digest is served from memory though its response states no freshness", async () => {
    const index = await fixture({ cacheControl: "max-age=60" });
    const first = analysisAt(index.url, T0);
    const page = pageOf(await first.getProject("numpy"));
    const wheel = page.files.find((f) => typeof f.coreMetadata === "object" && "sha256" in f.coreMetadata)!;
    const metadata = await first.getCoreMetadata("numpy", wheel);
    expect(metadata.ok).toBe(true);
    const before = snapshot();
    const later = analysisAt(index.url, T0 + 30_000, { fetchImpl: (() => Promise.reject(new Error("offline"))) as typeof fetch, retries: 0 });
    expect(await later.getCoreMetadata("numpy", wheel)).toEqual(metadata);
    expect(since(before)).toMatchObject({ diskReads: 0, parsedHits: 2 });
    expect(later.stats()).toMatchObject({ requests: 0, cacheHits: 2 });
  });

  it("each analysis keeps its own project limit and counts, whatever the shared cache holds", async () => {
    const index = await fixture();
    await Promise.all(["numpy", "six", "idna"].map((name) => analysisAt(index.url, T0).getProject(name)));
    const limited = analysisAt(index.url, T0 + 1000, { maxProjects: 2 });
    expect((await limited.getProject("numpy")).ok).toBe(true);
    expect((await limited.getProject("six")).ok).toBe(true);
    expect(await limited.getProject("idna")).toMatchObject({ ok: false, reason: "too-many-projects" });
    expect(limited.stats()).toEqual({ requests: 0, cacheHits: 2, revalidated: 0, projectsRequested: 2 });
  });

  it("hands out frozen values: a caller cannot change what the next analysis reads", async () => {
    const index = await fixture();
    const page = pageOf(await analysisAt(index.url, T0).getProject("six"));
    expect(Object.isFrozen(page.files)).toBe(true);
    expect(() => (page.files as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (page.files[0] as { filename: string }).filename = "evil.whl";
    }).toThrow(TypeError);
    const later = pageOf(await analysisAt(index.url, T0 + 1000).getProject("six"));
    expect(later.files).toEqual(page.files);
  });

  it("a new cache directory starts without the old one's parsed results", async () => {
    const index = await fixture();
    pageOf(await analysisAt(index.url, T0).getProject("six"));
    const otherDir = await mkdtemp(path.join(tmpdir(), "basewise-index-shared-other-"));
    onCleanup(() => rm(otherDir, { recursive: true, force: true }));
    expect(pageOf(await analysisAt(index.url, T0 + 1000, { cacheDir: otherDir }).getProject("six")).fetchedFrom).toBe("network");
  });
});
