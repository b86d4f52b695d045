import { makeTag, type Tag } from "./tag";

/** A CPython interpreter inside a Linux image: everything packaging.tags.sys_tags() reads from the system. */
export interface TagTarget {
  /** "3.12", "3.12.4" or a pre-release such as "3.13.0rc3"; only major.minor affects tags */
  pythonVersion: string;
  implementation: "cp";
  /** a --disable-gil build (3.13t+): ABI "cp313t" */
  freeThreaded?: boolean;
  /** glibc "2.36" / musl "1.2" as the image's C library reports it */
  libc: { family: "glibc" | "musl"; version: string };
  arch: "x86_64" | "aarch64";
}

// PEP 600 / packaging._manylinux: the oldest glibc a manylinux tag is generated
// for is 2.17 (manylinux2014, the first with aarch64 support), except on
// x86_64 and i686 where it goes down to 2.5 (manylinux1).
const OLDEST_GLIBC_MINOR: Record<TagTarget["arch"], number> = { x86_64: 5, aarch64: 17 };

// The pre-PEP 600 names, yielded right after their manylinux_2_N equivalent
// (PEP 513 manylinux1 = 2.5, PEP 571 manylinux2010 = 2.12, PEP 599 manylinux2014
// = 2.17). Since aarch64 starts at 2.17, only manylinux2014 exists for it.
const LEGACY_MANYLINUX: ReadonlyMap<number, string> = new Map([
  [17, "manylinux2014"],
  [12, "manylinux2010"],
  [5, "manylinux1"],
]);

// packaging._manylinux._LAST_GLIBC_MINOR guesses 50 for a future glibc 3.x's
// predecessors; kept so a hypothetical glibc 3 target behaves like packaging.
const GUESSED_LAST_GLIBC_MINOR = 50;

export interface PythonMinor {
  major: 3;
  minor: number;
}

export function pythonMinorOf(target: TagTarget): PythonMinor {
  const m = /^3\.(\d+)(?:\.\d+(?:(?:a|b|rc)\d+)?)?$/.exec(target.pythonVersion);
  if (!m) throw new RangeError(`unsupported Python version "${target.pythonVersion}" (expected "3.X", "3.X.Y" or "3.X.YrcN")`);
  const minor = Number(m[1]);
  // packaging only adds the "t" ABI flag for 3.13+ (Py_GIL_DISABLED appeared in 3.13).
  if (target.freeThreaded && minor < 13) {
    throw new RangeError(`free-threaded builds start at Python 3.13, not ${target.pythonVersion}`);
  }
  return { major: 3, minor };
}

