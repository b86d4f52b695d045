import { describe, expect, it } from "vitest";
import { DISTRO_PYTHON_REFERENCES, distroPythonImages } from "./distro-python-images";
import { listBaseImages, makeTarget, resolveBaseImage, type BaseImage } from "./index";

// alpine:3.Y and debian:<codename>[-slim] with the OS's own python3: each fact with its source, and how
// the references people type land on them.

const catalog = listBaseImages();
const image = (reference: string): BaseImage => {
  const found = catalog.find((entry) => entry.reference === reference);
  if (!found) throw new Error(`${reference} is not in the catalog`);
  return found;
};

// reference, CPython, libc, package manager, uncompressed amd64 bytes, installed distro Python bytes
// (null: unknown), PEP 668.
const FACTS: Array<[string, string, string, string, number, number | null, boolean]> = [
  ["alpine:3.12", "3.8.10", "musl 1.1.24", "apk", 5_580_000, null, false],
  ["alpine:3.13", "3.8.15", "musl 1.2.2", "apk", 5_610_000, null, false],
  ["alpine:3.14", "3.9.17", "musl 1.2.2", "apk", 5_600_000, null, false],
  ["alpine:3.15", "3.9.18", "musl 1.2.2", "apk", 5_580_000, null, false],
  ["alpine:3.16", "3.10.14", "musl 1.2.3", "apk", 5_540_000, null, false],
  ["alpine:3.17", "3.10.14", "musl 1.2.3", "apk", 7_040_000, null, false],
  ["alpine:3.18", "3.11.12", "musl 1.2.4", "apk", 7_330_000, null, false],
  ["alpine:3.19", "3.11.14", "musl 1.2.4_git20230717", "apk", 7_400_000, null, true],
  ["alpine:3.20", "3.12.12", "musl 1.2.5", "apk", 7_810_000, null, true],
  ["alpine:3.21", "3.12.12", "musl 1.2.5", "apk", 7_800_000, null, true],
  ["alpine:3.22", "3.12.12", "musl 1.2.5", "apk", 8_300_000, null, true],
  ["alpine:3.23", "3.12.13", "musl 1.2.5", "apk", 8_420_000, null, true],
  ["alpine:3.24", "3.14.7", "musl 1.2.6", "apk", 8_420_000, null, true],
  ["debian:bullseye-slim", "3.9.2", "glibc 2.31", "apt", 80_680_000, 27_615 * 1024, false],
  ["debian:bullseye", "3.9.2", "glibc 2.31", "apt", 124_330_000, 27_615 * 1024, false],
  ["debian:bookworm-slim", "3.11.2", "glibc 2.36", "apt", 74_830_000, 39_513 * 1024, true],
  ["debian:bookworm", "3.11.2", "glibc 2.36", "apt", 116_570_000, 39_513 * 1024, true],
  ["debian:trixie-slim", "3.13.5", "glibc 2.41", "apt", 78_640_000, 29_594 * 1024, true],
  ["debian:trixie", "3.13.5", "glibc 2.41", "apt", 119_920_000, 29_594 * 1024, true],
];

