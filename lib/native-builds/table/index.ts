/**
 * The whole native-build table, and an index by PEP 503 name with each range parsed once.
 */
import { parseSpecifierSet, type SpecifierSet } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import type { NativeBuildEra, PackageNativeBuilds } from "../types";
import * as DATABASES from "./databases";
import * as FORMATS from "./formats";
import * as GENERAL from "./general";
import * as GEO from "./geo";
import { NETWORKING } from "./networking";
import * as RUST from "./rust";
import * as SCIENTIFIC from "./scientific";
import { SECURITY } from "./security";

// Every exported row of each topic module, in the order the modules list them.
const rowsOf = (module: Record<string, PackageNativeBuilds>): PackageNativeBuilds[] => Object.values(module);

export const NATIVE_BUILD_TABLE: readonly PackageNativeBuilds[] = [
  ...NETWORKING,
  ...SECURITY,
  ...rowsOf(SCIENTIFIC),
  ...rowsOf(FORMATS),
  ...rowsOf(DATABASES),
  ...rowsOf(RUST),
  ...rowsOf(GEO),
  ...rowsOf(GENERAL),
];

export interface IndexedNativeEra {
  readonly era: NativeBuildEra;
  readonly range: SpecifierSet;
}

export interface IndexedNativePackage {
  readonly entry: PackageNativeBuilds;
  readonly eras: readonly IndexedNativeEra[];
}

let index: ReadonlyMap<string, IndexedNativePackage> | null = null;

/** The table's project, by any spelling of its name; undefined when the table does not know it. */
export function findNativePackage(name: string): IndexedNativePackage | undefined {
  index ??= indexTable(NATIVE_BUILD_TABLE);
  return index.get(canonicalizeName(name));
}

// A bad range or a duplicate name is a mistake in the table itself; the table test finds it first.
export function indexTable(table: readonly PackageNativeBuilds[]): ReadonlyMap<string, IndexedNativePackage> {
  const byName = new Map<string, IndexedNativePackage>();
  for (const entry of table) {
    const key = canonicalizeName(entry.name);
    if (byName.has(key)) throw new Error(`native-build table: ${entry.name} is listed twice`);
    const eras = entry.eras.map((era) => {
      const parsed = parseSpecifierSet(era.versions);
      if (!parsed.ok) throw new Error(`native-build table: ${entry.name} range "${era.versions}": ${parsed.error}`);
      return { era, range: parsed.value };
    });
    byName.set(key, { entry, eras });
  }
  return byName;
}
