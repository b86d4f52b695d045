/**
 * requirements.txt with its `-r` and `-c` lines followed into the files given with it (dropped
 * together or named on the command line), as pip follows them from disk:
 * - `-r other.txt`: other.txt's requirements are installed too; its file-wide options apply to the
 *   whole install (pip's options are global).
 * - `-c constraints.txt`: each constraint restricts the versions of a package installed for another
 *   reason and never adds one (pip's constraints). A constraint without a marker narrows a top-level
 *   requirement of the same name here; every constraint is also kept in `file.constraints`, so a
 *   resolver can apply it to dependencies as pip does.
 * Paths are taken relative to the including file, as pip does for local files. A file that is not
 * among those given stays a warning, as for a paste. Cycles are cut and nesting is capped.
 */
import { intersectSpecifierSets, shorten } from "@/lib/pep440";
import { markerToString } from "@/lib/pep508";
import { parseRequirementsFile, type Diagnostic, type FileOptions, type RequirementEntry, type RequirementsFile } from "@/lib/requirements-file";
import { MAX_REQUIREMENTS } from "@/lib/requirements-file";
import { applyFormatOption } from "@/lib/requirements-file/format-control";
import { MAX_INCLUDE_DEPTH, MAX_INCLUDED_FILES } from "./limits";
import type { InputFile } from "./types";

export type RequirementsRead = { ok: true; file: RequirementsFile } | { ok: false; error: string };

/** "a/./b/../c.txt" → "a/c.txt"; backslashes read as slashes; null for a path that climbs above its root. */
export function normalizePath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

function directoryOf(name: string | null): string {
  if (name === null) return "";
  const normalized = normalizePath(name) ?? name;
  const slash = normalized.lastIndexOf("/");
  return slash === -1 ? "" : normalized.slice(0, slash + 1);
}

/** The given file an include names: by its path relative to the includer, else by a unique base name. */
function findIncluded(path: string, includer: string | null, others: readonly InputFile[]): InputFile | null {
  const target = normalizePath(directoryOf(includer) + path) ?? normalizePath(path);
  if (target === null) return null;
  const named = others.filter((o) => o.name !== null);
  const exact = named.find((o) => normalizePath(o.name as string) === target);
  if (exact) return exact;
  const base = target.slice(target.lastIndexOf("/") + 1);
  const byBase = named.filter((o) => {
    const name = normalizePath(o.name as string) ?? "";
    return name.slice(name.lastIndexOf("/") + 1) === base;
  });
  return byBase.length === 1 ? (byBase[0] as InputFile) : null;
}

interface Reader {
  others: readonly InputFile[];
  filesRead: number;
  requirements: RequirementEntry[];
  constraints: RequirementEntry[];
  diagnostics: Diagnostic[];
  options: FileOptions;
  error: string | null;
}

export function readRequirements(main: InputFile, others: readonly InputFile[]): RequirementsRead {
  const parsed = parseRequirementsFile(main.text);
  if (!parsed.ok) return parsed;
  const reader: Reader = {
    others: [main, ...others], filesRead: 0, requirements: [], constraints: [], diagnostics: [], options: parsed.file.options, error: null,
  };
  absorb(reader, parsed.file, main, "requirements", [normalizePath(main.name ?? "") ?? ""], true);
  if (reader.error) return { ok: false, error: reader.error };
  const file: RequirementsFile = { requirements: reader.requirements, options: reader.options, diagnostics: reader.diagnostics };
  if (reader.constraints.length > 0) {
    file.constraints = reader.constraints;
    applyConstraints(file, reader.constraints);
  }
  file.diagnostics.sort((a, b) => Number(a.file !== undefined) - Number(b.file !== undefined) || a.line - b.line);
  return { ok: true, file };
}

/** Takes in one parsed file's requirements (or constraints) and follows its includes. */
function absorb(reader: Reader, file: RequirementsFile, source: InputFile, as: "requirements" | "constraints", stack: string[], isMain: boolean): void {
  function tag<T extends { file?: string }>(item: T): T {
    return isMain ? item : { ...item, file: source.name ?? "" };
  }
  const target = as === "constraints" ? reader.constraints : reader.requirements;
  const followed = new Set<number>();
  // pip reads an included file where its -r/-c line is: requirements keep the order of the lines.
  const includes = [...file.options.includes].sort((a, b) => a.line - b.line);
  let nextInclude = 0;
  const takeEntry = (entry: RequirementEntry): void => {
    if (as === "constraints" && !acceptableConstraint(entry, (severity, message) => reader.diagnostics.push(tag<Diagnostic>({ line: entry.line, severity, message })))) return;
    target.push(tag(entry));
  };
  for (const entry of [...file.requirements, null]) {
    while (nextInclude < includes.length && (entry === null || (includes[nextInclude] as { line: number }).line < entry.line)) {
      const include = includes[nextInclude++] as FileOptions["includes"][number];
      if (followInclude(reader, include, source, as, stack, tag)) followed.add(include.line);
      if (reader.error) return;
    }
    if (entry) takeEntry(entry);
  }
  // The "not part of the paste" warning of an include that was found is replaced by its own line.
  for (const diagnostic of file.diagnostics) {
    if (followed.has(diagnostic.line) && diagnostic.severity === "warning" && /^This line (includes|applies the constraints)/.test(diagnostic.message)) continue;
    reader.diagnostics.push(tag(diagnostic));
  }
  if (reader.requirements.length + reader.constraints.length > MAX_REQUIREMENTS) {
    reader.error = `The files have more than ${MAX_REQUIREMENTS} requirements together; Basewise analyses at most ${MAX_REQUIREMENTS} at once.`;
  }
}

