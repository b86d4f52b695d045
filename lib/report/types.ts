import type { MetadataFailureReason } from "@/lib/index";
import type { Diagnostic, RequirementOrigin } from "@/lib/requirements-file";
import type { PackageVerdict } from "@/lib/resolve";
import type { Requirer, ResolutionFailureCode } from "@/lib/resolve/resolver";
import type { Target } from "@/lib/targets";
import type { EstimateOptions } from "@/lib/estimate";
import type { Arch } from "@/lib/targets";
import type { Report } from "@/lib/contract/report";
import type { ConstraintTranslation, InputKind, LockSummary } from "@/lib/inputs/types";
import type { BuildPlan } from "./build-plan";
import type { Recommendation } from "./recommend";
import type { CompileViability } from "./viability";

// The engine's results for one analysis, before assemble.ts reshapes them into the public report
// (lib/contract/report.ts). These types follow the engine; the report's shape does not.

export { REPORT_SCHEMA_VERSION as SCHEMA_VERSION } from "@/lib/contract/report";
export type { Report } from "@/lib/contract/report";
export type { ResolutionFailureCode } from "@/lib/resolve/resolver";

export interface RequirementSummary {
  line: number;
  text: string;
  /** PEP 503 normal form; null for an unnamed URL or path. */
  name: string | null;
  extras: string[];
  specifier: string;
  marker: string | null;
  origin: RequirementOrigin;
  editable: boolean;
  hashes: number;
  /** The included file the line is in (-r); null for the main file. */
  file: string | null;
}

export interface TargetPackage extends PackageVerdict {
  /** Line of the requirement in the pasted file (the first, when a name appears on several lines); null for a dependency. */
  line: number | null;
  /** Named in the requirements file, as opposed to pulled in by another package. */
  requested: boolean;
  /** Every requirement on it: from the file (project null) or from an installed package's metadata. */
  requiredBy: Requirer[];
  /** The shortest chain that pulls it in, from a requirement in the file: ["fastapi 0.110.0", "pydantic 2.6.4"]; [] when requested. */
  via: string[];
  /** Why its own dependencies are not known (its metadata could not be read), when they are not. */
  dependenciesUnknown: string | null;
  /**
   * The same as a code, set once the install set is known (withDependencyCodes): the index's reason
   * when the metadata failed, else why dependencies were not followed at all.
   */
  dependenciesUnknownCode?: DependenciesUnknownReason | null;
}

export type DependenciesUnknownReason = MetadataFailureReason | "no-deps" | "direct-reference" | "not-resolved";

/** The isolated environment pip installs before it builds one sdist (PEP 517/518), resolved on the same image. */
export interface BuildEnvironment {
  /** The sdist being built. */
  name: string;
  version: string;
  /** The build this one happens inside: null for a package of the image, "pandas 1.5.2" for a build requirement's own build. */
  insideBuildOf: string | null;
  /** build-system.requires (or pip's default), as written. */
  requires: string[];
  /** What the backend may add once running, each with when. Not resolved: whether it applies depends on the build. */
  dynamic: { requirement: string; when: string }[];
  backend: string | null;
  /**
   * "sdist": read from the pyproject.toml inside the sdist (servers that allow fetching sdists);
   * "table": Basewise's curated table has this release; "pip-default": it does not, pip's default is assumed.
   */
  basis: "sdist" | "table" | "pip-default";
  source: string;
  confidence: "high" | "medium" | "low";
  note: string;
  /** The build environment's install set; empty when it could not be resolved. */
  packages: TargetPackage[];
  /** Why pip could not set up this build environment, when it could not. */
  explanation: string | null;
  /** The same as a code; null exactly when explanation is. */
  failure: BuildFailureCode | null;
}

export type BuildFailureCode = "unreadable-build-requirements" | ResolutionFailureCode;

/** A package pip compiles on this image: for the image itself, or inside another package's build environment. */
export interface CompiledPackage {
  name: string;
  /** null for a direct reference (a URL or path), whose version Basewise does not fetch to learn. */
  version: string | null;
  /** true: compiled only as a build requirement of another sdist (pandas < 2.1 on Alpine builds numpy for its build). */
  buildRequirement: boolean;
  /** The builds that need it ("pandas 1.5.2"); empty when only the image needs it. */
  forBuildOf: string[];
}

