import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOG_AS_OF, listBaseImages, type Arch, type BaseImage } from "./index";
import { DISTRO_PYTHON_REFERENCES } from "./distro-python-images";
import { MEASURED } from "./measured-images";
import { CURRENT_PATCH, MAINTAINED, type PythonMinor } from "./python-releases";

// Cross-checks the catalog, field by field, against the shared data it was written from. Runs only
// where ../shared/data (beside the repository) exists; the product itself never reads it.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = path.resolve(repoRoot, "../shared/data");
const haveData = existsSync(path.join(dataDir, "images/python-images.json"));

interface DataImage {
  tag: string;
  kind: string;
  python_version: string | null;
  os: string;
  os_version: string;
  libc: "glibc" | "musl";
  libc_version: string;
  compressed_bytes: number | null;
  compressed_estimate_bytes?: number;
  compressed_bytes_by_arch?: Record<string, number>;
  uncompressed_bytes: number | null;
  uncompressed_estimate_bytes?: number;
  arch?: string[] | null;
  built?: string;
  preinstalled?: string[];
  includes?: string[];
  shell?: boolean;
  pip?: boolean;
  system_python?: string;
  sources: Record<string, string>;
}

interface LibcRow {
  distro: string;
  version: string;
  libc: string;
  libc_version: string;
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(path.join(dataDir, relative), "utf8")) as T;
}

const ARCH_PLATFORM: Record<Arch, string> = { amd64: "linux/amd64", arm64: "linux/arm64/v8" };
const SURVEY_ARCH: Record<Arch, string> = { amd64: "x86_64", arm64: "aarch64" };
const PYTHON_DISTS = new Set(["pip", "setuptools", "wheel", "uv"]);

function fullVersions(text: string | null): string[] {
  return [...(text ?? "").matchAll(/\b(\d+\.\d+\.\d+)\b/g)].map((m) => m[1] ?? "");
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff) return diff;
  }
  return 0;
}

function pythonDists(list: readonly string[] | undefined): string[] {
  return (list ?? [])
    .map((entry) => entry.replace(/\s*\(.*\)$/, ""))
    .filter((entry) => PYTHON_DISTS.has(entry.split("==")[0] ?? ""))
    .sort();
}

function borrowedTag(text: string | undefined, pattern: RegExp): string | undefined {
  return text ? pattern.exec(text)?.[1] : undefined;
}

