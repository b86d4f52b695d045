/**
 * The whole table, and an index by PEP 503 name with each range parsed once.
 */
import { canonicalizeName } from "@/lib/pep508";
import { indexVersionedTable, type IndexedEntry, type IndexedRange } from "@/lib/versioned-table";
import type { BuildSystemEra, PackageBuildSystems } from "../types";
import { C_LIBRARIES } from "./c-libraries";
import { RUST } from "./rust";
import { SCIENTIFIC } from "./scientific";
import { SPEEDUPS } from "./speedups";

export const BUILD_SYSTEM_TABLE: readonly PackageBuildSystems[] = [...SCIENTIFIC, ...RUST, ...C_LIBRARIES, ...SPEEDUPS];

export type IndexedEra = IndexedRange<BuildSystemEra>;
export type IndexedPackage = IndexedEntry<PackageBuildSystems, BuildSystemEra>;

let index: ReadonlyMap<string, IndexedPackage> | null = null;

/** The table row for a project, by any spelling of its name; undefined when the table does not know it. */
export function findPackage(name: string): IndexedPackage | undefined {
  index ??= indexVersionedTable<BuildSystemEra, PackageBuildSystems>(BUILD_SYSTEM_TABLE, "build-requirements table");
  return index.get(canonicalizeName(name));
}
