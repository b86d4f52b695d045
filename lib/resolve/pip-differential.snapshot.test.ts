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

const TARGETS: [string, "amd64" | "arm64"][] = [
  ["python:3.10-bullseye", "amd64"],
  ["python:3.10-bullseye", "arm64"],
  ["python:3.12-slim-bookworm", "amd64"],
  ["python:3.13-slim-trixie", "arm64"],
  ["python:3.10-alpine3.17", "amd64"],
  ["python:3.12-alpine3.20", "arm64"],
  ["python:3.8-slim-bullseye", "amd64"],
  ["python:3.8-alpine3.12", "amd64"],
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
  requirement: string;
  basewise: TargetPackage;
  onlyBinary: boolean;
  /** pip options given as lines of the requirements file to Basewise and as flags to pip. */
  preferBinary?: boolean;
  pre?: boolean;
}

function agrees(pair: Pair, pip: PipAnswer): boolean {
  if (pip.outcome === "file") return pair.basewise.filename === pip.filename;
  if (pip.outcome === "no-match") return pair.onlyBinary ? pair.basewise.status === "sdist" || pair.basewise.status === "none" : pair.basewise.status === "none";
  return false;
}

async function disagreementsWithPip(pairs: readonly Pair[], label: string): Promise<string[]> {
  const answers = await pool(pairs, PIP_PROCESSES, (pair) =>
    pipChoice(index.url, pair.requirement, { pythonVersion: pair.target.pythonVersion, platforms: pipPlatformArgs({ pythonVersion: pair.target.pythonVersion, implementation: "cp", libc: pair.target.libc, arch: pair.target.machine }) }, { onlyBinary: pair.onlyBinary, preferBinary: pair.preferBinary, pre: pair.pre }),
  );
  const disagreements = pairs
    .map((pair, i) => ({ pair, pip: answers[i] as PipAnswer }))
    .filter(({ pair, pip }) => !agrees(pair, pip))
    .map(({ pair, pip }) => `${pair.target.image.reference}/${pair.target.arch} ${pair.requirement}${pair.onlyBinary ? " (only-binary)" : ""}${pair.preferBinary ? " (prefer-binary)" : ""}${pair.pre ? " (pre)" : ""}: pip ${pip.outcome === "file" ? pip.filename : pip.outcome}${pip.outcome === "error" ? pip.output.slice(-300) : ""}, Basewise ${pair.basewise.status} ${pair.basewise.filename ?? ""}`);
  const count = (status: string) => pairs.filter((p) => p.basewise.status === status).length;
  console.log(`pip differential (${label}): ${pairs.length} (package, target) pairs, ${pairs.length - disagreements.length} agree with pip (${count("wheel")} wheels, ${count("sdist")} sdists, ${count("none")} nothing installable)`);
  return disagreements;
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
    for (const name of topPackages()) {
      if (names.length >= PACKAGES) break;
      const versions = await pinnedVersions(client, name);
      if (!versions || versions.length < 3) continue;
      names.push(name);
      pins.set(name, versions.at(-3) as string);
    }
    expect(names.length).toBe(PACKAGES);

    const pairs: Pair[] = [];
    for (const [targetNumber, [reference, arch]] of TARGETS.entries()) {
      const target = targetOf(reference, arch);
      for (const onlyBinary of [false, true]) {
        const text = names.map((n) => (onlyBinary ? `${n}==${pins.get(n)}` : n)).join("\n");
        const result = await analyze({ requirements: text, bases: [reference], arch, noDeps: true }, { index: client, indexHost: "snapshot" });
        if (!result.ok) throw new Error(result.error);
        const packages = result.report.targets[0]?.packages ?? [];
        expect(packages).toHaveLength(names.length);
        // Packages come back in line order, one per line.
        packages.forEach((basewise, i) => {
          // Each (package, target) is asked once, alternating the two modes so each mode covers every
          // package and every target (pip takes ~1 s a call; both modes everywhere would double CI time).
          if ((i + targetNumber) % 2 !== Number(onlyBinary)) return;
          const name = names[i] as string;
          pairs.push({ target, requirement: onlyBinary ? `${name}==${pins.get(name)}` : name, basewise, onlyBinary });
        });
      }
    }

    const disagreements = await disagreementsWithPip(pairs, "top projects");
    expect(disagreements).toEqual([]);
    expect(pairs.length).toBeGreaterThanOrEqual(300);
  }, 20 * 60_000);

  it("on native projects pinned to older releases, where images without a wheel compile", async () => {
    const client = createIndexClient({ indexUrl: index.url, cacheDir: null, maxProjects: 1000, deadlineMs: null });
    const pairs: Pair[] = [];
    const requirements: string[] = [];
    for (const name of NATIVE_PROJECTS) {
      const versions = await pinnedVersions(client, name);
      // The 8th-newest release: old enough that new Pythons, musl and arm64 often lack its wheels.
      const pin = versions?.at(-8);
      if (pin) requirements.push(`${name}==${pin}`);
    }
    expect(requirements.length).toBeGreaterThanOrEqual(20);
    for (const [reference, arch] of SDIST_PRONE_TARGETS) {
      const target = targetOf(reference, arch);
      const result = await analyze({ requirements: requirements.join("\n"), bases: [reference], arch, noDeps: true }, { index: client, indexHost: "snapshot" });
      if (!result.ok) throw new Error(result.error);
      const packages = result.report.targets[0]?.packages ?? [];
      expect(packages).toHaveLength(requirements.length);
      packages.forEach((basewise, i) => pairs.push({ target, requirement: requirements[i] as string, basewise, onlyBinary: false }));
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
        for (const basewise of result.report.targets[0]?.packages ?? []) {
          if (basewise.status === "unknown") continue; // not in the snapshot
          pairs.push({ target, requirement: basewise.name, basewise, onlyBinary: false, preferBinary: option === "--prefer-binary", pre: option === "--pre" });
        }
      }
    }
    const disagreements = await disagreementsWithPip(pairs, "--prefer-binary and --pre");
    expect(disagreements).toEqual([]);
    expect(pairs.length).toBeGreaterThanOrEqual(80);
  }, 10 * 60_000);
});
