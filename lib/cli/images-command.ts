import { listBaseImages, isEndOfLife, CATALOG_AS_OF, type Arch, type BaseImage } from "@/lib/targets";
import { formatSize } from "@/lib/present/format";
import { libcLabel } from "@/lib/present/target";

// `basewise images`: the base-image catalog (lib/targets), the images `--base` accepts by their
// canonical reference, filtered. Loaded only for this command: the catalog is built on import.

export const IMAGE_LIBCS = ["glibc", "musl"] as const;
/** An OS (os.id) or a kind of image (variant); "alpine" is both, and matches either. */
export const IMAGE_FAMILIES = ["debian", "alpine", "ubuntu", "rhel", "wolfi", "full", "slim", "distroless", "distro"] as const;

export interface ImageFilters {
  /** Python minors ("3.12") or full versions ("3.12.14"); any of them. */
  python: string[];
  libc: (typeof IMAGE_LIBCS)[number][];
  family: (typeof IMAGE_FAMILIES)[number][];
  /** Published for every one of these. */
  archs: Arch[];
  /** Only images not past their end of life at `asOf`. */
  supported: boolean;
  /** ISO 8601 date-time: end of life is judged at this moment. */
  asOf: string;
}

/** The catalog's images that pass every filter (each filter a list: any of its values), in catalog order. */
export function filterImages(images: readonly BaseImage[], filters: ImageFilters): BaseImage[] {
  const asOf = new Date(filters.asOf);
  return images.filter(
    (image) =>
      (filters.python.length === 0 || filters.python.some((v) => image.python.version === v || image.python.version.startsWith(`${v}.`))) &&
      (filters.libc.length === 0 || filters.libc.includes(image.libc.family)) &&
      (filters.family.length === 0 || filters.family.some((f) => f === image.os.id || f === image.variant)) &&
      filters.archs.every((arch) => image.archs.includes(arch)) &&
      (!filters.supported || !isEndOfLife(image, asOf)),
  );
}

/** The catalog's images that pass the filters. */
export function catalogImages(filters: ImageFilters): BaseImage[] {
  return filterImages(listBaseImages(), filters);
}

/** One image as `--format json` prints it: the facts a pipeline picks images by. */
export function imageSummary(image: BaseImage, asOf: string) {
  return {
    reference: image.reference,
    aliases: image.aliases,
    python: image.python.version,
    libc: { family: image.libc.family, version: image.libc.version },
    os: { id: image.os.id, version: image.os.version, codename: image.os.codename ?? null },
    variant: image.variant,
    archs: image.archs,
    sizes: { compressedBytes: image.sizes.compressedBytes, uncompressedBytes: image.sizes.uncompressedBytes, estimated: image.sizes.estimated },
    endOfLife: image.support.endOfLife,
    ended: isEndOfLife(image, new Date(asOf)),
    successor: image.support.successor,
    lifecycle: image.lifecycle,
  };
}

export function imagesJson(images: readonly BaseImage[], asOf: string): string {
  return `${JSON.stringify({ catalogAsOf: CATALOG_AS_OF, asOf, images: images.map((image) => imageSummary(image, asOf)) }, null, 2)}\n`;
}

/** Columns: image, Python, libc, OS, archs, size on disk (the first filtered arch, else amd64), end of life. */
export function imagesTable(images: readonly BaseImage[], asOf: string, sizeArch: Arch): string {
  const at = new Date(asOf);
  const rows = images.map((image) => {
    const bytes = image.sizes.uncompressedBytes[sizeArch] ?? null;
    const eol = image.support.endOfLife;
    return [
      image.reference,
      image.python.version,
      libcLabel(image.libc),
      [image.os.id, image.os.version, image.os.codename ? `(${image.os.codename})` : ""].filter(Boolean).join(" "),
      image.archs.join(","),
      bytes === null ? "?" : `${image.sizes.estimated ? "~" : ""}${formatSize(bytes)}`,
      // Past its end of life in capitals, as the analysis table says it.
      eol === null ? "none announced" : isEndOfLife(image, at) ? `ENDED ${eol}` : eol,
    ];
  });
  const header = ["IMAGE", "PYTHON", "LIBC", "OS", "ARCHS", `SIZE (${sizeArch})`, "END OF LIFE"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  const dated = `${images.length} image${images.length === 1 ? "" : "s"}; end of life as of ${asOf.slice(0, 10)}; catalog of ${CATALOG_AS_OF}.`;
  return `${[line(header), ...rows.map(line)].join("\n")}\n\n${dated}\n`;
}
