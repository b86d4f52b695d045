import { describe, expect, it } from "vitest";
import type { CompiledPackage } from "@/lib/contract/report";
import { analyzeInMemory } from "@/lib/report/memory-index.test-support";
import { buildPartsView, enablesNote, optionalPartLine, optionalPartsNote } from "./build-parts";
import { reportMarkdown } from "./markdown";

// Optional native parts in words: what the listed packages enable, and each part left off with the
// packages that add it, as the page, the Markdown export and the CLI say them.

type Parts = Pick<CompiledPackage, "enables" | "optionalParts">;

const PILLOW: Parts = {
  enables: [
    { code: "jpeg", feature: "JPEG (libjpeg)" },
    { code: "zlib", feature: "PNG and the other zlib-compressed formats (zlib)" },
    { code: "core-formats", feature: "the core formats that need no library" },
  ],
  optionalParts: [
    { code: "freetype", feature: "FreeType (ImageFont)", packages: { build: ["libfreetype-dev"], runtime: ["libfreetype6"] }, enabled: false },
    { code: "webp", feature: "WebP", packages: { build: ["libwebp-dev"], runtime: ["libwebp7", "libwebpmux3", "libwebpdemux2"] }, enabled: false },
  ],
};

const PYYAML: Parts = { enables: [{ code: "libyaml", feature: "the libyaml binding (yaml.CLoader, yaml.CDumper)" }], optionalParts: [] };
const NONE: Parts = { enables: [], optionalParts: [] };

describe("optional parts in words", () => {
  it.each([
    [PILLOW, "The listed packages enable: JPEG (libjpeg); PNG and the other zlib-compressed formats (zlib); the core formats that need no library."],
    [PYYAML, "The listed packages enable: the libyaml binding (yaml.CLoader, yaml.CDumper)."],
    [NONE, null],
  ] as const)("enablesNote %#", (parts, expected) => {
    expect(enablesNote(parts)).toBe(expected);
  });

  it.each([
    [PILLOW.optionalParts[0], "apt", "FreeType (ImageFont) — add libfreetype-dev (build), libfreetype6 (runtime)"],
    [{ code: "freetype", feature: "FreeType (ImageFont)", packages: { build: ["freetype-dev"], runtime: ["freetype"] }, enabled: false }, "apk", "FreeType (ImageFont) — add freetype-dev (build), freetype (runtime)"],
    // Distroless: the builder's names, nothing the final image could install.
    [{ code: "freetype", feature: "FreeType (ImageFont)", packages: { build: ["libfreetype-dev"], runtime: [] }, enabled: false }, "apt", "FreeType (ImageFont) — add libfreetype-dev (build)"],
    [{ code: "xml", feature: "XML config files", packages: { build: ["libxml2-dev"], runtime: ["libxml2"] }, enabled: true }, "apt", "XML config files — built too: the builder already installs libxml2-dev for another package; the final image keeps libxml2"],
    [{ code: "x", feature: "X", packages: { build: [], runtime: [] }, enabled: false }, "none", "X — not built (this image cannot install packages)"],
  ] as const)("optionalPartLine %#", (part, manager, expected) => {
    expect(optionalPartLine(part as CompiledPackage["optionalParts"][number], manager)).toBe(expected);
  });

  it("optionalPartsNote: the parts left off in one sentence; null without parts", () => {
    expect(optionalPartsNote(PILLOW, "apt")).toBe(
      "Optional, not built with them: FreeType (ImageFont) — add libfreetype-dev (build), libfreetype6 (runtime); WebP — add libwebp-dev (build), libwebp7 (runtime), libwebpmux3 (runtime), libwebpdemux2 (runtime).",
    );
    expect(optionalPartsNote(PYYAML, "apt")).toBeNull();
    expect(optionalPartsNote(NONE, "apt")).toBeNull();
  });

  it("buildPartsView: null for a build without optional parts; each part with its code and line", () => {
    expect(buildPartsView(NONE, "apt")).toBeNull();
    expect(buildPartsView(PYYAML, "apt")).toEqual({ enables: "The listed packages enable: the libyaml binding (yaml.CLoader, yaml.CDumper).", optional: [] });
    expect(buildPartsView(PILLOW, "apt")?.optional.map((p) => [p.code, p.enabled])).toEqual([
      ["freetype", false],
      ["webp", false],
    ]);
  });
});

describe("optional parts in the Markdown export", () => {
  it("Pillow 9.4.0 compiled on python:3.12-slim-bookworm: JPEG/zlib enabled, FreeType offered; psycopg2 gets no such line", async () => {
    const report = await analyzeInMemory("Pillow==9.4.0\npsycopg2==2.9.9\n", ["python:3.12-slim-bookworm"]);
    const markdown = reportMarkdown(report, null);
    const pillow = markdown.split("\n").find((line) => line.startsWith("  - pillow 9.4.0:"));
    expect(pillow).toContain("The listed packages enable: JPEG \\(libjpeg\\); PNG and the other zlib-compressed formats \\(zlib\\)");
    expect(pillow).toContain("Optional, not built with them: FreeType \\(ImageFont\\) — add libfreetype-dev \\(build\\), libfreetype6 \\(runtime\\); colour management");
    expect(markdown).not.toMatch(/ {2}- psycopg2 2\.9\.9:/);
  });
});
