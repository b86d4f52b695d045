/**
 * The table spells Debian packages as bookworm (Debian 12) has them. A few runtime libraries carry
 * their soname in the package name, which changes between releases: bullseye (11) has older
 * sonames, trixie (13) renamed libraries for the 64-bit time_t transition (the "t64" suffix).
 * Sources: packages.debian.org for each name and release.
 */
const RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  bullseye: {
    libssl3: "libssl1.1",
    libffi8: "libffi7",
    "libldap-2.5-0": "libldap-2.4-2",
    libtiff6: "libtiff5",
    libwebp7: "libwebp6",
    libproj25: "libproj19",
    libgdal32: "libgdal28",
    libqpdf29: "libqpdf28",
    libodbc2: "libodbc1",
    // bullseye's rustc (1.48) is too old for current crates; rustc-web/cargo-web reached
    // bullseye-security with Firefox ESR 128, so the names stay.
  },
  trixie: {
    libssl3: "libssl3t64",
    libcurl4: "libcurl4t64",
    "libldap-2.5-0": "libldap2",
    libgdal32: "libgdal36",
    "libhdf5-103-1": "libhdf5-310",
    "libhdf5-hl-100": "libhdf5-hl-310",
    libqpdf29: "libqpdf30",
    // apt-cache policy on trixie: libglib2.0-0 is only provided (virtual) by libglib2.0-0t64.
    "libglib2.0-0": "libglib2.0-0t64",
    // trixie's own rustc (1.85) is new enough; rustc-web is a bookworm stop-gap.
    "rustc-web": "rustc",
    "cargo-web": "cargo",
  },
};

/** The package's name on a Debian release (codename); unknown releases keep bookworm's names. */
export function debianRuntimeName(name: string, codename: string): string {
  return RENAMES[codename]?.[name] ?? name;
}
