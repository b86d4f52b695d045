import type { BaseImage, ImageSupport } from "./types";

// When each image stops getting security fixes: the earlier of its CPython's end of life and its OS
// release's. Dates are the first day without support as the source states it ("2024-06-30": Debian LTS
// for buster ended that day). Where a source gives only a month, the month's last day is used and the
// source says so.

interface EolFact {
  endOfLife: string | null;
  source: string;
}

/** A PEP that gives only the month of the end of life: its last day is used, and the source says so. */
function monthOnly(pep: string, minor: string, month: string, lastDay: string): EolFact {
  return { endOfLife: `${month}-${lastDay}`, source: `${pep} (Python ${minor} release schedule): end of life ${month}; the PEP gives only the month, so ${month}-${lastDay} (its last day) is used` };
}

/** CPython branch end of life: python.org's release PEPs (devguide "Status of Python versions"). */
export const CPYTHON_EOL: Readonly<Record<string, EolFact>> = {
  "3.6": { endOfLife: "2021-12-23", source: "PEP 494 (Python 3.6 release schedule): end of life 2021-12-23" },
  "3.7": { endOfLife: "2023-06-27", source: "PEP 537 (Python 3.7 release schedule): end of life 2023-06-27" },
  "3.8": { endOfLife: "2024-10-07", source: "PEP 569 (Python 3.8 release schedule): end of life 2024-10-07" },
  "3.9": { endOfLife: "2025-10-31", source: "PEP 596 (Python 3.9 release schedule): end of life 2025-10-31 (3.9.25, the final release)" },
  "3.10": monthOnly("PEP 619", "3.10", "2026-10", "31"),
  "3.11": monthOnly("PEP 664", "3.11", "2027-10", "31"),
  "3.12": monthOnly("PEP 693", "3.12", "2028-10", "31"),
  "3.13": monthOnly("PEP 719", "3.13", "2029-10", "31"),
  "3.14": monthOnly("PEP 745", "3.14", "2030-10", "31"),
  "3.15": monthOnly("PEP 790", "3.15", "2031-10", "31"),
};

const DEBIAN_LTS = "Debian LTS end (wiki.debian.org/LTS; endoflife.date/debian \"extended support\")";
const ALPINE_RELEASES = "alpinelinux.org/releases: branch end of support (endoflife.date/alpine)";

/** OS release end of life, keyed "<os.id>:<os.version>". Debian counts its LTS years: the images get security fixes until then. */
export const OS_EOL: Readonly<Record<string, EolFact>> = {
  "debian:9": { endOfLife: "2022-06-30", source: `${DEBIAN_LTS}: Debian 9 stretch 2022-06-30` },
  "debian:10": { endOfLife: "2024-06-30", source: `${DEBIAN_LTS}: Debian 10 buster 2024-06-30 (Debian LTS team's end-of-life announcement)` },
  "debian:11": { endOfLife: "2026-08-31", source: `${DEBIAN_LTS}: Debian 11 bullseye 2026-08-31 (announced with buster's end of life)` },
  "debian:12": { endOfLife: "2028-06-30", source: `${DEBIAN_LTS}: Debian 12 bookworm 2028-06-30 (regular security support ended 2026-06-10)` },
  "debian:13": { endOfLife: "2030-06-30", source: `${DEBIAN_LTS}: Debian 13 trixie 2030-06-30` },
  "alpine:3.8": { endOfLife: "2020-05-01", source: `${ALPINE_RELEASES}: v3.8 2020-05-01` },
  "alpine:3.9": { endOfLife: "2020-11-01", source: `${ALPINE_RELEASES}: v3.9 2020-11-01` },
  "alpine:3.10": { endOfLife: "2021-05-01", source: `${ALPINE_RELEASES}: v3.10 2021-05-01` },
  "alpine:3.11": { endOfLife: "2021-11-01", source: `${ALPINE_RELEASES}: v3.11 2021-11-01` },
  "alpine:3.12": { endOfLife: "2022-05-01", source: `${ALPINE_RELEASES}: v3.12 2022-05-01` },
  "alpine:3.13": { endOfLife: "2022-11-01", source: `${ALPINE_RELEASES}: v3.13 2022-11-01` },
  "alpine:3.14": { endOfLife: "2023-05-01", source: `${ALPINE_RELEASES}: v3.14 2023-05-01` },
  "alpine:3.15": { endOfLife: "2023-11-01", source: `${ALPINE_RELEASES}: v3.15 2023-11-01` },
  "alpine:3.16": { endOfLife: "2024-05-23", source: `${ALPINE_RELEASES}: v3.16 2024-05-23` },
  "alpine:3.17": { endOfLife: "2024-11-22", source: `${ALPINE_RELEASES}: v3.17 2024-11-22` },
  "alpine:3.18": { endOfLife: "2025-05-09", source: `${ALPINE_RELEASES}: v3.18 2025-05-09` },
  "alpine:3.19": { endOfLife: "2025-11-01", source: `${ALPINE_RELEASES}: v3.19 2025-11-01` },
  "alpine:3.20": { endOfLife: "2026-04-01", source: `${ALPINE_RELEASES}: v3.20 2026-04-01` },
  "alpine:3.21": { endOfLife: "2026-11-01", source: `${ALPINE_RELEASES}: v3.21 2026-11-01` },
  "alpine:3.22": { endOfLife: "2027-05-01", source: `${ALPINE_RELEASES}: v3.22 2027-05-01` },
  "alpine:3.23": { endOfLife: "2027-11-01", source: `${ALPINE_RELEASES}: v3.23 2027-11-01` },
  // Released 2026-05; the sources at hand do not give its end-of-support date.
  "alpine:3.24": { endOfLife: null, source: `${ALPINE_RELEASES}: v3.24's date not in the sources read (expected two years after its May 2026 release)` },
  "ubuntu:22.04": { endOfLife: "2027-04-30", source: "ubuntu.com/about/release-cycle: 22.04 LTS standard security maintenance until 2027-04 (month only; 2027-04-30, its last day, is used)" },
  "ubuntu:24.04": { endOfLife: "2029-04-30", source: "ubuntu.com/about/release-cycle: 24.04 LTS standard security maintenance until 2029-04 (month only; 2029-04-30, its last day, is used)" },
  "rhel:9": { endOfLife: "2032-05-31", source: "Red Hat Enterprise Linux life cycle: RHEL 9 maintenance support ends 2032-05-31" },
  "wolfi:rolling": { endOfLife: null, source: "Wolfi is a rolling distribution: no release end of life" },
};

