/**
 * OS package names for compilers, build tools and common C libraries on each distro family, and
 * `osPackages` to add them up into one row's lists. Rows are written as sums of these pieces, so a
 * name is spelt in one place.
 *
 * Names: Debian 12 (bookworm) apt lists, Alpine aports, Fedora/RHEL spec names and Wolfi melange
 * files, as gathered in sysdeps/distro-packages.json (toolchain_map, generic_map). Debian 13 renamed
 * some libraries for the 64-bit time_t transition (libssl3 → libssl3t64); the sysdeps module maps
 * those, this table keeps the bookworm names.
 */
import type { OsPackages, OsPackageSet } from "./types";

function lists(build: readonly string[], runtime: readonly string[] = []): OsPackages {
  return { build, runtime };
}

function set(apt: OsPackages, apk: OsPackages, dnf: OsPackages, wolfi?: OsPackages): OsPackageSet {
  return wolfi ? { apt, apk, dnf, wolfi } : { apt, apk, dnf };
}

/** Nothing to install (pure rows). */
export const NOTHING: OsPackageSet = set(lists([]), lists([]), lists([]), lists([]));

export const TOOLCHAIN = {
  // Debian's gcc does not pull the libc headers by itself; Alpine's needs musl-dev the same way.
  c: set(lists(["gcc", "libc6-dev"]), lists(["gcc", "musl-dev"]), lists(["gcc"]), lists(["build-base"])),
  // The C++ runtime stays in the final image (python:slim already has libstdc++6; Alpine does not).
  cxx: set(lists(["g++"], ["libstdc++6"]), lists(["g++"], ["libstdc++", "libgcc"]), lists(["gcc-c++"], ["libstdc++"]), lists(["build-base"], ["libstdc++"])),
  fortran: set(lists(["gfortran"], ["libgfortran5"]), lists(["gfortran"], ["libgfortran"]), lists(["gcc-gfortran"], ["libgfortran"]), lists(["gfortran"], ["libgfortran"])),
  // bookworm's rustc/cargo (1.63) are older than most crates' rust-version; rustc-web/cargo-web are
  // the newer toolchain Debian ships for browsers. Rust binaries on musl link libgcc_s for unwinding.
  rust: set(lists(["rustc-web", "cargo-web"]), lists(["cargo"], ["libgcc"]), lists(["rust", "cargo"]), lists(["rust"])),
  // GCC's OpenMP runtime; the compiler already ships the build side.
  openmp: set(lists([], ["libgomp1"]), lists([], ["libgomp"]), lists([], ["libgomp"]), lists([], ["libgomp"])),
} as const;

export const TOOL = {
  pkgConfig: set(lists(["pkgconf"]), lists(["pkgconf"]), lists(["pkgconf-pkg-config"]), lists(["pkgconf"])),
  cmake: set(lists(["cmake"]), lists(["cmake"]), lists(["cmake"]), lists(["cmake"])),
  // Alpine's ninja is samurai (a compatible rewrite).
  ninja: set(lists(["ninja-build"]), lists(["samurai"]), lists(["ninja-build"]), lists(["ninja-build"])),
  make: set(lists(["make"]), lists(["make"]), lists(["make"]), lists(["build-base"])),
  autotools: set(lists(["autoconf", "automake", "libtool"]), lists(["autoconf", "automake", "libtool"]), lists(["autoconf", "automake", "libtool"]), lists(["autoconf", "automake", "libtool"])),
  swig: set(lists(["swig"]), lists(["swig"]), lists(["swig"]), lists(["swig"])),
  // <linux/*.h>: Debian gets them through libc6-dev → linux-libc-dev; musl does not ship them.
  linuxHeaders: set(lists([]), lists(["linux-headers"]), lists(["kernel-headers"]), lists(["linux-headers"])),
} as const;

