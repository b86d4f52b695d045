/**
 * Whether a source build succeeds on an image, in words: the label beside a compile ("fails to
 * build"), the matrix's compact mark, why (the report's own sentence), what fixes it and where the
 * answer comes from; and, for a package the index could not answer for, what Basewise's native-build
 * table says about the project. The target details, the package dialog, the matrix, the Markdown
 * export and the CLI table print these.
 */
import type { CompiledPackage, TargetPackage, ViabilityCode } from "@/lib/contract/report";

export type Viability = CompiledPackage["viability"];
type Fix = NonNullable<CompiledPackage["fix"]>;
type BuildTable = NonNullable<TargetPackage["buildTable"]>;

/** The label beside a compile. A failing build is never said by colour alone. */
export const VIABILITY_LABEL: Record<Viability, string> = {
  builds: "builds (known)",
  fails: "fails to build",
  unknown: "build not verified",
};

/** The matrix cell's compact mark (its title carries the reason). */
export const VIABILITY_MARK: Record<Viability, string> = {
  builds: "✓ builds",
  fails: "✗ fails to build",
  unknown: "?",
};

/** What the table's answer rests on, by code: a short phrase after the label. */
export const VIABILITY_CODE_PHRASE: Record<ViabilityCode, string> = {
  "python-too-new": "the release is older than this image's Python",
  "build-requirement-broken": "a build requirement pip installs breaks the build",
  "toolchain-too-old": "the distro's compiler toolchain is too old",
  "library-missing": "the distro does not ship a library it needs",
  "platform-unsupported": "the release does not build on this libc or CPU architecture",
  "known-good": "Basewise's build-viability table shows it builds on this Python",
  "not-in-table": "Basewise's build-viability table has no evidence either way",
};

/** "numpy 1.24.4", "a direct link" has no version. */
export function compileName(compile: Pick<CompiledPackage, "name" | "version">): string {
  return compile.version ? `${compile.name} ${compile.version}` : compile.name;
}

/**
 * What makes the build succeed, as a sentence starting "Fix:"; null when the table knows no fix.
 * `manager` is the image's package manager, named beside packages to install.
 */
export function fixNote(name: string, fix: Fix | null, manager: string | null = null): string | null {
  if (!fix) return null;
  switch (fix.kind) {
    case "upgrade":
      if (!fix.version) return `Fix: upgrade ${name} to a newer release.`;
      return `Fix: upgrade ${name} to ${fix.version} or later${fix.verified ? " (known to build here)" : " (it fixes this failure; not yet known to build here)"}.`;
    case "constrain-build-requirement": {
      const constrain = fix.constraint ? `constrain its build requirement with "${fix.constraint}" in a constraints file (PIP_CONSTRAINT)` : "constrain its build requirement";
      return `Fix: ${constrain}${fix.version ? `, or upgrade ${name} to ${fix.version}, which builds without it` : ""}.`;
    }
    case "install-package":
      return fix.packages.length ? `Fix: install ${fix.packages.join(" ")} in the builder${manager && manager !== "none" ? ` (${manager})` : ""}.` : "Fix: install the missing package in the builder.";
    case "install-toolchain":
      return `Fix: install a newer toolchain than the distro ships${fix.packages.length ? ` (${fix.packages.join(" ")})` : " (for Rust, rustup)"}.`;
  }
}

/** One source of the table's answer: a link when it is a web address, text otherwise. */
export interface ViabilitySource {
  text: string;
  href: string | null;
}

export function viabilitySources(sources: readonly string[]): ViabilitySource[] {
  return sources.map((text) => ({ text, href: /^https?:\/\/[^\s"<>]+$/i.test(text) ? text : null }));
}

/** Everything shown about one compile's viability. */
export interface ViabilityView {
  viability: Viability;
  code: ViabilityCode;
  /** "numpy 1.24.4" */
  name: string;
  /** "fails to build" */
  label: string;
  /** "✗ fails to build" */
  mark: string;
  /** "fails to build: numpy 1.24.4 does not build on CPython 3.12: …" (a title, an aria-label). */
  markTitle: string;
  /** "the release is older than this image's Python" */
  why: string;
  /** The report's sentence. */
  reason: string;
  /** "Fix: upgrade numpy to 1.26.0 or later (known to build here)."; null without a fix, or when it builds. */
  fix: string | null;
  sources: ViabilitySource[];
}

export function viabilityView(compile: Pick<CompiledPackage, "name" | "version" | "viability" | "viabilityCode" | "viabilityReason" | "viabilitySources" | "fix">, manager: string | null = null): ViabilityView {
  const label = VIABILITY_LABEL[compile.viability];
  return {
    viability: compile.viability,
    code: compile.viabilityCode,
    name: compileName(compile),
    label,
    mark: VIABILITY_MARK[compile.viability],
    markTitle: `${label}: ${compile.viabilityReason}`,
    why: VIABILITY_CODE_PHRASE[compile.viabilityCode],
    reason: compile.viabilityReason,
    fix: compile.viability === "builds" ? null : fixNote(compile.name, compile.fix, manager),
    sources: viabilitySources(compile.viabilitySources),
  };
}

/** The CLI's attention line for a failing build: "FAILS TO BUILD: <reason> Fix: …"; null unless it fails. */
export function failingBuildLine(compile: Parameters<typeof viabilityView>[0], manager: string | null = null): string | null {
  if (compile.viability !== "fails") return null;
  const view = viabilityView(compile, manager);
  return [`${VIABILITY_LABEL.fails.toUpperCase()}: ${view.reason}`, view.fix].filter((s): s is string => s !== null).join(" ");
}

/** The Markdown export's note for a failing build: "fails to build: <reason>" (the reason names the build); null unless it fails. */
export function failingBuildNote(compile: Pick<CompiledPackage, "viability" | "viabilityReason">): string | null {
  return compile.viability === "fails" ? `${VIABILITY_LABEL.fails}: ${compile.viabilityReason}` : null;
}

/** The compile of a package on an image: its own entry, rather than one made only for another build. */
export function compileOf<C extends Pick<CompiledPackage, "name" | "buildRequirement">>(compiles: readonly C[], name: string): C | undefined {
  return compiles.find((c) => c.name === name && !c.buildRequirement) ?? compiles.find((c) => c.name === name);
}

// ---------------------------------------------------------------------------------------------------
// A package the index could not answer for: what the native-build table says about the project.

/** "always compiles on Linux", by the table's kind and whether every release it lists is of that kind. */
export function buildTableWord(table: BuildTable): string {
  switch (table.kind) {
    case "native":
      return table.everyRelease ? "always compiles on Linux" : "usually compiles on Linux (its recent releases do)";
    case "optional-native":
      return table.everyRelease ? "has an optional C extension (with a pure-Python fallback)" : "its recent releases have an optional C extension";
    case "pure":
      return table.everyRelease ? "pure Python (nothing to compile)" : "its recent releases are pure Python";
  }
}

/** "Basewise's build table: always compiles on Linux"; null when the table does not know the project. */
export function buildTableNote(pkg: Pick<TargetPackage, "buildTable">): string | null {
  return pkg.buildTable ? `Basewise's build table: ${buildTableWord(pkg.buildTable)}` : null;
}

/** The target details' list of compiles, and the label before a build's sources. */
export const SOURCE_BUILDS_HEADING = "Source builds";
export const SOURCES_LABEL = "Sources";
/** The summary of an unverified build's reason, shown on demand. */
export const WHY_UNVERIFIED = "why not verified";
