/**
 * The scientific Python stack: NumPy and what builds against it (SciPy, pandas, scikit-learn,
 * matplotlib …), machine learning and NLP extensions. These are the slow compiles behind "my Alpine
 * build takes 30 minutes"; several also pull others into their isolated builds.
 */
import { LIB, TOOL, TOOLCHAIN } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project, selfContained } from "./compose";
import { atTag, externalDeps, readAt } from "./sources";

const OPENBLAS_OPTIONAL = [{ code: "openblas", feature: "link OpenBLAS for fast linear algebra (otherwise a slow built-in fallback)", packages: LIB.openblas }];

export const NUMPY: PackageNativeBuilds = project(
  "numpy",
  {
    versions: "<1.26",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "setuptools + numpy.distutils",
    os: compiled(["c", "cxx"]),
    optional: OPENBLAS_OPTIONAL,
    confidence: "high",
    sources: [atTag("numpy/numpy", "v1.24.4", "pyproject.toml"), atTag("numpy/numpy", "v1.24.4", "setup.py")],
    note: "numpy.distutils build; the sort and SIMD dispatch sources are C++ since 1.22. Builds without BLAS (slow linalg) unless OpenBLAS is found. A few minutes on 4 cores; pandas' and scikit-learn's isolated builds compile it again when no wheel matches.",
  },
  {
    versions: ">=1.26",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "meson-python (vendored meson)",
    tools: ["pkg-config"],
    os: compiled(["c", "cxx"], TOOL.pkgConfig),
    optional: OPENBLAS_OPTIONAL,
    confidence: "high",
    sources: [externalDeps("numpy"), readAt("numpy/numpy", "0035b44c4276c0b72e56e52a4cf7a7048f487b70", "pyproject.toml")],
    note: "Meson build (allow-noblas defaults to true: without OpenBLAS linalg is slow). No Fortran compiler needed. 3–4 min in rgommers/external-deps-build CI; compiled again inside other packages' isolated builds when no wheel matches.",
  },
);

export const SCIPY: PackageNativeBuilds = project(
  "scipy",
  {
    versions: "<1.9",
    kind: "native",
    toolchains: ["c", "cxx", "fortran"],
    cython: true,
    backend: "setuptools + numpy.distutils",
    os: compiled(["c", "cxx", "fortran"], LIB.openblas),
    confidence: "medium",
    sources: [atTag("scipy/scipy", "v1.8.1", "pyproject.toml"), "https://docs.scipy.org/doc/scipy-1.8.1/dev/contributor/building.html"],
    note: "BLAS/LAPACK are mandatory (OpenBLAS); Pythran and pybind11 come from PyPI. One of the slowest common compiles (10+ min on 4 cores).",
  },
  {
    versions: ">=1.9",
    kind: "native",
    toolchains: ["c", "cxx", "fortran"],
    cython: true,
    backend: "meson-python",
    tools: ["pkg-config"],
    os: compiled(["c", "cxx", "fortran"], TOOL.pkgConfig, LIB.openblas),
    confidence: "high",
    sources: [externalDeps("scipy"), readAt("scipy/scipy", "001021b7f7df0c45fe8c9932eeb3caaf27b8f5da", "pyproject.toml")],
    note: "BLAS/LAPACK found through pkg-config (OpenBLAS); the final image keeps libopenblas and libgfortran. 12–14 min build step in rgommers/external-deps-build CI.",
  },
);

export const PANDAS: PackageNativeBuilds = project(
  "pandas",
  {
    versions: "<2.1",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "setuptools + oldest-supported-numpy",
    os: compiled(["c", "cxx"]),
    confidence: "high",
    sources: [atTag("pandas-dev/pandas", "v1.5.3", "pyproject.toml"), atTag("pandas-dev/pandas", "v1.5.3", "setup.py")],
    note: "The window aggregations are compiled as C++. The isolated build installs oldest-supported-numpy, which compiles NumPy as well where that old NumPy has no wheel (Alpine).",
  },
  {
    versions: ">=2.1",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "meson-python",
    os: compiled(["c", "cxx"]),
    confidence: "high",
    sources: [externalDeps("pandas"), readAt("pandas-dev/pandas", "0027f3d6121489a1acaf7fa46e9e602f0cd6138d", "pyproject.toml")],
    note: "No external libraries; 4–5 min. The isolated build needs a NumPy ≥ 2 (wheel or compile).",
  },
);

