import { describe, expect, it } from "vitest";
import type { IndexFile, ProjectResult } from "@/lib/index";
import { parseSpecifierSet, type SpecifierSet } from "@/lib/pep440";
import { rankedTags, targetTags, tagToString, type TagTarget } from "@/lib/tags";
import type { ChoicePolicy } from "./choose";
import { verdictFor, type PackageVerdict } from "./verdict";

// pip's choice for one requirement on one image, rule by rule, on small hand-written projects.
// Each expectation is what pip 23.x–25.x does with the same files (package_finder.py + resolvelib factory).

const GLIBC_312: TagTarget = { pythonVersion: "3.12.4", implementation: "cp", libc: { family: "glibc", version: "2.36" }, arch: "x86_64" };
const MUSL_312: TagTarget = { pythonVersion: "3.12.4", implementation: "cp", libc: { family: "musl", version: "1.2" }, arch: "x86_64" };
const GLIBC_312_ARM: TagTarget = { ...GLIBC_312, arch: "aarch64" };
const OLD_GLIBC_312: TagTarget = { ...GLIBC_312, libc: { family: "glibc", version: "2.24" } };

const DEFAULT_POLICY: ChoicePolicy = { formats: ["binary", "source"], preferBinary: false, pre: false };

interface FileSpec {
  yanked?: string | false;
  requiresPython?: string;
}

function files(specs: Record<string, FileSpec>): IndexFile[] {
  return Object.entries(specs).map(([filename, spec]) => ({
    filename,
    url: `https://files.example/${filename}`,
    hashes: {},
    requiresPython: spec.requiresPython ?? null,
    yanked: spec.yanked ?? false,
    size: 1000,
    uploadTime: null,
    coreMetadata: false,
  }));
}

function spec(text: string): SpecifierSet {
  const parsed = parseSpecifierSet(text);
  if (!parsed.ok) throw new Error(`bad specifier ${text}`);
  return parsed.value;
}

function verdict(projectFiles: IndexFile[], specifier = "", target = GLIBC_312, policy: Partial<ChoicePolicy> = {}, name = "demo"): PackageVerdict {
  const priority = new Map(targetTags(target).map((tag, i) => [tagToString(tag), i] as const));
  const project: ProjectResult = { ok: true, page: { name, files: projectFiles, versions: null, apiVersion: "1.0", fetchedFrom: "network" } };
  return verdictFor(name, spec(specifier), project, {
    tags: { priority, pythonFullVersion: target.pythonVersion },
    tagTarget: target,
    policy: { ...DEFAULT_POLICY, ...policy },
  });
}

const MANYLINUX = "manylinux_2_17_x86_64.manylinux2014_x86_64";

/** A tag's place in the target's ordered list (pip's support_index_min). */
function priorityOf(tag: string, target = GLIBC_312): number {
  return targetTags(target).findIndex((t) => tagToString(t) === tag);
}

describe("the newest version wins, even when it means compiling", () => {
  const project = files({
    "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl": {},
    "demo-1.0.tar.gz": {},
    "demo-1.1.tar.gz": {},
  });

  it("takes 1.1's sdist over 1.0's wheel", () => {
    expect(verdict(project)).toMatchObject({ status: "sdist", version: "1.1", filename: "demo-1.1.tar.gz", compiles: true });
  });

  it("names 1.0 as the version that would install from a wheel, inside the specifier", () => {
    expect(verdict(project).alternative).toEqual({
      version: "1.0", filename: "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", tag: "cp312-cp312-manylinux_2_17_x86_64", satisfiesSpecifier: true,
      matchedTag: { interpreter: "cp312", abi: "cp312", platform: "manylinux_2_17_x86_64", text: "cp312-cp312-manylinux_2_17_x86_64", priority: priorityOf("cp312-cp312-manylinux_2_17_x86_64") },
    });
    expect(verdict(project).reason).toContain("1.0 would install from a wheel");
  });

  it("--prefer-binary takes 1.0's wheel", () => {
    expect(verdict(project, "", GLIBC_312, { preferBinary: true })).toMatchObject({ status: "wheel", version: "1.0", compiles: false });
  });

  it("a specifier that excludes 1.1 takes the wheel", () => {
    expect(verdict(project, "<1.1")).toMatchObject({ status: "wheel", version: "1.0" });
  });
});

