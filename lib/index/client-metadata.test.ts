import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { createIndexClient } from "./client";
import { sendJson, startTestServer, type TestServer } from "./test-http-server";
import type { IndexClient, IndexClientOptions, IndexFile, MetadataResult, ProjectResult } from "./types";

// getCoreMetadata: PEP 658 first, PyPI's JSON API second, never the distribution itself, and only
// for files the index listed.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fixture(options: Parameters<typeof startFixtureIndex>[0] = {}): Promise<FixtureIndex> {
  const index = await startFixtureIndex(options);
  cleanups.push(() => index.close());
  return index;
}

/** Handlers may return whatever `response.end()` returns. */
async function server(handler: (request: IncomingMessage, response: ServerResponse) => unknown): Promise<TestServer> {
  const started = await startTestServer(async (request, response) => void (await handler(request, response)));
  cleanups.push(() => started.close());
  return started;
}

function client(indexUrl: string, options: Partial<IndexClientOptions> = {}): IndexClient {
  return createIndexClient({ indexUrl, cacheDir: null, retryDelayMs: 1, ...options });
}

async function listedFile(indexClient: IndexClient, project: string, filename: string): Promise<IndexFile> {
  const result: ProjectResult = await indexClient.getProject(project);
  if (!result.ok) throw new Error(result.message);
  const file = result.page.files.find((f) => f.filename === filename);
  if (!file) throw new Error(`${filename} is not on ${project}'s page`);
  return file;
}

/** Paths of distribution files requested (anything under /files/ that is not a .metadata). */
function distributionRequests(paths: string[]): string[] {
  return paths.filter((p) => p.startsWith("/files/") && !p.endsWith(".metadata"));
}

const REQUESTS_DEPS = ["charset-normalizer<4,>=2", "idna<4,>=2.5", "urllib3<3,>=1.21.1", "certifi>=2017.4.17", 'PySocks!=1.5.7,>=1.5.6; extra == "socks"'];

