import type { Toolchain } from "./compile-costs";
import type { EstimateParameters } from "./parameters";

/** What the estimate needs to know about one image's build. */
export interface EstimateInput {
  image: {
    reference: string;
    packageManager: "apt" | "apk" | "dnf" | "none";
    hasCompiler: boolean;
    uncompressedBytes: number | null;
    /** Where uncompressedBytes comes from, when it is not the catalog's own figure for the arch (an estimate). */
    uncompressedBasis?: string | null;
    compressedBytes: number | null;
    arch: "amd64" | "arm64";
  };
  /** The image the build runs in when the final image cannot run pip (distroless); null otherwise. */
  builder: { reference: string; packageManager: "apt" | "apk" | "dnf"; uncompressedBytes: number | null; compressedBytes: number | null } | null;
  /** The install set (what ends up in site-packages). */
  packages: readonly EstimatePackage[];
  /** Every build from source, build requirements included. */
  compiles: readonly EstimateCompile[];
  /** OS packages: the builder's (toolchains, -dev) and the final image's (runtime libraries). */
  os: { build: readonly string[]; runtime: readonly string[] };
  /**
   * An image whose Python is the OS's own (ubuntu, debian, alpine): the packages that install it (also in
   * os.runtime) and what they add once installed, a part of the image's size; bytes null: not known, so
   * the image's size is not either. Absent or null: the image has its own Python.
   */
  distroPython?: { packages: readonly string[]; bytes: number | null; basis: string } | null;
}

export interface EstimatePackage {
  name: string;
  version: string | null;
  /** wheel or sdist as pip installs it; null when unknown (nothing counted but the note). */
  kind: "wheel" | "sdist" | null;
  /** Compiled code inside (a platform wheel, or an sdist with native code). */
  compiled: boolean;
  /** Download size from the index; null when it does not say. */
  downloadBytes: number | null;
  /** For sdists: the size of the same release's wheel for another platform. */
  builtSizeHint: number | null;
}

export interface EstimateCompile {
  name: string;
  version: string | null;
  buildRequirement: boolean;
  toolchains: readonly Toolchain[];
}

/** What a build-time part is, for charts that stack parts by kind across images. */
export type TimeCategory = "pull" | "os-packages" | "downloads" | "installs" | "build-environments" | "compiles";
/** What a size part is, likewise. */
export type SizeCategory = "base" | "runtime-libraries" | "site-packages" | "build-leftovers";

export interface TimePart {
  part: string;
  category: TimeCategory;
  lowSeconds: number;
  highSeconds: number;
  basis: string;
}

export interface SizePart {
  part: string;
  category: SizeCategory;
  bytes: number;
  /** In the recommended multi-stage image, or only in the naive single-stage one. */
  stage: "both" | "single-stage only";
  basis: string;
}

export interface Estimate {
  parameters: EstimateParameters;
  buildSeconds: { low: number; high: number };
  /** Uncompressed image size; null parts are left out and named in `notes`. */
  /** baseUnknown: the base image's size is not known, so the sums leave it out and are no image size. */
  imageBytes: { multiStage: number; singleStage: number; baseUnknown?: true };
  breakdown: { build: TimePart[]; size: SizePart[] };
  /** What the figures assume or could not know (unknown sizes, emulation, warm cache). */
  notes: string[];
}
