import type { DebianCodename } from "./os-releases";

// Which official `python:` images exist, and which CPython patch each carries.

export const PYTHON_MINORS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"] as const;
export type PythonMinor = (typeof PYTHON_MINORS)[number];

export function isPythonMinor(value: string): value is PythonMinor {
  return (PYTHON_MINORS as readonly string[]).includes(value);
}

/**
 * The variants docker-library ever published per minor: a `<minor>/<variant>/Dockerfile` directory
 * exists in the history of github.com/docker-library/python (release candidates, Windows, Ubuntu
 * experiments and Debian testing "forky" left out; Alpine before 3.12 left out as the data has no musl
 * reading for it). Both the full and the slim image exist for every Debian codename listed.
 */
export const PUBLISHED: Readonly<Record<PythonMinor, { debian: readonly DebianCodename[]; alpine: readonly string[] }>> = {
  "3.8": { debian: ["bullseye", "bookworm"], alpine: alpineRange(12, 20) },
  "3.9": { debian: ["bullseye", "bookworm", "trixie"], alpine: alpineRange(12, 22) },
  "3.10": { debian: ["bullseye", "bookworm", "trixie"], alpine: alpineRange(13, 24) },
  "3.11": { debian: ["bullseye", "bookworm", "trixie"], alpine: alpineRange(15, 24) },
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
  debian: ["trixie", "bookworm"] as readonly DebianCodename[],
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
 * to bullseye in 2021-08, bookworm in 2023-06 and trixie in 2025-08; each number below is the first
 * patch of that minor that was still the newest after the switch (CPython release dates, python.org).
 * Spot checks in public Dockerfiles: python:3.11.3-slim is bullseye and 3.11.3-slim-bookworm is
 * reported missing; 3.9.23, 3.10.18, 3.11.13, 3.12.11 and 3.13.6 exist as -slim-trixie.
 * A minor absent from a codename's entry was never defaulted to it; patches older than the first
 * switch listed were on buster, which the catalog does not cover.
 */
export const DEFAULT_DEBIAN_FROM_PATCH: Readonly<Record<PythonMinor, Partial<Record<DebianCodename, number>>>> = {
  "3.8": { bullseye: 11, bookworm: 17 },
  "3.9": { bullseye: 6, bookworm: 17, trixie: 23 },
  "3.10": { bullseye: 0, bookworm: 12, trixie: 18 },
  "3.11": { bullseye: 0, bookworm: 4, trixie: 13 },
  "3.12": { bookworm: 0, trixie: 11 },
  "3.13": { bookworm: 0, trixie: 6 },
  "3.14": { trixie: 0 },
};

/** The Debian a python:<minor>.<patch>[-slim] tag last pointed at, or null when it predates bullseye. */
export function defaultDebianForPatch(minor: PythonMinor, patch: number): DebianCodename | null {
  const from = DEFAULT_DEBIAN_FROM_PATCH[minor];
  let chosen: DebianCodename | null = null;
  for (const codename of ["bullseye", "bookworm", "trixie"] as const) {
    const first = from[codename];
    if (first !== undefined && patch >= first) chosen = codename;
  }
  return chosen;
}

/** What python:<minor>, -slim and -alpine point at now: the newest Debian and Alpine ever published for it. */
export function floatingDefaults(minor: PythonMinor): { debian: DebianCodename; alpine: string } {
  const published = PUBLISHED[minor];
  const debian = published.debian[published.debian.length - 1];
  const alpine = published.alpine[published.alpine.length - 1];
  if (!debian || !alpine) throw new Error(`no published variants for python ${minor}`);
  return { debian, alpine };
}
