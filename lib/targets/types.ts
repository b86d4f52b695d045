// The values the base-image catalog hands out. A base image is data with its sources attached,
// never a tag string that other modules parse again.

/** The two CPU architectures Basewise predicts for (Docker's names). */
export type Arch = "amd64" | "arm64";

export type LibcFamily = "glibc" | "musl";

export type OsId = "debian" | "alpine" | "ubuntu" | "rhel" | "wolfi";

export type PackageManager = "apt" | "apk" | "dnf" | "none";

/**
 * full: docker-library's full image (buildpack-deps: gcc, make, many -dev packages);
 * slim: Debian slim with CPython built from source, no compiler;
 * alpine: Alpine with CPython built from source, no compiler;
 * distroless: a Python runtime without shell, pip or package manager;
 * distro: a plain OS image whose Python comes from the OS's own packages.
 */
export type Variant = "full" | "slim" | "alpine" | "distroless" | "distro";

export interface BaseImage {
  /** Canonical reference, e.g. "python:3.12-slim-bookworm". */
  reference: string;
  /** Other references that point at this image today (floating tags, codenames, registry spellings). */
  aliases: string[];
  python: {
    /** "3.12.14"; just the minor ("3.10") when the data does not say which patch the tag last carried. */
    version: string;
    implementation: "cp";
    patchKnown: boolean;
    /**
     * A pre-release build (python:3.X-rc tags): what platform.python_version() reports, "3.13.0rc3".
     * `version` then holds its release part ("3.13.0"), which is what pip checks Requires-Python against
     * (sys.version_info[:3]).
     */
    preRelease?: string;
    note?: string;
  };
  libc: {
    family: LibcFamily;
    /** As the OS reports it (musl may carry a suffix: "1.2.4_git20230717"); amd64's when arches differ. */
    version: string;
    /** Per architecture, from the per-arch survey where there is one. */
    byArch: Partial<Record<Arch, string>>;
  };
  os: { id: OsId; version: string; codename?: string };
  packageManager: PackageManager;
  variant: Variant;
  hasCompiler: boolean;
  hasPip: boolean;
  hasShell: boolean;
  /** Python distributions installed in the image before any `pip install` (versions when known). */
  pythonPackages: string[];
  /** Where `pip install` runs when it cannot run in the image (no shell or pip); null: it runs in the image. */
  builder: BuilderImage | null;
  /** For an image with no Python of its own (Ubuntu): the OS packages that bring it; null when the image has Python. */
  distroPython: DistroPython | null;
  /**
   * For an image without a package manager: runtime libraries it already carries, as its builder's
   * package manager names them; a compile that links only these needs nothing copied in. null when
   * the image has a package manager (runtime libraries are installed there).
   */
  carriedLibraries: { names: string[]; source: string } | null;
  /** The two arches Basewise handles that the image is published for. */
  archs: Arch[];
  /** Every platform the image is published for, as the registry names them ("linux/arm/v7", ...). */
  platforms: string[];
  sizes: {
    compressedBytes: Partial<Record<Arch, number>>;
    uncompressedBytes: Partial<Record<Arch, number>>;
    /** True when any figure above is an estimate rather than a reading. */
    estimated: boolean;
    note?: string;
  };
  /** Build date of the measured image, as the report gives it. */
  builtOn?: string;
  /** "current": still rebuilt upstream; "frozen": no longer published, the tag stays where it was. */
  lifecycle: "current" | "frozen";
  /** When the image goes (or went) out of security support, why, and what to move to. */
  support: ImageSupport;
  /** Facts the data does not have; the fields they affect hold a stated assumption. */
  gaps: string[];
  notes: string[];
  sources: string[];
}

/**
 * endOfLife: YYYY-MM-DD, the earlier of the image's CPython end of life and its OS release's (for an
 * image whose Python is the OS's own, the OS's alone); null when neither is announced.
 * cause: which of the two sets the date ("both" when they coincide); null with no date.
 * successor: canonical reference of the nearest catalog image of the same family that is supported on
 * the catalog date; null when there is no end of life or nothing qualifies.
 * sources: where each date comes from.
 */
export interface ImageSupport {
  endOfLife: string | null;
  cause: "python" | "os" | "both" | null;
  successor: string | null;
  sources: string[];
}

/** A catalog entry before catalog.ts adds its support facts (they depend on the whole catalog). */
export type BaseImageDraft = Omit<BaseImage, "support">;

/**
 * The image a build runs in for a base that cannot run pip: the same Python at the same path, so the
 * virtualenv built there runs unchanged in the final image.
 */
export interface BuilderImage {
  reference: string;
  packageManager: Exclude<PackageManager, "none">;
  /** What its package manager's names depend on (Debian renames some libraries per release). */
  os: { id: OsId; codename?: string };
  /** OS packages its Python needs: always (a distro python3 and its venv module), and for compiles (its headers). */
  python: { always: string[]; forCompiles: string[] };
  /** amd64's figures; null when the builder is not in the catalog, so its size is not counted. */
  sizes: { uncompressedBytes: number | null; compressedBytes: number | null };
  /** Why this builder: the same interpreter at the same path. */
  why: string;
  source: string;
}

/** A Python from the OS's own packages: what apt installs before pip can run, each with why. */
export interface DistroPython {
  /** In the image and in the builder: the interpreter and its venv module. */
  packages: { name: string; why: string }[];
  /** In the builder only, when something compiles: the headers. */
  forCompiles: { name: string; why: string }[];
  source: string;
  /**
   * What `packages` add to the bare image once installed, with everything they pull in (amd64): part of
   * the image's size. bytes null (or the field absent): not known, so the image's size is not either.
   */
  installed?: { bytes: number | null; basis: string };
  /** The OS marks its Python EXTERNALLY-MANAGED (PEP 668): pip refuses to install outside a virtualenv. */
  externallyManaged?: boolean;
}

export type ResolveResult =
  | {
      ok: true;
      image: BaseImage;
      /** Set when the reference was a floating tag: what it points at and as of when. */
      resolvedFrom?: string;
      /** Anything else the caller should show beside the image (ignored digest, assumed Alpine, ...). */
      notes?: string[];
    }
  | { ok: false; error: string; suggestions: string[] };

export interface Target {
  image: BaseImage;
  arch: Arch;
  pythonVersion: string;
  libc: { family: LibcFamily; version: string };
  machine: "x86_64" | "aarch64";
}

export type MakeTargetResult = { ok: true; target: Target } | { ok: false; error: string };

/** PEP 508 marker variables as `packaging.markers.default_environment()` reports them inside the image. */
export interface MarkerEnvironment {
  python_version: string;
  python_full_version: string;
  implementation_name: "cpython";
  implementation_version: string;
  platform_python_implementation: "CPython";
  sys_platform: "linux";
  platform_system: "Linux";
  platform_machine: "x86_64" | "aarch64";
  platform_release: string;
  platform_version: string;
  os_name: "posix";
}
