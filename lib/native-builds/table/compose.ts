/**
 * Small helpers that keep rows short and consistent: a row's OS lists start from its toolchains, so
 * a C++ row cannot forget g++ or libstdc++.
 */
import { NOTHING, osPackages, TOOLCHAIN } from "../os-packages";
import type { NativeBuildEra, OsPackageSet, PackageNativeBuilds, Toolchain } from "../types";

/** The compilers' packages plus any libraries and tools. */
export function compiled(toolchains: readonly Toolchain[], ...pieces: readonly OsPackageSet[]): OsPackageSet {
  return osPackages(...toolchains.map((t) => TOOLCHAIN[t]), ...pieces);
}

/** A pure row; `runtime` is for libraries loaded through ctypes/cffi at run time. */
export function pure(versions: string, fields: Pick<NativeBuildEra, "backend" | "confidence" | "sources" | "note"> & { runtime?: OsPackageSet }): NativeBuildEra {
  const { runtime, ...rest } = fields;
  return { versions, kind: "pure", toolchains: [], os: runtime ?? NOTHING, ...rest };
}

/**
 * A setuptools extension with bundled sources and no system library, built the same way by every
 * release: a compiler is all it needs.
 */
export function selfContained(name: string, sources: readonly string[], note: string, toolchains: readonly Toolchain[] = ["c"]): PackageNativeBuilds {
  return project(name, { versions: "", kind: "native", toolchains, backend: "setuptools", os: compiled(toolchains), confidence: "high", sources, note });
}

export function project(name: string, ...eras: readonly NativeBuildEra[]): PackageNativeBuilds {
  return { name, eras };
}
