import { buildRequirementsFor, PIP_DEFAULT_BACKEND, PIP_DEFAULT_SOURCE, pipDefaultRequires } from "@/lib/build-requirements";
import { parseRequirementsFile } from "@/lib/requirements-file";
import type { AnalysisSources } from "@/lib/resolve/resolver";
import { withDependencyCodes, type MetadataFailures } from "./dependency-codes";
import type { ImageContext } from "./image-context";
import { resolveInstallSet, type AnalysisBounds } from "./install-set";
import type { BuildEnvironment, CompiledPackage, TargetPackage, UnreachedPackage } from "./types";

// Build isolation (PEP 517/518): before pip builds an sdist it installs the sdist's build requirements
// into a fresh environment, resolved for the same image with the same options (pip's build_env.py
// passes --only-binary, --no-binary, --pre and --prefer-binary on). A build requirement without a
// wheel here is compiled too: pandas < 2.1 on Alpine builds numpy once for its build, once for the image.

// numpy inside pandas' build is depth 2; Cython inside numpy's build inside pandas', 3. Deeper chains
// do not occur among real packages; the bound keeps a cyclic table entry from recursing forever.
const MAX_NESTED_BUILDS = 3;

export interface BuildIsolation {
  builds: BuildEnvironment[];
  compiles: CompiledPackage[];
  /** Build requirements not resolved because the analysis's work budget or deadline ran out. */
  unreached: UnreachedPackage[];
}

/** metadataFailures: the index's reasons for metadata it could not give (the build environments' packages carry them as codes). */
export async function resolveBuilds(packages: readonly TargetPackage[], sources: AnalysisSources, image: ImageContext, bounds: AnalysisBounds = {}, metadataFailures: MetadataFailures = new Map()): Promise<BuildIsolation> {
  const builds: BuildEnvironment[] = [];
  const unreached: UnreachedPackage[] = [];
  const compiles = new Map<string, CompiledPackage>();
  const built = new Set<string>();

  const noteCompile = (pkg: TargetPackage, insideBuildOf: string | null) => {
    const key = `${pkg.name}==${pkg.version ?? pkg.filename ?? ""}`;
    const known = compiles.get(key) ?? { name: pkg.name, version: pkg.version, buildRequirement: true, forBuildOf: [] };
    // One name and version is compiled once: pip's wheel cache (on unless --no-cache-dir) hands the
    // wheel built for a build environment to the image, and the other way round.
    if (insideBuildOf === null) known.buildRequirement = false;
    else if (!known.forBuildOf.includes(insideBuildOf)) known.forBuildOf.push(insideBuildOf);
    compiles.set(key, known);
  };

  async function visit(sdists: readonly TargetPackage[], insideBuildOf: string | null, depth: number): Promise<void> {
    for (const sdist of sdists) {
      noteCompile(sdist, insideBuildOf);
      if (sdist.status !== "sdist" || sdist.version === null) continue; // a direct reference: not fetched, its build system unknown
      const label = `${sdist.name} ${sdist.version}`;
      if (built.has(label) || depth >= MAX_NESTED_BUILDS) continue;
      built.add(label);
      const { environment, stopped } = await buildEnvironment(sdist, insideBuildOf, sources, image, bounds, metadataFailures);
      builds.push(environment);
      if (stopped) unreached.push(...stopped.unreached.map((name) => ({ name, reason: stopped.reason, insideBuildOf: label })));
      await visit(environment.packages.filter((p) => p.compiles), label, depth + 1);
    }
  }

  await visit(packages.filter((p) => p.compiles), null, 0);
  return { builds, compiles: [...compiles.values()], unreached };
}

type Stopped = { reason: "work-budget" | "deadline"; unreached: string[] };

