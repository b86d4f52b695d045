import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import type { AnalyzeRequest } from "@/lib/contract/request";
import { createIndexClient } from "@/lib/index";
import { reportMarkdown } from "@/lib/present/markdown";
import { analyze } from "./analyze";
import type { Report } from "./types";

// The input part of the analysis: a lock file and a pyproject.toml give the same packages and
// verdicts as the requirements file they stand for; a lock's pins are analysed as written (markers
// choose per image, nothing is re-resolved), and what its markers choose differently is reported.

let index: FixtureIndex;
beforeAll(async () => {
  index = await startFixtureIndex();
});
afterAll(async () => {
  await index.close();
});

const BASES = ["python:3.12-slim-bookworm", "python:3.12-alpine3.20"];

async function run(requirements: string, input: AnalyzeRequest["input"], options: { bases?: string[]; archs?: ("amd64" | "arm64")[]; noDeps?: boolean } = {}): Promise<Report> {
  const client = createIndexClient({ indexUrl: index.url, cacheDir: null, retries: 0, timeoutMs: 15_000 });
  const request: AnalyzeRequest = { requirements, bases: options.bases ?? BASES, archs: options.archs ?? ["amd64", "arm64"], ...(options.noDeps ? { noDeps: true } : {}), ...(input ? { input } : {}) };
  const result = await analyze(request, { index: client, indexHost: "fixture", now: () => new Date("2026-12-01T00:00:00Z") });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

/** Per target, each package's verdict: what must be the same whatever file said it. */
function verdicts(report: Report) {
  return report.targets.map((t) => ({
    target: `${t.base} ${t.arch}`,
    packages: [...t.packages]
      .map((p) => ({ name: p.name, version: p.version, status: p.status, filename: p.filename, compiles: p.compiles, code: p.code }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    compiles: t.compiles.map((c) => `${c.name} ${c.version}`).sort(),
    blockerCode: t.blockerCode,
  }));
}

// What `pip freeze` would say after `pip install requests==2.31.0 psycopg2==2.9.9 numpy==1.26.4` on
// the fixture index: the equivalent requirements file of the lock below.
const REQUIREMENTS = "requests==2.31.0\npsycopg2==2.9.9\nnumpy==1.26.4\n";
const FROZEN = [
  "certifi==2023.11.17",
  "charset-normalizer==3.3.2",
  "idna==3.6",
  "numpy==1.26.4",
  "psycopg2==2.9.9",
  "requests==2.31.0",
  "urllib3==2.1.0",
].join("\n");

const registry = (name: string, version: string) => `[[package]]
name = "${name}"
version = "${version}"
source = { registry = "https://pypi.org/simple" }
`;

// As uv 0.5 writes it (trimmed: no sdist/wheels tables, which Basewise does not read from a lock).
const UV_LOCK = `version = 1
requires-python = ">=3.9"

[[package]]
name = "appnope"
version = "0.1.4"
source = { registry = "https://pypi.org/simple" }

${registry("certifi", "2023.11.17")}
${registry("charset-normalizer", "3.3.2")}
[[package]]
name = "demo"
version = "0.1.0"
source = { virtual = "." }
dependencies = [
    { name = "appnope", marker = "sys_platform == 'darwin'" },
    { name = "numpy" },
    { name = "psycopg2" },
    { name = "requests" },
]

[package.metadata]
requires-dist = [
    { name = "appnope", marker = "sys_platform == 'darwin'" },
    { name = "numpy", specifier = "==1.26.4" },
    { name = "psycopg2", specifier = "==2.9.9" },
    { name = "requests", specifier = "==2.31.0" },
]

${registry("idna", "3.6")}
${registry("numpy", "1.26.4")}
${registry("psycopg2", "2.9.9")}
[[package]]
name = "requests"
version = "2.31.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "certifi" },
    { name = "charset-normalizer" },
    { name = "idna" },
    { name = "urllib3" },
]

${registry("urllib3", "2.1.0")}`;

const PYPROJECT = `[project]
name = "demo"
version = "0.1.0"
requires-python = ">=3.9"
dependencies = [
    "requests==2.31.0",
    "psycopg2==2.9.9",
]

[project.optional-dependencies]
science = ["numpy==1.26.4"]
docs = ["sphinx"]

[dependency-groups]
dev = ["six"]
`;

describe("a lock file and a pyproject.toml give the same analysis as the equivalent requirements file", () => {
  it("uv.lock: the lock's pins are the frozen requirements, image by image; the darwin-only pin is skipped on every Linux image", async () => {
    // One after another: the fixture index answers every one (a timeout would make one report differ).
    const lock = await run(UV_LOCK, { fileName: "uv.lock" });
    const frozen = await run(FROZEN, undefined, { noDeps: true });
    const resolved = await run(REQUIREMENTS, undefined);
    expect(lock.mode).toBe("locked");
    expect(lock.input).toMatchObject({ kind: "uv-lock", detectedKind: "uv-lock", fileName: "uv.lock", lock: { kind: "uv-lock", requiresPython: ">=3.9" } });
    expect(verdicts(lock)).toEqual(verdicts(frozen));
    // And the same as pip resolving the hand-written file: the lock adds nothing and drops nothing.
    expect(verdicts(lock)).toEqual(verdicts(resolved));
    for (const target of lock.targets) {
      expect(target.lock?.skipped.map((p) => [p.name, p.version, p.marker])).toEqual([["appnope", "0.1.4", 'sys_platform == "darwin"']]);
      expect(target.lock?.differing).toEqual([]);
      expect(target.packages.every((p) => p.dependenciesUnknown === null)).toBe(true);
    }
  });

  it("pyproject.toml: its dependencies resolve as requirements do; a chosen extra adds its own", async () => {
    const plain = await run(PYPROJECT, { fileName: "pyproject.toml" });
    const science = await run(PYPROJECT, { fileName: "pyproject.toml", extras: ["science"] });
    const requirements = await run("requests==2.31.0\npsycopg2==2.9.9\n", undefined);
    const withNumpy = await run(REQUIREMENTS, undefined);
    expect(plain.mode).toBe("resolved");
    expect(plain.input).toMatchObject({ kind: "pyproject", detectedKind: "pyproject", lock: null, extras: { chosen: [], available: ["science", "docs"] }, groups: { chosen: [], available: ["dev"] } });
    expect(verdicts(plain)).toEqual(verdicts(requirements));
    expect(science.input.extras.chosen).toEqual(["science"]);
    expect(verdicts(science)).toEqual(verdicts(withNumpy));
  });

  it("the kind given overrides the detected one", async () => {
    // A pasted pyproject (no name) is recognised by its content; read as requirements it is nonsense.
    const detected = await run(PYPROJECT, undefined, { bases: ["python:3.12-slim-bookworm"], archs: ["amd64"] });
    expect(detected.input).toMatchObject({ kind: "pyproject", detectedKind: "pyproject", fileName: null });
    const forced = await run(PYPROJECT, { kind: "requirements" }, { bases: ["python:3.12-slim-bookworm"], archs: ["amd64"] });
    expect(forced.input).toMatchObject({ kind: "requirements", detectedKind: "pyproject" });
    expect(forced.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });
});

// PEP 751: each package carries its own marker.
const PYLOCK = `lock-version = "1.0"
created-by = "uv"
requires-python = ">=3.6"

[[packages]]
name = "six"
version = "1.16.0"

[[packages]]
name = "appnope"
version = "0.1.4"
marker = "sys_platform == 'darwin'"

[[packages]]
name = "numpy"
version = "1.26.4"
marker = "python_version >= '3.9'"

[[packages]]
name = "numpy"
version = "1.24.4"
marker = "python_version < '3.9'"

[[packages]]
name = "tomli"
version = "2.0.1"
marker = "python_version < '3.11'"
`;

describe("a lock's markers, image by image", () => {
  it("a pin with a darwin-only marker is skipped on Linux; a package pinned twice with disjoint markers takes one pin per image; pins only some images select are named with the images that do not", async () => {
    const report = await run(PYLOCK, { fileName: "pylock.toml" }, { bases: ["python:3.12-slim-bookworm", "python:3.10-slim-bookworm"], archs: ["amd64"] });
    expect(report.input.lock).toMatchObject({ kind: "pylock", formatVersion: "1.0", createdBy: "uv", pins: 5 });
    const [py312, py310] = report.targets;
    expect(py312?.lock?.skipped.map((p) => `${p.name} ${p.version}`)).toEqual(["appnope 0.1.4", "numpy 1.24.4", "tomli 2.0.1"]);
    expect(py310?.lock?.skipped.map((p) => `${p.name} ${p.version}`)).toEqual(["appnope 0.1.4", "numpy 1.24.4"]);
    expect(py312?.lock?.differing).toEqual([]);
    expect(py310?.lock?.differing).toMatchObject([{ name: "tomli", version: "2.0.1", marker: 'python_version < "3.11"', notOn: [{ base: "python:3.12-slim-bookworm", arch: "amd64" }] }]);
    // numpy is pinned twice: exactly one pin applies on each image, analysed as written.
    for (const target of report.targets) expect(target.packages.filter((p) => p.name === "numpy").map((p) => p.version)).toEqual(["1.26.4"]);
    expect(py310?.packages.map((p) => p.name)).toEqual(["six", "numpy", "tomli"]);
  });

  it("the Markdown export says what was read and where the lock's markers select other packages; a requirements file's says nothing new", async () => {
    const report = await run(PYLOCK, { fileName: "pylock.toml" }, { bases: ["python:3.12-slim-bookworm", "python:3.10-slim-bookworm"], archs: ["amd64"] });
    const markdown = reportMarkdown(report, null);
    expect(markdown).toContain("_Read as pylock.toml \\(PEP 751\\). pylock.toml \\(PEP 751\\) format 1.0 · written by uv · 5 pinned packages · requires-python \\>=3.6._");
    expect(markdown).toContain("### Where the lock's markers select other packages");
    expect(markdown).toContain('- `python:3.10-slim-bookworm` (amd64): tomli 2.0.1 \\(line ');
    const plain = reportMarkdown(await run("six\n", undefined, { bases: ["python:3.12-slim-bookworm"], archs: ["amd64"] }), null);
    expect(plain).not.toContain("Read as");
  });

  it("a pin with no installable file on an image is reported as such, and blocks that image", async () => {
    // tomli 2.0.1 declares Requires-Python >=3.7 and has no other file: nothing installs on CPython 3.6.
    const report = await run(PYLOCK, { fileName: "pylock.toml" }, { bases: ["python:3.6-slim-buster", "python:3.10-slim-bookworm"], archs: ["amd64"] });
    const [py36, py310] = report.targets;
    const tomli = py36?.packages.find((p) => p.name === "tomli");
    expect(tomli).toMatchObject({ status: "none", version: null, code: "requires-python", requested: true });
    expect(py36?.blockerCode).toBe("nothing-installable");
    expect(py310?.packages.find((p) => p.name === "tomli")).toMatchObject({ status: "wheel", version: "2.0.1" });
    // The lock pins numpy 1.24.4 for Python < 3.9: on CPython 3.6 that pin has no file either (Requires-Python >=3.8).
    expect(py36?.packages.find((p) => p.name === "numpy")).toMatchObject({ status: "none", version: null });
  });
});

describe("files given together", () => {
  const one = { bases: ["python:3.12-slim-bookworm"], archs: ["amd64" as const] };
  const files = [
    { name: "base.txt", text: "six==1.16.0\n" },
    { name: "constraints.txt", text: "requests<2.32.3\nnumpy==1.24.4\n" },
  ];

  it("-r is followed into the file given with the main one; -c narrows versions as pip's resolver does, and adds nothing", async () => {
    const unconstrained = await run("requests\n", undefined, one);
    expect(unconstrained.targets[0]?.packages.find((p) => p.name === "requests")?.version).toBe("2.32.3");
    const report = await run("-r base.txt\n-c constraints.txt\nrequests\n", { fileName: "requirements.txt", files }, one);
    expect(report.input.files).toEqual(["base.txt", "constraints.txt"]);
    const byName = Object.fromEntries((report.targets[0]?.packages ?? []).map((p) => [p.name, p.version]));
    // 2.32.0 is yanked and 2.32.3 excluded by the constraint: 2.31.0.
    expect(byName).toMatchObject({ requests: "2.31.0", six: "1.16.0" });
    expect(byName).not.toHaveProperty("numpy");
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // six comes from base.txt, on its line 1; requests is the main file's line 3.
    expect(report.requirements.map((r) => [r.name, r.file, r.line])).toEqual([
      ["six", "base.txt", 1],
      ["requests", null, 3],
    ]);
  });

  it("with --no-deps too: each line is judged within its constraints", async () => {
    const report = await run("-c constraints.txt\nrequests\n", { fileName: "requirements.txt", files }, { ...one, noDeps: true });
    expect(report.targets[0]?.packages.map((p) => `${p.name} ${p.version}`)).toEqual(["requests 2.31.0"]);
  });
});
