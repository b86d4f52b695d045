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
  };
  /** Where pip runs when the final image cannot (distroless); null: the image itself. */
  builder: { reference: string; packageManager: "apt" | "apk" | "dnf"; why: string } | null;
  /** Every build from source (build requirements included), for the notes. */
  compiles: { name: string; version: string | null; buildRequirement: boolean }[];
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

export interface GeneratedDockerfile {
  /** The downloadable Dockerfile: each instruction preceded by its note as `#` comments. */
  text: string;
  lines: DockerfileLine[];
  /** What the person must still do or know (a runtime library distroless cannot install, …). */
  warnings: string[];
}
