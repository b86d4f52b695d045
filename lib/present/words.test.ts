import { describe, expect, it } from "vitest";
import type { TargetPackage, TargetReport } from "@/lib/contract/report";
import { diagnosticLine, errorsToShow, estimateBasis, indexAsOf, recommendedHeading, requestSummary, requestTitle } from "./analysis";
import { buildTimeSummary, imageSizeSummary, tickImage, timeSizeSummary, type SizeRow, type TimeRow } from "./charts";
import { archFacts, archHeading, compileCount, failsToBuildNote, headlineFacts, headlineNotes, previewImageLine, previewLine, uncheckedNote, type Headline } from "./comparison";
import { chainFromFile, chainTo, dependencyNote, dependenciesUnknownNote, fileLine, nearestWheelNote, requiredByNote, requirerWithRequirement, viaNote } from "./package";
import { STATUS_LABEL, needsAttention, statusLine } from "./status";
import {
  buildBasisNote,
  buildBlockedNote,
  buildCompilesNote,
  buildHeadline,
  buildResolvesTo,
  builderInstallsNote,
  compileTally,
  compilesList,
  dockerfileFilename,
  estimateLine,
  finalKeepsNote,
  imageFacts,
  imageLabel,
  imageSizes,
  incompleteNote,
  installSetSummary,
  installSetTally,
  missingAtRuntimeNote,
  packageOsNeeds,
  pythonAndLibc,
  skippedNote,
  stagesNote,
} from "./target";

// The sentences every surface prints, as vectors: each fact worded once, here.

const summary = (over: Partial<TargetReport["summary"]> = {}): TargetReport["summary"] => ({ packages: 5, wheels: 3, sdists: 2, none: 0, unknown: 0, direct: 0, compiles: 2, ...over });

describe("an image", () => {
  const slim = { base: "python:3.12-slim-bookworm", arch: "amd64", python: "3.12.14", libc: { family: "glibc", version: "2.36" }, os: "Debian 12", packageManager: "apt" } as TargetReport;

  it("what it is", () => {
    expect(imageLabel(slim)).toBe("python:3.12-slim-bookworm (amd64)");
    expect(pythonAndLibc(slim)).toBe("Python 3.12.14, glibc 2.36");
    expect(imageFacts(slim)).toBe("Python 3.12.14, glibc 2.36 · amd64 · Debian 12 · apt");
    expect(dockerfileFilename("python:3.12-slim-bookworm")).toBe("Dockerfile.python_3.12-slim-bookworm");
    expect(dockerfileFilename("gcr.io/distroless/python3-debian12")).toBe("Dockerfile.gcr.io_distroless_python3-debian12");
  });

  it.each([
    [summary(), "5 packages · 3 from wheels · 2 to compile"],
    [summary({ packages: 1, wheels: 1, sdists: 0, compiles: 0 }), "1 package · 1 from wheels · 0 to compile"],
    [summary({ compiles: 4 }), "5 packages · 3 from wheels · 2 to compile (4 compiles in all, build requirements included)"],
    [summary({ none: 1, unknown: 2, direct: 1 }), "5 packages · 3 from wheels · 2 to compile · 1 not installable · 2 unknown · 1 direct link"],
  ])("the install set on the page: %j", (s, text) => {
    expect(installSetSummary(s)).toBe(text);
  });

  it.each([
    [summary(), "5 package(s): 3 wheel(s), 2 built from source, 0 not installable, 0 unknown"],
    [summary({ compiles: 4 }), "5 package(s): 3 wheel(s), 2 built from source, 0 not installable, 0 unknown; 4 compiled in all, build requirements included"],
  ])("the install set in the CLI's columns: %j", (s, text) => {
    expect(installSetTally(s)).toBe(text);
  });

  it.each([
    [{ ok: true } as const, "2 to compile"],
    [{ ok: false, code: "conflict", explanation: "" } as const, "no solution"],
    [{ ok: false, code: "too-deep", explanation: "" } as const, "no solution"],
    [{ ok: false, code: "deadline", explanation: "" } as const, "not finished"],
    [{ ok: false, code: "work-budget", explanation: "" } as const, "not finished"],
  ])("a column's tally: %j", (resolution, text) => {
    expect(compileTally({ resolution, summary: summary() })).toBe(text);
  });

  it("a resolution Basewise did not finish", () => {
    expect(incompleteNote({ reason: "deadline", unreached: ["numpy"] })).toBe("Not finished: the analysis ran out of time. 1 package was not resolved: numpy.");
    expect(incompleteNote({ reason: "work-budget", unreached: ["a", "b", "c", "d", "e", "f", "g"] })).toBe(
      "Not finished: the analysis used up its work budget (a very long file or a deep conflict). 7 packages were not resolved: a, b, c, d, e, f and 1 more.",
    );
  });

  it("a skipped requirement", () => {
    expect(skippedNote({ name: "tomli", line: 3, marker: 'python_version < "3.11"' })).toBe('line 3: marker python_version < "3.11" is false here');
  });
});

