import type { DebianRelease } from "./os-releases";

// Which official `python:` images exist, and which CPython patch each carries.

/** Oldest first. 3.6 and 3.7 are end of life but still pasted from old Dockerfiles. */
export const PYTHON_MINORS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"] as const;
export type PythonMinor = (typeof PYTHON_MINORS)[number];

export function isPythonMinor(value: string): value is PythonMinor {
  return (PYTHON_MINORS as readonly string[]).includes(value);
}

/**
 * The variants docker-library ever published per minor: a `<minor>/<variant>/Dockerfile` directory
 * exists in the history of github.com/docker-library/python (release candidates, Windows, Ubuntu
 * experiments and Debian testing "forky" left out; Alpine before 3.8 and Debian jessie left out). Both the
 * full and the slim image exist for every Debian codename listed. Codenames and branches oldest first.
 * 3.8-rc was also built on stretch and 3.12-rc on buster, but no final release was.
 */
export const PUBLISHED: Readonly<Record<PythonMinor, { debian: readonly DebianRelease[]; alpine: readonly string[] }>> = {
  "3.6": { debian: ["stretch", "buster", "bullseye"], alpine: alpineRange(8, 15) },
  "3.7": { debian: ["stretch", "buster", "bullseye", "bookworm"], alpine: alpineRange(8, 18) },
  "3.8": { debian: ["buster", "bullseye", "bookworm"], alpine: alpineRange(10, 20) },
  "3.9": { debian: ["buster", "bullseye", "bookworm", "trixie"], alpine: alpineRange(12, 22) },
  "3.10": { debian: ["buster", "bullseye", "bookworm", "trixie"], alpine: alpineRange(13, 24) },
  "3.11": { debian: ["buster", "bullseye", "bookworm", "trixie"], alpine: alpineRange(15, 24) },
  "3.12": { debian: ["bullseye", "bookworm", "trixie"], alpine: alpineRange(17, 24) },
  "3.13": { debian: ["bullseye", "bookworm", "trixie"], alpine: alpineRange(19, 24) },
  "3.14": { debian: ["bookworm", "trixie"], alpine: alpineRange(21, 24) },
};

function alpineRange(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `3.${from + i}`);
}

export const PUBLISHED_SOURCE = "docker-library/python repository history (<minor>/<variant>/Dockerfile)";

/**
 * What docker-library still builds: shared data images/python-images.json caveats, quoting
 * docker-library/python versions.json @4f070595 (2026-06-23): 3.10–3.14 (3.15 as a release candidate)
 * × {trixie, slim-trixie, bookworm, slim-bookworm, alpine3.24, alpine3.23}.
 */
export const MAINTAINED = {
  minors: ["3.10", "3.11", "3.12", "3.13", "3.14"] as readonly PythonMinor[],
  debian: ["trixie", "bookworm"] as readonly DebianRelease[],
  alpine: ["3.24", "3.23"] as readonly string[],
  source: "python-images.json caveats: docker-library/python versions.json @4f070595 (2026-06-23)",
};

/**
 * The patch every variant of a maintained minor is built with: docker-library builds all variants of
 * a minor from the same versions.json entry, so the python:3.X-slim-bookworm report (repo-info,
 * 2026-08) gives it for all of them.
 */
export const CURRENT_PATCH: Readonly<Partial<Record<PythonMinor, string>>> = {
  "3.14": "3.14.7",
  "3.13": "3.13.14",
  "3.12": "3.12.14",
  "3.11": "3.11.16",
  "3.10": "3.10.20",
};

export const CURRENT_PATCH_SOURCE = "python-images.json python:3.X-slim-bookworm python_version (repo-info 2026-08; 3.10 from versions.json @4f07059)";

/**
 * Which Debian a patch-pinned floating tag (python:3.10.8, python:3.10.8-slim) ended up on: such a
 * tag moves with the default Debian until the next patch is released, then stays. The default moved
 * to buster in 2019-07, bullseye in 2021-08, bookworm in 2023-06 and trixie in 2025-08; each number
 * below is the first patch of that minor whose python:3.X.Y / -slim tag was last pushed on that
 * codename, read from the history of official-images library/python (tag-history.ts source); the
 * bullseye-and-later numbers had been derived from CPython release dates before and agree with it.
 * A minor absent from a codename's entry was never defaulted to it.
 */
