import type { ProjectResult } from "@/lib/index";
import { parseSpecifierSet, type SpecifierSet } from "@/lib/pep440";
import { evaluateMarker, markerToString } from "@/lib/pep508";
import { allowedFormats, parseRequirementsFile, type RequirementEntry, type RequirementsFile } from "@/lib/requirements-file";
import { directVerdict, verdictFor, type PackageVerdict } from "@/lib/resolve";
import { asOfProject } from "@/lib/index/as-of";
import { targetTags, tagToString, type TagTarget } from "@/lib/tags";
import { DEFAULT_BASES, makeTarget, markerEnvironment, resolveBaseImage, type Target } from "@/lib/targets";
import {
  SCHEMA_VERSION,
  type AnalyzeInput,
  type AnalyzeResult,
  type ReportError,
  type RequirementSummary,
  type TargetPackage,
  type TargetReport,
} from "./types";

export interface ProjectSource {
  getProject(name: string): Promise<ProjectResult>;
}

export interface AnalyzeDependencies {
  index: ProjectSource;
  /** Shown in the report so a reader knows which index answered (never its credentials). */
  indexHost: string;
  now?: () => Date;
}

/** Requirements text + bases in, report out. Per-line, per-base and per-package problems travel inside the report. */
export async function analyze(input: AnalyzeInput, deps: AnalyzeDependencies): Promise<AnalyzeResult> {
  const parsed = parseRequirementsFile(input.requirements);
  if (!parsed.ok) return { ok: false, status: 413, error: parsed.error };
  const { file } = parsed;
  const arch = input.arch ?? "amd64";

  const errors: ReportError[] = [];
  const targets: { requested: string; note: string | null; target: Target }[] = [];
  for (const requested of input.bases?.length ? input.bases : DEFAULT_BASES) {
    const resolved = resolveBaseImage(requested);
    if (!resolved.ok) {
      errors.push({ subject: requested, message: resolved.error });
      continue;
    }
    const made = makeTarget(resolved.image, arch);
    if (!made.ok) errors.push({ subject: requested, message: made.error });
    else targets.push({ requested, note: resolved.resolvedFrom ?? null, target: made.target });
  }

  // One fetch per project for the whole analysis, shared by every target.
  const indexNames = [...new Set(file.requirements.filter((r) => r.origin.kind === "index" && r.name).map((r) => r.name as string))];
  const fetched = await Promise.all(indexNames.map(async (name) => [name, await deps.index.getProject(name)] as const));
  const failures = fetched.filter(([, p]) => !p.ok && p.reason !== "not-found");
  if (indexNames.length > 0 && failures.length === indexNames.length) {
    errors.push({ subject: "index", message: `The package index (${deps.indexHost}) could not be reached; every package is reported as unknown.` });
  }

  const generatedAt = (deps.now ?? (() => new Date()))().toISOString();
  // Files uploaded after "as of" do not exist for this analysis.
  const asOf = input.asOf ?? generatedAt;
  const projects = new Map<string, ProjectResult>();
  for (const [name, result] of fetched) {
    const { project, undatedFiles } = asOfProject(result, new Date(asOf));
    projects.set(name, project);
    if (input.asOf && undatedFiles > 0) {
      errors.push({ subject: name, message: `The index gives no upload time for ${undatedFiles} of ${name}'s files, so "as of ${input.asOf}" cannot exclude them; they are all considered.` });
    }
  }
  return {
    ok: true,
    report: {
      schemaVersion: SCHEMA_VERSION,
      generatedAt,
      asOf,
      mode: "direct",
      index: { host: deps.indexHost },
      requirements: file.requirements.map(summarizeRequirement),
      options: {
        pre: file.options.pre,
        preferBinary: file.options.preferBinary,
        onlyBinary: file.options.formatControl.onlyBinary,
        noBinary: file.options.formatControl.noBinary,
        requireHashes: file.options.requireHashes,
      },
      diagnostics: file.diagnostics,
      targets: targets.map(({ requested, note, target }) => reportTarget(file, target, requested, note, projects)),
      errors,
    },
  };
}

function tagTargetOf(target: Target): TagTarget {
  return { pythonVersion: target.pythonVersion, implementation: "cp", libc: target.libc, arch: target.machine };
}

function reportTarget(
  file: RequirementsFile,
  target: Target,
  requestedAs: string,
  resolvedNote: string | null,
  projects: ReadonlyMap<string, ProjectResult>,
): TargetReport {
  const tagTarget = tagTargetOf(target);
  const priority = new Map(targetTags(tagTarget).map((tag, index) => [tagToString(tag), index] as const));
  const environment = markerEnvironment(target);
  const skipped: TargetReport["skipped"] = [];
  const applicable: RequirementEntry[] = [];
  for (const entry of file.requirements) {
    const marker = entry.requirement?.marker;
    // Top-level requirements are evaluated with no extra active, as pip does.
    if (marker && !evaluateMarker(marker, environment, [])) {
      skipped.push({ name: entry.name ?? entry.text, line: entry.line, marker: markerToString(marker) });
    } else {
      applicable.push(entry);
    }
  }

  const packages: TargetPackage[] = [];
  for (const [name, entries] of groupByName(applicable)) {
    const first = entries[0] as RequirementEntry;
    if (first.origin.kind !== "index") {
      packages.push({ ...directVerdict(first.name ?? name, first.origin, tagTarget), line: first.line });
      continue;
    }
    const specifier = combinedSpecifier(entries);
    const verdict = verdictFor(name, specifier, projects.get(name) as ProjectResult, {
      tags: { priority, pythonFullVersion: target.pythonVersion },
      tagTarget,
      policy: {
        formats: allowedFormats(file.options.formatControl, name),
        preferBinary: file.options.preferBinary,
        pre: file.options.pre,
      },
    });
    packages.push({ ...verdict, line: first.line });
  }

  const count = (status: PackageVerdict["status"]) => packages.filter((p) => p.status === status).length;
  return {
    base: target.image.reference,
    requestedAs,
    resolvedNote,
    arch: target.arch,
    python: target.pythonVersion,
    libc: target.libc,
    os: [target.image.os.id, target.image.os.version].join(" "),
    packageManager: target.image.packageManager,
    packages,
    skipped,
    summary: { wheels: count("wheel"), sdists: count("sdist"), none: count("none"), unknown: count("unknown"), direct: count("direct") },
  };
}

/** pip merges every line that names the same project; unnamed URLs and paths stay on their own. */
function groupByName(entries: readonly RequirementEntry[]): Map<string, RequirementEntry[]> {
  const groups = new Map<string, RequirementEntry[]>();
  for (const entry of entries) {
    const key = entry.name ?? `line ${entry.line}: ${entry.text}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

function combinedSpecifier(entries: readonly RequirementEntry[]): SpecifierSet {
  const text = entries.map((e) => e.requirement?.specifier.text ?? "").filter(Boolean).join(",");
  const parsed = parseSpecifierSet(text);
  // Each part parsed on its own already, so their conjunction parses too.
  if (!parsed.ok) throw new Error(`combined specifier did not parse: ${text}`);
  return parsed.value;
}

function summarizeRequirement(entry: RequirementEntry): RequirementSummary {
  return {
    line: entry.line,
    text: entry.text,
    name: entry.name,
    extras: entry.requirement?.extras ?? [],
    specifier: entry.requirement?.specifier.text ?? "",
    marker: entry.requirement?.marker ? markerToString(entry.requirement.marker) : null,
    origin: entry.origin,
    editable: entry.editable,
    hashes: entry.hashes.length,
  };
}
