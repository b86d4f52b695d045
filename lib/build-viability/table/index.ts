/**
 * The whole build-viability table, and an index by PEP 503 name with each breakage range parsed once.
 */
import { parseSpecifierSet, type SpecifierSet } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import type { Breakage, ProjectViability } from "../types";
import { C_EXTENSIONS } from "./c-extensions";
import { CYTHON_PROJECTS } from "./cython";
import { LOCKED_WHEEL_EVIDENCE } from "./locked-wheel-evidence";
import { RUST_PROJECTS } from "./rust";
import { SCIENTIFIC } from "./scientific";
import { TOP_PROJECTS } from "./top-projects";
import { WHEEL_EVIDENCE } from "./wheel-evidence";

export const BUILD_VIABILITY_TABLE: readonly ProjectViability[] = [...SCIENTIFIC, ...CYTHON_PROJECTS, ...C_EXTENSIONS, ...RUST_PROJECTS, ...WHEEL_EVIDENCE, ...LOCKED_WHEEL_EVIDENCE, ...TOP_PROJECTS];

export interface IndexedViabilityProject {
  readonly entry: ProjectViability;
  readonly breakages: readonly { readonly breakage: Breakage; readonly range: SpecifierSet }[];
}

let index: ReadonlyMap<string, IndexedViabilityProject> | null = null;

// A bad range or a duplicate name is a mistake in the table itself; table.test.ts finds it first.
function buildIndex(): ReadonlyMap<string, IndexedViabilityProject> {
  const byName = new Map<string, IndexedViabilityProject>();
  for (const entry of BUILD_VIABILITY_TABLE) {
    const key = canonicalizeName(entry.name);
    if (byName.has(key)) throw new Error(`build-viability table: ${entry.name} is listed twice`);
    const breakages = entry.breakages.map((breakage) => {
      const parsed = parseSpecifierSet(breakage.versions);
      if (!parsed.ok) throw new Error(`build-viability table: ${entry.name} range "${breakage.versions}": ${parsed.error}`);
      return { breakage, range: parsed.value };
    });
    byName.set(key, { entry, breakages });
  }
  return byName;
}

/** The table's project, by any spelling of its name; undefined when the table does not know it. */
export function findViabilityProject(name: string): IndexedViabilityProject | undefined {
  index ??= buildIndex();
  return index.get(canonicalizeName(name));
}
