import { describe, expect, it } from "vitest";
import { REPORT_SCHEMA_VERSION } from "@/lib/contract/report";
import { cliHarness } from "./cli.test-support";

const cli = cliHarness("basewise-cli-");
const { run, requirementsFile } = cli;

// The first test loads the whole engine (a few seconds on a busy 2-core machine): a hang guard, not a speed check.
describe("basewise analyze", { timeout: 30_000 }, () => {
  it("prints a table per base image: wheel tags, what compiles and the nearest wheel", async () => {
    const file = await requirementsFile("numpy==1.24.4\ncryptography==41.0.7\n");
    const { code, out } = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--index-url", cli.indexUrl()]);
    expect(code).toBe(0);
    expect(out).toContain("python:3.12-slim-bookworm (amd64) — Python 3.12.14, glibc 2.36");
    expect(out).toMatch(/numpy\s+1\.24\.4\s+COMPILES\s+pip builds 1\.24\.4 from source: wheels only for CPython 3\.8, 3\.9, 3\.10, 3\.11/);
    expect(out).toContain("nearest wheel here: numpy==1.26.4 (cp312-cp312-manylinux_2_17_x86_64, outside your specifier)");
    expect(out).toMatch(/cryptography\s+41\.0\.7\s+wheel\s+cp37-abi3-manylinux_2_28_x86_64/);
  });

  it("a build known to fail is in capitals with its fix; an unchecked package says what the build table knows", async () => {
    const file = await requirementsFile("numpy==1.24.4\npython-ldap==3.4.4\n");
    const { out } = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--arch", "amd64", "--index-url", cli.indexUrl()]);
    expect(out).toMatch(/^No image can be recommended\./m);
    const lines = out.split("\n");
    const numpy = lines.findIndex((l) => /^\s+numpy\s+1\.24\.4\s+COMPILES/.test(l));
    const fails = lines.findIndex((l) => l.includes("FAILS TO BUILD: numpy 1.24.4 does not build on CPython 3.12"));
    expect(fails).toBeGreaterThan(numpy);
    expect(lines[fails]).toContain("Fix: upgrade numpy to 1.26.0 or later (known to build here).");
    const ldap = lines.findIndex((l) => /^\s+python-ldap\s+-\s+unknown/.test(l));
    expect(ldap).toBeGreaterThan(-1);
    expect(lines[ldap + 1]?.trim()).toBe("Basewise's build table: always compiles on Linux");
  });

  it("says when an image is past its end of life and what to move to, and marks the targets the build host emulates", async () => {
    const file = await requirementsFile("six\n");
    const { code, out } = await run(["analyze", file, "--base", "python:3.7-slim-buster", "--build-host", "ci-amd64", "--index-url", cli.indexUrl()]);
    expect(code).toBe(0);
    // Each target's section starts with its heading line.
    const [amd64, arm64] = out.split(/^(?=python:3\.7-slim-buster \((?:amd64|arm64)\) — )/m).slice(1);
    for (const section of [amd64, arm64]) expect(section).toContain("END OF LIFE SINCE 2023-06-27 (CPYTHON 3.7) — MOVE TO PYTHON:3.10-SLIM-BOOKWORM");
    expect(amd64).not.toContain("emulated");
    expect(arm64).toContain("emulated: compiles ×6–10 under QEMU");
  });

  it("--json prints the versioned report; --arch picks the architecture", async () => {
    const file = await requirementsFile("cryptography==41.0.7\n");
    const { code, out } = await run(["analyze", file, "--base", "python:3.12-alpine3.24", "--arch", "arm64", "--json", "--index-url", cli.indexUrl()]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.targets).toHaveLength(1);
    expect(report.targets[0]).toMatchObject({ base: "python:3.12-alpine3.24", arch: "arm64", libc: { family: "musl" } });
    expect(report.targets[0].packages[0]).toMatchObject({ name: "cryptography", kind: "wheel", compiles: false, filename: "cryptography-41.0.7-cp37-abi3-musllinux_1_1_aarch64.whl" });
  });

  it("reports a malformed line and an unknown image, analyses the rest, and exits 1", async () => {
    const file = await requirementsFile("six\nnot a requirement!\n");
    const { code, out } = await run(["analyze", file, "--base", "pyhton:3.12-slim", "--base", "python:3.12-slim-bookworm", "--index-url", cli.indexUrl()]);
    expect(code).toBe(1);
    expect(out).toContain("line 2: error:");
    expect(out).toMatch(/error: .*python:3\.12-slim/);
    expect(out).toMatch(/six\s+1\.16\.0\s+wheel\s+py3-none-any/);
  });

  it("follows dependencies unless --no-deps, and shows what pulled each one in", async () => {
    const file = await requirementsFile("requests==2.31.0\n");
    const resolved = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--index-url", cli.indexUrl()]);
    expect(resolved.out).toMatch(/urllib3\s+2\.1\.0\s+wheel\s+py3-none-any\s+\(via requests 2\.31\.0\)/);
    const direct = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--index-url", cli.indexUrl(), "--no-deps"]);
    expect(direct.out).toContain("1 package(s)");
    expect(direct.out).not.toContain("urllib3");
  });

  it.each([
    [["analyze"], /Usage: basewise analyze \[FILE\]/],
    [["analyze", "x.txt", "--arch", "riscv"], /--arch must be amd64 or arm64/],
    [["analyze", "/nonexistent/requirements.txt"], /Cannot read/],
    [["analyze", "x.txt", "--index-url", "file:///etc/passwd"], /must be an http\(s\) URL/],
    [["analyze", "x.txt", "--bogus"], /Unknown option/],
  ])("usage errors exit 2: %j", async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("one analysis on 4 images and both architectures gives 8 targets (the default), each image's side by side; --build-host marks the emulated ones", async () => {
    const file = await requirementsFile("six\nnumpy==1.24.4\n");
    const bases = ["python:3.12-slim-bookworm", "python:3.12-alpine3.24", "python:3.11-slim-bookworm", "python:3.12-bookworm"];
    const args = ["analyze", file, ...bases.flatMap((base) => ["--base", base]), "--json", "--index-url", cli.indexUrl()];
    const byDefault = JSON.parse((await run(args)).out);
    const explicit = JSON.parse((await run([...args, "--arch", "amd64,arm64", "--build-host", "ci-amd64"])).out);
    for (const report of [byDefault, explicit]) {
      expect(report.archs).toEqual(["amd64", "arm64"]);
      expect(report.targets.map((t: { base: string; arch: string }) => `${t.base} ${t.arch}`)).toEqual(bases.flatMap((base) => [`${base} amd64`, `${base} arm64`]));
    }
    const emulated = (report: { targets: { arch: string; estimate: { parameters: { emulated: boolean } } }[] }) => report.targets.filter((t) => t.estimate.parameters.emulated).map((t) => t.arch);
    expect(emulated(byDefault)).toEqual([]);
    expect(emulated(explicit)).toEqual(["arm64", "arm64", "arm64", "arm64"]);
    // The same request twice over the flags' two spellings.
    const repeated = JSON.parse((await run([...args, "--arch", "arm64", "--arch", "amd64"])).out);
    expect(repeated.archs).toEqual(["arm64", "amd64"]);
    expect(repeated.targets[0].arch).toBe("arm64");
  });

  it("prints the estimate and the OS packages per image, and --dockerfile prints only the annotated Dockerfile", async () => {
    // psycopg2 has no Linux wheel: it compiles against libpq (numpy 1.24.4 would fail to build on CPython 3.12).
    const file = await requirementsFile("psycopg2==2.9.9\n");
    const table = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--arch", "amd64", "--index-url", cli.indexUrl()]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/Recommended: python:3\.12-slim-bookworm \(amd64\)\. .* wins: psycopg2 2\.9\.9 compiles/);
    expect(table.out).toMatch(/estimate: build \d+–\d+ (s|min); image \d+ MB multi-stage, \d+ MB single-stage/);
    expect(table.out).toMatch(/builder installs \(apt\): .*gcc/);
    const dockerfile = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--dockerfile", "python:3.12-slim-bookworm", "--index-url", cli.indexUrl()]);
    expect(dockerfile.code).toBe(0);
    expect(dockerfile.out.split("\n")[0]).toBe("# syntax=docker/dockerfile:1");
    expect(dockerfile.out).toContain("FROM python:3.12-slim-bookworm AS builder");
    expect(dockerfile.out).not.toContain("Recommended:");
  });

  it("--dockerfile with both architectures prints the first one's, and says when the other needs another", async () => {
    // The fixture has numpy 1.26.4 musllinux wheels for x86_64 only: on arm64 Alpine it compiles.
    const file = await requirementsFile("numpy==1.26.4\n");
    const args = ["analyze", file, "--base", "python:3.12-alpine3.24", "--dockerfile", "python:3.12-alpine3.24", "--index-url", cli.indexUrl()];
    const amd64First = await run(args);
    expect(amd64First.code).toBe(0);
    expect(amd64First.out).not.toContain("AS builder");
    expect(amd64First.err).toBe("This is python:3.12-alpine3.24's Dockerfile for amd64; arm64 needs a different one (--arch arm64 prints it).\n");
    const arm64 = await run([...args, "--arch", "arm64"]);
    expect(arm64.out).toContain("FROM python:3.12-alpine3.24 AS builder");
    expect(arm64.err).toBe("");
  });

  it("estimate options: --cores and --warm change the build time; bad values are refused", async () => {
    const file = await requirementsFile("numpy==1.24.4\n");
    const json = async (...extra: string[]) => JSON.parse((await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--json", "--index-url", cli.indexUrl(), ...extra])).out);
    const cold = await json();
    const warm = await json("--warm");
    const oneCore = await json("--cores", "1");
    expect(cold.estimateParameters).toEqual({ cores: 4, networkMBps: 50, cache: "cold", buildHost: "native" });
    expect(warm.targets[0].estimate.buildSeconds.high).toBeLessThan(cold.targets[0].estimate.buildSeconds.low);
    // numpy < 1.26 builds with numpy.distutils, one file at a time: more cores do not help.
    expect(oneCore.estimateParameters.cores).toBe(1);
    expect(oneCore.targets[0].estimate.buildSeconds).toEqual(cold.targets[0].estimate.buildSeconds);
    const numpyCompile = cold.targets[0].estimate.breakdown.build.find((p: { part: string }) => p.part === "compile numpy 1.24.4");
    expect(numpyCompile.basis).toContain("does not use more cores");
    const bad = await run(["analyze", file, "--cores", "zero", "--index-url", cli.indexUrl()]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--cores must be a whole number from 1 to 256");
    const unknown = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--dockerfile", "python:3.11-alpine", "--index-url", cli.indexUrl()]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("not among the analysed images");
  });
});

describe("basewise schema", () => {
  it("prints the report's JSON Schema, the document GET /api/schema serves, and it describes what --json prints", async () => {
    const { reportJsonSchemaText } = await import("@/lib/contract/report");
    const printed = await run(["schema"]);
    expect(printed.code).toBe(0);
    expect(printed.out).toBe(reportJsonSchemaText());
    const schema = JSON.parse(printed.out);
    expect(schema.$defs.Report.properties.schemaVersion.const).toBe(REPORT_SCHEMA_VERSION);
    expect(schema.$defs.Report.properties.targets).toBeDefined();
    // Extra words after the command are a usage error, as for analyze.
    const extra = await run(["schema", "now"]);
    expect(extra.code).toBe(2);
    expect(extra.err).toContain("basewise schema");
  });
});
