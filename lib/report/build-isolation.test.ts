import { describe, expect, it } from "vitest";
import type { IndexFile, MetadataResult, ProjectResult } from "@/lib/index";
import { analyze } from "./analyze";
import type { Report } from "./types";

// Build isolation on a small in-memory index shaped like the real pandas 1.5.2 case: on Alpine nothing
// has a wheel, so pip builds pandas, numpy for the image, and, inside pandas' build environment, the
// numpy that oldest-supported-numpy pins for Python 3.10.

interface Release {
  version: string;
  files: string[];
  requires?: string[];
}

const INDEX: Record<string, Release[]> = {
  pandas: [{ version: "1.5.2", files: ["pandas-1.5.2.tar.gz"], requires: ['numpy>=1.21.0; python_version >= "3.10"', "python-dateutil>=2.8.1"] }],
  numpy: [
    { version: "1.21.6", files: ["numpy-1.21.6.zip"] },
    { version: "1.23.5", files: ["numpy-1.23.5.tar.gz"] },
  ],
  "python-dateutil": [{ version: "2.8.2", files: ["python_dateutil-2.8.2-py2.py3-none-any.whl"], requires: ["six>=1.5"] }],
  six: [{ version: "1.16.0", files: ["six-1.16.0-py2.py3-none-any.whl"] }],
  "oldest-supported-numpy": [{ version: "2022.11.19", files: ["oldest_supported_numpy-2022.11.19-py3-none-any.whl"], requires: ['numpy==1.21.6; python_version=="3.10" and platform_machine!="loongarch64"', 'numpy==1.23.2; python_version=="3.11"'] }],
  setuptools: [
    { version: "49.1.3", files: ["setuptools-49.1.3-py3-none-any.whl"] },
    { version: "59.2.0", files: ["setuptools-59.2.0-py3-none-any.whl"] },
    { version: "65.5.0", files: ["setuptools-65.5.0-py3-none-any.whl"] },
  ],
  wheel: [
    { version: "0.36.2", files: ["wheel-0.36.2-py2.py3-none-any.whl"] },
    { version: "0.37.0", files: ["wheel-0.37.0-py2.py3-none-any.whl"] },
    { version: "0.38.4", files: ["wheel-0.38.4-py3-none-any.whl"] },
  ],
  cython: [{ version: "0.29.32", files: ["Cython-0.29.32-py2.py3-none-any.whl"] }],
};

function memoryIndex(index: Record<string, Release[]>) {
  const releaseOf = new Map<string, Release>();
  const pages = new Map<string, ProjectResult>();
  for (const [name, releases] of Object.entries(index)) {
    const files: IndexFile[] = releases.flatMap((release) =>
      release.files.map((filename) => {
        releaseOf.set(filename, release);
        return { filename, url: `https://files.example/${filename}`, hashes: {}, requiresPython: null, yanked: false, size: 1000, uploadTime: null, coreMetadata: true };
      }),
    );
    pages.set(name, { ok: true, page: { name, files, versions: null, apiVersion: "1.1", fetchedFrom: "network" } });
  }
  return {
    getProject: async (name: string): Promise<ProjectResult> => pages.get(name) ?? { ok: false, reason: "not-found", message: `${name} was not found on the package index (HTTP 404)` },
    getCoreMetadata: async (project: string, file: IndexFile): Promise<MetadataResult> => {
      const release = releaseOf.get(file.filename);
      if (!release) return { ok: false, reason: "unavailable", message: "not listed" };
      return { ok: true, source: "pep658", metadata: { name: project, version: release.version, requiresDist: release.requires ?? [], requiresPython: null, providesExtra: [] } };
    },
  };
}

