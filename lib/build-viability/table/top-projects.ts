/**
 * Rows added so that the 100 most-downloaded projects that ship compiled code are covered
 * (coverage.snapshot.test.ts) and that per-minor wheel evidence cannot cover on its own: builds that
 * need a library Basewise does not install (confluent-kafka's librdkafka, llvmlite's LLVM), abi3
 * and cffi builds whose wheels do not name a CPython minor (PyNaCl, argon2-cffi-bindings, hf-xet,
 * pycryptodome), and projects whose releases track CPython minors (multiprocess).
 */
import type { ProjectViability } from "../types";
import { floor, lockedWheelsFrom, wheelsFrom } from "./evidence";
import { atTag, github } from "./sources";

const CONFLUENT_INSTALL = atTag("confluentinc/confluent-kafka-python", "8b1c7a613434eee3d0e1287d624d7af04932f410", "INSTALL.md");
const LLVMLITE_INSTALL = atTag("numba/llvmlite", "79d1ac7f519fbb6513641bf3c4c158a42f584eee", "docs/source/admin-guide/install.rst");

export const TOP_PROJECTS: readonly ProjectViability[] = [
  {
    name: "confluent-kafka",
    python: [
      wheelsFrom("confluent-kafka", "3.9", "1.6.0"),
      wheelsFrom("confluent-kafka", "3.10", "1.9.0"),
      wheelsFrom("confluent-kafka", "3.11", "2.0.2"),
      lockedWheelsFrom("confluent-kafka", "3.12", "2.9.0"),
      lockedWheelsFrom("confluent-kafka", "3.13", "2.10.1"),
      lockedWheelsFrom("confluent-kafka", "3.14", "2.12.1"),
    ],
    breakages: [
      {
        kind: "library-missing",
        versions: ">=2.1",
        library: "librdkafka (at least the client's major.minor)",
        missingOn: ["debian", "rhel"],
        failure: "inferred",
        confidence: "low",
        sources: [CONFLUENT_INSTALL, github("confluentinc/confluent-kafka-python", "issues", 649), github("confluentinc/confluent-kafka-python", "issues", 875)],
        note: 'The C extension compiles against the system librdkafka and refuses an older one at compile time ("confluent-kafka-python requires librdkafka vX or later", #649; missing symbols from an older librdkafka, #875). Debian 12 ships librdkafka 2.0.2, older than 2.1+ clients; RHEL/UBI ship no librdkafka-devel (EPEL does). Check Debian 13\'s librdkafka before calling newer Debian releases good; Confluent\'s own apt/yum repositories carry current librdkafka.',
      },
    ],
  },
  {
    name: "llvmlite",
    python: [
      lockedWheelsFrom("llvmlite", "3.9", "0.38.0"),
      lockedWheelsFrom("llvmlite", "3.10", "0.38.0"),
      lockedWheelsFrom("llvmlite", "3.11", "0.40.0"),
      lockedWheelsFrom("llvmlite", "3.12", "0.42.0"),
      lockedWheelsFrom("llvmlite", "3.13", "0.44.0"),
      lockedWheelsFrom("llvmlite", "3.14", "0.46.0"),
    ],
    breakages: [
      {
        kind: "library-missing",
        versions: "",
        library: "the LLVM major the release was made for (llvm-config)",
        missingOn: ["debian", "ubuntu", "alpine", "rhel", "wolfi"],
        failure: "inferred",
        confidence: "medium",
        sources: [LLVMLITE_INSTALL, atTag("numba/llvmlite", "79d1ac7f519fbb6513641bf3c4c158a42f584eee", "README.rst")],
        note: "Each llvmlite release builds against one LLVM major (0.44 → 15/16, 0.45–0.47 → 20, 0.48 → 22), found through llvm-config. Basewise's build list does not install that LLVM (the native-build row says so), and whether a distro release packages the matching major is not tabled, so the build is unknown everywhere.",
      },
    ],
  },
  {
    // 2.x: poetry-core runs build.py, which imports distutils; 3.x is a PyO3 extension (maturin).
    name: "pendulum",
    python: [
      lockedWheelsFrom("pendulum", "3.9", "2.1.2"),
      lockedWheelsFrom("pendulum", "3.10", "3.0.0"),
      lockedWheelsFrom("pendulum", "3.11", "3.0.0"),
      floor(
        "3.12",
        "3.0.0",
        "distutils-removed",
        "reported",
        "high",
        [github("python-pendulum/pendulum", "issues", 696), github("python-pendulum/pendulum", "issues", 862), atTag("python-pendulum/pendulum", "2.1.2", "build.py")],
        {
          checkedFrom: "2.1.0",
          note: 'The 2.1.x sdists build with build.py, which starts "from distutils.command.build_ext import build_ext": "ModuleNotFoundError: No module named \'distutils\'" on 3.12 (#696, #862 for 2.1.0–2.1.2). 3.0.0 dropped build.py for maturin and has cp312 wheels. Releases before 2.1.0 are not judged.',
        },
      ),
      lockedWheelsFrom("pendulum", "3.13", "3.1.0"),
    ],
    breakages: [],
  },
  {
    // cffi's API mode compiles a small C module plus the bundled libsodium (./configure && make).
    name: "PyNaCl",
    abi3: true,
    python: [
      floor("3.14", "1.6.0", "unspecified", "inferred", "medium", [atTag("pyca/pynacl", "1.6.0", "CHANGELOG.rst")], {
        note: '1.6.0: "Added support for free-threaded Python 3.14" (its wheels are abi3 and name no CPython minor). Whether 1.5.0\'s sdist builds on 3.14 is not recorded.',
      }),
    ],
    breakages: [],
  },
  {
    name: "argon2-cffi-bindings",
    abi3: true,
    python: [
      floor("3.12", "21.2.0", "unspecified", "none", "medium", [atTag("hynek/argon2-cffi-bindings", "25.1.0", "CHANGELOG.md")], {
        note: '25.1.0: "Official Python 3.12 and 3.13 support. No code or packaging changes were necessary", so 21.2.0\'s sources build there as well (cffi API mode, vendored Argon2).',
      }),
      floor("3.13", "21.2.0", "unspecified", "none", "medium", [atTag("hynek/argon2-cffi-bindings", "25.1.0", "CHANGELOG.md")], {
        note: '25.1.0: "Official Python 3.12 and 3.13 support. No code or packaging changes were necessary".',
      }),
    ],
    breakages: [],
  },
  {
    // PyO3 with abi3-py37: PyO3's maximum-Python check does not apply.
    name: "hf-xet",
    abi3: true,
    python: [],
    breakages: [
      {
        kind: "toolchain-too-old",
        versions: ">=1.4.2",
        tool: "rustc",
        minimum: "1.85",
        failure: "reported",
        confidence: "medium",
        sources: [atTag("huggingface/xet-core", "00aeca9ea63dc57ea6a37d107e9b1946d2d08925", "hf_xet/Cargo.toml"), "https://blog.rust-lang.org/2025/02/20/Rust-1.85.0.html"],
        note: 'hf_xet 1.4.2\'s Cargo.toml sets edition = "2024", which cargo accepts from Rust 1.85 (the release that stabilised the 2024 edition). Older releases were not read; later ones are assumed to keep the edition.',
      },
    ],
  },
  {
    // C modules loaded through ctypes/cffi, no Python C API: Python 3 wheels are abi3 from 3.10.1.
    name: "pycryptodome",
    python: [lockedWheelsFrom("pycryptodome", "3.9", "3.9.9", "From 3.10.1 the Python 3 wheels are abi3 (Changelog.rst), so later minors have no per-minor wheels.")],
    breakages: [],
  },
  {
    name: "pycryptodomex",
    python: [lockedWheelsFrom("pycryptodomex", "3.9", "3.9.9", "From 3.10.1 the Python 3 wheels are abi3 (Changelog.rst), so later minors have no per-minor wheels.")],
    breakages: [],
  },
  {
    // Each release carries a copy of multiprocessing per CPython minor (py3X-none-any wheels); the
    // C helper is optional, so the build itself does not fail, but a release older than the minor
    // ships no code for it.
    name: "multiprocess",
    python: [
      floor("3.12", "0.70.16", "unspecified", "inferred", "medium", [github("uqfoundation/multiprocess", "pull", 163), "https://pypi.org/project/multiprocess/0.70.16/#files"], {
        note: '"Add formal support for python 3.12" (#163, Oct 2023); 0.70.16 is the first release with a py312 wheel in the lock-file harvest.',
      }),
      floor("3.13", "0.70.17", "unspecified", "inferred", "medium", [github("uqfoundation/multiprocess", "pull", 193), "https://pypi.org/project/multiprocess/0.70.17/#files"], {
        note: '"Add formal support for python 3.13" (#193, Sep 2024); 0.70.17 is the first release with a py313 wheel in the lock-file harvest.',
      }),
      floor("3.14", "0.70.19", "unspecified", "inferred", "medium", [github("uqfoundation/multiprocess", "pull", 211), github("uqfoundation/multiprocess", "issues", 232), "https://pypi.org/project/multiprocess/0.70.19/#files"], {
        note: "3.14 support was merged in 2025 (#211, #215) after 0.70.18 (#232 asks for a release); 0.70.19 is the first release with a py314 wheel in the lock-file harvest.",
      }),
    ],
    breakages: [],
  },
  {
    // 1.23.x published cp3X-none wheels per minor (PyMuPDFb split); later releases are abi3.
    name: "PyMuPDF",
    python: [
      lockedWheelsFrom("pymupdf", "3.9", "1.23.3"),
      lockedWheelsFrom("pymupdf", "3.10", "1.23.3"),
      lockedWheelsFrom("pymupdf", "3.11", "1.23.3"),
      lockedWheelsFrom("pymupdf", "3.12", "1.23.6"),
    ],
    breakages: [],
  },
  {
    name: "opencv-python",
    python: [wheelsFrom("opencv-python", "3.9", "3.4.11.45"), wheelsFrom("opencv-python", "3.10", "3.4.16.57")],
    breakages: [],
  },
];
