/**
 * The request's limits, closed sets and defaults, as plain values. The validator (request.ts), the
 * engine (lib/estimate, lib/requirements-file), the page's form and the CLI read them from here.
 * No zod in this file: a client component can import a bound without shipping the validator.
 */
import type { Arch, EstimateOptions } from "./request";

/** Base images in one analysis; each is a full resolution, estimate and Dockerfile. */
export const MAX_BASES = 12;

/** Longest image reference accepted (registry host, repository and tag). */
export const MAX_BASE_REFERENCE_CHARS = 200;

/** The requirements text, in UTF-8 bytes: one request must not make the server resolve an unbounded file. */
export const MAX_REQUIREMENTS_BYTES = 256 * 1024;

/** A POST body beyond this is refused unread: JSON escaping can roughly double the requirements limit. */
export const MAX_BODY_BYTES = 640 * 1024;

export const ARCHES = ["amd64", "arm64"] as const;
export const DEFAULT_ARCH: Arch = "amd64";

/** cold: nothing cached; warm: a rebuild after the requirements changed (see EstimateOptions). */
export const CACHE_STATES = ["cold", "warm"] as const;

/** What a person may set for the estimates, inclusive. */
export const ESTIMATE_LIMITS = {
  cores: { min: 1, max: 256 },
  networkMBps: { min: 0.1, max: 10_000 },
} as const;

/** Docker Desktop's default VM and a GitHub-hosted runner both have 4 cores. */
export const DEFAULT_ESTIMATE: EstimateOptions = { cores: 4, networkMBps: 50, cache: "cold", emulated: false };
