import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import type { Report } from "@/lib/contract/report";
import { MAX_BASES } from "@/lib/contract/request-limits";
import { createIndexClient } from "@/lib/index";
import { analyze } from "@/lib/report";
import { baseImageBytes, listBaseImages } from "@/lib/targets";
import { imageSizeRows, timeSizePoints } from "./charts";
import { headlines, previewLine } from "./comparison";
import { reportMarkdown } from "./markdown";
import { SIZE_UNKNOWN, estimateLine, imageSize, imageSizes, stagesNote } from "./target";

// Sizes that never mislead: every catalog image has a base size, or its estimate says the size is
// unknown and every surface shows "size unknown" — never a sum that leaves the base out.

let index: FixtureIndex;
beforeAll(async () => {
  index = await startFixtureIndex();
});
afterAll(async () => {
  await index.close();
});

async function run(bases: string[]): Promise<Report> {
  const client = createIndexClient({ indexUrl: index.url, cacheDir: null, retries: 0, timeoutMs: 2000 });
  const result = await analyze({ requirements: "six\n", bases }, { index: client, indexHost: "fixture" });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

const CATALOG = listBaseImages();
const chunks: string[][] = [];
for (let i = 0; i < CATALOG.length; i += MAX_BASES) chunks.push(CATALOG.slice(i, i + MAX_BASES).map((b) => b.reference));

describe("every catalog image's size in the headline", () => {
  it.each(chunks.map((c) => [c.join(", "), c] as const))("%s", async (_, bases) => {
    const report = await run(bases);
    const unknownTargets = new Set(report.targets.filter((t) => t.estimate.imageBytes.baseUnknown).map((t) => `${t.base}/${t.arch}`));
    for (const h of headlines(report)) {
      const target = report.targets.find((t) => t.base === h.base && t.arch === h.arch);
      if (!target) throw new Error(`no target for ${h.key}`);
      const image = CATALOG.find((b) => b.reference === h.base);
      if (!image) throw new Error(`not in the catalog: ${h.base}`);
      const size = baseImageBytes(image, h.arch);
      // An image whose Python the OS installs is known only with that install's size.
      const known = size !== null && (image.distroPython === null || typeof image.distroPython.installed?.bytes === "number");
      // The estimate flags exactly the images the catalog has no size for.
      expect(target.estimate.imageBytes.baseUnknown === true, h.key).toBe(!known);
      const base = target.estimate.breakdown.size.find((p) => p.category === "base");
      if (known) {
        expect(base?.bytes, h.key).toBe(size?.bytes);
        expect(base?.basis, h.key).toBe(size?.basis);
        expect(imageSize(h.imageBytes, "multiStage")).not.toBe(SIZE_UNKNOWN);
        expect(target.estimate.imageBytes.multiStage).toBeGreaterThanOrEqual(base?.bytes ?? Infinity);
      } else {
        // Unknown: every sentence says so, and none prints the sum without the base.
        const sum = imageSize({ multiStage: h.imageBytes.multiStage, singleStage: h.imageBytes.singleStage }, "multiStage");
        for (const words of [imageSize(h.imageBytes, "multiStage"), imageSize(h.imageBytes, "singleStage"), imageSizes(h.imageBytes), estimateLine(target.estimate), stagesNote(target.dockerfile, target.estimate.imageBytes), previewLine(h)]) {
          expect(words, h.key).toContain(SIZE_UNKNOWN);
          expect(words, h.key).not.toContain(sum);
        }
      }
    }
    expect(imageSizeRows(report)).toHaveLength(report.targets.length - unknownTargets.size);
    expect(timeSizePoints(report)).toHaveLength(report.targets.length - unknownTargets.size);
    const markdown = reportMarkdown(report, null);
    for (const key of unknownTargets) {
      const [base, arch] = key.split("/").length > 2 ? [key.slice(0, key.lastIndexOf("/")), key.slice(key.lastIndexOf("/") + 1)] : key.split("/");
      const row = markdown.split("\n").find((l) => l.startsWith(`| \`${base}\` | ${arch} |`));
      expect(row, key).toContain(`| ${SIZE_UNKNOWN} | ${SIZE_UNKNOWN} |`);
    }
  }, 60_000);

  it("leaves only images the data has no size for unknown, and says so in the catalog", () => {
    const unknown = CATALOG.filter((b) => b.archs.some((a) => baseImageBytes(b, a) === null));
    // End-of-life python: tags with no published size report (lib/targets/eol-images.test.ts) say so in their note.
    const endOfLife = unknown.filter((b) => b.sizes.note?.startsWith("size unknown: "));
    expect(endOfLife.length).toBe(38);
    const others = unknown.filter((b) => !endOfLife.includes(b)).map((b) => b.reference);
    expect(others.sort()).toEqual(["gcr.io/distroless/python3-debian13", "registry.access.redhat.com/ubi9/python-311", "registry.access.redhat.com/ubi9/python-312"]);
    for (const reference of others) expect(CATALOG.find((b) => b.reference === reference)?.sizes.note).toBe("no size in the data");
  });
});

describe("an arch the reports give no uncompressed size for", () => {
  it("scales amd64's uncompressed size by the two arches' compressed sizes, and says so", () => {
    const slim = CATALOG.find((b) => b.reference === "python:3.14-slim-bookworm");
    if (!slim) throw new Error("python:3.14-slim-bookworm not in the catalog");
    expect(baseImageBytes(slim, "amd64")).toEqual({ bytes: 122_320_000, basis: "uncompressed size from the base-image catalog" });
    const arm64 = baseImageBytes(slim, "arm64");
    expect(arm64?.bytes).toBe(Math.round((122_320_000 * 44_400_270) / 44_791_060));
    expect(arm64?.basis).toMatch(/^estimated: the amd64 uncompressed size .* × the arm64\/amd64 compressed-size ratio \(0\.991\)/);
  });

  it("gives no size when nothing to scale is known", () => {
    expect(baseImageBytes({ sizes: { compressedBytes: {}, uncompressedBytes: {}, estimated: false } }, "arm64")).toBeNull();
  });

  it("takes amd64's size as it is when the data has no compressed size for the arch", () => {
    const size = baseImageBytes({ sizes: { compressedBytes: { amd64: 10 }, uncompressedBytes: { amd64: 30 }, estimated: false } }, "arm64");
    expect(size?.bytes).toBe(30);
    expect(size?.basis).toMatch(/^estimated: the amd64 uncompressed size .*; the data has no arm64 size/);
  });
});
