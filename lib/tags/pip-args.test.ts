import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pipPlatformArgs, pipTargetArgs, tagToString, type TagTarget } from "@/lib/tags";
import { tagsForPlatforms } from "./target-tags";
import { PIP_SINGLE_PLATFORM_EXPANSION, TARGET_TAG_VECTORS } from "./vectors/target-tags.vectors";
import { targetLabel, toTarget } from "./vectors/to-target";

// pip 23.2.1's compatibility_tags.get_supported(version, platforms, impl="cp", abis=[cpXY])
// was run once per target with platforms = pipPlatformArgs(target) (vectors/generate.py).

/** pip 23.2.1's _expand_allowed_platforms, replayed so its ORDER can be checked too. */
function expandLikePip232(platforms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of platforms) {
    if (seen.has(p)) continue;
    const [prefix, arch] = [p.slice(0, p.indexOf("_")), p.slice(p.indexOf("_") + 1)];
    const extra =
      prefix === "manylinux2014" && (arch === "x86_64" || arch === "i686")
        ? ["manylinux2010_" + arch, "manylinux1_" + arch]
        : prefix === "manylinux2010"
          ? ["manylinux1_" + arch]
          : [];
    for (const c of [p, ...extra]) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}

const sha256 = (lines: string[]) => createHash("sha256").update(lines.join("\n")).digest("hex");

describe("pipPlatformArgs reproduces targetTags in pip 23.2.1", () => {
  it.each(TARGET_TAG_VECTORS.map((v) => [targetLabel(v.target), v] as const))("%s", (_, v) => {
    const target = toTarget(v.target);
    expect(pipPlatformArgs(target)).toEqual(v.pipGetSupported.platformArgs);
    if (!v.target.freeThreaded) {
      expect(v.pipGetSupported.sameSet).toBe(true);
      // Same order except where manylinux2014 drags manylinux2010/1 forward (x86_64 glibc >= 2.17).
      const reordered = v.target.arch === "x86_64" && v.target.libc.family === "glibc";
      expect(v.pipGetSupported.sameOrder).toBe(!reordered);
      const pipList = tagsForPlatforms(target, expandLikePip232(pipPlatformArgs(target))).map(tagToString);
      expect(sha256(pipList)).toBe(v.pipGetSupported.sha256);
      // Running inside the image, pip 23.2.1 computes exactly packaging 26.2's list.
      expect(v.pipInImage.sameList).toBe(true);
    } else {
      // pip 23.2.1 (packaging 21.3) pairs --abi cp313t with abi3, not abi3t: a 1:1 swap.
      expect(v.pipGetSupported.sameSet).toBe(false);
      expect(v.pipGetSupported.onlyInPipCount).toBe(v.pipGetSupported.missingInPipCount);
      expect(v.pipGetSupported.length).toBe(v.length);
      // In the image it does not even see the "t": cp313 + abi3.
      expect(v.pipInImage.missingInPip[0]).toMatch(/^cp3\d+-cp3\d+t-/);
    }
  });

  it("pip 23.2.1 expands only the legacy manylinux2014/2010 names", () => {
    expect(PIP_SINGLE_PLATFORM_EXPANSION).toEqual([
      { arg: "manylinux_2_36_x86_64", platforms: ["manylinux_2_36_x86_64"] },
      { arg: "manylinux2014_x86_64", platforms: ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"] },
      { arg: "manylinux2014_aarch64", platforms: ["manylinux2014_aarch64"] },
      { arg: "manylinux2010_x86_64", platforms: ["manylinux2010_x86_64", "manylinux1_x86_64"] },
      { arg: "musllinux_1_2_aarch64", platforms: ["musllinux_1_2_aarch64"] },
      { arg: "linux_x86_64", platforms: ["linux_x86_64"] },
    ]);
    for (const { arg, platforms } of PIP_SINGLE_PLATFORM_EXPANSION) expect(expandLikePip232([arg])).toEqual(platforms);
  });
});

describe("pipTargetArgs", () => {
  it("spells the whole target for pip download", () => {
    const target: TagTarget = { pythonVersion: "3.12.4", implementation: "cp", libc: { family: "musl", version: "1.2" }, arch: "aarch64" };
    expect(pipTargetArgs(target)).toEqual([
      "--python-version", "3.12.4", "--implementation", "cp", "--abi", "cp312",
      "--platform", "musllinux_1_2_aarch64",
      "--platform", "musllinux_1_1_aarch64",
      "--platform", "musllinux_1_0_aarch64",
      "--platform", "linux_aarch64",
    ]);
  });

  it("passes the free-threaded ABI", () => {
    const target: TagTarget = { pythonVersion: "3.13", implementation: "cp", freeThreaded: true, libc: { family: "glibc", version: "2.17" }, arch: "aarch64" };
    expect(pipTargetArgs(target).slice(0, 6)).toEqual(["--python-version", "3.13", "--implementation", "cp", "--abi", "cp313t"]);
    expect(pipTargetArgs(target).filter((a) => a !== "--platform").slice(6)).toEqual(["manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64"]);
  });
});
