import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { createIndexClient } from "@/lib/index";
import { analyze } from "@/lib/report";
import type { Report } from "@/lib/contract/report";
import { pythonVersions, presetsFor } from "@/lib/targets/presets";
import { groupByImage } from "./architectures";
import { buildTimeRows, imageSizeRows, scatterSeries, timeSizePoints } from "./charts";
import { headlines, imageHeadlines } from "./comparison";
import { recommendationWords } from "./analysis";
import { reportMarkdown } from "./markdown";
import { packageDetail, packageDetailByImage, packageNames } from "./package-detail";
import { problemsOf } from "./problems";

// The dashboard's view of a report, from real analyses against the fixture index.

let index: FixtureIndex;
beforeAll(async () => {
  index = await startFixtureIndex();
});
afterAll(async () => {
  await index.close();
});

const BASES = ["python:3.12-slim-bookworm", "python:3.12-alpine3.24"];

// One architecture unless a test is about several: the per-image expectations below read one column each.
async function run(requirements: string, indexUrl = index.url, options: { archs?: ("amd64" | "arm64")[]; estimate?: { buildHost: "native" | "mac-arm64" | "ci-amd64" | "ci-arm64" } } = {}): Promise<Report> {
  const client = createIndexClient({ indexUrl, cacheDir: null, retries: 0, timeoutMs: 2000 });
  const result = await analyze({ requirements, bases: BASES, archs: options.archs ?? ["amd64"], ...(options.estimate ? { estimate: options.estimate } : {}) }, { index: client, indexHost: "fixture" });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

describe("comparison", () => {
  it("headlines rank the images as the recommendation does, with compile counts and estimates", async () => {
    const report = await run("Django==4.2.7\npsycopg2==2.9.9\n");
    const h = headlines(report);
    expect(h.map((x) => x.rank)).toEqual([1, 2]);
    expect(h[0]?.recommended).toBe(true);
    expect(h[0]?.base).toBe(report.recommendation?.base);
    for (const x of h) {
      expect(x.compiling).toBe(1); // psycopg2 has no Linux wheel
      expect(x.buildSeconds.high).toBeGreaterThan(x.buildSeconds.low);
      expect(x.imageBytes.singleStage).toBeGreaterThan(x.imageBytes.multiStage);
    }
  });

  it("chart rows add up to the estimates: time parts to the low end plus the spread, size parts to single-stage", async () => {
    const report = await run("Django==4.2.7\npsycopg2==2.9.9\n");
    const time = buildTimeRows(report);
    const size = imageSizeRows(report);
    report.targets.forEach((t, i) => {
      const row = time[i];
      if (!row) throw new Error("missing row");
      const low = row.pull + row["os-packages"] + row.downloads + row.installs + row["build-environments"] + row.compiles;
      expect(low).toBeCloseTo(t.estimate.buildSeconds.low / 60, 0);
      expect(low + row.uncertainty).toBeCloseTo(t.estimate.buildSeconds.high / 60, 0);
      const s = size[i];
      if (!s) throw new Error("missing row");
      expect((s.base + s["runtime-libraries"] + s["site-packages"] + s["build-leftovers"]) * 1e6).toBeCloseTo(t.estimate.imageBytes.singleStage, -5);
      expect(row.label).toBe(t.base);
    });
    expect(timeSizePoints(report).map((p) => p.megabytes)).toEqual(report.targets.map((t) => Math.round(t.estimate.imageBytes.multiStage / 1e4) / 100));
  });
});

describe("package detail", () => {
  it("says why it compiles, the OS packages it needs there, and what pulls a dependency in", async () => {
    const report = await run("Django==4.2.7\npsycopg2==2.9.9\n");
    const [slim, alpine] = packageDetail(report, "psycopg2");
    expect(slim).toMatchObject({ status: "sdist", version: "2.9.9", manager: "apt", line: 2 });
    expect(slim?.closestMiss).toMatch(/Windows|win/);
    expect(slim?.buildPackages).toEqual(expect.arrayContaining(["gcc", "libpq-dev"]));
    expect(slim?.runtimePackages).toEqual(["libpq5"]);
    expect(alpine?.buildPackages).toEqual(expect.arrayContaining(["musl-dev", "libpq-dev"]));
    const [asgiref] = packageDetail(report, "asgiref");
    expect(asgiref?.chain).toEqual(["django 4.2.7"]);
    expect(asgiref?.requiredBy[0]).toMatch(/^django 4\.2\.7 \(asgiref/);
    expect(asgiref?.chainNote).toBe("your file → django 4.2.7 → asgiref");
    expect(slim?.statusLine).toBe("2.9.9 compiles from source");
    expect(slim?.osNeeds.runtime).toBe("final image keeps: libpq5");
    expect(slim?.osNeeds.build).toMatch(/^builder installs \(apt\): .*libpq-dev/);
    expect(slim?.chainNote).toBeNull();
    expect(packageNames(report).slice(0, 2)).toEqual([{ name: "django", requested: true }, { name: "psycopg2", requested: true }]);
  });
});

describe("build viability", () => {
  it("a build known to fail: the detail says so with its fix and sources; Markdown marks it; an unchecked package gets the table's word", async () => {
    const report = await run("numpy==1.24.4\npython-ldap==3.4.4\n");
    const [slim] = packageDetail(report, "numpy");
    expect(slim?.viability).toMatchObject({ viability: "fails", code: "python-too-new", label: "fails to build", fix: "Fix: upgrade numpy to 1.26.0 or later (known to build here)." });
    expect(slim?.viability?.reason).toMatch(/^numpy 1\.24\.4 does not build on CPython 3\.12/);
    expect(slim?.viability?.sources.some((s) => s.href?.startsWith("https://"))).toBe(true);
    const [ldap] = packageDetail(report, "python-ldap");
    expect(ldap?.buildTable).toBe("Basewise's build table: always compiles on Linux");
    expect(ldap?.viability).toBeNull();
    const md = reportMarkdown(report, null);
    expect(md).toContain("  - **fails to build: numpy 1.24.4 does not build on CPython 3.12");
    expect(recommendationWords(report)?.recommended).toBe(false);
  });
});

describe("problems", () => {
  it("an unreachable index is one plain message; nothing else is claimed", async () => {
    const report = await run("six\ntomli\n", "http://127.0.0.1:9/simple/");
    expect(problemsOf(report)).toEqual([expect.objectContaining({ kind: "index-unreachable", title: "The package index could not be reached" })]);
  });

  it("names not on the index are listed with their lines", async () => {
    const report = await run("six\nno-such-project-anywhere\n");
    const problems = problemsOf(report);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "unknown-packages", title: "1 package is not on the package index" });
    expect(problems[0]?.detail).toContain("no-such-project-anywhere (line 2)");
  });

  it("a package the index failed for could not be checked; the rest of the analysis stands", async () => {
    const failing = await startFixtureIndex({ failNames: ["numpy"] });
    try {
      const problems = problemsOf(await run("six\nnumpy\n", failing.url));
      expect(problems).toEqual([expect.objectContaining({ kind: "unchecked-packages", title: "1 package could not be checked" })]);
      expect(problems[0]?.detail).toContain("The index failed for numpy (index error: HTTP 503 from the package index for numpy)");
    } finally {
      await failing.close();
    }
  });

  it("problems follow the packages' codes, whatever their words say", async () => {
    const report = await run("six\nno-such-project-anywhere\n");
    const reworded = { ...report, targets: report.targets.map((t) => ({ ...t, packages: t.packages.map((p) => ({ ...p, reason: "reworded" })) })) };
    expect(problemsOf(reworded).map((p) => p.kind)).toEqual(["unknown-packages"]);
  });
});