describe("within a version: the best-priority tag, then the sdist", () => {
  it("prefers cp312 over abi3 over py3-none-any, and a newer manylinux over an older one", () => {
    const project = files({
      "demo-2.0-py3-none-any.whl": {},
      "demo-2.0-cp38-abi3-manylinux_2_17_x86_64.whl": {},
      "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl": {},
      "demo-2.0-cp312-cp312-manylinux_2_28_x86_64.whl": {},
      "demo-2.0.tar.gz": {},
    });
    expect(verdict(project)).toMatchObject({ status: "wheel", tag: "cp312-cp312-manylinux_2_28_x86_64" });
    // glibc 2.24 cannot take the 2_28 wheel.
    expect(verdict(project, "", OLD_GLIBC_312)).toMatchObject({ status: "wheel", tag: "cp312-cp312-manylinux_2_17_x86_64" });
    expect(verdict(project, "", MUSL_312)).toMatchObject({ status: "wheel", tag: "py3-none-any" });
  });

  it("between two wheels with the same tag, the one with the higher build tag", () => {
    const project = files({
      "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl": {},
      "demo-2.0-2-cp312-cp312-manylinux_2_17_x86_64.whl": {},
      "demo-2.0-10-cp312-cp312-manylinux_2_17_x86_64.whl": {},
    });
    expect(verdict(project).filename).toBe("demo-2.0-10-cp312-cp312-manylinux_2_17_x86_64.whl");
  });

  it("between equally good files, the one the index lists last (checked against pip 23.2)", () => {
    const a = "demo-1.0-py2.py3-none-any.whl";
    const b = "demo-1.0-py3-none-any.whl";
    expect(verdict(files({ [a]: {}, [b]: {} })).filename).toBe(b);
    expect(verdict(files({ [b]: {}, [a]: {} })).filename).toBe(a);
    // Also when the two spell the version differently.
    expect(verdict(files({ "demo-1.0.tar.gz": {}, "demo-1.0.0.tar.gz": {} })).filename).toBe("demo-1.0.0.tar.gz");
    expect(verdict(files({ "demo-1.0.0.tar.gz": {}, "demo-1.0.tar.gz": {} })).filename).toBe("demo-1.0.tar.gz");
  });

  it("expands compressed tag sets", () => {
    const project = files({ "demo-2.0-cp311.cp312-cp311.cp312-musllinux_1_1_x86_64.manylinux_2_17_x86_64.whl": {} });
    expect(verdict(project)).toMatchObject({ status: "wheel", tag: "cp312-cp312-manylinux_2_17_x86_64" });
    expect(verdict(project, "", MUSL_312)).toMatchObject({ status: "wheel", tag: "cp312-cp312-musllinux_1_1_x86_64" });
  });
});

