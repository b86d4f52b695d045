/**
 * PyO3's newest supported CPython per PyO3 release. From PyO3 0.20 on, pyo3-ffi's build script
 * refuses a newer interpreter ("the configured Python interpreter version (3.13) is newer than
 * PyO3's maximum supported version (3.12)") unless PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 is set,
 * which builds against the stable ABI and may still fail to compile (pydantic/pydantic#11524).
 * Builds that target abi3 themselves (cryptography, bcrypt, tokenizers >= 0.20.4) are not refused:
 * pyo3-build-config lowers the configured version to the abi3 minimum (`fixup_for_abi3_version`,
 * https://github.com/PyO3/pyo3/blob/v0.22.0/pyo3-build-config/src/impl_.rs).
 */
import { atTag, github } from "./sources";
import type { Confidence, PythonFloor } from "../types";

/** `SUPPORTED_VERSIONS_CPYTHON.max` in pyo3-ffi/build.rs at each tag. */
export const PYO3_MAXIMUM_PYTHON: readonly { readonly pyo3: string; readonly python: string; readonly source: string }[] = [
  { pyo3: ">=0.20,<0.22", python: "3.12", source: atTag("PyO3/pyo3", "v0.20.3", "pyo3-ffi/build.rs") },
  { pyo3: ">=0.22,<0.25", python: "3.13", source: atTag("PyO3/pyo3", "v0.22.0", "pyo3-ffi/build.rs") },
  { pyo3: ">=0.25", python: "3.14", source: atTag("PyO3/pyo3", "v0.25.0", "pyo3-ffi/build.rs") },
];

/**
 * PyO3's own `rust-version` (its workspace Cargo.toml): cargo checks it for every crate in the
 * graph, so a project without a `rust-version` of its own still needs at least this rustc.
 */
export const PYO3_RUST_VERSION: readonly { readonly pyo3: string; readonly rustc: string; readonly source: string }[] = [
  { pyo3: ">=0.22,<0.26", rustc: "1.63", source: atTag("PyO3/pyo3", "v0.22.0", "Cargo.toml") },
  { pyo3: ">=0.26,<0.28", rustc: "1.74", source: atTag("PyO3/pyo3", "v0.26.0", "Cargo.toml") },
  { pyo3: ">=0.28,<0.30", rustc: "1.83", source: atTag("PyO3/pyo3", "v0.28.0", "Cargo.toml") },
];

const PYO3_REFUSAL_REPORTS = [github("PyO3/pyo3", "issues", 4248), github("PyO3/maturin", "issues", 1960)];

export interface Pyo3Step {
  /** The CPython minor that becomes buildable. */
  readonly python: "3.13" | "3.14";
  /** The project's first release whose Cargo.lock has a PyO3 that knows `python`. */
  readonly firstBuilding: string;
  /** The tag (as the repository spells it) whose Cargo.lock was read. */
  readonly tag: string;
  /** The PyO3 in that Cargo.lock. */
  readonly pyo3: string;
  /** The project's first release on PyO3 >= 0.20, from which the refusal is certain. */
  readonly checkedFrom: string;
  readonly extraSources?: readonly string[];
  readonly confidence?: Confidence;
  readonly note?: string;
}

/** Python floors for a non-abi3 PyO3 project, from the PyO3 in each release's Cargo.lock. */
export function pyo3Floors(repo: string, lockPath: string, steps: readonly Pyo3Step[]): PythonFloor[] {
  return steps.map((step) => ({
    python: step.python,
    firstBuilding: step.firstBuilding,
    change: "pyo3-maximum-python",
    failure: "reported",
    checkedFrom: step.checkedFrom,
    confidence: step.confidence ?? "high",
    sources: [
      atTag(repo, step.tag, lockPath),
      (PYO3_MAXIMUM_PYTHON.find((row) => row.python === step.python) ?? PYO3_MAXIMUM_PYTHON[0]!).source,
      ...PYO3_REFUSAL_REPORTS,
      ...(step.extraSources ?? []),
    ],
    note: [`PyO3 ${step.pyo3} in ${step.tag}'s ${lockPath}; releases before ${step.checkedFrom} use a PyO3 without the version check (unknown).`, step.note]
      .filter(Boolean)
      .join(" "),
  }));
}
