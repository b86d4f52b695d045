import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { runAnalysis } from "./analysis-entry";
import { previewOf } from "./analysis-worker";

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
