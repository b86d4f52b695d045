import type { Diagnostic, RequirementOrigin } from "@/lib/requirements-file";
import type { PackageVerdict } from "@/lib/resolve";
import type { Requirer } from "@/lib/resolve/resolver";
import type { GeneratedDockerfile } from "@/lib/dockerfile";
import type { Estimate, EstimateParameters } from "@/lib/estimate";
import type { Recommendation } from "./recommend";
import type { SystemDependencies } from "./sysdeps";

// The report: one plain, serialisable value that the API, the pages, share links and the CLI render.
// Bump SCHEMA_VERSION when a field changes meaning or disappears; adding fields keeps the version.
// 2: packages became the whole install set (transitive dependencies included), with builds and compiles.
// Added since (same version): sysdeps, estimate, dockerfile, builder, blocker, recommendation.
export const SCHEMA_VERSION = 2;

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
}

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
}

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

export interface TargetReport {
  /** Canonical image reference, e.g. "python:3.12-slim-bookworm". */
  base: string;
  /** What the person asked for, e.g. a floating tag like "python:3.12-slim". */
  requestedAs: string;
  resolvedNote: string | null;
  arch: "amd64" | "arm64";
  python: string;
  libc: { family: "glibc" | "musl"; version: string };
  os: string;
  packageManager: string;
  /**
   * Resolved mode: whether pip finds a set of versions that works here; if not, why (code), and packages
   * are judged line by line. "conflict": pip finds none; "too-deep": pip would still be backtracking;
   * "work-budget" / "deadline": Basewise stopped before it knew (see unreached).
   */
  resolution: { ok: true } | { ok: false; code: ResolutionFailureCode; explanation: string };
  /** Projects Basewise had not resolved when the analysis's work budget or deadline ran out; empty when it finished. */
  unreached: UnreachedPackage[];
  /** The install set (resolved mode), or the file's lines (--no-deps). Requested packages first, in file order. */
  packages: TargetPackage[];
  /** Requirements whose environment marker is false on this image: pip skips them. */
  skipped: { name: string; line: number; marker: string }[];
  /** One per sdist pip builds, build requirements' own sdists included. */
  builds: BuildEnvironment[];
  /** Every package compiled on the way to the image, build-isolation builds included. */
  compiles: CompiledPackage[];
  summary: { packages: number; wheels: number; sdists: number; none: number; unknown: number; direct: number; compiles: number };
  /** OS packages to build (builder stage) and to keep (final stage), each with the compiles that need it. */
  sysdeps: SystemDependencies;
  /** Build time and image size, with their breakdowns, for the report's estimate parameters. */
  estimate: Estimate;
  /** The recommended Dockerfile: text to download, and each line with why. */
  dockerfile: GeneratedDockerfile;
  /** The image the build runs in when this one has no shell or pip (distroless); null otherwise. */
  builder: string | null;
  /** Why the build fails on this image, when it does (used by the recommendation). */
  blocker: string | null;
}

export type ResolutionFailureCode = "conflict" | "too-deep" | "work-budget" | "deadline";

/** A project the resolver knew it needed but had not pinned when it was stopped. */
export interface UnreachedPackage {
  name: string;
  reason: "work-budget" | "deadline";
  /** The build environment it was needed in ("pandas 1.5.2"); null for the image's own install set. */
  insideBuildOf: string | null;
}

export interface ReportError {
  /** What the error is about: a base image reference, a package name, or "index". */
  subject: string;
  message: string;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  generatedAt: string;
  asOf: string;
  /** Files the index gave no upload time for: "as of" could not check them, so they were all considered. */
  undatedFiles: number;
  /** "resolved": every dependency, as pip resolves them; "direct": only the requirements written in the file, like pip --no-deps. */
  mode: "resolved" | "direct";
  index: { host: string };
  requirements: RequirementSummary[];
  options: {
    pre: boolean;
    preferBinary: boolean;
    onlyBinary: string[];
    noBinary: string[];
    requireHashes: boolean;
  };
  diagnostics: Diagnostic[];
  targets: TargetReport[];
  /** The estimate parameters every target's estimate used. */
  estimateParameters: EstimateParameters;
  /** The image to take, by the stated rule, and why; null when no image was analysed. */
  recommendation: Recommendation | null;
  errors: ReportError[];
}

/** What an analysis is asked: the request contract's type (lib/contract/request.ts), validated at the edge. */
export type AnalyzeInput = import("@/lib/contract/request").AnalyzeRequest;

export type AnalyzeResult = { ok: true; report: Report } | { ok: false; status: 413 | 422; error: string };
