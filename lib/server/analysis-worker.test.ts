import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { runAnalysis } from "./analysis-entry";
import { previewOf, serializeReport } from "./analysis-worker";

// The link preview's values, cut where the image has room: five images, each with its architectures.

let index: FixtureIndex;
beforeAll(async () => {
  index = await startFixtureIndex();
});
afterAll(async () => {
  await index.close();
});

describe("previewOf", () => {
  it("keeps five images with both architectures each, not the first five targets", async () => {
    const bases = ["python:3.12-slim-bookworm", "python:3.12-alpine3.24", "python:3.11-slim-bookworm", "python:3.12-bookworm", "python:3.13-slim-trixie", "python:3.10-slim-bookworm"];
    const result = await runAnalysis({ requirements: "six\n", bases }, { config: { indexUrl: index.url, cacheDir: null, cacheMaxBytes: 1024 * 1024, fetchSdists: false } });
    if (!result.ok) throw new Error(result.error);
    const preview = previewOf(result.report);
    // Headlines come in rank order; each image keeps its two rows together.
    const rows = preview.headlines.map((h) => `${h.base} ${h.arch}`);
    const images = [...new Set(preview.headlines.map((h) => h.base))];
    expect(images).toHaveLength(5);
    expect(rows).toEqual(images.flatMap((base) => [`${base} amd64`, `${base} arm64`]));
    expect(preview.recommended).toBe(result.report.recommendation?.base);
  });
});

describe("serializeReport", () => {
  it("is JSON.stringify's text, with each target's entry where its span says", async () => {
    const bases = ["python:3.12-slim-bookworm", "python:3.12-alpine3.24"];
    const progress: { index: number; target: unknown }[] = [];
    const result = await runAnalysis(
      { requirements: "six\nnumpy\n", bases },
      { config: { indexUrl: index.url, cacheDir: null, cacheMaxBytes: 1024 * 1024, fetchSdists: false }, progress: { onTarget: (target, i) => progress.push({ index: i, target }) } },
    );
    if (!result.ok) throw new Error(result.error);
    const { json, targets } = serializeReport(result.report);
    expect(json).toBe(JSON.stringify(result.report));
    expect(targets.map(({ base, arch }) => `${base} ${arch}`)).toEqual(result.report.targets.map(({ base, arch }) => `${base} ${arch}`));
    targets.forEach(({ start, end }, i) => expect(json.slice(start, end)).toBe(JSON.stringify(result.report.targets[i])));
    // What the engine streamed for each target is the report's entry for it.
    expect(progress).toHaveLength(4);
    for (const { index: i, target } of progress) expect(JSON.stringify(target)).toBe(JSON.stringify(result.report.targets[i]));
  });
});
