import "server-only";

// Server-only: reads the server's environment. The index is server configuration, never request input.

import path from "node:path";

export const DEFAULT_INDEX_URL = "https://pypi.org/simple/";
export const DEFAULT_CACHE_DIRNAME = ".basewise-cache";
// 1 GiB: one cold analysis of 40 requirements × 12 images writes 14.3 MB (97 pages, 247 metadata
// files; bench/index-cold-warm.ts against the snapshot index, whose pages are smaller than PyPI's),
// so this keeps the working set of dozens of distinct analyses while staying small beside a Docker
// host's disk. pip and uv do not cap their caches; a long-running server must.
export const DEFAULT_CACHE_MAX_MB = 1024;

/**
 * BASEWISE_INDEX_URL: the simple repository root (default PyPI).
 * BASEWISE_CACHE_DIR: the on-disk HTTP cache (default ./.basewise-cache); "off" or "" keeps it in memory.
 * BASEWISE_CACHE_MAX_MB: the on-disk cache's size cap in MiB (default 1024); least recently used
 *   entries are removed beyond it. Anything but a positive number means the default.
 */
// Typed wider than NodeJS.ProcessEnv (which Next's types give a required NODE_ENV) so tests can pass a plain object.
export function indexConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): { indexUrl: string; cacheDir: string | null; cacheMaxBytes: number; fetchSdists: boolean } {
  const indexUrl = env.BASEWISE_INDEX_URL?.trim() || DEFAULT_INDEX_URL;
  const rawCacheDir = env.BASEWISE_CACHE_DIR;
  let cacheDir: string | null;
  if (rawCacheDir === undefined) cacheDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), DEFAULT_CACHE_DIRNAME);
  else if (rawCacheDir.trim() === "" || rawCacheDir.trim().toLowerCase() === "off") cacheDir = null;
  else cacheDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), rawCacheDir.trim());
  // Off unless asked for: reading pyproject.toml means downloading sdists (up to 50 MB each).
  const fetchSdists = ["1", "true", "yes", "on"].includes(env.BASEWISE_FETCH_SDISTS?.trim().toLowerCase() ?? "");
  const maxMb = Number(env.BASEWISE_CACHE_MAX_MB?.trim() || "NaN");
  const cacheMaxBytes = Math.floor((Number.isFinite(maxMb) && maxMb > 0 ? maxMb : DEFAULT_CACHE_MAX_MB) * 1024 * 1024);
  return { indexUrl, cacheDir, cacheMaxBytes, fetchSdists };
}
