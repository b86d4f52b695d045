import { describe, expect, it } from "vitest";
import type { IndexFile, MetadataResult, ProjectResult } from "@/lib/index";
import { resolveTarget } from "@/lib/targets";
import { analyze } from "./analyze";
import { buildPlan } from "./build-plan";
import type { CompiledPackage } from "./types";

// Optional native parts, from lib/native-builds to the report: what the OS packages listed for a
// compile turn on (`enables`), and the parts they leave off with the packages that add each
// (`optionalParts`), in the image's package manager's names.

function memoryIndex(files: Record<string, string[]>) {
  const pages = new Map<string, ProjectResult>();
  const versionOf = new Map<string, string>();
  for (const [name, names] of Object.entries(files)) {
    const list: IndexFile[] = names.map((filename) => {
      versionOf.set(filename, filename.replace(/\.tar\.gz$/, "").split("-")[1] ?? "");
      return { filename, url: `https://files.example/${filename}`, hashes: {}, requiresPython: null, yanked: false, size: 1000, uploadTime: null, coreMetadata: true };
    });
    pages.set(name, { ok: true, page: { name, files: list, versions: null, apiVersion: "1.1", fetchedFrom: "network" } });
  }
  return {
    getProject: async (name: string): Promise<ProjectResult> => pages.get(name) ?? { ok: false, reason: "not-found", message: `${name} was not found on the package index (HTTP 404)` },
    getCoreMetadata: async (project: string, file: IndexFile): Promise<MetadataResult> => ({
      ok: true,
      source: "pep658",
      metadata: { name: project, version: versionOf.get(file.filename) ?? "", requiresDist: [], requiresPython: null, providesExtra: [] },
    }),
  };
}

// Pillow 9.4.0 has wheels up to cp311 only: on Python 3.12 pip builds its sdist.
const INDEX = memoryIndex({
  pillow: ["Pillow-9.4.0.tar.gz", "Pillow-9.4.0-cp311-cp311-manylinux_2_28_x86_64.whl"],
  pyyaml: ["PyYAML-6.0.1.tar.gz"],
  psycopg2: ["psycopg2-2.9.9.tar.gz"],
  setuptools: ["setuptools-69.0.2-py3-none-any.whl"],
  wheel: ["wheel-0.42.0-py3-none-any.whl"],
  cython: ["Cython-0.29.37-py2.py3-none-any.whl"],
});

async function compilesOn(requirements: string, base: string) {
  const result = await analyze({ requirements, bases: [base], arch: "amd64" }, { index: INDEX, indexHost: "memory" });
  if (!result.ok) throw new Error(result.error);
  const [target] = result.report.targets;
  if (!target) throw new Error(JSON.stringify(result.report.errors));
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

  it("distroless: the builder's names to build a part, nothing the final image could install", () => {
    const result = planOn("gcr.io/distroless/python3-debian12", [compile("Pillow", "9.4.0")]);
    expect(result.sysdeps.perPackage[0]?.optional[0]).toMatchObject({ code: "freetype", build: ["libfreetype-dev"], runtime: [] });
  });
});