describe("what the build needs from the OS", () => {
  const pkg = (name: string, neededBy: string[] = ["psycopg2 2.9.9"]) => ({ name, neededBy });

  it("builder and final image", () => {
    expect(builderInstallsNote({ manager: "apt", build: [pkg("gcc"), pkg("libpq-dev")] })).toBe("builder installs (apt): gcc libpq-dev");
    expect(builderInstallsNote({ manager: "apk", build: [] })).toBeNull();
    expect(finalKeepsNote({ runtime: [pkg("libpq5")] })).toBe("final image keeps: libpq5");
    expect(finalKeepsNote({ runtime: [] })).toBeNull();
    expect(packageOsNeeds("apk", ["g++", "musl-dev"], ["libgomp"])).toEqual({ build: "builder installs (apk): g++ musl-dev", runtime: "final image keeps: libgomp" });
    expect(packageOsNeeds("apt", [], [])).toEqual({ build: null, runtime: null });
  });

  it("libraries distroless cannot install", () => {
    expect(missingAtRuntimeNote({ missingAtRuntime: [] })).toBeNull();
    expect(missingAtRuntimeNote({ missingAtRuntime: [pkg("libpq5"), pkg("libgomp1", ["scikit-learn 1.4.2", "scipy 1.13.1"])] })).toBe(
      "This image cannot install libpq5 (for psycopg2 2.9.9), libgomp1 (for scikit-learn 1.4.2, scipy 1.13.1): copy the libraries from the builder, or use a wheel that bundles them.",
    );
  });
});

describe("the estimate and the Dockerfile", () => {
  const twoStage = { multiStage: 220_000_000, singleStage: 500_000_000 };

  it("sizes and the estimate line", () => {
    expect(imageSizes(twoStage)).toBe("220 MB multi-stage, 500 MB single-stage");
    expect(imageSizes({ multiStage: 45_400_000, singleStage: 45_400_000 })).toBe("45 MB multi-stage");
    expect(estimateLine({ buildSeconds: { low: 300, high: 540 }, imageBytes: twoStage })).toBe("build 5–9 min; image 220 MB multi-stage, 500 MB single-stage");
    expect(estimateLine({ buildSeconds: { low: 12, high: 30 }, imageBytes: { multiStage: 150_000_000, singleStage: 150_000_000 } })).toBe("build 12–30 s; image 150 MB multi-stage");
  });

  it("one stage or two, and what the second saves", () => {
    expect(stagesNote({ multiStage: true }, twoStage)).toBe(
      "Two stages: the builder has the compilers and -dev packages; the final image gets only the virtualenv and runtime libraries — 220 MB instead of 500 MB for a naive single-stage build (280 MB saved).",
    );
    expect(stagesNote({ multiStage: false }, { multiStage: 150_000_000, singleStage: 150_000_000 })).toBe(
      "One stage is enough: nothing compiles, so there are no compilers to leave behind (150 MB; pip's cache stays in a cache mount, not the image).",
    );
  });

  it("what compiles", () => {
    expect(
      compilesList([
        { name: "pandas", version: "1.5.2", buildRequirement: false },
        { name: "numpy", version: "1.23.5", buildRequirement: true },
        { name: "mypkg", version: null, buildRequirement: false },
      ]),
    ).toBe("pandas 1.5.2, numpy 1.23.5 (build requirement), mypkg");
  });
});

