import { describe, expect, it } from "vitest";
import { FIXTURE_PROJECTS } from "@/e2e/fixtures/projects";
import { createIndexClient, DEFAULT_MAX_CONCURRENCY } from "./client";
import { indexTestResources, pageOf } from "./client.test-support";
import { SIMPLE_API_ACCEPT } from "./page-format";
import { projectFromPath, sendJson, simplePage, startTestServer } from "./test-http-server";
import type { IndexClientOptions } from "./types";

// Every test runs without a disk cache; cache behaviour has its own file. The process-wide memory
// cache cannot leak between tests: each server listens on a fresh port, so its URLs are new.
const { fixture, server } = indexTestResources();

function client(indexUrl: string, options: Partial<IndexClientOptions> = {}) {
  return createIndexClient({ indexUrl, cacheDir: null, retryDelayMs: 1, ...options });
}

describe("reading project pages from the fixture index", () => {
  it("asks for PEP 691 JSON at the normalised URL and reads it", async () => {
    const index = await fixture();
    const page = pageOf(await client(index.url).getProject("numpy"));

    expect(index.requests()).toHaveLength(1);
    expect(index.requests()[0]).toMatchObject({ path: "/simple/numpy/", headers: { accept: SIMPLE_API_ACCEPT } });
    expect(page).toMatchObject({ name: "numpy", apiVersion: "1.1", versions: ["1.24.4", "1.26.4", "2.0.0rc1"], fetchedFrom: "network" });
    const origin = new URL(index.url).origin;
    const wheel = page.files.find((f) => f.filename === "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    expect(wheel).toMatchObject({
      url: `${origin}/files/numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl`,
      hashes: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      requiresPython: ">=3.9",
      yanked: false,
      size: 18_000_000,
      uploadTime: "2024-02-05T23:48:03.401872Z",
      coreMetadata: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(page.files.find((f) => f.filename === "numpy-1.26.4.tar.gz")).toMatchObject({ coreMetadata: false, size: 15_800_000 });
    expect(page.files.some((f) => f.filename.startsWith("numpy-2.0.0rc1-"))).toBe(true);
  });

  it("normalises the name before building the URL and reports the name as served", async () => {
    const index = await fixture();
    const page = pageOf(await client(index.url).getProject("Typing.Extensions"));
    expect(index.requests().map((r) => r.path)).toEqual(["/simple/typing-extensions/"]);
    expect(page.name).toBe("typing_extensions");
  });

  it("reads yanked reasons", async () => {
    const page = pageOf(await client((await fixture()).url).getProject("requests"));
    const yanked = Object.fromEntries(page.files.map((f) => [f.filename, f.yanked]));
    expect(yanked["requests-2.32.0-py3-none-any.whl"]).toBe("Yanked due to conflicts with CVE-2024-35195 mitigation");
    expect(yanked["requests-2.32.3-py3-none-any.whl"]).toBe(false);
  });

  it("accepts a trailing-slash-less index URL", async () => {
    const index = await fixture();
    pageOf(await client(index.url.replace(/\/$/, "")).getProject("six"));
    expect(index.requests()[0]?.path).toBe("/simple/six/");
  });

  it("reads the HTML form of every fixture project exactly as its JSON form (apart from PEP 700 fields)", async () => {
    const jsonIndex = await fixture();
    const htmlIndex = await fixture({ html: true });
    const fromJson = client(jsonIndex.url);
    const fromHtml = client(htmlIndex.url);
    for (const project of FIXTURE_PROJECTS) {
      const json = pageOf(await fromJson.getProject(project.name));
      const html = pageOf(await fromHtml.getProject(project.name));
      expect(html.name).toBe(project.name);
      expect(html.versions).toBeNull();
      expect(html.apiVersion).toBe("1.1");
      const portless = (url: string) => url.replace(/127\.0\.0\.1:\d+/, "HOST");
      expect(html.files.map((f) => ({ ...f, url: portless(f.url) }))).toEqual(json.files.map((f) => ({ ...f, url: portless(f.url), size: null, uploadTime: null })));
    }
    expect(htmlIndex.requests()[0]?.headers.accept).toBe(SIMPLE_API_ACCEPT);
  });
});

describe("failures are values", () => {
  it.each([404, 410])("HTTP %i is not-found and is never retried", async (status) => {
    const index = await server((_, response) => sendJson(response, "gone", {}, status));
    const result = await client(`${index.origin}simple/`, { retries: 3 }).getProject("nonexistent-project");
    expect(result).toEqual({ ok: false, reason: "not-found", message: `nonexistent-project was not found on the package index (HTTP ${status})` });
    expect(index.requests).toHaveLength(1);
  });

  it("a missing fixture project is not-found", async () => {
    const index = await fixture();
    expect(await client(index.url).getProject("no-such-project")).toMatchObject({ ok: false, reason: "not-found" });
  });

  it("HTTP 503 is index-error after the configured retries", async () => {
    const index = await fixture({ failNames: ["numpy"] });
    const indexClient = client(index.url, { retries: 2 });
    const result = await indexClient.getProject("numpy");
    expect(result).toEqual({ ok: false, reason: "index-error", message: "index error: HTTP 503 from the package index for numpy" });
    expect(index.requests()).toHaveLength(3);
    expect(indexClient.stats().requests).toBe(3);
  });

  it("a 503 followed by a good answer succeeds", async () => {
    let calls = 0;
    const index = await server((request, response) => (++calls === 1 ? sendJson(response, "busy", {}, 503) : sendJson(response, simplePage(projectFromPath(request.url ?? "")))));
    const page = pageOf(await client(`${index.origin}simple/`).getProject("flaky"));
    expect(page.files.map((f) => f.filename)).toEqual(["flaky-1.0.tar.gz"]);
    expect(index.requests).toHaveLength(2);
  });

  it("other 4xx answers are index-errors, not retried", async () => {
    const index = await server((_, response) => sendJson(response, "no", {}, 403));
    const result = await client(`${index.origin}simple/`).getProject("secret");
    expect(result).toMatchObject({ ok: false, reason: "index-error", message: expect.stringContaining("HTTP 403") });
    expect(index.requests).toHaveLength(1);
  });

  it("a refused connection is an index-error naming the cause", async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const result = await client(`${closed.origin}simple/`, { retries: 1 }).getProject("numpy");
    expect(result).toMatchObject({ ok: false, reason: "index-error", message: expect.stringMatching(/could not reach the package index for numpy .*ECONNREFUSED/) });
  });

  it.each([
    ["sends nothing", () => undefined],
    [
      "sends headers, then stalls the body",
      (response: import("node:http").ServerResponse) => {
        response.writeHead(200, { "content-type": "application/vnd.pypi.simple.v1+json" });
        response.write('{"meta": {"api-version": "1.0"}, "files": [');
      },
    ],
  ])("a server that %s times out within timeoutMs", async (_, stall) => {
    const index = await server((_request, response) => stall(response));
    const started = performance.now();
    const result = await client(`${index.origin}simple/`, { timeoutMs: 300, retries: 2 }).getProject("slow");
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, reason: "timeout", message: "timeout: the package index did not answer within 300 ms for slow" });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    // A retry would take at least 300 + 250 (back-off) + 300 ms; the request count below says the same.
    expect(elapsed).toBeLessThan(300 + 540);
    expect(index.requests).toHaveLength(1); // timeouts are not retried
  });

  it.each<[string, (response: import("node:http").ServerResponse) => void, RegExp]>([
    ["truncated JSON", (r) => sendJson(r, '{"meta": {"api-version": "1.0"}, "files": [{"filen'), /not valid JSON/],
    ["JSON of the wrong shape", (r) => sendJson(r, { meta: { "api-version": "1.0" }, projects: [] }), /no "files"/],
    ["a plain-text body", (r) => (r.writeHead(200, { "content-type": "text/plain" }), r.end("hello")), /text\/plain/],
    ["a truncated HTML page", (r) => (r.writeHead(200, { "content-type": "text/html" }), r.end('<html><body><a href="x-1.tar.gz">x-1.tar.gz</a><a href="x-2')), /cut off/],
    ["an unsupported major api-version", (r) => sendJson(r, { meta: { "api-version": "2.0" }, files: [] }), /api-version 2\.0/],
  ])("%s is malformed", async (_, answer, message) => {
    const index = await server((_request, response) => answer(response));
    const result = await client(`${index.origin}simple/`).getProject("broken");
    expect(result).toMatchObject({ ok: false, reason: "malformed", message: expect.stringMatching(message) });
    expect(index.requests).toHaveLength(1);
  });

  it("a body declared larger than 20 MB is malformed without being read", async () => {
    const index = await server((_request, response) => {
      response.writeHead(200, { "content-type": "application/vnd.pypi.simple.v1+json", "content-length": String(21 * 1024 * 1024) });
      response.write("{");
    });
    expect(await client(`${index.origin}simple/`).getProject("huge")).toMatchObject({ ok: false, reason: "malformed", message: expect.stringContaining("larger than 20 MB") });
  });

  it("a streamed body that grows past 20 MB is malformed", async () => {
    const index = await server(async (_request, response) => {
      response.writeHead(200, { "content-type": "application/vnd.pypi.simple.v1+json" }); // chunked, no length
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 21 && !response.destroyed; i++) {
        if (!response.write(chunk)) await drainedOrClosed(response);
      }
      response.end();
    });
    expect(await client(`${index.origin}simple/`).getProject("huge")).toMatchObject({ ok: false, reason: "malformed", message: expect.stringContaining("larger than 20 MB") });
  });

  it("never throws, even when fetch itself throws synchronously", async () => {
    const fetchImpl = (() => {
      throw new Error("boom");
    }) as unknown as typeof fetch;
    const result = await client("http://127.0.0.1:9/simple/", { fetchImpl, retries: 0 }).getProject("numpy");
    expect(result).toMatchObject({ ok: false, reason: "index-error", message: expect.stringContaining("boom") });
  });

  it("an unusable configured index URL is an index-error per project", async () => {
    expect(await client("ftp://index.example/simple/").getProject("numpy")).toMatchObject({ ok: false, reason: "index-error", message: expect.stringContaining("http or https") });
    expect(await client("not a url").getProject("numpy")).toMatchObject({ ok: false, reason: "index-error" });
  });
});

