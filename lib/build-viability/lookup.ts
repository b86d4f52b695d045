/**
 * buildViability: will building this release from its sdist succeed on this target — "builds"
 * only with evidence (a release the project's CI built for that Python), "fails" when a sourced
 * row says so, "unknown" otherwise — with the code, the structured reason and the first release
 * that fixes it. nearestViable walks the index's releases for the first one the table says builds.
 */
import { compareVersions, isPrerelease, parseSpecifierSet, parseVersion, specifierSetContains } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { releaseOf } from "@/lib/versioned-table";
import { distroRustFor } from "./distro-toolchains";
import { findViabilityProject, type IndexedViabilityProject } from "./table";
import type {
  BuildTarget,
  Confidence,
  PythonFloor,
  ViabilityAnswer,
  ViabilityFix,
  ViabilityProblem,
  ViabilityQuery,
} from "./types";

const CONFIDENCE_ORDER: readonly Confidence[] = ["high", "medium", "low"];

function weaker(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(a) >= CONFIDENCE_ORDER.indexOf(b) ? a : b;
}

/** "3.12.4" → [3, 12]; null when it is not a CPython version. */
function minorOf(python: string): [number, number] | null {
  const match = /^(\d+)\.(\d+)/.exec(python.trim());
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function compareMinor(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

function before(release: string, boundary: string): boolean {
  return compareVersions(release, boundary) < 0;
}

function contains(specifiers: string, version: string): boolean {
  const parsed = parseSpecifierSet(specifiers);
  return parsed.ok && specifierSetContains(parsed.value, version);
}

export function buildViability(query: ViabilityQuery): ViabilityAnswer {
  const project = findViabilityProject(query.name);
  if (!project) return notInTable(query.name, query.version, "unknown-project");
  const release = releaseOf(query.version);
  const minor = minorOf(query.target.python);
  if (release === null || minor === null) return notInTable(project.entry.name, query.version, "not-a-version");

  const problems = [
    ...pythonProblems(project, release, minor),
    ...breakageProblems(project, release, query),
  ];
  // Certain failures first; within each, the table's order (Python, build requirements, toolchain, libraries, platform).
  const ordered = [...problems.filter((p) => p.viability === "fails"), ...problems.filter((p) => p.viability === "unknown")];
  const first = ordered[0];
  if (first) {
    return {
      name: project.entry.name,
      version: query.version,
      viability: first.viability,
      code: first.code,
      reason: first.reason,
      sources: [...first.sources],
      confidence: first.confidence,
      fix: first.fix,
      problems: ordered,
      note: first.note,
    };
  }

  const evidence = floorFor(project.entry.python, minor);
  if (evidence?.firstBuilding && !before(release, evidence.firstBuilding)) {
    return {
      name: project.entry.name,
      version: query.version,
      viability: "builds",
      code: "known-good",
      reason: { code: "known-good", python: evidence.python, since: evidence.firstBuilding },
      sources: [...evidence.sources],
      confidence: evidence.confidence,
      fix: null,
      problems: [],
      note: evidence.note ?? null,
    };
  }
  return notInTable(project.entry.name, query.version, "no-evidence-for-target");
}

/**
 * The first release in `versions` (the index's releases), at or after `from` when given, that the
 * table says builds on the target; null when none does (or the table cannot tell). Pre-releases
 * are skipped unless `from` is one.
 */
export function nearestViable(
  name: string,
  versions: readonly string[],
  target: BuildTarget,
  options: { from?: string; buildRequirements?: Readonly<Record<string, string>> } = {},
): string | null {
  const from = options.from !== undefined && parseVersion(options.from) ? options.from : null;
  const allowPre = from !== null && isPrerelease(from);
  const candidates = versions
    .filter((v) => parseVersion(v) !== null)
    .filter((v) => allowPre || !isPrerelease(v))
    .filter((v) => from === null || compareVersions(v, from) >= 0)
    .sort(compareVersions);
  for (const version of candidates) {
    const answer = buildViability({ name, version, target, buildRequirements: options.buildRequirements });
    if (answer.viability === "builds") return version;
  }
  return null;
}

function notInTable(name: string, version: string, detail: "unknown-project" | "not-a-version" | "no-evidence-for-target"): ViabilityAnswer {
  return {
    name,
    version,
    viability: "unknown",
    code: "not-in-table",
    reason: { code: "not-in-table", detail },
    sources: [],
    confidence: null,
    fix: null,
    problems: [],
    note: null,
  };
}

function floorFor(floors: readonly PythonFloor[], minor: [number, number]): PythonFloor | undefined {
  return floors.find((floor) => {
    const m = minorOf(floor.python);
    return m !== null && compareMinor(m, minor) === 0;
  });
}

/**
 * One problem at most: the oldest CPython minor (up to the target's) whose floor the release is
 * below. The fix is the newest floor up to the target's minor, verified when the table has a
 * floor for the target's minor itself.
 */
function pythonProblems(project: IndexedViabilityProject, release: string, minor: [number, number]): ViabilityProblem[] {
  const applicable = project.entry.python.filter((floor) => {
    const m = minorOf(floor.python);
    return m !== null && compareMinor(m, minor) <= 0;
  });
  const failing = applicable.filter((floor) => floor.failure !== "none" && (floor.firstBuilding === null || before(release, floor.firstBuilding)));
  if (failing.length === 0) return [];
  const certain = (floor: PythonFloor) =>
    floor.failure === "reported" &&
    (floor.checkedFrom === undefined || !before(release, floor.checkedFrom)) &&
    (floor.certainBelow === undefined || before(release, floor.certainBelow));
  const floor = failing.find(certain) ?? failing[0]!;
  const known = applicable.map((f) => f.firstBuilding).filter((v): v is string => v !== null);
  const noneYet = applicable.some((f) => f.firstBuilding === null);
  const newest = known.sort(compareVersions).at(-1);
  const fix: ViabilityFix | null =
    noneYet || newest === undefined ? null : { kind: "upgrade", version: newest, verified: floorFor(project.entry.python, minor)?.firstBuilding != null };
  return [
    {
      code: "python-too-new",
      viability: certain(floor) ? "fails" : "unknown",
      reason: { code: "python-too-new", python: `${minor[0]}.${minor[1]}`, removedIn: floor.python, what: floor.change },
      fix,
      confidence: floor.confidence,
      sources: [...floor.sources],
      note: floor.note ?? null,
    },
  ];
}

function breakageProblems(project: IndexedViabilityProject, release: string, query: ViabilityQuery): ViabilityProblem[] {
  const problems: ViabilityProblem[] = [];
  const { target } = query;
  for (const { breakage, range } of project.breakages) {
    if (!specifierSetContains(range, release)) continue;
    const viability = breakage.failure === "reported" ? "fails" : "unknown";
    const base = { sources: [...breakage.sources], note: breakage.note ?? null };
    switch (breakage.kind) {
      case "build-requirement-broken": {
        const resolved = resolvedBuildRequirement(query.buildRequirements, breakage.requirement);
        // Unresolved: pip installs the newest release, which is inside an open-ended `broken` range.
        if (resolved !== null && !contains(breakage.broken, resolved)) continue;
        problems.push({
          code: "build-requirement-broken",
          viability,
          reason: { code: "build-requirement-broken", requirement: breakage.requirement, broken: breakage.broken, resolved },
          fix: { kind: "constrain-build-requirement", constraint: breakage.constraint, ...(breakage.fixedIn ? { version: breakage.fixedIn } : {}) },
          confidence: resolved === null ? weaker(breakage.confidence, "medium") : breakage.confidence,
          ...base,
        });
        break;
      }
      case "toolchain-too-old": {
        // Distroless installs nothing; whoever brings Rust there brings their own.
        if (target.packageManager === "none") continue;
        const distro = distroRustFor(target.os);
        const os = `${target.os.id} ${target.os.version}`;
        if (!distro) {
          problems.push({
            code: "toolchain-too-old",
            viability: "unknown",
            reason: { code: "toolchain-too-old", tool: breakage.tool, required: breakage.minimum, available: "unknown", os },
            fix: { kind: "install-toolchain", toolchain: { name: "rustc", minimum: breakage.minimum, via: "rustup" } },
            confidence: "low",
            ...base,
          });
          continue;
        }
        if (!before(distro.rustc, breakage.minimum)) continue;
        const alternative = distro.alternative && !before(distro.alternative.rustc, breakage.minimum) ? distro.alternative : null;
        problems.push({
          code: "toolchain-too-old",
          viability,
          reason: { code: "toolchain-too-old", tool: breakage.tool, required: breakage.minimum, available: distro.rustc, os },
          fix: alternative
            ? { kind: "install-package", packages: [...alternative.packages] }
            : { kind: "install-toolchain", toolchain: { name: "rustc", minimum: breakage.minimum, via: "rustup" } },
          confidence: weaker(breakage.confidence, distro.confidence),
          sources: [...breakage.sources, ...distro.sources],
          note: [breakage.note, distro.note].filter(Boolean).join(" ") || null,
        });
        break;
      }
      case "library-missing": {
        if (!breakage.missingOn.includes(target.os.id)) continue;
        problems.push({
          code: "library-missing",
          viability,
          reason: { code: "library-missing", library: breakage.library, os: target.os.id },
          fix: null,
          confidence: breakage.confidence,
          ...base,
        });
        break;
      }
      case "platform-unsupported": {
        if (breakage.libc !== undefined && breakage.libc !== target.libc.family) continue;
        if (breakage.arch !== undefined && breakage.arch !== target.arch) continue;
        problems.push({
          code: "platform-unsupported",
          viability,
          reason: { code: "platform-unsupported", libc: breakage.libc ?? null, arch: breakage.arch ?? null },
          fix: breakage.fixedIn ? { kind: "upgrade", version: breakage.fixedIn, verified: false } : null,
          confidence: breakage.confidence,
          ...base,
        });
        break;
      }
    }
  }
  return problems;
}

function resolvedBuildRequirement(resolved: Readonly<Record<string, string>> | undefined, requirement: string): string | null {
  if (!resolved) return null;
  for (const [name, version] of Object.entries(resolved)) {
    if (canonicalizeName(name) === requirement && parseVersion(version)) return version;
  }
  return null;
}
