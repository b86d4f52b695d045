import type { Arch } from "./types";

// Images someone actually read a report for: shared data images/python-images.json (docker-library
// repo-info "remote" reports give compressed bytes per platform, "local" reports the uncompressed
// size on linux/amd64; older tags come from the maxmood96/repo-info fork, same format). Every other
// catalog entry borrows its sizes from one of these and says so.

export interface MeasuredImage {
  /** The image's tag in python-images.json. */
  tag: string;
  /** Full CPython version; where remote and local reports disagree, the newer one (see pythonNote). */
  pythonVersion?: string;
  pythonNote?: string;
  platforms: readonly string[];
  compressedBytes: Partial<Record<Arch, number>>;
  uncompressedBytes: Partial<Record<Arch, number>>;
  /** True when python-images.json gives a figure as an estimate (its *_estimate_bytes fields). */
  estimated: boolean;
  sizeNote?: string;
  built?: string;
  /** Python distributions preinstalled, as the report lists them. */
  pythonPackages?: readonly string[];
  source: string;
}

const REPO_INFO = "docker-library/repo-info repos/python";
const FORK = "maxmood96/repo-info (fork of docker-library/repo-info) repos/python";

const BOOKWORM_SLIM_PLATFORMS = ["linux/amd64", "linux/arm/v7", "linux/arm64/v8", "linux/386", "linux/ppc64le"];
const BOOKWORM_SLIM_PLATFORMS_2023 = ["linux/amd64", "linux/arm/v5", "linux/arm/v7", "linux/arm64/v8", "linux/386", "linux/mips64le", "linux/ppc64le", "linux/s390x"];
const SEVEN_PLATFORMS = ["linux/amd64", "linux/arm/v5", "linux/arm/v7", "linux/arm64/v8", "linux/386", "linux/ppc64le", "linux/s390x"];
const EIGHT_WITH_RISCV = ["linux/amd64", "linux/arm/v5", "linux/arm/v7", "linux/arm64/v8", "linux/386", "linux/ppc64le", "linux/riscv64", "linux/s390x"];
const ALPINE_PLATFORMS = ["linux/amd64", "linux/arm/v6", "linux/arm/v7", "linux/arm64/v8", "linux/386", "linux/ppc64le", "linux/riscv64", "linux/s390x"];
const UBUNTU_PLATFORMS = ["linux/amd64", "linux/arm/v7", "linux/arm64/v8", "linux/ppc64le", "linux/riscv64", "linux/s390x"];

// The data's estimate rule for missing uncompressed sizes: compressed × 2.735, the local/remote ratio
// of the 3.12 and 3.14 slim-bookworm reports.
const RATIO_NOTE = "uncompressed estimated by python-images.json as compressed × 2.735 (3.12/3.14 slim-bookworm local/remote ratio)";

// Images whose publisher gives only the compressed size: the uncompressed size is estimated from it
// with a stated ratio (local "Virtual Size" / remote "Total Size" of a measured image of the same kind).
/** python-images.json debian:bookworm-slim: local ~74.83 Mb / remote 28 232 590 bytes (a bare Debian-family OS image). */
export const BARE_OS_RATIO = 2.65;
/** python-images.json's own rule for python images: the 3.12/3.14 slim-bookworm local/remote ratio. */
export const PYTHON_IMAGE_RATIO = 2.735;

export function uncompressedFrom(compressed: Partial<Record<Arch, number>>, ratio: number): Partial<Record<Arch, number>> {
  const out: Partial<Record<Arch, number>> = {};
  for (const [arch, bytes] of Object.entries(compressed) as [Arch, number][]) out[arch] = Math.round(bytes * ratio);
  return out;
}

const UBUNTU_SIZE_NOTE =
  `uncompressed estimated as the compressed size (repo-info remote report) × ${BARE_OS_RATIO}, the local/remote ratio of debian:bookworm-slim in python-images.json (74.83 MB / 28.23 MB); ` +
  "the bare OS image: python3 is not installed yet; the apt install adds size the data does not give";
const UBUNTU_22_COMPRESSED = { amd64: 29_736_517, arm64: 27_620_032 };
const UBUNTU_24_COMPRESSED = { amd64: 29_764_116, arm64: 28_941_580 };
const CHAINGUARD_COMPRESSED = { amd64: 25_040_000 };
const CHAINGUARD_DEV_COMPRESSED = { amd64: 232_780_000 };
const CHAINGUARD_RATIO_NOTE = `uncompressed estimated as compressed × ${PYTHON_IMAGE_RATIO} (python-images.json's rule: the 3.12/3.14 slim-bookworm local/remote ratio)`;