describe("a build environment", () => {
  const build = { name: "cffi", version: "1.16.0", insideBuildOf: null, requires: ["setuptools", "wheel"], basis: "sdist" as const, source: "cffi-1.16.0.tar.gz pyproject.toml", confidence: "high" as const, explanation: null, packages: [] };
  const resolved = (name: string, version: string | null, status: TargetPackage["status"], compiles = false) => ({ name, version, status, compiles }) as TargetPackage;

  it("what it installs first, and from where Basewise knows", () => {
    expect(buildHeadline(build)).toBe("Building cffi 1.16.0 first installs setuptools, wheel");
    expect(buildHeadline({ ...build, insideBuildOf: "cryptography 41.0.7" })).toBe("Building cffi 1.16.0 (inside the build of cryptography 41.0.7) first installs setuptools, wheel");
    expect(buildBasisNote(build)).toBe("Read from cffi-1.16.0.tar.gz pyproject.toml.");
    expect(buildBasisNote({ ...build, basis: "table", confidence: "medium" })).toBe("From Basewise's build-requirements table (medium confidence).");
    expect(buildBasisNote({ ...build, basis: "pip-default" })).toBe("Not in Basewise's table: pip's default assumed.");
  });

  it("what it resolves to, what compiles for it, why it cannot be set up", () => {
    expect(buildResolvesTo({ packages: [] })).toBeNull();
    const packages = [resolved("setuptools", "69.0.2", "wheel"), resolved("numpy", "1.23.5", "sdist", true), resolved("cython", null, "unknown")];
    expect(buildResolvesTo({ packages })).toBe("resolves to: setuptools 69.0.2 (wheel), numpy 1.23.5 (compiles), cython (unknown)");
    expect(buildCompilesNote({ packages })).toBe("compiled for this build: numpy 1.23.5");
    expect(buildCompilesNote({ packages: packages.slice(0, 1) })).toBeNull();
    expect(buildBlockedNote({ explanation: null })).toBeNull();
    expect(buildBlockedNote({ explanation: "pip finds no set of versions." })).toBe("this build environment cannot be set up: pip finds no set of versions.");
  });
});

describe("a package", () => {
  const numpy = {
    name: "numpy",
    status: "sdist",
    filename: "numpy-1.24.4.tar.gz",
    sizeBytes: 10_900_000,
    alternative: { version: "1.26.4", filename: "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.whl", tag: "cp312-cp312-manylinux_2_17_x86_64", tagParts: null, satisfiesSpecifier: false },
    dependenciesUnknown: null,
    requiredBy: [
      { project: null, version: null, requirement: "numpy==1.24.4" },
      { project: "pandas", version: "2.2.2", requirement: "numpy>=1.22.4" },
      { project: "pandas", version: "2.2.2", requirement: "numpy>=1.23.2" },
    ],
  } as TargetPackage;

  it("its file", () => {
    expect(fileLine(numpy)).toBe("numpy-1.24.4.tar.gz · 11 MB");
    expect(fileLine({ filename: "six-1.16.0-py2.py3-none-any.whl", sizeBytes: 11_053 })).toBe("six-1.16.0-py2.py3-none-any.whl · 11 KB");
    expect(fileLine({ filename: "x.tar.gz", sizeBytes: null })).toBe("x.tar.gz · size unknown");
    expect(fileLine({ filename: null, sizeBytes: null })).toBeNull();
  });

  it("the nearest wheel, where it does not install from one", () => {
    expect(nearestWheelNote(numpy)).toBe("nearest wheel here: numpy==1.26.4 (cp312-cp312-manylinux_2_17_x86_64, outside your specifier)");
    expect(nearestWheelNote({ ...numpy, alternative: numpy.alternative && { ...numpy.alternative, satisfiesSpecifier: true } })).toBe(
      "nearest wheel here: numpy==1.26.4 (cp312-cp312-manylinux_2_17_x86_64, within your specifier)",
    );
    expect(nearestWheelNote({ ...numpy, status: "wheel" })).toBeNull();
    expect(nearestWheelNote({ ...numpy, alternative: null })).toBeNull();
  });

  it("who asks for it, and the chain that pulls it in", () => {
    expect(requiredByNote(numpy)).toBe("required by your requirements, pandas 2.2.2");
    expect(requirerWithRequirement(numpy.requiredBy[1]!)).toBe("pandas 2.2.2 (numpy>=1.22.4)");
    expect(requirerWithRequirement(numpy.requiredBy[0]!)).toBe("your requirements (numpy==1.24.4)");
    const via = ["cryptography 41.0.7", "cffi 1.16.0"];
    expect(viaNote(via)).toBe("via cryptography 41.0.7 → cffi 1.16.0");
    expect(viaNote([])).toBeNull();
    expect(dependencyNote(via)).toBe("dependency · via cryptography 41.0.7 → cffi 1.16.0");
    expect(dependencyNote([])).toBe("dependency");
    expect(chainTo("pycparser", via)).toBe("cryptography 41.0.7 → cffi 1.16.0 → pycparser");
    expect(chainFromFile("joblib", ["scikit-learn 1.4.2"])).toBe("your file → scikit-learn 1.4.2 → joblib");
  });

  it("why its own dependencies are not known", () => {
    expect(dependenciesUnknownNote({ dependenciesUnknown: null })).toBeNull();
    expect(dependenciesUnknownNote({ dependenciesUnknown: "a URL or path" })).toBe("its dependencies are not known: a URL or path");
  });

  it("its status, as a label and in a sentence", () => {
    expect(STATUS_LABEL.sdist).toBe("compiles");
    expect(STATUS_LABEL.none).toBe("not installable");
    expect(statusLine("2.9.9", "sdist")).toBe("2.9.9 compiles from source");
    expect(statusLine("1.16.0", "wheel")).toBe("1.16.0 installs from a wheel");
    expect(statusLine(null, "absent")).toBe("not needed here");
    expect(["wheel", "sdist", "none", "unknown", "direct"].filter((s) => needsAttention(s as TargetPackage["status"]))).toEqual(["sdist", "none"]);
  });
});