describe("core metadata from the fixture index", () => {
  it("reads a wheel's PEP 658 metadata file, checked against the page's sha256", async () => {
    const index = await fixture();
    const indexClient = client(index.url);
    const wheel = await listedFile(indexClient, "requests", "requests-2.31.0-py3-none-any.whl");
    expect(wheel.coreMetadata).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    expect(await indexClient.getCoreMetadata("requests", wheel)).toEqual<MetadataResult>({
      ok: true,
      source: "pep658",
      metadata: { name: "requests", version: "2.31.0", requiresDist: REQUESTS_DEPS, requiresPython: ">=3.7", providesExtra: ["socks"] },
    });
    const paths = index.requests().map((r) => r.path);
    expect(paths).toEqual(["/simple/requests/", "/files/requests-2.31.0-py3-none-any.whl.metadata"]);
  });

  it("fetches the project page first when this client has not read it yet", async () => {
    const index = await fixture();
    const file = await listedFile(client(index.url), "cffi", "cffi-1.16.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    const fresh = client(index.url, { cacheDir: await tempDir() });
    const result = await fresh.getCoreMetadata("cffi", file);
    expect(result).toMatchObject({ ok: true, source: "pep658", metadata: { requiresDist: ["pycparser"], requiresPython: ">=3.8" } });
    expect(fresh.stats()).toMatchObject({ requests: 2, projectsRequested: 1 });
  });

  it("falls back to the JSON API for a file without PEP 658 metadata (an sdist)", async () => {
    const index = await fixture();
    const indexClient = client(index.url);
    const sdist = await listedFile(indexClient, "requests", "requests-2.31.0.tar.gz");
    expect(sdist.coreMetadata).toBe(false);

    expect(await indexClient.getCoreMetadata("requests", sdist)).toEqual<MetadataResult>({
      ok: true,
      source: "json-api",
      metadata: { name: "requests", version: "2.31.0", requiresDist: REQUESTS_DEPS, requiresPython: ">=3.7", providesExtra: ["socks"] },
    });
    const paths = index.requests().map((r) => r.path);
    expect(paths).toEqual(["/simple/requests/", "/pypi/requests/2.31.0/json"]);
  });

  it("reads the JSON API's nulls as no dependencies", async () => {
    const index = await fixture();
    const indexClient = client(index.url);
    const sdist = await listedFile(indexClient, "docopt", "docopt-0.6.2.tar.gz");
    expect(await indexClient.getCoreMetadata("docopt", sdist)).toEqual<MetadataResult>({
      ok: true,
      source: "json-api",
      metadata: { name: "docopt", version: "0.6.2", requiresDist: [], requiresPython: null, providesExtra: [] },
    });
  });

  it("a metadata file that does not match the page's sha256 is an error, and nothing else is tried", async () => {
    const tampered = "cryptography-41.0.7-cp37-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl";
    const index = await fixture({ tamperedMetadata: [tampered] });
    const cacheDir = await tempDir();
    const indexClient = client(index.url, { cacheDir });
    const wheel = await listedFile(indexClient, "cryptography", tampered);
    const result = await indexClient.getCoreMetadata("cryptography", wheel);
    expect(result).toEqual({
      ok: false,
      reason: "hash-mismatch",
      message: expect.stringMatching(new RegExp(`^index error: ${escape(tampered)}\\.metadata does not match the sha256 the index gives for it \\(expected [0-9a-f]{64}, got [0-9a-f]{64}\\)$`)),
    });
    // Not retried, no JSON API fallback, not stored: asking again (another analysis) asks again.
    expect(index.requests().map((r) => r.path)).toEqual(["/simple/cryptography/", `/files/${tampered}.metadata`]);
    const again = client(index.url, { cacheDir });
    await again.getCoreMetadata("cryptography", wheel);
    expect(index.requests().filter((r) => r.path.endsWith(".metadata"))).toHaveLength(2);
    // Its neighbours are fine.
    const other = await listedFile(indexClient, "cryptography", "cryptography-41.0.7-cp37-abi3-musllinux_1_1_x86_64.whl");
    expect(await indexClient.getCoreMetadata("cryptography", other)).toMatchObject({ ok: true, metadata: { requiresDist: ["cffi>=1.12", 'pytest>=6.2.0; extra == "test"'] } });
  });

  it("no PEP 658 file and no JSON API: a clear failure", async () => {
    const index = await fixture({ jsonApi: false });
    const indexClient = client(index.url);
    const sdist = await listedFile(indexClient, "docopt", "docopt-0.6.2.tar.gz");
    expect(await indexClient.getCoreMetadata("docopt", sdist)).toEqual({
      ok: false,
      reason: "unavailable",
      message: "the index offers no metadata for docopt-0.6.2.tar.gz: its page offers no PEP 658 metadata file, and its JSON API has no release docopt 0.6.2",
    });
  });

  it("one request per file for the client's lifetime, however many targets ask at once", async () => {
    const index = await fixture({ delayMs: 30 });
    const indexClient = client(index.url);
    const wheel = await listedFile(indexClient, "urllib3", "urllib3-2.1.0-py3-none-any.whl");
    const asked = [indexClient.getCoreMetadata("urllib3", wheel), indexClient.getCoreMetadata("URLLib3", { ...wheel }), indexClient.getCoreMetadata("urllib3", wheel)];
    const [first, ...rest] = await Promise.all(asked);
    for (const other of rest) expect(other).toBe(first);
    expect(await indexClient.getCoreMetadata("urllib3", wheel)).toBe(first);
    expect(index.requests().filter((r) => r.path.endsWith(".metadata"))).toHaveLength(1);
  });

  it("a later analysis reads metadata from the disk cache: PEP 658 files by digest, the JSON API by Cache-Control", async () => {
    const index = await fixture();
    const cacheDir = await tempDir();
    const first = client(index.url, { cacheDir });
    const wheel = await listedFile(first, "asgiref", "asgiref-3.7.2-py3-none-any.whl");
    const sdist = await listedFile(first, "asgiref", "asgiref-3.7.2.tar.gz");
    const cold = await Promise.all([first.getCoreMetadata("asgiref", wheel), first.getCoreMetadata("asgiref", sdist)]);
    const before = index.requests().length;

    const later = client(index.url, { cacheDir });
    const warm = await Promise.all([later.getCoreMetadata("asgiref", wheel), later.getCoreMetadata("asgiref", sdist)]);
    expect(warm).toEqual(cold);
    expect(index.requests()).toHaveLength(before);
    expect(later.stats()).toEqual({ requests: 0, cacheHits: 3, revalidated: 0, projectsRequested: 1 });
  });

  it("never downloads a distribution", async () => {
    const index = await fixture();
    const indexClient = client(index.url);
    for (const project of ["numpy", "six", "psycopg2", "Django", "PySocks"]) {
      const page = await indexClient.getProject(project);
      if (!page.ok) throw new Error(page.message);
      await Promise.all(page.page.files.map((file) => indexClient.getCoreMetadata(project, file)));
    }
    expect(distributionRequests(index.requests().map((r) => r.path))).toEqual([]);
  });
});

describe("only URLs the index listed are requested", () => {
  it("a file the index does not list is refused without any request", async () => {
    const elsewhere = await server((_request, response) => response.end("Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n"));
    const index = await fixture();
    const indexClient = client(index.url);
    await indexClient.getProject("six");
    const forged: IndexFile = {
      filename: "six-1.16.0-py2.py3-none-any.whl",
      url: `${elsewhere.origin}six-1.16.0-py2.py3-none-any.whl`,
      hashes: {},
      requiresPython: null,
      yanked: false,
      size: null,
      uploadTime: null,
      coreMetadata: true,
    };
    expect(await indexClient.getCoreMetadata("six", forged)).toEqual({
      ok: false,
      reason: "unavailable",
      message: "the index offers no metadata for six-1.16.0-py2.py3-none-any.whl: the index does not list that file for six",
    });
    expect(elsewhere.requests).toHaveLength(0);
    expect(index.requests().map((r) => r.path)).toEqual(["/simple/six/"]);
  });

  it("the page's own entry is used, not the caller's copy: changed digests or flags are ignored", async () => {
    const index = await fixture();
    const indexClient = client(index.url);
    const wheel = await listedFile(indexClient, "idna", "idna-3.6-py3-none-any.whl");
    const doctored: IndexFile = { ...wheel, coreMetadata: { sha256: "0".repeat(64) } };
    expect(await indexClient.getCoreMetadata("idna", doctored)).toMatchObject({ ok: true, source: "pep658" });
    const sdist = await listedFile(indexClient, "idna", "idna-3.6.tar.gz");
    expect(await indexClient.getCoreMetadata("idna", { ...sdist, coreMetadata: true })).toMatchObject({ ok: true, source: "json-api" });
    expect(index.requests().map((r) => r.path)).not.toContain("/files/idna-3.6.tar.gz.metadata");
  });

  it("a file listed on another host (PyPI's files.pythonhosted.org): its metadata comes from there, without the index's credentials", async () => {
    const metadataText = "Metadata-Version: 2.1\nName: remote\nVersion: 1.0\nRequires-Dist: six\n";
    const files = await server((_request, response) => response.end(metadataText));
    const digest = createHash("sha256").update(metadataText).digest("hex");
    const index = await server((_request, response) =>
      sendJson(response, { meta: { "api-version": "1.0" }, name: "remote", files: [{ filename: "remote-1.0-py3-none-any.whl", url: `${files.origin}packages/remote-1.0-py3-none-any.whl`, hashes: {}, "core-metadata": { sha256: digest } }] }),
    );
    const indexClient = client(`${index.origin.replace("http://", "http://alice:secret@")}simple/`);
    const wheel = await listedFile(indexClient, "remote", "remote-1.0-py3-none-any.whl");
    expect(await indexClient.getCoreMetadata("remote", wheel)).toMatchObject({ ok: true, metadata: { requiresDist: ["six"] } });
    expect(files.requests.map((r) => r.path)).toEqual(["/packages/remote-1.0-py3-none-any.whl.metadata"]);
    expect(files.requests[0]?.headers.authorization).toBeUndefined();
    expect(index.requests[0]?.headers.authorization).toMatch(/^Basic /);
  });

  it("a metadata redirect to another origin is not followed", async () => {
    const elsewhere = await server((_request, response) => response.end("Metadata-Version: 2.1\nName: moved\nVersion: 1.0\n"));
    const index = await server((request, response) => {
      if (request.url?.endsWith(".metadata")) {
        response.writeHead(302, { location: `${elsewhere.origin}moved.metadata` });
        response.end();
      } else sendJson(response, page("moved", "moved-1.0-py3-none-any.whl", true));
    });
    const indexClient = client(`${index.origin}simple/`);
    const wheel = await listedFile(indexClient, "moved", "moved-1.0-py3-none-any.whl");
    expect(await indexClient.getCoreMetadata("moved", wheel)).toMatchObject({ ok: false, reason: "index-error", message: expect.stringContaining("not followed") });
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe("what the answers mean", () => {
  it("a promised metadata file that is missing (404) falls back to the JSON API", async () => {
    const index = await server((request, response) => {
      if (request.url?.endsWith(".metadata")) sendJson(response, "missing", {}, 404);
      else if (request.url === "/pypi/gap/1.0/json") sendJson(response, { info: { name: "gap", version: "1.0", requires_dist: ["six"], requires_python: ">=3.8" } });
      else sendJson(response, page("gap", "gap-1.0-py3-none-any.whl", true));
    });
    const indexClient = client(`${index.origin}simple/`);
    const wheel = await listedFile(indexClient, "gap", "gap-1.0-py3-none-any.whl");
    expect(await indexClient.getCoreMetadata("gap", wheel)).toEqual({
      ok: true,
      source: "json-api",
      metadata: { name: "gap", version: "1.0", requiresDist: ["six"], requiresPython: ">=3.8", providesExtra: [] },
    });
  });

  it("an index root that does not end in /simple/ has no JSON API to ask", async () => {
    const index = await server((_request, response) => sendJson(response, page("plain", "plain-1.0.tar.gz", false)));
    const indexClient = client(`${index.origin}index/`);
    const sdist = await listedFile(indexClient, "plain", "plain-1.0.tar.gz");
    const result = await indexClient.getCoreMetadata("plain", sdist);
    expect(result).toEqual({ ok: false, reason: "unavailable", message: expect.stringMatching(/^the index offers no metadata for plain-1\.0\.tar\.gz: .*does not end in \/simple\//) });
    expect(index.requests.map((r) => r.path)).toEqual(["/index/plain/"]);
  });

  it.each<[string, string, RegExp]>([
    ["names another project", "Metadata-Version: 2.1\nName: other\nVersion: 1.0\n", /names other, not odd .*inconsistent/],
    ["gives another version", "Metadata-Version: 2.1\nName: odd\nVersion: 1.1\n", /says version 1\.1, the filename 1\.0/],
    ["is cut off", "Metadata-Version: 2.1\nName: odd\nVersion: 1.0\nRequires-Dist: nu", /cut off/],
    ["is empty", "", /empty/],
  ])("metadata that %s is malformed", async (_, text, message) => {
    const index = await server((request, response) => (request.url?.endsWith(".metadata") ? response.end(text) : sendJson(response, page("odd", "odd-1.0-py3-none-any.whl", true))));
    const indexClient = client(`${index.origin}simple/`);
    const wheel = await listedFile(indexClient, "odd", "odd-1.0-py3-none-any.whl");
    const result = await indexClient.getCoreMetadata("odd", wheel);
    expect(result).toEqual({ ok: false, reason: "malformed", message: expect.stringMatching(/^index error: /) });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("versions are compared as PEP 440 versions (1.0 is 1.0.0)", async () => {
    const index = await server((request, response) =>
      request.url?.endsWith(".metadata") ? response.end("Metadata-Version: 2.1\nName: Odd_Name\nVersion: 1.0.0\n") : sendJson(response, page("odd-name", "odd_name-1.0-py3-none-any.whl", true)),
    );
    const indexClient = client(`${index.origin}simple/`);
    const wheel = await listedFile(indexClient, "odd-name", "odd_name-1.0-py3-none-any.whl");
    expect(await indexClient.getCoreMetadata("odd-name", wheel)).toMatchObject({ ok: true, metadata: { name: "Odd_Name", version: "1.0.0" } });
  });

  it("a 503 for a metadata file is retried like a page", async () => {
    let metadataCalls = 0;
    const index = await server((request, response) => {
      if (!request.url?.endsWith(".metadata")) return sendJson(response, page("busy", "busy-1.0-py3-none-any.whl", true));
      if (++metadataCalls === 1) return sendJson(response, "busy", {}, 503);
      response.end("Metadata-Version: 2.1\nName: busy\nVersion: 1.0\n");
    });
    const indexClient = client(`${index.origin}simple/`);
    const wheel = await listedFile(indexClient, "busy", "busy-1.0-py3-none-any.whl");
    expect(await indexClient.getCoreMetadata("busy", wheel)).toMatchObject({ ok: true });
    expect(metadataCalls).toBe(2);
  });

  it("metadata of a project whose page failed carries the page's failure", async () => {
    const index = await fixture({ failNames: ["six"] });
    const indexClient = client(index.url, { retries: 0 });
    const anyFile = { filename: "six-1.16.0-py2.py3-none-any.whl", url: `${new URL(index.url).origin}/files/six-1.16.0-py2.py3-none-any.whl` } as IndexFile;
    expect(await indexClient.getCoreMetadata("six", anyFile)).toEqual({ ok: false, reason: "index-error", message: "index error: HTTP 503 from the package index for six" });
  });

  it("metadata requests count toward the client's concurrency limit", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `wide-1.${i}-py3-none-any.whl`);
    const index = await server(async (request, response) => {
      if (!request.url?.endsWith(".metadata")) return sendJson(response, { meta: { "api-version": "1.0" }, name: "wide", files: names.map((filename) => ({ filename, url: `/files/${filename}`, hashes: {}, "core-metadata": true })) });
      await new Promise((resolve) => setTimeout(resolve, 30));
      const version = /wide-(1\.\d+)-/.exec(request.url)?.[1];
      response.end(`Metadata-Version: 2.1\nName: wide\nVersion: ${version}\n`);
    });
    const indexClient = client(`${index.origin}simple/`, { maxConcurrency: 3 });
    const page = await indexClient.getProject("wide");
    if (!page.ok) throw new Error(page.message);
    const results = await Promise.all(page.page.files.map((file) => indexClient.getCoreMetadata("wide", file)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(index.peakInFlight()).toBe(3);
  });
});

function page(project: string, filename: string, coreMetadata: boolean): object {
  return { meta: { "api-version": "1.0" }, name: project, files: [{ filename, url: `/files/${filename}`, hashes: {}, "core-metadata": coreMetadata }] };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "basewise-metadata-cache-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
