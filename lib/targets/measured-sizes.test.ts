import { describe, expect, it } from "vitest";
import { listBaseImages } from "./index";
import { BARE_OS_RATIO, MEASURED, PYTHON_IMAGE_RATIO, uncompressedFrom } from "./measured-images";

// Base sizes added where the publisher gives only the compressed size: each is the compressed figure
// (python-images.json) times a stated ratio, marked estimated, with the ratio and its source in the note.

function image(reference: string) {
  const found = listBaseImages().find((i) => i.reference === reference);
  if (!found) throw new Error(`not in the catalog: ${reference}`);
  return found;
}

describe("base sizes estimated from the compressed size", () => {
  it("derives the bare-OS ratio from debian:bookworm-slim's local and remote reports", () => {
    // python-images.json debian:bookworm-slim: uncompressed 74 830 000, compressed 28 232 590.
    expect(74_830_000 / 28_232_590).toBeCloseTo(BARE_OS_RATIO, 2);
    expect(PYTHON_IMAGE_RATIO).toBe(2.735);
  });

  it("multiplies every arch's compressed size by the ratio", () => {
    expect(uncompressedFrom({ amd64: 100, arm64: 200 }, 2.5)).toEqual({ amd64: 250, arm64: 500 });
  });

  it.each([
    ["ubuntu:22.04", { amd64: 29_736_517, arm64: 27_620_032 }, { amd64: 78_801_770, arm64: 73_193_085 }, "debian:bookworm-slim"],
    ["ubuntu:24.04", { amd64: 29_764_116, arm64: 28_941_580 }, { amd64: 78_874_907, arm64: 76_695_187 }, "debian:bookworm-slim"],
    ["cgr.dev/chainguard/python:latest", { amd64: 25_040_000 }, { amd64: 68_484_400 }, "python-fips:latest"],
    ["cgr.dev/chainguard/python:latest-dev", { amd64: 232_780_000 }, { amd64: 636_653_300 }, "python-fips:latest-dev"],
  ])("%s: compressed %j, uncompressed about %j, with its source", (reference, compressed, uncompressed, source) => {
    const entry = image(reference);
    expect(entry.sizes.compressedBytes).toEqual(compressed);
    expect(entry.sizes.uncompressedBytes).toEqual(uncompressed);
    expect(entry.sizes.estimated).toBe(true);
    expect(entry.sizes.note).toContain(source);
    expect(entry.sizes.note).toMatch(/× 2\.(65|735)/);
    expect(MEASURED.get(reference)?.source).toBeTruthy();
  });
});
