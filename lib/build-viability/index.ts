// Will building one release of a project from its sdist succeed on a target (CPython version,
// libc, arch, distro, package manager)? A curated, sourced table of releases that cannot build on
// a newer CPython, build requirements that broke them, Rust toolchain minimums against the distro's
// rustc, libraries a distro lacks, and platforms a build refuses; with the first release that fixes it.
export { buildViability, nearestViable } from "./lookup";
export { BUILD_VIABILITY_TABLE, findViabilityProject } from "./table";
export { DISTRO_RUST, distroRustFor } from "./distro-toolchains";
export { PYO3_MAXIMUM_PYTHON } from "./table/pyo3";
export type {
  Breakage,
  BuildTarget,
  CPythonChange,
  Confidence,
  FailureCode,
  ProjectViability,
  PythonFloor,
  Viability,
  ViabilityAnswer,
  ViabilityCode,
  ViabilityFix,
  ViabilityProblem,
  ViabilityQuery,
  ViabilityReason,
} from "./types";
