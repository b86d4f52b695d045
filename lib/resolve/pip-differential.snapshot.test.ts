import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipChoice, pool, type PipAnswer } from "@/e2e/fixtures/pip-oracle";
import { sharedDir, startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient } from "@/lib/index";
import { analyze, type TargetPackage } from "@/lib/report";
import { compareVersions, isPrerelease } from "@/lib/pep440";
import { parseSdistFilename, parseWheelFilename, pipPlatformArgs } from "@/lib/tags";
import { resolveTarget, type Target } from "@/lib/targets";

// Differential test: for many (package, target) pairs drawn from the most-downloaded projects, Basewise's
// choice must equal the file the real pip (python3 -m pip, this machine's) picks against the same index.
// Both read the same requirements text, option lines included: Basewise the whole file, pip the
// file's option lines and the one requirement line of the pair (pip download --no-deps -r). Every
// pair is counted, projects the snapshot lacks included; cases left out are listed with a reason.

const TARGETS: [string, "amd64" | "arm64"][] = [
  ["python:3.10-bullseye", "amd64"],
  ["python:3.10-bullseye", "arm64"],
  ["python:3.12-slim-bookworm", "amd64"],
  ["python:3.13-slim-trixie", "arm64"],
  ["python:3.10-alpine3.17", "amd64"],
  ["python:3.12-alpine3.20", "arm64"],
  ["python:3.8-slim-bullseye", "amd64"],
  ["python:3.8-alpine3.12", "amd64"],
  // CPython 3.7: the pymalloc ABI (cp37m) and glibc 2.28 on an end-of-life Debian.
  ["python:3.7-slim-buster", "arm64"],
];
const PACKAGES = 45;

// Projects with C, C++ or Rust extensions, and images where their older releases tend to lack wheels.
const NATIVE_PROJECTS = [
  "psycopg2", "psycopg2-binary", "lxml", "pillow", "pandas", "grpcio", "pyyaml", "markupsafe", "mysqlclient", "psutil",
  "regex", "ujson", "orjson", "bcrypt", "greenlet", "gevent", "scipy", "uwsgi", "numpy", "cffi",
  "multidict", "yarl", "frozenlist", "msgpack", "zstandard", "pyzmq", "lz4", "coverage", "simplejson", "pydantic-core",
];
const SDIST_PRONE_TARGETS: [string, "amd64" | "arm64"][] = [
  ["python:3.12-alpine3.20", "arm64"],
  ["python:3.8-alpine3.12", "amd64"],
  ["python:3.14-slim-trixie", "amd64"],
  ["python:3.10-bullseye", "arm64"],
];
const PIP_PROCESSES = 3;

let index: { url: string; close(): Promise<void> };
beforeAll(async () => {
  index = await startSnapshotIndex();
});
afterAll(async () => {
  await index?.close();
});

function topPackages(): string[] {
  const shared = sharedDir();
  if (!shared) throw new Error("../shared is required for the snapshot suite");
  const top = JSON.parse(readFileSync(path.join(shared, "data/pypi/top-pypi-packages.json"), "utf8")) as { rows: { name: string }[] };
  return top.rows.map((r) => r.name);
}

function fileVersion(filename: string, project: string): string | null {
  return (parseWheelFilename(filename) ?? parseSdistFilename(filename, project))?.version ?? null;
}

function targetOf(reference: string, arch: "amd64" | "arm64"): Target {
  const resolved = resolveTarget(reference, arch);
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.target;
}

interface Pair {
  target: Target;
  /** Option lines of the requirements file Basewise read ("--only-binary=:all:", "--pre"…), also given to pip. */
  options: string[];
  requirement: string;
  basewise: TargetPackage;
}

type Verdict = "same file" | "nothing installable" | "unknown to both" | "differ";

/** Same inputs, so the same answer: no allowance for options one side did not see. */
function compare(pair: Pair, pip: PipAnswer): Verdict {
  const { basewise } = pair;
  if (pip.outcome === "file") return basewise.filename === pip.filename ? "same file" : "differ";
  if (pip.outcome === "no-match") {
    if (basewise.status === "none") return "nothing installable";
    // The snapshot lacks the project: its page answers 404, which pip reports as "from versions: none".
    if (basewise.status === "unknown" && basewise.code === "not-on-index") return "unknown to both";
  }
  return "differ";
}

