/**
 * Hand-written C extensions (psycopg2, cffi, Pillow …) and stub sdists that only fetch a wheel.
 */
import type { PythonFloor, ProjectViability } from "../types";
import { floor, wheelsFrom } from "./evidence";
import { atTag, github } from "./sources";

/** psycopg2's NEWS names the release that adds each Python; older sdists on it are not recorded as failing. */
function psycopg2Floors(project: string): PythonFloor[] {
  const news = (tag: string) => atTag("psycopg/psycopg2", tag, "NEWS");
  return [
    floor("3.11", "2.9.5", "unspecified", "inferred", "medium", [news("2_9_5")], { note: `${project} 2.9.5: "Add support for Python 3.11" (2.9.2 had preliminary support).` }),
    floor("3.12", "2.9.9", "unspecified", "inferred", "medium", [news("2.9.9")], { note: `${project} 2.9.9: "Add support for Python 3.12".` }),
    floor(
      "3.13",
      "2.9.10",
      "private-c-api-removed",
      "reported",
      "high",
      [news("2.9.10"), github("psycopg/psycopg2", "issues", 1692), github("psycopg/psycopg2", "issues", 1734), github("psycopg/psycopg2", "issues", 1780), github("docker-library/python", "issues", 1081)],
      {
        note: `${project} < 2.9.10 calls _PyInterpreterState_Get, which 3.13 renamed to PyInterpreterState_Get. With gcc < 14 (Debian 12) the build completes but import fails with "undefined symbol: _PyInterpreterState_Get"; with gcc 14 the implicit declaration is a compile error. 2.9.10: "Add support for Python 3.13".`,
      },
    ),
    floor("3.14", "2.9.11", "unspecified", "inferred", "medium", [news("2.9.11")], { note: `${project} 2.9.11: "Add support for Python 3.14".` }),
  ];
}

const PILLOW_PYTHON_SUPPORT = "https://pillow.readthedocs.io/en/stable/installation/python-support.html";
const CFFI_RELEASES = "https://github.com/python-cffi/cffi/releases";

