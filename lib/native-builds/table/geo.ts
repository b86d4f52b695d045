/**
 * Geospatial bindings: GEOS, PROJ and GDAL. The C libraries must be new enough for the release
 * being built, which Debian stable often is not; where that is the case the note says so.
 */
import { LIB, TOOL } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project, pure } from "./compose";
import { atTag, readAt } from "./sources";

export const SHAPELY: PackageNativeBuilds = project(
  "shapely",
  pure("<2", {
    backend: "setuptools",
    runtime: LIB.geosRuntime,
    confidence: "medium",
    sources: [atTag("shapely/shapely", "1.8.5", "setup.py")],
    note: "1.x loads libgeos_c through ctypes (its speed-ups were optional): nothing to compile, but GEOS must be in the final image.",
  }),
  {
    versions: ">=2",
    kind: "native",
    toolchains: ["c"],
    cython: true,
    backend: "setuptools + Cython",
    tools: ["geos-config"],
    os: compiled(["c"], LIB.geos),
    env: [{ name: "GEOS_CONFIG", value: "/path/to/geos-config", effect: "Which geos-config to ask for flags." }],
    confidence: "high",
    sources: [readAt("shapely/shapely", "330e9d331f539f5a13b7348287d0b1916daf375e", "setup.py")],
    note: "Current releases need GEOS ≥ 3.10 (Debian 12 has 3.11).",
  },
);

export const PYPROJ: PackageNativeBuilds = project("pyproj", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools + Cython",
  tools: ["proj"],
  os: compiled(["c"], LIB.proj),
  env: [{ name: "PROJ_DIR", value: "/usr", effect: "PROJ's prefix, when the proj program is not on PATH." }],
  confidence: "high",
  sources: [readAt("pyproj4/pyproj", "a11a0f3b863d05c9b7705fc1832be38f45ed52da", "setup.py")],
  note: "Current pyproj needs PROJ ≥ 9.4 while Debian 12 ships 9.1, so only older pyproj releases build there. proj-data stays at run time.",
});

function gdalBinding(name: string, source: string, note: string, confidence: "high" | "medium" = "high"): PackageNativeBuilds {
  return project(name, {
    versions: "",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "setuptools + Cython",
    tools: ["gdal-config"],
    os: compiled(["c", "cxx"], LIB.gdal),
    env: [{ name: "GDAL_CONFIG", value: "/path/to/gdal-config", effect: "Which gdal-config to ask for flags." }],
    confidence,
    sources: [source],
    note,
  });
}

export const FIONA = gdalBinding("fiona", "https://fiona.readthedocs.io/en/stable/install.html", "Links GDAL (C++ ABI); recent Fiona needs GDAL ≥ 3.4. GDAL and its dependencies add hundreds of MB to the final image.", "medium");
export const RASTERIO = gdalBinding("rasterio", readAt("rasterio/rasterio", "9709d1fce53b8c11ace1741ef25cfe427b197fb8", "setup.py"), "Current rasterio needs GDAL ≥ 3.8 while Debian 12 ships 3.6: only older releases build there.");
export const PYOGRIO = gdalBinding("pyogrio", readAt("geopandas/pyogrio", "d5ce9ca03d15e4477b91fa4aee3732d256692f32", "setup.py"), "No musllinux wheels, so Alpine always compiles it.");

export const RTREE: PackageNativeBuilds = project(
  "Rtree",
  pure("", {
    backend: "setuptools",
    runtime: LIB.libspatialindexRuntime,
    confidence: "medium",
    sources: ["https://rtree.readthedocs.io/en/latest/install.html"],
    note: "ctypes bindings: wheels bundle libspatialindex, an sdist install needs it in the final image.",
  }),
);

export const H3: PackageNativeBuilds = project("h3", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "scikit-build-core",
  tools: ["cmake"],
  os: compiled(["c"], TOOL.cmake),
  confidence: "high",
  sources: [readAt("uber/h3-py", "af962c0ab49562278f24970bc96290d25583d7c2", "pyproject.toml")],
  note: "Bundles the H3 C library.",
});