async function disagreementsWithPip(pairs: readonly Pair[], label: string): Promise<string[]> {
  const answers = await pool(pairs, PIP_PROCESSES, (pair) =>
    pipChoice(index.url, pair.options, pair.requirement, { pythonVersion: pair.target.pythonVersion, platforms: pipPlatformArgs({ pythonVersion: pair.target.pythonVersion, implementation: "cp", libc: pair.target.libc, arch: pair.target.machine }) }),
  );
  const compared = pairs.map((pair, i) => ({ pair, pip: answers[i] as PipAnswer, verdict: compare(pair, answers[i] as PipAnswer) }));
  const disagreements = compared
    .filter(({ verdict }) => verdict === "differ")
    .map(({ pair, pip }) => `${pair.target.image.reference}/${pair.target.arch} ${[...pair.options, pair.requirement].join(" ")}: pip ${pip.outcome === "file" ? pip.filename : pip.outcome}${pip.outcome !== "file" ? ` ${pip.output.slice(-300)}` : ""}, Basewise ${pair.basewise.status} ${pair.basewise.filename ?? pair.basewise.reason}`);
  const verdicts = (verdict: Verdict) => compared.filter((c) => c.verdict === verdict).length;
  const status = (value: string) => pairs.filter((p) => p.basewise.status === value).length;
  console.log(
    `pip differential (${label}): ${pairs.length} (package, target) pairs: ${verdicts("same file")} same file as pip (${status("wheel")} wheels, ${status("sdist")} sdists), ${verdicts("nothing installable")} nothing installable for both, ${verdicts("unknown to both")} not in the index for both, ${verdicts("differ")} different`,
  );
  return disagreements;
}

/** Cases a test chose not to ask, each with why: printed, never silent. */
function reportExcluded(label: string, excluded: readonly { what: string; why: string }[]): void {
  console.log(`pip differential (${label}): ${excluded.length} left out${excluded.length ? ":" : ""}`);
  for (const { what, why } of excluded) console.log(`  ${what}: ${why}`);
}

async function pinnedVersions(client: ReturnType<typeof createIndexClient>, name: string): Promise<string[] | null> {
  const project = await client.getProject(name);
  if (!project.ok || project.page.files.length === 0) return null;
  return [...new Set(project.page.files.map((f) => fileVersion(f.filename, name)).filter((v): v is string => v !== null))]
    .filter((v) => !isPrerelease(v))
    .sort(compareVersions);
}

