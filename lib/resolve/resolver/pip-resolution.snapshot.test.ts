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
    environment: markerEnvironment(target),
    policy: (project) => ({ formats: allowedFormats(file.options.formatControl, project), preferBinary: file.options.preferBinary, pre: file.options.pre }),
  });
}

function agrees(basewise: TargetResolution, pip: PipInstallSet): boolean {
  if (pip.outcome === "impossible") return !basewise.ok || basewise.packages.some((p) => p.unknown !== null);
  if (pip.outcome !== "files" || !basewise.ok) return false;
  const ours = basewise.packages.map((p) => p.file?.filename ?? `${p.project} (unknown)`).sort();
  return JSON.stringify(ours) === JSON.stringify(pip.filenames);
}

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
    const disagreements = cases
      .map((c, i) => ({ ...c, ...(results[i] as { ours: TargetResolution; pip: PipInstallSet }) }))
      .filter(({ ours, pip }) => !agrees(ours, pip))
      .map(({ target, file, ours, pip }) => {
        const mine = ours.ok ? ours.packages.map((p) => p.file?.filename ?? p.project).sort().join(" ") : `impossible: ${ours.explanation}`;
        const theirs = pip.outcome === "files" ? pip.filenames.join(" ") : `${pip.outcome}: ${pip.output.slice(-400)}`;
        return `${target.image.reference}/${target.arch} ${file.name}:\n  pip      ${theirs}\n  basewise ${mine}`;
      });
    const impossible = results.filter((r) => r.pip.outcome === "impossible").length;
    console.log(`pip resolution differential: ${cases.length} (requirements file, image) pairs, ${cases.length - disagreements.length} identical to pip (${impossible} where pip finds no solution)`);
    expect(disagreements).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(240);
  }, 25 * 60_000);
});
