import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { linuxPlatforms, tagToString, targetTags, type TagTarget } from "@/lib/tags";
import { TARGET_TAG_VECTORS } from "./vectors/target-tags.vectors";
import { targetLabel as label, toTarget } from "./vectors/to-target";

// Ground truth: packaging 26.2's sys_tags() in faked Linux images, recorded by
// vectors/generate.py (126 targets: Python 3.6/3.7 (ABI cp36m/cp37m)/3.8/3.10/3.12/3.13/3.13t/3.14/3.14t ×
// glibc 2.17/2.28/2.31/2.36/2.41, musl 1.1/1.2 × x86_64/aarch64).

const sha256 = (lines: string[]) => createHash("sha256").update(lines.join("\n")).digest("hex");

describe("targetTags matches packaging.tags.sys_tags()", () => {
  it.each(TARGET_TAG_VECTORS.map((v) => [label(v.target), v] as const))("%s", (_, v) => {
    const tags = targetTags(toTarget(v.target)).map(tagToString);
    expect(linuxPlatforms(toTarget(v.target))).toEqual(v.platforms);
    expect(tags.length).toBe(v.length);
    expect(tags.slice(0, 20)).toEqual(v.first20);
    expect(tags.slice(-20)).toEqual(v.last20);
    for (const [tag, position] of Object.entries(v.positions)) expect([tag, tags.indexOf(tag)]).toEqual([tag, position]);
    if (v.full) expect(tags).toEqual(v.full);
    // The hash pins the whole ordered list, not just the sampled parts.
    expect(sha256(tags)).toBe(v.sha256);
  });

  it("records five complete lists", () => {
    expect(TARGET_TAG_VECTORS.filter((v) => v.full).map((v) => label(v.target))).toEqual([
      "3.7 glibc 2.28 x86_64",
      "3.8 glibc 2.17 aarch64",
      "3.12 glibc 2.36 x86_64",
      "3.12 musl 1.1 x86_64",
      "3.13t musl 1.2 aarch64",
    ]);
  });
});

describe("targetTags structure", () => {
  const glibc: TagTarget = { pythonVersion: "3.12.4", implementation: "cp", libc: { family: "glibc", version: "2.36" }, arch: "x86_64" };

  it("reads only the leading major.minor of the libc version, as packaging does", () => {
    // Alpine 3.19's musl loader reports "Version 1.2.4_git20230717".
    const musl: TagTarget = { ...glibc, libc: { family: "musl", version: "1.2.4_git20230717" } };
    expect(targetTags(musl)).toEqual(targetTags({ ...musl, libc: { family: "musl", version: "1.2" } }));
    expect(targetTags({ ...glibc, libc: { family: "glibc", version: "2.36.9000" } })).toEqual(targetTags(glibc));
  });

  it("uses only major.minor of the Python version", () => {
    expect(targetTags(glibc)).toEqual(targetTags({ ...glibc, pythonVersion: "3.12" }));
  });

  it("has no duplicates", () => {
    for (const v of TARGET_TAG_VECTORS) {
      const tags = targetTags(toTarget(v.target)).map(tagToString);
      expect(new Set(tags).size).toBe(tags.length);
    }
  });

  it.each([
    // [arch, glibc, first platforms..., count]
    ["x86_64", "2.17", ["manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_16_x86_64"], 17],
    ["aarch64", "2.17", ["manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64"], 3],
    ["aarch64", "2.16", ["linux_aarch64"], 1], // below manylinux2014: nothing but the plain tag
    ["x86_64", "2.4", ["linux_x86_64"], 1],
    ["x86_64", "2.5", ["manylinux_2_5_x86_64", "manylinux1_x86_64", "linux_x86_64"], 3],
  ] as const)("glibc platforms on %s with glibc %s", (arch, version, first, count) => {
    const p = linuxPlatforms({ ...glibc, arch, libc: { family: "glibc", version } });
    expect(p.slice(0, first.length)).toEqual(first);
    expect(p.length).toBe(count);
  });

  it("legacy manylinux aliases follow their perennial tag; 2010 and 1 exist only on x86_64", () => {
    const x86 = linuxPlatforms(glibc);
    expect(x86.indexOf("manylinux2014_x86_64")).toBe(x86.indexOf("manylinux_2_17_x86_64") + 1);
    expect(x86.indexOf("manylinux2010_x86_64")).toBe(x86.indexOf("manylinux_2_12_x86_64") + 1);
    expect(x86.indexOf("manylinux1_x86_64")).toBe(x86.indexOf("manylinux_2_5_x86_64") + 1);
    const arm = linuxPlatforms({ ...glibc, arch: "aarch64" });
    expect(arm.filter((p) => !p.startsWith("manylinux_2_"))).toEqual(["manylinux2014_aarch64", "linux_aarch64"]);
  });

  it("musl targets get musllinux_1_N down to 1_0 and never manylinux", () => {
    expect(linuxPlatforms({ ...glibc, libc: { family: "musl", version: "1.2.5" } })).toEqual([
      "musllinux_1_2_x86_64",
      "musllinux_1_1_x86_64",
      "musllinux_1_0_x86_64",
      "linux_x86_64",
    ]);
  });

  it("free-threaded builds use cpXYt and abi3t, never abi3", () => {
    const tags = targetTags({ ...glibc, pythonVersion: "3.13", freeThreaded: true }).map(tagToString);
    expect(tags[0]).toBe("cp313-cp313t-manylinux_2_36_x86_64");
    expect(tags.some((t) => t.includes("-abi3-"))).toBe(false);
    expect(tags).toContain("cp32-abi3t-linux_x86_64");
  });

  it.each(["3", "2.7", "3.x", "", "4.0"])("rejects Python version %j", (pythonVersion) => {
    expect(() => targetTags({ ...glibc, pythonVersion })).toThrow(RangeError);
  });

  it("rejects a free-threaded build before 3.13", () => {
    expect(() => targetTags({ ...glibc, freeThreaded: true })).toThrow(/3\.13/);
  });
});