export const LIB = {
  openssl: set(lists(["libssl-dev"], ["libssl3"]), lists(["openssl-dev"], ["libssl3", "libcrypto3"]), lists(["openssl-devel"], ["openssl-libs"]), lists(["openssl-dev"], ["libssl3", "libcrypto3"])),
  libffi: set(lists(["libffi-dev"], ["libffi8"]), lists(["libffi-dev"], ["libffi"]), lists(["libffi-devel"], ["libffi"]), lists(["libffi-dev"], ["libffi"])),
  zlib: set(lists(["zlib1g-dev"], ["zlib1g"]), lists(["zlib-dev"], ["zlib"]), lists(["zlib-devel"], ["zlib"]), lists(["zlib-dev"], ["zlib"])),
  libjpeg: set(lists(["libjpeg62-turbo-dev"], ["libjpeg62-turbo"]), lists(["libjpeg-turbo-dev"], ["libjpeg-turbo"]), lists(["libjpeg-turbo-devel"], ["libjpeg-turbo"]), lists(["libjpeg-turbo-dev"], ["libjpeg-turbo"])),
  libxml2: set(lists(["libxml2-dev"], ["libxml2"]), lists(["libxml2-dev"], ["libxml2"]), lists(["libxml2-devel"], ["libxml2"]), lists(["libxml2-dev"], ["libxml2"])),
  libxslt: set(lists(["libxslt1-dev"], ["libxslt1.1"]), lists(["libxslt-dev"], ["libxslt"]), lists(["libxslt-devel"], ["libxslt"]), lists(["libxslt-dev"], ["libxslt"])),
  // Alpine's libpq-dev carries pg_config (aports main/postgresql17 APKBUILD, libpq_dev()); before
  // Alpine 3.15 the same files came with postgresql-dev.
  libpq: set(lists(["libpq-dev"], ["libpq5"]), lists(["libpq-dev"], ["libpq"]), lists(["libpq-devel"], ["libpq"]), lists(["postgresql-18-dev"], ["libpq-18"])),
  libyaml: set(lists(["libyaml-dev"], ["libyaml-0-2"]), lists(["yaml-dev"], ["yaml"]), lists(["libyaml-devel"], ["libyaml"]), lists(["yaml-dev"], ["yaml"])),
  openblas: set(lists(["libopenblas-dev"], ["libopenblas0"]), lists(["openblas-dev"], ["openblas"]), lists(["openblas-devel"], ["openblas"]), lists(["openblas-dev"], ["openblas"])),
  hdf5: set(lists(["libhdf5-dev"], ["libhdf5-103-1", "libhdf5-hl-100"]), lists(["hdf5-dev"], ["hdf5"]), lists(["hdf5-devel"], ["hdf5"]), lists(["hdf5-dev"], ["hdf5"])),
  geos: set(lists(["libgeos-dev"], ["libgeos-c1v5"]), lists(["geos-dev"], ["geos"]), lists(["geos-devel"], ["geos"]), lists(["geos-3.14-dev"], ["geos-3.14"])),
  // The proj CLI is how pyproj finds PROJ; its data files are needed at run time.
  proj: set(lists(["libproj-dev", "proj-bin"], ["libproj25", "proj-data"]), lists(["proj-dev", "proj-util"], ["proj"]), lists(["proj-devel"], ["proj", "proj-data"]), lists(["proj-dev"], ["proj"])),
  gdal: set(lists(["libgdal-dev"], ["libgdal32"]), lists(["gdal-dev"], ["gdal"]), lists(["gdal-devel"], ["gdal-libs"]), lists(["gdal-dev"], ["gdal"])),
  krb5: set(lists(["libkrb5-dev"], ["libkrb5-3", "libgssapi-krb5-2"]), lists(["krb5-dev"], ["krb5-libs"]), lists(["krb5-devel"], ["krb5-libs"]), lists(["krb5-dev"], ["krb5-libs"])),
  // default-libmysqlclient-dev → libmariadb-dev-compat: mysql_config and mysqlclient.pc on Debian.
  mysqlClient: set(lists(["default-libmysqlclient-dev"], ["libmariadb3"]), lists(["mariadb-connector-c-dev"], ["mariadb-connector-c"]), lists(["mariadb-connector-c-devel"], ["mariadb-connector-c"]), lists(["mariadb-connector-c-dev"], ["mariadb-connector-c"])),
  freetds: set(lists(["freetds-dev"], ["libsybdb5"]), lists(["freetds-dev"], ["freetds"]), lists(["freetds-devel"], ["freetds-libs"]), lists(["freetds-dev"], ["freetds"])),
  unixodbc: set(lists(["unixodbc-dev"], ["libodbc2"]), lists(["unixodbc-dev"], ["unixodbc"]), lists(["unixODBC-devel"], ["unixODBC"]), lists(["unixodbc-dev"], ["unixodbc"])),
  librdkafka: set(lists(["librdkafka-dev"], ["librdkafka1"]), lists(["librdkafka-dev"], ["librdkafka"]), lists(["librdkafka-devel"], ["librdkafka"]), lists(["librdkafka-dev"], ["librdkafka"])),
  ldap: set(
    lists(["libldap2-dev", "libsasl2-dev"], ["libldap-2.5-0", "libsasl2-2"]),
    lists(["openldap-dev", "cyrus-sasl-dev"], ["libldap", "libsasl"]),
    lists(["openldap-devel", "cyrus-sasl-devel"], ["openldap", "cyrus-sasl-lib"]),
    lists(["openldap-2.7-dev", "cyrus-sasl-mit-dev"], ["openldap-2.7", "cyrus-sasl-mit-libs"]),
  ),
  // pycurl must be told the TLS backend libcurl uses; Debian's OpenSSL flavour is the safe pick.
  curl: set(lists(["libcurl4-openssl-dev"], ["libcurl4"]), lists(["curl-dev"], ["libcurl"]), lists(["libcurl-devel"], ["libcurl"]), lists(["curl-dev"], ["libcurl-openssl4"])),
  xmlsec: set(
    lists(["libxmlsec1-dev"], ["libxmlsec1", "libxmlsec1-openssl"]),
    lists(["xmlsec-dev"], ["xmlsec"]),
    lists(["xmlsec1-devel", "xmlsec1-openssl-devel", "libtool-ltdl-devel"], ["xmlsec1", "xmlsec1-openssl"]),
    lists(["xmlsec-dev"], ["xmlsec", "xmlsec-openssl"]),
  ),
  qpdf: set(lists(["libqpdf-dev"], ["libqpdf29"]), lists(["qpdf-dev"], ["qpdf-libs"]), lists(["qpdf-devel"], ["qpdf-libs"]), lists(["qpdf-dev"], ["qpdf"])),
  ffmpeg: set(
    lists(
      ["libavformat-dev", "libavcodec-dev", "libavdevice-dev", "libavutil-dev", "libavfilter-dev", "libswscale-dev", "libswresample-dev"],
      ["libavformat59", "libavcodec59", "libavdevice59", "libavutil57", "libavfilter8", "libswscale6", "libswresample4"],
    ),
    lists(
      ["ffmpeg-dev"],
      ["ffmpeg-libavformat", "ffmpeg-libavcodec", "ffmpeg-libavdevice", "ffmpeg-libavutil", "ffmpeg-libavfilter", "ffmpeg-libswscale", "ffmpeg-libswresample"],
    ),
    lists(["ffmpeg-free-devel"], ["ffmpeg-free"]),
    lists(["ffmpeg-7-dev"], ["ffmpeg-7"]),
  ),
  cairo: set(lists(["libcairo2-dev"], ["libcairo2"]), lists(["cairo-dev"], ["cairo"]), lists(["cairo-devel"], ["cairo"]), lists(["cairo-dev"], ["cairo"])),
  // girepository-1.0 (gobject-introspection ≤ 1.8x): PyGObject < 3.51. gir1.2-glib-2.0 carries the
  // GLib/GObject/Gio typelibs that `from gi.repository import GLib` loads at run time.
  gobjectIntrospection: set(
    lists(["libgirepository1.0-dev"], ["libgirepository-1.0-1", "gir1.2-glib-2.0"]),
    lists(["gobject-introspection-dev"], ["gobject-introspection"]),
    lists(["gobject-introspection-devel"], ["gobject-introspection"]),
    lists(["gobject-introspection-dev"], ["gobject-introspection"]),
  ),
  // girepository-2.0 moved into GLib 2.80: PyGObject ≥ 3.51. Debian 12's GLib is 2.74, so these are
  // Debian 13 (trixie) names (its glib2.0 2.84 builds libgirepository-2.0-dev, libgirepository-2.0-0
  // and gir1.2-glib-2.0). Fedora: PyGObject's own getting_started.rst (3.52.0) installs
  // gobject-introspection-devel. Alpine: which of glib-dev and gobject-introspection-dev carries
  // girepository-2.0.pc was not checked, so both are listed. No Wolfi names.
  girepository2: set(
    lists(["libgirepository-2.0-dev"], ["libgirepository-2.0-0", "gir1.2-glib-2.0"]),
    lists(["glib-dev", "gobject-introspection-dev"], ["glib", "gobject-introspection"]),
    lists(["gobject-introspection-devel"], ["glib2", "gobject-introspection"]),
  ),
  // cairo plus its GObject glue (cairo-gobject.pc ships in libcairo2-dev; Fedora splits it out).
  cairoGobject: set(
    lists(["libcairo2-dev"], ["libcairo2", "libcairo-gobject2"]),
    lists(["cairo-dev"], ["cairo", "cairo-gobject"]),
    lists(["cairo-devel", "cairo-gobject-devel"], ["cairo", "cairo-gobject"]),
  ),
  yajl: set(lists(["libyajl-dev"], ["libyajl2"]), lists(["yajl-dev"], ["yajl"]), lists(["yajl-devel"], ["yajl"])),
  pcre2: set(lists(["libpcre2-dev"], ["libpcre2-8-0"]), lists(["pcre2-dev"], ["pcre2"]), lists(["pcre2-devel"], ["pcre2"]), lists(["pcre2-dev"], ["pcre2"])),
  pcre: set(lists(["libpcre3-dev"], ["libpcre3"]), lists(["pcre-dev"], ["pcre"]), lists(["pcre-devel"], ["pcre"])),
  dbusGlib: set(
    lists(["libdbus-1-dev", "libglib2.0-dev"], ["libdbus-1-3", "libglib2.0-0"]),
    lists(["dbus-dev", "glib-dev"], ["dbus-libs", "glib"]),
    lists(["dbus-devel", "glib2-devel"], ["dbus-libs", "glib2"]),
    lists(["dbus-dev", "glib-dev"], ["dbus-libs", "glib"]),
  ),
  re2Abseil: set(
    lists(["libre2-dev", "libabsl-dev"], ["libre2-9", "libabsl20220623"]),
    lists(["re2-dev", "abseil-cpp-dev"], ["re2", "abseil-cpp"]),
    lists(["re2-devel", "abseil-cpp-devel"], ["re2", "abseil-cpp"]),
    lists(["re2-dev", "abseil-cpp-dev"], ["re2", "abseil-cpp"]),
  ),
  // Debian main has no libarrow-dev (Apache's own apt repository does).
  arrow: set(lists([]), lists(["apache-arrow-dev"], ["apache-arrow"]), lists(["libarrow-devel"], ["libarrow"]), lists(["apache-arrow-dev"], ["apache-arrow"])),
  // Loaded through ctypes/cffi: no headers, only the shared library at run time.
  libsndfileRuntime: set(lists([], ["libsndfile1"]), lists([], ["libsndfile"]), lists([], ["libsndfile"]), lists([], ["libsndfile"])),
  libspatialindexRuntime: set(lists([], ["libspatialindex-c6"]), lists([], ["libspatialindex"]), lists([], ["spatialindex"]), lists([], ["libspatialindex"])),
  libpqRuntime: set(lists([], ["libpq5"]), lists([], ["libpq"]), lists([], ["libpq"]), lists([], ["libpq-18"])),
  geosRuntime: set(lists([], ["libgeos-c1v5"]), lists([], ["geos"]), lists([], ["geos"]), lists([], ["geos-3.14"])),
  // No Wolfi names were gathered for these; rows using them have no wolfi lists.
  snappy: set(lists(["libsnappy-dev"], ["libsnappy1v5"]), lists(["snappy-dev"], ["snappy"]), lists(["snappy-devel"], ["snappy"])),
  freetype: set(lists(["libfreetype-dev"], ["libfreetype6"]), lists(["freetype-dev"], ["freetype"]), lists(["freetype-devel"], ["freetype"])),
  lcms2: set(lists(["liblcms2-dev"], ["liblcms2-2"]), lists(["lcms2-dev"], ["lcms2"]), lists(["lcms2-devel"], ["lcms2"])),
  libwebp: set(lists(["libwebp-dev"], ["libwebp7", "libwebpmux3", "libwebpdemux2"]), lists(["libwebp-dev"], ["libwebp"]), lists(["libwebp-devel"], ["libwebp"])),
  libtiff: set(lists(["libtiff-dev"], ["libtiff6"]), lists(["tiff-dev"], ["tiff"]), lists(["libtiff-devel"], ["libtiff"])),
  openjpeg: set(lists(["libopenjp2-7-dev"], ["libopenjp2-7"]), lists(["openjpeg-dev"], ["openjpeg"]), lists(["openjpeg2-devel"], ["openjpeg2"])),
  libsodium: set(lists(["libsodium-dev"], ["libsodium23"]), lists(["libsodium-dev"], ["libsodium"]), lists(["libsodium-devel"], ["libsodium"])),
  libev: set(lists(["libev-dev"], ["libev4"]), lists(["libev-dev"], ["libev"]), lists(["libev-devel"], ["libev"])),
  libzmq: set(lists(["libzmq3-dev"], ["libzmq5"]), lists(["zeromq-dev"], ["libzmq"]), lists(["zeromq-devel"], ["zeromq"])),
} as const;

// Append without repeats, keeping the first position (build-base from C and C++ appears once).
function union(parts: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    for (const name of part) {
      if (seen.has(name)) continue;
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

function sum(parts: readonly OsPackages[]): OsPackages {
  return { build: union(parts.map((p) => p.build)), runtime: union(parts.map((p) => p.runtime)) };
}

/** The pieces added up. Wolfi lists are kept only when every piece has Wolfi names. */
export function osPackages(...parts: readonly OsPackageSet[]): OsPackageSet {
  const wolfi = parts.map((p) => p.wolfi);
  const all = set(sum(parts.map((p) => p.apt)), sum(parts.map((p) => p.apk)), sum(parts.map((p) => p.dnf)));
  return wolfi.every((w): w is OsPackages => w !== undefined) ? { ...all, wolfi: sum(wolfi) } : all;
}

/** Project-specific names that no shared piece covers. */
export function custom(apt: OsPackages, apk: OsPackages, dnf: OsPackages, wolfi?: OsPackages): OsPackageSet {
  return set(apt, apk, dnf, wolfi);
}

export { lists };
