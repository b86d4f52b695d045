import { describe, expect, it } from "vitest";
import { DISTRO_PYTHON_REFERENCES } from "./distro-python-images";
import { listBaseImages, resolveBaseImage, type BaseImage } from "./index";

// What building on an image needs besides the image itself: a builder where pip cannot run, the
// libraries an image without a package manager already carries, and a distro Python to install.

const catalog = listBaseImages();
const image = (reference: string): BaseImage => {
  const found = catalog.find((entry) => entry.reference === reference);
  if (!found) throw new Error(`${reference} is not in the catalog`);
  return found;
};

describe("build facts in the catalog", () => {
  it.each(catalog.map((entry) => [entry.reference, entry] as const))("%s: a builder exactly when pip cannot run in it, each fact sourced", (_, entry) => {
    const pipRuns = entry.packageManager !== "none";
    expect(entry.builder === null).toBe(pipRuns);
    expect(entry.carriedLibraries === null).toBe(pipRuns);
    if (entry.builder) {
      expect(entry.builder.reference).not.toBe(entry.reference);
      expect(entry.builder.source.trim()).not.toBe("");
      expect(entry.builder.why).toContain(entry.reference);
    }
    if (entry.carriedLibraries) {
      expect(entry.carriedLibraries.names.length).toBeGreaterThan(0);
      expect(entry.carriedLibraries.source.trim()).not.toBe("");
    }
    expect(entry.distroPython !== null).toBe(entry.os.id === "ubuntu" || DISTRO_PYTHON_REFERENCES.has(entry.reference));
    if (entry.distroPython) expect(entry.distroPython.source.trim()).not.toBe("");
  });

  it("distroless builds in Debian's slim image of the same release, with Debian's python3", () => {
    for (const [reference, builder, codename] of [
      ["gcr.io/distroless/python3-debian12", "debian:12-slim", "bookworm"],
      ["gcr.io/distroless/python3-debian13", "debian:13-slim", "trixie"],
    ] as const) {
      const entry = image(reference);
      expect(entry.builder).toMatchObject({
        reference: builder,
        packageManager: "apt",
        os: { id: "debian", codename },
        python: { always: ["python3", "python3-venv"], forCompiles: ["python3-dev"] },
      });
      // The builder is the catalog's own slim image of that release: its size is that image's.
      const slim = image(`debian:${codename}-slim`);
      expect(entry.builder?.sizes).toEqual({ uncompressedBytes: slim.sizes.uncompressedBytes.amd64, compressedBytes: slim.sizes.compressedBytes.amd64 ?? null });
      expect(entry.builder?.sizes.uncompressedBytes).toBeGreaterThan(70e6);
      expect(entry.builder?.source).toContain(`sizes: the catalog's debian:${codename}-slim`);
      expect(entry.builder?.why).toContain(`the same Python ${entry.python.version} at the same path (/usr/bin/python3)`);
    }
  });

  it("distroless carries its Debian release's spelling of the libraries python3 depends on", () => {
    expect(image("gcr.io/distroless/python3-debian12").carriedLibraries?.names).toEqual(["libssl3", "libffi8", "zlib1g", "libstdc++6"]);
    expect(image("gcr.io/distroless/python3-debian13").carriedLibraries?.names).toEqual(["libssl3t64", "libffi8", "zlib1g", "libstdc++6"]);
  });

  it("Chainguard builds in its -dev variant: in the catalog, same Python, with pip and a shell", () => {
    const runtime = image("cgr.dev/chainguard/python:latest");
    const dev = image(runtime.builder?.reference ?? "");
    expect(dev).toMatchObject({ hasPip: true, hasShell: true, packageManager: "apk", os: { id: "wolfi" } });
    expect(dev.python.version).toBe(runtime.python.version);
    expect(runtime.builder).toMatchObject({
      packageManager: "apk",
      os: { id: "wolfi" },
      python: { always: [], forCompiles: [] },
      sizes: { uncompressedBytes: dev.sizes.uncompressedBytes.amd64 ?? null, compressedBytes: dev.sizes.compressedBytes.amd64 ?? null },
    });
  });

  it("Ubuntu's python3 comes from apt, its headers only when something compiles", () => {
    for (const reference of ["ubuntu:22.04", "ubuntu:24.04"]) {
      expect(image(reference).distroPython).toMatchObject({
        packages: [{ name: "python3" }, { name: "python3-venv" }],
        forCompiles: [{ name: "python3-dev" }],
      });
    }
  });

  it("a patch-pinned or aliased reference keeps the entry's facts", () => {
    const pinned = resolveBaseImage("python:3.12.1-slim-bookworm");
    expect(pinned.ok && [pinned.image.builder, pinned.image.carriedLibraries, pinned.image.distroPython]).toEqual([null, null, null]);
    const aliased = resolveBaseImage("gcr.io/distroless/python3");
    if (aliased.ok) expect(aliased.image.builder).toBe(image(aliased.image.reference).builder);
  });
});
