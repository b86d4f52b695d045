/**
 * The shapes of the build-requirements table and of a lookup's answer.
 */

/**
 * How far to trust one table row:
 * - high: read in that release's own pyproject.toml (or an end-to-end test of the real sdist), or
 *   the shared sysdeps entry, marked high, describes exactly this range;
 * - medium: the structure is certain (backend, which tools, which numpy strategy) but a floor or
 *   pin may differ between patch releases of the range;
 * - low: written from memory or from a secondary source; the exact pins are probably approximate.
 */
export type Confidence = "high" | "medium" | "low";

/**
 * A requirement the backend adds itself once the isolated environment exists (PEP 517
 * `get_requires_for_build_wheel`); pip installs it into the same environment, for the same target.
 */
export interface DynamicRequirement {
  /** A PEP 508 requirement string. */
  readonly requirement: string;
  /** When the backend asks for it, in words for the report. */
  readonly when: string;
}

/**
 * The backend families whose own dynamic requirements we know (see backends.ts). "other" adds
 * nothing beyond what a row lists itself.
 */
export type BackendFamily = "setuptools" | "meson-python" | "scikit-build-core" | "maturin" | "other";

/** Marks an sdist without a `[build-system]` table: pip falls back to its default (pip-default.ts). */
export const NO_BUILD_SYSTEM = "no-build-system";

/** One range of a project's releases that share a `[build-system]` table. */
export interface BuildSystemEra {
  /**
   * The releases, as a PEP 440 specifier set made only of `>=` and `<` clauses (a half-open
   * interval), so that the table test can prove the ranges of one project do not overlap. Empty
   * string = every release.
   */
  readonly versions: string;
  /**
   * `build-system.requires` as written (PEP 508 strings), minus lines whose markers are false on
   * every Linux target (macOS- or Windows-only pins), or NO_BUILD_SYSTEM.
   */
  readonly requires: readonly string[] | typeof NO_BUILD_SYSTEM;
  /** `build-system.build-backend` as pip uses it (pip's own fallback when the key is absent). */
  readonly backend: string;
  readonly family: BackendFamily;
  /** Requirements this project's backend adds at build time, beyond its family's (e.g. yarl adds Cython). */
  readonly dynamic?: readonly DynamicRequirement[];
  readonly confidence: Confidence;
  /** Where the facts come from: URLs, `owner/repo@commit:path` reads, or the sysdeps entry. */
  readonly source: string;
  /** What a reader should know: approximations, patch-level differences, environment switches. */
  readonly note?: string;
}

export interface PackageBuildSystems {
  /** The project name as PyPI displays it; lookups compare PEP 503 normal forms. */
  readonly name: string;
  /** Oldest range first. Releases outside every range fall back to pip's default, saying so. */
  readonly eras: readonly BuildSystemEra[];
}

/** What pip installs into the isolated build environment before it builds one sdist. */
export interface BuildRequirements {
  /** `build-system.requires` (or pip's default), PEP 508 strings, in the order written. */
  requires: string[];
  /** What the backend may add once running (conditions in `when`). */
  dynamic: DynamicRequirement[];
  /** The PEP 517 backend pip calls; null when not known. */
  backend: string | null;
  /** true: the sdist declares `[build-system]`; false: it has none; null: not known. */
  declared: boolean | null;
  source: string;
  confidence: Confidence;
  /** "table": the table has a row for this release; "pip-default": it does not, pip's default is assumed. */
  basis: "table" | "pip-default";
  /** One or two sentences for the report, e.g. why this is only a default. */
  note: string;
}

export interface LookupOptions {
  /**
   * The pip that will run the build (the image's, or the one the Dockerfile upgrades to). Decides
   * whether pip's default includes `wheel` (before pip 24.0). Absent or unreadable: current pip.
   */
  pipVersion?: string;
}
