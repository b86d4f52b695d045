import { describe, expect, it } from "vitest";
import {
  closestMiss,
  matchWheel,
  parseWheelFilename,
  tagToString,
  targetTags,
  type TagTarget,
  type WheelFilename,
} from "@/lib/tags";
import { PRIORITY_VECTORS } from "./vectors/target-tags.vectors";
import { targetLabel, toTarget } from "./vectors/to-target";

const target = (pythonVersion: string, family: "glibc" | "musl", version: string, arch: "x86_64" | "aarch64", freeThreaded = false): TagTarget => ({
  pythonVersion,
  implementation: "cp",
  freeThreaded,
  libc: { family, version },
  arch,
});

const G312x = target("3.12", "glibc", "2.36", "x86_64");
const G312a = target("3.12", "glibc", "2.17", "aarch64");
const M312a = target("3.12", "musl", "1.1", "aarch64");
const M312x = target("3.12", "musl", "1.2", "x86_64");
const G313a = target("3.13", "glibc", "2.36", "aarch64");
const T313a = target("3.13", "glibc", "2.36", "aarch64", true);
const G38x = target("3.8.18", "glibc", "2.28", "x86_64");

function wheels(names: readonly string[]): WheelFilename[] {
  return names.map((n) => {
    const w = parseWheelFilename(n.endsWith(".whl") ? n : `x-1-${n}.whl`);
    if (!w) throw new Error(`bad fixture ${n}`);
    return w;
  });
}

// Priorities are the wheel's best index in packaging 26.2's sys_tags() (vectors/generate.py).
describe("matchWheel priority agrees with packaging", () => {
  const cache = new Map<string, ReturnType<typeof targetTags>>();
  it.each(PRIORITY_VECTORS.map((v) => [targetLabel(v.target), v.filename, v] as const))("%s %s", (_, filename, v) => {
    const t = toTarget(v.target);
    const key = targetLabel(v.target);
    const tags = cache.get(key) ?? targetTags(t);
    cache.set(key, tags);
    const result = matchWheel(wheels([filename])[0]!.tags, tags, t);
    if (v.priority === null) {
      expect(result.compatible).toBe(false);
    } else {
      expect(result).toMatchObject({ compatible: true, priority: v.priority });
      if (result.compatible) expect(tagToString(tags[result.priority]!)).toBe(tagToString(result.tag));
    }
  });
});

