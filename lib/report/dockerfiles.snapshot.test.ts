import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { ruleViolations, runsOf, stagesOf } from "@/lib/dockerfile/rules.test-support";
import { createIndexClient, type IndexClient } from "@/lib/index";
import { analyze, type Report } from "@/lib/report";

// The representative requirement sets, resolved against the PyPI snapshot: every generated
// Dockerfile keeps the rules (parsed with dockerfile-ast) and is saved as a test artifact
// (test-results/dockerfiles/) for review.

let index: { url: string; close(): Promise<void> };
let client: IndexClient;
beforeAll(async () => {
  index = await startSnapshotIndex();
  client = createIndexClient({ indexUrl: index.url, cacheDir: null, deadlineMs: null });
});
afterAll(async () => {
  await index?.close();
});

const ARTIFACTS = path.join(__dirname, "../../test-results/dockerfiles");

async function report(requirements: string, bases: string[], arch: "amd64" | "arm64" = "amd64"): Promise<Report> {
  const result = await analyze({ requirements, bases, arch }, { index: client, indexHost: "snapshot" });
  if (!result.ok) throw new Error(result.error);
  await mkdir(ARTIFACTS, { recursive: true });
  for (const target of result.report.targets) {
    const name = `${requirements.split("\n")[0]?.replace(/[^\w.-]+/g, "_")}--${target.base.replace(/[^\w.-]+/g, "_")}-${arch}.Dockerfile`;
    await writeFile(path.join(ARTIFACTS, name), target.dockerfile.text);
  }
  return result.report;
}

function target(r: Report, base: string) {
  const found = r.targets.find((t) => t.base === base);
  if (!found) throw new Error(`${base} not in the report`);
  return found;
}

function rulesHold(t: Report["targets"][number]) {
  expect(ruleViolations(t.dockerfile, { compiles: t.compiles.length > 0 })).toEqual([]);
  return stagesOf(t.dockerfile.text);
}

describe("recommended Dockerfiles for representative requirement sets (PyPI snapshot)", () => {
  it("a pure-Python Flask app: one stage on slim and on Alpine", async () => {
    const r = await report("flask==3.0.0\ngunicorn==21.2.0\n", ["python:3.12-slim-bookworm", "python:3.12-alpine3.20"]);
    for (const t of r.targets) {
      expect(t.compiles).toEqual([]);
      expect(rulesHold(t)).toHaveLength(1);
    }
  });

  it("Django + psycopg2 on slim and on Alpine: libpq headers to build, libpq to run", async () => {
    const r = await report("Django==4.2.7\npsycopg2==2.9.9\n", ["python:3.12-slim-bookworm", "python:3.12-alpine3.20"]);
    const [slimBuilder, slimFinal] = rulesHold(target(r, "python:3.12-slim-bookworm"));
    expect(runsOf(slimBuilder)).toMatch(/libpq-dev/);
    expect(runsOf(slimFinal)).toMatch(/libpq5/);
    const [alpineBuilder, alpineFinal] = rulesHold(target(r, "python:3.12-alpine3.20"));
    expect(runsOf(alpineBuilder)).toMatch(/libpq-dev/);
    expect(runsOf(alpineFinal)).toMatch(/\blibpq\b/);
  });

  it("pandas and scipy on Alpine: both compile, C++ and Fortran in the builder only", async () => {
    // pandas 1.5.3 and scipy 1.9.3 publish no musllinux wheels (pandas from 2.1, scipy from 1.11).
    const r = await report("pandas==1.5.3\nscipy==1.9.3\n", ["python:3.10-alpine3.17"]);
    const t = target(r, "python:3.10-alpine3.17");
    expect(t.compiles.map((c) => c.name).sort()).toEqual(["pandas", "scipy"]);
    const [builder, final] = rulesHold(t);
    expect(runsOf(builder)).toMatch(/\bg\+\+.*\bgfortran\b.*\bopenblas-dev\b/s);
    expect(runsOf(final)).toMatch(/\blibgfortran\b/);
    expect(runsOf(final)).not.toMatch(/(^|\s)(gcc|g\+\+|gfortran|\S+-dev)(\s|$)/m);
    expect(t.estimate.buildSeconds.high).toBeGreaterThan(10 * 60);
    // The snapshot has no oldest-supported-numpy: that build requirement is reported unknown, not guessed.
    const pandasBuild = t.builds.find((b) => b.name === "pandas");
    expect(pandasBuild?.packages.find((p) => p.name === "oldest-supported-numpy")?.status).toBe("unknown");
  });

  it("cryptography 3.4.x on Alpine: CRYPTOGRAPHY_DONT_BUILD_RUST set, no Rust", async () => {
    // 3.4.8 was the first release with musllinux wheels; 3.4.7 compiles on Alpine.
    const r = await report("cryptography==3.4.7\n", ["python:3.9-alpine3.17"]);
    const t = target(r, "python:3.9-alpine3.17");
    expect(t.compiles.map((c) => c.name)).toEqual(["cryptography"]);
    const [builder] = rulesHold(t);
    expect(t.dockerfile.text).toContain("ENV CRYPTOGRAPHY_DONT_BUILD_RUST=1");
    expect(runsOf(builder)).toMatch(/\bopenssl-dev\b/);
    expect(runsOf(builder)).not.toMatch(/\bcargo\b|\brust/);
  });

  it("a pydantic/FastAPI app on arm64 Alpine: pydantic-core needs Rust on Python 3.13", async () => {
    // pydantic 2.6.4 pins pydantic-core 2.16.3, which has no cp313 wheels.
    const r = await report("fastapi==0.110.0\nuvicorn==0.29.0\npydantic==2.6.4\n", ["python:3.13-alpine3.20"], "arm64");
    const t = target(r, "python:3.13-alpine3.20");
    expect(t.compiles.map((c) => `${c.name} ${c.version}`)).toEqual(["pydantic-core 2.16.3"]);
    const [builder, final] = rulesHold(t);
    expect(runsOf(builder)).toMatch(/\bcargo\b/);
    expect(runsOf(final)).not.toMatch(/\bcargo\b/);
    expect(t.dockerfile.text).toMatch(/FROM python:3\.13-alpine3\.20/);
  });

  it("an ML app with numpy and scikit-learn on distroless: built on Debian's python3, copied in", async () => {
    const r = await report("numpy==1.26.4\nscikit-learn==1.4.2\n", ["gcr.io/distroless/python3-debian12"]);
    const t = target(r, "gcr.io/distroless/python3-debian12");
    const [builder, final] = rulesHold(t);
    expect(builder?.from).toBe("debian:12-slim");
    expect(runsOf(final)).toBe("");
    expect(t.builder).toBe("debian:12-slim");
  });
});
