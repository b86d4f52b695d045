import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipInstallSet, pool, type PipInstallSet } from "@/e2e/fixtures/pip-oracle";
import { REQUIREMENTS_CORPUS } from "@/e2e/fixtures/requirements-corpus";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient } from "@/lib/index";
import { allowedFormats, parseRequirementsFile } from "@/lib/requirements-file";
import { pipPlatformArgs, targetTags, tagToString } from "@/lib/tags";
import { markerEnvironment, resolveTarget as resolveImage, type Target } from "@/lib/targets";
import { indexSources, type MetadataIndex } from "./index-sources";
import { resolveTarget, type TargetResolution } from "./resolve-target";

// Differential test of the whole install set: for realistic requirements files on glibc and musl,
// amd64 and arm64 images with several Pythons, Basewise's resolution must list exactly the files the
// real pip downloads for the same file, image and index (wheels only, so pip never builds).

const TARGETS: [string, "amd64" | "arm64"][] = [
  ["python:3.12-slim-bookworm", "amd64"],
  ["python:3.12-slim-bookworm", "arm64"],
  ["python:3.10-bookworm", "amd64"],
  ["python:3.13-slim-trixie", "arm64"],
  ["python:3.11-alpine3.19", "amd64"],
  ["python:3.12-alpine3.20", "arm64"],
];
const PIP_PROCESSES = 3;

let index: { url: string; close(): Promise<void> };
beforeAll(async () => {
  index = await startSnapshotIndex();
});
afterAll(async () => {
  await index?.close();
});

function imageTarget(reference: string, arch: "amd64" | "arm64"): Target {
  const resolved = resolveImage(reference, arch);
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.target;
}

