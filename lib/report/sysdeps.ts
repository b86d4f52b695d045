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
  perPackage: { name: string; version: string | null; kind: CompileNeeds["kind"]; basis: CompileNeeds["basis"]; note: string }[];
}

export type NeedsLookup = (name: string, version: string | null, manager: PackageManager) => CompileNeeds;

export function systemDependencies(compiles: readonly CompiledPackage[], manager: PackageManager, lookup: NeedsLookup): SystemDependencies {
  const build = new Map<string, string[]>();
  const runtime = new Map<string, string[]>();
  const env = new Map<string, { name: string; value: string; why: string; neededBy: string[] }>();
  const perPackage: SystemDependencies["perPackage"] = [];
  for (const compile of compiles) {
    const label = compile.version ? `${compile.name} ${compile.version}` : compile.name;
    const needs = lookup(compile.name, compile.version, manager);
    perPackage.push({ name: compile.name, version: compile.version, kind: needs.kind, basis: needs.basis, note: needs.note });
    for (const name of needs.build) add(build, name, label);
    // A build requirement is compiled only to build something else: its libraries need not stay.
    if (!compile.buildRequirement) for (const name of needs.runtime) add(runtime, name, label);
    for (const variable of needs.env) {
      const known = env.get(variable.name) ?? { ...variable, neededBy: [] };
      if (!known.neededBy.includes(label)) known.neededBy.push(label);
      env.set(variable.name, known);
    }
  }
  const listed = (map: Map<string, string[]>) => [...map].map(([name, neededBy]) => ({ name, neededBy }));
  return { manager, build: listed(build), runtime: listed(runtime), missingAtRuntime: [], env: [...env.values()], perPackage };
}

function add(map: Map<string, string[]>, name: string, label: string): void {
  const needers = map.get(name) ?? [];
  if (!needers.includes(label)) needers.push(label);
  map.set(name, needers);
}
