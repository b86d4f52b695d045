import { describe, expect, it } from "vitest";
import { DISTRO_PYTHON_REFERENCES } from "./distro-python-images";
import { CATALOG_AS_OF, DEFAULT_BASES, listBaseImages, makeTarget, resolveBaseImage, type BaseImage } from "./index";
import { EOL_REPORTS } from "./eol-reports";
import { MEASURED } from "./measured-images";
import { MAINTAINED, PUBLISHED, PYTHON_MINORS } from "./python-releases";

const catalog = listBaseImages();
const byReference = new Map(catalog.map((image) => [image.reference, image]));
const image = (reference: string): BaseImage => {
  const found = byReference.get(reference);
  if (!found) throw new Error(`${reference} is not in the catalog`);
  return found;
};

describe("every catalog entry", () => {
  it.each(catalog.map((entry) => [entry.reference, entry] as const))("%s has sources, a libc version and a python version", (_, entry) => {
    expect(entry.sources.length).toBeGreaterThan(0);
    for (const source of entry.sources) expect(source.trim()).not.toBe("");
    expect(entry.libc.version).toMatch(/^\d+\.\d+(\.\d+)?(_\w+)?$/);
    expect(entry.libc.byArch.amd64).toBe(entry.libc.version);
    for (const arch of entry.archs) expect(entry.libc.byArch[arch]).toBeTruthy();
    expect(entry.python.version).toMatch(entry.python.patchKnown ? /^3\.\d+\.\d+$/ : /^3\.\d+$/);
    expect(entry.python.implementation).toBe("cp");
    if (!entry.python.patchKnown) expect(entry.gaps.some((gap) => gap.startsWith("CPython patch"))).toBe(true);
  });

  it("has a unique reference, and no alias is claimed twice or shadows a reference", () => {
    const names = catalog.flatMap((entry) => [entry.reference, ...entry.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("resolves to itself by its reference and by each alias", () => {
    for (const entry of catalog) {
      const direct = resolveBaseImage(entry.reference);
      expect(direct.ok && direct.image).toBe(entry);
      for (const alias of entry.aliases) {
        const viaAlias = resolveBaseImage(alias);
        expect(viaAlias.ok && viaAlias.image).toBe(entry);
        expect(viaAlias.ok && viaAlias.resolvedFrom).toContain(entry.reference);
      }
    }
  });

  it("is published for amd64 and lists its arches among its platforms", () => {
    for (const entry of catalog) {
      expect(entry.archs).toContain("amd64");
      if (entry.archs.includes("arm64")) expect(entry.platforms.some((p) => p.startsWith("linux/arm64"))).toBe(true);
      expect(entry.platforms).toContain("linux/amd64");
    }
  });

  it("matches its variant: compilers only in full images, no pip or shell in distroless ones", () => {
    for (const entry of catalog) {
      if (entry.variant === "full") expect(entry.hasCompiler).toBe(true);
      if (entry.variant === "slim" || entry.variant === "alpine" || entry.variant === "distroless") expect(entry.hasCompiler).toBe(false);
      if (entry.variant === "distroless") expect([entry.hasPip, entry.hasShell, entry.packageManager]).toEqual([false, false, "none"]);
      if (entry.variant === "alpine") expect([entry.libc.family, entry.packageManager, entry.os.id]).toEqual(["musl", "apk", "alpine"]);
    }
  });

  it("uses the package manager of its OS", () => {
    const expected: Record<string, string[]> = { debian: ["apt", "none"], ubuntu: ["apt"], alpine: ["apk"], rhel: ["dnf"], wolfi: ["apk", "none"] };
    for (const entry of catalog) expect(expected[entry.os.id]).toContain(entry.packageManager);
  });

  it("says where its sizes came from when it was not measured", () => {
    for (const entry of catalog) {
      const hasFigures = Object.keys(entry.sizes.compressedBytes).length + Object.keys(entry.sizes.uncompressedBytes).length > 0;
      if (!MEASURED.has(entry.reference) && !DISTRO_PYTHON_REFERENCES.has(entry.reference) && !EOL_REPORTS.has(entry.reference) && hasFigures) {
        expect(entry.sizes.estimated).toBe(true);
        expect(entry.sizes.note).toMatch(/^not measured; the figures of /);
      }
      // End-of-life tags read from a repo-info report outside the shared data: compressed read, uncompressed estimated.
      if (EOL_REPORTS.has(entry.reference)) {
        expect(entry.sizes.estimated).toBe(true);
        expect(entry.sizes.note).toMatch(/^repo-info report of the \d{4}-\d{2}-\d{2} build .*uncompressed estimated as compressed × 2\.735/);
      }
      if (!hasFigures) expect(entry.sizes.note ?? entry.gaps.join(" ")).toMatch(/size/);
      for (const bytes of [...Object.values(entry.sizes.compressedBytes), ...Object.values(entry.sizes.uncompressedBytes)]) {
        expect(Number.isInteger(bytes) && bytes > 1_000_000).toBe(true);
      }
    }
  });

  it("cannot be changed by a caller", () => {
    const first = catalog[0];
    if (!first) throw new Error("empty catalog");
    expect(() => first.aliases.push("python:mine")).toThrow();
    expect(Object.isFrozen(first.sizes.compressedBytes)).toBe(true);
  });
});

// The facts the rest of Basewise leans on hardest, spelled out.
const KEY_FACTS: Array<[reference: string, python: string, libc: string, os: string, packageManager: string]> = [
  ["python:3.10-bullseye", "3.10", "glibc 2.31", "debian 11 bullseye", "apt"],
  ["python:3.10-slim-bookworm", "3.10.20", "glibc 2.36", "debian 12 bookworm", "apt"],
  ["python:3.10-slim-trixie", "3.10.20", "glibc 2.41", "debian 13 trixie", "apt"],
  ["python:3.10-alpine3.17", "3.10", "musl 1.2.3", "alpine 3.17", "apk"],
  ["python:3.9-alpine3.12", "3.9", "musl 1.1.24", "alpine 3.12", "apk"],
  ["python:3.12-alpine3.24", "3.12.14", "musl 1.2.6", "alpine 3.24", "apk"],
  ["gcr.io/distroless/python3-debian12", "3.11.2", "glibc 2.36", "debian 12 bookworm", "none"],
  ["gcr.io/distroless/python3-debian13", "3.13.5", "glibc 2.41", "debian 13 trixie", "none"],
  ["ubuntu:22.04", "3.10", "glibc 2.35", "ubuntu 22.04 jammy", "apt"],
  ["ubuntu:24.04", "3.12", "glibc 2.39", "ubuntu 24.04 noble", "apt"],
  ["registry.access.redhat.com/ubi9/python-311", "3.11", "glibc 2.34", "rhel 9", "dnf"],
  ["cgr.dev/chainguard/python:latest", "3.14.7", "glibc 2.43", "wolfi rolling", "none"],
];

describe("key facts", () => {
  it.each(KEY_FACTS)("%s: python %s, %s on %s via %s", (reference, python, libc, os, packageManager) => {
    const entry = image(reference);
    expect(entry.python.version).toBe(python);
    expect(`${entry.libc.family} ${entry.libc.version}`).toBe(libc);
    expect([entry.os.id, entry.os.version, entry.os.codename].filter(Boolean).join(" ")).toBe(os);
    expect(entry.packageManager).toBe(packageManager);
  });

  it("marks what the data lacks for UBI instead of inventing it", () => {
    const ubi = image("registry.access.redhat.com/ubi9/python-312");
    expect(ubi.python.patchKnown).toBe(false);
    expect(ubi.sizes.compressedBytes).toEqual({});
    expect(ubi.gaps.join("\n")).toMatch(/sizes: not in the data/);
    expect(ubi.gaps.join("\n")).toMatch(/compiler: .* treated as absent/);
  });

  it("keeps the measured sizes per arch", () => {
    expect(image("python:3.12-slim-bookworm").sizes).toMatchObject({
      compressedBytes: { amd64: 45_437_565, arm64: 45_088_091 },
      uncompressedBytes: { amd64: 124_300_000 },
      estimated: false,
    });
    expect(image("python:3.11-slim-bookworm").sizes.estimated).toBe(true);
    expect(image("ubuntu:24.04").sizes.compressedBytes).toEqual({ amd64: 29_764_116, arm64: 28_941_580 });
  });

  it("knows which images ship setuptools and wheel", () => {
    expect(image("python:3.11-slim-trixie").pythonPackages).toEqual(["pip", "setuptools", "wheel"]);
    expect(image("python:3.12-slim-trixie").pythonPackages).toEqual(["pip"]);
  });
});

describe("coverage", () => {
  it("has slim and full images for every Debian each minor was published on, and each Alpine", () => {
    for (const minor of PYTHON_MINORS) {
      for (const codename of PUBLISHED[minor].debian) {
        expect(byReference.has(`python:${minor}-slim-${codename}`)).toBe(true);
        expect(byReference.has(`python:${minor}-${codename}`)).toBe(true);
      }
      for (const branch of PUBLISHED[minor].alpine) expect(byReference.has(`python:${minor}-alpine${branch}`)).toBe(true);
    }
  });

  it("marks as current exactly what docker-library still builds", () => {
    for (const entry of catalog.filter((e) => e.reference.startsWith("python:"))) {
      const [, minor = "", flavour = ""] = /^python:(3\.\d+)-(.*)$/.exec(entry.reference) ?? [];
      const codename = flavour.replace(/^slim-/, "");
      const current =
        MAINTAINED.minors.some((m) => m === minor) && (MAINTAINED.debian.some((c) => c === codename) || MAINTAINED.alpine.some((b) => `alpine${b}` === flavour));
      expect([entry.reference, entry.lifecycle]).toEqual([entry.reference, current ? "current" : "frozen"]);
    }
  });

  it("points python:3.X-slim at trixie for every maintained minor", () => {
    for (const minor of MAINTAINED.minors) expect(image(`python:${minor}-slim-trixie`).aliases).toContain(`python:${minor}-slim`);
  });

  // Counted per family: other modules add families of their own (distro-python-images.ts).
  it("covers CPython 3.6 to 3.14 on Debian 9–13 and Alpine 3.8–3.24, plus distroless, Ubuntu, UBI and Chainguard", () => {
    const official = catalog.filter((e) => /^python:3\.\d+-/.test(e.reference));
    const expected = PYTHON_MINORS.reduce((sum, minor) => sum + 2 * PUBLISHED[minor].debian.length + PUBLISHED[minor].alpine.length, 0);
    expect(official.length).toBe(expected);
    expect(expected).toBe(141); // 98 before the end-of-life images, + 43
    const count = (pattern: RegExp) => official.filter((e) => pattern.test(e.reference)).length;
    expect(count(/-buster$/)).toBe(12); // 3.6–3.11, slim and full
    expect(count(/-stretch$/)).toBe(4); // 3.6 and 3.7, slim and full
    expect(count(/-alpine3\.(8|9|10|11)$/)).toBe(10); // 3.6 and 3.7 on 3.8–3.11, 3.8 on 3.10–3.11
    expect(count(/^python:3\.6-/)).toBe(14);
    expect(count(/^python:3\.7-/)).toBe(19);
    expect(new Set(official.map((e) => e.python.version.split(".").slice(0, 2).join(".")))).toEqual(new Set(PYTHON_MINORS));
    const references = new Set(catalog.map((e) => e.reference));
    for (const other of ["gcr.io/distroless/python3-debian12", "gcr.io/distroless/python3-debian13", "ubuntu:22.04", "ubuntu:24.04", "registry.access.redhat.com/ubi9/python-311", "registry.access.redhat.com/ubi9/python-312", "cgr.dev/chainguard/python:latest", "cgr.dev/chainguard/python:latest-dev"]) {
      expect(references.has(other)).toBe(true);
    }
    for (const id of ["debian", "alpine", "ubuntu", "rhel", "wolfi"]) expect(catalog.some((e) => e.os.id === id)).toBe(true);
  });
});

describe("defaults", () => {
  it("dates the catalog", () => {
    expect(CATALOG_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(DEFAULT_BASES)("default base %s resolves directly and exists for both arches", (reference) => {
    const resolved = resolveBaseImage(reference);
    if (!resolved.ok) throw new Error(resolved.error);
    expect(resolved.resolvedFrom).toBeUndefined();
    expect(resolved.image.lifecycle).toBe("current");
    expect(makeTarget(resolved.image, "amd64").ok).toBe(true);
    expect(makeTarget(resolved.image, "arm64").ok).toBe(true);
  });
});