export const DEFAULT_DEBIAN_FROM_PATCH: Readonly<Record<PythonMinor, Partial<Record<DebianRelease, number>>>> = {
  "3.6": { stretch: 5, buster: 9, bullseye: 14 },
  "3.7": { stretch: 0, buster: 4, bullseye: 11, bookworm: 17 },
  "3.8": { buster: 0, bullseye: 11, bookworm: 17 },
  "3.9": { buster: 0, bullseye: 6, bookworm: 17, trixie: 23 },
  "3.10": { bullseye: 0, bookworm: 12, trixie: 18 },
  "3.11": { bullseye: 0, bookworm: 4, trixie: 13 },
  "3.12": { bookworm: 0, trixie: 11 },
  "3.13": { bookworm: 0, trixie: 6 },
  "3.14": { trixie: 0 },
};

/**
 * Which Alpine a patch-pinned python:3.X.Y-alpine tag was last pushed on: the first patch of each minor
 * per branch, from the same official-images history. Patches below the first number were on an Alpine
 * older than 3.8 (not in the catalog).
 */
export const DEFAULT_ALPINE_FROM_PATCH: Readonly<Record<PythonMinor, Readonly<Record<string, number>>>> = {
  "3.6": { "3.8": 6, "3.10": 8, "3.12": 10, "3.13": 12, "3.14": 13, "3.15": 15 },
  "3.7": { "3.8": 0, "3.9": 2, "3.10": 3, "3.11": 6, "3.12": 7, "3.13": 9, "3.14": 10, "3.15": 12, "3.16": 13, "3.17": 15, "3.18": 16 },
  "3.8": { "3.10": 0, "3.11": 1, "3.12": 3, "3.13": 7, "3.14": 10, "3.15": 12, "3.16": 13, "3.17": 15, "3.18": 16, "3.19": 18, "3.20": 19 },
  "3.9": { "3.12": 0, "3.13": 1, "3.14": 5, "3.15": 9, "3.16": 13, "3.17": 15, "3.18": 16, "3.19": 18, "3.20": 19, "3.21": 21, "3.22": 22 },
  "3.10": { "3.15": 0, "3.16": 4, "3.17": 8, "3.18": 11, "3.19": 13, "3.20": 14, "3.21": 16, "3.22": 17, "3.23": 19, "3.24": 20 },
  "3.11": { "3.17": 0, "3.18": 3, "3.19": 7, "3.20": 9, "3.21": 11, "3.22": 12, "3.23": 14, "3.24": 15 },
  "3.12": { "3.18": 0, "3.19": 1, "3.20": 3, "3.21": 8, "3.22": 10, "3.23": 12, "3.24": 13 },
  "3.13": { "3.20": 0, "3.21": 1, "3.22": 3, "3.23": 10, "3.24": 14 },
  "3.14": { "3.22": 0, "3.23": 1, "3.24": 6 },
};

/** The Alpine branch a python:<minor>.<patch>-alpine tag last pointed at, or null when it predates Alpine 3.8. */
export function defaultAlpineForPatch(minor: PythonMinor, patch: number): string | null {
  let chosen: string | null = null;
  let chosenFrom = -1;
  for (const [branch, first] of Object.entries(DEFAULT_ALPINE_FROM_PATCH[minor])) {
    if (patch >= first && first >= chosenFrom) {
      chosen = branch;
      chosenFrom = first;
    }
  }
  return chosen;
}

/** The Debian a python:<minor>.<patch>[-slim] tag last pointed at, or null when it predates stretch. */
export function defaultDebianForPatch(minor: PythonMinor, patch: number): DebianRelease | null {
  const from = DEFAULT_DEBIAN_FROM_PATCH[minor];
  let chosen: DebianRelease | null = null;
  for (const codename of ["stretch", "buster", "bullseye", "bookworm", "trixie"] as const) {
    const first = from[codename];
    if (first !== undefined && patch >= first) chosen = codename;
  }
  return chosen;
}

/** What python:<minor>, -slim and -alpine point at now: the newest Debian and Alpine ever published for it. */
export function floatingDefaults(minor: PythonMinor): { debian: DebianRelease; alpine: string } {
  const published = PUBLISHED[minor];
  const debian = published.debian[published.debian.length - 1];
  const alpine = published.alpine[published.alpine.length - 1];
  if (!debian || !alpine) throw new Error(`no published variants for python ${minor}`);
  return { debian, alpine };
}