describe("Basewise's choice equals pip's", () => {
  it("on every (package, target) pair", async () => {
    const client = createIndexClient({ indexUrl: index.url, cacheDir: null, maxProjects: 1000, deadlineMs: null });
    // Projects the snapshot knows, with a pinned version per project: the third-newest release, so that
    // old and new wheels both get exercised.
    const names: string[] = [];
    const pins = new Map<string, string>();
    const excluded: { what: string; why: string }[] = [];
    for (const name of topPackages()) {
      if (names.length >= PACKAGES) break;
      const versions = await pinnedVersions(client, name);
      if (!versions || versions.length < 3) {
        excluded.push({ what: name, why: versions ? `${versions.length} final release(s) in the snapshot; the pin is the third-newest` : "not in the snapshot (asked in the --prefer-binary/--pre test instead)" });
        continue;
      }
      names.push(name);
      pins.set(name, versions.at(-3) as string);
    }
    expect(names.length).toBe(PACKAGES);
    reportExcluded("top projects", excluded);

    const pairs: Pair[] = [];
    for (const [targetNumber, [reference, arch]] of TARGETS.entries()) {
      const target = targetOf(reference, arch);
      for (const onlyBinary of [false, true]) {
        const options = onlyBinary ? ["--only-binary=:all:"] : [];
        const lines = names.map((n) => (onlyBinary ? `${n}==${pins.get(n)}` : n));
        const text = [...options, ...lines].join("\n");
        const result = await analyze({ requirements: text, bases: [reference], arch, noDeps: true }, { index: client, indexHost: "snapshot" });
        if (!result.ok) throw new Error(result.error);
        const packages = result.report.targets[0]?.packages ?? [];
        expect(packages).toHaveLength(names.length);
        // Packages come back in line order, one per line.
        packages.forEach((basewise, i) => {
          // Each (package, target) is asked once, alternating the two modes so each mode covers every
          // package and every target (pip takes ~1 s a call; both modes everywhere would double CI time).
          if ((i + targetNumber) % 2 !== Number(onlyBinary)) return;
          pairs.push({ target, options, requirement: lines[i] as string, basewise });
        });
      }
    }

    const disagreements = await disagreementsWithPip(pairs, "top projects");
    expect(disagreements).toEqual([]);
    // Each (package, target) once, in one of the two modes: every package and target in both modes overall.
    expect(pairs.length).toBe(names.length * TARGETS.length);
  }, 20 * 60_000);

  it("on native projects pinned to older releases, where images without a wheel compile", async () => {
    const client = createIndexClient({ indexUrl: index.url, cacheDir: null, maxProjects: 1000, deadlineMs: null });
    const pairs: Pair[] = [];
    const requirements: string[] = [];
    const excluded: { what: string; why: string }[] = [];
    for (const name of NATIVE_PROJECTS) {
      const versions = await pinnedVersions(client, name);
      // The 8th-newest release: old enough that new Pythons, musl and arm64 often lack its wheels.
      const pin = versions?.at(-8);
      if (pin) requirements.push(`${name}==${pin}`);
      else excluded.push({ what: name, why: versions ? `only ${versions.length} final release(s) in the snapshot; the pin is the 8th-newest` : "not in the snapshot" });
    }
    reportExcluded("older native releases", excluded);
    expect(requirements.length).toBeGreaterThanOrEqual(20);
    for (const [reference, arch] of SDIST_PRONE_TARGETS) {
      const target = targetOf(reference, arch);
      const result = await analyze({ requirements: requirements.join("\n"), bases: [reference], arch, noDeps: true }, { index: client, indexHost: "snapshot" });
      if (!result.ok) throw new Error(result.error);
      const packages = result.report.targets[0]?.packages ?? [];
      expect(packages).toHaveLength(requirements.length);
      packages.forEach((basewise, i) => pairs.push({ target, options: [], requirement: requirements[i] as string, basewise }));
    }
    const disagreements = await disagreementsWithPip(pairs, "older native releases");
    expect(disagreements).toEqual([]);
    expect(pairs.filter((p) => p.basewise.status === "sdist").length).toBeGreaterThanOrEqual(20);
  }, 10 * 60_000);

  it("with --prefer-binary and --pre in the file", async () => {
    const client = createIndexClient({ indexUrl: index.url, cacheDir: null, maxProjects: 1000, deadlineMs: null });
    const pairs: Pair[] = [];
    const cases = [
      // --prefer-binary: an older wheel beats a newer sdist where new releases lack wheels.
      { option: "--prefer-binary", names: NATIVE_PROJECTS, targets: [SDIST_PRONE_TARGETS[0], SDIST_PRONE_TARGETS[2]] },
      // --pre: pre-releases of every project count.
      { option: "--pre", names: topPackages().slice(0, 40), targets: [TARGETS[2]] },
    ] as const;
    for (const { option, names, targets } of cases) {
      for (const entry of targets) {
        const [reference, arch] = entry as [string, "amd64" | "arm64"];
        const target = targetOf(reference, arch);
        const result = await analyze({ requirements: [option, ...names].join("\n"), bases: [reference], arch, noDeps: true }, { index: client, indexHost: "snapshot" });
        if (!result.ok) throw new Error(result.error);
        const packages = result.report.targets[0]?.packages ?? [];
        // Every line, projects the snapshot lacks included (pip must find nothing for them either).
        expect(packages).toHaveLength(names.length);
        packages.forEach((basewise, i) => pairs.push({ target, options: [option], requirement: names[i] as string, basewise }));
      }
    }
    const disagreements = await disagreementsWithPip(pairs, "--prefer-binary and --pre");
    expect(disagreements).toEqual([]);
    expect(pairs.length).toBe(NATIVE_PROJECTS.length * 2 + 40);
  }, 10 * 60_000);
});