async function run(requirements: string, bases: string[]): Promise<Report> {
  const result = await analyze({ requirements, bases, arch: "amd64" }, { index: memoryIndex(INDEX), indexHost: "memory" });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

describe("build isolation", () => {
  it("counts a build requirement that compiles: numpy twice for pandas 1.5.2 on Alpine", async () => {
    const [alpine] = (await run("pandas==1.5.2\nnumpy~=1.23.0\n", ["python:3.10-alpine3.17"])).targets;
    expect(alpine?.resolution).toEqual({ ok: true });
    expect(alpine?.compiles.map(({ name, version, buildRequirement, forBuildOf }) => ({ name, version, buildRequirement, forBuildOf }))).toEqual([
      { name: "pandas", version: "1.5.2", buildRequirement: false, forBuildOf: [] },
      { name: "numpy", version: "1.21.6", buildRequirement: true, forBuildOf: ["pandas 1.5.2"] },
      { name: "numpy", version: "1.23.5", buildRequirement: false, forBuildOf: [] },
    ]);
    // CPython 3.10 on Alpine: none of the three is known to fail (the seed case built in 23 min 40 s).
    expect(alpine?.compiles.map((c) => c.viability)).not.toContain("fails");
    const pandasBuild = alpine?.builds.find((b) => b.name === "pandas");
    expect(pandasBuild).toMatchObject({ version: "1.5.2", insideBuildOf: null, basis: "table" });
    expect(pandasBuild?.packages.map((p) => `${p.name} ${p.version} ${p.status}`).sort()).toEqual([
      "cython 0.29.32 wheel",
      "numpy 1.21.6 sdist",
      "oldest-supported-numpy 2022.11.19 wheel",
      "setuptools 65.5.0 wheel",
      "wheel 0.38.4 wheel",
    ]);
    // numpy 1.21.6 is built inside pandas' build environment, with its own pins (setuptools==59.2.0, wheel==0.37.0,
    // as its pyproject.toml at v1.21.6 reads).
    const nested = alpine?.builds.find((b) => b.name === "numpy" && b.version === "1.21.6");
    expect(nested?.insideBuildOf).toBe("pandas 1.5.2");
    expect(nested?.packages.map((p) => `${p.name} ${p.version}`).sort()).toEqual(["cython 0.29.32", "setuptools 59.2.0", "wheel 0.37.0"]);
    expect(alpine?.summary.compiles).toBe(3);
  });

  it("the seed case end to end: numpy twice in the estimate, 12–30 minutes on Alpine", async () => {
    const report = await run("pandas==1.5.2\nnumpy~=1.23.0\n", ["python:3.10-alpine3.17"]);
    const alpine = report.targets.find((t) => t.base === "python:3.10-alpine3.17");
    const compiles = alpine?.estimate.breakdown.build.filter((p) => p.part.startsWith("compile")).map((p) => p.part);
    expect(compiles).toEqual(["compile pandas 1.5.2", "compile numpy 1.21.6 (build requirement)", "compile numpy 1.23.5"]);
    expect(alpine?.estimate.buildSeconds.low).toBeGreaterThan(12 * 60);
    expect(alpine?.estimate.buildSeconds.high).toBeLessThan(30 * 60);
    expect(alpine?.dockerfile.text).toContain("FROM python:3.10-alpine3.17 AS builder");
    expect(report.recommendation).toMatchObject({ base: "python:3.10-alpine3.17", archs: ["amd64"] });
  });

  it("a dependency's chain and requirers are kept", async () => {
    const [alpine] = (await run("pandas==1.5.2\n", ["python:3.10-alpine3.17"])).targets;
    const six = alpine?.packages.find((p) => p.name === "six");
    expect(six).toMatchObject({ requested: false, line: null, via: ["pandas 1.5.2", "python-dateutil 2.8.2"] });
    expect(six?.requiredBy).toEqual([{ project: "python-dateutil", version: "2.8.2", requirement: "six>=1.5" }]);
    expect(alpine?.packages[0]).toMatchObject({ name: "pandas", requested: true, line: 1, via: [] });
  });

  it("with sdist fetching allowed, the sdist's own pyproject.toml decides, and the report says so", async () => {
    const index = {
      ...memoryIndex(INDEX),
      getSdistBuildSystem: async (_project: string, file: IndexFile) =>
        file.filename === "pandas-1.5.2.tar.gz"
          ? { ok: true as const, buildSystem: { declared: true, requires: ["setuptools>=51.0.0", "wheel", "Cython>=0.29.32,<3", "numpy==1.23.5"], backend: null } }
          : { ok: false as const, reason: "index-error" as const, message: "index error: HTTP 503 from the package index" },
    };
    const result = await analyze({ requirements: "pandas==1.5.2\n", bases: ["python:3.10-alpine3.17"], arch: "amd64" }, { index, indexHost: "memory" });
    if (!result.ok) throw new Error(result.error);
    const [alpine] = result.report.targets;
    const pandasBuild = alpine?.builds.find((b) => b.name === "pandas");
    expect(pandasBuild).toMatchObject({ basis: "sdist", source: "pyproject.toml in pandas-1.5.2.tar.gz", backend: "setuptools.build_meta:__legacy__", confidence: "high" });
    expect(pandasBuild?.packages.find((p) => p.name === "numpy")?.version).toBe("1.23.5");
    // numpy's sdist could not be read: the table answers, and the note says why.
    const numpyBuild = alpine?.builds.find((b) => b.name === "numpy");
    expect(numpyBuild).toMatchObject({ basis: "table", note: expect.stringContaining("HTTP 503") });
  });

  it("reads the build system of the very file pip chose, resolved or line by line (no lookup by filename)", async () => {
    // The index lists pandas' sdist twice (a mirror's copy first); pip takes the one listed last.
    const base = memoryIndex(INDEX);
    const sdist = (url: string): IndexFile => ({ filename: "pandas-1.5.2.tar.gz", url, hashes: {}, requiresPython: null, yanked: false, size: 1000, uploadTime: null, coreMetadata: true });
    const files = [sdist("https://mirror.example/pandas-1.5.2.tar.gz"), sdist("https://files.example/pandas-1.5.2.tar.gz")];
    const read: string[] = [];
    const index = {
      ...base,
      getProject: async (name: string): Promise<ProjectResult> =>
        name === "pandas" ? { ok: true, page: { name, files, versions: null, apiVersion: "1.1", fetchedFrom: "network" } } : base.getProject(name),
      getSdistBuildSystem: async (_project: string, file: IndexFile) => {
        if (file.filename === "pandas-1.5.2.tar.gz") read.push(file.url);
        return { ok: false as const, reason: "index-error" as const, message: "index error: HTTP 503 from the package index" };
      },
    };
    for (const noDeps of [false, true]) {
      read.length = 0;
      const result = await analyze({ requirements: "pandas==1.5.2\n", bases: ["python:3.10-alpine3.17"], arch: "amd64", noDeps }, { index, indexHost: "memory" });
      if (!result.ok) throw new Error(result.error);
      expect(result.report.targets[0]?.packages.find((p) => p.name === "pandas")?.status).toBe("sdist");
      expect(read).toEqual(["https://files.example/pandas-1.5.2.tar.gz"]);
    }
  });

  it("a build requirement the index lacks leaves that build environment partly unknown, not the analysis", async () => {
    const withoutCython = Object.fromEntries(Object.entries(INDEX).filter(([name]) => name !== "cython"));
    const result = await analyze({ requirements: "pandas==1.5.2\n", bases: ["python:3.10-alpine3.17"], arch: "amd64" }, { index: memoryIndex(withoutCython), indexHost: "memory" });
    if (!result.ok) throw new Error(result.error);
    const build = result.report.targets[0]?.builds.find((b) => b.name === "pandas");
    expect(build?.packages.find((p) => p.name === "cython")).toMatchObject({ status: "unknown", reason: expect.stringMatching(/^unknown: .*not found/) });
    expect(result.report.targets[0]?.packages.find((p) => p.name === "pandas")?.status).toBe("sdist");
  });
});
