import { describe, expect, it } from "vitest";
import { ruleViolations } from "@/lib/dockerfile/rules.test-support";
import { resolveTarget } from "@/lib/targets";
import { buildPlan } from "./build-plan";
import { analyzeInMemory } from "./memory-index.test-support";
import type { CompiledPackage } from "./types";

// Optional native parts, from lib/native-builds to the report: what the OS packages listed for a
// compile turn on (`enables`), and the parts they leave off with the packages that add each
// (`optionalParts`), in the image's package manager's names.

async function compilesOn(requirements: string, base: string) {
  const report = await analyzeInMemory(requirements, [base]);
  const [target] = report.targets;
  if (!target) throw new Error(JSON.stringify(report.errors));
  return target;
}

function compile(name: string, version: string): CompiledPackage {
  return { name, version, buildRequirement: false, forBuildOf: [] };
}

function planOn(reference: string, compiles: CompiledPackage[]) {
  const resolved = resolveTarget(reference, "amd64");
  if (!resolved.ok) throw new Error(resolved.error);
  return buildPlan(resolved.target, [], compiles, {});
}

describe("optional native parts in the report", () => {
  it("Pillow 9.4.0 compiled on python:3.12-slim-bookworm: JPEG and zlib enabled, FreeType, colour management, WebP, TIFF and JPEG 2000 offered with Debian's packages", async () => {
    const target = await compilesOn("Pillow==9.4.0\n", "python:3.12-slim-bookworm");
    const pillow = target.compiles.find((c) => c.name === "pillow" || c.name === "Pillow");
    expect(pillow?.version).toBe("9.4.0");
    expect(pillow?.enables.map((e) => e.code)).toEqual(["jpeg", "zlib", "core-formats"]);
    expect(pillow?.enables[0]).toEqual({ code: "jpeg", feature: "JPEG (libjpeg)" });
    expect(pillow?.optionalParts.map((p) => p.code)).toEqual(["freetype", "lcms2", "webp", "tiff", "jpeg2000"]);
    expect(pillow?.optionalParts[0]).toEqual({ code: "freetype", feature: "FreeType (ImageFont)", packages: { build: ["libfreetype-dev"], runtime: ["libfreetype6"] }, enabled: false });
    expect(pillow?.optionalParts.find((p) => p.code === "webp")?.packages).toEqual({ build: ["libwebp-dev"], runtime: ["libwebp7", "libwebpmux3", "libwebpdemux2"] });
    // The parts left off are offered, not installed.
    expect(target.sysdeps.build.map((p) => p.name)).not.toContain("libfreetype-dev");
    expect(target.sysdeps.runtime.map((p) => p.name)).not.toContain("libfreetype6");
  });

  it("Pillow 9.4.0 on Alpine: the same parts in apk's names", async () => {
    const target = await compilesOn("Pillow==9.4.0\n", "python:3.12-alpine3.20");
    const pillow = target.compiles.find((c) => c.version === "9.4.0");
    expect(pillow?.optionalParts[0]?.packages).toEqual({ build: ["freetype-dev"], runtime: ["freetype"] });
  });

  it("PyYAML 6.0.1: the listed packages enable the libyaml binding; nothing else is optional", async () => {
    const target = await compilesOn("PyYAML==6.0.1\n", "python:3.12-slim-bookworm");
    const pyyaml = target.compiles.find((c) => c.version === "6.0.1");
    expect(pyyaml?.enables).toEqual([{ code: "libyaml", feature: "the libyaml binding (yaml.CLoader, yaml.CDumper)" }]);
    expect(pyyaml?.optionalParts).toEqual([]);
  });

  it("psycopg2 2.9.9 has no optional parts: both lists are empty", async () => {
    const target = await compilesOn("psycopg2==2.9.9\n", "python:3.12-slim-bookworm");
    const psycopg2 = target.compiles.find((c) => c.version === "2.9.9");
    expect(psycopg2).toMatchObject({ enables: [], optionalParts: [] });
  });

  it("Debian's runtime names follow the release: libtiff6 on bookworm", () => {
    const result = planOn("python:3.12-slim-bookworm", [compile("Pillow", "9.4.0")]);
    expect(result.sysdeps.perPackage[0]?.optional.find((p) => p.code === "tiff")).toMatchObject({ build: ["libtiff-dev"], runtime: ["libtiff6"], enabled: false });
  });

  it("a part whose headers another compile installs is built too, and its runtime library stays (uWSGI's XML with lxml's libxml2-dev)", () => {
    const result = planOn("python:3.12-slim-bookworm", [compile("uWSGI", "2.0.28"), compile("lxml", "5.3.0")]);
    const uwsgi = result.sysdeps.perPackage[0];
    expect(uwsgi?.enables.map((e) => e.code)).toEqual(["default-profile"]);
    expect(uwsgi?.optional.map((p) => [p.code, p.enabled])).toEqual([
      ["pcre", false],
      ["ssl", false],
      ["xml", true],
    ]);
    expect(result.sysdeps.runtime.find((p) => p.name === "libxml2")?.neededBy).toEqual(["lxml 5.3.0", "uWSGI 2.0.28"]);
  });

  it("in the report: uWSGI 2.0.28 beside lxml 5.3.0 builds its XML part (enabled), and still offers PCRE and SSL", async () => {
    const target = await compilesOn("uwsgi==2.0.28\nlxml==5.3.0\n", "python:3.12-slim-bookworm");
    const uwsgi = target.compiles.find((c) => c.version === "2.0.28");
    expect(uwsgi?.optionalParts.map((p) => ({ code: p.code, enabled: p.enabled }))).toEqual([
      { code: "pcre", enabled: false },
      { code: "ssl", enabled: false },
      { code: "xml", enabled: true },
    ]);
    expect(uwsgi?.optionalParts.find((p) => p.code === "ssl")?.packages).toEqual({ build: ["libssl-dev"], runtime: ["libssl3"] });
  });

  it("distroless: the builder's names to build a part, nothing the final image could install", () => {
    const result = planOn("gcr.io/distroless/python3-debian12", [compile("Pillow", "9.4.0")]);
    expect(result.sysdeps.perPackage[0]?.optional[0]).toMatchObject({ code: "freetype", build: ["libfreetype-dev"], runtime: [] });
  });

  it("the Dockerfile names the parts left off by code, with their packages, on the builder's install line, and installs none of them", () => {
    const result = planOn("python:3.12-slim-bookworm", [compile("Pillow", "9.4.0"), compile("uWSGI", "2.0.28"), compile("lxml", "5.3.0")]);
    expect(ruleViolations(result.dockerfile, { compiles: true })).toEqual([]);
    const install = result.dockerfile.lines.find((l) => l.text.includes("apt-get install") && l.text.includes("libjpeg62-turbo-dev"));
    expect(install?.note).toContain(
      "Optional parts left off, with the build / runtime packages that turn each on (add them here and in the final stage): Pillow 9.4.0 freetype (libfreetype-dev / libfreetype6), lcms2 (liblcms2-dev / liblcms2-2), webp (libwebp-dev / libwebp7 libwebpmux3 libwebpdemux2), tiff (libtiff-dev / libtiff6), jpeg2000 (libopenjp2-7-dev / libopenjp2-7); uWSGI 2.0.28 pcre (libpcre2-dev / libpcre2-8-0), ssl (libssl-dev / libssl3).",
    );
    // uWSGI's XML part is built with lxml's libxml2-dev: not offered again.
    expect(install?.note).not.toContain("xml (");
    expect(install?.text).not.toContain("libfreetype-dev");
  });

  it("nothing optional, nothing said: psycopg2's Dockerfile has no such comment", () => {
    const result = planOn("python:3.12-slim-bookworm", [compile("psycopg2", "2.9.9")]);
    expect(result.dockerfile.text).not.toContain("Optional parts");
  });
});
