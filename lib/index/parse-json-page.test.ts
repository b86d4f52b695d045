import { describe, expect, it } from "vitest";
import { parseJsonProjectPage } from "./parse-json-page";
import type { IndexFile } from "./types";

const PAGE_URL = "https://index.example/simple/numpy/";

function parseFiles(files: unknown[], extra: Record<string, unknown> = {}) {
  const result = parseJsonProjectPage(JSON.stringify({ meta: { "api-version": "1.1" }, name: "numpy", files, ...extra }), PAGE_URL, "numpy");
  if (!result.ok) throw new Error(result.message);
  return result.page;
}

function only(files: unknown[]): IndexFile {
  const page = parseFiles(files);
  expect(page.files).toHaveLength(1);
  return page.files[0]!;
}

describe("parseJsonProjectPage (PEP 691 / 700 / 714)", () => {
  it("reads every field of a full PEP 700 entry", () => {
    const page = parseFiles(
      [
        {
          filename: "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
          url: "https://files.example/packages/ab/numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
          hashes: { sha256: "666dbfb6ec68962c033a450943ded891bed2d54e6755e35e5835d63f4f6931d5" },
          "requires-python": ">=3.9",
          yanked: false,
          size: 17995456,
          "upload-time": "2024-02-05T23:48:03.401872Z",
          "core-metadata": { sha256: "a1b2" },
        },
      ],
      { versions: ["1.26.3", "1.26.4"] },
    );
    expect(page).toEqual({
      name: "numpy",
      apiVersion: "1.1",
      versions: ["1.26.3", "1.26.4"],
      files: [
        {
          filename: "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
          url: "https://files.example/packages/ab/numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
          hashes: { sha256: "666dbfb6ec68962c033a450943ded891bed2d54e6755e35e5835d63f4f6931d5" },
          requiresPython: ">=3.9",
          yanked: false,
          size: 17995456,
          uploadTime: "2024-02-05T23:48:03.401872Z",
          coreMetadata: { sha256: "a1b2" },
        },
      ],
    });
  });

  it.each<[string, string, string]>([
    ["root-relative", "/files/numpy-1.26.4.tar.gz", "https://index.example/files/numpy-1.26.4.tar.gz"],
    ["page-relative", "../../files/numpy-1.26.4.tar.gz", "https://index.example/files/numpy-1.26.4.tar.gz"],
    ["same directory", "numpy-1.26.4.tar.gz", "https://index.example/simple/numpy/numpy-1.26.4.tar.gz"],
    ["absolute elsewhere", "https://cdn.example/n/numpy-1.26.4.tar.gz", "https://cdn.example/n/numpy-1.26.4.tar.gz"],
  ])("resolves a %s url against the page", (_, url, expected) => {
    expect(only([{ filename: "numpy-1.26.4.tar.gz", url, hashes: {} }]).url).toBe(expected);
  });

  it.each<[string, unknown, IndexFile["yanked"]]>([
    ["absent", undefined, false],
    ["false", false, false],
    ["true", true, ""],
    ["a reason", "broken build", "broken build"],
    ["an empty string (pip: not yanked)", "", false],
    ["a non-boolean", 1, false],
  ])("yanked %s", (_, yanked, expected) => {
    expect(only([{ filename: "x-1.tar.gz", url: "x-1.tar.gz", hashes: {}, yanked }]).yanked).toBe(expected);
  });

  it.each<[string, Record<string, unknown>, IndexFile["coreMetadata"]]>([
    ["absent", {}, false],
    ["core-metadata true", { "core-metadata": true }, true],
    ["core-metadata hashes", { "core-metadata": { sha256: "aa" } }, { sha256: "aa" }],
    ["core-metadata empty dict (available, no hash)", { "core-metadata": {} }, {}],
    ["core-metadata false", { "core-metadata": false }, false],
    ["only the pre-714 dist-info-metadata", { "dist-info-metadata": { sha256: "bb" } }, { sha256: "bb" }],
    ["only data-dist-info-metadata", { "data-dist-info-metadata": true }, true],
    ["core-metadata wins over dist-info-metadata", { "core-metadata": false, "dist-info-metadata": true }, false],
    ["core-metadata wins (hashes)", { "core-metadata": { sha256: "new" }, "dist-info-metadata": { sha256: "old" } }, { sha256: "new" }],
  ])("metadata: %s", (_, fields, expected) => {
    expect(only([{ filename: "x-1-py3-none-any.whl", url: "x.whl", hashes: {}, ...fields }]).coreMetadata).toEqual(expected);
  });

  it("tolerates missing optional fields and odd types in them", () => {
    const file = only([{ filename: "x-1.tar.gz", url: "x-1.tar.gz", hashes: { sha256: "ab", md5: 5 }, size: "big", "requires-python": "", "upload-time": 7 }]);
    expect(file).toMatchObject({ hashes: { sha256: "ab" }, size: null, requiresPython: null, uploadTime: null, coreMetadata: false });
  });

  it("keeps a page without versions (api-version 1.0) and a missing meta", () => {
    const result = parseJsonProjectPage(JSON.stringify({ name: "six", files: [] }), PAGE_URL, "six");
    expect(result).toEqual({ ok: true, page: { name: "six", files: [], versions: null, apiVersion: null } });
  });

  it("falls back to the requested name when the page has none", () => {
    const result = parseJsonProjectPage(JSON.stringify({ meta: { "api-version": "1.0" }, files: [] }), PAGE_URL, "numpy");
    expect(result.ok && result.page.name).toBe("numpy");
  });

  it.each<[string, string, RegExp]>([
    ["not JSON", "<html>", /not valid JSON/],
    ["truncated JSON", '{"meta": {"api-version": "1.0"}, "files": [{"filena', /not valid JSON/],
    ["an array", "[]", /not an object/],
    ["no files list", '{"meta": {"api-version": "1.0"}, "name": "x"}', /no "files"/],
    ["files not a list", '{"files": {}}', /no "files"/],
    ["a file that is not an object", '{"files": [3]}', /file 1 .*not an object/],
    ["a file without url", '{"files": [{"filename": "x-1.tar.gz", "hashes": {}}]}', /file 1 .*no "url"/],
    ["a newer major api-version", '{"meta": {"api-version": "2.0"}, "files": []}', /api-version 2\.0/],
    ["an api-version that is not a version", '{"meta": {"api-version": "latest"}, "files": []}', /not a version number/],
  ])("refuses %s", (_, body, message) => {
    const result = parseJsonProjectPage(body, PAGE_URL, "x");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("reads a newer minor api-version", () => {
    expect(parseJsonProjectPage('{"meta": {"api-version": "1.4"}, "files": []}', PAGE_URL, "x").ok).toBe(true);
  });
});
