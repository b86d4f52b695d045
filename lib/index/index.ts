// Server-only: the package-index client (network and cache I/O). Types may be imported anywhere;
// createIndexClient and indexConfigFromEnv only from route handlers, the CLI and tests.

export type {
  IndexClient,
  IndexClientOptions,
  IndexClientStats,
  FileMetadata,
  IndexFile,
  MetadataFailureReason,
  MetadataResult,
  ProjectFailureReason,
  ProjectPage,
  ProjectResult,
  SdistBuildSystemResult,
} from "./types";
export { createIndexClient, DEFAULT_DEADLINE_MS, DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_PROJECTS, DEFAULT_TIMEOUT_MS, MAX_PAGE_BYTES } from "./client";
export { indexConfigFromEnv, DEFAULT_INDEX_URL } from "./config";
export { isValidProjectName, normalizeProjectName } from "./project-name";
export { SIMPLE_API_ACCEPT } from "./page-format";
export { forgetInProcessIndexCaches, processParsedCache } from "./parsed-cache";
export { diskCacheCounters } from "./http-cache-store";
export { pageFormatCounters } from "./page-format";