describe("a headline", () => {
  const h: Headline = {
    key: "python:3.12-alpine3.24/amd64",
    base: "python:3.12-alpine3.24",
    arch: "amd64",
    python: "3.12.14",
    libc: "musl 1.2.6",
    recommended: false,
    emulated: false,
    support: null,
    rank: 2,
    packages: 25,
    compiling: 2,
    compilingForBuilds: 1,
    notInstallable: 0,
    unknown: 0,
    buildSeconds: { low: 1_190, high: 1_510 },
    imageBytes: { multiStage: 194_500_000, singleStage: 480_000_000 },
    failsToBuild: null,
    noSolution: null,
    incomplete: null,
  };

  it("its facts and counts", () => {
    expect(headlineFacts(h)).toBe("amd64 · Python 3.12.14, musl 1.2.6");
    expect(compileCount(h)).toBe("2 of 25 (+1 for builds)");
    expect(compileCount({ ...h, compilingForBuilds: 0 })).toBe("2 of 25");
    expect(previewLine(h)).toBe("2 of 25 compile · 20–25 min · 190 MB");
    expect(headlineNotes(h)).toEqual([]);
  });

  it("its notes, in the card's order", () => {
    const bad = { ...h, failsToBuild: "psycopg2 has nothing installable here.", noSolution: "x", incomplete: { reason: "deadline" as const, explanation: "", unreached: ["a", "b"] }, notInstallable: 1, unknown: 2 };
    expect(failsToBuildNote(bad)).toBe("Fails to build: psycopg2 has nothing installable here.");
    expect(uncheckedNote(bad)).toBe("1 not installable · 2 unknown");
    expect(uncheckedNote({ notInstallable: 0, unknown: 3 })).toBe("3 unknown");
    expect(headlineNotes(bad)).toEqual([
      "Fails to build: psycopg2 has nothing installable here.",
      "pip finds no set of versions here.",
      "Not finished: the analysis ran out of time. 2 packages were not resolved: a, b.",
      "1 not installable · 2 unknown",
    ]);
    expect(previewLine(bad)).toBe("fails to build · 2 of 25 compile · 20–25 min · 190 MB");
  });

  it("on several architectures: the arch column, the emulated mark with its cost, end of life first among the notes", () => {
    const arm: Headline = { ...h, key: "python:3.12-alpine3.24/arm64", arch: "arm64", emulated: true, buildSeconds: { low: 6_000, high: 9_000 } };
    expect(archFacts(arm)).toBe("Python 3.12.14, musl 1.2.6");
    expect(archHeading(arm)).toBe("arm64 · emulated");
    expect(archHeading(h)).toBe("amd64");
    const eol = { ...arm, support: { kind: "ended" as const, text: "End of life since 2023-06-27 (CPython 3.7) — move to python:3.12-slim-bookworm" } };
    expect(headlineNotes(eol)).toEqual(["End of life since 2023-06-27 (CPython 3.7) — move to python:3.12-slim-bookworm", "emulated: compiles ×6–10 under QEMU, pip and apt ×3–6"]);
    expect(previewImageLine([h, arm])).toBe("amd64: 2/25 compile, 20–25 min, 190 MB · arm64: 2/25 compile, 100–150 min, 190 MB");
    expect(previewImageLine([h, { ...arm, failsToBuild: "x" }])).toBe("amd64: 2/25 compile, 20–25 min, 190 MB · arm64: fails to build");
    expect(previewImageLine([h])).toBe(previewLine(h));
  });
});

