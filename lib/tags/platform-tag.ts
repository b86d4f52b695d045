/** What a wheel's platform tag says about the system it needs. */
export type PlatformRequirement =
  | { family: "glibc" | "musl"; libc: { major: number; minor: number }; arch: string }
  | { family: "linux"; arch: string } // plain linux_<arch>: any libc, no promise at all
  | { family: "any" }
  | { family: "other"; label: string }; // Windows, macOS, iOS, Android, WebAssembly, ...

// PEP 600 perennial form, and the legacy aliases with the glibc they stand for.
const MANYLINUX = /^manylinux_(\d+)_(\d+)_(.+)$/;
const LEGACY_MANYLINUX = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/;
const LEGACY_GLIBC: Record<string, { major: number; minor: number }> = {
  manylinux1: { major: 2, minor: 5 }, // PEP 513
  manylinux2010: { major: 2, minor: 12 }, // PEP 571
  manylinux2014: { major: 2, minor: 17 }, // PEP 599
};
const MUSLLINUX = /^musllinux_(\d+)_(\d+)_(.+)$/; // PEP 656
const LINUX = /^linux_(.+)$/;

const OTHER_FAMILIES: readonly [RegExp, string][] = [
  [/^win/, "Windows"],
  [/^macosx_/, "macOS"],
  [/^ios_/, "iOS"],
  [/^android_/, "Android"],
  [/^(emscripten|pyodide|pyemscripten)_/, "WebAssembly (Pyodide)"],
  [/^(freebsd|openbsd|netbsd)/, "BSD"],
  [/^(solaris|sunos)/, "Solaris"],
  [/^cygwin/, "Cygwin"],
];

export function parsePlatformTag(platform: string): PlatformRequirement {
  if (platform === "any") return { family: "any" };
  let m = MANYLINUX.exec(platform);
  if (m) return { family: "glibc", libc: { major: Number(m[1]), minor: Number(m[2]) }, arch: m[3] ?? "" };
  m = LEGACY_MANYLINUX.exec(platform);
  if (m) return { family: "glibc", libc: LEGACY_GLIBC[m[1] ?? ""] ?? { major: 2, minor: 17 }, arch: m[2] ?? "" };
  m = MUSLLINUX.exec(platform);
  if (m) return { family: "musl", libc: { major: Number(m[1]), minor: Number(m[2]) }, arch: m[3] ?? "" };
  m = LINUX.exec(platform);
  if (m) return { family: "linux", arch: m[1] ?? "" };
  for (const [pattern, label] of OTHER_FAMILIES) if (pattern.test(platform)) return { family: "other", label };
  return { family: "other", label: platform };
}