// [what, target, wheel tag sets ("interp-abi-plat" or full filenames), expected kind, expected detail]
const CLOSEST_MISS_TABLE: readonly [string, TagTarget, readonly string[], string, string][] = [
  ["nothing to choose from", G312x, [], "no-wheels", "no wheels are published, only source"],
  // --- other Python / ABI (farthest) ---
  ["one older CPython", G312x, ["cp311-cp311-manylinux_2_17_x86_64"], "python", "wheels only for CPython 3.11 (cp311); this image runs Python 3.12"],
  ["several older CPythons, sorted by version", G312x, ["cp311-cp311-manylinux_2_17_x86_64", "cp39-cp39-manylinux_2_17_x86_64", "cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64"], "python", "wheels only for CPython 3.9, 3.10, 3.11 (cp39, cp310, cp311); this image runs Python 3.12"],
  ["stable ABI from a newer Python", G312x, ["cp313-abi3-manylinux_2_17_x86_64"], "python", "wheels only for CPython 3.13+ (cp313-abi3); this image runs Python 3.12"],
  ["Python 2 only", G312x, ["py2-none-any"], "python", "wheels only for Python 2 (py2); this image runs Python 3.12"],
  ["PyPy only", G312x, ["pp310-pypy310_pp73-manylinux_2_17_x86_64"], "python", "wheels only for PyPy 3.10 (pp310); this image runs Python 3.12"],
  ["py tag for a newer minor", G312x, ["py313-none-any"], "python", "wheels only for Python 3.13+ (py313); this image runs Python 3.12"],
  ["pymalloc-era ABI", G38x, ["cp37-cp37m-manylinux_2_17_x86_64"], "python", "wheels only for CPython 3.7 (cp37); this image runs Python 3.8.18"],
  ["older CPythons on another OS: the platform is named too", G312x, ["cp311-cp311-win_amd64", "cp310-cp310-win_amd64", "cp311-cp311-macosx_11_0_arm64"], "python", "wheels only for CPython 3.10, 3.11 (cp310, cp311); this image runs Python 3.12, and they are for macosx_11_0_arm64, win_amd64, not Linux x86_64 with glibc 2.36"],
  ["mixed implementations", G312x, ["cp311-cp311-win_amd64", "pp39-pypy39_pp73-win_amd64", "py2-none-any"], "python", "wheels only for CPython 3.11, Python 2, PyPy 3.9 (cp311, py2, pp39); this image runs Python 3.12"],
  ["GIL wheels on a free-threaded image", T313a, ["cp313-cp313-manylinux_2_17_aarch64"], "abi", "wheels only for ABI cp313 (cp313-cp313); this image's free-threaded Python 3.13 loads only cp313t, abi3t or none"],
  ["abi3 on a free-threaded image", T313a, ["cp39-abi3-manylinux_2_17_aarch64", "cp311-abi3-manylinux_2_17_aarch64"], "abi", "wheels only for ABI abi3 (cp39-abi3, cp311-abi3); this image's free-threaded Python 3.13 loads only cp313t, abi3t or none"],
  ["free-threaded wheels on a GIL image", G313a, ["cp313-cp313t-manylinux_2_17_aarch64"], "abi", "wheels only for ABI cp313t (cp313-cp313t); this image's Python 3.13 loads only cp313, abi3 or none"],
  ["debug-build ABI", G312x, ["cp312-cp312d-linux_x86_64"], "abi", "wheels only for ABI cp312d (cp312-cp312d); this image's Python 3.12 loads only cp312, abi3 or none"],
  ["ABI-specific but platform 'any'", G312x, ["cp312-abi3-any"], "abi", 'wheels tagged cp312-abi3-any: only "none"-ABI wheels may be platform-independent, so pip never accepts this'],
  // --- other platform family ---
  ["manylinux only, musl image", M312a, ["cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64"], "platform-family", "wheels only for glibc Linux (manylinux_2_17_aarch64, manylinux2014_aarch64); this image is Linux aarch64 with musl 1.1"],
  ["musllinux only, glibc image", G312x, ["cp312-cp312-musllinux_1_1_x86_64"], "platform-family", "wheels only for musl Linux (musllinux_1_1_x86_64); this image is Linux x86_64 with glibc 2.36"],
  ["Windows and macOS only", G312x, ["cp312-cp312-win_amd64", "cp312-cp312-macosx_11_0_arm64", "cp312-cp312-macosx_10_9_x86_64"], "platform-family", "wheels only for macOS, Windows (macosx_10_9_x86_64, macosx_11_0_arm64, win_amd64); this image is Linux x86_64 with glibc 2.36"],
  ["pure-Python but Windows-tagged", G312x, ["py3-none-win_amd64"], "platform-family", "wheels only for Windows (win_amd64); this image is Linux x86_64 with glibc 2.36"],
  ["a manylinux tag below aarch64's floor", G312a, ["cp312-cp312-manylinux_2_12_aarch64"], "platform-family", "wheels only for tags pip never accepts on aarch64 (manylinux_2_12_aarch64); this image is Linux aarch64 with glibc 2.17"],
  ["platform family beats other Python", M312a, ["cp311-cp311-musllinux_1_1_aarch64", "cp312-cp312-manylinux_2_17_aarch64"], "platform-family", "wheels only for glibc Linux (manylinux_2_17_aarch64); this image is Linux aarch64 with musl 1.1"],
  // --- libc too old ---
  ["manylinux_2_28 on glibc 2.17", G312a, ["cp312-cp312-manylinux_2_28_aarch64"], "libc-too-old", "manylinux wheels need glibc 2.28 or newer (manylinux_2_28_aarch64); this image has glibc 2.17"],
  ["the least demanding wheel is reported", G312a, ["cp312-cp312-manylinux_2_34_aarch64", "cp312-cp312-manylinux_2_28_aarch64", "cp312-abi3-manylinux_2_31_aarch64"], "libc-too-old", "manylinux wheels need glibc 2.28 or newer (manylinux_2_28_aarch64); this image has glibc 2.17"],
  ["musllinux_1_2 on musl 1.1", M312a, ["cp312-cp312-musllinux_1_2_aarch64"], "libc-too-old", "musllinux wheels need musl 1.2 or newer (musllinux_1_2_aarch64); this image has musl 1.1"],
  ["too old AND other CPU says both", M312a, ["cp312-cp312-musllinux_1_2_x86_64"], "libc-too-old", "musllinux wheels need musl 1.2 or newer (musllinux_1_2_x86_64); this image has musl 1.1, and they are built for x86_64 only while this image is aarch64"],
  ["a future musl major", M312x, ["cp312-cp312-musllinux_2_0_x86_64"], "libc-too-old", "musllinux wheels need musl 2.0 or newer (musllinux_2_0_x86_64); this image has musl 1.2"],
  ["newer glibc on Python 3.8", G38x, ["cp38-cp38-manylinux_2_31_x86_64", "cp37-cp37m-manylinux_2_17_x86_64"], "libc-too-old", "manylinux wheels need glibc 2.31 or newer (manylinux_2_31_x86_64); this image has glibc 2.28"],
  ["libc-too-old beats platform family", M312a, ["cp312-cp312-manylinux_2_17_aarch64", "cp312-cp312-musllinux_1_2_aarch64"], "libc-too-old", "musllinux wheels need musl 1.2 or newer (musllinux_1_2_aarch64); this image has musl 1.1"],
  // --- other CPU (closest) ---
  ["x86_64 only, arm64 image", G312a, ["cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64"], "arch", "wheels only for x86_64 (manylinux_2_17_x86_64, manylinux2014_x86_64); this image is aarch64"],
  ["locally built linux_x86_64", G312a, ["cp312-cp312-linux_x86_64"], "arch", "wheels only for x86_64 (linux_x86_64); this image is aarch64"],
  ["32-bit wheels on x86_64", G312x, ["cp312-cp312-manylinux_2_17_i686.manylinux2014_i686"], "arch", "wheels only for i686 (manylinux_2_17_i686, manylinux2014_i686); this image is x86_64"],
  ["several other CPUs", G312a, ["cp312-cp312-manylinux_2_17_x86_64", "cp312-cp312-manylinux_2_17_armv7l", "cp312-cp312-manylinux_2_17_ppc64le", "cp312-cp312-manylinux_2_17_s390x", "cp312-cp312-manylinux_2_17_i686"], "arch", "wheels only for armv7l, i686, ppc64le, s390x, x86_64 (manylinux_2_17_armv7l, manylinux_2_17_i686, manylinux_2_17_ppc64le, manylinux_2_17_s390x and 1 more); this image is aarch64"],
  ["arch beats libc-too-old", G312a, ["cp312-cp312-manylinux_2_28_aarch64", "cp312-cp312-manylinux_2_17_x86_64"], "arch", "wheels only for x86_64 (manylinux_2_17_x86_64); this image is aarch64"],
  ["arch beats other Python", M312a, ["cp311-cp311-musllinux_1_1_aarch64", "cp312-cp312-musllinux_1_1_x86_64"], "arch", "wheels only for x86_64 (musllinux_1_1_x86_64); this image is aarch64"],
  ["arch on a free-threaded image", T313a, ["cp313-cp313-manylinux_2_17_aarch64", "cp313-cp313t-manylinux_2_17_x86_64"], "arch", "wheels only for x86_64 (manylinux_2_17_x86_64); this image is aarch64"],
  // --- nothing to explain ---
  ["every wheel fits", G312x, ["py3-none-any"], "no-wheels", "every wheel given fits this image; there is no miss to explain"],
];

