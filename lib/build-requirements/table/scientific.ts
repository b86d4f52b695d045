/**
 * The numeric stack: projects whose build requirements include numpy (so an sdist build can
 * compile numpy again, inside the isolated environment) or scipy.
 */
import { BACKEND } from "../backends";
import type { PackageBuildSystems } from "../types";
import { atTag, cite, readAt, spack, sysdeps } from "./sources";

// numpy.distutils era: numpy pinned an old setuptools (numpy.distutils broke with newer ones)
// and kept Cython below 3. No build-backend key, so pip used setuptools' __legacy__ backend.
export const NUMPY: PackageBuildSystems = {
  name: "numpy",
  eras: [
    {
      versions: ">=1.19,<1.20",
      requires: ["setuptools", "wheel", "Cython>=0.29.21"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("numpy/numpy", "v1.19.5"), spack("py_numpy")),
      note: "From memory: no upper bound on Cython, so today's pip would bring Cython 3, which numpy 1.19 does not build with.",
    },
    {
      versions: ">=1.20,<1.21.2",
      requires: ["setuptools<49.2.0", "wheel==0.36.2", "Cython>=0.29.21,<3.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("numpy/numpy", "v1.20.3"), spack("py_numpy")),
      note: "Pins from memory; the Cython floor agrees with Spack. A macOS-arm64-only packaging pin is left out.",
    },
    {
      versions: ">=1.21.2,<1.22",
      requires: ["setuptools<49.2.0", "wheel==0.36.2", "Cython>=0.29.24,<3.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("numpy/numpy", "v1.21.6"), spack("py_numpy")),
      note:
        "numpy 1.21.6 is what oldest-supported-numpy pins for Python 3.10, so this row decides the second numpy " +
        "build under pandas < 2.1 on Alpine. setuptools/wheel pins from memory; the Cython floor (Python 3.10 support) agrees with Spack.",
    },
    {
      versions: ">=1.22,<1.22.4",
      requires: ["setuptools==59.2.0", "wheel==0.37.0", "Cython>=0.29.24,<3.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("numpy/numpy", "v1.22.3"), spack("py_numpy")),
    },
    {
      versions: ">=1.22.4,<1.24",
      requires: ["setuptools==59.2.0", "wheel==0.37.0", "Cython>=0.29.30,<3.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(
        atTag("numpy/numpy", "v1.23.5"),
        spack("py_numpy"),
        "numpy 1.23's own test requirements pin the same three (setuptools==59.2.0, wheel==0.37.0, cython>=0.29.30,<3.0)",
      ),
    },
    {
      versions: ">=1.24,<1.25",
      requires: ["setuptools==59.2.0", "wheel==0.38.1", "Cython>=0.29.30,<3.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("numpy/numpy", "v1.24.4"), spack("py_numpy")),
      note: "wheel moved to 0.38.1 around 1.24 (a 1.24.x build script pins the same); may be 0.37.0 in 1.24.0.",
    },
    {
      versions: ">=1.25,<1.26",
      requires: ["setuptools==59.2.0", "wheel==0.38.1", "Cython>=0.29.34,<3.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "high",
      source: cite(
        "https://github.com/numpy/numpy/pull/24308 (pyproject.toml diff: the 1.25 requires and the commented-out build-backend being replaced for 1.26)",
        spack("py_numpy"),
      ),
    },
    {
      // 1.26.0–1.26.3 vendored meson-python and pointed backend-path at it; its dependencies are listed instead.
      versions: ">=1.26,<1.26.4",
      requires: [
        "Cython>=0.29.34,<3.1",
        "pyproject-metadata>=0.7.1",
        'tomli>=1.0.0; python_version < "3.11"',
        'setuptools>=60.0; python_version >= "3.12"',
      ],
      backend: "mesonpy (vendored: backend-path vendored-meson/meson-python)",
      family: "meson-python",
      confidence: "high",
      source: cite(readAt("numpy/numpy", "0035b44c4276c0b72e56e52a4cf7a7048f487b70", "pyproject.toml", "1.26.2"), spack("py_numpy"), sysdeps("numpy")),
      note: "meson and meson-python are vendored in the sdist, so they are not installed; a Windows-only colorama line is left out.",
    },
    {
      versions: ">=1.26.4,<2",
      requires: ["meson-python>=0.15.0,<0.16.0", "Cython>=0.29.34,<3.1"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(spack("py_numpy"), "https://github.com/numpy/numpy/pull/26301 (1.26.x had an upper bound on meson-python)"),
      note: "1.26.4 un-vendored meson-python; the exact upper bound is inferred from numpy#26301.",
    },
    {
      versions: ">=2.0,<2.4",
      requires: ["meson-python>=0.15.0", "Cython>=3.0.6"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "high",
      source: cite(readAt("numpy/numpy", "09a707fd8ed24b5f83ca2a88b963749e2568529f", "pyproject.toml", "2.3.0.dev0"), spack("py_numpy"), sysdeps("numpy")),
      note: "meson itself stays vendored (tool.meson-python.meson), so only meson-python and Cython are installed.",
    },
    {
      versions: ">=2.4",
      requires: ["meson-python>=0.18.0", "Cython>=3.0.6"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(spack("py_numpy"), sysdeps("numpy")),
      note: "The meson-python floor is Spack's for 2.4; the Cython floor is carried over from 2.3.",
    },
  ],
};

// pandas built against the oldest numpy each Python supports (oldest-supported-numpy) until 2.2,
// which builds against numpy 2 (whose C API is backward compatible) or a recent 1.x.
export const PANDAS: PackageBuildSystems = {
  name: "pandas",
  eras: [
    {
      versions: ">=1.3,<1.4",
      requires: ["setuptools>=38.6.0", "wheel", "Cython>=0.29.21,<3", "oldest-supported-numpy"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("pandas-dev/pandas", "v1.3.5"), spack("py_pandas"), "https://github.com/pandas-dev/pandas/issues/40307"),
      note:
        "1.3.x may still list numpy pins per Python version (copied from oldest-supported-numpy) instead of the " +
        "meta-package; modelled as oldest-supported-numpy, which installs the same numpy.",
    },
    {
      versions: ">=1.4,<1.5",
      requires: ["setuptools>=51.0.0", "wheel", "Cython>=0.29.24,<3", "oldest-supported-numpy>=0.10"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("pandas-dev/pandas", "v1.4.4"), spack("py_pandas")),
      note: "The Cython floor rose within 1.4 (0.29.30 in 1.4.3, 0.29.32 in 1.4.4).",
    },
    {
      versions: ">=1.5,<2.0",
      requires: ["setuptools>=51.0.0", "wheel", "Cython>=0.29.32,<3", "oldest-supported-numpy>=2022.8.16"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("pandas-dev/pandas", "v1.5.3"), spack("py_pandas"), sysdeps("pandas")),
      note: "The build-backend line is commented out (versioneer), so pip uses setuptools' __legacy__ backend.",
    },
    {
      versions: ">=2.0,<2.1",
      requires: ["setuptools>=61.0.0", "wheel", "Cython>=0.29.33,<3", "oldest-supported-numpy>=2022.8.16", "versioneer[toml]"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("pandas-dev/pandas", "v2.0.3"), spack("py_pandas")),
    },
    {
      versions: ">=2.1,<2.1.1",
      requires: ["meson-python==0.13.1", "meson==1.0.1", "wheel", "Cython>=0.29.33,<3", "oldest-supported-numpy>=2022.8.16", "versioneer[toml]"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("pandas-dev/pandas", "v2.1.0"), spack("py_pandas")),
      note: "First meson-python release; still builds against oldest-supported-numpy (2.1.0 had no Python 3.12 wheels).",
    },
    {
      versions: ">=2.1.1,<2.2",
      requires: [
        "meson-python==0.13.1",
        "meson==1.2.1",
        "wheel",
        "Cython>=0.29.33,<3",
        "oldest-supported-numpy>=2022.8.16; python_version<'3.12'",
        "numpy>=1.26.0,<2; python_version>='3.12'",
        "versioneer[toml]",
      ],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("pandas-dev/pandas", "v2.1.4"), spack("py_pandas")),
    },
    {
      versions: ">=2.2,<2.2.2",
      requires: [
        "meson-python==0.13.1",
        "meson==1.2.1",
        "wheel",
        "Cython==3.0.5",
        "numpy>=1.22.4,<2; python_version<'3.12'",
        "numpy>=1.26.0,<2; python_version>='3.12'",
        "versioneer[toml]",
      ],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("pandas-dev/pandas", "v2.2.1"), spack("py_pandas")),
      note: "numpy is no longer pinned to the oldest release per Python, so pip takes the newest numpy 1.x that has a wheel.",
    },
    {
      versions: ">=2.2.2,<2.2.3",
      requires: ["meson-python==0.13.1", "meson==1.2.1", "wheel", "Cython==3.0.5", "numpy>=2.0.0rc1", "versioneer[toml]"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("pandas-dev/pandas", "v2.2.2"), spack("py_pandas")),
      note: "2.2.2 builds against numpy 2 for numpy-2 compatibility. \"numpy>=2.0.0rc1\" names a pre-release, so pip also takes a numpy pre-release when it is the newest.",
    },
    {
      versions: ">=2.2.3,<2.3",
      requires: ["meson-python==0.13.1", "meson==1.2.1", "wheel", "Cython~=3.0.5", "numpy>=2.0", "versioneer[toml]"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "low",
      source: cite(atTag("pandas-dev/pandas", "v2.2.3"), spack("py_pandas")),
      note: "Cython relaxed to ~=3.0.5 for Python 3.13 (from memory).",
    },
    {
      versions: ">=2.3,<3.0",
      requires: ["meson-python>=0.13.1", "meson>=1.2.1,<2", "wheel", "Cython<4.0.0a0", "numpy>=2.0", "versioneer[toml]"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("pandas-dev/pandas", "v2.3.3"), "https://github.com/pandas-dev/pandas/pull/60089 (meson pins relaxed)", spack("py_pandas")),
      note: "\"Cython<4.0.0a0\" names a pre-release, which lets pip pick Cython pre-releases (pandas later changed it to \"<4\").",
    },
    {
      versions: ">=3.0",
      requires: ["meson-python>=0.19.0,<1", "meson>=1.2.3,<2", "wheel", "Cython>3.1.0,<4", "numpy>=2.0.0,!=2.5.0", "versioneer[toml]"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(readAt("pandas-dev/pandas", "0027f3d6121489a1acaf7fa46e9e602f0cd6138d", "pyproject.toml", "3.x development"), spack("py_pandas"), sysdeps("pandas")),
      note: "Read at a 3.x development commit; 3.0.0–3.0.1 had looser floors and \"Cython<4.0.0a0\".",
    },
  ],
};

// scipy lists the oldest supported numpy per Python explicitly until 1.13 (synced from
// oldest-supported-numpy); those rows use the meta-package, which installs the same numpy.
const SCIPY_PINS_NOTE =
  "scipy lists numpy pins per Python version explicitly (synced from oldest-supported-numpy); modelled as " +
  "oldest-supported-numpy, which installs the same numpy. Upper bounds on the pure-Python tools are left out.";

export const SCIPY: PackageBuildSystems = {
  name: "scipy",
  eras: [
    {
      versions: ">=1.7,<1.9",
      requires: ["wheel<0.38.0", "setuptools<60.0.0", "Cython>=0.29.18,<3.0", "pybind11>=2.4.3", "pythran>=0.9.12", "oldest-supported-numpy"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("scipy/scipy", "v1.8.1"), spack("py_scipy")),
      note: SCIPY_PINS_NOTE,
    },
    {
      versions: ">=1.9,<1.12",
      requires: ["meson-python>=0.8.1", "Cython>=0.29.21,<3.0", "pybind11>=2.4.3", "pythran>=0.9.12", "wheel<0.39.0", "oldest-supported-numpy"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "low",
      source: cite(atTag("scipy/scipy", "v1.11.4"), spack("py_scipy")),
      note: SCIPY_PINS_NOTE,
    },
    {
      versions: ">=1.12,<1.13",
      requires: [
        "meson-python>=0.15.0",
        "Cython>=0.29.35",
        "pybind11>=2.10.4",
        "pythran>=0.15.0",
        "numpy==1.22.4; python_version<='3.10' and platform_python_implementation != 'PyPy'",
        "numpy==1.23.2; python_version=='3.11' and platform_python_implementation != 'PyPy'",
        "numpy>=1.26.0,<1.27; python_version=='3.12'",
        "numpy; python_version>='3.13'",
      ],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "low",
      source: cite(atTag("scipy/scipy", "v1.12.0"), spack("py_scipy")),
      note: "numpy pins from memory (the oldest numpy per Python, plus an unpinned numpy for Pythons not yet supported).",
    },
    {
      versions: ">=1.13",
      requires: ["meson-python>=0.15.0", "Cython>=3.0.8", "pybind11>=2.12.0", "pythran>=0.14.0", "numpy>=2.0.0"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("scipy/scipy", "v1.14.1"), spack("py_scipy"), sysdeps("scipy")),
      note: "1.13 used numpy>=2.0.0rc1; newer releases raise the floors (pybind11>=2.13.2 from 1.15).",
    },
  ],
};

// scikit-learn's build needs scipy too: on a platform without scipy wheels, the sdist build
// compiles scipy (Fortran, OpenBLAS) inside the isolated environment first.
export const SCIKIT_LEARN: PackageBuildSystems = {
  name: "scikit-learn",
  eras: [
    {
      versions: ">=1.0.2,<1.3",
      requires: ["setuptools<60.0", "wheel", "Cython>=0.29.24", "oldest-supported-numpy", "scipy>=1.3.2"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("scikit-learn/scikit-learn", "1.2.2"), spack("py_scikit_learn")),
      note: "From memory and Spack; whether Cython had an upper bound here is not known.",
    },
    {
      versions: ">=1.3,<1.4",
      requires: ["setuptools", "wheel", "Cython>=0.29.33,<3.0", "oldest-supported-numpy", "scipy>=1.5.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("scikit-learn/scikit-learn", "1.3.2"), spack("py_scikit_learn")),
    },
    {
      versions: ">=1.4,<1.4.2",
      requires: ["setuptools", "wheel", "Cython>=0.29.33", "oldest-supported-numpy", "scipy>=1.6.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("scikit-learn/scikit-learn", "1.4.0"), spack("py_scikit_learn")),
    },
    {
      versions: ">=1.4.2,<1.5",
      requires: ["setuptools", "wheel", "Cython>=3.0.8", "numpy>=2.0.0rc1", "scipy>=1.6.0"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: cite(atTag("scikit-learn/scikit-learn", "1.4.2"), spack("py_scikit_learn")),
      note: "1.4.2 added numpy 2 support by building against numpy 2.",
    },
    {
      versions: ">=1.5,<1.8",
      requires: ["meson-python>=0.16.0", "Cython>=3.0.10", "numpy>=2.0.0", "scipy>=1.6.0"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("scikit-learn/scikit-learn", "1.6.1"), spack("py_scikit_learn")),
    },
    {
      versions: ">=1.8",
      requires: ["meson-python>=0.17.1", "Cython>=3.1.2", "numpy>=2", "scipy>=1.10"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "high",
      source: cite(sysdeps("scikit-learn"), spack("py_scikit_learn")),
    },
  ],
};

export const MATPLOTLIB: PackageBuildSystems = {
  name: "matplotlib",
  eras: [
    {
      versions: ">=3.7,<3.8",
      requires: ["certifi>=2020.06.20", "oldest-supported-numpy", "pybind11>=2.6", "setuptools>=42", "setuptools_scm>=7"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("matplotlib/matplotlib", "v3.7.5"),
      note: "From memory. The sdist downloads FreeType and Qhull during the build unless told to use the system's.",
    },
    {
      versions: ">=3.8,<3.9",
      requires: ["certifi>=2020.06.20", "numpy>=1.25", "pybind11>=2.6", "setuptools>=64", "setuptools_scm>=7"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("matplotlib/matplotlib", "v3.8.4"),
      note: "From memory: builds against numpy >= 1.25 (backward-compatible C API) instead of the oldest numpy.",
    },
    {
      versions: ">=3.9",
      requires: ["meson-python>=0.13.1", "numpy>=2.0.0rc1", "pybind11>=2.6,!=2.13.3", "setuptools_scm>=7"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("matplotlib/matplotlib", "v3.9.4"), sysdeps("matplotlib")),
      note: "Floors rise in later releases (pybind11>=2.13 per sysdeps).",
    },
  ],
};

export const CONTOURPY: PackageBuildSystems = {
  name: "contourpy",
  eras: [
    {
      versions: ">=1.0,<1.1",
      requires: ["pybind11>=2.6", "setuptools>=42"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "low",
      source: atTag("contourpy/contourpy", "v1.0.7"),
    },
    {
      versions: ">=1.1",
      requires: ["meson-python>=0.13.1", "pybind11>=2.10.4"],
      backend: BACKEND.mesonpy,
      family: "meson-python",
      confidence: "medium",
      source: cite(atTag("contourpy/contourpy", "v1.1.0"), sysdeps("contourpy")),
      note: "C++ (pybind11) only, no numpy at build time. Current releases ask meson-python>=0.18 and pybind11>=2.13.2,!=2.13.3.",
    },
  ],
};

export const KIWISOLVER: PackageBuildSystems = {
  name: "kiwisolver",
  eras: [
    {
      versions: ">=1.4",
      requires: ["setuptools>=61.2", "setuptools_scm[toml]>=3.4.3", "cppy>=1.2.0"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("nucleic/kiwi", "1.4.5"), sysdeps("kiwisolver")),
      note: "The cppy floor is 1.3.0 in current releases.",
    },
  ],
};

// pyarrow's sdist only holds the bindings: Arrow C++ of the same version must already be installed.
export const PYARROW: PackageBuildSystems = {
  name: "pyarrow",
  eras: [
    {
      versions: ">=10,<16",
      requires: ["cython>=0.29.31,<3", "oldest-supported-numpy>=0.14", "setuptools_scm<8.0.0", "setuptools>=40.1.0", "wheel"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: atTag("apache/arrow", "apache-arrow-12.0.1", "python/pyproject.toml"),
      note: "From memory; releases 13–15 may differ (Cython 3 support). The build also needs libarrow (Arrow C++) installed.",
    },
    {
      versions: ">=16,<24",
      requires: ["cython>=0.29.31", "numpy>=1.25", "setuptools_scm", "setuptools>=64"],
      backend: BACKEND.setuptoolsLegacy,
      family: "setuptools",
      confidence: "low",
      source: atTag("apache/arrow", "apache-arrow-17.0.0", "python/pyproject.toml"),
      note: "From memory: builds against numpy >= 1.25 for numpy 2 compatibility. The build also needs libarrow installed.",
    },
    {
      versions: ">=24",
      requires: ["scikit-build-core>=1.0", "cython>=3.1", "numpy>=2.0"],
      backend: "in-tree wrapper over scikit_build_core.build",
      family: "scikit-build-core",
      confidence: "medium",
      source: cite(
        sysdeps("pyarrow"),
        "https://github.com/apache/arrow/pull/49259 (scikit-build-core replaces setup.py)",
        "https://github.com/scikit-build/scikit-build-core/pull/1266 (\"PyArrow 24.0.0 ... migrated from setuptools to scikit-build-core\")",
      ),
      note: "Requirements as on Arrow main (sysdeps); the build also needs libarrow (Arrow C++) of the same version.",
    },
  ],
};

export const SCIENTIFIC: readonly PackageBuildSystems[] = [
  NUMPY,
  PANDAS,
  SCIPY,
  SCIKIT_LEARN,
  MATPLOTLIB,
  CONTOURPY,
  KIWISOLVER,
  PYARROW,
];