describe.skipIf(!haveData)("catalog against ../shared/data", () => {
  const images = haveData ? readJson<{ images: DataImage[]; caveats: string[] }>("images/python-images.json") : { images: [], caveats: [] };
  const glibcSurvey = haveData ? readJson<{ glibc: Record<string, Record<string, string>> }>("pypi/distro-glibc.json").glibc : {};
  const libcTable = haveData ? readJson<{ table: LibcRow[] }>("images/libc-compat.json").table : [];
  const dataByTag = new Map(images.images.map((image) => [image.tag, image]));
  const catalog = listBaseImages();

  function dataImage(tag: string): DataImage {
    const found = dataByTag.get(tag);
    if (!found) throw new Error(`${tag} is not in python-images.json`);
    return found;
  }

  // Where the data has no uncompressed figure at all, the catalog may estimate one from the compressed
  // size with a ratio its note states ("uncompressed estimated as ... × R"): expected is compressed × R.
  function expectedSizes(data: DataImage, note?: string) {
    const compressed: Partial<Record<Arch, number>> = {};
    const amd64 = data.compressed_bytes_by_arch?.["linux/amd64"] ?? data.compressed_bytes ?? data.compressed_estimate_bytes;
    if (amd64 !== undefined && amd64 !== null) compressed.amd64 = amd64;
    const arm64 = data.compressed_bytes_by_arch?.[ARCH_PLATFORM.arm64];
    if (arm64 !== undefined) compressed.arm64 = arm64;
    const uncompressed: Partial<Record<Arch, number>> = {};
    const local = data.uncompressed_bytes ?? data.uncompressed_estimate_bytes;
    if (local !== undefined && local !== null) uncompressed.amd64 = local;
    const ratio = note?.match(/uncompressed estimated as [^;]*? × (\d+(?:\.\d+)?)/)?.[1];
    if ((local === undefined || local === null) && ratio) {
      for (const [arch, bytes] of Object.entries(compressed) as [Arch, number][]) uncompressed[arch] = Math.round(bytes * Number(ratio));
    }
    const estimated =
      (data.compressed_bytes === null && data.compressed_estimate_bytes !== undefined) ||
      (data.uncompressed_bytes === null && data.uncompressed_estimate_bytes !== undefined) ||
      ((local === undefined || local === null) && ratio !== undefined);
    return { compressed, uncompressed, estimated };
  }

  describe("measured images", () => {
    it.each([...MEASURED.values()].map((m) => [m.tag, m] as const))("%s matches python-images.json", (tag, measured) => {
      const data = dataImage(tag);
      const versions = fullVersions(data.python_version);
      if (measured.pythonVersion) {
        expect(versions).toContain(measured.pythonVersion);
        for (const version of versions) expect(compareVersions(measured.pythonVersion, version)).toBeGreaterThanOrEqual(0);
      } else {
        expect(data.python_version).toBeNull();
      }
      const sizes = expectedSizes(data, measured.sizeNote);
      expect(measured.compressedBytes).toEqual(sizes.compressed);
      expect(measured.uncompressedBytes).toEqual(sizes.uncompressed);
      expect(measured.estimated).toBe(sizes.estimated);
      expect(measured.platforms).toEqual(data.arch ?? []);
      expect(measured.built).toBe(data.built?.split(" ")[0]);
      expect(pythonDists(measured.pythonPackages)).toEqual(pythonDists(data.preinstalled ?? data.includes));
      for (const commit of Object.values(data.sources).flatMap((s) => [...s.matchAll(/@([0-9a-f]{8})/g)].map((m) => m[1] ?? ""))) {
        expect(measured.source).toContain(commit);
      }
    });
  });

  describe("every catalog entry", () => {
    function checkLibc(entry: BaseImage) {
      const { id, version } = entry.os;
      // Alpine 3.8–3.11 are older than anything in the data: their musl is sourced elsewhere (os-releases.ts)
      // and checked in "end-of-life releases" below.
      if (id === "alpine" && !dataByTag.has(`alpine:${version}`)) {
        expect(Number(version.split(".")[1])).toBeLessThan(12);
        expect(entry.libc.version).toMatch(/^1\.1\.\d+$/);
        return;
      }
      if (id === "alpine") {
        const data = dataImage(`alpine:${version}`);
        expect([entry.libc.family, entry.libc.version]).toEqual([data.libc, data.libc_version]);
        expect(data.os_version.startsWith(`${version}.`)).toBe(true);
        const row = libcTable.find((r) => r.distro === "alpine" && r.version === version);
        expect(row?.libc_version).toBe(entry.libc.version);
        for (const arch of entry.archs) expect(entry.libc.byArch[arch]).toBe(data.libc_version);
        return;
      }
      if (id === "wolfi") {
        const data = dataImage("cgr.dev/chainguard/python:latest");
        expect([entry.libc.family, entry.libc.version]).toEqual([data.libc, data.libc_version]);
        return;
      }
      const surveyKey = { debian: `debian-${version}`, ubuntu: `ubuntu-${version}`, rhel: `rhubi-${version}` }[id];
      const survey = glibcSurvey[surveyKey];
      if (!survey) throw new Error(`no survey entry ${surveyKey}`);
      expect(entry.libc.family).toBe("glibc");
      for (const arch of entry.archs) expect([arch, entry.libc.byArch[arch]]).toEqual([arch, survey[SURVEY_ARCH[arch]]]);
      const distro = { debian: "debian", ubuntu: "ubuntu", rhel: "rhel-ubi" }[id];
      const row = libcTable.find((r) => r.distro === distro && r.version.split(" ")[0] === version);
      // libc-compat.json has no Debian 9 row; the survey above is the check there.
      if (row || !(id === "debian" && version === "9")) expect(row?.libc_version).toBe(entry.libc.version);
    }

    // End-of-life tags the data does not cover: CPython, sizes and platforms come from outside it
    // (tag-history.ts, eol-reports.ts) and are checked in eol-images.test.ts.
    const isHistoric = (entry: BaseImage) => entry.notes.some((note) => note.startsWith("end of life: listed by docker-library"));

    function checkPython(entry: BaseImage) {
      const measured = MEASURED.get(entry.reference);
      if (measured?.pythonVersion) {
        expect(entry.python.version).toBe(measured.pythonVersion);
        return;
      }
      if (entry.os.id === "ubuntu") {
        const data = dataImage(entry.reference);
        expect(data.system_python?.split(" ")[0]).toBe(entry.python.version);
        return;
      }
      if (entry.os.id === "rhel") {
        expect(entry.reference.endsWith(`python-${entry.python.version.replace(".", "")}`)).toBe(true);
        return;
      }
      const minor = /^python:(3\.\d+)-/.exec(entry.reference)?.[1] as PythonMinor;
      if (entry.python.patchKnown) {
        expect(entry.lifecycle).toBe("current");
        const slimBookworm = dataImage(`python:${minor}-slim-bookworm`);
        expect(entry.python.version).toBe(fullVersions(slimBookworm.python_version)[0]);
      } else {
        expect(entry.python.version).toBe(minor);
      }
    }

    function checkSizesAndPlatforms(entry: BaseImage) {
      const data = dataByTag.get(entry.reference);
      const measured = MEASURED.get(entry.reference);
      if (data && measured) {
        const sizes = expectedSizes(data, entry.sizes.note);
        expect(entry.sizes.compressedBytes).toEqual(sizes.compressed);
        expect(entry.sizes.uncompressedBytes).toEqual(sizes.uncompressed);
        expect(entry.platforms).toEqual(data.arch ?? []);
        expect(entry.builtOn).toBe(data.built?.split(" ")[0]);
        return;
      }
      const sizeTemplate = borrowedTag(entry.sizes.note, /^not measured; the figures of (\S+?),/);
      if (sizeTemplate) {
        const sizes = expectedSizes(dataImage(sizeTemplate));
        expect(entry.sizes.compressedBytes).toEqual(sizes.compressed);
        expect(entry.sizes.uncompressedBytes).toEqual(sizes.uncompressed);
        expect(entry.sizes.estimated).toBe(true);
      } else {
        expect(entry.sizes.compressedBytes).toEqual({});
        expect(entry.sizes.uncompressedBytes).toEqual({});
      }
      const platformTemplate = entry.notes.map((n) => borrowedTag(n, /^platform list borrowed from (\S+)$/)).find(Boolean);
      if (platformTemplate) expect(entry.platforms).toEqual(dataImage(platformTemplate).arch);
    }

    function checkTools(entry: BaseImage) {
      const data = dataByTag.get(entry.reference);
      if (data?.shell !== undefined) expect(entry.hasShell).toBe(data.shell);
      if (data?.pip !== undefined) expect(entry.hasPip).toBe(data.pip);
      const installed = data?.preinstalled ?? data?.includes;
      if (installed) expect(entry.hasCompiler).toBe(installed.includes("gcc"));
    }

    it.each(catalog.map((entry) => [entry.reference, entry] as const))("%s", (_, entry) => {
      checkLibc(entry);
      // Python and sizes of alpine:/debian: images: distro-python-images.snapshot.test.ts.
      if (DISTRO_PYTHON_REFERENCES.has(entry.reference)) return;
      if (isHistoric(entry)) {
        expect(dataByTag.has(entry.reference)).toBe(false);
        expect(entry.sizes.note).toMatch(/^(repo-info report of the|size unknown)/);
        return;
      }
      checkPython(entry);
      checkSizesAndPlatforms(entry);
      checkTools(entry);
    });
  });

  describe("end-of-life releases", () => {
    it("takes stretch's and buster's glibc per arch from the survey", () => {
      expect(glibcSurvey["debian-9"]).toEqual({ x86_64: "2.24", aarch64: "2.24" });
      expect(glibcSurvey["debian-10"]).toEqual({ x86_64: "2.28", aarch64: "2.28" });
      for (const [reference, glibc] of [["python:3.7-slim-stretch", "2.24"], ["python:3.9-slim-buster", "2.28"]] as const) {
        const entry = catalog.find((e) => e.reference === reference);
        expect(entry?.libc.byArch).toEqual({ amd64: glibc, arm64: glibc });
      }
      expect(libcTable.find((r) => r.distro === "debian" && r.version === "10 (buster)")?.libc_version).toBe("2.28");
    });

    it("knows the data has nothing on Alpine before 3.12 or on buster/stretch python images (so nothing here can disagree)", () => {
      for (const branch of ["3.8", "3.9", "3.10", "3.11"]) expect(dataByTag.has(`alpine:${branch}`)).toBe(false);
      expect(images.images.some((image) => /buster|stretch/.test(image.tag))).toBe(false);
    });
  });

  it("uses the newest date the image reports mention as CATALOG_AS_OF", () => {
    const dates = images.images.flatMap((image) => [...JSON.stringify(image).matchAll(/\b(20\d\d-\d\d-\d\d)\b/g)].map((m) => m[1] ?? ""));
    expect(dates.sort().at(-1)).toBe(CATALOG_AS_OF);
  });

  it("marks as maintained what versions.json lists", () => {
    const caveat = images.caveats.find((c) => c.includes("versions.json")) ?? "";
    const match = /lists (3\.\d+)-(3\.\d+)(?:-rc)? x \{([^}]+)\}/.exec(caveat);
    if (!match) throw new Error(`unexpected caveat: ${caveat}`);
    const variants = (match[3] ?? "").split(",");
    expect([...MAINTAINED.debian].sort()).toEqual(variants.filter((v) => !v.startsWith("slim-") && !v.startsWith("alpine")).sort());
    expect([...MAINTAINED.alpine].sort()).toEqual(variants.filter((v) => v.startsWith("alpine")).map((v) => v.slice("alpine".length)).sort());
    expect(MAINTAINED.minors[0]).toBe(match[1]);
  });

  it("takes each maintained minor's patch from its slim-bookworm report", () => {
    for (const minor of MAINTAINED.minors) expect(CURRENT_PATCH[minor]).toBe(fullVersions(dataImage(`python:${minor}-slim-bookworm`).python_version)[0]);
  });
});
