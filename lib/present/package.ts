/**
 * One package on one image in words: its file, what pulls it in, the nearest version with a wheel,
 * why its own dependencies are unknown. The package list, the package detail, the matrix and the
 * CLI table print these.
 */
import type { TargetPackage } from "@/lib/contract/report";
import { formatSize } from "./format";

type Requirer = TargetPackage["requiredBy"][number];

/** "numpy-1.24.4.tar.gz · 16 MB" */
export function fileLine(pkg: Pick<TargetPackage, "filename" | "sizeBytes">): string | null {
  return pkg.filename ? `${pkg.filename} · ${formatSize(pkg.sizeBytes)}` : null;
}

/** The requirements file itself, where it is the one asking. */
export const YOUR_REQUIREMENTS = "your requirements";
/** The start of every chain. */
export const YOUR_FILE = "your file";

/** "django 4.2.7", or "your requirements" for the file itself. */
export function requirerName(requirer: Requirer): string {
  return requirer.project ? `${requirer.project} ${requirer.version ?? ""}`.trim() : YOUR_REQUIREMENTS;
}

/** "django 4.2.7 (asgiref<4,>=3.6.0)": who asks, and for what. */
export function requirerWithRequirement(requirer: Requirer): string {
  return `${requirerName(requirer)} (${requirer.requirement})`;
}

/** "required by cryptography 41.0.7, pyopenssl 24.0.0" (each asker once). */
export function requiredByNote(pkg: Pick<TargetPackage, "requiredBy">): string {
  return `required by ${[...new Set(pkg.requiredBy.map(requirerName))].join(", ")}`;
}

/** "via fastapi 0.110.0 → pydantic 2.6.4": what pulls a dependency in, the file's line first. */
export function viaNote(via: readonly string[]): string | null {
  return via.length ? `via ${via.join(" → ")}` : null;
}

/** A matrix row's note for a package the file does not name: "dependency · via …". */
export function dependencyNote(via: readonly string[]): string {
  const path = viaNote(via);
  return path ? `dependency · ${path}` : "dependency";
}

/** "cryptography 41.0.7 → cffi 1.16.0 → pycparser": the chain down to the package. */
export function chainTo(name: string, via: readonly string[]): string {
  return [...via, name].join(" → ");
}

/** "your file → scikit-learn 1.4.2 → joblib" */
export function chainFromFile(name: string, via: readonly string[]): string {
  return `${YOUR_FILE} → ${chainTo(name, via)}`;
}

/** Where the nearest wheel stands against what the file asked for. */
export function specifierStanding(satisfiesSpecifier: boolean): string {
  return satisfiesSpecifier ? "within your specifier" : "outside your specifier";
}

/**
 * "nearest wheel here: numpy==1.26.4 (cp312-cp312-manylinux_2_17_x86_64, outside your specifier)",
 * for a package that does not install from a wheel; null otherwise.
 */
export function nearestWheelNote(pkg: Pick<TargetPackage, "name" | "status" | "alternative">): string | null {
  if (!pkg.alternative || pkg.status === "wheel") return null;
  return `nearest wheel here: ${pkg.name}==${pkg.alternative.version} (${pkg.alternative.tag}, ${specifierStanding(pkg.alternative.satisfiesSpecifier)})`;
}

/** "its dependencies are not known: …", or null when they are. */
export function dependenciesUnknownNote(pkg: Pick<TargetPackage, "dependenciesUnknown">): string | null {
  return pkg.dependenciesUnknown ? `its dependencies are not known: ${pkg.dependenciesUnknown}` : null;
}

/** A compile that happens only inside other builds (build isolation). */
export function insideBuildsNote(forBuildOf: readonly string[]): string {
  return `compiled inside the build of ${forBuildOf.join(", ")} (build isolation).`;
}