describe("closestMiss reports the closest reason over all wheels", () => {
  it.each(CLOSEST_MISS_TABLE)("%s", (_, t, names, kind, detail) => {
    expect(closestMiss(wheels(names), t)).toEqual({ kind, detail });
  });

  it("never depends on wheel order", () => {
    for (const [, t, names] of CLOSEST_MISS_TABLE) {
      expect(closestMiss(wheels([...names].reverse()), t)).toEqual(closestMiss(wheels(names), t));
    }
  });
});

describe("matchWheel", () => {
  const tags = targetTags(G312x);

  it.each([
    // [wheel tags, priority, best tag]
    ["cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64", 19, "cp312-cp312-manylinux_2_17_x86_64"],
    ["cp312-cp312-manylinux_2_36_x86_64", 0, "cp312-cp312-manylinux_2_36_x86_64"],
    ["cp39-abi3-manylinux_2_28_x86_64", 36 * 3 + 36 * 2 + 8, "cp39-abi3-manylinux_2_28_x86_64"],
    ["py2.py3-none-any", tags.length - 13, "py3-none-any"],
    ["cp311.cp312-cp311.cp312-linux_x86_64.musllinux_1_1_x86_64.manylinux_2_17_x86_64", 19, "cp312-cp312-manylinux_2_17_x86_64"],
  ] as const)("%s -> %i", (tagSet, priority, best) => {
    const result = matchWheel(wheels([tagSet])[0]!.tags, tags, G312x);
    expect(result.compatible && { priority: result.priority, tag: tagToString(result.tag) }).toEqual({ priority, tag: best });
  });

  it.each([
    ["cp311-cp311-manylinux_2_17_x86_64", "python", "wheel only for CPython 3.11 (cp311); this image runs Python 3.12"],
    ["cp312-cp312-manylinux_2_39_x86_64", "libc-too-old", "manylinux wheel needs glibc 2.39 or newer (manylinux_2_39_x86_64); this image has glibc 2.36"],
    ["cp312-cp312-manylinux_2_39_aarch64", "libc-too-old", "manylinux wheel needs glibc 2.39 or newer (manylinux_2_39_aarch64); this image has glibc 2.36, and it is built for aarch64 only while this image is x86_64"],
    ["cp312-cp312-manylinux_2_17_aarch64", "arch", "wheel only for aarch64 (manylinux_2_17_aarch64); this image is x86_64"],
    // One wheel, several tags: the closest of its own tags.
    ["cp311.cp312-cp311.cp312-musllinux_1_1_x86_64.manylinux_2_17_aarch64", "arch", "wheel only for aarch64 (manylinux_2_17_aarch64); this image is x86_64"],
  ] as const)("%s misses: %s", (tagSet, kind, detail) => {
    expect(matchWheel(wheels([tagSet])[0]!.tags, tags, G312x)).toEqual({ compatible: false, reason: { kind, detail } });
  });

  it("matches when pip would, over every recorded target", () => {
    // Any tag of the list matches at exactly its own index.
    for (const t of [G312x, G312a, M312a, T313a, G38x]) {
      const list = targetTags(t);
      list.forEach((tag, i) => {
        if (i % 17 !== 0) return;
        expect(matchWheel([tag], list, t)).toEqual({ compatible: true, priority: i, tag });
      });
    }
  });
});

