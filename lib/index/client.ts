import "server-only";

// Server-only: performs network requests and file I/O. Import from route handlers, the CLI and tests only.
//
// The package-index client: one instance per analysis. It asks the configured simple repository for
// project pages (PEP 503/691) and files' core metadata (PEP 658/714, or PyPI's JSON API), answers
// from an RFC 9111 cache when it can, bounds its own load on the index (concurrency per client and
// per host, project count, an overall deadline, time and size per request), asks for each project
// and each file's metadata once, and returns every failure as a value.

import { startDeadline } from "./deadline";
import { fetchCoreMetadata } from "./fetch-core-metadata";
import { fetchSdistBuildSystem } from "./fetch-sdist-build-system";
import { processHostLimits } from "./host-limits";
import { indexConfigFromEnv } from "./config";
import { diskCacheStore, processMemoryCache, type HttpCacheStore } from "./http-cache-store";
import { createIndexHttp, type BodyReading } from "./index-http";
import { isUnderIndexRoot, parseIndexRoot, projectPageUrl } from "./index-url";
import { parseProjectPage, SIMPLE_API_ACCEPT } from "./page-format";
import { processParsedCache } from "./parsed-cache";
import type { ParsedPage } from "./page-common";
import { isValidProjectName, normalizeProjectName } from "./project-name";
import { Semaphore } from "./semaphore";
import type {
  IndexClient,
  IndexClientOptions,
  IndexClientStats,
  IndexFile,
  MetadataFailureReason,
  MetadataResult,
  ProjectFailureReason,
  ProjectPage,
  ProjectResult,
  SdistBuildSystemResult,
} from "./types";

export const DEFAULT_TIMEOUT_MS = 10_000;
// One analysis reads ahead down every branch of the dependency tree at once; against an index 50 ms
// away, 16 requests in flight take a cold 40-requirement × 12-image analysis from 5.0 s to 3.2 s
// (8 → 16; 32 gains nothing more on 2 cores: the CPU is then the bound). npm run bench:analysis.
export const DEFAULT_MAX_CONCURRENCY = 16;
export const DEFAULT_MAX_PROJECTS = 500;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_RETRY_DELAY_MS = 250;
// Long enough for a cold analysis of a few hundred requirements against PyPI (pages and metadata at
// 16 requests in flight), short enough that a person waiting on the page still gets an answer.
export const DEFAULT_DEADLINE_MS = 30_000;

