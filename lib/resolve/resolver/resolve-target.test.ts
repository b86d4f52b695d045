import { describe, expect, it } from "vitest";
import type { IndexFile, ProjectResult } from "@/lib/index";
import { parseRequirementsFile } from "@/lib/requirements-file";
import { targetTags, tagToString, type TagTarget } from "@/lib/tags";
import type { Dependencies, ResolverSources } from "./pip-provider";
import { resolveTarget, type TargetResolution } from "./resolve-target";
import { WorkBudget } from "./resolvelib";

// The resolver on small synthetic indexes. Each project is a list of releases; every release has one
// py3-none-any wheel whose core metadata is given here.

interface Release {
  version: string;
  requires?: string[];
  requiresPython?: string;
  extras?: string[];
  yanked?: boolean;
  /** false: the index has no metadata for this file. */
  metadata?: boolean;
}

type Index = Record<string, Release[]>;

const PY312: TagTarget = { pythonVersion: "3.12.4", implementation: "cp", libc: { family: "glibc", version: "2.36" }, arch: "x86_64" };
const ENV_312 = {
  python_version: "3.12", python_full_version: "3.12.4", implementation_name: "cpython", implementation_version: "3.12.4",
  platform_python_implementation: "CPython", sys_platform: "linux", platform_system: "Linux", platform_machine: "x86_64",
  platform_release: "", platform_version: "", os_name: "posix",
};

function sourcesFor(index: Index): ResolverSources & { fetched: string[] } {
  const fetched: string[] = [];
  const pages = new Map<string, ProjectResult>();
  const metadata = new Map<string, Dependencies>();
  for (const [name, releases] of Object.entries(index)) {
    const files: IndexFile[] = releases.map((r) => {
      const filename = `${name.replace(/-/g, "_")}-${r.version}-py3-none-any.whl`;
      metadata.set(filename, r.metadata === false ? { ok: false, message: `the index has no metadata for ${filename}` } : { ok: true, requiresDist: r.requires ?? [], requiresPython: r.requiresPython ?? null, providesExtra: r.extras ?? [] });
      return { filename, url: `https://files.example/${filename}`, hashes: {}, requiresPython: null, yanked: r.yanked ? "bad release" : false, size: 1000, uploadTime: null, coreMetadata: true };
    });
    pages.set(name, { ok: true, page: { name, files, versions: null, apiVersion: "1.0", fetchedFrom: "network" } });
  }
  return {
    fetched,
    project: (name) => pages.get(name) ?? (fetched.includes(name) ? { ok: false, reason: "not-found", message: `the index has no project named ${name}` } : undefined),
    prefetch: async (names) => {
      fetched.push(...names);
    },
    dependencies: async (_project, file) => metadata.get(file.filename) ?? { ok: false, message: "no metadata" },
  };
}

async function resolveText(
  index: Index,
  requirements: string,
  target = PY312,
  env = ENV_312,
  bounds: { signal?: AbortSignal; budget?: WorkBudget } = {},
  sources: ResolverSources = sourcesFor(index),
): Promise<TargetResolution> {
  const parsed = parseRequirementsFile(requirements);
  if (!parsed.ok) throw new Error(parsed.error);
  const priority = new Map(targetTags(target).map((tag, i) => [tagToString(tag), i] as const));
  return resolveTarget(parsed.file.requirements, sources, {
    tags: { priority, pythonFullVersion: target.pythonVersion },
    tagTarget: target,
    environment: env,
    policy: () => ({ formats: ["binary", "source"], preferBinary: false, pre: false }),
    ...bounds,
  });
}

/**
 * A chain p0 → p1 → … → p{n-1}, each with `versions` releases; the last needs a "wall" that exists
 * in no version, so the resolver backtracks through versions² combinations before it gives up.
 */
function backtrackingIndex(chain: number, versions: number): Index {
  const index: Index = { wall: [{ version: "1.0" }] };
  for (let i = 0; i < chain; i++) {
    const next = i === chain - 1 ? "wall>=2" : `p${i + 1}`;
    index[`p${i}`] = Array.from({ length: versions }, (_, v) => ({ version: `${v + 1}.0`, requires: [next] }));
  }
  return index;
}

function installed(result: TargetResolution): Record<string, string | null> {
  if (!result.ok) throw new Error(result.explanation);
  return Object.fromEntries(result.packages.map((p) => [p.project, p.version]));
}