describe("speed", () => {
  it("matches 10k wheel filenames against one target quickly", () => {
    const templates = [
      "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64",
      "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
      "cp312-cp312-musllinux_1_1_x86_64",
      "cp312-cp312-win_amd64",
      "cp39-abi3-manylinux_2_28_aarch64",
      "py3-none-any",
      "cp312-cp312-macosx_11_0_arm64",
      "pp310-pypy310_pp73-manylinux_2_17_x86_64",
    ];
    const filenames = Array.from({ length: 10_000 }, (_, i) => `pkg${i % 500}-1.${i}-${templates[i % templates.length]}.whl`);
    const tags = targetTags(G312x);
    matchWheel([], tags, G312x); // build the lookup index outside the timing, as callers reuse it

    let start = performance.now();
    const parsed = filenames.map((f) => parseWheelFilename(f)!);
    const parseMs = performance.now() - start;

    start = performance.now();
    let compatible = 0;
    for (const w of parsed) if (matchWheel(w.tags, tags, G312x).compatible) compatible++;
    const matchMs = performance.now() - start;

    const fitting = parsed.filter((w) => matchWheel(w.tags, tags, G312x).compatible);
    start = performance.now();
    for (let i = 0; i < 4; i++) for (const w of fitting) matchWheel(w.tags, tags, G312x);
    const hitMs = performance.now() - start;

    console.log(
      `10k wheel filenames vs one target: parse ${parseMs.toFixed(1)} ms; matchWheel ${matchMs.toFixed(1)} ms ` +
        `(75% misses, each explained); 10k compatible-only matches ${hitMs.toFixed(1)} ms`,
    );
    expect(compatible).toBe(2 * 1250);
    expect(parseMs + matchMs).toBeLessThan(2000);
  });
});
