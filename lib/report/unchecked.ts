import { findNativePackage, type BuildKind } from "@/lib/native-builds";
import type { TargetPackage } from "./types";

// A package Basewise could not check (the index did not answer for it) is "unknown", never "no
// compiler needed": what its native-build table says about the project is shown beside it instead.

/** What the native-build table says about a project whatever the version; null when it does not know it. */
export interface BuildTableKnowledge {
  /** The newest release range's kind. */
  kind: BuildKind;
  /** Every range the table has is this kind ("always compiles" when native). */
  everyRelease: boolean;
}

export function buildTableKnowledge(name: string): BuildTableKnowledge | null {
  const pkg = findNativePackage(name);
  const newest = pkg?.eras.at(-1);
  if (!pkg || !newest) return null;
  return { kind: newest.era.kind, everyRelease: pkg.eras.every((e) => e.era.kind === newest.era.kind) };
}

/** The install set's packages whose file is unknown, and whether the table says each always compiles. */
export function uncheckedPackages(packages: readonly TargetPackage[]): { name: string; alwaysCompiles: boolean }[] {
  return packages
    .filter((p) => p.status === "unknown")
    .map((p) => {
      const known = buildTableKnowledge(p.name);
      return { name: p.name, alwaysCompiles: known !== null && known.kind === "native" && known.everyRelease };
    });
}
