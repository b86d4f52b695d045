import { describe, expect, it } from "vitest";
import { CATALOG_AS_OF, isEndOfLife, listBaseImages, makeTarget, markerEnvironment, resolveBaseImage, type BaseImage } from "./index";
import { EOL_REPORTS } from "./eol-reports";
import { CPYTHON_EOL, OS_EOL } from "./support";

// The end-of-life images (CPython 3.6/3.7, Debian stretch/buster, Alpine 3.8–3.11), fact by fact. Every
// CPython patch below is the tag's last push in official-images' history, and was cross-checked against
// the last PYTHON_VERSION of the matching <minor>/<variant>/Dockerfile in docker-library/python's history
// (43 of 43 agree). glibc: distro-glibc.json debian-9 / debian-10. musl: Alpine's musl package per branch.

const catalog = listBaseImages();
const byReference = new Map(catalog.map((image) => [image.reference, image]));
const image = (reference: string): BaseImage => {
  const found = byReference.get(reference);
  if (!found) throw new Error(`${reference} is not in the catalog`);
  return found;
};

// [reference, python, "family amd64/arm64", os, archs, end of life, cause, successor]
type Row = [reference: string, python: string, libc: string, os: string, archs: string, endOfLife: string, cause: string, successor: string];

const EOL_IMAGES: Row[] = [
  ["python:3.11-slim-buster", "3.11.4", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2024-06-30", "os", "python:3.11-slim-bookworm"],
  ["python:3.11-buster", "3.11.4", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2024-06-30", "os", "python:3.11-bookworm"],
  ["python:3.10-slim-buster", "3.10.12", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2024-06-30", "os", "python:3.10-slim-bookworm"],
  ["python:3.10-buster", "3.10.12", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2024-06-30", "os", "python:3.10-bookworm"],
  ["python:3.9-slim-buster", "3.9.17", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2024-06-30", "os", "python:3.10-slim-bookworm"],
  ["python:3.9-buster", "3.9.17", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2024-06-30", "os", "python:3.10-bookworm"],
  ["python:3.8-slim-buster", "3.8.17", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2024-06-30", "os", "python:3.10-slim-bookworm"],
  ["python:3.8-buster", "3.8.17", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2024-06-30", "os", "python:3.10-bookworm"],
  ["python:3.8-alpine3.11", "3.8.7", "musl 1.1.24/1.1.24", "alpine 3.11", "amd64,arm64", "2021-11-01", "os", "python:3.10-alpine3.21"],
  ["python:3.8-alpine3.10", "3.8.3", "musl 1.1.22/1.1.22", "alpine 3.10", "amd64,arm64", "2021-05-01", "os", "python:3.10-alpine3.21"],
  ["python:3.7-slim-bookworm", "3.7.17", "glibc 2.36/2.36", "debian 12 bookworm", "amd64,arm64", "2023-06-27", "python", "python:3.10-slim-bookworm"],
  ["python:3.7-bookworm", "3.7.17", "glibc 2.36/2.36", "debian 12 bookworm", "amd64,arm64", "2023-06-27", "python", "python:3.10-bookworm"],
  ["python:3.7-slim-bullseye", "3.7.17", "glibc 2.31/2.31", "debian 11 bullseye", "amd64,arm64", "2023-06-27", "python", "python:3.10-slim-bookworm"],
  ["python:3.7-bullseye", "3.7.17", "glibc 2.31/2.31", "debian 11 bullseye", "amd64,arm64", "2023-06-27", "python", "python:3.10-bookworm"],
  ["python:3.7-slim-buster", "3.7.17", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2023-06-27", "python", "python:3.10-slim-bookworm"],
  ["python:3.7-buster", "3.7.17", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2023-06-27", "python", "python:3.10-bookworm"],
  ["python:3.7-slim-stretch", "3.7.11", "glibc 2.24/2.24", "debian 9 stretch", "amd64,arm64", "2022-06-30", "os", "python:3.10-slim-bookworm"],
  ["python:3.7-stretch", "3.7.11", "glibc 2.24/2.24", "debian 9 stretch", "amd64,arm64", "2022-06-30", "os", "python:3.10-bookworm"],
  ["python:3.7-alpine3.18", "3.7.17", "musl 1.2.4/1.2.4", "alpine 3.18", "amd64,arm64", "2023-06-27", "python", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.17", "3.7.17", "musl 1.2.3/1.2.3", "alpine 3.17", "amd64,arm64", "2023-06-27", "python", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.16", "3.7.16", "musl 1.2.3/1.2.3", "alpine 3.16", "amd64,arm64", "2023-06-27", "python", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.15", "3.7.15", "musl 1.2.2/1.2.2", "alpine 3.15", "amd64,arm64", "2023-06-27", "python", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.14", "3.7.13", "musl 1.2.2/1.2.2", "alpine 3.14", "amd64,arm64", "2023-05-01", "os", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.13", "3.7.12", "musl 1.2.2/1.2.2", "alpine 3.13", "amd64,arm64", "2022-11-01", "os", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.12", "3.7.10", "musl 1.1.24/1.1.24", "alpine 3.12", "amd64,arm64", "2022-05-01", "os", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.11", "3.7.9", "musl 1.1.24/1.1.24", "alpine 3.11", "amd64,arm64", "2021-11-01", "os", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.10", "3.7.7", "musl 1.1.22/1.1.22", "alpine 3.10", "amd64,arm64", "2021-05-01", "os", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.9", "3.7.6", "musl 1.1.20/1.1.20", "alpine 3.9", "amd64,arm64", "2020-11-01", "os", "python:3.10-alpine3.21"],
  ["python:3.7-alpine3.8", "3.7.3", "musl 1.1.19/1.1.19", "alpine 3.8", "amd64,arm64", "2020-05-01", "os", "python:3.10-alpine3.21"],
  ["python:3.6-slim-bullseye", "3.6.15", "glibc 2.31/2.31", "debian 11 bullseye", "amd64,arm64", "2021-12-23", "python", "python:3.10-slim-bookworm"],
  ["python:3.6-bullseye", "3.6.15", "glibc 2.31/2.31", "debian 11 bullseye", "amd64,arm64", "2021-12-23", "python", "python:3.10-bookworm"],
  ["python:3.6-slim-buster", "3.6.15", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2021-12-23", "python", "python:3.10-slim-bookworm"],
  ["python:3.6-buster", "3.6.15", "glibc 2.28/2.28", "debian 10 buster", "amd64,arm64", "2021-12-23", "python", "python:3.10-bookworm"],
  ["python:3.6-slim-stretch", "3.6.14", "glibc 2.24/2.24", "debian 9 stretch", "amd64,arm64", "2021-12-23", "python", "python:3.10-slim-bookworm"],
  ["python:3.6-stretch", "3.6.14", "glibc 2.24/2.24", "debian 9 stretch", "amd64,arm64", "2021-12-23", "python", "python:3.10-bookworm"],
  ["python:3.6-alpine3.15", "3.6.15", "musl 1.2.2/1.2.2", "alpine 3.15", "amd64,arm64", "2021-12-23", "python", "python:3.10-alpine3.21"],
  ["python:3.6-alpine3.14", "3.6.15", "musl 1.2.2/1.2.2", "alpine 3.14", "amd64,arm64", "2021-12-23", "python", "python:3.10-alpine3.21"],
  ["python:3.6-alpine3.13", "3.6.15", "musl 1.2.2/1.2.2", "alpine 3.13", "amd64,arm64", "2021-12-23", "python", "python:3.10-alpine3.21"],
  ["python:3.6-alpine3.12", "3.6.13", "musl 1.1.24/1.1.24", "alpine 3.12", "amd64,arm64", "2021-12-23", "python", "python:3.10-alpine3.21"],
  ["python:3.6-alpine3.11", "3.6.12", "musl 1.1.24/1.1.24", "alpine 3.11", "amd64,arm64", "2021-11-01", "os", "python:3.10-alpine3.21"],
  ["python:3.6-alpine3.10", "3.6.10", "musl 1.1.22/1.1.22", "alpine 3.10", "amd64,arm64", "2021-05-01", "os", "python:3.10-alpine3.21"],
  ["python:3.6-alpine3.9", "3.6.10", "musl 1.1.20/1.1.20", "alpine 3.9", "amd64,arm64", "2020-11-01", "os", "python:3.10-alpine3.21"],
  ["python:3.6-alpine3.8", "3.6.8", "musl 1.1.19/1.1.19", "alpine 3.8", "amd64,arm64", "2020-05-01", "os", "python:3.10-alpine3.21"],
];

describe("end-of-life python images", () => {
  it("are all here", () => {
    expect(EOL_IMAGES.length).toBe(43);
    expect(new Set(EOL_IMAGES.map((row) => row[0])).size).toBe(43);
  });

  it.each(EOL_IMAGES)("%s: CPython %s, %s, %s, %s, end of life %s (%s), successor %s", (reference, python, libc, os, archs, endOfLife, cause, successor) => {
    const entry = image(reference);
    expect(entry.python).toMatchObject({ version: python, patchKnown: true });
    expect(`${entry.libc.family} ${entry.libc.byArch.amd64}/${entry.libc.byArch.arm64 ?? "-"}`).toBe(libc);
    expect(entry.libc.version).toBe(entry.libc.byArch.amd64);
    expect([entry.os.id, entry.os.version, entry.os.codename].filter(Boolean).join(" ")).toBe(os);
    expect(entry.packageManager).toBe(entry.os.id === "alpine" ? "apk" : "apt");
    expect(entry.archs.join(",")).toBe(archs);
    expect(entry.platforms).toContain("linux/amd64");
    expect(entry.lifecycle).toBe("frozen");
    expect(entry.variant).toBe(reference.includes("-alpine") ? "alpine" : reference.includes("-slim-") ? "slim" : "full");
    expect(entry.hasCompiler).toBe(entry.variant === "full");
    expect(entry.support).toMatchObject({ endOfLife, cause, successor });
    // Sources: the tag history for CPython and platforms, the OS release for the libc, a dated source per end of life.
    expect(entry.sources.some((s) => s.startsWith("docker-library/official-images library/python history") && s.includes(`python:${reference.slice(7)}`))).toBe(true);
    expect(entry.sources.some((s) => (entry.os.id === "alpine" ? s.startsWith(`Alpine ${entry.os.version} musl:`) || s.startsWith("python-images.json alpine:") : s.startsWith("distro-glibc.json")))).toBe(true);
    expect(entry.support.sources.some((s) => s.includes(endOfLife))).toBe(true);
    expect(entry.support.sources.some((s) => /^PEP \d+ /.test(s))).toBe(true);
    expect(isEndOfLife(entry, new Date(`${CATALOG_AS_OF}T00:00:00Z`))).toBe(true);
    // The successor is a catalog image of the same variant, supported on the catalog's date, with a CPython at least as new.
    const next = image(successor);
    expect(next.variant).toBe(entry.variant);
    expect(isEndOfLife(next, new Date(`${CATALOG_AS_OF}T00:00:00Z`))).toBe(false);
    expect(Number(next.python.version.split(".")[1])).toBeGreaterThanOrEqual(Number(python.split(".")[1]));
  });

  it("gives sizes only where a report was read, and says so", () => {
    expect(image("python:3.7-slim-buster").sizes).toMatchObject({
      compressedBytes: { amd64: 43_785_201, arm64: 42_467_043 },
      uncompressedBytes: { amd64: Math.round(43_785_201 * 2.735), arm64: Math.round(42_467_043 * 2.735) },
      estimated: true,
    });
    expect(image("python:3.8-slim-buster").sizes.compressedBytes).toEqual({ amd64: 44_382_349, arm64: 43_032_483 });
    expect(image("python:3.9-slim-buster").sizes.compressedBytes).toEqual({ amd64: 44_660_887, arm64: 43_314_482 });
    expect(image("python:3.10-slim-buster").sizes.compressedBytes).toEqual({ amd64: 45_291_857, arm64: 43_931_801 });
    expect(image("python:3.11-slim-buster").sizes.compressedBytes).toEqual({ amd64: 45_751_204, arm64: 44_392_895 });
    expect(image("python:3.7-slim-buster").sources).toContain("sizes: docker-library/repo-info repos/python/remote/3.7-slim-buster.md @72e4be79");
    expect([...EOL_REPORTS.keys()].sort()).toEqual(["python:3.10-slim-buster", "python:3.11-slim-buster", "python:3.7-slim-buster", "python:3.8-slim-buster", "python:3.9-slim-buster"]);
    for (const [reference] of EOL_IMAGES.filter(([r]) => !EOL_REPORTS.has(r))) {
      const entry = image(reference);
      expect(entry.sizes.compressedBytes).toEqual({});
      expect(entry.sizes.uncompressedBytes).toEqual({});
      expect(entry.sizes.note).toBe("size unknown: no published size report of this tag was found");
      expect(entry.gaps.some((gap) => gap.startsWith("sizes:"))).toBe(true);
    }
  });

  it("gives CPython 3.6 and 3.7 the pymalloc ABI in their notes, and marker variables of the last push", () => {
    expect(image("python:3.7-slim-buster").notes).toContain("CPython 3.7 wheels carry the pymalloc ABI tag cp37m");
    const made = makeTarget(image("python:3.6-alpine3.8"), "arm64");
    if (!made.ok) throw new Error(made.error);
    expect(made.target).toMatchObject({ pythonVersion: "3.6.8", libc: { family: "musl", version: "1.1.19" }, machine: "aarch64" });
    expect(markerEnvironment(made.target)).toMatchObject({ python_version: "3.6", python_full_version: "3.6.8", implementation_version: "3.6.8" });
  });
});

describe("support facts of every catalog entry", () => {
  it.each(catalog.map((entry) => [entry.reference, entry] as const))("%s", (_, entry) => {
    const { endOfLife, cause, successor, sources } = entry.support;
    expect(sources.length).toBeGreaterThan(0);
    if (endOfLife === null) {
      expect(cause).toBeNull();
      expect(successor).toBeNull();
    } else {
      expect(endOfLife).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(cause).not.toBeNull();
      expect(sources.some((s) => s.includes(endOfLife))).toBe(true);
    }
    if (successor !== null) {
      const next = image(successor);
      expect(isEndOfLife(next, new Date(`${CATALOG_AS_OF}T00:00:00Z`))).toBe(false);
      expect(next.reference).not.toBe(entry.reference);
    }
    // python: images end with the earlier of CPython's and the OS's dates.
    const minor = /^python:(3\.\d+)-/.exec(entry.reference)?.[1];
    if (minor) {
      const python = CPYTHON_EOL[minor]?.endOfLife ?? null;
      const os = OS_EOL[`${entry.os.id}:${entry.os.version}`]?.endOfLife ?? null;
      const dates = [python, os].filter((d): d is string => d !== null).sort();
      expect(endOfLife).toBe(dates[0] ?? null);
      if (python && os) expect(cause).toBe(python === os ? "both" : python < os ? "python" : "os");
    }
  });

  it("dates CPython and OS ends of life as their sources do", () => {
    expect(CPYTHON_EOL).toMatchObject({
      "3.6": { endOfLife: "2021-12-23" },
      "3.7": { endOfLife: "2023-06-27" },
      "3.8": { endOfLife: "2024-10-07" },
      "3.9": { endOfLife: "2025-10-31" },
    });
    expect(OS_EOL).toMatchObject({
      "debian:9": { endOfLife: "2022-06-30" },
      "debian:10": { endOfLife: "2024-06-30" },
      "debian:11": { endOfLife: "2026-08-31" },
      "alpine:3.8": { endOfLife: "2020-05-01" },
      "alpine:3.11": { endOfLife: "2021-11-01" },
      "alpine:3.24": { endOfLife: null },
    });
  });

  it.each([
    // [reference, as of, end of life?]
    ["python:3.7-slim-buster", "2023-06-26T23:59:59Z", false],
    ["python:3.7-slim-buster", "2023-06-27T00:00:00Z", true],
    ["python:3.11-slim-buster", "2024-06-29T12:00:00Z", false],
    ["python:3.11-slim-buster", "2024-07-01T00:00:00Z", true],
    ["python:3.12-slim-bullseye", "2026-09-01T00:00:00Z", true],
    ["python:3.12-slim-bookworm", "2026-09-19T00:00:00Z", false],
    ["python:3.10-slim-trixie", "2026-11-01T00:00:00Z", true],
    ["python:3.14-alpine3.24", "2029-01-01T00:00:00Z", false],
    ["cgr.dev/chainguard/python:latest", "2040-01-01T00:00:00Z", false],
  ] as const)("isEndOfLife(%s, %s) is %s", (reference, asOf, expected) => {
    expect(isEndOfLife(image(reference), new Date(asOf))).toBe(expected);
  });

  it("keeps support facts on pinned and dated references", () => {
    const pinned = resolveBaseImage("python:3.7.3-slim-buster");
    if (!pinned.ok) throw new Error(pinned.error);
    expect(pinned.image.support).toEqual(image("python:3.7-slim-buster").support);
  });
});