/** Reads one -r/-c target when it is among the files given; false when it is not there. */
function followInclude(
  reader: Reader,
  include: FileOptions["includes"][number],
  source: InputFile,
  as: "requirements" | "constraints",
  stack: string[],
  tag: <T extends { file?: string }>(item: T) => T,
): boolean {
  const included = findIncluded(include.path, source.name, reader.others);
  if (!included) return false;
  const key = normalizePath(included.name ?? "") ?? "";
  const report = (severity: Diagnostic["severity"], message: string): void => {
    reader.diagnostics.push(tag<Diagnostic>({ line: include.line, severity, message }));
  };
  if (stack.includes(key)) {
    report("warning", `"${shorten(include.path, 80)}" is already being read (${[...stack, key].join(" → ")}); the cycle was not followed.`);
    return true;
  }
  if (stack.length > MAX_INCLUDE_DEPTH) {
    report("error", `Files include each other more than ${MAX_INCLUDE_DEPTH} deep; "${shorten(include.path, 80)}" was not read.`);
    return true;
  }
  if (reader.filesRead >= MAX_INCLUDED_FILES) {
    report("error", `Basewise follows at most ${MAX_INCLUDED_FILES} included files; "${shorten(include.path, 80)}" was not read.`);
    return true;
  }
  reader.filesRead++;
  const parsed = parseRequirementsFile(included.text);
  if (!parsed.ok) {
    report("error", `"${shorten(include.path, 80)}" could not be read: ${parsed.error}`);
    return true;
  }
  // A file included from a constraints file holds constraints too (pip).
  const kind = as === "constraints" || include.kind === "constraints" ? "constraints" : "requirements";
  report("info", kind === "constraints" ? `Constraints read from ${shorten(included.name ?? "", 80)}.` : `Requirements read from ${shorten(included.name ?? "", 80)}.`);
  mergeOptions(reader.options, parsed.file.options);
  absorb(reader, parsed.file, included, kind, [...stack, key], false);
  return true;
}

/** pip refuses unnamed constraints and constraints with extras; editable ones are not constraints. */
function acceptableConstraint(entry: RequirementEntry, report: (severity: Diagnostic["severity"], message: string) => void): boolean {
  if (entry.name === null) {
    report("error", "pip requires every constraint to be named; this one was ignored.");
    return false;
  }
  if (entry.editable) {
    report("error", "pip does not accept editable constraints; this one was ignored.");
    return false;
  }
  if ((entry.requirement?.extras.length ?? 0) > 0) {
    report("error", "pip rejects constraints with extras (\"Constraints cannot have extras\"); this one was ignored.");
    return false;
  }
  return true;
}

/** pip's options are global: an included file's index, binary policy and flags apply to everything. */
function mergeOptions(into: FileOptions, from: FileOptions): void {
  into.indexUrl ??= from.indexUrl;
  into.extraIndexUrls.push(...from.extraIndexUrls);
  into.noIndex ||= from.noIndex;
  into.findLinks.push(...from.findLinks);
  for (const name of from.formatControl.noBinary) into.formatControl = applyFormatOption(into.formatControl, "no-binary", name);
  for (const name of from.formatControl.onlyBinary) into.formatControl = applyFormatOption(into.formatControl, "only-binary", name);
  into.preferBinary ||= from.preferBinary;
  into.pre ||= from.pre;
  into.requireHashes ||= from.requireHashes;
}

/**
 * Narrows top-level index requirements by the constraints without a marker (those hold on every
 * image). A constraint with a marker depends on the image and is left to the resolver.
 */
function applyConstraints(file: RequirementsFile, constraints: readonly RequirementEntry[]): void {
  const byName = new Map<string, RequirementEntry[]>();
  for (const constraint of constraints) {
    if (!constraint.requirement || constraint.requirement.marker || constraint.origin.kind !== "index") continue;
    const name = constraint.name as string;
    const list = byName.get(name);
    if (list) list.push(constraint);
    else byName.set(name, [constraint]);
  }
  file.requirements = file.requirements.map((entry) => {
    const applying = entry.name !== null && entry.requirement && entry.origin.kind === "index" ? byName.get(entry.name) : undefined;
    if (!applying || !entry.requirement) return entry;
    let specifier = entry.requirement.specifier;
    for (const constraint of applying) specifier = intersectSpecifierSets(specifier, (constraint.requirement as NonNullable<RequirementEntry["requirement"]>).specifier);
    const where = applying.map((c) => `${c.file ?? "the main file"} line ${c.line}`).join(", ");
    const marker = entry.requirement.marker ? ` ; ${markerToString(entry.requirement.marker)}` : "";
    file.diagnostics.push({
      line: entry.line,
      ...(entry.file !== undefined ? { file: entry.file } : {}),
      severity: "info",
      message: `Constrained (${shorten(where, 120)}): ${entry.name}${specifier.text || " (any version)"}${marker}.`,
    });
    return { ...entry, requirement: { ...entry.requirement, specifier } };
  });
}
