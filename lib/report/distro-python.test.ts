import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { ruleViolations, runsOf, stagesOf } from "@/lib/dockerfile/rules.test-support";
import { createIndexClient } from "@/lib/index";
import { analyze } from "./analyze";
import type { Report } from "./types";

// A whole analysis on alpine:3.19 and debian:bookworm-slim, whose Python is the OS's package, against
// the fixture index: which packages compile, the Dockerfile that installs python3 and makes a
// virtualenv, and the image size with the distro Python counted (or said to be unknown).

let index: FixtureIndex;
beforeAll(async () => {
  index = await startFixtureIndex();
});
afterAll(async () => {
  await index.close();
});

async function run(requirements: string, bases: string[]): Promise<Report> {
  const client = createIndexClient({ indexUrl: index.url, cacheDir: null, retries: 0, timeoutMs: 2000 });
  const result = await analyze({ requirements, bases }, { index: client, indexHost: "fixture" });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

function target(report: Report, base: string, arch = "amd64") {
  const found = report.targets.find((t) => t.base === base && t.arch === arch);
  if (!found) throw new Error(`no target ${base}/${arch}`);
  return found;
}

const status = (t: ReturnType<typeof target>) => Object.fromEntries(t.packages.map((p) => [p.name, p.status]));

describe("analysis on images with the OS's Python", () => {
  it("requests, psycopg2 and numpy: psycopg2 compiles on both, numpy installs from a wheel on amd64", async () => {
    const report = await run("requests\npsycopg2\nnumpy\n", ["alpine:3.19", "debian:bookworm-slim"]);
    for (const base of ["alpine:3.19", "debian:bookworm-slim"]) {
      const t = target(report, base);
      expect(status(t)).toMatchObject({ requests: "wheel", psycopg2: "sdist", numpy: "wheel" });
      // The analysis uses the OS's CPython: 3.11 on both.
      expect(t.packages.find((p) => p.name === "numpy")?.filename).toMatch(/-cp311-cp311-(musllinux_1_1|manylinux)/);
      expect(ruleViolations(t.dockerfile, { compiles: true })).toEqual([]);
    }

    const alpine = target(report, "alpine:3.19");
    const [alpineBuilder, alpineFinal] = stagesOf(alpine.dockerfile.text);
    expect(runsOf(alpineBuilder)).toMatch(/^apk add --no-cache python3 python3-dev gcc musl-dev /m);
    expect(runsOf(alpineBuilder)).toMatch(/python3 -m venv \/opt\/venv/);
    expect(runsOf(alpineFinal)).toMatch(/^apk add --no-cache python3 libpq$/m);
    expect(alpine.dockerfile.lines.some((l) => /Alpine marks its Python EXTERNALLY-MANAGED \(PEP 668\)/.test(l.note))).toBe(true);

    const debian = target(report, "debian:bookworm-slim");
    const [debianBuilder, debianFinal] = stagesOf(debian.dockerfile.text);
    expect(runsOf(debianBuilder)).toMatch(/apt-get install -y --no-install-recommends python3 python3-venv python3-dev gcc libc6-dev libpq-dev/);
    expect(runsOf(debianFinal)).toMatch(/apt-get install -y --no-install-recommends python3 python3-venv libpq5 /);
    expect(runsOf(debianFinal)).not.toMatch(/python3-dev|gcc/);
  });

  it("counts the distro Python in the size: Debian by its apt closure, Alpine as unknown", async () => {
    const report = await run("requests\npsycopg2\nnumpy\n", ["alpine:3.19", "debian:bookworm-slim"]);
    const debian = target(report, "debian:bookworm-slim").estimate;
    const python = debian.breakdown.size.find((p) => p.part === "distro Python: python3, python3-venv (apt)");
    expect(python).toMatchObject({ category: "base", bytes: 39_513 * 1024, stage: "both" });
    expect(python?.basis).toMatch(/adds 30 packages, 39513 KiB by their Installed-Size/);
    expect(debian.imageBytes.baseUnknown).toBeUndefined();
    const both = debian.breakdown.size.filter((p) => p.stage === "both").reduce((sum, p) => sum + p.bytes, 0);
    expect(debian.imageBytes.multiStage).toBe(both);
    expect(debian.imageBytes.multiStage).toBeGreaterThan(74_830_000 + 39_513 * 1024);

    const alpine = target(report, "alpine:3.19").estimate;
    expect(alpine.imageBytes.baseUnknown).toBe(true);
    expect(alpine.breakdown.size.find((p) => p.part === "distro Python: python3 (apk)")?.basis).toMatch(/^unknown: not counted/);
    expect(alpine.notes.join("\n")).toMatch(/size of its Python once installed .* is not known/);
  });

  it("nothing compiles: one stage that installs python3 and runs pip in a virtualenv", async () => {
    const report = await run("requests\n", ["alpine:3.19", "debian:bookworm-slim"]);
    for (const [base, install] of [
      ["alpine:3.19", /^apk add --no-cache python3$/m],
      ["debian:bookworm-slim", /apt-get install -y --no-install-recommends python3 python3-venv /],
    ] as const) {
      const t = target(report, base);
      expect(ruleViolations(t.dockerfile, { compiles: false })).toEqual([]);
      const stages = stagesOf(t.dockerfile.text);
      expect(stages).toHaveLength(1);
      expect(runsOf(stages[0])).toMatch(install);
      expect(runsOf(stages[0])).toMatch(/python3 -m venv \/opt\/venv/);
      expect(runsOf(stages[0])).not.toMatch(/-dev\b|gcc/);
    }
  });
});
