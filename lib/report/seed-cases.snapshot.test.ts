import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient, type IndexClient } from "@/lib/index";
import { analyze, type Report } from "@/lib/report";

// The case the product grew from (seeds: "Why using Alpine Docker images and Python is probably bad for
// your project"): pandas 1.5.2 and numpy 1.23.5 install from wheels on Debian, compile on Alpine 3.17
// (no musllinux wheels for those releases) and on Python 3.12 (no cp312 wheels), against real PyPI data.

let index: { url: string; close(): Promise<void> };
let client: IndexClient;
beforeAll(async () => {
  index = await startSnapshotIndex();
  client = createIndexClient({ indexUrl: index.url, cacheDir: null, deadlineMs: null });
});
afterAll(async () => {
  await index?.close();
});

async function report(requirements: string, bases: string[], arch: "amd64" | "arm64", asOf?: string): Promise<Report> {
  const result = await analyze({ requirements, bases, arch, asOf }, { index: client, indexHost: "snapshot" });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

function pkg(report: Report, base: string, name: string) {
  const found = report.targets.find((t) => t.base === base)?.packages.find((p) => p.name === name);
  if (!found) throw new Error(`${name} on ${base} missing from the report`);
  return found;
}

const SEED = "pandas==1.5.2\nnumpy==1.23.5\n";
const MACHINE = { amd64: "x86_64", arm64: "aarch64" } as const;

describe.each(["amd64", "arm64"] as const)("the seed case on %s", (arch) => {
  let seed: Report;
  beforeAll(async () => {
    seed = await report(SEED, ["python:3.10-bullseye", "python:3.10-alpine3.17", "python:3.12-slim-bookworm"], arch);
  });

  it("installs both from manylinux2014 wheels on python:3.10-bullseye", () => {
    for (const [name, version] of [["pandas", "1.5.2"], ["numpy", "1.23.5"]] as const) {
      expect(pkg(seed, "python:3.10-bullseye", name)).toMatchObject({
        status: "wheel", kind: "wheel", compiles: false, version,
        filename: `${name}-${version}-cp310-cp310-manylinux_2_17_${MACHINE[arch]}.manylinux2014_${MACHINE[arch]}.whl`,
        tag: `cp310-cp310-manylinux_2_17_${MACHINE[arch]}`,
      });
    }
  });

  it("compiles both on python:3.10-alpine3.17: the wheels are glibc-only", () => {
    for (const [name, version] of [["pandas", "1.5.2"], ["numpy", "1.23.5"]] as const) {
      const verdict = pkg(seed, "python:3.10-alpine3.17", name);
      expect(verdict).toMatchObject({ status: "sdist", kind: "sdist", compiles: true, filename: `${name}-${version}.tar.gz` });
      expect(verdict.miss?.kind).toBe("platform-family");
      expect(verdict.miss?.detail).toContain("glibc Linux");
      expect(verdict.miss?.detail).toContain("musl 1.2.3");
      // A later release ships musllinux wheels; it is outside the == pin.
      expect(verdict.alternative).toMatchObject({ satisfiesSpecifier: false });
      expect(verdict.alternative?.tag).toMatch(new RegExp(`^cp310-cp310-musllinux_1_\\d_${MACHINE[arch]}$`));
    }
  });

  it("compiles both on python:3.12-slim-bookworm: no cp312 wheels for these releases", () => {
    for (const [name, version] of [["pandas", "1.5.2"], ["numpy", "1.23.5"]] as const) {
      const verdict = pkg(seed, "python:3.12-slim-bookworm", name);
      expect(verdict).toMatchObject({ status: "sdist", compiles: true, filename: `${name}-${version}.tar.gz` });
      expect(verdict.miss?.kind).toBe("python");
      expect(verdict.miss?.detail).toContain("cp311");
      expect(verdict.miss?.detail).toContain("Python 3.12");
      expect(verdict.alternative?.tag).toMatch(/^cp312-cp312-manylinux/);
    }
    // pandas' first release with cp312 wheels; numpy's.
    expect(pkg(seed, "python:3.12-slim-bookworm", "pandas").alternative?.version).toBe("2.1.1");
    expect(pkg(seed, "python:3.12-slim-bookworm", "numpy").alternative?.version).toBe("1.26.0");
  });
});

describe("the seed requirements, resolved with build isolation", () => {
  // The snapshot is a subset of PyPI: it has no Django 4.1.x, no oldest-supported-numpy and no
  // setuptools older than 2023, so the build environments here can only be partly known. The
  // numpy-built-twice case is proven on a complete synthetic index in build-isolation.test.ts.
  it("bullseye installs the whole set from wheels; Alpine compiles pandas and numpy and says what it cannot know of their builds", async () => {
    const seed = await report("pandas==1.5.2\nnumpy~=1.23.0\n", ["python:3.10-bullseye", "python:3.10-alpine3.17"], "amd64");
    const [bullseye, alpine] = seed.targets;
    expect(bullseye?.resolution).toEqual({ ok: true });
    expect(bullseye?.compiles).toEqual([]);
    expect(bullseye?.builds).toEqual([]);
    for (const name of ["python-dateutil", "six", "pytz"]) expect(pkg(seed, "python:3.10-bullseye", name)).toMatchObject({ requested: false, status: "wheel" });
    expect(pkg(seed, "python:3.10-bullseye", "six").via).toEqual(["pandas 1.5.2", "python-dateutil 2.9.0.post0"]);

    expect(alpine?.resolution).toEqual({ ok: true });
    expect(alpine?.compiles.map(({ name, version, buildRequirement, forBuildOf }) => ({ name, version, buildRequirement, forBuildOf }))).toEqual([
      { name: "pandas", version: "1.5.2", buildRequirement: false, forBuildOf: [] },
      { name: "numpy", version: "1.23.5", buildRequirement: false, forBuildOf: [] },
    ]);
    // The seed case built (23 min 40 s): on CPython 3.10 numpy 1.23.5 is known to build, and the table
    // has no record of pandas 1.5.2 there, so no build is said to fail (what blocks this image on the
    // snapshot index is numpy's build environment, below).
    expect(alpine?.compiles.map((c) => [c.name, c.viability, c.viabilityCode])).toEqual([
      ["pandas", "unknown", "not-in-table"],
      ["numpy", "builds", "known-good"],
    ]);
    expect(alpine?.blockerCode).not.toBe("build-fails");
    const pandasBuild = alpine?.builds.find((b) => b.name === "pandas");
    expect(pandasBuild?.basis).toBe("table");
    expect(pandasBuild?.packages.find((p) => p.name === "oldest-supported-numpy")).toMatchObject({ status: "unknown", reason: expect.stringContaining("not found") });
    // numpy 1.23.5 pins setuptools==59.2.0 for its build; pip would stop there on this index.
    expect(alpine?.builds.find((b) => b.name === "numpy")?.explanation).toMatch(/setuptools==59\.2\.0/);
  });
});

describe("as of the article's date", () => {
  it("pandas~=1.5.2 is 1.5.2 on 2022-12-06 and 1.5.3 today", async () => {
    const then = await report("pandas~=1.5.2\n", ["python:3.10-bullseye"], "amd64", "2022-12-06T17:30:00+01:00");
    const now = await report("pandas~=1.5.2\n", ["python:3.10-bullseye"], "amd64");
    expect(pkg(then, "python:3.10-bullseye", "pandas").version).toBe("1.5.2");
    expect(pkg(now, "python:3.10-bullseye", "pandas").version).toBe("1.5.3");
  });
});