async function buildEnvironment(
  sdist: TargetPackage,
  insideBuildOf: string | null,
  sources: AnalysisSources,
  image: ImageContext,
  bounds: AnalysisBounds,
  metadataFailures: MetadataFailures,
): Promise<{ environment: BuildEnvironment; stopped: Stopped | null }> {
  const name = sdist.name;
  const version = sdist.version as string;
  const described = { name, version, insideBuildOf, ...(await buildSystemOf(sdist, sources)) };
  const parsed = parseBuildRequires(described.requires);
  // The table's strings all parse (its own test checks); an sdist's own may not.
  if (!parsed.ok || parsed.file.diagnostics.length > 0) {
    const explanation = `The build requirements of ${name} ${version} could not be read: ${parsed.ok ? parsed.file.diagnostics.map((d) => d.message).join("; ") : parsed.error}`;
    return { environment: { ...described, packages: [], explanation, failure: "unreadable-build-requirements" }, stopped: null };
  }
  const { requirements } = parsed.file;
  const installSet = await resolveInstallSet(requirements, sources, image, bounds);
  if (installSet.ok) {
    const packages = withDependencyCodes(installSet.packages, requirements, "resolved", metadataFailures);
    return { environment: { ...described, packages, explanation: null, failure: null }, stopped: null };
  }
  const stopped = installSet.code === "work-budget" || installSet.code === "deadline" ? { reason: installSet.code, unreached: installSet.unreached } : null;
  return { environment: { ...described, packages: [], explanation: installSet.explanation, failure: installSet.code }, stopped };
}

// Every image with the same sdist reads the same build requirements; parse each list once.
const parsedBuildRequires = new Map<string, ReturnType<typeof parseRequirementsFile>>();
const PARSED_BUILD_REQUIRES_LIMIT = 2_000;

function parseBuildRequires(requires: readonly string[]): ReturnType<typeof parseRequirementsFile> {
  const text = requires.join("\n");
  let parsed = parsedBuildRequires.get(text);
  if (!parsed) {
    parsed = parseRequirementsFile(text);
    if (parsedBuildRequires.size >= PARSED_BUILD_REQUIRES_LIMIT) parsedBuildRequires.clear();
    parsedBuildRequires.set(text, parsed);
  }
  return parsed;
}

type BuildSystemFacts = Omit<BuildEnvironment, "name" | "version" | "insideBuildOf" | "packages" | "explanation" | "failure">;

/** The sdist's own pyproject.toml when the server may fetch sdists and it can be read; else the curated table. */
async function buildSystemOf(sdist: TargetPackage, sources: AnalysisSources): Promise<BuildSystemFacts> {
  const table = buildRequirementsFor(sdist.name, sdist.version as string);
  const fromTable: BuildSystemFacts = {
    requires: table.requires,
    dynamic: table.dynamic.map(({ requirement, when }) => ({ requirement, when })),
    backend: table.backend,
    basis: table.basis,
    source: table.source,
    confidence: table.confidence,
    note: table.note,
  };
  // The file pip chose, as the resolver (or the line's verdict) classified it.
  const { file } = sdist;
  if (!file) return fromTable;
  const read = await sources.sdistBuildSystem(sdist.name, file);
  if (!read.ok) {
    return read.reason === "disabled" ? fromTable : { ...fromTable, note: `${fromTable.note} The sdist's own pyproject.toml could not be read (${read.message}), so the table answers.`.trim() };
  }
  const { declared, requires, backend } = read.buildSystem;
  const source = `pyproject.toml in ${file.filename}`;
  if (!declared || requires === null) {
    return {
      ...fromTable,
      requires: pipDefaultRequires(),
      backend: PIP_DEFAULT_BACKEND,
      basis: "sdist",
      source: `${source} (no [build-system]); ${PIP_DEFAULT_SOURCE}`,
      confidence: "high",
      note: "The sdist declares no [build-system], so pip installs its default build requirements.",
    };
  }
  // pip's fallback when build-backend is absent (pyproject.py).
  return { ...fromTable, requires, backend: backend ?? PIP_DEFAULT_BACKEND, basis: "sdist", source, confidence: "high", note: "" };
}
