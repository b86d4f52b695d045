import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { create } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndexClient } from "./client";
import { HostConcurrencyLimits } from "./host-limits";
import { sendJson, startTestServer, type TestServer } from "./test-http-server";
import type { IndexClient, IndexFile } from "./types";

// Reading an sdist's [build-system] through the client: only when allowed, only files the index
// listed, checked against the page's sha256.

const work = mkdtempSync(path.join(tmpdir(), "basewise-client-sdist-"));
let sdist: Buffer;
let server: TestServer;

beforeAll(async () => {
  mkdirSync(path.join(work, "fastpkg-1.0"));
  writeFileSync(path.join(work, "fastpkg-1.0/pyproject.toml"), '[build-system]\nrequires = ["maturin>=1.4,<2.0"]\nbuild-backend = "maturin"\n');
  create({ gzip: true, cwd: work, sync: true, file: path.join(work, "fastpkg-1.0.tar.gz"), portable: true }, ["fastpkg-1.0"]);
  sdist = readFileSync(path.join(work, "fastpkg-1.0.tar.gz"));
  const digest = createHash("sha256").update(sdist).digest("hex");
  server = await startTestServer((request, response) => {
    if (request.url === "/simple/fastpkg/") {
      return sendJson(response, {
        meta: { "api-version": "1.0" },
        name: "fastpkg",
        files: [
          { filename: "fastpkg-1.0.tar.gz", url: "/files/fastpkg-1.0.tar.gz", hashes: { sha256: digest } },
          { filename: "fastpkg-1.1.tar.gz", url: "/files/fastpkg-1.1.tar.gz", hashes: { sha256: "0".repeat(64) } },
        ],
      });
    }
    if (request.url === "/files/fastpkg-1.0.tar.gz" || request.url === "/files/fastpkg-1.1.tar.gz") {
      response.writeHead(200, { "content-type": "application/gzip" });
      response.end(sdist);
      return;
    }
    response.writeHead(404);
    response.end();
  });
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

function client(fetchSdists: boolean): IndexClient {
  return createIndexClient({ indexUrl: `${server.origin}simple/`, cacheDir: null, fetchSdists, retries: 0, hostLimits: new HostConcurrencyLimits() });
}

async function listed(c: IndexClient, filename: string): Promise<IndexFile> {
  const page = await c.getProject("fastpkg");
  if (!page.ok) throw new Error(page.message);
  return page.page.files.find((f) => f.filename === filename)!;
}

describe("getSdistBuildSystem", () => {
  it("reads the sdist's pyproject.toml when fetching sdists is allowed", async () => {
    const c = client(true);
    expect(await c.getSdistBuildSystem("fastpkg", await listed(c, "fastpkg-1.0.tar.gz"))).toEqual({
      ok: true,
      buildSystem: { declared: true, requires: ["maturin>=1.4,<2.0"], backend: "maturin" },
    });
  });

  it("is off by default and then downloads nothing", async () => {
    const c = client(false);
    const before = server.requests.length;
    const result = await c.getSdistBuildSystem("fastpkg", await listed(c, "fastpkg-1.0.tar.gz"));
    expect(result).toMatchObject({ ok: false, reason: "disabled" });
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(["/simple/fastpkg/"]);
  });

  it("refuses a body that does not match the page's sha256, and a file the index does not list", async () => {
    const c = client(true);
    expect(await c.getSdistBuildSystem("fastpkg", await listed(c, "fastpkg-1.1.tar.gz"))).toMatchObject({ ok: false, reason: "hash-mismatch" });
    const elsewhere = { ...(await listed(c, "fastpkg-1.0.tar.gz")), url: "http://169.254.169.254/latest/meta-data.tar.gz" };
    expect(await c.getSdistBuildSystem("fastpkg", elsewhere)).toMatchObject({ ok: false, reason: "unavailable", message: expect.stringContaining("does not list") });
  });
});
