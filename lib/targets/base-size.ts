import type { Arch, BaseImage } from "./types";

/** The basis of a base size the catalog gives for the arch itself. */
export const CATALOG_SIZE_BASIS = "uncompressed size from the base-image catalog";

/**
 * The base image's uncompressed size on an arch, with its basis; null when nothing gives one. The
 * reports give the uncompressed size for linux/amd64 only: another arch's is amd64's scaled by the
 * two arches' compressed sizes where the report gives both, else amd64's as it is (where both
 * compressed sizes are published they differ by under 10%), and says so.
 */
export function baseImageBytes(image: Pick<BaseImage, "sizes">, arch: Arch): { bytes: number; basis: string } | null {
  const own = image.sizes.uncompressedBytes[arch];
  if (own !== undefined) return { bytes: own, basis: CATALOG_SIZE_BASIS };
  const amd64 = image.sizes.uncompressedBytes.amd64;
  const compressedAmd64 = image.sizes.compressedBytes.amd64;
  const compressedArch = image.sizes.compressedBytes[arch];
  if (amd64 === undefined) return null;
  if (!compressedAmd64 || compressedArch === undefined) {
    return { bytes: amd64, basis: `estimated: the amd64 uncompressed size from the base-image catalog; the data has no ${arch} size (where both arches' compressed sizes are published they differ by under 10%)` };
  }
  const ratio = compressedArch / compressedAmd64;
  return {
    bytes: Math.round(amd64 * ratio),
    basis: `estimated: the amd64 uncompressed size from the base-image catalog × the ${arch}/amd64 compressed-size ratio (${ratio.toFixed(3)}); the reports give the uncompressed size for amd64 only`,
  };
}