describe("resolveTarget", () => {
  it("follows dependencies transitively and keeps who required each", async () => {
    const result = await resolveText({ a: [{ version: "2.0", requires: ["b>=1"] }], b: [{ version: "1.0" }, { version: "2.0", requires: ["c"] }], c: [{ version: "0.1" }] }, "a\n");
    expect(installed(result)).toEqual({ a: "2.0", b: "2.0", c: "0.1" });
    expect(result.ok && result.packages.find((p) => p.project === "c")?.requiredBy).toEqual([{ project: "b", version: "2.0", requirement: "c" }]);
    expect(result.ok && result.packages.find((p) => p.project === "a")?.requiredBy).toEqual([{ project: null, version: null, requirement: "a" }]);
  });

  it("backtracks: the newest a needs c<2, b needs c>=2, so an older a is taken", async () => {
    const index: Index = {
      a: [{ version: "1.0", requires: ["c"] }, { version: "2.0", requires: ["c<2"] }],
      b: [{ version: "1.0", requires: ["c>=2"] }],
      c: [{ version: "1.0" }, { version: "2.0" }],
    };
    expect(installed(await resolveText(index, "a\nb\n"))).toEqual({ a: "1.0", b: "1.0", c: "2.0" });
  });

  it("follows extras, and only the extras asked for", async () => {
    const index: Index = {
      requests: [{ version: "2.31.0", requires: ["idna", 'pysocks>=1.5.6; extra == "socks"'], extras: ["socks"] }],
      idna: [{ version: "3.6" }],
      pysocks: [{ version: "1.7.1" }],
    };
    expect(installed(await resolveText(index, "requests\n"))).toEqual({ requests: "2.31.0", idna: "3.6" });
    expect(installed(await resolveText(index, "requests[socks]\n"))).toEqual({ requests: "2.31.0", idna: "3.6", pysocks: "1.7.1" });
  });

  it("evaluates dependency markers for the image, not the machine running Basewise", async () => {
    const index: Index = { app: [{ version: "1.0", requires: ['tomli; python_version < "3.11"', 'uvloop; sys_platform != "win32"'] }], tomli: [{ version: "2.0.1" }], uvloop: [{ version: "0.19.0" }] };
    expect(installed(await resolveText(index, "app\n"))).toEqual({ app: "1.0", uvloop: "0.19.0" });
    const py310 = { ...ENV_312, python_version: "3.10", python_full_version: "3.10.13" };
    expect(installed(await resolveText(index, "app\n", { ...PY312, pythonVersion: "3.10.13" }, py310))).toEqual({ app: "1.0", tomli: "2.0.1", uvloop: "0.19.0" });
  });

  it("resolves a dependency cycle", async () => {
    expect(installed(await resolveText({ a: [{ version: "1.0", requires: ["b"] }], b: [{ version: "1.0", requires: ["a"] }] }, "a\n"))).toEqual({ a: "1.0", b: "1.0" });
  });

  it("explains an impossible set in terms of who asked for what", async () => {
    const result = await resolveText({ pandas: [{ version: "1.5.2", requires: ["numpy>=1.21.0"] }], numpy: [{ version: "1.20.0" }, { version: "1.21.0" }] }, "numpy==1.20.0\npandas==1.5.2\n");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.explanation).toMatch(/numpy: .*your requirements ask for numpy==1\.20\.0.*pandas 1\.5\.2 requires numpy>=1\.21\.0/);
    expect(!result.ok && result.explanation).toContain("works on this image (Python 3.12.4)");
  });

  it("uses a yanked release only for an exact pin", async () => {
    const index: Index = { a: [{ version: "1.0" }, { version: "1.1", yanked: true }] };
    expect(installed(await resolveText(index, "a\n"))).toEqual({ a: "1.0" });
    expect(installed(await resolveText(index, "a==1.1\n"))).toEqual({ a: "1.1" });
  });

  it("skips a release whose metadata Requires-Python excludes the image", async () => {
    const index: Index = { a: [{ version: "2.0", requires: ["b"] }], b: [{ version: "1.0" }, { version: "2.0", requiresPython: ">=3.13" }] };
    expect(installed(await resolveText(index, "a\n"))).toEqual({ a: "2.0", b: "1.0" });
  });

  it("a project the index lacks is reported, and the rest resolves", async () => {
    const result = await resolveText({ a: [{ version: "1.0", requires: ["ghost", "b"] }], b: [{ version: "1.0" }] }, "a\n");
    expect(installed(result)).toEqual({ a: "1.0", ghost: null, b: "1.0" });
    expect(result.ok && result.packages.find((p) => p.project === "ghost")?.unknown).toContain("no project named ghost");
  });

  it("says when a package's dependencies could not be read", async () => {
    const result = await resolveText({ a: [{ version: "1.0", metadata: false }] }, "a\n");
    expect(result.ok && result.packages[0]?.dependenciesUnknown).toContain("no metadata");
  });

  // Where the order of pins decides the answer. Expected values are what pip 23.2 downloads from the
  // same releases served as a local simple index with PEP 658 metadata.
  it("pins user requirements in file order: the first one written keeps its newest version", async () => {
    const index: Index = {
      a: [{ version: "1.0", requires: ["c"] }, { version: "2.0", requires: ["c<2"] }],
      b: [{ version: "1.0", requires: ["c"] }, { version: "2.0", requires: ["c>=2"] }],
      c: [{ version: "1.0" }, { version: "2.0" }],
    };
    expect(installed(await resolveText(index, "a\nb\n"))).toEqual({ a: "2.0", b: "1.0", c: "1.0" });
    expect(installed(await resolveText(index, "b\na\n"))).toEqual({ b: "2.0", a: "1.0", c: "2.0" });
  });

  it("prefers requirements the user wrote over inferred ones, then shallower ones, then names", async () => {
    const index: Index = {
      top: [{ version: "1.0", requires: ["x", "y"] }],
      x: [{ version: "1.0", requires: ["z"] }, { version: "2.0", requires: ["z<2"] }],
      y: [{ version: "1.0", requires: ["z"] }, { version: "2.0", requires: ["z>=2"] }],
      z: [{ version: "1.0" }, { version: "2.0" }],
    };
    expect(installed(await resolveText(index, "top\n"))).toEqual({ top: "1.0", x: "2.0", y: "1.0", z: "1.0" });
    expect(installed(await resolveText(index, "top\ny>=1\n"))).toMatchObject({ top: "1.0", x: "1.0", y: "2.0", z: "2.0" });
  });

  it("keeps every version ruled out while backjumping, instead of trying them again", async () => {
    const index: Index = {
      a: [{ version: "1.0" }, { version: "2.0", requires: ["m"] }, { version: "3.0", requires: ["m"] }],
      z: [{ version: "1.0" }],
      m: [{ version: "1.0", requires: ["n>=5"] }],
      n: [{ version: "1.0" }],
    };
    expect(installed(await resolveText(index, "a\nz\n"))).toEqual({ a: "1.0", z: "1.0" });
  });

  it("leaves out a pin whose only requirer was re-pinned (resolvelib's route to the root; checked with pip 23.2)", async () => {
    // a 2.0 brings x; b then forces a<2, a is re-pinned to 1.0, and x (already asked for) is pinned
    // but no longer wanted by anyone installed: pip installs a 1.0 and b 1.0 only.
    const index: Index = { a: [{ version: "1.0" }, { version: "2.0", requires: ["x"] }], b: [{ version: "1.0", requires: ["a<2"] }], x: [{ version: "1.0" }] };
    expect(installed(await resolveText(index, "a\nb\n"))).toEqual({ a: "1.0", b: "1.0" });
  });

  it("merges the specifiers of every requirer", async () => {
    const index: Index = { a: [{ version: "1.0", requires: ["c<3"] }], b: [{ version: "1.0", requires: ["c>1"] }], c: [{ version: "1.0" }, { version: "2.0" }, { version: "3.0" }] };
    expect(installed(await resolveText(index, "a\nb\n"))).toEqual({ a: "1.0", b: "1.0", c: "2.0" });
  });

  describe("bounded work", () => {
    const independent: Index = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`q${i}`, [{ version: "1.0" }]]));
    const thirty = Object.keys(independent).join("\n");

    it("stops when the work budget runs out and names the packages it had not reached", async () => {
      const budget = new WorkBudget(20);
      const result = await resolveText(independent, thirty, PY312, ENV_312, { budget });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe("work-budget");
      // 30 user requirements cost 30 units before the first round; each round pins one of them.
      expect(result.unreached).toEqual(Object.keys(independent));
      expect(result.explanation).toMatch(/work budget.*not reached: q0, q1, q2, q3, q4, q5, q6, q7 and 22 more/);
    });

    it("a budget the work fits in changes nothing", async () => {
      const budget = new WorkBudget(1_000);
      expect(installed(await resolveText(independent, thirty, PY312, ENV_312, { budget }))).toEqual(Object.fromEntries(Object.keys(independent).map((k) => [k, "1.0"])));
      expect(budget.spent).toBeGreaterThan(30);
      expect(budget.exhausted).toBe(false);
    });

    it("stops a long backtrack on its budget promptly", async () => {
      const budget = new WorkBudget(5_000);
      const started = performance.now();
      const result = await resolveText(backtrackingIndex(3, 60), "p0\n", PY312, ENV_312, { budget });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(result).toMatchObject({ ok: false, code: "work-budget" });
      expect(!result.ok && result.unreached.length).toBeGreaterThan(0);
    });

    it("stops when the deadline's signal aborts, with the packages not reached", async () => {
      const controller = new AbortController();
      const result = resolveText(backtrackingIndex(3, 60), "p0\n", PY312, ENV_312, { signal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      const started = performance.now();
      const settled = await result;
      // The resolver yields to the event loop every ~10 ms, so the abort is seen within a round or two.
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(settled).toMatchObject({ ok: false, code: "deadline" });
      expect(!settled.ok && settled.unreached.length).toBeGreaterThan(0);
    });

    it("does not wait for an index request that outlasts the deadline", async () => {
      const index: Index = { a: [{ version: "1.0", requires: ["b"] }], b: [{ version: "1.0" }] };
      const hanging = sourcesFor(index);
      const never: ResolverSources = { ...hanging, dependencies: () => new Promise(() => {}) };
      const signal = AbortSignal.timeout(50);
      const result = await resolveText(index, "a\n", PY312, ENV_312, { signal }, never);
      expect(result).toMatchObject({ ok: false, code: "deadline", unreached: ["a"] });
    });

    it("an already aborted signal stops before the first round", async () => {
      const result = await resolveText(independent, "q0\nq1\n", PY312, ENV_312, { signal: AbortSignal.abort() });
      expect(result).toMatchObject({ ok: false, code: "deadline", unreached: ["q0", "q1"] });
    });
  });
});