// packaging reads only the leading "major.minor" (musl's loader may say "1.2.4_git20230717";
// packaging._musllinux matches r"Version (\d+)\.(\d+)", _manylinux r"([0-9]+)\.([0-9]+)").
export function parseLibcVersion(target: TagTarget): { major: number; minor: number } {
  const m = /^(\d+)\.(\d+)/.exec(target.libc.version);
  if (!m) throw new RangeError(`unparseable ${target.libc.family} version "${target.libc.version}"`);
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/**
 * The ABI tag of the target's interpreter: "cp312", "cp313t" for a free-threaded build, and "cp37m" /
 * "cp36m" before 3.8: packaging.tags._cpython_abis adds the pymalloc flag "m" for Python < 3.8 built
 * WITH_PYMALLOC (configure's default, and every docker-library image). 3.8 removed the flag (bpo-36707).
 */
export function interpreterAbi(target: TagTarget): string {
  const { minor } = pythonMinorOf(target);
  if (minor < 8) return `cp3${minor}m`;
  return `cp3${minor}${target.freeThreaded ? "t" : ""}`;
}

/**
 * The stable ABI this interpreter loads: "abi3", or "abi3t" on free-threaded
 * builds. packaging 26.2 yields abi3t tags (PEP 803) for every free-threaded
 * version and never abi3 there, since abi3 extensions assume the GIL.
 */
export function stableAbi(target: TagTarget): "abi3" | "abi3t" {
  return target.freeThreaded ? "abi3t" : "abi3";
}

/**
 * Platform tags in priority order, as packaging.tags._linux_platforms() yields
 * them on a 64-bit interpreter: manylinux (glibc images) or musllinux (musl
 * images, PEP 656) newest first, then the plain "linux_<arch>" tag (only ever
 * found on locally built wheels, never on PyPI).
 */
export function linuxPlatforms(target: TagTarget): string[] {
  const libc = parseLibcVersion(target);
  const out: string[] = [];
  if (target.libc.family === "glibc") {
    // glibc promises backwards compatibility across majors, so every older
    // minor of every older major counts too (packaging._manylinux.platform_tags).
    const maxima = [libc];
    for (let major = libc.major - 1; major > 1; major--) maxima.push({ major, minor: GUESSED_LAST_GLIBC_MINOR });
    for (const max of maxima) {
      const lowest = max.major === 2 ? OLDEST_GLIBC_MINOR[target.arch] : 0;
      for (let minor = max.minor; minor >= lowest; minor--) {
        out.push(`manylinux_${max.major}_${minor}_${target.arch}`);
        const legacy = max.major === 2 ? LEGACY_MANYLINUX.get(minor) : undefined;
        if (legacy) out.push(`${legacy}_${target.arch}`);
      }
    }
  } else {
    // PEP 656: musl promises compatibility within a major only, so just 1.N..1.0.
    for (let minor = libc.minor; minor >= 0; minor--) out.push(`musllinux_${libc.major}_${minor}_${target.arch}`);
  }
  out.push(`linux_${target.arch}`);
  return out;
}

/**
 * Exactly the ordered list packaging.tags.sys_tags() yields for this CPython
 * inside such an image (checked against packaging 26.2 in target-tags.test.ts).
 * Index = priority, lower is better; pip picks, within one version, the wheel
 * whose best tag comes first.
 *
 * cpython_tags():   cpXY-<abi>-<plat> (abi cp37m/cp36m before 3.8), cpXY-<stable abi>-<plat>, cpXY-none-<plat>,
 *                   then cpXW-<stable abi>-<plat> for each older minor W down to 2
 *                   (abi3 exists since 3.2, PEP 384)
 * compatible_tags(): pyXY-none-<plat>, py3-none-<plat>, py3W-none-<plat> ... py30,
 *                   then cpXY-none-any, then the same py range with "any".
 * Platforms vary fastest within each group.
 *
 * pip 23.2.1 running inside the image computes the same list for GIL builds.
 * On free-threaded builds it cannot see the "t" flag (vendored packaging 21.3):
 * it would use cp313 and abi3 instead of cp313t and abi3t.
 */
export function targetTags(target: TagTarget): Tag[] {
  return tagsForPlatforms(target, linuxPlatforms(target));
}

/**
 * cpython_tags() + compatible_tags() over an explicit platform list — what pip
 * does with `--platform` values (tests use it to replay pip 23.2.1's order).
 */
export function tagsForPlatforms(target: TagTarget, platforms: readonly string[]): Tag[] {
  const { minor } = pythonMinorOf(target);
  const interpreter = `cp3${minor}`;
  const abi = interpreterAbi(target);
  const stable = stableAbi(target);
  const tags: Tag[] = [];
  const addForAllPlatforms = (interp: string, a: string) => {
    for (const p of platforms) tags.push(makeTag(interp, a, p));
  };

  addForAllPlatforms(interpreter, abi);
  addForAllPlatforms(interpreter, stable);
  addForAllPlatforms(interpreter, "none");
  for (let older = minor - 1; older >= 2; older--) addForAllPlatforms(`cp3${older}`, stable);

  const pyRange = pythonTagRange(minor);
  for (const py of pyRange) addForAllPlatforms(py, "none");
  tags.push(makeTag(interpreter, "none", "any"));
  for (const py of pyRange) tags.push(makeTag(py, "none", "any"));
  return tags;
}

/** packaging's _py_interpreter_range: "py3X", then the major-only "py3", then py3(X-1) ... py30. */
function pythonTagRange(minor: number): string[] {
  const out = [`py3${minor}`, "py3"];
  for (let m = minor - 1; m >= 0; m--) out.push(`py3${m}`);
  return out;
}
