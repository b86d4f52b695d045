/**
 * The request's limits, closed sets and defaults, as plain values. The validator (request.ts), the
 * engine (lib/estimate, lib/requirements-file), the page's form and the CLI read them from here.
 * No zod in this file: a client component can import a bound without shipping the validator.
 */
import type { Arch, BuildHost, EstimateOptions } from "./request";

/** Base images in one analysis; each is a full resolution, estimate and Dockerfile. */
export const MAX_BASES = 12;

/** Longest image reference accepted (registry host, repository and tag). */
export const MAX_BASE_REFERENCE_CHARS = 200;

/** The requirements text, in UTF-8 bytes: one request must not make the server resolve an unbounded file. */
export const MAX_REQUIREMENTS_BYTES = 256 * 1024;

/**
 * A lock file's text, in UTF-8 bytes. Locks carry every file's URL and hash (uv.lock and poetry.lock:
 * 1.5–12 KB per package, numpy's ~50 wheels at the top), so a 200–400-package lock is 1–3 MB, far
 * past the requirements limit, while Basewise reads only names, versions, markers and edges from it.
 * The pins it yields are still capped (MAX_REQUIREMENTS, lib/inputs' MAX_LOCK_PACKAGES); reading
 * 4 MiB takes about a second of worker CPU (npm run bench:inputs).
 */
export const MAX_LOCK_BYTES = 4 * 1024 * 1024;

/**
 * Files given with the main one (dropped together, named on the command line): what its `-r`/`-c`
 * lines name, or a lock beside its pyproject.toml. Each is bounded like the requirements text
 * (MAX_REQUIREMENTS_BYTES); the body cap bounds them all together.
 */
export const MAX_INPUT_FILES = 8;

/** Longest file name accepted ("requirements/dev.txt"); longer names are no file name a person gave. */
export const MAX_INPUT_FILE_NAME_CHARS = 255;

/** Extras or groups chosen at once; a pyproject offers a handful. */
export const MAX_INPUT_CHOICES = 64;

/** Longest extra or group name (PEP 685 names are short identifiers). */
export const MAX_INPUT_CHOICE_CHARS = 100;

/**
 * A POST body beyond this is refused unread: a lock at its limit (escaped quotes add ~10 % in JSON)
 * with a few files beside it. Parsing 6 MiB of JSON on the request thread takes ~30 ms.
 */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export const ARCHES = ["amd64", "arm64"] as const;
/** The architecture a one-arch answer is about when nothing says which (the old single-`arch` default). */
export const DEFAULT_ARCH: Arch = "amd64";
/**
 * Both: the same Dockerfile is built for arm64 on an Apple-silicon laptop (Docker Desktop builds the
 * host's architecture) and for amd64 in CI, so an analysis answers for both unless told otherwise.
 */
export const DEFAULT_ARCHS: readonly Arch[] = ARCHES;

/**
 * Where `docker build` runs; a target whose architecture differs from the host's runs under emulation.
 * native: each architecture on its own hardware (an amd64 and an arm64 runner), nothing emulated;
 * mac-arm64: Docker Desktop on an Apple-silicon Mac; ci-amd64 / ci-arm64: a CI runner of that architecture.
 */
export const BUILD_HOSTS = ["native", "mac-arm64", "ci-amd64", "ci-arm64"] as const;

/** The CPU architecture of each build host; null for native (each target on its own architecture). */
export const BUILD_HOST_ARCH: Readonly<Record<BuildHost, Arch | null>> = { native: null, "mac-arm64": "arm64", "ci-amd64": "amd64", "ci-arm64": "arm64" };

/** Whether a build for `arch` on `host` runs under emulation (QEMU, or Rosetta on a Mac when enabled). */
export function runsEmulated(host: BuildHost, arch: Arch): boolean {
  const hostArch = BUILD_HOST_ARCH[host];
  return hostArch !== null && hostArch !== arch;
}

/**
 * The host the old `estimate.emulated` switch meant: true was "arm64 built on an amd64 host", false
 * "nothing emulated". Requests and links made before the build host existed keep their meaning.
 */
export function buildHostFromEmulated(emulated: boolean): BuildHost {
  return emulated ? "ci-amd64" : "native";
}

/** cold: nothing cached; warm: a rebuild after the requirements changed (see EstimateOptions). */
export const CACHE_STATES = ["cold", "warm"] as const;

/** What a person may set for the estimates, inclusive. */
export const ESTIMATE_LIMITS = {
  cores: { min: 1, max: 256 },
  networkMBps: { min: 0.1, max: 10_000 },
} as const;

/** Docker Desktop's default VM and a GitHub-hosted runner both have 4 cores. */
export const DEFAULT_ESTIMATE: EstimateOptions = { cores: 4, networkMBps: 50, cache: "cold", buildHost: "native" };

/** UTF-8 byte length without Buffer or encoding the text, so the same limit is checked in the browser and on every request. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}
