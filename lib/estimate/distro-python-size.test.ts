import { describe, expect, it } from "vitest";
import { estimate, type EstimateInput } from "./index";

// An image whose Python is the OS's package: what installing it adds is part of the image's size, as
// its own part with its basis; when the catalog does not know it, the image's size is unknown.

const KIB = 1024;

function input(distroPython: EstimateInput["distroPython"], change: Partial<EstimateInput> = {}): EstimateInput {
  return {
    image: { reference: "debian:bookworm-slim", packageManager: "apt", hasCompiler: false, uncompressedBytes: 74_830_000, uncompressedBasis: null, compressedBytes: 28_232_590, arch: "amd64" },
    builder: null,
    packages: [{ name: "requests", version: "2.32.3", kind: "wheel", compiled: false, downloadBytes: 64_900, builtSizeHint: null }],
    compiles: [],
    os: { build: [], runtime: ["python3", "python3-venv"] },
    distroPython,
    ...change,
  };
}

const BOOKWORM = { packages: ["python3", "python3-venv"], bytes: 39_513 * KIB, basis: "apt closure on debian:bookworm-slim, Installed-Size" };

describe("the distro Python in the image size", () => {
  it("is its own part, counted with the base, and in both totals", () => {
    const result = estimate(input(BOOKWORM));
    const part = result.breakdown.size.find((p) => p.part.startsWith("distro Python"));
    expect(part).toEqual({ category: "base", part: "distro Python: python3, python3-venv (apt)", bytes: 39_513 * KIB, stage: "both", basis: BOOKWORM.basis });
    // Not also counted as two 2 MB runtime libraries.
    expect(result.breakdown.size.some((p) => p.category === "runtime-libraries")).toBe(false);
    const both = result.breakdown.size.filter((p) => p.stage === "both").reduce((sum, p) => sum + p.bytes, 0);
    const all = result.breakdown.size.reduce((sum, p) => sum + p.bytes, 0);
    expect(result.imageBytes).toEqual({ multiStage: both, singleStage: all });
    expect(result.imageBytes.multiStage).toBe(74_830_000 + 39_513 * KIB + Math.round(64_900 * 7));
  });

  it("adds exactly its installed size to an image that has no distro Python part", () => {
    const withPython = estimate(input(BOOKWORM)).imageBytes.multiStage;
    const without = estimate(input(null, { os: { build: [], runtime: [] } })).imageBytes.multiStage;
    expect(withPython - without).toBe(39_513 * KIB);
  });

  it("keeps other runtime libraries as they were, and leaves the python packages out of the single-stage leftovers", () => {
    const result = estimate(
      input(BOOKWORM, {
        os: { build: ["python3", "python3-venv", "python3-dev", "gcc", "libc6-dev", "libpq-dev"], runtime: ["python3", "python3-venv", "libpq5"] },
        compiles: [{ name: "psycopg2", version: "2.9.9", buildRequirement: false, toolchains: ["c"] }],
      }),
    );
    expect(result.breakdown.size.find((p) => p.category === "runtime-libraries")?.part).toBe("runtime libraries: libpq5");
    const plain = estimate(
      input(null, {
        os: { build: ["python3-dev", "gcc", "libc6-dev", "libpq-dev"], runtime: ["libpq5"] },
        compiles: [{ name: "psycopg2", version: "2.9.9", buildRequirement: false, toolchains: ["c"] }],
      }),
    );
    const leftovers = (e: typeof result) => e.breakdown.size.find((p) => p.part.startsWith("compilers and -dev"))?.bytes;
    expect(leftovers(result)).toBe(leftovers(plain));
  });

  it("makes the image size unknown when its installed size is not known, and says why", () => {
    const result = estimate(
      input(
        { packages: ["python3"], bytes: null, basis: "not known: per-package sizes only" },
        { image: { reference: "alpine:3.19", packageManager: "apk", hasCompiler: false, uncompressedBytes: 7_400_000, uncompressedBasis: null, compressedBytes: null, arch: "amd64" }, os: { build: [], runtime: ["python3"] } },
      ),
    );
    expect(result.imageBytes.baseUnknown).toBe(true);
    const part = result.breakdown.size.find((p) => p.part === "distro Python: python3 (apk)");
    expect(part).toMatchObject({ bytes: 0, basis: "unknown: not counted (not known: per-package sizes only)" });
    expect(result.notes.some((n) => /alpine:3\.19: the size of its Python once installed \(python3 \(apk\)\) is not known: the image size is unknown/.test(n))).toBe(true);
  });

  it("changes nothing for an image with its own Python", () => {
    const own = estimate(input(undefined, { os: { build: [], runtime: [] } }));
    expect(own.imageBytes.baseUnknown).toBeUndefined();
    expect(own.breakdown.size.some((p) => p.part.startsWith("distro Python"))).toBe(false);
  });
});

describe("the distro Python in the build time", () => {
  const runtimeInstall = (distro: EstimateInput["distroPython"]) => estimate(input(distro)).breakdown.build.find((p) => p.part.startsWith("OS runtime libraries (final stage)"));

  it("installing it takes the time of its installed size, not of two small libraries", () => {
    const known = runtimeInstall(BOOKWORM);
    expect(known?.part).toBe("OS runtime libraries (final stage): 2 package(s), ≈ 40 MB installed");
    const assumed = runtimeInstall({ ...BOOKWORM, bytes: null });
    // 40 MB at 30–80 MB/s of unpacking, plus a third of it downloaded, is seconds more than 2 × 2 MB.
    expect((known?.highSeconds ?? 0) - (assumed?.highSeconds ?? 0)).toBeGreaterThan(1);
  });

  it("an unknown size falls back to the per-library assumption", () => {
    const unknown = runtimeInstall({ ...BOOKWORM, bytes: null });
    const asLibraries = estimate(input(null)).breakdown.build.find((p) => p.part.startsWith("OS runtime libraries (final stage)"));
    expect(unknown).toEqual(asLibraries);
  });
});
