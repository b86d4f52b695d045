/**
 * Rust extensions: which CPython each release's PyO3 admits (table/pyo3.ts), and the rustc each
 * release needs. cargo refuses a package whose `rust-version` is newer than rustc (Rust >= 1.56),
 * so a distro rustc older than the row's minimum fails the build; rustup's stable does not.
 */
import { parseSpecifierSet, specifierSetContains } from "@/lib/pep440";
import type { Confidence, ProjectViability, ToolchainBreakage } from "../types";
import { wheelsFrom } from "./evidence";
import { PYO3_RUST_VERSION, pyo3Floors } from "./pyo3";
import { atTag } from "./sources";

/** MSRV rows read from `rust-version` in each release's Cargo.toml (the first tag of each range). */
function msrv(repo: string, path: string, ranges: readonly (readonly [versions: string, minimum: string, tag: string])[], confidence: Confidence = "high"): ToolchainBreakage[] {
  return ranges.map(([versions, minimum, tag]) => ({
    kind: "toolchain-too-old",
    versions,
    tool: "rustc",
    minimum,
    failure: "reported",
    confidence,
    sources: [atTag(repo, tag, path)],
    note: `rust-version = "${minimum}" in ${tag}'s ${path}.`,
  }));
}

/** MSRV rows implied by the PyO3 in each range (for projects that declare no `rust-version` of their own). */
function msrvFromPyo3(repo: string, lockPath: string, ranges: readonly (readonly [versions: string, pyo3: string, tag: string])[]): ToolchainBreakage[] {
  return ranges.map(([versions, pyo3, tag]) => {
    const row = PYO3_RUST_VERSION.find((r) => contains(r.pyo3, pyo3));
    if (!row) throw new Error(`no PyO3 rust-version row for ${pyo3}`);
    return {
      kind: "toolchain-too-old",
      versions,
      tool: "rustc",
      minimum: row.rustc,
      failure: "reported",
      confidence: "high",
      sources: [atTag(repo, tag, lockPath), row.source],
      note: `PyO3 ${pyo3} in ${tag}'s ${lockPath} declares rust-version ${row.rustc}.`,
    };
  });
}

function contains(specifiers: string, version: string): boolean {
  const parsed = parseSpecifierSet(specifiers);
  return parsed.ok && specifierSetContains(parsed.value, version);
}

const CRYPTOGRAPHY_CHANGELOG = atTag("pyca/cryptography", "44.0.0", "CHANGELOG.rst");