describe("Copy as Markdown", () => {
  it("has the comparison table, the recommendation and the Dockerfile in a fence, with input escaped", async () => {
    const report = await run("Django==4.2.7\npsycopg2==2.9.9\n");
    const md = reportMarkdown(report, "https://basewise.example/?s=v1.abc");
    expect(md).toContain("| Base image | Arch | Python | Compiles |");
    expect(md).toMatch(/\*\*Recommended:\*\* `python:3\.12-/);
    expect(md).toMatch(/```dockerfile\n# syntax=docker\/dockerfile:1/);
    expect(md).toContain("[Open this analysis](https://basewise.example/?s=v1.abc)");
    const hostile = { ...report, recommendation: report.recommendation && { ...report.recommendation, why: "<img src=x onerror=alert(1)> [x](javascript:alert(1))" } };
    const escaped = reportMarkdown(hostile, null);
    expect(escaped).toContain("\\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:alert\\(1\\)\\)");
  });
});

describe("two architectures side by side", () => {
  it("cards: one per image, an arch column each, the emulated one marked; the matrix columns grouped by image", async () => {
    const report = await run("Django==4.2.7\npsycopg2==2.9.9\n", index.url, { archs: ["amd64", "arm64"], estimate: { buildHost: "ci-amd64" } });
    expect(report.targets.map((t) => `${t.base}/${t.arch}`)).toEqual(BASES.flatMap((b) => [`${b}/amd64`, `${b}/arm64`]));
    const cards = imageHeadlines(report);
    expect(cards.map((c) => c.base).sort()).toEqual([...BASES].sort());
    expect(cards.map((c) => c.rank)).toEqual([1, 2]);
    expect(cards[0]?.base).toBe(report.recommendation?.base);
    for (const card of cards) {
      expect(card.columns.map((c) => c.arch)).toEqual(["amd64", "arm64"]);
      expect(card.columns.map((c) => c.headline?.emulated)).toEqual([false, true]);
      // QEMU: the emulated arm64 compile takes longer than amd64's native one.
      expect(card.columns[1]?.headline?.buildSeconds.low).toBeGreaterThan(card.columns[0]?.headline?.buildSeconds.low ?? Infinity);
    }
    expect(groupByImage(report.targets, report.archs).map((g) => g.targets.map((t) => t.arch))).toEqual([["amd64", "arm64"], ["amd64", "arm64"]]);
    const md = reportMarkdown(report, null);
    expect(md).toContain("| Base image | Arch | Python |");
    for (const base of BASES) {
      expect(md).toContain(`| \`${base}\` | amd64 |`);
      expect(md).toContain(`| \`${base}\` | arm64 |`);
    }
    // Rows grouped by image: an image's arm64 row right after its amd64 row.
    const rows = md.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.map((r) => r.split(" | ")[1])).toEqual(["amd64", "arm64", "amd64", "arm64"]);
    expect(md).toContain("emulated: compiles ×6–10 under QEMU");
    expect(md).toMatch(/\*\*Recommended:\*\* `python:3\.12-[^`]+` \(amd64 \+ arm64\)/);
    expect(md).toContain("built on an amd64 CI runner \\(arm64 emulated\\)");
    const detail = packageDetailByImage(report, "psycopg2");
    expect(detail.map((d) => d.targets.map((t) => t.arch))).toEqual([["amd64", "arm64"], ["amd64", "arm64"]]);
    expect(detail[0]?.status).toBe("sdist");
    // Charts: a bar per target, labelled with its arch; a scatter series per arch.
    const rowsOfTime = buildTimeRows(report);
    expect(rowsOfTime.map((r) => r.archLine)).toEqual(["amd64", "arm64 · emulated", "amd64", "arm64 · emulated"]);
    expect(rowsOfTime[1]?.label).toBe(`${report.targets[1]?.base} (arm64)`);
    expect(scatterSeries(report, timeSizePoints(report)).map((s) => s.name)).toEqual(["amd64", "arm64 · emulated"]);
  });
});

describe("presets", () => {
  it("offer slim vs Alpine vs distroless for a Python version, naming only catalog images", () => {
    expect(pythonVersions()[0]).toMatch(/^3\.1\d$/);
    const presets = presetsFor("3.12");
    const first = presets[0];
    expect(first?.label).toBe("Debian slim vs Alpine vs distroless");
    expect(first?.bases[0]).toMatch(/^python:3\.12-slim-/);
    expect(first?.bases[1]).toMatch(/^python:3\.12-alpine3\./);
    expect(first?.bases[2]).toMatch(/^gcr\.io\/distroless\/python3-debian/);
    // distroless has no Python 3.12 image: the preset says which Python it has.
    expect(first?.note).toMatch(/No distroless image has Python 3\.12/);
    expect(presetsFor("3.11")[0]?.note).toBeNull();
  });
});