describe("the verdict carries pip's file and the matched tag as values", () => {
  const project = files({
    "demo-2.0-py3-none-any.whl": {},
    "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl": {},
    "demo-2.0.tar.gz": {},
    "demo-2.1.tar.gz": {},
  });

  it("a wheel: the target's own tag, with its priority, printed as `tag`; the file as the index lists it", () => {
    const v = verdict(project, "<2.1");
    expect(v.matchedTag).toEqual({ interpreter: "cp312", abi: "cp312", platform: "manylinux_2_17_x86_64", text: v.tag, priority: priorityOf("cp312-cp312-manylinux_2_17_x86_64") });
    expect(v.file).toBe(project[1]);
    // The very value the target's ranked tags hold, not a copy parsed from the text.
    expect(v.matchedTag).toBe(rankedTags(GLIBC_312).ordered[priorityOf("cp312-cp312-manylinux_2_17_x86_64")]);
    expect(verdict(project, "<2.1", MUSL_312).matchedTag).toMatchObject({ interpreter: "py3", abi: "none", platform: "any", priority: priorityOf("py3-none-any", MUSL_312) });
  });

  it("an sdist: the file and no tag; its nearest wheel carries its tag as a value too", () => {
    const v = verdict(project);
    expect(v).toMatchObject({ status: "sdist", tag: null, matchedTag: null });
    expect(v.file).toBe(project[3]);
    expect(v.alternative?.matchedTag).toMatchObject({ text: "cp312-cp312-manylinux_2_17_x86_64", priority: priorityOf("cp312-cp312-manylinux_2_17_x86_64") });
  });

  it("nothing installable or unknown: neither", () => {
    expect(verdict(project, ">3")).toMatchObject({ status: "none", file: null, matchedTag: null });
    const failed: ProjectResult = { ok: false, reason: "timeout", message: "timed out" };
    expect(verdictFor("demo", spec(""), failed, { tags: { priority: new Map(), pythonFullVersion: "3.12.4" }, tagTarget: GLIBC_312, policy: DEFAULT_POLICY })).toMatchObject({ file: null, matchedTag: null });
  });

  it("refuses tags and a tagTarget that describe different interpreters", () => {
    const priority = new Map(targetTags(GLIBC_312).map((tag, i) => [tagToString(tag), i] as const));
    const page: ProjectResult = { ok: true, page: { name: "demo", files: project, versions: null, apiVersion: "1.0", fetchedFrom: "network" } };
    expect(() => verdictFor("demo", spec("<2.1"), page, { tags: { priority, pythonFullVersion: "3.12.4" }, tagTarget: MUSL_312, policy: DEFAULT_POLICY })).toThrow(/different interpreters/);
  });
});

describe("pre-releases", () => {
  const project = files({ "demo-1.0.tar.gz": {}, "demo-2.0rc1-py3-none-any.whl": {} });

  it("are skipped by default", () => {
    expect(verdict(project)).toMatchObject({ version: "1.0" });
  });
  it("are taken with --pre", () => {
    expect(verdict(project, "", GLIBC_312, { pre: true })).toMatchObject({ version: "2.0rc1", status: "wheel" });
  });
  it("are taken when a specifier names one", () => {
    expect(verdict(project, ">=2.0rc1")).toMatchObject({ version: "2.0rc1" });
  });
  it("are taken when nothing else matches", () => {
    expect(verdict(project, ">1.0")).toMatchObject({ version: "2.0rc1" });
  });
});

describe("yanked files (PEP 592 as pip applies it)", () => {
  const project = files({
    "demo-1.0-py3-none-any.whl": {},
    "demo-1.1-py3-none-any.whl": { yanked: "broken metadata" },
  });

  it("are skipped when anything else matches", () => {
    expect(verdict(project)).toMatchObject({ version: "1.0" });
    expect(verdict(project, ">=1.0")).toMatchObject({ version: "1.0" });
  });
  it("are used for an exact == pin when every match is yanked", () => {
    expect(verdict(project, "==1.1")).toMatchObject({ version: "1.1", status: "wheel" });
    expect(verdict(project, "===1.1")).toMatchObject({ version: "1.1" });
  });
  it("are not used for a wildcard or range that only yanked files match", () => {
    expect(verdict(project, "==1.1.*")).toMatchObject({ status: "none" });
    expect(verdict(project, ">1.0")).toMatchObject({ status: "none" });
    expect(verdict(project, ">1.0").reason).toContain("yanked");
  });
  it("an empty yank reason still means yanked", () => {
    expect(verdict(files({ "demo-1.0.tar.gz": {}, "demo-1.1.tar.gz": { yanked: "" } }))).toMatchObject({ version: "1.0" });
  });
});

