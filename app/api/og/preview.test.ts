import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ImageResponse } from "next/og";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { NO_RECOMMENDATION } from "@/lib/present/analysis";
import { listBaseImages } from "@/lib/targets";
import { requestSummary } from "@/lib/present/analysis";
import { previewImageLine, type Headline } from "@/lib/present/comparison";
import { DETAIL_CHARS, NAME_CHARS, PREVIEW, PreviewCard, SUBTITLE_CHARS, TITLE_CHARS, fitLabel, previewHeight } from "./preview";

// The link preview holds the longest image reference in the catalog on one line of its own box,
// so no name runs over its status; the PNG is kept under e2e/screenshots/ to look at.

// Canonical references and the spellings that resolve to them (a share link keeps what was asked for).
const references = listBaseImages().flatMap((image) => [image.reference, ...image.aliases]);
const longest = references.reduce((a, b) => (b.length > a.length ? b : a));

describe("the link preview's layout", () => {
  it("fits the longest catalog reference whole in a row's name box", () => {
    expect(longest.length).toBeGreaterThanOrEqual("registry.access.redhat.com/ubi9/python-311".length);
    // A floating-tag spelling a link may carry, longer still.
    expect(fitLabel("registry.access.redhat.com/ubi9/python-312:latest", NAME_CHARS)).toBe("registry.access.redhat.com/ubi9/python-312:latest");
    expect(NAME_CHARS).toBeGreaterThanOrEqual(longest.length);
    expect(fitLabel(longest, NAME_CHARS)).toBe(longest);
    expect(`Recommended: ${longest}`.length).toBeLessThanOrEqual(SUBTITLE_CHARS);
  });

  it("a two-architecture title fits whole, and so does a two-architecture row's status", () => {
    expect(requestSummary(300, 12, ["amd64", "arm64"]).length).toBeLessThanOrEqual(TITLE_CHARS);
    const h = (arch: "amd64" | "arm64", failsToBuild: string | null): Headline => ({
      key: `x/${arch}`, base: "x", arch, python: "3.12.14", libc: "glibc 2.36", recommended: false, emulated: arch === "arm64", support: null, rank: 1,
      packages: 40, compiling: 12, compilingForBuilds: 0, notInstallable: 0, unknown: 0, buildSeconds: arch === "arm64" ? { low: 3000, high: 5400 } : { low: 420, high: 780 },
      imageBytes: { multiStage: 1.1e9, singleStage: 1.5e9 }, failsToBuild, noSolution: null, incomplete: null,
    });
    expect(previewImageLine([h("amd64", null), h("arm64", null)]).length).toBeLessThanOrEqual(DETAIL_CHARS);
  });

  it("five rows and the header stay within the 630-pixel card", () => {
    expect(previewHeight(PREVIEW.rows)).toBeLessThanOrEqual(PREVIEW.height);
  });

  const cases: [text: string, max: number, expected: string][] = [
    ["python:3.12-slim-bookworm", 40, "python:3.12-slim-bookworm"],
    ["registry.access.redhat.com/ubi9/python-312:latest", 51, "registry.access.redhat.com/ubi9/python-312:latest"],
    ["registry.access.redhat.com/ubi9/python-312:latest", 34, "registry.ac…ubi9/python-312:latest"],
    ["gcr.io/distroless/python3-debian13:nonroot", 16, "gcr.i…13:nonroot"],
    ["ab", 1, "…"],
  ];
  it.each(cases)("fitLabel(%j, %i) = %j, never longer than its box", (text, max, expected) => {
    const fitted = fitLabel(text, max);
    expect(fitted).toBe(expected);
    expect([...fitted].length).toBeLessThanOrEqual(max);
  });

  it("a status longer than its box is cut, not wrapped under the next row", () => {
    const detail = "fails to build · 40 of 40 compile · 20–25 min · 1.1 GB ".repeat(3);
    expect([...fitLabel(detail, DETAIL_CHARS)].length).toBe(DETAIL_CHARS);
  });

  it("renders the longest reference with its status as a 1200×630 PNG", async () => {
    const rows = [
      { base: longest, detail: "fails to build · 3 of 12 compile · 20–25 min · 1.1 GB", best: false },
      ...references.filter((r) => r !== longest).sort((a, b) => b.length - a.length).slice(0, 4).map((base) => ({ base, detail: "0 of 12 compile · 20–40 s · 190 MB", best: false })),
    ];
    const title = requestSummary(12, 5, ["amd64", "arm64"]);
    const response = new ImageResponse(createElement(PreviewCard, { title, subtitle: NO_RECOMMENDATION, rows }), { width: PREVIEW.width, height: PREVIEW.height });
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(PREVIEW.width);
    expect(png.readUInt32BE(20)).toBe(PREVIEW.height);
    const dir = fileURLToPath(new URL("../../../e2e/screenshots/", import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}og-longest-name.png`, png);
  });
});
