import type { PackageManager } from "@/lib/targets";
import type { CompiledPackage } from "./types";

// What the image's package manager must install so every compile succeeds (builder stage), and what
// must stay for the compiled code to run (final stage), each with the builds that need it.

/** What compiling one release needs, for one package manager. */
export interface CompileNeeds {
  kind: "native" | "optional-native" | "pure";
  build: string[];
  runtime: string[];
  /** Environment variables the build needs, with why. */
  env: { name: string; value: string; why: string }[];
  /** "table": curated facts; "generic": not known, a C toolchain assumed. */
  basis: "table" | "generic";
  note: string;
  /** What the listed packages turn on, where parts of the build are optional (Pillow: JPEG, zlib). */
  enables: { code: string; feature: string }[];
  /** The parts they leave off, each with the packages that add it (Pillow: FreeType, WebP, …). */
  optional: { code: string; feature: string; build: string[]; runtime: string[] }[];
}

/**
 * One optional part of one compile on this image. enabled: every build package it needs is already
 * in the builder for another compile, so this build turns it on too (and its runtime packages stay).
 */
export interface OptionalPart {
  code: string;
  feature: string;
  build: string[];
  runtime: string[];
  enabled: boolean;
}

export interface OsPackage {
  name: string;
  /** The compiles that need it: "psycopg2 2.9.9". */
  neededBy: string[];
}

export interface SystemDependencies {
  manager: PackageManager;
  build: OsPackage[];
  runtime: OsPackage[];
  env: { name: string; value: string; why: string; neededBy: string[] }[];
  /**
   * Runtime libraries the final image needs but cannot install (distroless has no package manager):
   * they must be copied from the builder, or the package taken as a wheel that bundles them.
   */
  missingAtRuntime: OsPackage[];
  /** Per compile: what Basewise knows of it (generic answers are labelled). */
  perPackage: {
    name: string;
    version: string | null;
    kind: CompileNeeds["kind"];
    basis: CompileNeeds["basis"];
    note: string;
    enables: CompileNeeds["enables"];
    optional: OptionalPart[];
  }[];
}

export type NeedsLookup = (name: string, version: string | null, manager: PackageManager) => CompileNeeds;

export function systemDependencies(compiles: readonly CompiledPackage[], manager: PackageManager, lookup: NeedsLookup): SystemDependencies {
  const build = new Map<string, string[]>();
  const runtime = new Map<string, string[]>();
  const env = new Map<string, { name: string; value: string; why: string; neededBy: string[] }>();
  const perPackage: SystemDependencies["perPackage"] = [];
  const optionalOf: CompileNeeds["optional"][] = [];
  for (const compile of compiles) {
    const label = labelOf(compile);
    const needs = lookup(compile.name, compile.version, manager);
    optionalOf.push(needs.optional);
    perPackage.push({ name: compile.name, version: compile.version, kind: needs.kind, basis: needs.basis, note: needs.note, enables: needs.enables.map((e) => ({ ...e })), optional: [] });
    for (const name of needs.build) add(build, name, label);
    // A build requirement is compiled only to build something else: its libraries need not stay.
    if (!compile.buildRequirement) for (const name of needs.runtime) add(runtime, name, label);
    for (const variable of needs.env) {
      const known = env.get(variable.name) ?? { ...variable, neededBy: [] };
      if (!known.neededBy.includes(label)) known.neededBy.push(label);
      env.set(variable.name, known);
    }
  }
  // pip builds every sdist in the same builder: a part whose headers another compile installs is
  // built here too, and then links a library the final image must keep.
  compiles.forEach((compile, i) => {
    const entry = perPackage[i];
    if (!entry) return;
    entry.optional = (optionalOf[i] ?? []).map((part) => {
      const enabled = part.build.length > 0 && part.build.every((name) => build.has(name));
      if (enabled && !compile.buildRequirement) for (const name of part.runtime) add(runtime, name, labelOf(compile));
      return { code: part.code, feature: part.feature, build: [...part.build], runtime: [...part.runtime], enabled };
    });
  });
  const listed = (map: Map<string, string[]>) => [...map].map(([name, neededBy]) => ({ name, neededBy }));
  return { manager, build: listed(build), runtime: listed(runtime), missingAtRuntime: [], env: [...env.values()], perPackage };
}

function labelOf(compile: CompiledPackage): string {
  return compile.version ? `${compile.name} ${compile.version}` : compile.name;
}

function add(map: Map<string, string[]>, name: string, label: string): void {
  const needers = map.get(name) ?? [];
  if (!needers.includes(label)) needers.push(label);
  map.set(name, needers);
}