// PyPI's largest project pages are a few MB of JSON; 20 MB leaves room for any real project while
// keeping one hostile or broken index from filling the server's memory.
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export function createIndexClient(options: IndexClientOptions): IndexClient {
  const index = parseIndexRoot(options.indexUrl);
  const maxProjects = Math.max(0, Math.floor(options.maxProjects ?? DEFAULT_MAX_PROJECTS));
  // One store per directory in the process (its size accounting must see every client's writes).
  const store: HttpCacheStore = options.cacheDir ? diskCacheStore(options.cacheDir, options.cacheMaxBytes ?? indexConfigFromEnv().cacheMaxBytes) : processMemoryCache;
  const pageAccept = options.pageAccept ?? SIMPLE_API_ACCEPT;
  const counters: IndexClientStats = { requests: 0, cacheHits: 0, revalidated: 0, projectsRequested: 0 };
  const http = createIndexHttp({
    timeoutMs: positiveOr(options.timeoutMs, DEFAULT_TIMEOUT_MS),
    retries: Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES)),
    retryDelayMs: Math.max(0, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS),
    retryTimeouts: options.retryTimeouts ?? false,
    fetchImpl: options.fetchImpl ?? globalThis.fetch,
    now: options.now ?? Date.now,
    store,
    parsed: processParsedCache,
    clientLimit: new Semaphore(Math.max(1, Math.floor(positiveOr(options.maxConcurrency, DEFAULT_MAX_CONCURRENCY)))),
    hostLimits: options.hostLimits ?? processHostLimits,
    deadline: startDeadline(options.deadlineMs === undefined ? DEFAULT_DEADLINE_MS : options.deadlineMs),
    credentials: index.ok && index.index.authorization ? { origin: index.index.root.origin, authorization: index.index.authorization } : null,
    counters,
  });
  // Keyed by normalised name: "Django" and "django" are one project, one request, one answer.
  const results = new Map<string, Promise<ProjectResult>>();
  // Keyed by project and file URL: every target of an analysis asks for the same files.
  const metadata = new Map<string, Promise<MetadataResult>>();

  function getProject(name: string): Promise<ProjectResult> {
    if (typeof name !== "string" || !isValidProjectName(name)) {
      return Promise.resolve(failure("not-found", `${JSON.stringify(String(name).slice(0, 100))} is not a valid project name`));
    }
    const key = normalizeProjectName(name);
    const known = results.get(key);
    if (known) return known;
    if (results.size >= maxProjects) {
      return Promise.resolve(failure("too-many-projects", `${name} was not looked up: one analysis may ask the package index for at most ${maxProjects} projects`));
    }
    counters.projectsRequested++;
    const pending = loadProject(name).catch((error: unknown) => failure("index-error", `index error: unexpected failure while reading ${name} (${String(error)})`));
    results.set(key, pending);
    return pending;
  }

  async function loadProject(name: string): Promise<ProjectResult> {
    if (!index.ok) return failure("index-error", `index error: ${index.message}`);
    const root = index.index;
    const url = projectPageUrl(root, name);
    // Valid names cannot escape the root, but the guarantee is cheap to check where it matters.
    if (!isUnderIndexRoot(root, url)) return failure("not-found", `${name} is not a valid project name`);
    const outcome = await http({
      url,
      accept: pageAccept,
      subject: name,
      // The reader falls back on the name as asked for when the page does not give one.
      readKey: `page ${name}`,
      maxBodyBytes: MAX_PAGE_BYTES,
      mayFollow: (target) => isUnderIndexRoot(root, target),
      followScope: root.display,
      read: (body, headers, finalUrl): BodyReading<ParsedPage> => {
        const parsed = parseProjectPage(body, headers["content-type"] ?? null, finalUrl, name);
        if (parsed.ok) return { ok: true, value: parsed.page };
        // "index error: …" so a report reads "unknown: index error: …" (a truncated answer is the index's fault).
        return { ok: false, reason: "malformed", message: `the package index's page for ${name} is malformed: ${parsed.message}` };
      },
    });
    if (outcome.ok) return { ok: true, page: { ...outcome.value, fetchedFrom: outcome.from } };
    return failure(outcome.kind === "hash-mismatch" ? "malformed" : outcome.kind, outcome.message);
  }

  function getCoreMetadata(project: string, file: IndexFile): Promise<MetadataResult> {
    const url = typeof file?.url === "string" ? file.url : "";
    const key = `${typeof project === "string" ? normalizeProjectName(project) : ""} ${url}`;
    const known = metadata.get(key);
    if (known) return known;
    const pending = loadCoreMetadata(project, file).catch((error: unknown) =>
      metadataFailure("index-error", `index error: unexpected failure while reading the metadata of ${String(file?.filename)} (${String(error)})`),
    );
    metadata.set(key, pending);
    return pending;
  }

  async function loadCoreMetadata(project: string, file: IndexFile): Promise<MetadataResult> {
    if (!index.ok) return metadataFailure("index-error", `index error: ${index.message}`);
    const page = await getProject(project);
    if (!page.ok) return metadataFailure(METADATA_REASON[page.reason], page.message);
    const listed = listedFiles(page.page).get(file.url);
    // Only URLs the index itself listed are ever requested; see fetch-core-metadata.ts.
    if (!listed) return metadataFailure("unavailable", `the index offers no metadata for ${file.filename}: the index does not list that file for ${project}`);
    return fetchCoreMetadata({ http, index: index.index }, project, listed);
  }

  const buildSystems = new Map<string, Promise<SdistBuildSystemResult>>();
  function getSdistBuildSystem(project: string, file: IndexFile): Promise<SdistBuildSystemResult> {
    if (!options.fetchSdists) {
      return Promise.resolve({ ok: false, reason: "disabled", message: "fetching sdists is not enabled on this server (BASEWISE_FETCH_SDISTS)" });
    }
    const key = `${typeof project === "string" ? normalizeProjectName(project) : ""} ${typeof file?.url === "string" ? file.url : ""}`;
    let known = buildSystems.get(key);
    if (!known) {
      known = loadSdistBuildSystem(project, file).catch((error: unknown) => ({ ok: false as const, reason: "index-error" as const, message: `index error: unexpected failure while reading ${String(file?.filename)} (${String(error)})` }));
      buildSystems.set(key, known);
    }
    return known;
  }

  async function loadSdistBuildSystem(project: string, file: IndexFile): Promise<SdistBuildSystemResult> {
    if (!index.ok) return { ok: false, reason: "index-error", message: `index error: ${index.message}` };
    const page = await getProject(project);
    if (!page.ok) return { ok: false, reason: METADATA_REASON[page.reason], message: page.message };
    const listed = listedFiles(page.page).get(file.url);
    // As for metadata: only a URL the index itself listed is ever requested.
    if (!listed) return { ok: false, reason: "unavailable", message: `the index does not list ${file.filename} for ${project}` };
    return fetchSdistBuildSystem(http, listed);
  }

  return { getProject, getCoreMetadata, getSdistBuildSystem, stats: () => ({ ...counters }) };
}

// Per page, its files by URL: how a file handed to getCoreMetadata is recognised as listed. Keyed by
// the files array, which pages from the parsed cache share (frozen) across clients, so each page's
// map is built once per process rather than once per analysis.
const listings = new WeakMap<readonly IndexFile[], Map<string, IndexFile>>();

function listedFiles(page: ProjectPage): Map<string, IndexFile> {
  let byUrl = listings.get(page.files);
  if (!byUrl) {
    byUrl = new Map(page.files.map((file) => [file.url, file]));
    listings.set(page.files, byUrl);
  }
  return byUrl;
}

// A file's metadata cannot be had when its project's page could not.
const METADATA_REASON: Record<ProjectFailureReason, MetadataFailureReason> = {
  "not-found": "unavailable",
  "too-many-projects": "unavailable",
  "index-error": "index-error",
  timeout: "timeout",
  malformed: "malformed",
};

function failure(reason: ProjectFailureReason, message: string): ProjectResult {
  return { ok: false, reason, message };
}

function metadataFailure(reason: MetadataFailureReason, message: string): MetadataResult {
  return { ok: false, reason, message };
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}