type Draft = Omit<BaseImage, "support">;

const minorOf = (version: string) => version.split(".").slice(0, 2).join(".");

function earlier(a: string, b: string): string {
  return a <= b ? a : b;
}

/**
 * The support dates of one image, without its successor (catalog.ts picks that among the whole catalog).
 * python: images count both CPython's and the OS's dates. Images whose Python is the OS's own (distroless,
 * Ubuntu, UBI, the plain alpine:/debian: images) count only the OS's: the distribution patches its python3
 * for the release's whole life. Chainguard's :latest moves to each new CPython and Wolfi is rolling.
 */
export function supportDates(image: Draft): Omit<ImageSupport, "successor"> {
  const os = OS_EOL[`${image.os.id}:${image.os.version}`];
  const osPython = !image.reference.startsWith("python:");
  const python = osPython ? undefined : CPYTHON_EOL[minorOf(image.python.version)];
  const sources = [python?.source, os?.source].filter((s): s is string => s !== undefined);
  if (osPython && image.os.id !== "wolfi") sources.push("the distribution's own python3: supported for the OS release's life");
  if (image.os.id === "wolfi") sources.push("cgr.dev/chainguard/python:latest follows the newest CPython: no end of life");
  const pythonEol = python?.endOfLife ?? null;
  const osEol = os?.endOfLife ?? null;
  if (pythonEol && osEol) {
    const endOfLife = earlier(pythonEol, osEol);
    const cause = pythonEol === osEol ? "both" : endOfLife === pythonEol ? "python" : "os";
    return { endOfLife, cause, sources };
  }
  if (pythonEol) return { endOfLife: pythonEol, cause: "python", sources };
  if (osEol) return { endOfLife: osEol, cause: "os", sources };
  return { endOfLife: null, cause: null, sources };
}

/** True when the image is out of support on `asOf`: on or after its end-of-life date (UTC). */
export function isEndOfLife(image: Pick<BaseImage, "support">, asOf: Date): boolean {
  const eol = image.support.endOfLife;
  if (!eol) return false;
  return asOf.getTime() >= Date.parse(`${eol}T00:00:00Z`);
}

// Which images can replace which: the same kind of image from the same publisher.
function family(image: Draft): string {
  if (image.reference.startsWith("python:")) return `python:${image.variant}`;
  const repository = image.reference.split(":")[0]?.replace(/-?(debian)?\d+(\.\d+)?$/, "") ?? "";
  // debian:bookworm-slim → debian:trixie-slim, not debian:trixie.
  const slim = /(^|[-:])slim($|-)/.test(image.reference.split(":")[1] ?? "");
  return `${repository}:${image.variant}:${image.os.id}:${slim ? "slim" : ""}`;
}

function osOrder(image: Draft): number {
  return Number(image.os.version.replace(/[^\d.]/g, "").split(".").map((n) => n.padStart(4, "0")).join("")) || 0;
}

/**
 * The nearest catalog image that is still supported on `asOf` and outlives this one: the same family
 * (slim → slim, alpine → alpine, full → full, distroless → distroless), the lowest CPython minor at or
 * above this one's, then an OS release at or above this one's before an older one, the oldest first (the
 * smallest step up). It must outlive this image (a later end of life, or the same with a newer CPython).
 * null when the image has no announced end of life or nothing qualifies.
 */
export function pickSuccessor(image: Draft & { support: Omit<ImageSupport, "successor"> }, catalog: readonly (Draft & { support: Omit<ImageSupport, "successor"> })[], asOf: string): string | null {
  const own = image.support.endOfLife;
  if (!own) return null;
  const minorNumber = (draft: Draft) => Number(minorOf(draft.python.version).split(".")[1]);
  const ownMinor = minorNumber(image);
  const ownOs = osOrder(image);
  const candidates = catalog.filter((other) => {
    if (other.reference === image.reference || family(other) !== family(image)) return false;
    const minor = minorNumber(other);
    if (minor < ownMinor) return false;
    const eol = other.support.endOfLife;
    if (eol === null) return true;
    if (eol <= asOf) return false;
    return eol > own || (eol === own && minor > ownMinor);
  });
  const rank = (draft: Draft) => [minorNumber(draft), osOrder(draft) < ownOs ? 1 : 0, osOrder(draft)];
  candidates.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) - (rb[i] ?? 0);
    return 0;
  });
  return candidates[0]?.reference ?? null;
}