export const SCIKIT_LEARN: PackageNativeBuilds = project(
  "scikit-learn",
  {
    versions: "<1.5",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    openmp: true,
    backend: "setuptools",
    os: compiled(["c", "cxx"], TOOLCHAIN.openmp),
    confidence: "medium",
    sources: [atTag("scikit-learn/scikit-learn", "1.4.2", "pyproject.toml"), externalDeps("scikit-learn")],
    note: "OpenMP through GCC (libgomp stays at run time). The isolated build needs NumPy and SciPy: without their wheels it compiles them too.",
  },
  {
    versions: ">=1.5",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    openmp: true,
    backend: "meson-python",
    os: compiled(["c", "cxx"], TOOLCHAIN.openmp),
    confidence: "high",
    sources: [externalDeps("scikit-learn"), readAt("scikit-learn/scikit-learn", "00b56fe8b3d4924b1ddb00c1f138f048043ec699", "pyproject.toml")],
    note: "OpenMP through GCC (libgomp stays at run time). ~3 min itself; its isolated build needs SciPy, which compiles (Fortran + OpenBLAS) where it has no wheel.",
  },
);

export const MATPLOTLIB: PackageNativeBuilds = project(
  "matplotlib",
  {
    versions: "<3.9",
    kind: "native",
    toolchains: ["c", "cxx"],
    backend: "setuptools + setuptools_scm",
    os: compiled(["c", "cxx"]),
    confidence: "medium",
    sources: [atTag("matplotlib/matplotlib", "v3.8.4", "pyproject.toml"), "https://matplotlib.org/3.8.4/install/dependencies.html"],
    note: "Downloads and builds its pinned FreeType and Qhull during the build (needs network), unless mplsetup.cfg asks for the system copies.",
  },
  {
    versions: ">=3.9",
    kind: "native",
    toolchains: ["c", "cxx"],
    backend: "meson-python",
    tools: ["pkg-config"],
    os: compiled(["c", "cxx"], TOOL.pkgConfig),
    optional: [{ code: "system-freetype", feature: "system FreeType (-Csetup-args=-Dsystem-freetype=true)", packages: LIB.freetype }],
    confidence: "medium",
    sources: [externalDeps("matplotlib"), "https://matplotlib.org/stable/install/dependencies.html"],
    note: "Downloads and builds pinned FreeType and Qhull during the build (needs network) unless told to use the system copies. 1–1.5 min.",
  },
);

export const CONTOURPY: PackageNativeBuilds = project("contourpy", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "meson-python + pybind11",
  os: compiled(["c", "cxx"]),
  confidence: "high",
  sources: [readAt("contourpy/contourpy", "cc418a2c29831fbc8fb35d9b4dac3a5f6523655e", "pyproject.toml")],
  note: "C++ (pybind11) only; a matplotlib dependency.",
});

export const KIWISOLVER: PackageNativeBuilds = project("kiwisolver", {
  versions: "",
  kind: "native",
  toolchains: ["cxx"],
  backend: "setuptools + cppy",
  os: compiled(["cxx"]),
  confidence: "high",
  sources: [externalDeps("kiwisolver"), readAt("nucleic/kiwi", "b24c7e67a2aeeaa8fbb429633f9edfc982b37f85", "pyproject.toml")],
  note: "C++ only; a matplotlib dependency.",
});

export const H5PY: PackageNativeBuilds = project("h5py", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools (in-tree wrapper)",
  tools: ["pkg-config"],
  os: compiled(["c"], TOOL.pkgConfig, LIB.hdf5),
  env: [{ name: "HDF5_DIR", value: "/path/to/hdf5", effect: "Where HDF5 is, when pkg-config does not find it." }],
  confidence: "high",
  sources: [readAt("h5py/h5py", "25a98242cf67db329ad3854cf92a1a4b0a6c4c65", "pyproject.toml")],
  note: "Needs HDF5 ≥ 1.10.7 headers (Debian 12 ships the serial flavour, found as hdf5-serial).",
});

