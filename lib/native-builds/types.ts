/**
 * The shapes of the native-build table (what compiling one sdist needs from the OS) and of a
 * lookup's answer.
 */

/**
 * How far to trust one row:
 * - high: read in the project's own build files (setup.py, pyproject.toml, CMakeLists.txt) or in a
 *   CI job that built the sdist (rgommers/external-deps-build), for the releases the row covers;
 * - medium: the structure is right (toolchains, libraries) but a boundary release or a package name
 *   on one distro comes from a secondary source;
 * - low: written from memory or inferred; the note says what to check.
 */
export type Confidence = "high" | "medium" | "low";

/**
 * What pip ends up doing with the sdist on CPython:
 * - native: it compiles, and fails without the toolchain;
 * - optional-native: it compiles a speed-up that has a pure-Python twin (see `PureFallback`);
 * - pure: nothing to compile (the sdist may still load a C library at run time through ctypes/cffi).
 */
export type BuildKind = "native" | "optional-native" | "pure";

/** Compilers. Cython and OpenMP are flags beside them: neither is an OS compiler of its own. */
export type Toolchain = "c" | "cxx" | "fortran" | "rust";

/** The image's package manager; "none" is distroless, where nothing can be installed. */
export type PackageManager = "apt" | "apk" | "dnf" | "none";

/** OS packages for one package manager: the builder stage's and the final image's. */
export interface OsPackages {
  /** Compilers, tools and -dev/-devel packages the build needs. */
  readonly build: readonly string[];
  /** Shared libraries the installed extension loads; they must stay in the final image. */
  readonly runtime: readonly string[];
}

/**
 * Package names per distro family: apt = Debian 12 (bookworm) / Ubuntu, apk = Alpine,
 * dnf = Fedora/RHEL/UBI names (many -devel packages need CRB/EPEL on UBI), wolfi = Wolfi's apk
 * names (build-base instead of gcc + musl-dev, versioned streams), where they are known.
 */
export interface OsPackageSet {
  readonly apt: OsPackages;
  readonly apk: OsPackages;
  readonly dnf: OsPackages;
  readonly wolfi?: OsPackages;
}

/**
 * A part of a build that is optional: what the listed packages turn on (`enables`), or a feature
 * built only when its -dev package is present (Pillow's FreeType, uWSGI's SSL).
 */
export interface BuildPart {
  /** Short, stable within the project ("freetype", "libyaml"): what a program reads. */
  readonly code: string;
  /** The part in words, for the report. */
  readonly feature: string;
}

/** A feature that is built only when its -dev package is present (Pillow's freetype, uWSGI's SSL). */
export interface OptionalFeature extends BuildPart {
  readonly packages: OsPackageSet;
}

/** How an optional-native build ends up pure Python. */
export interface PureFallback {
  /**
   * true: a failed compile (no compiler, missing header) quietly installs the pure-Python code;
   * false: the build fails unless `env` asks for the pure build up front.
   */
  readonly automatic: boolean;
  /** The switch that asks for the pure build without trying to compile (e.g. AIOHTTP_NO_EXTENSIONS=1). */
  readonly env?: EnvSwitch;
}

export interface EnvSwitch {
  readonly name: string;
  readonly value: string;
}

/** An environment variable that changes what the build needs or does, for the releases of its row. */
export interface BuildEnvVar extends EnvSwitch {
  /** What setting it does, in words for the report. */
  readonly effect: string;
  /**
   * true: the recommended Dockerfile sets it for these releases (CRYPTOGRAPHY_DONT_BUILD_RUST on
   * 3.4.x, so no Rust toolchain is installed) and the row's OS lists assume it is set; otherwise it
   * is an option, shown in the report only.
   */
  readonly set?: boolean;
}

/** One range of a project's releases that build the same way. */
export interface NativeBuildEra {
  /**
   * The releases, as a PEP 440 specifier set made only of `>=` and `<` clauses (a half-open
   * interval); "" = every release. A project's ranges do not overlap and, oldest first, cover every
   * release, so each release has exactly one row.
   */
  readonly versions: string;
  readonly kind: BuildKind;
  /** Present exactly when kind is "optional-native". */
  readonly fallback?: PureFallback;
  /** Empty for pure rows. */
  readonly toolchains: readonly Toolchain[];
  /** Cython runs at build time (pip installs it from PyPI; no OS package needed). */
  readonly cython?: boolean;
  /** Built with OpenMP: the final image needs the compiler's OpenMP runtime (libgomp). */
  readonly openmp?: boolean;
  /** The PEP 517 backend, in words ("setuptools", "maturin", "meson-python", …). */
  readonly backend: string;
  /** Build tools beyond the compilers, for the report (pkg-config, cmake, pg_config, …). */
  readonly tools?: readonly string[];
  readonly os: OsPackageSet;
  /**
   * Where parts of the build are optional: what the listed `os` packages turn on (PyYAML's libyaml
   * binding, Pillow's JPEG and zlib formats). The parts they leave off are `optional`, each with the
   * packages that add it.
   */
  readonly enables?: readonly BuildPart[];
  readonly optional?: readonly OptionalFeature[];
  readonly env?: readonly BuildEnvVar[];
  /**
   * PyPI has no usable sdist for these releases: without a matching wheel pip cannot install them
   * at all, and the toolchains describe a build from a source checkout.
   */
  readonly wheelOnly?: boolean;
  readonly confidence: Confidence;
  /** At least one URL or `owner/repo@commit:path` read. */
  readonly sources: readonly string[];
  /** What a reader should know: boundaries, distro caveats, slow builds. */
  readonly note?: string;
}

export interface PackageNativeBuilds {
  /** The project name as PyPI displays it; lookups compare PEP 503 normal forms. */
  readonly name: string;
  /** Oldest range first. */
  readonly eras: readonly NativeBuildEra[];
}

/** OS packages in an answer; wolfi is null when the table has no Wolfi names for the row. */
export interface AnswerOsPackages {
  apt: { build: string[]; runtime: string[] };
  apk: { build: string[]; runtime: string[] };
  dnf: { build: string[]; runtime: string[] };
  wolfi: { build: string[]; runtime: string[] } | null;
}

export interface AnswerEnvVar {
  name: string;
  value: string;
  effect: string;
  /** The recommended Dockerfile sets it (see BuildEnvVar.set). */
  set: boolean;
  /** The releases it applies to (the row's range; "" = every release). */
  appliesTo: string;
}

/** What compiling one release of one project needs. */
export interface NativeBuildAnswer {
  /** The project as the table spells it, or the name asked for when the table does not know it. */
  name: string;
  version: string;
  kind: BuildKind;
  fallback: { automatic: boolean; env: EnvSwitch | null } | null;
  toolchains: Toolchain[];
  cython: boolean;
  openmp: boolean;
  backend: string | null;
  tools: string[];
  os: AnswerOsPackages;
  /** What the listed packages turn on, where parts are optional (empty when the row does not say). */
  enables: { code: string; feature: string }[];
  optional: { code: string; feature: string; os: AnswerOsPackages }[];
  env: AnswerEnvVar[];
  wheelOnly: boolean;
  /** The table row's range ("" = every release); null for a generic answer. */
  appliesTo: string | null;
  /** "table": a row for this release; "generic": the table does not know the project. */
  basis: "table" | "generic";
  sources: string[];
  confidence: Confidence;
  note: string;
}