describe("Requires-Python", () => {
  it("drops files whose Requires-Python excludes the image's Python, per file", () => {
    const project = files({
      "demo-1.0-py3-none-any.whl": {},
      "demo-2.0-py3-none-any.whl": { requiresPython: ">=3.13" },
      "demo-2.0.tar.gz": { requiresPython: ">=3.13" },
    });
    expect(verdict(project)).toMatchObject({ version: "1.0", status: "wheel" });
  });
  it("compares the full version: 3.12.4 is not >=3.12.5", () => {
    const project = files({ "demo-1.0-py3-none-any.whl": {}, "demo-2.0-py3-none-any.whl": { requiresPython: ">=3.12.5" } });
    expect(verdict(project)).toMatchObject({ version: "1.0" });
  });
  it("ignores a Requires-Python it cannot parse, as pip does", () => {
    expect(verdict(files({ "demo-2.0-py3-none-any.whl": { requiresPython: ">=3.6.*" } }))).toMatchObject({ version: "2.0" });
  });
  it("when every file is excluded, says so", () => {
    const v = verdict(files({ "demo-2.0.tar.gz": { requiresPython: "<3.8" } }));
    expect(v.status).toBe("none");
    expect(v.reason).toContain("Requires-Python");
    expect(v.reason).toContain("3.12.4");
  });
});

describe("--only-binary and --no-binary", () => {
  const project = files({ "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl": {}, "demo-1.1.tar.gz": {} });

  it("--only-binary takes the newest wheel", () => {
    expect(verdict(project, "", GLIBC_312, { formats: ["binary"] })).toMatchObject({ status: "wheel", version: "1.0" });
  });
  it("--only-binary with no compatible wheel: nothing installable", () => {
    const v = verdict(project, "", MUSL_312, { formats: ["binary"] });
    expect(v.status).toBe("none");
    expect(v.reason).toContain("--only-binary");
  });
  it("--no-binary builds from source even where a wheel fits", () => {
    const v = verdict(project, "==1.0", GLIBC_312, { formats: ["source"] });
    expect(v.status).toBe("none");
    const withSource = verdict(files({ "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl": {}, "demo-1.0.tar.gz": {} }), "", GLIBC_312, { formats: ["source"] });
    expect(withSource).toMatchObject({ status: "sdist", compiles: true });
    expect(withSource.miss?.kind).toBe("binary-not-allowed");
  });
});

describe("closest miss for an sdist, ordered from farthest to closest", () => {
  it.each([
    ["no wheels at all", { "demo-1.0.tar.gz": {} }, GLIBC_312, "no-wheels"],
    ["wheels only for another Python", { "demo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl": {}, "demo-1.0.tar.gz": {} }, GLIBC_312, "python"],
    ["manylinux only, musl image", { [`demo-1.0-cp312-cp312-${MANYLINUX}.whl`]: {}, "demo-1.0.tar.gz": {} }, MUSL_312, "platform-family"],
    ["glibc too old", { "demo-1.0-cp312-cp312-manylinux_2_28_x86_64.whl": {}, "demo-1.0.tar.gz": {} }, OLD_GLIBC_312, "libc-too-old"],
    ["x86_64 only, arm64 image", { [`demo-1.0-cp312-cp312-${MANYLINUX}.whl`]: {}, "demo-1.0.tar.gz": {} }, GLIBC_312_ARM, "arch"],
    // The closest of several misses wins: an arm64 image, wheels for another Python and for x86_64.
    ["the closest of several", { "demo-1.0-cp311-cp311-manylinux_2_17_aarch64.whl": {}, [`demo-1.0-cp312-cp312-${MANYLINUX}.whl`]: {}, "demo-1.0.tar.gz": {} }, GLIBC_312_ARM, "arch"],
  ] as const)("%s", (_, specs, target, kind) => {
    const v = verdict(files(specs), "", target);
    expect(v.status).toBe("sdist");
    expect(v.miss?.kind).toBe(kind);
    expect(v.reason).toContain(v.miss?.detail);
  });
});

