import { describe, expect, it } from "vitest";
import type { IndexFile, ProjectResult } from "@/lib/index";
import { parseSpecifierSet } from "@/lib/pep440";
import { parseRequirementsFile } from "@/lib/requirements-file";
import { rankedTags, targetTags, tagToString, type TagTarget } from "@/lib/tags";
import type { ChoicePolicy } from "../choose";
import { describeChoice } from "../verdict";
import type { ResolverSources } from "./pip-provider";
import { resolveTarget, type InstalledPackage } from "./resolve-target";

// The resolver hands back each pin classified where it was chosen: the file, wheel or sdist, the
// matched tag as a value (with its priority and printed form), and the verdict the report shows.

const PY312: TagTarget = { pythonVersion: "3.12.4", implementation: "cp", libc: { family: "glibc", version: "2.36" }, arch: "x86_64" };
const PY311: TagTarget = { ...PY312, pythonVersion: "3.11.9" };
const ENV = {
  python_version: "3.12", python_full_version: "3.12.4", implementation_name: "cpython", implementation_version: "3.12.4",
  platform_python_implementation: "CPython", sys_platform: "linux", platform_system: "Linux", platform_machine: "x86_64",
  platform_release: "", platform_version: "", os_name: "posix",
} as const;

function file(filename: string): IndexFile {
  return { filename, url: `https://files.example/${filename}`, hashes: {}, requiresPython: null, yanked: false, size: 1000, uploadTime: null, coreMetadata: true };
}

// fast: its newest release has only an sdist; 1.0 has a cp312 manylinux wheel and a pure one. pure: one py3 wheel.
const PAGES: Record<string, IndexFile[]> = {
  fast: [file("fast-1.0-py3-none-any.whl"), file("fast-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"), file("fast-1.0-cp311-cp311-manylinux_2_17_x86_64.whl"), file("fast-2.0.tar.gz")],
  pure: [file("pure-1.0-py3-none-any.whl")],
};

const sources: ResolverSources = {
  project: (name) => {
    const files = PAGES[name];
    const result: ProjectResult = files
      ? { ok: true, page: { name, files, versions: null, apiVersion: "1.0", fetchedFrom: "network" } }
      : { ok: false, reason: "not-found", message: `the index has no project named ${name}` };
    return result;
  },
  prefetch: async () => {},
  dependencies: async () => ({ ok: true, requiresDist: [], requiresPython: null, providesExtra: [] }),
};

const TAGS = { priority: new Map(targetTags(PY312).map((tag, i) => [tagToString(tag), i] as const)), pythonFullVersion: PY312.pythonVersion };
const POLICY: ChoicePolicy = { formats: ["binary", "source"], preferBinary: false, pre: false };

async function resolved(requirements: string, tagTarget: TagTarget = PY312): Promise<Map<string, InstalledPackage>> {
  const parsed = parseRequirementsFile(requirements);
  if (!parsed.ok) throw new Error(parsed.error);
  const result = await resolveTarget(parsed.file.requirements, sources, { tags: TAGS, tagTarget, environment: ENV, policy: () => POLICY });
  if (!result.ok) throw new Error(result.explanation);
  return new Map(result.packages.map((p) => [p.project, p]));
}

describe("classified choices", () => {
  it("a wheel: its matched tag as a value, with the target's priority and the printed form", async () => {
    const fast = (await resolved("fast==1.0\n")).get("fast");
    const ranked = rankedTags(PY312).byText.get("cp312-cp312-manylinux_2_17_x86_64");
    expect(fast?.choice).toMatchObject({
      version: "1.0",
      kind: "wheel",
      file: { filename: "fast-1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl" },
      tag: { interpreter: "cp312", abi: "cp312", platform: "manylinux_2_17_x86_64", text: "cp312-cp312-manylinux_2_17_x86_64" },
    });
    expect(fast?.choice?.tag).toBe(ranked);
    expect(fast?.choice?.tag?.priority).toBe(targetTags(PY312).findIndex((t) => tagToString(t) === "cp312-cp312-manylinux_2_17_x86_64"));
    expect(fast?.file).toBe(fast?.choice?.file);
    expect(fast?.choice?.verdict).toMatchObject({ status: "wheel", kind: "wheel", tag: "cp312-cp312-manylinux_2_17_x86_64", compiles: false });
    // The verdict the report reads carries the same values: the tag and the file, not their text.
    expect(fast?.choice?.verdict.matchedTag).toBe(ranked);
    expect(fast?.choice?.verdict.file).toBe(fast?.choice?.file);
  });

  it("a pure-Python wheel matches on a none-any tag", async () => {
    const pure = (await resolved("pure\n")).get("pure");
    expect(pure?.choice?.tag).toMatchObject({ interpreter: "py3", abi: "none", platform: "any", text: "py3-none-any" });
    expect(pure?.choice?.tag?.priority).toBe(targetTags(PY312).findIndex((t) => tagToString(t) === "py3-none-any"));
  });

  it("an sdist: no tag, and the verdict the report shows (closest miss, nearest wheel) made from the same page", async () => {
    const fast = (await resolved("fast\n")).get("fast");
    expect(fast?.choice).toMatchObject({ version: "2.0", kind: "sdist", tag: null, file: { filename: "fast-2.0.tar.gz" } });
    expect(fast?.choice?.verdict).toMatchObject({ status: "sdist", compiles: true, alternative: { version: "1.0", satisfiesSpecifier: true } });
    const specifier = parseSpecifierSet("");
    if (!specifier.ok) throw new Error(specifier.error);
    // What the report built from the index page itself before the resolver classified its choices.
    const chosen = { version: "2.0", file: PAGES.fast?.[3] as IndexFile, kind: "sdist" as const, tag: null };
    expect(fast?.choice?.verdict).toEqual(describeChoice("fast", chosen, specifier.value, PAGES.fast as IndexFile[], { tags: TAGS, tagTarget: PY312, policy: POLICY }));
  });

  it("an unknown project has no choice", async () => {
    const missing = (await resolved("missing\n")).get("missing");
    expect(missing?.choice).toBeNull();
    expect(missing?.unknown).toContain("no project named missing");
  });

  it("refuses tags and a tagTarget that describe different interpreters", async () => {
    await expect(resolved("fast==1.0\n", PY311)).rejects.toThrow(/different interpreters/);
  });
});
