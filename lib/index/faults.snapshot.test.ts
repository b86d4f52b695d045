// The client against a failing index: snapshot-index with 503s, truncated answers, hung requests and
// latency (deterministic per request under --seed, though which project meets which fault depends
// on the order requests arrive in). One analysis's worth of projects, and a file's metadata for each,
// must come back within the analysis deadline; every answer that succeeds must be exactly what the
// fault-free index gives, and every one that does not must say why in words a report can show
// ("unknown: index error: …", "unknown: timeout: …"). Run by the snapshot suite only.

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedDir, startSnapshotIndex, type SnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { createIndexClient } from "./client";
import { isUndetectableTruncation } from "./truncation.test-support";
import type { IndexClient, IndexFile, MetadataResult, ProjectResult } from "./types";

const PROJECTS = 60;
const DEADLINE_MS = 25_000;
// Startup of the promises, the last response's parsing, the event loop's timer slack.
const MARGIN_MS = 1_500;
const FAULTS = ["--fail-rate", "0.2", "--malformed-rate", "0.05", "--hang-rate", "0.02", "--hang-s", "20", "--latency-ms", "50", "--seed", "20261122"];
const FAILURE_PREFIX = /^(index error|timeout): /;

function topProjects(shared: string): string[] {
  const top = JSON.parse(readFileSync(path.join(shared, "data/pypi/top-pypi-packages.json"), "utf8")) as { rows: { name: string }[] };
  return top.rows.slice(0, PROJECTS).map((row) => row.name);
}

/** The file whose metadata each analysis asks for: the page's last (the newest release's last file). */
function chosenFile(result: ProjectResult): IndexFile | null {
  return result.ok ? (result.page.files.at(-1) ?? null) : null;
}

interface Run {
  pages: Map<string, ProjectResult>;
  metadata: Map<string, MetadataResult>;
  elapsedMs: number;
}

/** One analysis: every project's page, then (as soon as each page is in) its chosen file's metadata. */
async function analyse(client: IndexClient, names: string[]): Promise<Run> {
  const started = performance.now();
  const pages = new Map<string, ProjectResult>();
  const metadata = new Map<string, MetadataResult>();
  await Promise.all(
    names.map(async (name) => {
      const page = await client.getProject(name);
      pages.set(name, page);
      const file = chosenFile(page);
      if (file) metadata.set(name, await client.getCoreMetadata(name, file));
    }),
  );
  return { pages, metadata, elapsedMs: performance.now() - started };
}

/**
 * snapshot-index publishes no digest for its metadata files (core-metadata: {}) and truncates a
 * malformed answer to half its length. A cut that falls exactly after a line end leaves a shorter
 * file that is still well-formed: without a digest nothing (pip included) can tell. PyPI always
 * publishes a sha256, which catches it; here such an answer can only be a prefix of the true list.
 */
function isUndetectable(clean: MetadataResult, faulty: MetadataResult): boolean {
  return clean.ok && faulty.ok && clean.source === "pep658" && isUndetectableTruncation(clean.metadata, faulty.metadata);
}

/** A page with its file URLs relative to the index's origin (the two servers differ only in port). */
function comparable(result: Extract<ProjectResult, { ok: true }>) {
  const { name, files, versions } = result.page;
  return { name, versions, files: files.map((file) => ({ ...file, url: new URL(file.url).pathname })) };
}

describe.skipIf(sharedDir() === null)("the index client against a faulty index", () => {
  let clean: SnapshotIndex;
  let faulty: SnapshotIndex;
  beforeAll(async () => {
    [clean, faulty] = await Promise.all([startSnapshotIndex(), startSnapshotIndex(FAULTS)]);
  });
  afterAll(async () => {
    await Promise.all([clean?.close(), faulty?.close()]);
  });

  it(`answers ${PROJECTS} projects within the deadline, identical to the fault-free index or with a reason`, async () => {
    const names = topProjects(sharedDir()!);
    const cleanClient = createIndexClient({ indexUrl: clean.url, cacheDir: null, deadlineMs: null });
    const reference = await analyse(cleanClient, names);
    const client = createIndexClient({ indexUrl: faulty.url, cacheDir: null, deadlineMs: DEADLINE_MS, retryTimeouts: true });
    const run = await analyse(client, names);

    const failedPages = names.filter((name) => !run.pages.get(name)?.ok);
    const failedMetadata = [...run.metadata.entries()].filter(([, result]) => !result.ok);
    const undetectable = [...run.metadata.entries()].filter(([name, result]) => isUndetectable(reference.metadata.get(name)!, result));
    const reasons = (results: Array<ProjectResult | MetadataResult>) => {
      const counts = new Map<string, number>();
      for (const result of results) if (!result.ok) counts.set(result.reason, (counts.get(result.reason) ?? 0) + 1);
      return [...counts].map(([reason, count]) => `${reason} ${count}`).join(", ") || "none";
    };
    console.log(
      [
        `faulty index (${FAULTS.join(" ")}), deadline ${DEADLINE_MS} ms: finished in ${Math.round(run.elapsedMs)} ms (fault-free: ${Math.round(reference.elapsedMs)} ms), ${client.stats().requests} requests`,
        `  pages:    ${names.length - failedPages.length} ok, ${failedPages.length} failed (${reasons([...run.pages.values()])})`,
        `  metadata: ${run.metadata.size - failedMetadata.length} ok, ${failedMetadata.length} failed (${reasons([...run.metadata.values()])}), ${run.metadata.size} asked; undetectable truncations (no digest): ${undetectable.length}`,
        ...failedPages.map((name) => `  ${name}: ${(run.pages.get(name) as Extract<ProjectResult, { ok: false }>).message}`),
        ...failedMetadata.map(([name, result]) => `  ${name} metadata: ${(result as Extract<MetadataResult, { ok: false }>).message}`),
      ].join("\n"),
    );

    expect(run.elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    // The fault-free run is the reference: apart from projects the snapshot lacks, it must be whole.
    expect([...reference.pages.values()].filter((r) => !r.ok && r.reason !== "not-found")).toEqual([]);
    expect([...reference.metadata.values()].filter((r) => !r.ok && r.reason !== "unavailable")).toEqual([]);

    for (const name of names) {
      const expected = reference.pages.get(name)!;
      const actual = run.pages.get(name)!;
      if (actual.ok) {
        expect(expected.ok, name).toBe(true);
        if (expected.ok) expect(comparable(actual), name).toEqual(comparable(expected));
      } else if (!(expected.ok === false && expected.reason === "not-found" && actual.reason === "not-found")) {
        expect(["index-error", "timeout", "malformed"], `${name}: ${actual.message}`).toContain(actual.reason);
        expect(actual.message, name).toMatch(FAILURE_PREFIX);
      }
    }

    for (const [name, actual] of run.metadata) {
      const expected = reference.metadata.get(name);
      if (actual.ok && !undetectable.some(([other]) => other === name)) {
        expect(actual, `${name} metadata`).toEqual(expected);
      } else if (!actual.ok && !(expected?.ok === false && expected.reason === "unavailable" && actual.reason === "unavailable")) {
        expect(["index-error", "timeout", "malformed", "hash-mismatch"], `${name}: ${actual.message}`).toContain(actual.reason);
        expect(actual.message, `${name} metadata`).toMatch(FAILURE_PREFIX);
      }
    }
    // The faults must actually have been met (retries, failures), or this proves nothing.
    expect(client.stats().requests).toBeGreaterThan(cleanClient.stats().requests);
    expect(failedPages.length + failedMetadata.length).toBeGreaterThan(0);
  }, 120_000);
});
