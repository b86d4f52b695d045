/**
 * The whole native-build table, and an index by PEP 503 name with each range parsed once.
 */
import { canonicalizeName } from "@/lib/pep508";
import { indexVersionedTable, type IndexedEntry } from "@/lib/versioned-table";
import type { NativeBuildEra, PackageNativeBuilds } from "../types";
import * as DATABASES from "./databases";
import * as DESKTOP from "./desktop";
import * as FORMATS from "./formats";
import * as GENERAL from "./general";
import * as GEO from "./geo";
import { NETWORKING } from "./networking";
import * as RUST from "./rust";
import * as SCIENTIFIC from "./scientific";
import { SECURITY } from "./security";
import * as WHEEL_ONLY from "./wheel-only";

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
  ...rowsOf(DESKTOP),
  ...rowsOf(GENERAL),
  ...rowsOf(WHEEL_ONLY),
];

export type IndexedNativePackage = IndexedEntry<PackageNativeBuilds, NativeBuildEra>;

let index: ReadonlyMap<string, IndexedNativePackage> | null = null;

/** The table's project, by any spelling of its name; undefined when the table does not know it. */
export function findNativePackage(name: string): IndexedNativePackage | undefined {
  index ??= indexVersionedTable<NativeBuildEra, PackageNativeBuilds>(NATIVE_BUILD_TABLE, "native-build table");
  return index.get(canonicalizeName(name));
}