/** A project the resolver knew it needed but had not pinned when it was stopped. */
export interface UnreachedPackage {
  name: string;
  reason: "work-budget" | "deadline";
  /** The build environment it was needed in ("pandas 1.5.2"); null for the image's own install set. */
  insideBuildOf: string | null;
}

/** Why `docker build` would fail on an image: a code, and the phrase the report shows. */
export interface Blocker {
  code: "no-solution" | "nothing-installable" | "build-fails" | "build-environment";
  text: string;
  /** How many things stop the build: packages with nothing installable, or build environments that cannot be set up; 1 for no solution. */
  count: number;
}

/** One image's analysis, as the engine leaves it. */
export interface TargetResult {
  target: Target;
  /** What the person asked for, e.g. a floating tag like "python:3.12-slim". */
  requestedAs: string;
  resolvedNote: string | null;
  /** Resolved mode: whether pip finds a set of versions that works here; if not, why (packages are then judged line by line). */
  resolution: { ok: true } | { ok: false; code: ResolutionFailureCode; explanation: string };
  unreached: UnreachedPackage[];
  /** The install set (resolved mode), or the file's lines (--no-deps, or no resolution). */
  packages: TargetPackage[];
  /** Requirements whose environment marker is false on this image. */
  skipped: { name: string; line: number; marker: string }[];
  builds: BuildEnvironment[];
  /** Every compile, with whether it builds here (lib/build-viability). */
  compiles: (CompiledPackage & { viability: CompileViability })[];
  /** OS packages, estimates, Dockerfile and builder image. */
  plan: BuildPlan;
  blocker: Blocker | null;
  /** A lock file (mode "locked"): what its markers choose here; null for any other input. */
  lock: LockSelection | null;
}

/** One pin of a lock file. */
export interface LockPin {
  name: string;
  /** The pinned version; null when the entry pins none (a URL, a path). */
  version: string | null;
  line: number;
  marker: string | null;
}

/** What a lock's markers choose on one image, against the other images of the analysis. */
export interface LockSelection {
  /** Pins whose markers are false here. */
  skipped: LockPin[];
  /** Pins selected here but not on some other target, with those targets. */
  differing: (LockPin & { notOn: { base: string; arch: Arch }[] })[];
}

/** What the input was: its kind, what went with it, what a lock says about itself. */
export interface AnalysisInput {
  kind: InputKind;
  detectedKind: InputKind;
  fileName: string | null;
  /** Names of the files given with the main one. */
  files: string[];
  lock: LockSummary | null;
  translations: ConstraintTranslation[];
  extras: { chosen: string[]; available: string[] };
  groups: { chosen: string[]; available: string[] };
}

/** A problem with the request as a whole or one of its images. */
export interface AnalysisError {
  code: "unknown-image" | "arch-not-published" | "index-unreachable" | "as-of-undated";
  /** A base image reference as given, "index", or "asOf". */
  subject: string;
  message: string;
}

/** Everything one analysis found, for assemble() to turn into the report. */
export interface Analysis {
  generatedAt: string;
  asOf: string;
  undatedFiles: number;
  /** locked: a lock file's pins as written, never re-resolved. */
  mode: "resolved" | "direct" | "locked";
  input: AnalysisInput;
  indexHost: string;
  requirements: RequirementSummary[];
  options: { pre: boolean; preferBinary: boolean; onlyBinary: string[]; noBinary: string[]; requireHashes: boolean };
  diagnostics: Diagnostic[];
  /** The architectures asked for, in order; every image is analysed on each it is published for. */
  archs: Arch[];
  estimateParameters: EstimateOptions;
  targets: TargetResult[];
  recommendation: Recommendation | null;
  errors: AnalysisError[];
}

/** What an analysis is asked: the request contract's type (lib/contract/request.ts), validated at the edge. */
export type AnalyzeInput = import("@/lib/contract/request").AnalyzeRequest;

export type AnalyzeResult = { ok: true; report: Report } | { ok: false; status: 413 | 422; error: string };