export const NUMEXPR = selfContained("numexpr", [readAt("pydata/numexpr", "a561ee3835fe47e1aa90fd56300d64c3aa8d4509", "pyproject.toml")], "C++ virtual machine; Intel MKL is optional (site.cfg).", ["c", "cxx"]);

export const PYWAVELETS: PackageNativeBuilds = project("PyWavelets", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "meson-python (setuptools before 1.5)",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("PyWavelets/pywt", "bbdf7ebe95f738cfac9b68e4e9c521e87e5a1956", "pyproject.toml")],
});

export const STATSMODELS: PackageNativeBuilds = project("statsmodels", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "meson-python (setuptools in older releases)",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("statsmodels/statsmodels", "82c59e378bdfb5ae324006c477954879ad3e24be", "pyproject.toml")],
  note: "The isolated build needs SciPy; where SciPy has no wheel it is compiled too (Fortran + OpenBLAS).",
});

export const SCIKIT_IMAGE: PackageNativeBuilds = project("scikit-image", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  cython: true,
  backend: "meson-python + pythran",
  os: compiled(["c", "cxx"]),
  confidence: "high",
  sources: [readAt("scikit-image/scikit-image", "cd0a3d22b9f359f05618d75d5c7a29b91b4951ca", "pyproject.toml")],
  note: "Pythran generates C++; no external libraries.",
});

export const NUMBA: PackageNativeBuilds = project("numba", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "setuptools",
  os: compiled(["c", "cxx"]),
  confidence: "high",
  sources: [readAt("numba/numba", "5340f052d01403b12480fa19e596200ee0d0e131", "setup.py")],
  note: "Its own C extensions are small; the hard part is its dependency llvmlite, which needs a matching LLVM.",
});

export const LLVMLITE: PackageNativeBuilds = project("llvmlite", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "setuptools + cmake",
  tools: ["cmake", "llvm-config"],
  os: compiled(["c", "cxx"], TOOL.cmake),
  confidence: "medium",
  sources: [readAt("numba/llvmlite", "79d1ac7f519fbb6513641bf3c4c158a42f584eee", "README.rst"), readAt("numba/llvmlite", "79d1ac7f519fbb6513641bf3c4c158a42f584eee", "docs/source/admin-guide/install.rst")],
  note: "Needs the exact LLVM major its release was made for (0.44 → LLVM 15/16, 0.45–0.47 → 20, ≥ 0.48 → 22); the matching llvm-N-dev is not listed here because it depends on the release. Expect this build to fail on a plain image.",
});

export const PYARROW: PackageNativeBuilds = project("pyarrow", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  cython: true,
  backend: "setuptools + cmake (scikit-build-core on Arrow main)",
  tools: ["cmake", "ninja"],
  os: compiled(["c", "cxx"], TOOL.cmake, TOOL.ninja, LIB.arrow),
  confidence: "medium",
  sources: [externalDeps("pyarrow"), readAt("apache/arrow", "515410b2a14ac766258e00b07eab9e5ee2692a62", "python/pyproject.toml")],
  note: "The sdist holds only the bindings: Arrow C++ of exactly the same version must already be installed. Debian main has no libarrow-dev (Apache's apt repository does), and Alpine packages one version only — in practice, use an image with wheels.",
});

export const XGBOOST: PackageNativeBuilds = project("xgboost", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  openmp: true,
  backend: "hatchling + in-tree packager (cmake)",
  tools: ["cmake"],
  os: compiled(["c", "cxx"], TOOLCHAIN.openmp, TOOL.cmake),
  confidence: "high",
  sources: [readAt("dmlc/xgboost", "379b29f0836b9dbc313b993d8e5743bd452d4117", "python-package/pyproject.toml")],
  note: "Compiles libxgboost with CMake: several minutes and a lot of memory. libgomp stays at run time.",
});

export const LIGHTGBM: PackageNativeBuilds = project("lightgbm", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  openmp: true,
  backend: "scikit-build-core",
  tools: ["cmake"],
  os: compiled(["c", "cxx"], TOOLCHAIN.openmp, TOOL.cmake),
  confidence: "high",
  sources: [readAt("microsoft/LightGBM", "bae0b7ba953341a32b2a9c5c5c437a1b976f576f", "python-package/pyproject.toml")],
  note: "Compiles lib_lightgbm with CMake; libgomp stays at run time.",
});

