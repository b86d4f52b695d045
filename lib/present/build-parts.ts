/**
 * Optional native parts of a source build, in words: what the OS packages Basewise lists for a
 * compile turn on (Pillow's JPEG and zlib formats, PyYAML's libyaml binding), and for each part they
 * leave off (Pillow's FreeType, WebP, …) the packages that add it. The target details, the package
 * dialog, the Markdown export and the CLI table print these.
 */
import type { CompiledPackage } from "@/lib/contract/report";

type OptionalPart = CompiledPackage["optionalParts"][number];

/** The heading above a compile's optional parts on the page. */
export const OPTIONAL_PARTS_HEADING = "Optional parts";

/** "The listed packages enable: JPEG (libjpeg); …", or null when the build has no optional parts. */
export function enablesNote(compile: Pick<CompiledPackage, "enables">): string | null {
  if (compile.enables.length === 0) return null;
  return `The listed packages enable: ${compile.enables.map((e) => e.feature).join("; ")}.`;
}

/** "libfreetype-dev (build), libfreetype6 (runtime)". */
function packagesPhrase({ build, runtime }: OptionalPart["packages"]): string {
  return [...build.map((name) => `${name} (build)`), ...runtime.map((name) => `${name} (runtime)`)].join(", ");
}

/**
 * One optional part: "FreeType (ImageFont) — add libfreetype-dev (build), libfreetype6 (runtime)"; a
 * part another compile's packages already build says so. `manager` is the image's package manager.
 */
export function optionalPartLine(part: OptionalPart, manager: string): string {
  if (part.enabled) {
    const keeps = part.packages.runtime.length > 0 ? `; the final image keeps ${part.packages.runtime.join(" ")}` : "";
    return `${part.feature} — built too: the builder already installs ${part.packages.build.join(" ")} for another package${keeps}`;
  }
  if (part.packages.build.length === 0 || manager === "none") return `${part.feature} — not built (this image cannot install packages)`;
  return `${part.feature} — add ${packagesPhrase(part.packages)}`;
}

/** The optional parts in sentences for the CLI and the Markdown export; null when there are none. */
export function optionalPartsNote(compile: Pick<CompiledPackage, "optionalParts">, manager: string): string | null {
  const off = compile.optionalParts.filter((p) => !p.enabled);
  const on = compile.optionalParts.filter((p) => p.enabled);
  const sentences: string[] = [];
  if (off.length > 0) sentences.push(`Optional, not built with them: ${off.map((p) => optionalPartLine(p, manager)).join("; ")}.`);
  if (on.length > 0) sentences.push(`Optional, built: ${on.map((p) => optionalPartLine(p, manager)).join("; ")}.`);
  return sentences.length > 0 ? sentences.join(" ") : null;
}

export interface BuildPartsView {
  /** What the listed packages enable, or null. */
  enables: string | null;
  /** Each optional part, with its line. */
  optional: { code: string; enabled: boolean; line: string }[];
}

/** What the page shows under a compile; null when the build has no optional parts. */
export function buildPartsView(compile: Pick<CompiledPackage, "enables" | "optionalParts">, manager: string): BuildPartsView | null {
  if (compile.enables.length === 0 && compile.optionalParts.length === 0) return null;
  return {
    enables: enablesNote(compile),
    optional: compile.optionalParts.map((p) => ({ code: p.code, enabled: p.enabled, line: optionalPartLine(p, manager) })),
  };
}
