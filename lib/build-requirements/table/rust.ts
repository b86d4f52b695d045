/**
 * Projects built with Rust (maturin or setuptools-rust). Their Python build requirements are
 * small and ship wheels; what makes their sdist builds fail is the Rust toolchain (cargo/rustc
 * recent enough), which is not a Python requirement and is not listed here.
 */
import { BACKEND } from "../backends";
import type { PackageBuildSystems } from "../types";
import { atTag, cite, readAt, readAtTag, sysdeps } from "./sources";

const CFFI_NON_PYPY = "cffi>=1.12; platform_python_implementation != 'PyPy'";

// pybuild-deps' end-to-end tests resolve the real sdists' build requirements.
const PYBUILD_DEPS = "bruno-fs/pybuild-deps tests/test_main.py (end-to-end: cryptography 39, 41.0.5, 43.0.0)";

export const CRYPTOGRAPHY: PackageBuildSystems = {
  name: "cryptography",
  eras: [
    {
      versions: ">=3.0,<3.4",
      requires: ["setuptools>=40.6.0", "wheel", CFFI_NON_PYPY],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("pyca/cryptography", "3.3.2"), sysdeps("cryptography")),
      note: "C only (cffi), no Rust.",
    },
    {
      versions: ">=3.4,<35",
      requires: ["setuptools>=40.6.0", "wheel", CFFI_NON_PYPY, "setuptools-rust>=0.11.4"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("pyca/cryptography", "3.4.8"), sysdeps("cryptography")),
      note: "First Rust release; 3.4.x alone honours CRYPTOGRAPHY_DONT_BUILD_RUST=1 (then no Rust toolchain is needed). Versions jump from 3.4.8 to 35.0.",
    },
    {
      versions: ">=35,<41",
      requires: ["setuptools>=40.6.0,!=60.9.0", "wheel", CFFI_NON_PYPY, "setuptools-rust>=0.11.4"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(PYBUILD_DEPS, sysdeps("cryptography")),
      note: "Exact for 39 (tested end to end); earlier releases may lack the !=60.9.0 exclusion. Rust is mandatory.",
    },
    {
      versions: ">=41,<43",
      requires: ["setuptools>=61.0.0", "wheel", CFFI_NON_PYPY, "setuptools-rust>=0.11.4"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(PYBUILD_DEPS, readAt("pyca/cryptography", "cd841d4e4cd90cce1370d038d774f323829f5233", "pyproject.toml", "41.0.0.dev1"), sysdeps("cryptography")),
      note: "Exact for 41.0.5; 42.x is assumed to be the same.",
    },
    {
      versions: ">=43,<44",
      requires: ["maturin>=1,<2", CFFI_NON_PYPY, "setuptools"],
      backend: BACKEND.maturin,
      family: "maturin",
      confidence: "high",
      source: cite(PYBUILD_DEPS, sysdeps("cryptography")),
      note: "setuptools is there because cffi imports distutils, gone from Python 3.12.",
    },
    {
      versions: ">=44",
      requires: ["maturin>=1,<2", "cffi>=1.14; platform_python_implementation != 'PyPy'", "setuptools"],
      backend: BACKEND.maturin,
      family: "maturin",
      confidence: "medium",
      source: sysdeps("cryptography"),
      note: "As in current releases (sysdeps); the cffi floor may be 1.12 in some 44.x releases, which changes nothing pip picks.",
    },
  ],
};

export const BCRYPT: PackageBuildSystems = {
  name: "bcrypt",
  eras: [
    {
      versions: ">=3.1,<4",
      requires: ["setuptools>=40.8.0", "wheel", "cffi>=1.1; platform_python_implementation != 'PyPy'"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("pyca/bcrypt", "3.2.2"), sysdeps("bcrypt")),
      note: "C via cffi, no Rust.",
    },
    {
      versions: ">=4",
      requires: ["setuptools>=40.8.0", "wheel", "setuptools-rust"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(atTag("pyca/bcrypt", "4.0.1"), sysdeps("bcrypt")),
      note: "Rust since 4.0; current releases ask setuptools-rust>=1.7.",
    },
  ],
};

export const PYDANTIC_CORE: PackageBuildSystems = {
  name: "pydantic-core",
  eras: [
    {
      versions: "",
      requires: ["maturin>=1,<2"],
      backend: BACKEND.maturin,
      family: "maturin",
      confidence: "medium",
      source: cite(readAt("pydantic/pydantic-core", "383eb95a19433754c0cecf7025b50c26b6d97a36"), sysdeps("pydantic-core")),
      note: "The maturin floor rises over time (>=1.9.4 now); some releases also listed typing-extensions.",
    },
  ],
};

function maturinOnly(name: string, requirement: string, source: string, note?: string): PackageBuildSystems {
  return {
    name,
    eras: [
      {
        versions: "",
        requires: [requirement],
        backend: BACKEND.maturin,
        family: "maturin",
        confidence: "medium",
        source,
        note: note ?? "Current releases' pin (sysdeps); the maturin floor of older releases may be lower.",
      },
    ],
  };
}

export const RPDS_PY = maturinOnly("rpds-py", "maturin>=1.0,<2.0", cite(readAt("crate-py/rpds", "2c9ab3b2ef17e68a4186007977d83e19442e3f6c"), sysdeps("rpds-py")));
export const JITER = maturinOnly("jiter", "maturin>=1,<2", cite(readAt("pydantic/jiter", "785cf750016150bda7410e95525bd6ed398102c4", "crates/jiter-python/pyproject.toml"), sysdeps("jiter")));
export const WATCHFILES = maturinOnly("watchfiles", "maturin>=0.14.16,<2", sysdeps("watchfiles"));
export const RUFF = maturinOnly(
  "ruff",
  "maturin>=1.0,<2.0",
  cite(readAt("astral-sh/ruff", "fca5c7cf2cd2f8338f18b9485f936b8e9f07bd0b"), sysdeps("ruff")),
  "A Rust binary: the sdist build compiles the whole workspace and needs a very recent Rust.",
);
export const UV = maturinOnly(
  "uv",
  "maturin>=1.0,<2.0",
  cite(readAt("astral-sh/uv", "26a9dd4b2125bc271b47855e1fa0c49af3365db5"), sysdeps("uv")),
  "A Rust binary: the sdist build compiles the whole workspace and needs a very recent Rust.",
);
export const HF_XET = maturinOnly("hf-xet", "maturin>=1.7,<2.0", cite(readAt("huggingface/xet-core", "af1a3ff93e02d60b9e7c3790d9cb143e2e5353a7", "hf_xet/pyproject.toml"), sysdeps("hf-xet")));

export const ORJSON: PackageBuildSystems = {
  name: "orjson",
  eras: [
    {
      versions: ">=3.9",
      requires: ["maturin>=1,<2"],
      backend: BACKEND.maturin,
      family: "maturin",
      confidence: "medium",
      source: cite(atTag("ijl/orjson", "3.10.0"), sysdeps("orjson")),
      note: "Older releases used maturin 0.x; they are not in the table.",
    },
  ],
};

export const TOKENIZERS: PackageBuildSystems = {
  name: "tokenizers",
  eras: [
    {
      versions: ">=0.10,<0.14",
      requires: ["setuptools", "wheel", "setuptools-rust"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "high",
      source: cite(
        readAtTag("huggingface/tokenizers", "python-v0.10.0", "719bea76b92a34ee03dc024315922c50a3a9ea40", "bindings/python/pyproject.toml"),
        readAtTag("huggingface/tokenizers", "python-v0.13.3", "37372b67fac5", "bindings/python/pyproject.toml"),
      ),
      note: "0.9.x listed the same three without a build-backend key (setuptools' __legacy__ backend).",
    },
    {
      versions: ">=0.14",
      requires: ["maturin>=1.0,<2.0"],
      backend: BACKEND.maturin,
      family: "maturin",
      confidence: "high",
      source: cite(
        readAtTag("huggingface/tokenizers", "v0.14.0", "9a79cb8cfc8c5d3b1727ebce9859ddfa76273ab4", "bindings/python/pyproject.toml"),
        readAt("huggingface/tokenizers", "3ba8ad0061a885baf052bbb7bbd22857e73e0c4e", "bindings/python/pyproject.toml"),
        sysdeps("tokenizers"),
      ),
      note: "maturin from 0.14.0 (v0.14.0 to v0.15.2 read: maturin>=1.0,<2.0).",
    },
  ],
};

export const TIKTOKEN: PackageBuildSystems = {
  name: "tiktoken",
  eras: [
    {
      versions: "",
      requires: ["setuptools>=62.4", "wheel", "setuptools-rust>=1.5.2"],
      backend: BACKEND.setuptools,
      family: "setuptools",
      confidence: "medium",
      source: cite(readAt("openai/tiktoken", "4e71bbe0c078468e00fefbf94b39849389f346e5"), sysdeps("tiktoken")),
      note: "The build downloads crates from crates.io (needs network).",
    },
  ],
};

export const RUST: readonly PackageBuildSystems[] = [
  CRYPTOGRAPHY,
  BCRYPT,
  PYDANTIC_CORE,
  RPDS_PY,
  JITER,
  WATCHFILES,
  RUFF,
  UV,
  HF_XET,
  ORJSON,
  TOKENIZERS,
  TIKTOKEN,
];