export const RUST_PROJECTS: readonly ProjectViability[] = [
  {
    name: "pydantic-core",
    python: [
      wheelsFrom("pydantic-core", "3.9", "0.1.0"),
      wheelsFrom("pydantic-core", "3.10", "0.1.0"),
      wheelsFrom("pydantic-core", "3.11", "0.7.0"),
      wheelsFrom("pydantic-core", "3.12", "2.1.2"),
      ...pyo3Floors("pydantic/pydantic-core", "Cargo.lock", [
        {
          python: "3.13",
          firstBuilding: "2.20.0",
          tag: "v2.20.0",
          pyo3: "0.22.0",
          checkedFrom: "2.11.0",
          extraSources: ["https://github.com/pydantic/pydantic-core/issues/1264", "https://github.com/pydantic/pydantic/issues/11524"],
          note: "pydantic < 2.8.0 pins pydantic-core < 2.20.0, so those pydantic releases cannot install on 3.13 without a wheel.",
        },
        {
          python: "3.14",
          firstBuilding: "2.35.0",
          tag: "v2.35.0",
          pyo3: "0.25.0",
          checkedFrom: "2.11.0",
          extraSources: ["https://github.com/pydantic/pydantic/issues/12220"],
          note: "pydantic-core 2.33.2 (pydantic 2.11.x) fails on 3.14 with PyO3 0.24.1.",
        },
      ]),
    ],
    breakages: msrv("pydantic/pydantic-core", "Cargo.toml", [
      [">=2.17,<2.19", "1.76", "v2.17.0"],
      [">=2.19,<2.42", "1.75", "v2.19.0"],
    ]),
  },
  {
    name: "orjson",
    python: [
      wheelsFrom("orjson", "3.9", "2.2.0"),
      wheelsFrom("orjson", "3.10", "3.4.7"),
      wheelsFrom("orjson", "3.11", "3.7.7"),
      wheelsFrom("orjson", "3.12", "3.9.3"),
      ...pyo3Floors("ijl/orjson", "Cargo.lock", [
        { python: "3.13", firstBuilding: "3.10.6", tag: "3.10.6", pyo3: "0.22.0", checkedFrom: "3.9.9", extraSources: ["https://github.com/ijl/orjson/issues/494"] },
        {
          python: "3.14",
          firstBuilding: "3.11.0",
          tag: "3.11.0",
          pyo3: "0.25.1",
          checkedFrom: "3.9.9",
          extraSources: ["https://github.com/ijl/orjson/issues/569", "https://github.com/oOo0oOo/lean-lsp-mcp/issues/30"],
          note: "3.10.14–3.10.18 vendor pyo3-ffi 0.23.3 (include/pyo3), which stops at 3.13; 3.10.18 fails on 3.14.0b1.",
        },
      ]),
    ],
    breakages: msrv("ijl/orjson", "Cargo.toml", [
      [">=3.6.5,<3.7.9", "1.54", "3.6.5"],
      [">=3.7.9,<3.8.2", "1.57", "3.7.9"],
      [">=3.8.2,<3.9.8", "1.60", "3.8.2"],
      [">=3.9.8,<3.9.14", "1.65", "3.9.8"],
      [">=3.9.14,<3.10.14", "1.72", "3.9.14"],
      [">=3.10.14,<3.11.2", "1.82", "3.10.14"],
      [">=3.11.2,<3.11.6", "1.85", "3.11.2"],
      [">=3.11.6,<3.11.9", "1.89", "3.11.6"],
    ]),
  },
  {
    name: "rpds-py",
    python: [
      wheelsFrom("rpds-py", "3.9", "0.7.1"),
      wheelsFrom("rpds-py", "3.10", "0.7.1"),
      wheelsFrom("rpds-py", "3.11", "0.7.1"),
      wheelsFrom("rpds-py", "3.12", "0.8.8"),
      ...pyo3Floors("crate-py/rpds", "Cargo.lock", [
        { python: "3.13", firstBuilding: "0.19.0", tag: "v0.19.0", pyo3: "0.22.1", checkedFrom: "0.11.0" },
        { python: "3.14", firstBuilding: "0.25.0", tag: "v0.25.0", pyo3: "0.25.0", checkedFrom: "0.11.0" },
      ]),
    ],
    breakages: msrvFromPyo3("crate-py/rpds", "Cargo.lock", [
      [">=0.28,<2026.5.1", "0.27.1", "v0.28.0"],
      [">=2026.5.1,<2026.6.4", "0.28.3", "v2026.5.1"],
    ]),
  },
  {
    name: "watchfiles",
    python: pyo3Floors("samuelcolvin/watchfiles", "Cargo.lock", [
      { python: "3.13", firstBuilding: "0.23.0", tag: "v0.23.0", pyo3: "0.22.2", checkedFrom: "0.21.0", note: "Releases before 0.21.0 built abi3-py37 (PyO3 0.19), which PyO3 does not refuse." },
      { python: "3.14", firstBuilding: "1.1.0", tag: "v1.1.0", pyo3: "0.25.1", checkedFrom: "0.21.0" },
    ]),
    breakages: msrv("samuelcolvin/watchfiles", "Cargo.toml", [
      [">=0.22,<1.1", "1.63", "v0.22.0"],
      [">=1.1,<1.2", "1.77", "v1.1.0"],
      [">=1.2,<1.3", "1.83", "v1.2.0"],
    ]),
  },
  {
    name: "jiter",
    python: pyo3Floors("pydantic/jiter", "Cargo.toml", [
      { python: "3.13", firstBuilding: "0.5.0", tag: "v0.5.0", pyo3: "0.22.0", checkedFrom: "0.0.3", note: "jiter has no Cargo.lock in the repository; the workspace Cargo.toml pins the PyO3 minor." },
      { python: "3.14", firstBuilding: "0.10.0", tag: "v0.10.0", pyo3: "0.25", checkedFrom: "0.0.3", note: "jiter has no Cargo.lock in the repository; the workspace Cargo.toml pins the PyO3 minor." },
    ]),
    breakages: msrv("pydantic/jiter", "Cargo.toml", [
      [">=0.4.2,<0.6", "1.73", "v0.4.2"],
      [">=0.6,<0.13", "1.75", "v0.6.0"],
      [">=0.13,<0.14", "1.83", "v0.13.0"],
      [">=0.14,<0.15", "1.88", "v0.14.0"],
    ]),
  },
  {
    name: "tiktoken",
    python: pyo3Floors("openai/tiktoken", "Cargo.toml", [
      { python: "3.13", firstBuilding: "0.8.0", tag: "0.8.0", pyo3: "0.22.2", checkedFrom: "0.5.2", note: "tiktoken commits no Cargo.lock; Cargo.toml's caret requirement keeps the PyO3 minor." },
      { python: "3.14", firstBuilding: "0.12.0", tag: "0.12.0", pyo3: "0.26.0", checkedFrom: "0.5.2", note: "tiktoken commits no Cargo.lock; Cargo.toml's caret requirement keeps the PyO3 minor (0.11.0 has PyO3 0.24.1)." },
    ]),
    breakages: [
      ...msrv("openai/tiktoken", "Cargo.toml", [[">=0.2,<0.11", "1.57", "0.2.0"]]),
      ...msrvFromPyo3("openai/tiktoken", "Cargo.toml", [
        [">=0.12,<0.13", "0.26.0", "0.12.0"],
        [">=0.13,<0.15", "0.28.3", "0.13.0"],
      ]),
    ],
  },
  {
    name: "tokenizers",
    python: pyo3Floors("huggingface/tokenizers", "bindings/python/Cargo.toml", [
      { python: "3.13", firstBuilding: "0.20.2", tag: "v0.20.2", pyo3: "0.22", checkedFrom: "0.15.1" },
      {
        python: "3.14",
        firstBuilding: "0.20.4",
        tag: "v0.20.4",
        pyo3: "0.22 (abi3-py39)",
        checkedFrom: "0.15.1",
        note: "From 0.20.4 the bindings build abi3-py39, which PyO3 configures as 3.9 whatever the interpreter, so its ceiling no longer applies.",
      },
    ]),
    breakages: [],
  },
  {
    // The uv binary: its sdist compiles the whole Rust workspace with maturin.
    name: "uv",
    python: [],
    breakages: msrv("astral-sh/uv", "Cargo.toml", [
      [">=0.0.5,<0.1.24", "1.74", "0.0.5"],
      [">=0.1.24,<0.1.25", "1.76", "0.1.24"],
      [">=0.1.25,<0.2.31", "1.77", "0.1.25"],
      [">=0.2.31,<0.4.13", "1.80", "0.2.31"],
      [">=0.4.13,<0.5.9", "1.81", "0.4.13"],
      [">=0.5.9,<0.6.13", "1.83", "0.5.9"],
      [">=0.6.13,<0.7.6", "1.84", "0.6.13"],
      [">=0.7.6,<0.7.16", "1.85", "0.7.6"],
      [">=0.7.16,<0.8.14", "1.86", "0.7.16"],
      [">=0.8.14,<0.8.19", "1.87", "0.8.14"],
      [">=0.8.19,<0.9.8", "1.88", "0.8.19"],
      [">=0.9.8,<0.9.27", "1.89", "0.9.8"],
      [">=0.9.27,<0.10.10", "1.91", "0.9.27"],
      [">=0.10.10,<0.11.8", "1.92", "0.10.10"],
      [">=0.11.8,<0.11.18", "1.93", "0.11.8"],
      [">=0.11.18,<0.11.29", "1.94", "0.11.18"],
      [">=0.11.29,<0.12.6", "1.95", "0.11.29"],
    ]),
  },
  {
    // The ruff binary, likewise.
    name: "ruff",
    python: [],
    breakages: msrv("astral-sh/ruff", "Cargo.toml", [
      [">=0.0.136,<0.0.252", "1.65", "v0.0.136"],
      [">=0.0.252,<0.0.263", "1.67", "v0.0.252"],
      [">=0.0.263,<0.0.271", "1.69", "v0.0.263"],
      [">=0.0.271,<0.0.283", "1.70", "v0.0.271"],
      [">=0.0.283,<0.4.8", "1.71", "v0.0.283"],
      [">=0.4.8,<0.4.9", "1.74", "v0.4.8"],
      [">=0.4.9,<0.5.6", "1.75", "v0.4.9"],
      [">=0.5.6,<0.7.1", "1.76", "0.5.6"],
      [">=0.7.1,<0.9.8", "1.80", "0.7.1"],
      [">=0.9.8,<0.11.4", "1.83", "0.9.8"],
      [">=0.11.4,<0.11.11", "1.84", "0.11.4"],
      [">=0.11.11,<0.12.2", "1.85", "0.11.11"],
      [">=0.12.2,<0.12.10", "1.86", "0.12.2"],
      [">=0.12.10,<0.13.1", "1.87", "0.12.10"],
      [">=0.13.1,<0.14.4", "1.88", "0.13.1"],
      [">=0.14.4,<0.14.10", "1.89", "0.14.4"],
      [">=0.14.10,<0.15.0", "1.90", "0.14.10"],
      [">=0.15.0,<0.15.8", "1.91", "0.15.0"],
      [">=0.15.8,<0.15.12", "1.92", "0.15.8"],
      [">=0.15.12,<0.15.16", "1.93", "0.15.12"],
      [">=0.15.16,<0.15.22", "1.94", "0.15.16"],
      [">=0.15.22,<0.16.5", "1.95", "0.15.22"],
    ]),
  },
  {
    name: "cryptography",
    abi3: true,
    python: [],
    breakages: [
      ...[
        [">=35,<38", "1.41", "38.0.0"],
        [">=38,<41", "1.48", "38.0.0"],
        [">=41,<42", "1.56", "41.0.0"],
        [">=42,<43", "1.63", "42.0.0"],
        [">=43,<45", "1.65", "43.0.0"],
      ].map(([versions, minimum, release]): ToolchainBreakage => ({
        kind: "toolchain-too-old",
        versions: versions!,
        tool: "rustc",
        minimum: minimum!,
        failure: "reported",
        confidence: "high",
        sources: [CRYPTOGRAPHY_CHANGELOG, "https://cryptography.io/en/latest/installation/#rust"],
        note: `${release === "38.0.0" && minimum === "1.41" ? '38.0.0 raised the MSRV "from 1.41.0", the minimum since Rust became required in 35.0.' : `${release}: "Updated the minimum supported Rust version (MSRV) to ${minimum}".`} cryptography builds abi3, so PyO3's Python ceiling does not apply. 45 and later are not tabled.`,
      })),
    ],
  },
  {
    name: "bcrypt",
    abi3: true,
    python: [],
    breakages: msrv("pyca/bcrypt", "src/_bcrypt/Cargo.toml", [[">=5,<5.1", "1.74", "5.0.0"]]),
  },
];
