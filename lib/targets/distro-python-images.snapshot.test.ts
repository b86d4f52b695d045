import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DISTRO_PYTHON_REFERENCES } from "./distro-python-images";
import { listBaseImages } from "./index";

// alpine:/debian: images with the OS's python3, checked against the shared data where it has them
// (python-images.json base-os entries; distro-packages.json's bookworm-slim package set). Runs only
// where ../shared/data exists; the product never reads it.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = path.resolve(repoRoot, "../shared/data");
const haveData = existsSync(path.join(dataDir, "images/python-images.json"));

interface DataImage {
  tag: string;
  kind: string;
  python_version: string | null;
  libc_version: string;
  compressed_bytes: number | null;
  uncompressed_bytes: number | null;
  arch?: string[] | null;
  built?: string;
  sources: Record<string, string>;
}

describe.skipIf(!haveData)("distro Python images against the shared data", () => {
  const images = haveData ? (JSON.parse(readFileSync(path.join(dataDir, "images/python-images.json"), "utf8")) as { images: DataImage[] }).images : [];
  const byTag = new Map(images.map((i) => [i.tag, i]));
  const catalog = listBaseImages().filter((entry) => DISTRO_PYTHON_REFERENCES.has(entry.reference));

  it.each(catalog.map((entry) => [entry.reference, entry] as const))("%s", (reference, entry) => {
    const data = byTag.get(reference);
    if (!data) {
      // Not in the shared data (debian:bullseye, debian:trixie): read from repo-info directly, and said so.
      expect(entry.sources.join("\n")).toMatch(/docker-library\/repo-info repos\/debian\/local\//);
      return;
    }
    expect(data.kind).toBe("base-os");
    // The base OS images carry no Python: the entry's comes from the OS's package, not from this data.
    expect(data.python_version).toBeNull();
    expect(entry.libc.version).toBe(data.libc_version);
    // Where the data has no uncompressed size, the entry read it from the repo-info report itself.
    if (data.uncompressed_bytes === null) expect(entry.sources.join("\n")).toMatch(/size: docker-library\/repo-info repos\/debian\/local\//);
    else expect(entry.sizes.uncompressedBytes.amd64).toBe(data.uncompressed_bytes);
    expect(entry.sizes.compressedBytes.amd64 ?? null).toBe(data.compressed_bytes);
    if (data.arch) expect(entry.platforms).toEqual(data.arch);
    if (data.built) expect(entry.builtOn).toBe(data.built.split(" ")[0]);
    const local = data.sources.local;
    if (local) expect(entry.sources.join("\n")).toContain(local.split(" @")[1] ?? local);
  });

  it("cites the bookworm-slim package set the Debian closures start from", () => {
    const packages = JSON.parse(readFileSync(path.join(dataDir, "sysdeps/distro-packages.json"), "utf8")) as {
      debian: { base_sets: Record<string, { count: number }> };
    };
    expect(packages.debian.base_sets["bookworm-slim (simulated)"]?.count).toBe(88);
  });
});
