// Server-only: reads the server's environment. The index is server configuration, never request input.

import path from "node:path";

export const DEFAULT_INDEX_URL = "https://pypi.org/simple/";
export const DEFAULT_CACHE_DIRNAME = ".basewise-cache";

/**
 * BASEWISE_INDEX_URL: the simple repository root (default PyPI).
 * BASEWISE_CACHE_DIR: the on-disk HTTP cache (default ./.basewise-cache); "off" or "" keeps it in memory.
 */
// Typed wider than NodeJS.ProcessEnv (which Next's types give a required NODE_ENV) so tests can pass a plain object.
export function indexConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): { indexUrl: string; cacheDir: string | null; fetchSdists: boolean } {
  const indexUrl = env.BASEWISE_INDEX_URL?.trim() || DEFAULT_INDEX_URL;
  const rawCacheDir = env.BASEWISE_CACHE_DIR;
  let cacheDir: string | null;
  if (rawCacheDir === undefined) cacheDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), DEFAULT_CACHE_DIRNAME);
  else if (rawCacheDir.trim() === "" || rawCacheDir.trim().toLowerCase() === "off") cacheDir = null;
  else cacheDir = path.resolve(/* turbopackIgnore: true */ process.cwd(), rawCacheDir.trim());
  // Off unless asked for: reading pyproject.toml means downloading sdists (up to 50 MB each).
  const fetchSdists = ["1", "true", "yes", "on"].includes(env.BASEWISE_FETCH_SDISTS?.trim().toLowerCase() ?? "");
  return { indexUrl, cacheDir, fetchSdists };
}
