/** One OS package and the builds (or the image) that need it: "psycopg2 2.9.9". */
export interface NeededPackage {
  name: string;
  neededBy: string[];
}

export interface DockerfileInput {
  /** The image the application runs on (the final stage). */
  image: {
    reference: string;
    packageManager: "apt" | "apk" | "dnf" | "none";
    osId: "debian" | "alpine" | "ubuntu" | "rhel" | "wolfi";
    pythonVersion: string;
    hasShell: boolean;
    hasPip: boolean;
    hasCompiler: boolean;
    /**
     * The image's Python is the OS's own package (ubuntu, debian, alpine), installed by the Dockerfile:
     * its package names, and whether the OS marks it EXTERNALLY-MANAGED (PEP 668). Absent: the image
     * brings its own Python.
     */
    distroPython?: { packages: string[]; externallyManaged: boolean };
  };
  /** Where pip runs when the final image cannot (distroless); null: the image itself. */
  builder: { reference: string; packageManager: "apt" | "apk" | "dnf"; why: string } | null;
  /** Every build from source (build requirements included), for the notes. */
  compiles: { name: string; version: string | null; buildRequirement: boolean }[];
  /**
   * Packages whose file Basewise could not learn (the index did not answer), so whether pip compiles
   * them here is unknown; `alwaysCompiles`: Basewise's native-build table says every release does.
   * Absent or empty: every package was checked.
   */
  unchecked?: { name: string; alwaysCompiles: boolean }[];
  /** Builds known to fail on this image, each in words with its fix: `docker build` stops there. */
  failingBuilds?: string[];
  /**
   * Optional native parts the listed packages leave off, per compile ("pillow 9.4.0"), each with the
   * builder's and the final image's packages that would turn it on: named in a comment by the part's
   * short code ("freetype"), not installed.
   */
  optionalParts?: { build: string; parts: { code: string; build: string[]; runtime: string[] }[] }[];
  /** OS packages: the builder's (toolchains, -dev, tools) and the final image's (runtime libraries). */
  os: { build: NeededPackage[]; runtime: NeededPackage[]; missingAtRuntime: NeededPackage[] };
  /** Environment variables the builds need. */
  env: { name: string; value: string; why: string; neededBy: string[] }[];
  requirementsFile: string;
}

/** One instruction (continuation lines included) and why it is there. */
export interface DockerfileLine {
  text: string;
  note: string;
}

/** One build stage, as the generator laid it out (never read back from the text). */
export interface DockerfileStage {
  /** The name later stages copy from ("builder"); null for the last stage, which nothing names. */
  name: string | null;
  /** builder: where pip runs and compiles; final: the image that runs the application (a single-stage Dockerfile has only this one). */
  role: "builder" | "final";
  /** The image the stage starts FROM. */
  from: string;
  /** lines[firstLine] is the stage's FROM; lines[lastLine] its last instruction. */
  firstLine: number;
  lastLine: number;
  /** OS packages the stage installs with its package manager, in the order of the command. */
  osPackages: string[];
}

export interface GeneratedDockerfile {
  /** The downloadable Dockerfile: each instruction preceded by its note as `#` comments. */
  text: string;
  lines: DockerfileLine[];
  /** What the person must still do or know (a runtime library distroless cannot install, …). */
  warnings: string[];
  /** The build stages in order: a builder and a final stage, or the final stage alone. */
  stages: DockerfileStage[];
  /** A builder stage compiles (or runs pip for an image that cannot) and the final stage copies its virtualenv. */
  multiStage: boolean;
}