// CPython < 3.8: packaging.tags._cpython_abis gives the pymalloc ABI "cp37m" (WITH_PYMALLOC, configure's
// default). Vectors from packaging 26.2:
//   cpython_tags(python_version=(3, 7), abis=["cp37m"], platforms=["manylinux_2_28_x86_64", "linux_x86_64"])
//   + compatible_tags(python_version=(3, 7), interpreter="cp37", platforms=[same]) → 44 tags, starting as below.
describe("targetTags for CPython 3.6 and 3.7 (pymalloc ABI)", () => {
  const py37: TagTarget = { pythonVersion: "3.7.17", implementation: "cp", libc: { family: "glibc", version: "2.28" }, arch: "x86_64" };

  it("uses cp37m / cp36m, never cp37 / cp36, as the interpreter ABI", () => {
    const tags = targetTags(py37).map(tagToString);
    expect(tags[0]).toBe("cp37-cp37m-manylinux_2_28_x86_64");
    expect(tags).not.toContain("cp37-cp37-manylinux_2_28_x86_64");
    const py36 = targetTags({ ...py37, pythonVersion: "3.6.15", libc: { family: "musl", version: "1.1.24" } }).map(tagToString);
    expect(py36.slice(0, 3)).toEqual(["cp36-cp36m-musllinux_1_1_x86_64", "cp36-cp36m-musllinux_1_0_x86_64", "cp36-cp36m-linux_x86_64"]);
    expect(py36).not.toContain("cp36-cp36-linux_x86_64");
  });

  it("follows cp37m with abi3, none and the older abi3 minors, as cpython_tags() does", () => {
    const tags = targetTags(py37).map(tagToString);
    const platforms = linuxPlatforms(py37).length;
    expect(tags[platforms]).toBe("cp37-abi3-manylinux_2_28_x86_64");
    expect(tags[2 * platforms]).toBe("cp37-none-manylinux_2_28_x86_64");
    expect(tags[3 * platforms]).toBe("cp36-abi3-manylinux_2_28_x86_64");
    expect(tags.slice(-3)).toEqual(["py32-none-any", "py31-none-any", "py30-none-any"]);
  });

  it("treats a pre-release image like its minor (3.13.0rc3 → cp313)", () => {
    const rc = { ...py37, pythonVersion: "3.13.0rc3" };
    expect(targetTags(rc)).toEqual(targetTags({ ...py37, pythonVersion: "3.13" }));
  });
});