describe("the analysis as a whole", () => {
  it("what was asked", () => {
    expect(requestSummary(3, 2, ["amd64", "arm64"])).toBe("3 requirements, 2 images on amd64 + arm64");
    expect(requestSummary(1, 1, ["arm64"])).toBe("1 requirement, 1 image on arm64");
    expect(requestTitle(20, ["python:3.12-slim-bookworm", "python:3.12-alpine3.24"], ["amd64", "arm64"])).toBe(
      "20 requirements: python:3.12-slim-bookworm vs python:3.12-alpine3.24 on amd64 + arm64",
    );
    expect(requestTitle(20, ["python:3.12-slim-bookworm"], ["amd64"])).toBe("20 requirements: python:3.12-slim-bookworm on amd64");
  });

  it("the recommendation, the index and the estimate's assumptions", () => {
    expect(recommendedHeading({ base: "python:3.12-slim-bookworm", archs: ["amd64", "arm64"] })).toBe("Recommended: python:3.12-slim-bookworm (amd64 + arm64)");
    expect(recommendedHeading({ base: "python:3.12-slim-bookworm", archs: ["arm64"] })).toBe("Recommended: python:3.12-slim-bookworm (arm64)");
    expect(indexAsOf({ index: { host: "pypi.org" }, asOf: "2024-05-01T12:34:56Z" })).toBe("Index pypi.org as of 2024-05-01 12:34 UTC");
    const both = ["amd64", "arm64"] as const;
    expect(estimateBasis({ cores: 4, networkMBps: 50, cache: "cold", buildHost: "native" }, both)).toBe("Estimates for 4 cores, 50 MB/s, cold cache.");
    expect(estimateBasis({ cores: 1, networkMBps: 12.5, cache: "warm", buildHost: "ci-amd64" }, both)).toBe("Estimates for 1 core, 12.5 MB/s, warm cache, built on an amd64 CI runner (arm64 emulated).");
    expect(estimateBasis({ cores: 4, networkMBps: 50, cache: "cold", buildHost: "mac-arm64" }, both)).toBe("Estimates for 4 cores, 50 MB/s, cold cache, built on an Apple-silicon Mac (Docker Desktop) (amd64 emulated).");
    expect(estimateBasis({ cores: 4, networkMBps: 50, cache: "cold", buildHost: "ci-arm64" }, ["arm64"])).toBe("Estimates for 4 cores, 50 MB/s, cold cache, built on an arm64 CI runner.");
  });

  it("a diagnostic, and which errors stand beside the results", () => {
    expect(diagnosticLine({ line: 2, severity: "error", message: "Expected a version specifier" })).toBe("line 2: error: Expected a version specifier");
    const errors = [
      { subject: "index", code: "index-unreachable" as const, message: "The index could not be reached." },
      { subject: "pyhton:3.12", code: "unknown-image" as const, message: "Not in the catalog." },
    ];
    expect(errorsToShow({ errors }).map((e) => e.code)).toEqual(["unknown-image"]);
  });
});

describe("the charts in words", () => {
  const time: TimeRow = { label: "python:3.12-alpine3.24", image: "python:3.12-alpine3.24", archLine: null, pull: 0.2, "os-packages": 0.5, downloads: 0.1, installs: 0.2, "build-environments": 1, compiles: 18, uncertainty: 5.3 };
  const size: SizeRow = { label: "python:3.12-alpine3.24", image: "python:3.12-alpine3.24", archLine: null, base: 57, "runtime-libraries": 3.5, "site-packages": 134, "build-leftovers": 290 };

  it("each chart's accessible summary", () => {
    expect(buildTimeSummary([time])).toBe("python:3.12-alpine3.24: 20.0 to 25.3 minutes");
    expect(imageSizeSummary([size])).toBe("python:3.12-alpine3.24: 190 MB multi-stage");
    expect(timeSizeSummary([{ base: "python:3.12-alpine3.24", arch: "amd64", minutes: 22.5, minutesLow: 20, minutesHigh: 25, megabytes: 194.5, failsToBuild: false }])).toBe(
      "python:3.12-alpine3.24: about 23 min, 190 MB",
    );
  });

  it("an axis label keeps the tail of a long image", () => {
    expect(tickImage("python:3.12-slim-bookworm")).toBe("python:3.12-slim-bookworm");
    expect(tickImage("registry.access.redhat.com/ubi9/python-312")).toBe("…edhat.com/ubi9/python-312");
  });
});
