/**
 * The rustc a distro's package manager installs, per release, so that a crate's `rust-version`
 * can be checked against it (cargo refuses a package whose `rust-version` is newer than rustc,
 * from Rust 1.56 on). rustup installs the current stable and sidesteps this table entirely.
 */
import type { Confidence, OsId } from "./types";

export interface DistroRust {
  readonly os: OsId;
  /** The release, matched on its leading components ("12" matches "12.7"; "3.20" matches "3.20.3"). */
  readonly version: string;
  /** The rustc the default package (`rustc`/`rust`, with cargo) installs. */
  readonly rustc: string;
  /** The distro's default package names for rustc + cargo. */
  readonly packages: readonly string[];
  /** A newer toolchain the same release also packages (Debian 12's rustc-web). */
  readonly alternative?: { readonly rustc: string; readonly packages: readonly string[] };
  readonly confidence: Confidence;
  readonly sources: readonly string[];
  readonly note?: string;
}

const SYSDEPS_NOTE = "Versions as recorded in ../shared/data/sysdeps/distro-packages.json (Debian 12 package index).";

export const DISTRO_RUST: readonly DistroRust[] = [
  {
    os: "debian",
    version: "11",
    rustc: "1.48",
    packages: ["rustc", "cargo"],
    confidence: "medium",
    sources: ["https://packages.debian.org/bullseye/rustc"],
    note: "bullseye's rustc stayed at 1.48 (older than cargo's rust-version check, 1.56: crates needing newer Rust fail with compile errors instead).",
  },
  {
    os: "debian",
    version: "12",
    rustc: "1.63",
    packages: ["rustc", "cargo"],
    alternative: { rustc: "1.96", packages: ["rustc-web", "cargo-web"] },
    confidence: "high",
    sources: ["https://packages.debian.org/bookworm/rustc", "https://packages.debian.org/bookworm/rustc-web"],
    note: `${SYSDEPS_NOTE} rustc-web is the newer toolchain bookworm carries for Firefox/Chromium builds.`,
  },
  {
    os: "debian",
    version: "13",
    rustc: "1.85",
    packages: ["rustc", "cargo"],
    confidence: "medium",
    sources: ["https://packages.debian.org/trixie/rustc", "https://github.com/jolars/eulerr/issues/129"],
  },
  {
    os: "ubuntu",
    version: "22.04",
    rustc: "1.75",
    packages: ["rustc", "cargo"],
    confidence: "medium",
    sources: ["https://github.com/coder/coder/pull/22458", "https://github.com/pop-os/system76-firmware/pull/160"],
    note: "jammy shipped 1.58; jammy-updates moved the default rustc/cargo to 1.75. Versioned rustc-1.XX packages go further but install rustc-1.XX/cargo-1.XX binaries, not `cargo`.",
  },
  {
    os: "ubuntu",
    version: "24.04",
    rustc: "1.75",
    packages: ["rustc", "cargo"],
    confidence: "medium",
    sources: [
      "https://github.com/autowarefoundation/autoware/pull/6825",
      "https://github.com/canonical/chisel-releases/pull/806",
      "https://documentation.ubuntu.com/ubuntu-for-developers/reference/availability/rust/",
    ],
    note: "noble's default rustc is 1.75.0 (noble-updates). rustc-1.76 … rustc-1.89 exist as versioned packages whose binaries are named rustc-1.XX/cargo-1.XX.",
  },
  {
    os: "alpine",
    version: "3.19",
    rustc: "1.72",
    packages: ["rust", "cargo"],
    confidence: "low",
    sources: ["https://pkgs.alpinelinux.org/packages?name=rust&branch=v3.19"],
    note: "From memory of the v3.19 branch; check pkgs.alpinelinux.org.",
  },
  {
    os: "alpine",
    version: "3.20",
    rustc: "1.78",
    packages: ["rust", "cargo"],
    confidence: "low",
    sources: ["https://pkgs.alpinelinux.org/packages?name=rust&branch=v3.20"],
    note: "From memory of the v3.20 branch; check pkgs.alpinelinux.org.",
  },
  {
    os: "alpine",
    version: "3.21",
    rustc: "1.83",
    packages: ["rust", "cargo"],
    confidence: "low",
    sources: ["https://pkgs.alpinelinux.org/packages?name=rust&branch=v3.21"],
    note: "From memory of the v3.21 branch; check pkgs.alpinelinux.org.",
  },
  {
    os: "alpine",
    version: "3.22",
    rustc: "1.87",
    packages: ["rust", "cargo"],
    confidence: "medium",
    sources: ["https://github.com/jolars/eulerr/issues/129", "https://pkgs.alpinelinux.org/packages?name=rust&branch=v3.22"],
  },
  {
    os: "alpine",
    version: "3.23",
    rustc: "1.91",
    packages: ["rust", "cargo"],
    confidence: "medium",
    sources: ["https://github.com/jolars/eulerr/issues/129", "https://pkgs.alpinelinux.org/packages?name=rust&branch=v3.23"],
  },
];

/** The distro's rustc for a release, if the table knows it (Wolfi is rolling and RHEL per minor: not tabled). */
export function distroRustFor(os: { id: OsId; version: string }): DistroRust | undefined {
  const parts = os.version.trim().split(".");
  return DISTRO_RUST.find((row) => {
    if (row.os !== os.id) return false;
    const want = row.version.split(".");
    return want.every((part, i) => parts[i] === part);
  });
}