describe("images with the OS's own Python", () => {
  it("adds exactly the listed images to the catalog", () => {
    expect(new Set(FACTS.map(([reference]) => reference))).toEqual(DISTRO_PYTHON_REFERENCES);
    expect(distroPythonImages().map((i) => i.reference).sort()).toEqual([...DISTRO_PYTHON_REFERENCES].sort());
    for (const reference of DISTRO_PYTHON_REFERENCES) expect(image(reference).reference).toBe(reference);
  });

  it.each(FACTS)("%s: CPython %s, %s, %s, %d bytes, distro Python %s bytes", (reference, python, libc, manager, uncompressed, installed, pep668) => {
    const entry = image(reference);
    expect(entry.python).toMatchObject({ version: python, patchKnown: true });
    expect(`${entry.libc.family} ${entry.libc.version}`).toBe(libc);
    expect(entry.packageManager).toBe(manager);
    expect(entry.variant).toBe("distro");
    expect([entry.hasPip, entry.hasShell, entry.hasCompiler, entry.builder]).toEqual([false, true, false, null]);
    expect(entry.archs).toEqual(["amd64", "arm64"]);
    expect(entry.sizes.uncompressedBytes.amd64).toBe(uncompressed);
    expect(entry.sizes.estimated).toBe(false);
    // Each fact names where it came from: the python3 version, the size report, the OS release.
    expect(entry.sources.some((s) => s.startsWith(`python3 ${python}: `))).toBe(true);
    expect(entry.sources.some((s) => s.startsWith("size: ") && /repo-info/.test(s))).toBe(true);
    expect(entry.builtOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const distro = entry.distroPython;
    if (!distro) throw new Error("no distro Python");
    expect(distro.packages.map((p) => p.name)).toEqual(manager === "apk" ? ["python3"] : ["python3", "python3-venv"]);
    expect(distro.forCompiles.map((p) => p.name)).toEqual(["python3-dev"]);
    expect(distro.installed?.bytes ?? null).toBe(installed);
    expect(distro.installed?.basis).toMatch(installed === null ? /^not known: / : /Installed-Size/);
    expect(distro.externallyManaged).toBe(pep668);
    expect(entry.notes.some((n) => /PEP 668/.test(n))).toBe(pep668);
    if (installed === null) expect(entry.gaps.some((g) => g.startsWith("size after installing python3"))).toBe(true);
  });

  it("marks as current the tags still rebuilt on the catalog's date", () => {
    const current = [...DISTRO_PYTHON_REFERENCES].filter((r) => image(r).lifecycle === "current").sort();
    expect(current).toEqual(["alpine:3.21", "alpine:3.22", "alpine:3.23", "alpine:3.24", "debian:bookworm", "debian:bookworm-slim", "debian:trixie", "debian:trixie-slim"]);
    expect(image("alpine:3.17").notes).toContain("no longer rebuilt: the tag stays on its last build (2023-01-09)");
  });

  it("gives the python3 version per Alpine branch from Alpine's package records", () => {
    expect(image("alpine:3.17").sources.join("\n")).toMatch(/alpine_3_17\/python3 3\.10\.14/);
    expect(image("alpine:3.19").sources.join("\n")).toMatch(/pkgs\.alpinelinux\.org\/package\/v3\.19\/main\/\w+\/python3: 3\.11\.14-r0/);
    expect(image("alpine:3.19").sources.join("\n")).toMatch(/externally-managed/);
    expect(image("debian:bookworm-slim").sources.join("\n")).toMatch(/python3\.11 3\.11\.2-6\+deb12u\d+/);
  });

  it("counts the distro Python's installed size for Debian, from its apt closure on the slim image", () => {
    const basis = image("debian:bookworm-slim").distroPython?.installed?.basis ?? "";
    expect(basis).toMatch(/adds 30 packages, 39513 KiB/);
    expect(basis).toMatch(/debian:bookworm-slim/);
  });

  it("has a marker environment and tags on both arches", () => {
    for (const reference of DISTRO_PYTHON_REFERENCES) {
      for (const arch of ["amd64", "arm64"] as const) {
        const made = makeTarget(image(reference), arch);
        expect(made.ok).toBe(true);
        if (made.ok) expect(made.target.pythonVersion).toBe(image(reference).python.version);
      }
    }
  });
});

describe("resolving alpine: and debian: references", () => {
  it.each([
    ["alpine:3.17", "alpine:3.17", undefined],
    ["alpine:3.19", "alpine:3.19", undefined],
    ["docker.io/library/alpine:3.19", "alpine:3.19", undefined],
    ["alpine:latest", "alpine:3.24", /^alpine:latest points at alpine:3\.24 as of 2026-09/],
    ["alpine", "alpine:3.24", /points at alpine:3\.24/],
    ["alpine:3", "alpine:3.24", /points at alpine:3\.24/],
    ["debian:bookworm", "debian:bookworm", undefined],
    ["debian:bookworm-slim", "debian:bookworm-slim", undefined],
    ["debian:12", "debian:bookworm", /^debian:12 is debian:bookworm/],
    ["debian:12-slim", "debian:bookworm-slim", /^debian:12-slim is debian:bookworm-slim/],
    ["debian:13-slim", "debian:trixie-slim", /is debian:trixie-slim/],
    ["debian:11", "debian:bullseye", /is debian:bullseye/],
    ["debian:latest", "debian:trixie", /points at debian:trixie as of/],
    ["debian:stable-slim", "debian:trixie-slim", /points at debian:trixie-slim/],
    ["debian:oldstable", "debian:bookworm", /points at debian:bookworm/],
    ["FROM debian:12-slim AS base", "debian:bookworm-slim", /is debian:bookworm-slim/],
  ])("%s → %s", (typed, canonical, resolvedFrom) => {
    const result = resolveBaseImage(typed);
    if (!result.ok) throw new Error(result.error);
    expect(result.image.reference).toBe(canonical);
    if (resolvedFrom) expect(result.resolvedFrom).toMatch(resolvedFrom);
    else expect(result.resolvedFrom).toBeUndefined();
  });

  it("still refuses what it does not know, with close matches", () => {
    const result = resolveBaseImage("debian:bookwrom-slim");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.suggestions).toContain("debian:bookworm-slim");
  });
});
