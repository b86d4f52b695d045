/**
 * The whole table, and an index by PEP 503 name with each range parsed once.
 */
import { parseSpecifierSet, type SpecifierSet } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import type { BuildSystemEra, PackageBuildSystems } from "../types";
import { C_LIBRARIES } from "./c-libraries";
import { RUST } from "./rust";
import { SCIENTIFIC } from "./scientific";
import { SPEEDUPS } from "./speedups";

export const BUILD_SYSTEM_TABLE: readonly PackageBuildSystems[] = [...SCIENTIFIC, ...RUST, ...C_LIBRARIES, ...SPEEDUPS];

export interface IndexedEra {
  readonly era: BuildSystemEra;
  readonly range: SpecifierSet;
}

export interface IndexedPackage {
  readonly entry: PackageBuildSystems;
  readonly eras: readonly IndexedEra[];
}

let index: ReadonlyMap<string, IndexedPackage> | null = null;

/** The table row for a project, by any spelling of its name; undefined when the table does not know it. */
export function findPackage(name: string): IndexedPackage | undefined {
  index ??= buildIndex(BUILD_SYSTEM_TABLE);
  return index.get(canonicalizeName(name));
}

// A bad range or a duplicate name is a mistake in the table itself; the table test finds it first.
export function buildIndex(table: readonly PackageBuildSystems[]): ReadonlyMap<string, IndexedPackage> {
  const byName = new Map<string, IndexedPackage>();
  for (const entry of table) {
    const key = canonicalizeName(entry.name);
    if (byName.has(key)) throw new Error(`build-requirements table: ${entry.name} is listed twice`);
    const eras = entry.eras.map((era) => {
      const parsed = parseSpecifierSet(era.versions);
      if (!parsed.ok) throw new Error(`build-requirements table: ${entry.name} range "${era.versions}": ${parsed.error}`);
      return { era, range: parsed.value };
    });
    byName.set(key, { entry, eras });
  }
  return byName;
}