async function basewiseSet(text: string, target: Target, client: MetadataIndex): Promise<TargetResolution> {
  const parsed = parseRequirementsFile(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const { file } = parsed;
  const tagTarget = { pythonVersion: target.pythonVersion, implementation: "cp" as const, libc: target.libc, arch: target.machine };
  const priority = new Map(targetTags(tagTarget).map((tag, i) => [tagToString(tag), i] as const));
  return resolveTarget(file.requirements, indexSources(client, new Date()), {
    tags: { priority, pythonFullVersion: target.pythonVersion },
    tagTarget,
    environment: markerEnvironment(target),
    policy: (project) => ({ formats: allowedFormats(file.options.formatControl, project), preferBinary: file.options.preferBinary, pre: file.options.pre }),
  });
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/**
 * The projects pip's failure names: each "No matching distribution found for X" (pip stops at the
 * first), and each requirement listed under "The conflict is caused by:" (ResolutionImpossible).
 */
function projectsPipNames(output: string): string[] {
  const names = new Set<string>();
  for (const match of output.matchAll(/No matching distribution found for ([A-Za-z0-9][A-Za-z0-9._-]*)/g)) names.add(normalize(match[1]!));
  const conflict = /The conflict is caused by:\n((?:[ \t]+\S.*\n?)+)/.exec(output);
  for (const line of conflict?.[1]?.split("\n") ?? []) {
    const asked = /^\s+(?:The user requested|\S+ \S+ depends on) ([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line);
    if (asked) names.add(normalize(asked[1]!));
  }
  return [...names].sort();
}

/**
 * The projects Basewise's answer names as having no solution: the unknown packages of an install
 * set, or the projects its conflict explanation lists ("numpy: your requirements ask for …").
 */
function projectsBasewiseNames(resolution: TargetResolution): string[] {
  if (resolution.ok) return resolution.packages.filter((p) => p.unknown !== null).map((p) => normalize(p.project)).sort();
  const names = new Set<string>();
  for (const match of resolution.explanation.matchAll(/(?:^|\. )([A-Za-z0-9][A-Za-z0-9._-]*): /g)) if (match[1] !== "Python") names.add(normalize(match[1]!));
  return [...names].sort();
}

type Verdict = "same files" | "no solution, same projects" | "differ";

function compare(basewise: TargetResolution, pip: PipInstallSet): Verdict {
  if (pip.outcome === "impossible") {
    // Both must find no solution, and every project pip names Basewise must name too. (pip stops at
    // the first project it cannot find; Basewise reports every one, so it may name more.)
    const theirs = projectsPipNames(pip.output);
    const ours = projectsBasewiseNames(basewise);
    return theirs.length > 0 && ours.length > 0 && theirs.every((name) => ours.includes(name)) ? "no solution, same projects" : "differ";
  }
  if (pip.outcome !== "files" || !basewise.ok || basewise.packages.some((p) => p.unknown !== null)) return "differ";
  const ours = basewise.packages.map((p) => p.file?.filename ?? `${p.project} (unknown)`).sort();
  return JSON.stringify(ours) === JSON.stringify(pip.filenames) ? "same files" : "differ";
}

describe("the names a failure gives", () => {
  it.each<[string, string, string[]]>([
    ["a project the index lacks", "ERROR: Could not find a version that satisfies the requirement Fake_UserAgent (from versions: none)\nERROR: No matching distribution found for Fake_UserAgent\n", ["fake-useragent"]],
    ["a specifier nothing satisfies", "ERROR: No matching distribution found for numpy>=9\n", ["numpy"]],
    [
      "ResolutionImpossible",
      "ERROR: Cannot install -r r.txt (line 2) and numpy==1.20.0 because these package versions have conflicting dependencies.\n\nThe conflict is caused by:\n    The user requested numpy==1.20.0\n    pandas 2.2.0 depends on numpy>=1.22.4; python_version < \"3.11\"\n\nTo fix this you could try to:\n",
      ["numpy"],
    ],
    ["anything else", "ERROR: HTTP error 500\n", []],
  ])("pip: %s", (_, output, expected) => {
    expect(projectsPipNames(output)).toEqual(expected);
  });

  it.each<[string, TargetResolution, string[]]>([
    ["unknown packages", { ok: true, packages: [{ project: "Fake_UserAgent", unknown: "not-found" }, { project: "six", unknown: null }] } as unknown as TargetResolution, ["fake-useragent"]],
    [
      "a conflict",
      { ok: false, explanation: "pip finds no set of versions that works on this image (Python 3.12.4). numpy: your requirements ask for numpy==1.20.0; pandas 2.2.0 requires numpy>=1.22.4. Python: numpy 1.20.0 requires Python <3.10, but this image runs 3.12.4." } as TargetResolution,
      ["numpy"],
    ],
  ])("Basewise: %s", (_, resolution, expected) => {
    expect(projectsBasewiseNames(resolution)).toEqual(expected);
  });
});

describe("Basewise's install set equals pip's", () => {
  it("for every requirements file on every image", async () => {
    // One client for the whole suite: no analysis deadline, and room for every project the corpus reaches.
    const client = createIndexClient({ indexUrl: index.url, cacheDir: null, maxProjects: 2000, deadlineMs: null });
    const cases = TARGETS.flatMap(([reference, arch]) => REQUIREMENTS_CORPUS.map((file) => ({ target: imageTarget(reference, arch), file, text: `--only-binary=:all:\n${file.text}` })));
    const results = await pool(cases, PIP_PROCESSES, async ({ target, text }) => {
      const platforms = pipPlatformArgs({ pythonVersion: target.pythonVersion, implementation: "cp", libc: target.libc, arch: target.machine });
      const environment = markerEnvironment(target) as unknown as Record<string, string>;
      const [ours, pip] = await Promise.all([
        basewiseSet(text, target, client),
        pipInstallSet(index.url, text, { pythonVersion: target.pythonVersion, platforms, markerEnvironment: environment }, { onlyBinary: true }),
      ]);
      return { ours, pip };
    });
    const compared = cases.map((c, i) => {
      const { ours, pip } = results[i] as { ours: TargetResolution; pip: PipInstallSet };
      return { ...c, ours, pip, verdict: compare(ours, pip) };
    });
    const disagreements = compared
      .filter(({ verdict }) => verdict === "differ")
      .map(({ target, file, ours, pip }) => {
        const mine = ours.ok ? ours.packages.map((p) => p.file?.filename ?? `${p.project} (unknown: ${p.unknown})`).sort().join(" ") : `no solution: ${ours.explanation}`;
        const theirs = pip.outcome === "files" ? pip.filenames.join(" ") : `${pip.outcome} naming [${projectsPipNames(pip.output).join(", ")}]: ${pip.output.slice(-400)}`;
        return `${target.image.reference}/${target.arch} ${file.name}:\n  pip      ${theirs}\n  basewise ${mine} [names: ${projectsBasewiseNames(ours).join(", ")}]`;
      });
    const count = (verdict: Verdict) => compared.filter((c) => c.verdict === verdict).length;
    console.log(
      `pip resolution differential: ${cases.length} (requirements file, image) pairs: ${count("same files")} with the same files as pip, ${count("no solution, same projects")} where both find no solution for the same projects, ${count("differ")} different`,
    );
    for (const { target, file, pip, ours } of compared.filter((c) => c.verdict === "no solution, same projects")) {
      console.log(`  no solution on ${target.image.reference}/${target.arch} for ${file.name}: pip names [${projectsPipNames(pip.outcome === "files" ? "" : pip.output).join(", ")}], Basewise [${projectsBasewiseNames(ours).join(", ")}]`);
    }
    expect(disagreements).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(240);
  }, 25 * 60_000);
});
