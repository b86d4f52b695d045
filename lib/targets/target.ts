import { resolveBaseImage } from "./resolve";
import type { Arch, BaseImage, MakeTargetResult, MarkerEnvironment, Target } from "./types";

// A target is one base image on one arch: what the resolver and the tag generator evaluate against.

const MACHINE: Record<Arch, Target["machine"]> = { amd64: "x86_64", arm64: "aarch64" };

// Spellings people use for the two arches (Docker platforms, uname -m, Debian and Go names).
const ARCH_SPELLINGS: Record<string, Arch> = {
  amd64: "amd64",
  "x86_64": "amd64",
  "x86-64": "amd64",
  x64: "amd64",
  "linux/amd64": "amd64",
  arm64: "arm64",
  aarch64: "arm64",
  arm64v8: "arm64",
  "arm64/v8": "arm64",
  "linux/arm64": "arm64",
  "linux/arm64/v8": "arm64",
};

export function parseArch(input: string): { ok: true; arch: Arch } | { ok: false; error: string } {
  const arch = ARCH_SPELLINGS[input.trim().toLowerCase()];
  if (arch) return { ok: true, arch };
  return { ok: false, error: `Unsupported architecture "${input.trim()}": Basewise predicts for amd64 (x86_64) and arm64 (aarch64).` };
}

export function makeTarget(image: BaseImage, arch: Arch): MakeTargetResult {
  if (!image.archs.includes(arch)) {
    const published = image.platforms.length ? image.platforms.join(", ") : "no platform list in the data";
    return { ok: false, error: `${image.reference} is not published for ${arch} (published for: ${published}).` };
  }
  const libcVersion = image.libc.byArch[arch] ?? image.libc.version;
  return {
    ok: true,
    target: { image, arch, pythonVersion: image.python.version, libc: { family: image.libc.family, version: libcVersion }, machine: MACHINE[arch] },
  };
}

/** Reference and arch as a person types them, to a target, with the resolver's note kept. */
export function resolveTarget(reference: string, arch: string): { ok: true; target: Target; resolvedFrom?: string; notes?: string[] } | { ok: false; error: string; suggestions: string[] } {
  const parsedArch = parseArch(arch);
  if (!parsedArch.ok) return { ok: false, error: parsedArch.error, suggestions: ["amd64", "arm64"] };
  const resolved = resolveBaseImage(reference);
  if (!resolved.ok) return resolved;
  const made = makeTarget(resolved.image, parsedArch.arch);
  if (!made.ok) return { ok: false, error: made.error, suggestions: [] };
  const result: { ok: true; target: Target; resolvedFrom?: string; notes?: string[] } = { ok: true, target: made.target };
  if (resolved.resolvedFrom) result.resolvedFrom = resolved.resolvedFrom;
  if (resolved.notes) result.notes = resolved.notes;
  return result;
}

// packaging.markers._format_full_version: sys.implementation.version of a pre-release is written with the
// first letter of its releaselevel ("alpha", "beta", "candidate"): 3.13.0rc3 → "3.13.0c3".
function implementationVersion(full: string): string {
  const match = /^(\d+\.\d+\.\d+)(a|b|rc)(\d+)$/.exec(full);
  if (!match) return full;
  const [, release = "", level = "", serial = ""] = match;
  return `${release}${level === "rc" ? "c" : level}${serial}`;
}

export function markerEnvironment(target: Target): MarkerEnvironment {
  // A pre-release image (python:3.X-rc): platform.python_version() reports "3.13.0rc3".
  const full = target.image.python.preRelease ?? target.pythonVersion;
  const [major = "3", minor = "0"] = full.split(".");
  return {
    python_version: `${major}.${minor}`,
    // When the catalog only knows the minor, this is "3.10", which PEP 440 compares as 3.10.0.
    python_full_version: full,
    implementation_name: "cpython",
    // CPython's sys.implementation.version is its own version; final releases format identically.
    implementation_version: implementationVersion(full),
    platform_python_implementation: "CPython",
    sys_platform: "linux",
    platform_system: "Linux",
    platform_machine: target.machine,
    // platform.release() and platform.version() describe the kernel, and a container shares the kernel
    // of whatever host runs `docker build`; no base image determines them, so they are left empty
    // (markers on them are rare and would be host-specific anyway).
    platform_release: "",
    platform_version: "",
    os_name: "posix",
  };
}
