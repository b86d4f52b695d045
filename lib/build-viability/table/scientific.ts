/**
 * The numpy stack: numpy, scipy, pandas, numba, pyarrow, and smaller compiled dependencies of it.
 */
import type { ProjectViability } from "../types";
import { floor, wheelsFrom } from "./evidence";
import { atTag, github } from "./sources";

const NUMPY_DISTUTILS = "numpy.distutils is gone on Python 3.12: numpy's own build used it until 1.26.0 switched to Meson.";

export const SCIENTIFIC: readonly ProjectViability[] = [
  {
    name: "numpy",
    python: [
      wheelsFrom("numpy", "3.9", "1.19.3"),
      wheelsFrom("numpy", "3.10", "1.21.2"),
      wheelsFrom("numpy", "3.11", "1.23.2"),
      floor("3.12", "1.26.0", "distutils-removed", "reported", "high", [
        "https://numpy.org/doc/stable/release/1.26.0-notes.html",
        github("numpy/numpy.org", "issues", 642),
        github("numpy/numpy", "issues", 24318),
        github("mit-ll/MaDDG", "issues", 1),
      ], { note: `${NUMPY_DISTUTILS} pip fails in "Getting requirements to build wheel" with ModuleNotFoundError: No module named 'distutils'.` }),
      floor("3.13", "2.1.0", "unspecified", "inferred", "medium", ["https://numpy.org/doc/stable/release/2.1.0-notes.html"], {
        note: "2.1.0 is the first release that declares Python 3.13 support; whether 1.26.x/2.0.x sdists fail to compile on 3.13 is not recorded here.",
      }),
      floor("3.14", "2.3.2", "unspecified", "inferred", "medium", ["https://github.com/numpy/numpy/releases/tag/v2.3.2"], {
        note: '2.3.2: "Wheels for Python 3.14.0rc1"; whether 2.3.0/2.3.1 sdists fail on 3.14 is not recorded.',
      }),
    ],
    breakages: [],
  },
  {
    name: "scipy",
    python: [
      wheelsFrom("scipy", "3.9", "1.5.4"),
      wheelsFrom("scipy", "3.10", "1.7.2"),
      wheelsFrom("scipy", "3.11", "1.9.2"),
      floor("3.12", "1.11.2", "distutils-removed", "reported", "medium", [
        "https://docs.scipy.org/doc/scipy/release/1.9.0-notes.html",
        "https://numpy.org/doc/stable/release/1.26.0-notes.html",
        "https://pypi.org/project/scipy/1.11.2/#files",
      ], {
        certainBelow: "1.9",
        note: "scipy < 1.9 builds with numpy.distutils, which does not exist on 3.12. 1.9–1.11.1 build with Meson; they are not judged (1.11.2 is the first with cp312 wheels).",
      }),
    ],
    breakages: [],
  },
  {
    name: "pandas",
    python: [
      floor("3.12", "2.1.1", "unspecified", "reported", "medium", ["https://pandas.pydata.org/docs/whatsnew/v2.1.1.html", github("BioDataFuse/pyBiodatafuse", "issues", 278), github("x-tabdeveloping/topicwizard", "issues", 37)], {
        certainBelow: "2.1",
        note: "pandas 2.0.3 fails to build from source on 3.12 (reports); 2.1.1 is the first release with Python 3.12 wheels, 2.1.0 is not judged.",
      }),
      floor("3.13", "2.2.3", "unspecified", "reported", "medium", ["https://pandas.pydata.org/docs/whatsnew/v2.2.3.html", github("Tomasinjo/RevolVer", "issues", 17)], {
        note: "2.2.2 fails to install on 3.13 (report); 2.2.3 is the first release compatible with Python 3.13 (its whatsnew).",
      }),
      floor("3.14", "2.3.3", "unspecified", "inferred", "medium", ["https://github.com/pandas-dev/pandas/pull/62415", "https://github.com/pandas-dev/pandas/releases/tag/v2.3.3"], {
        note: '2.3.3 "is the first release to support Python 3.14".',
      }),
    ],
    breakages: [
      {
        kind: "build-requirement-broken",
        versions: ">=1.0,<1.1",
        requirement: "cython",
        broken: ">=3",
        constraint: "Cython<3",
        fixedIn: "1.1.0",
        failure: "inferred",
        confidence: "medium",
        sources: ["https://github.com/pandas-dev/pandas/pull/35396", "https://github.com/pandas-dev/pandas/issues/34213", "https://github.com/pandas-dev/pandas/issues/34014"],
        note: "pandas 1.1.0 added an upper Cython pin because pandas did not build with Cython 3; 1.0.x's pyproject.toml has none. Older releases with a pyproject.toml are probably affected too (check which ship pre-generated C).",
      },
      {
        kind: "build-requirement-broken",
        versions: ">=2.0,<2.1",
        requirement: "setuptools",
        broken: ">=82",
        constraint: "setuptools<82",
        fixedIn: "2.1.0",
        failure: "reported",
        confidence: "medium",
        sources: [github("pytorch/pytorch", "pull", 174634)],
        note: 'pandas 2.0.3\'s setuptools build fails in "Getting requirements to build wheel" since setuptools 82 (reported on 3.12); 2.1.0 builds with meson-python instead. 1.x releases build with setuptools too and are probably affected (check).',
      },
    ],
  },
  {
    name: "numba",
    python: [
      wheelsFrom("numba", "3.9", "0.53.0"),
      wheelsFrom("numba", "3.10", "0.55.0"),
      floor("3.11", "0.57.0", "build-script-refuses", "reported", "high", [atTag("numba/numba", "0.57.0", "setup.py"), "https://pypi.org/project/numba/0.57.0/#files"], {
        note: 'setup.py raises "Cannot install on Python version 3.11.x; only versions >=3.7,<3.11 are supported" before 0.57.0.',
      }),
      floor("3.12", "0.59.0", "build-script-refuses", "reported", "medium", [atTag("numba/numba", "0.59.0", "setup.py")], {
        note: "setup.py refuses Pythons above its max_python_version; 0.59.0 is the first release whose range admits 3.12.",
      }),
      floor("3.13", "0.61.0", "build-script-refuses", "reported", "medium", [atTag("numba/numba", "0.61.0", "setup.py")], {
        note: 'Reported as "Cannot install on Python version 3.13.x; only versions >=3.9,<3.13 are supported" with numba 0.60; 0.61.0 admits 3.13.',
      }),
    ],
    breakages: [],
  },
  {
    name: "kiwisolver",
    python: [
      wheelsFrom("kiwisolver", "3.9", "1.3.0"),
      wheelsFrom("kiwisolver", "3.10", "1.3.2"),
      wheelsFrom("kiwisolver", "3.11", "1.4.4"),
      wheelsFrom("kiwisolver", "3.12", "1.4.5"),
    ],
    breakages: [],
  },
  {
    name: "shapely",
    python: [wheelsFrom("shapely", "3.9", "1.7.1"), wheelsFrom("shapely", "3.10", "1.8.0"), wheelsFrom("shapely", "3.11", "1.8.5")],
    breakages: [],
  },
  {
    name: "pyarrow",
    python: [],
    breakages: [
      {
        kind: "library-missing",
        versions: "",
        library: "Arrow C++",
        missingOn: ["debian", "ubuntu", "rhel"],
        failure: "reported",
        confidence: "medium",
        sources: ["https://arrow.apache.org/docs/developers/python.html", "https://arrow.apache.org/install/"],
        note: "The pyarrow sdist builds against an installed Arrow C++ of the same version (CMake finds ArrowConfig.cmake). Debian, Ubuntu and RHEL do not package it; Apache's own apt/dnf repositories (apache-arrow-apt-source) do. Alpine's community apache-arrow rarely matches the pyarrow release.",
      },
    ],
  },
  {
    name: "scikit-learn",
    python: [],
    breakages: [
      {
        kind: "build-requirement-broken",
        versions: ">=0.24,<0.25",
        requirement: "cython",
        broken: ">=3",
        constraint: "Cython<3",
        fixedIn: null,
        failure: "reported",
        confidence: "high",
        sources: [github("scikit-learn/scikit-learn", "issues", 26850)],
        note: "0.24.x's pyproject.toml sets a Cython minimum and no maximum; Cython 3 rejects its .pyx (noexcept function-pointer types). Later releases up to 1.2 likely share the open pin (check).",
      },
    ],
  },
];