describe("only URLs under the configured index are requested", () => {
  it.each(["", "../../etc/passwd", "numpy/../../admin", "http://evil.example/x", "-numpy", "numpy ", "a b", "%2e%2e", "numpy?format=json", "x".repeat(300)])(
    "%j is refused without a request",
    async (name) => {
      const index = await fixture();
      const indexClient = client(index.url);
      const result = await indexClient.getProject(name);
      expect(result).toMatchObject({ ok: false, reason: "not-found", message: expect.stringContaining("is not a valid project name") });
      expect(index.requests()).toHaveLength(0);
      expect(indexClient.stats()).toEqual({ requests: 0, cacheHits: 0, revalidated: 0, projectsRequested: 0 });
    },
  );

  it("follows a redirect that stays inside the index root", async () => {
    const index = await server((request, response) => {
      if (request.url === "/simple/moved/") {
        response.writeHead(301, { location: "/simple/new-home/" });
        response.end();
      } else sendJson(response, simplePage("new-home"));
    });
    const page = pageOf(await client(`${index.origin}simple/`).getProject("moved"));
    // Relative file URLs resolve against the page actually served.
    expect(page.files[0]?.url).toBe(`${index.origin}files/new-home-1.0.tar.gz`);
    expect(index.requests.map((r) => r.path)).toEqual(["/simple/moved/", "/simple/new-home/"]);
  });

  it.each([
    ["another origin", (other: string) => `${other}simple/numpy/`],
    ["a path outside the root", (other: string) => `${other.replace(/\/$/, "")}/admin/`],
  ])("refuses a redirect to %s", async (label, target) => {
    const elsewhere = await server((_request, response) => sendJson(response, simplePage("numpy")));
    const index = await server((request, response) => {
      const destination = label === "another origin" ? target(elsewhere.origin) : new URL("/admin/", `http://${request.headers.host}`).href;
      response.writeHead(302, { location: destination });
      response.end();
    });
    const result = await client(`${index.origin}simple/`).getProject("numpy");
    expect(result).toMatchObject({ ok: false, reason: "index-error", message: expect.stringContaining("not followed") });
    expect(elsewhere.requests).toHaveLength(0);
    expect(index.requests.map((r) => r.path)).toEqual(["/simple/numpy/"]);
  });

  it("sends credentials from the index URL as Basic auth and never shows them", async () => {
    const index = await server((request, response) => sendJson(response, "no", {}, request.headers.authorization ? 503 : 401));
    const result = await client(`${index.origin.replace("http://", "http://alice:s3cr%40t@")}simple/`, { retries: 0 }).getProject("private-pkg");
    expect(index.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from("alice:s3cr@t").toString("base64")}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toMatch(/s3cr|alice/);
  });
});