// The explosion (spaCy) stack: Cython in C++ mode throughout; thinc's and spaCy's isolated builds
// pull the smaller ones, which compile too where they have no wheel.
function explosion(name: string, repo: string, commit: string, toolchains: readonly ("c" | "cxx")[], note: string): PackageNativeBuilds {
  return project(name, {
    versions: "",
    kind: "native",
    toolchains,
    cython: true,
    backend: "setuptools + Cython",
    os: compiled(toolchains),
    confidence: "high",
    sources: [readAt(repo, commit, "pyproject.toml")],
    note,
  });
}

export const BLIS = explosion("blis", "explosion/cython-blis", "e8e2e165438a79b4fd69234bf04b138e9cf628a7", ["c"], "Compiles BLIS kernels for many CPU micro-architectures: slow; BLIS_ARCH=generic avoids per-CPU kernels.");
export const THINC = explosion("thinc", "explosion/thinc", "20eec35566997d5272d083be1f1a0ec9006934ff", ["c", "cxx"], "Its isolated build pulls blis, cymem, preshed and murmurhash.");
export const SPACY = explosion("spacy", "explosion/spaCy", "f69c32f7a033366ec0d49ec94e5a4feb885d5157", ["c", "cxx"], "Many Cython C++ modules plus thinc → blis in the isolated build.");
export const PRESHED = explosion("preshed", "explosion/preshed", "df027f9cdefef2a7188dfad7af1e0a4f37072e65", ["c", "cxx"], "Cython C++.");
export const CYMEM = explosion("cymem", "explosion/cymem", "f4c38489d7bf2cb3e534bd93adf0ae67fa1ffd0b", ["c", "cxx"], "Cython C++.");
export const MURMURHASH = explosion("murmurhash", "explosion/murmurhash", "58831632dab79389a5cee7715fb688ef2297ff78", ["c", "cxx"], "Cython C++.");
export const SRSLY = explosion("srsly", "explosion/srsly", "050951efad45e2347f2b90b52398affcecf86fca", ["c", "cxx"], "Bundles ujson and msgpack C code.");

export const CYTOOLZ: PackageNativeBuilds = project("cytoolz", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("pytoolz/cytoolz", "6bb54f1f57e3ab9979c7984f54856be2c75e3282", "setup.py")],
  note: "No pure fallback (the pure twin is the separate toolz package).",
});

export const SENTENCEPIECE: PackageNativeBuilds = project("sentencepiece", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "setuptools",
  tools: ["cmake", "pkg-config"],
  os: compiled(["c", "cxx"], TOOL.cmake, TOOL.pkgConfig),
  confidence: "high",
  sources: [readAt("google/sentencepiece", "273449044caa593c2fd7eb7550cb3ab2cff93f1a", "python/setup.py")],
  note: "Without an installed sentencepiece library (pkg-config), setup.py builds the bundled C++ library with CMake.",
});

export const DUCKDB: PackageNativeBuilds = project("duckdb", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "scikit-build-core (in-tree duckdb_packaging backend)",
  tools: ["cmake", "ninja"],
  os: compiled(["c", "cxx"], TOOL.cmake, TOOL.ninja),
  confidence: "high",
  sources: [readAt("duckdb/duckdb-python", "6239d169683d93e67a1d522b5d47c4a60e13918f", "pyproject.toml")],
  note: "Compiles the whole DuckDB engine: tens of minutes and several GB of memory.",
});

export const OPENCV_PYTHON: PackageNativeBuilds = project("opencv-python", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "scikit-build (legacy) + cmake",
  tools: ["cmake"],
  os: compiled(["c", "cxx"], TOOL.cmake),
  confidence: "medium",
  sources: [readAt("opencv/opencv-python", "8ad8ec1bae8aad196b3e9117a4b2b47d58547d47", "pyproject.toml")],
  note: "The sdist builds all of OpenCV (typically 30–90+ minutes). There are no musllinux wheels, so Alpine builds it; opencv-python-headless or the distro's OpenCV avoid that.",
});