const LIST: MeasuredImage[] = [
  {
    tag: "python:3.14-slim-bookworm",
    pythonVersion: "3.14.7",
    platforms: BOOKWORM_SLIM_PLATFORMS,
    compressedBytes: { amd64: 44_791_060, arm64: 44_400_270 },
    uncompressedBytes: { amd64: 122_320_000 },
    estimated: false,
    built: "2026-08-05",
    pythonPackages: ["pip"],
    source: `${REPO_INFO}/remote/3.14-slim-bookworm.md @34fa04a4; local @33cda30b`,
  },
  {
    tag: "python:3.13-slim-bookworm",
    pythonVersion: "3.13.14",
    platforms: BOOKWORM_SLIM_PLATFORMS,
    compressedBytes: { amd64: 44_324_229, arm64: 43_943_346 },
    uncompressedBytes: { amd64: 120_970_000 },
    estimated: false,
    sizeNote: "uncompressed size read from a 3.13.15 rebuild (2026-08-25)",
    built: "2026-08-05",
    pythonPackages: ["pip"],
    source: `${REPO_INFO}/remote/3.13-slim-bookworm.md @3effc3ea; local @6cb269ba`,
  },
  {
    tag: "python:3.12-slim-bookworm",
    pythonVersion: "3.12.14",
    platforms: BOOKWORM_SLIM_PLATFORMS,
    compressedBytes: { amd64: 45_437_565, arm64: 45_088_091 },
    uncompressedBytes: { amd64: 124_300_000 },
    estimated: false,
    sizeNote: "uncompressed size read from the 3.12.13 build (2026-08-05)",
    built: "2026-08-25",
    pythonPackages: ["pip"],
    source: `${REPO_INFO}/remote/3.12-slim-bookworm.md @33a22f41; local @33cda30b`,
  },
  {
    tag: "python:3.11-slim-bookworm",
    pythonVersion: "3.11.16",
    platforms: BOOKWORM_SLIM_PLATFORMS,
    compressedBytes: { amd64: 47_790_358, arm64: 47_443_665 },
    uncompressedBytes: { amd64: 130_699_999 },
    estimated: true,
    sizeNote: RATIO_NOTE,
    built: "2026-08-25",
    pythonPackages: ["pip", "setuptools==79.0.1", "wheel==0.46.3"],
    source: `${REPO_INFO}/remote/3.11-slim-bookworm.md @33a22f41`,
  },
  {
    tag: "python:3.10-slim-bookworm",
    pythonVersion: "3.10.20",
    platforms: BOOKWORM_SLIM_PLATFORMS,
    compressedBytes: { amd64: 47_500_000 },
    uncompressedBytes: { amd64: 130_000_000 },
    estimated: true,
    sizeNote: "no report read; python-images.json assumes ≈ python:3.11-slim-bookworm (same template, same setuptools)",
    pythonPackages: ["pip", "setuptools==79.0.1", "wheel"],
    source: "docker-library/python versions.json @4f070595 (2026-06-23)",
  },
  {
    tag: "python:3.9-slim-bookworm",
    pythonVersion: "3.9.21",
    pythonNote: "snapshot of 2024-12; the tag was rebuilt until 3.9 left support in 2025, so its last patch is newer",
    platforms: BOOKWORM_SLIM_PLATFORMS_2023,
    compressedBytes: { amd64: 46_483_793 },
    uncompressedBytes: { amd64: 127_000_000 },
    estimated: true,
    sizeNote: RATIO_NOTE,
    built: "2024-12",
    pythonPackages: ["pip", "setuptools==58.1.0", "wheel"],
    source: `${FORK}/remote/3.9-slim-bookworm.md @03a85756`,
  },
  {
    tag: "python:3.8-slim-bookworm",
    pythonVersion: "3.8.17",
    pythonNote: "snapshot of 2023-07-28; the tag was rebuilt until 3.8 left support in 2024, so its last patch is newer",
    platforms: BOOKWORM_SLIM_PLATFORMS_2023,
    compressedBytes: { amd64: 54_559_068 },
    uncompressedBytes: { amd64: 149_000_000 },
    estimated: true,
    sizeNote: RATIO_NOTE,
    built: "2023-07-28",
    pythonPackages: ["pip==23.0.1", "setuptools==57.5.0", "wheel"],
    source: `${FORK}/remote/3.8-slim-bookworm.md @04e80f32`,
  },
  {
    tag: "python:3.14-slim-trixie",
    pythonVersion: "3.14.7",
    platforms: EIGHT_WITH_RISCV,
    compressedBytes: { amd64: 43_437_809 },
    uncompressedBytes: { amd64: 119_660_000 },
    estimated: false,
    sizeNote: "uncompressed size read from python:3-slim-trixie, the same image (rebuild 2026-09-19)",
    built: "2026-08-05",
    pythonPackages: ["pip"],
    source: `${REPO_INFO}/remote/3.14-slim-trixie.md @34fa04a4; local/3-slim-trixie.md @87d2c477`,
  },
  {
    tag: "python:3.14-bookworm",
    pythonVersion: "3.14.7",
    pythonNote: "remote report (2026-07-14, the sizes) is 3.14.6, local report is 3.14.7",
    platforms: SEVEN_PLATFORMS,
    compressedBytes: { amd64: 384_541_132 },
    uncompressedBytes: { amd64: 1_030_000_000 },
    estimated: false,
    built: "2026-07-14",
    pythonPackages: ["pip"],
    source: `${REPO_INFO}/remote/3-bookworm.md @0ca00be8; local/3-bookworm.md @87d2c477`,
  },
  {
    tag: "python:3.14-alpine3.24",
    pythonVersion: "3.14.7",
    platforms: ALPINE_PLATFORMS,
    compressedBytes: { amd64: 17_774_999 },
    uncompressedBytes: { amd64: 47_810_000 },
    estimated: false,
    built: "2026-09-17",
    pythonPackages: ["pip"],
    source: `${REPO_INFO}/remote/3-alpine3.24.md @27b27367; local @c856ab58`,
  },
  {
    tag: "python:3.12-slim-bullseye",
    pythonVersion: "3.12.7",
    pythonNote: "remote report (2024-07, the compressed size) is 3.12.4, local report (2024-10) is 3.12.7; bullseye builds went on until 2025",
    platforms: SEVEN_PLATFORMS,
    compressedBytes: { amd64: 47_967_218 },
    uncompressedBytes: { amd64: 121_090_000 },
    estimated: false,
    built: "2024-07/2024-10",
    pythonPackages: ["pip==24.0"],
    source: `${FORK}/remote/3.12-slim-bullseye.md @01acadba; local @1aa1d7e9`,
  },
  {
    tag: "gcr.io/distroless/python3-debian12",
    pythonVersion: "3.11.2",
    pythonNote: "Debian 12's python3.11 package",
    platforms: ["linux/amd64", "linux/arm64"],
    compressedBytes: {},
    uncompressedBytes: { amd64: 54_000_000 },
    estimated: true,
    sizeNote: "uncompressed estimated by python-images.json as the apt Installed-Size sum of the distroless package list (likely high: the image strips docs); compressed size not in the data",
    source: "GoogleContainerTools/distroless python3/config.bzl @22b97d10^ (debian12 package list)",
  },
  {
    tag: "gcr.io/distroless/python3-debian13",
    pythonVersion: "3.13.5",
    pythonNote: "Debian 13's python3.13 package (3.13.5-2+deb13u4)",
    platforms: ["linux/amd64", "linux/arm64", "linux/riscv64"],
    compressedBytes: {},
    uncompressedBytes: {},
    estimated: false,
    sizeNote: "no size in the data",
    source: "GoogleContainerTools/distroless python3/config.bzl, trixie_python.lock.json @cd080764 (2026-08-21)",
  },
  {
    tag: "ubuntu:22.04",
    platforms: UBUNTU_PLATFORMS,
    compressedBytes: UBUNTU_22_COMPRESSED,
    uncompressedBytes: uncompressedFrom(UBUNTU_22_COMPRESSED, BARE_OS_RATIO),
    estimated: true,
    sizeNote: UBUNTU_SIZE_NOTE,
    built: "2026-07-31",
    source: "docker-library/repo-info repos/ubuntu/remote/22.04.md @01470af9",
  },
  {
    tag: "ubuntu:24.04",
    platforms: UBUNTU_PLATFORMS,
    compressedBytes: UBUNTU_24_COMPRESSED,
    uncompressedBytes: uncompressedFrom(UBUNTU_24_COMPRESSED, BARE_OS_RATIO),
    estimated: true,
    sizeNote: UBUNTU_SIZE_NOTE,
    built: "2026-09-11",
    source: "docker-library/repo-info repos/ubuntu/remote/24.04.md @1c2b9d92",
  },
  {
    tag: "cgr.dev/chainguard/python:latest",
    pythonVersion: "3.14.7",
    platforms: ["linux/amd64", "linux/arm64"],
    compressedBytes: CHAINGUARD_COMPRESSED,
    uncompressedBytes: uncompressedFrom(CHAINGUARD_COMPRESSED, PYTHON_IMAGE_RATIO),
    estimated: true,
    sizeNote: `compressed size is that of python-fips:latest (3.14.5) on images.chainguard.dev; the non-FIPS page is not in the data; ${CHAINGUARD_RATIO_NOTE}`,
    source: "chainguard-images/images images/python/locked_config.json @cd7edd23 (2026-08-22)",
  },
  {
    tag: "cgr.dev/chainguard/python:latest-dev",
    pythonVersion: "3.14.7",
    platforms: ["linux/amd64", "linux/arm64"],
    compressedBytes: CHAINGUARD_DEV_COMPRESSED,
    uncompressedBytes: uncompressedFrom(CHAINGUARD_DEV_COMPRESSED, PYTHON_IMAGE_RATIO),
    estimated: true,
    sizeNote: `compressed size is that of python-fips:latest-dev on images.chainguard.dev; ${CHAINGUARD_RATIO_NOTE}`,
    pythonPackages: ["pip", "setuptools", "uv"],
    source: "chainguard-images/images images/python/locked_config.json devConfigs @cd7edd23",
  },
];

export const MEASURED: ReadonlyMap<string, MeasuredImage> = new Map(LIST.map((image) => [image.tag, image]));

export function measured(tag: string): MeasuredImage {
  const image = MEASURED.get(tag);
  if (!image) throw new Error(`no measured image ${tag}`);
  return image;
}