describe("load on the index is bounded", () => {
  it("concurrent requests for one project share a single request and answer", async () => {
    const index = await fixture({ delayMs: 50 });
    const indexClient = client(index.url);
    const [a, b, c] = [indexClient.getProject("numpy"), indexClient.getProject("NumPy"), indexClient.getProject("numpy")];
    expect(a).toBe(b);
    const results = await Promise.all([a, b, c]);
    expect(results[0]).toBe(results[2]);
    expect(index.requests()).toHaveLength(1);
  });

  it("answers are memoised for the client's lifetime", async () => {
    const index = await fixture();
    const indexClient = client(index.url);
    await indexClient.getProject("six");
    await indexClient.getProject("Six");
    await indexClient.getProject("nope");
    await indexClient.getProject("nope");
    expect(index.requests()).toHaveLength(2);
    expect(indexClient.stats()).toEqual({ requests: 2, cacheHits: 0, revalidated: 0, projectsRequested: 2 });
  });

  it("never has more than maxConcurrency requests in flight", async () => {
    const index = await server(async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      sendJson(response, simplePage(projectFromPath(request.url ?? "")));
    });
    const indexClient = client(`${index.origin}simple/`, { maxConcurrency: 3 });
    const names = Array.from({ length: 15 }, (_, i) => `project-${i}`);
    const results = await Promise.all(names.map((name) => indexClient.getProject(name)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(index.requests).toHaveLength(15);
    expect(index.peakInFlight()).toBe(3);
  });

  it("the default concurrency is DEFAULT_MAX_CONCURRENCY (16)", async () => {
    const index = await server(async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      sendJson(response, simplePage(projectFromPath(request.url ?? "")));
    });
    const indexClient = client(`${index.origin}simple/`);
    await Promise.all(Array.from({ length: 20 }, (_, i) => indexClient.getProject(`p${i}`)));
    expect(DEFAULT_MAX_CONCURRENCY).toBe(16);
    expect(index.peakInFlight()).toBe(DEFAULT_MAX_CONCURRENCY);
  });

  it("refuses the project after maxProjects without a request, but still answers known ones", async () => {
    const index = await fixture();
    const indexClient = client(index.url, { maxProjects: 2 });
    expect((await indexClient.getProject("six")).ok).toBe(true);
    expect((await indexClient.getProject("no-such-project")).ok).toBe(false); // a miss still counts
    const third = await indexClient.getProject("idna");
    expect(third).toMatchObject({ ok: false, reason: "too-many-projects", message: expect.stringContaining("at most 2 projects") });
    expect((await indexClient.getProject("SIX")).ok).toBe(true);
    expect(index.requests().map((r) => r.path)).toEqual(["/simple/six/", "/simple/no-such-project/"]);
    expect(indexClient.stats().projectsRequested).toBe(2);
  });
});

function drainedOrClosed(response: import("node:http").ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}
