import { interpreterAbi, linuxPlatforms, type TagTarget } from "./target-tags";

/**
 * The `--platform` values that make pip 23.2.1's `pip download --only-binary=:all:`
 * accept exactly targetTags(target), as a set.
 *
 * pip 23.2.1 does not expand a perennial tag: `--platform manylinux_2_36_x86_64`
 * means that one platform only (pip/_internal/utils/compatibility_tags.py
 * _get_custom_platforms expands nothing but manylinux2014 -> +manylinux2010,
 * +manylinux1 on x86_64/i686, and manylinux2010 -> +manylinux1). So every
 * platform has to be passed, each as its own --platform. The order then
 * matches too, except on x86_64 glibc ≥ 2.17 where that expansion pulls
 * manylinux2010/manylinux1 up right behind manylinux2014 — same set, slightly
 * different priorities among old manylinux tags.
 */
export function pipPlatformArgs(target: TagTarget): string[] {
  return linuxPlatforms(target);
}

/**
 * Every target-describing argument for `pip download` / `pip install --target`:
 * `--python-version X.Y[.Z] --implementation cp --abi cpXY --platform ...`.
 * The Python version is passed as given: tags only use X.Y, but pip also
 * checks Requires-Python against it, where "3.12.4" vs "3.12" can matter.
 *
 * Free-threaded targets cannot be reproduced by pip 23.2.1: its vendored
 * packaging 21.3 adds abi3 (not abi3t) tags for any `--abi cp313t`, so its set
 * has cpXY-abi3-* where targetTags has cpXY-abi3t-*.
 */
export function pipTargetArgs(target: TagTarget): string[] {
  // pip's --python-version takes digits only; a pre-release image ("3.13.0rc3") checks Requires-Python
  // against sys.version_info[:3] anyway, i.e. 3.13.0.
  const pythonVersion = target.pythonVersion.replace(/(?:a|b|rc)\d+$/, "");
  const args = ["--python-version", pythonVersion, "--implementation", "cp", "--abi", interpreterAbi(target)];
  for (const p of pipPlatformArgs(target)) args.push("--platform", p);
  return args;
}
