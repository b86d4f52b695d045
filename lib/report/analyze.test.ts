import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { createIndexClient } from "@/lib/index";
import { analyze } from "./analyze";
import type { Report } from "./types";

// The whole analysis against the fixture index: how per-line, per-package and per-image problems stay
// inside the report while everything else is still analysed.

let healthy: FixtureIndex;
let failing: FixtureIndex;
beforeAll(async () => {
  healthy = await startFixtureIndex();
  failing = await startFixtureIndex({ failNames: ["numpy"] });
});
afterAll(async () => {
  await healthy.close();
  await failing.close();
});

// One architecture unless a test is about several: each of these is about one image's answer.
async function run(requirements: string, options: { bases?: string[]; archs?: ("amd64" | "arm64")[]; index?: FixtureIndex; indexUrl?: string; asOf?: string } = {}): Promise<Report> {
  const indexUrl = options.indexUrl ?? (options.index ?? healthy).url;
  const client = createIndexClient({ indexUrl, cacheDir: null, retries: 0, timeoutMs: 2000 });
  const request = { requirements, bases: options.bases ?? ["python:3.12-slim-bookworm"], archs: options.archs ?? ["amd64" as const], asOf: options.asOf };
  const result = await analyze(request, { index: client, indexHost: "fixture" });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

function packages(report: Report, base = 0) {
  return Object.fromEntries((report.targets[base]?.packages ?? []).map((p) => [p.name, p]));
}

describe("analyze", () => {
  it("one failing project is unknown with the reason; the others are analysed", async () => {
    const report = await run("numpy\nsix\nno-such-project-anywhere\n", { index: failing });
    const byName = packages(report);
    expect(byName.numpy).toMatchObject({ status: "unknown", compiles: false });
    expect(byName.numpy?.reason).toMatch(/^unknown: .*(503|error)/i);
    expect(byName["no-such-project-anywhere"]?.status).toBe("unknown");
    expect(byName["no-such-project-anywhere"]?.reason).toMatch(/no project|not found|404/i);
    expect(byName.six).toMatchObject({ status: "wheel", filename: "six-1.16.0-py2.py3-none-any.whl" });
    expect(report.errors).toEqual([]);
  });

  it("an unreachable index makes every package unknown and says so once", async () => {
    const report = await run("six\ntomli\n", { indexUrl: "http://127.0.0.1:9/simple/" });
    expect(Object.values(packages(report)).map((p) => p.status)).toEqual(["unknown", "unknown"]);
    expect(report.errors).toMatchObject([{ subject: "index" }]);
  });

  it("a requirement whose marker is false on the image is skipped, with its line", async () => {
    const report = await run('six\ntomli; python_version < "3.11"\n');
    expect(Object.keys(packages(report))).toEqual(["six"]);
    expect(report.targets[0]?.skipped).toEqual([{ name: "tomli", line: 2, marker: 'python_version < "3.11"' }]);
    // On Python 3.10 the marker holds.
    const old = await run('six\ntomli; python_version < "3.11"\n', { bases: ["python:3.10-slim-bookworm"] });
    expect(Object.keys(packages(old))).toEqual(["six", "tomli"]);
  });

  it("lines naming one project are combined, as pip does", async () => {
    const report = await run("requests>=2.31\nRequests<2.32.3\n");
    // 2.32.0 is yanked, 2.32.3 excluded: 2.31.0 remains.
    expect(packages(report).requests).toMatchObject({ version: "2.31.0", line: 1 });
  });

  it("options in the file change the choice: --only-binary, --pre", async () => {
    expect(packages(await run("psycopg2\n")).psycopg2?.status).toBe("sdist");
    expect(packages(await run("--only-binary=:all:\npsycopg2\n")).psycopg2?.status).toBe("none");
    expect(packages(await run("numpy\n")).numpy?.version).toBe("1.26.4");
    expect(packages(await run("--pre\nnumpy\n")).numpy?.version).toBe("2.0.0rc1");
  });

  it("as of an earlier moment, later uploads do not exist", async () => {
    const report = await run("requests\n", { asOf: "2024-01-01T00:00:00Z" });
    expect(report.asOf).toBe("2024-01-01T00:00:00Z");
    expect(packages(report).requests?.version).toBe("2.31.0");
  });

  it("counts per image", async () => {
    const report = await run("six\npsycopg2\nnumpy==1.24.4\n", { bases: ["python:3.11-slim-bookworm", "python:3.12-slim-bookworm"] });
    expect(report.targets.map((t) => t.summary)).toEqual([
      { packages: 3, wheels: 2, sdists: 1, none: 0, unknown: 0, direct: 0, compiles: 1 },
      { packages: 3, wheels: 1, sdists: 2, none: 0, unknown: 0, direct: 0, compiles: 2 },
    ]);
  });

  it("resolves every dependency, extras included, with who asked for each", async () => {
    const report = await run("requests[socks]\n");
    expect(report.mode).toBe("resolved");
    const byName = packages(report);
    expect(Object.keys(byName)).toEqual(["requests", "certifi", "charset-normalizer", "idna", "pysocks", "urllib3"]);
    expect(byName.requests).toMatchObject({ requested: true, line: 1, version: "2.32.3", via: [] });
    expect(byName.pysocks).toMatchObject({ requested: false, line: null, status: "wheel", via: ["requests 2.32.3"] });
    expect(byName.pysocks?.requiredBy).toEqual([{ project: "requests", version: "2.32.3", requirement: "pysocks!=1.5.7,>=1.5.6" }]);
    expect(report.targets[0]?.resolution).toEqual({ ok: true });
  });

  it("a dependency that compiles is found through the package that needs it", async () => {
    // cryptography has a wheel; its dependency cffi has none for Python 3.12 in the fixture index.
    const byName = packages(await run("cryptography\n"));
    expect(byName.cffi).toMatchObject({ requested: false, via: ["cryptography 41.0.7"] });
    expect(byName.pycparser?.via).toEqual(["cryptography 41.0.7", `cffi ${byName.cffi?.version}`]);
  });

  it("each image gets its OS packages, estimate and Dockerfile; the report a recommendation", async () => {
    const report = await run("numpy==1.24.4\n", { bases: ["python:3.12-slim-bookworm", "python:3.12-alpine3.24"] });
    const slim = report.targets[0];
    // numpy 1.24.4 has no cp312 wheel: it compiles, with a C compiler the builder stage installs.
    expect(slim?.compiles.map((c) => c.name)).toEqual(["numpy"]);
    expect(slim?.sysdeps.build.find((p) => p.name === "gcc")?.neededBy).toEqual(["numpy 1.24.4"]);
    expect(slim?.sysdeps.perPackage).toEqual([expect.objectContaining({ name: "numpy", version: "1.24.4", basis: "table" })]);
    expect(slim?.estimate.breakdown.build.map((p) => p.part)).toContain("compile numpy 1.24.4");
    expect(slim?.estimate.buildSeconds.low).toBeGreaterThan(0);
    expect(slim?.estimate.imageBytes.singleStage).toBeGreaterThan(slim?.estimate.imageBytes.multiStage ?? Infinity);
    expect(slim?.dockerfile.lines.length).toBeGreaterThan(5);
    expect(report.estimateParameters).toEqual({ cores: 4, networkMBps: 50, cache: "cold", buildHost: "native" });
    expect(slim?.estimate.parameters).toEqual({ cores: 4, networkMBps: 50, cache: "cold", buildHost: "native", emulated: false });
    // But numpy before 1.26 cannot build on CPython 3.12 (numpy.distutils; distutils left the standard
    // library, PEP 632): the build fails whatever is installed, so no image is recommended.
    expect(slim?.compiles[0]).toMatchObject({ viability: "fails", viabilityCode: "python-too-new", fix: { kind: "upgrade", version: "1.26.0" } });
    expect(slim?.compiles[0]?.viabilityReason).toMatch(/^numpy 1\.24\.4 does not build on CPython 3\.12: in 3\.12 distutils was removed .*; 1\.26\.0 builds here\.$/);
    expect(slim?.compiles[0]?.viabilitySources.length).toBeGreaterThan(0);
    expect(slim).toMatchObject({ blockerCode: "build-fails", blocker: expect.stringMatching(/^numpy 1\.24\.4 does not build on CPython 3\.12/) });
    expect(slim?.dockerfile.warnings[0]).toBe(`This build fails: ${slim?.compiles[0]?.viabilityReason}`);
    expect(report.recommendation?.why).toMatch(/^No image can be recommended/);
  });

  it("a build the table knows succeeds is said to build, and the image can be recommended", async () => {
    const report = await run("numpy==1.24.4\n", { bases: ["python:3.11-alpine3.24"] });
    const [target] = report.targets;
    expect(target?.compiles.map((c) => `${c.name} ${c.version}`)).toEqual(["numpy 1.24.4"]);
    expect(target?.compiles[0]?.viability).not.toBe("fails");
    expect(target?.blocker).toBeNull();
    expect(report.recommendation?.why).toContain("wins:");
  });

  it("targets are (image, architecture) pairs: 4 images on both architectures are 8 targets, each image's side by side", async () => {
    const bases = ["python:3.12-slim-bookworm", "python:3.12-alpine3.24", "python:3.11-slim-bookworm", "python:3.12-bookworm"];
    const report = await run("six\nnumpy==1.24.4\n", { bases, archs: ["amd64", "arm64"] });
    expect(report.archs).toEqual(["amd64", "arm64"]);
    expect(report.targets.map((t) => `${t.base} ${t.arch}`)).toEqual(bases.flatMap((base) => [`${base} amd64`, `${base} arm64`]));
    // Each target is resolved for its own machine: the marker environment and the wheel tags differ.
    const numpyOn = (base: string, arch: string) => report.targets.find((t) => t.base === base && t.arch === arch)?.packages.find((p) => p.name === "numpy");
    expect(numpyOn("python:3.11-slim-bookworm", "amd64")?.tag).toMatch(/x86_64$/);
    expect(numpyOn("python:3.11-slim-bookworm", "arm64")?.tag).toMatch(/aarch64$/);
    // The recommendation is one image for both, ranked once per image.
    expect(report.recommendation?.archs).toEqual(["amd64", "arm64"]);
    expect(report.recommendation?.ranking.map((r) => r.base).sort()).toEqual([...bases].sort());
    expect(report.recommendation?.ranking.every((r) => r.archs.join() === "amd64,arm64")).toBe(true);
    expect(report.errors).toEqual([]);
  });

  it("no architecture given: both; one given the old way: that one", async () => {
    const client = createIndexClient({ indexUrl: healthy.url, cacheDir: null });
    const both = await analyze({ requirements: "six\n", bases: ["python:3.12-slim-bookworm"] }, { index: client, indexHost: "fixture" });
    const one = await analyze({ requirements: "six\n", bases: ["python:3.12-slim-bookworm"], arch: "arm64" }, { index: client, indexHost: "fixture" });
    expect(both.ok && both.report.targets.map((t) => t.arch)).toEqual(["amd64", "arm64"]);
    expect(one.ok && one.report.targets.map((t) => t.arch)).toEqual(["arm64"]);
  });

  it("the build host decides which targets are emulated, and the estimate says so", async () => {
    const client = createIndexClient({ indexUrl: healthy.url, cacheDir: null });
    const result = await analyze({ requirements: "numpy==1.24.4\n", bases: ["python:3.12-slim-bookworm"], estimate: { buildHost: "mac-arm64" } }, { index: client, indexHost: "fixture" });
    if (!result.ok) throw new Error(result.error);
    const [amd64, arm64] = result.report.targets;
    expect(amd64?.estimate.parameters).toMatchObject({ buildHost: "mac-arm64", emulated: true });
    expect(arm64?.estimate.parameters).toMatchObject({ buildHost: "mac-arm64", emulated: false });
    expect(amd64?.estimate.notes.join(" ")).toMatch(/6–10/);
    expect(amd64?.estimate.buildSeconds.high).toBeGreaterThan((arm64?.estimate.buildSeconds.high ?? Infinity) * 3);
  });

  it("a project the index cannot answer for is unknown, never 'no compiler needed', and the build table's word is beside it", async () => {
    // python-ldap is not on the fixture index; Basewise's native-build table says it always compiles.
    const report = await run("python-ldap\nsix\n");
    const [target] = report.targets;
    expect(packages(report)["python-ldap"]).toMatchObject({ status: "unknown", code: "not-on-index", buildTable: { kind: "native", everyRelease: true } });
    expect(packages(report).six).toMatchObject({ status: "wheel", buildTable: null });
    expect(target?.dockerfile.lines[1]?.note).toContain("whether python-ldap compiles is unknown");
    expect(target?.dockerfile.text).not.toContain("no compiler is ever installed");
    expect(target?.dockerfile.warnings).toEqual([expect.stringMatching(/^python-ldap could not be checked on the index, and Basewise's build table says it always compiles on Linux/)]);
    expect(report.recommendation?.why).toContain("everything Basewise could check installs from wheels (1 package could not be checked)");
    expect(report.recommendation?.why).not.toContain("everything installs from wheels");
  });

  it("explains a conflict and still judges each line on its own", async () => {
    const report = await run("requests==2.31.0\nurllib3<1.21\n");
    const [target] = report.targets;
    expect(target?.resolution.ok).toBe(false);
    expect(target?.resolution).toMatchObject({ ok: false, code: "conflict", explanation: expect.stringMatching(/urllib3/) });
    expect(target?.unreached).toEqual([]);
    expect(target?.packages.map((p) => p.name)).toEqual(["requests", "urllib3"]);
    expect(target?.packages[1]).toMatchObject({ status: "none" });
  });

  it("a work budget that runs out stops every image, names what was not reached, and the report still comes back", async () => {
    const result = await analyze(
      { requirements: "requests\nsix\n", bases: ["python:3.12-slim-bookworm", "python:3.11-slim-bookworm"] },
      { index: createIndexClient({ indexUrl: healthy.url, cacheDir: null }), indexHost: "fixture", workBudget: 1 },
    );
    if (!result.ok) throw new Error(result.error);
    for (const target of result.report.targets) {
      expect(target.resolution).toMatchObject({ ok: false, code: "work-budget", explanation: expect.stringMatching(/work budget/) });
      expect(target.unreached).toEqual([
        { name: "requests", reason: "work-budget", insideBuildOf: null },
        { name: "six", reason: "work-budget", insideBuildOf: null },
      ]);
      // Each line is still judged on its own, and a stop is not a failed build.
      expect(target.packages.map((p) => p.name)).toEqual(["requests", "six"]);
      expect(target.blocker).toBeNull();
    }
  });

  it("an aborted deadline stops the resolution instead of failing the analysis", async () => {
    const result = await analyze(
      { requirements: "requests\n", bases: ["python:3.12-slim-bookworm"] },
      { index: createIndexClient({ indexUrl: healthy.url, cacheDir: null }), indexHost: "fixture", signal: AbortSignal.abort() },
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.report.targets[0]).toMatchObject({ resolution: { ok: false, code: "deadline" }, unreached: [{ name: "requests", reason: "deadline", insideBuildOf: null }] });
  });

  it("--no-deps judges only the lines of the file", async () => {
    const result = await analyze(
      { requirements: "requests\n", bases: ["python:3.12-slim-bookworm"], noDeps: true },
      { index: createIndexClient({ indexUrl: healthy.url, cacheDir: null }), indexHost: "fixture" },
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.report.mode).toBe("direct");
    expect(result.report.targets[0]?.packages.map((p) => p.name)).toEqual(["requests"]);
  });
});