export const C_EXTENSIONS: readonly ProjectViability[] = [
  { name: "psycopg2", python: psycopg2Floors("psycopg2"), breakages: [] },
  // The same source as psycopg2 under another name (its sdist compiles exactly like psycopg2's).
  { name: "psycopg2-binary", python: psycopg2Floors("psycopg2-binary"), breakages: [] },
  {
    name: "cffi",
    python: [
      wheelsFrom("cffi", "3.9", "1.14.3"),
      wheelsFrom("cffi", "3.10", "1.15.0"),
      wheelsFrom("cffi", "3.11", "1.15.1"),
      floor("3.12", "1.16.0", "unspecified", "inferred", "medium", [CFFI_RELEASES, "https://github.com/python-cffi/cffi/discussions/2"], { note: '1.16.0: "Add support for Python 3.12".' }),
      floor("3.13", "1.17.0", "unspecified", "inferred", "medium", [CFFI_RELEASES], { note: '1.17.0: "Add support for Python 3.13" (not free-threaded 3.13t).' }),
    ],
    breakages: [],
  },
  {
    name: "pillow",
    python: [
      wheelsFrom("pillow", "3.9", "8.0.0"),
      wheelsFrom("pillow", "3.10", "8.3.2"),
      wheelsFrom("pillow", "3.11", "9.2.0"),
      wheelsFrom("pillow", "3.12", "10.0.0"),
      floor("3.13", "11.0.0", "unspecified", "none", "medium", [PILLOW_PYTHON_SUPPORT], { note: "Pillow's Python support table lists 3.13 from Pillow 11; older releases on 3.13 are not judged." }),
      floor("3.14", "12.0.0", "unspecified", "none", "medium", [PILLOW_PYTHON_SUPPORT], { note: "Pillow's Python support table lists 3.14 from Pillow 12; older releases on 3.14 are not judged." }),
    ],
    breakages: [],
  },
  {
    name: "coverage",
    python: [wheelsFrom("coverage", "3.9", "5.2"), wheelsFrom("coverage", "3.10", "5.5"), wheelsFrom("coverage", "3.11", "6.1.2"), wheelsFrom("coverage", "3.12", "7.2.7")],
    breakages: [],
  },
  {
    name: "zstandard",
    python: [wheelsFrom("zstandard", "3.9", "0.14.1"), wheelsFrom("zstandard", "3.10", "0.16.0"), wheelsFrom("zstandard", "3.11", "0.19.0")],
    breakages: [],
  },
  {
    name: "simplejson",
    python: [wheelsFrom("simplejson", "3.9", "3.17.3"), wheelsFrom("simplejson", "3.10", "3.17.4"), wheelsFrom("simplejson", "3.11", "3.18.1")],
    breakages: [],
  },
  {
    name: "lz4",
    python: [wheelsFrom("lz4", "3.9", "3.1.3"), wheelsFrom("lz4", "3.10", "4.0.0"), wheelsFrom("lz4", "3.11", "4.1.0")],
    breakages: [],
  },
  {
    name: "mmh3",
    python: [wheelsFrom("mmh3", "3.9", "3.0.0"), wheelsFrom("mmh3", "3.10", "3.1.0"), wheelsFrom("mmh3", "3.11", "3.1.0")],
    breakages: [],
  },
  {
    name: "charset-normalizer",
    python: [wheelsFrom("charset-normalizer", "3.9", "3.0.0"), wheelsFrom("charset-normalizer", "3.10", "3.0.0"), wheelsFrom("charset-normalizer", "3.11", "3.0.0")],
    breakages: [],
  },
  {
    // A failed compile of the C speed-ups falls back to the pure-Python implementation (borg on 3.12 ran "slow msgpack").
    name: "msgpack",
    python: [
      wheelsFrom("msgpack", "3.9", "1.0.1"),
      wheelsFrom("msgpack", "3.10", "1.0.3"),
      // The compile fails, but pip still succeeds: msgpack installs its pure-Python fallback (silently
      // before 1.0.7), so the answer is unknown (the speed-up is lost), not a failed build.
      floor("3.11", "1.0.4", "private-c-api-removed", "inferred", "high", [github("msgpack/msgpack-python", "issues", 497), github("msgpack/msgpack-python", "pull", 499), github("borgbackup/borg", "issues", 6716)], {
        note: "3.11 moved _PyFloat_Pack4/_PyFloat_Unpack4 into the internal C API; msgpack's C extension before 1.0.4 does not compile there (msgpack#497, fixed by #499 in 1.0.4; a real build of 1.0.3 on bookworm's 3.11 failed the same way: bench/results/verify-builds-bookworm.md) and pip installs the pure-Python fallback instead.",
      }),
    ],
    breakages: [],
  },
  {
    name: "psutil",
    python: [wheelsFrom("psutil", "3.9", "5.8.0"), wheelsFrom("psutil", "3.10", "5.9.0")],
    breakages: [],
  },
  {
    name: "cudf-cu12",
    python: [],
    breakages: [
      {
        kind: "platform-unsupported",
        versions: "",
        libc: "musl",
        fixedIn: null,
        failure: "reported",
        confidence: "medium",
        sources: [github("NVIDIA/cudf", "issues", 16804), github("rapidsai/cucim", "issues", 794)],
        note: 'The PyPI sdist is a stub (nvidia-stub backend) that fetches a matching manylinux wheel from pypi.nvidia.com and fails with "Didn\'t find wheel" otherwise; there are no musllinux wheels, so it never installs on musl.',
      },
    ],
  },
  {
    name: "cucim-cu12",
    python: [],
    breakages: [
      {
        kind: "platform-unsupported",
        versions: "",
        libc: "musl",
        fixedIn: null,
        failure: "reported",
        confidence: "medium",
        sources: [github("rapidsai/cucim", "issues", 794), github("NVIDIA/cudf", "issues", 16804)],
        note: 'The PyPI sdist is a stub (nvidia-stub backend) that fetches a matching manylinux wheel from pypi.nvidia.com and fails with "Didn\'t find wheel" otherwise; there are no musllinux wheels, so it never installs on musl.',
      },
    ],
  },
  {
    name: "grpcio",
    python: [
      floor("3.12", "1.59.0", "unspecified", "reported", "medium", [github("grpc/grpc", "issues", 33063), github("grpc/grpc", "pull", 34398), github("jina-ai/clip-as-service", "issues", 955), "https://github.com/grpc/grpc/releases/tag/v1.59.0"], {
        note: "1.54.0 and 1.57.0 sdists fail to compile on 3.12 (reports); 1.59.0 adds Python 3.12 support.",
      }),
      floor("3.13", "1.66.2", "unspecified", "reported", "low", [github("grpc/grpc", "issues", 38790)], {
        certainBelow: "1.64",
        note: "1.63.2 fails to build on 3.13 (#38790). The first release that builds there is from memory (1.66.2, the first with cp313 wheels); check grpc's release notes.",
      }),
    ],
    breakages: [],
  },
  {
    name: "pymssql",
    python: [],
    breakages: [
      {
        kind: "library-missing",
        versions: ">=2.2",
        library: "FreeTDS",
        missingOn: ["rhel"],
        failure: "reported",
        confidence: "medium",
        sources: ["https://pymssql.readthedocs.io/en/latest/intro.html#install", "https://packages.fedoraproject.org/pkgs/freetds/freetds-devel/"],
        note: "The sdist links FreeTDS (the wheels bundle it). RHEL/UBI repositories do not ship freetds-devel; EPEL does.",
      },
    ],
  },
  {
    name: "h5py",
    python: [],
    breakages: [
      {
        kind: "library-missing",
        versions: "",
        library: "HDF5",
        missingOn: ["rhel"],
        failure: "reported",
        confidence: "medium",
        sources: ["https://docs.h5py.org/en/stable/build.html", "https://packages.fedoraproject.org/pkgs/hdf5/hdf5-devel/"],
        note: "h5py builds against an installed HDF5 (HDF5_DIR or pkg-config). RHEL/UBI repositories do not ship hdf5-devel; EPEL does.",
      },
    ],
  },
];
