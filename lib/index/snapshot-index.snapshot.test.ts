// Integration with ../shared/tools/snapshot-index: the client against a real-data index speaking
// the same protocols as PyPI. Run by the snapshot suite only (vitest.snapshot.config.ts).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDir, startSnapshotIndex, type SnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient } from "./client";
import { pageFormatCounters } from "./page-format";
import type { ProjectPage, ProjectResult } from "./types";

function pageOf(result: ProjectResult): ProjectPage {
  if (!result.ok) throw new Error(`expected a page, got ${result.reason}: ${result.message}`);
  return result.page;
}

describe.skipIf(sharedDir() === null)("the index client against snapshot-index", () => {
  let index: SnapshotIndex;
  let faulty: SnapshotIndex;
  beforeAll(async () => {
    [index, faulty] = await Promise.all([startSnapshotIndex(), startSnapshotIndex(["--not-found", "numpy", "--malformed-rate", "1"])]);
  });
  afterAll(async () => {
    await Promise.all([index?.close(), faulty?.close()]);
  });

  it("reads pandas as PEP 691 JSON, with 1.5.2's cp310 manylinux wheels and its sdist", async () => {
    const page = pageOf(await createIndexClient({ indexUrl: index.url, cacheDir: null }).getProject("pandas"));
    expect(page.name).toBe("pandas");
    expect(page.apiVersion).toMatch(/^1\.\d+$/);
    const release = page.files.filter((f) => f.filename.startsWith("pandas-1.5.2-") || f.filename.startsWith("pandas-1.5.2."));
    const names = release.map((f) => f.filename);
    expect(names).toContain("pandas-1.5.2-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    expect(names).toContain("pandas-1.5.2-cp310-cp310-manylinux_2_17_aarch64.manylinux2014_aarch64.whl");
    expect(names).toContain("pandas-1.5.2.tar.gz");
    for (const file of release) {
      expect(file.url).toBe(new URL(`/files/${file.filename}`, index.url).href);
      expect(file.requiresPython).toBe(">=3.8");
      expect(file.yanked).toBe(false);
      // pandas 1.5.2 is one of the hand-verified releases: sizes and upload times are known.
      expect(file.size).toBeGreaterThan(0);
      expect(file.uploadTime).toMatch(/^2022-11-/);
      // The snapshot sends core-metadata as {} ("available, no hashes" under PEP 714).
      expect(file.coreMetadata).toEqual({});
    }
  });

  it("reads numpy, whose page mixes files with and without core metadata", async () => {
    const indexClient = createIndexClient({ indexUrl: index.url, cacheDir: null });
    const page = pageOf(await indexClient.getProject("NumPy"));
    expect(page.name).toBe("numpy");
    expect(page.files.length).toBeGreaterThan(1000);
    expect(page.files.map((f) => f.filename)).toEqual(expect.arrayContaining(["numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "numpy-1.26.4-cp312-cp312-musllinux_1_1_x86_64.whl", "numpy-1.26.4.tar.gz"]));
    expect(page.files.some((f) => f.coreMetadata === false)).toBe(true);
    expect(page.files.some((f) => f.coreMetadata !== false)).toBe(true);
    // PEP 700 versions appear only on pages where every file has a size (api-version 1.1).
    if (page.apiVersion === "1.0") expect(page.versions).toBeNull();
    expect(indexClient.stats().requests).toBe(1);
  });

  it("reports a project the snapshot does not have as not-found", async () => {
    const result = await createIndexClient({ indexUrl: index.url, cacheDir: null }).getProject("basewise-no-such-project-xyz");
    expect(result).toEqual({ ok: false, reason: "not-found", message: "basewise-no-such-project-xyz was not found on the package index (HTTP 404)" });
  });

  it("reads the PEP 503 HTML form of pandas and numpy as the same files as the JSON form", async () => {
    // Both clients share the process's memory cache, as every analysis in a server does. The HTML
    // client asks as a pre-PEP 691 client would (Accept: text/html), so the index answers with HTML
    // and the cache, keyed on Accept (RFC 9111 §4.1), must not hand it the JSON answer.
    const fromJson = createIndexClient({ indexUrl: index.url, cacheDir: null });
    const fromHtml = createIndexClient({ indexUrl: index.url, cacheDir: null, pageAccept: "text/html" });
    for (const name of ["pandas", "numpy"]) {
      // The JSON page may come from the shared cache (the tests above read pandas and numpy).
      const json = pageOf(await fromJson.getProject(name));
      const before = { ...pageFormatCounters };
      const html = pageOf(await fromHtml.getProject(name));
      // The HTML client's page went through the HTML reader, not the JSON one.
      expect({ json: pageFormatCounters.json - before.json, html: pageFormatCounters.html - before.html }).toEqual({ json: 0, html: 1 });
      expect(html.fetchedFrom).toBe("network");
      expect(html.apiVersion).toBe("1.0");
      // PEP 700 sizes and upload times travel in the JSON form only: the HTML page really is HTML.
      expect(json.files.some((f) => f.size !== null && f.uploadTime !== null)).toBe(true);
      expect(html.files.every((f) => f.size === null && f.uploadTime === null)).toBe(true);
      // JSON says core-metadata {} where HTML says "true": both mean "available, no hash given".
      const comparable = (page: ProjectPage) =>
        page.files.map((f) => ({ filename: f.filename, url: f.url, requiresPython: f.requiresPython, yanked: f.yanked, hasMetadata: f.coreMetadata !== false }));
      expect(comparable(html)).toEqual(comparable(json));
      expect(html.files.length).toBeGreaterThan(0);
    }
    expect(fromHtml.stats().requests).toBe(2);
  });

  it("turns injected faults into values: --not-found and truncated bodies", async () => {
    const indexClient = createIndexClient({ indexUrl: faulty.url, cacheDir: null });
    expect(await indexClient.getProject("numpy")).toMatchObject({ ok: false, reason: "not-found" });
    expect(await indexClient.getProject("pandas")).toMatchObject({ ok: false, reason: "malformed" });
    const htmlClient = createIndexClient({ indexUrl: faulty.url, cacheDir: null, pageAccept: "text/html" });
    expect(await htmlClient.getProject("pandas")).toMatchObject({ ok: false, reason: "malformed", message: expect.stringContaining("cut off") });
  });
});