describe("the nearest version with a wheel", () => {
  it("outside the specifier: the next newer release, else the previous one", () => {
    const project = files({
      "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl": {},
      "demo-1.5.tar.gz": {},
      "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl": {},
      "demo-3.0-cp312-cp312-manylinux_2_17_x86_64.whl": {},
    });
    expect(verdict(project, "==1.5").alternative).toMatchObject({ version: "2.0", satisfiesSpecifier: false });
    const older = files({ "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl": {}, "demo-1.5.tar.gz": {} });
    expect(verdict(older, "==1.5").alternative).toMatchObject({ version: "1.0", satisfiesSpecifier: false });
  });
  it("none when no version has a wheel for this image", () => {
    expect(verdict(files({ "demo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl": {}, "demo-1.0.tar.gz": {} })).alternative).toBeNull();
  });
});

describe("what the index could not tell", () => {
  it("a project the index does not have is unknown, with the reason", () => {
    const project: ProjectResult = { ok: false, reason: "not-found", message: "the index has no project named demo" };
    const v = verdictFor("demo", spec(""), project, { tags: { priority: new Map(), pythonFullVersion: "3.12.4" }, tagTarget: GLIBC_312, policy: DEFAULT_POLICY });
    expect(v).toMatchObject({ status: "unknown", compiles: false, filename: null });
    expect(v.reason).toContain("no project named demo");
  });
  it("a project with no files has nothing installable", () => {
    expect(verdict([]).reason).toContain("lists no files");
  });
  it("files of other projects and non-PEP 440 versions are ignored", () => {
    const project = files({ "demo_extra-9.0-py3-none-any.whl": {}, "demo-latest.tar.gz": {}, "demo-1.0.tar.gz": {} });
    expect(verdict(project)).toMatchObject({ version: "1.0" });
  });
});

describe("codes: what a none or unknown verdict means, for layers that must not read the words", () => {
  const wheelOnly = files({ [`demo-1.0-cp311-cp311-${MANYLINUX}.whl`]: {} });
  it("a wheel or a build has no code", () => {
    expect(verdict(files({ [`demo-1.0-cp312-cp312-${MANYLINUX}.whl`]: {} })).code).toBeNull();
    expect(verdict(files({ "demo-1.0.tar.gz": {} })).code).toBeNull();
  });
  it("no-compatible-wheel: only wheels for another Python", () => {
    expect(verdict(wheelOnly)).toMatchObject({ status: "none", code: "no-compatible-wheel" });
  });
  it("requires-python: every file excludes the image's Python", () => {
    expect(verdict(files({ "demo-1.0.tar.gz": { requiresPython: ">=3.13" } }))).toMatchObject({ status: "none", code: "requires-python" });
  });
  it("only-binary: an sdist and --only-binary", () => {
    expect(verdict(files({ "demo-1.0.tar.gz": {} }), "", GLIBC_312, { formats: ["binary"] })).toMatchObject({ status: "none", code: "only-binary" });
  });
  it("no-binary: a wheel and --no-binary with no sdist", () => {
    expect(verdict(files({ [`demo-1.0-cp312-cp312-${MANYLINUX}.whl`]: {} }), "", GLIBC_312, { formats: ["source"] })).toMatchObject({ status: "none", code: "no-binary" });
  });
  it("no-matching-version: installable files, none inside the specifier", () => {
    expect(verdict(files({ "demo-1.0.tar.gz": {} }), ">=2")).toMatchObject({ status: "none", code: "no-matching-version" });
  });
  it("only-yanked: the only match is yanked and the specifier is not an exact pin", () => {
    expect(verdict(files({ "demo-1.0.tar.gz": {}, "demo-2.0.tar.gz": { yanked: "broken" } }), ">=2")).toMatchObject({ status: "none", code: "only-yanked" });
  });
  it("no-files: the project lists nothing", () => {
    expect(verdict([])).toMatchObject({ status: "none", code: "no-files" });
  });
  it("unknown carries the index's failure reason", () => {
    const failed: ProjectResult = { ok: false, reason: "timeout", message: "the index did not answer within 10 s" };
    const result = verdictFor("demo", spec(""), failed, {
      tags: { priority: new Map(), pythonFullVersion: "3.12.4" },
      tagTarget: GLIBC_312,
      policy: DEFAULT_POLICY,
    });
    expect(result).toMatchObject({ status: "unknown", code: "timeout" });
  });
});
