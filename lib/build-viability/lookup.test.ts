import { describe, expect, it } from "vitest";
import { buildViability, nearestViable } from "./lookup";
import type { BuildTarget, ViabilityAnswer } from "./types";

function target(python: string, overrides: Partial<BuildTarget> = {}): BuildTarget {
  return {
    python,
    libc: { family: "glibc", version: "2.36" },
    arch: "amd64",
    os: { id: "debian", version: "12" },
    packageManager: "apt",
    ...overrides,
  };
}

const alpine = (python: string, version: string): BuildTarget =>
  target(python, { libc: { family: "musl", version: "1.2" }, os: { id: "alpine", version }, packageManager: "apk" });

type Expectation = Partial<Pick<ViabilityAnswer, "viability" | "code">> & { reason?: object; fix?: object | null };

// name, version, target, resolved build requirements, expected (matched as a subset).
const VECTORS: readonly [string, string, BuildTarget, Record<string, string> | undefined, Expectation][] = [
  // python-too-new: distutils (PEP 632) took numpy.distutils with it in 3.12.
  ["numpy", "1.23.5", target("3.12.4"), undefined, { viability: "fails", code: "python-too-new", reason: { removedIn: "3.12", what: "distutils-removed", python: "3.12" }, fix: { kind: "upgrade", version: "1.26.0", verified: true } }],
  ["numpy", "1.26.4", target("3.12"), undefined, { viability: "builds", code: "known-good", reason: { python: "3.12", since: "1.26.0" } }],
  ["numpy", "1.26.0rc1", target("3.12"), undefined, { viability: "builds", code: "known-good" }],
  ["numpy", "1.25.2", target("3.13.1"), undefined, { viability: "fails", code: "python-too-new", reason: { removedIn: "3.12" }, fix: { kind: "upgrade", version: "2.1.0" } }],
  // A newer minor than the table knows: the fix is the newest known floor, not verified there.
  ["numpy", "1.24.4", target("3.15"), undefined, { viability: "fails", fix: { version: "2.3.2", verified: false } }],
  ["numpy", "2.0.2", target("3.13"), undefined, { viability: "unknown", code: "python-too-new", fix: { version: "2.1.0" } }],
  ["numpy", "1.26.4", target("3.11"), undefined, { viability: "builds", code: "known-good", reason: { since: "1.23.2" } }],
  ["numpy", "1.22.0", target("3.11"), undefined, { viability: "unknown", code: "not-in-table", reason: { detail: "no-evidence-for-target" } }],
  // msgpack's C extension before 1.0.4 does not compile on 3.11 (_PyFloat_Pack4 went internal,
  // msgpack#497; the harness saw 1.0.3 fail), but pip installs its pure-Python fallback: unknown, not fails.
  ["msgpack", "1.0.3", target("3.11"), undefined, { viability: "unknown", code: "python-too-new", fix: { kind: "upgrade", version: "1.0.4" } }],
  ["msgpack", "1.0.4", target("3.11"), undefined, { viability: "builds", code: "known-good" }],
  // scipy < 1.9 uses numpy.distutils; 1.9–1.11.1 (Meson) are not judged.
  ["scipy", "1.8.1", target("3.12"), undefined, { viability: "fails", code: "python-too-new", fix: { version: "1.11.2" } }],
  ["scipy", "1.10.1", target("3.12"), undefined, { viability: "unknown", code: "python-too-new" }],
  ["scipy", "1.11.4", target("3.12"), undefined, { viability: "builds" }],
  ["pandas", "2.0.3", target("3.12"), { setuptools: "80.9.0", cython: "0.29.37" }, { viability: "fails", code: "python-too-new", fix: { version: "2.1.1" } }],
  ["pandas", "2.0.3", target("3.11"), { setuptools: "82.0.0" }, { viability: "fails", code: "build-requirement-broken", reason: { requirement: "setuptools", resolved: "82.0.0" }, fix: { constraint: "setuptools<82", version: "2.1.0" } }],
  ["pandas", "2.1.0", target("3.12"), undefined, { viability: "unknown", code: "python-too-new" }],
  ["pandas", "2.2.2", target("3.13"), undefined, { viability: "fails", fix: { version: "2.2.3", verified: true } }],
  ["psycopg2-binary", "2.9.9", target("3.13"), undefined, { viability: "fails", reason: { what: "private-c-api-removed" }, fix: { version: "2.9.10", verified: true } }],
  ["psycopg2", "2.9.9", target("3.12"), undefined, { viability: "builds", code: "known-good" }],
  ["numba", "0.56.4", target("3.11"), undefined, { viability: "fails", reason: { what: "build-script-refuses" }, fix: { version: "0.57.0" } }],
  // Stack switching: greenlet copies interpreter state.
  ["greenlet", "2.0.2", target("3.12"), undefined, { viability: "fails", reason: { what: "interpreter-state-internals" }, fix: { version: "3.0.0", verified: true } }],
  ["greenlet", "2.0.2", target("3.13"), undefined, { viability: "fails", reason: { removedIn: "3.12" }, fix: { version: "3.1.0" } }],
  ["greenlet", "3.0.3", target("3.13"), undefined, { viability: "fails", reason: { removedIn: "3.13" }, fix: { version: "3.1.0" } }],
  ["greenlet", "3.2.4", target("3.14"), undefined, { viability: "builds" }],
  // Cython-generated C.
  ["aiohttp", "3.8.1", target("3.11"), undefined, { viability: "fails", reason: { what: "longintrepr-moved" }, fix: { version: "3.8.2" } }],
  ["aiohttp", "3.8.6", target("3.12"), undefined, { viability: "fails", reason: { what: "pylong-internals" }, fix: { version: "3.9.0" } }],
  ["aiohttp", "3.9.5", target("3.13"), undefined, { viability: "unknown", code: "python-too-new", fix: { version: "3.10.6" } }],
  ["yarl", "1.8.2", target("3.12"), undefined, { viability: "fails", fix: { version: "1.9.3" } }],
  ["frozenlist", "1.3.3", target("3.12"), undefined, { viability: "fails", fix: { version: "1.4.0" } }],
  ["uvloop", "0.19.0", target("3.13"), undefined, { viability: "fails", fix: { version: "0.21.0" } }],
  // PyO3's ceiling: certain from PyO3 0.20 on, unknown before.
  ["pydantic-core", "2.18.4", target("3.13"), undefined, { viability: "fails", reason: { what: "pyo3-maximum-python", removedIn: "3.13" }, fix: { kind: "upgrade", version: "2.20.0", verified: true } }],
  ["pydantic_core", "2.33.2", target("3.14"), undefined, { viability: "fails", fix: { version: "2.35.0" } }],
  ["pydantic-core", "2.10.1", target("3.13"), undefined, { viability: "unknown", code: "python-too-new" }],
  ["pydantic-core", "2.27.2", target("3.13", { os: { id: "debian", version: "13" } }), undefined, { viability: "builds", code: "known-good" }],
  ["pydantic-core", "2.27.2", target("3.13"), undefined, { viability: "fails", code: "toolchain-too-old", reason: { required: "1.75", available: "1.63" }, fix: { kind: "install-package" } }],
  ["orjson", "3.10.18", target("3.14"), undefined, { viability: "fails", fix: { version: "3.11.0" } }],
  ["rpds-py", "0.18.1", target("3.13"), undefined, { viability: "fails", fix: { version: "0.19.0" } }],
  ["asyncpg", "0.29.0", target("3.13"), undefined, { viability: "fails", reason: { what: "private-c-api-removed" }, fix: { version: "0.30.0" } }],
  ["httptools", "0.6.1", target("3.13"), undefined, { viability: "fails", fix: { version: "0.6.2" } }],
  ["tiktoken", "0.7.0", target("3.13"), undefined, { viability: "fails", reason: { what: "pyo3-maximum-python" }, fix: { version: "0.8.0" } }],
  ["tiktoken", "0.11.0", target("3.14", { os: { id: "debian", version: "13" } }), undefined, { viability: "fails", fix: { version: "0.12.0" } }],
  ["tiktoken", "0.4.0", target("3.13"), undefined, { viability: "unknown", code: "python-too-new" }],
  ["tokenizers", "0.19.1", target("3.13"), undefined, { viability: "fails", reason: { what: "pyo3-maximum-python" }, fix: { version: "0.20.2" } }],
  ["tokenizers", "0.20.3", target("3.14", { os: { id: "debian", version: "13" } }), undefined, { viability: "fails", fix: { version: "0.20.4" } }],
  ["tokenizers", "0.21.0", target("3.14", { os: { id: "debian", version: "13" } }), undefined, { viability: "builds" }],
  ["uv", "0.8.14", target("3.12", { os: { id: "debian", version: "13" } }), undefined, { viability: "fails", code: "toolchain-too-old", reason: { required: "1.87", available: "1.85" }, fix: { kind: "install-toolchain" } }],
  ["ruff", "0.4.10", alpine("3.12", "3.21"), undefined, { viability: "unknown", code: "not-in-table" }],
  ["ruff", "0.11.4", alpine("3.12", "3.20"), undefined, { viability: "fails", code: "toolchain-too-old", reason: { required: "1.84", available: "1.78" } }],
  // PyO3's own rust-version applies to projects that declare none.
  ["rpds-py", "0.28.0", target("3.13"), undefined, { viability: "fails", code: "toolchain-too-old", reason: { required: "1.74", available: "1.63" }, fix: { kind: "install-package", packages: ["rustc-web", "cargo-web"] } }],
  ["rpds-py", "0.26.0", target("3.13"), undefined, { viability: "builds" }],
  // Wheel evidence only.
  ["setproctitle", "1.3.3", target("3.11"), undefined, { viability: "builds", code: "known-good", reason: { since: "1.3.2" } }],
  ["setproctitle", "1.3.3", target("3.12"), undefined, { viability: "unknown", code: "not-in-table" }],
  ["grpcio", "1.57.0", target("3.12"), undefined, { viability: "fails", fix: { version: "1.59.0" } }],
  ["grpcio", "1.63.2", target("3.13"), undefined, { viability: "fails", fix: { version: "1.66.2" } }],
  ["grpcio", "1.65.0", target("3.13"), undefined, { viability: "unknown", code: "python-too-new" }],
  ["scikit-learn", "0.24.2", target("3.9"), { cython: "3.0.11" }, { viability: "fails", code: "build-requirement-broken", fix: { kind: "constrain-build-requirement", constraint: "Cython<3" } }],
  // build-requirement-broken: PyYAML 5.4–6.0 with Cython 3.
  ["PyYAML", "6.0", target("3.11"), { Cython: "3.0.0" }, { viability: "fails", code: "build-requirement-broken", reason: { requirement: "cython", broken: ">=3", resolved: "3.0.0" }, fix: { kind: "constrain-build-requirement", constraint: "Cython<3", version: "6.0.1" } }],
  ["pyyaml", "6.0", target("3.11"), { cython: "0.29.36", setuptools: "68.0.0" }, { viability: "builds", code: "known-good", reason: { since: "6.0" } }],
  ["pyyaml", "5.4.1", target("3.9"), undefined, { viability: "fails", code: "build-requirement-broken", reason: { resolved: null } }],
  ["pyyaml", "5.3.1", target("3.9"), { cython: "3.0.0" }, { viability: "unknown", code: "not-in-table" }],
  ["pyyaml", "6.0.1", target("3.12"), { cython: "0.29.37" }, { viability: "builds" }],
  // toolchain-too-old: cargo refuses rust-version newer than the distro's rustc.
  ["cryptography", "43.0.0", target("3.12"), undefined, { viability: "fails", code: "toolchain-too-old", reason: { tool: "rustc", required: "1.65", available: "1.63", os: "debian 12" }, fix: { kind: "install-package", packages: ["rustc-web", "cargo-web"] } }],
  ["cryptography", "42.0.8", target("3.12"), undefined, { viability: "unknown", code: "not-in-table" }],
  ["cryptography", "43.0.0", target("3.12", { packageManager: "none" }), undefined, { code: "not-in-table" }],
  ["cryptography", "43.0.0", target("3.12", { os: { id: "rhel", version: "9.4" }, packageManager: "dnf" }), undefined, { viability: "unknown", code: "toolchain-too-old", reason: { available: "unknown" } }],
  ["orjson", "3.11.6", target("3.13", { os: { id: "debian", version: "13" } }), undefined, { viability: "fails", code: "toolchain-too-old", reason: { required: "1.89", available: "1.85" }, fix: { kind: "install-toolchain", toolchain: { name: "rustc", minimum: "1.89", via: "rustup" } } }],
  ["orjson", "3.10.14", target("3.13", { os: { id: "debian", version: "13" } }), undefined, { viability: "builds" }],
  ["orjson", "3.10.14", alpine("3.12", "3.20"), undefined, { viability: "fails", code: "toolchain-too-old", reason: { available: "1.78" } }],
  ["pydantic-core", "2.27.2", alpine("3.13", "3.22.1"), undefined, { viability: "builds" }],
  // library-missing.
  ["pyarrow", "17.0.0", target("3.12"), undefined, { viability: "fails", code: "library-missing", reason: { library: "Arrow C++", os: "debian" }, fix: null }],
  ["pyarrow", "17.0.0", alpine("3.12", "3.20"), undefined, { viability: "unknown", code: "not-in-table" }],
  ["pymssql", "2.3.1", target("3.12", { os: { id: "rhel", version: "9" }, packageManager: "dnf" }), undefined, { viability: "fails", code: "library-missing", reason: { library: "FreeTDS" } }],
  ["pymssql", "2.1.5", target("3.12", { os: { id: "rhel", version: "9" }, packageManager: "dnf" }), undefined, { code: "not-in-table" }],
  // platform-unsupported.
  ["cudf-cu12", "24.10.1", alpine("3.12", "3.20"), undefined, { viability: "fails", code: "platform-unsupported", reason: { libc: "musl", arch: null }, fix: null }],
  ["cudf-cu12", "24.10.1", target("3.12"), undefined, { viability: "unknown", code: "not-in-table" }],
  // Issue 15's top-100 additions. Lock-file wheel evidence: the oldest harvested release with cpXY wheels builds there.
  ["MarkupSafe", "3.0.2", target("3.13"), undefined, { viability: "builds", code: "known-good", reason: { python: "3.13", since: "3.0.0" } }],
  ["markupsafe", "2.1.5", target("3.13"), undefined, { viability: "unknown", code: "not-in-table", reason: { detail: "no-evidence-for-target" } }],
  ["regex", "2024.11.6", target("3.13"), undefined, { viability: "builds", reason: { since: "2024.9.11" } }],
  ["wrapt", "1.17.2", alpine("3.14", "3.22"), undefined, { viability: "unknown", code: "not-in-table" }],
  ["matplotlib", "3.9.2", target("3.13"), undefined, { viability: "builds" }],
  // hf-xet 1.4.2 is Rust edition 2024: cargo needs 1.85, Debian 12's rustc is 1.63 (rustc-web is newer).
  ["hf-xet", "1.4.2", target("3.12"), undefined, { viability: "fails", code: "toolchain-too-old", reason: { required: "1.85", available: "1.63" }, fix: { kind: "install-package", packages: ["rustc-web", "cargo-web"] } }],
  ["hf-xet", "1.4.2", target("3.12", { os: { id: "debian", version: "13" } }), undefined, { viability: "unknown", code: "not-in-table" }],
  // confluent-kafka 2.1+ needs a librdkafka at least as new as itself: Debian 12 has 2.0.2 (unknown, not certain).
  ["confluent-kafka", "2.3.0", target("3.11"), undefined, { viability: "unknown", code: "library-missing", reason: { os: "debian" }, fix: null }],
  ["confluent-kafka", "2.0.2", target("3.11"), undefined, { viability: "builds", code: "known-good" }],
  // llvmlite: the matching LLVM is never installed by Basewise, so even a release with wheels there is unknown.
  ["llvmlite", "0.44.0", target("3.13"), undefined, { viability: "unknown", code: "library-missing" }],
  // multiprocess ships one copy of multiprocessing per CPython minor.
  ["multiprocess", "0.70.15", target("3.12"), undefined, { viability: "unknown", code: "python-too-new", fix: { kind: "upgrade", version: "0.70.16" } }],
  ["multiprocess", "0.70.16", target("3.12"), undefined, { viability: "builds" }],
  // pendulum 2.x's build.py imports distutils (PEP 632).
  ["pendulum", "2.1.2", target("3.12"), undefined, { viability: "fails", code: "python-too-new", reason: { what: "distutils-removed", removedIn: "3.12" }, fix: { kind: "upgrade", version: "3.0.0", verified: true } }],
  ["pendulum", "2.1.2", target("3.13"), undefined, { viability: "fails", reason: { removedIn: "3.12" }, fix: { version: "3.1.0", verified: true } }],
  ["pendulum", "2.0.5", target("3.12"), undefined, { viability: "unknown", code: "python-too-new" }],
  ["pendulum", "3.0.0", target("3.12"), undefined, { viability: "builds" }],
  // argon2-cffi-bindings 25.1.0: 3.12 and 3.13 needed "no code or packaging changes", so 21.2.0 builds there.
  ["argon2-cffi-bindings", "21.2.0", target("3.13"), undefined, { viability: "builds", reason: { since: "21.2.0" } }],
  ["PyNaCl", "1.5.0", target("3.14"), undefined, { viability: "unknown", code: "python-too-new", fix: { version: "1.6.0" } }],
  // not-in-table.
  ["left-pad-py", "1.0", target("3.12"), undefined, { viability: "unknown", code: "not-in-table", reason: { detail: "unknown-project" }, fix: null }],
  ["numpy", "not-a-version", target("3.12"), undefined, { viability: "unknown", code: "not-in-table", reason: { detail: "not-a-version" } }],
];

describe("buildViability", () => {
  it.each(VECTORS.map((v) => [`${v[0]} ${v[1]} on ${v[2].os.id} ${v[2].os.version} CPython ${v[2].python}${v[3] ? ` with ${JSON.stringify(v[3])}` : ""}`, v] as const))(
    "%s",
    (_label, [name, version, t, buildRequirements, expected]) => {
      const answer = buildViability({ name, version, target: t, buildRequirements });
      expect(answer).toMatchObject(expected);
      if (answer.code === "not-in-table") expect(answer.sources).toEqual([]);
      else expect(answer.sources.length).toBeGreaterThan(0);
      if (answer.viability !== "builds" && answer.code !== "not-in-table") expect(answer.problems[0]?.code).toBe(answer.code);
    },
  );

  it("every code has a vector", () => {
    const codes = new Set(VECTORS.map(([name, version, t, buildRequirements]) => buildViability({ name, version, target: t, buildRequirements }).code));
    expect([...codes].sort()).toEqual(["build-requirement-broken", "known-good", "library-missing", "not-in-table", "platform-unsupported", "python-too-new", "toolchain-too-old"]);
  });

  it("lists every matching problem, certain ones first", () => {
    // orjson 3.9.15 on Debian 12 with CPython 3.13: PyO3 0.20 refuses 3.13, and rust-version 1.72 > 1.63.
    const answer = buildViability({ name: "orjson", version: "3.9.15", target: target("3.13") });
    expect(answer.problems.map((p) => p.code)).toEqual(["python-too-new", "toolchain-too-old"]);
    expect(answer.problems[1]?.fix).toEqual({ kind: "install-package", packages: ["rustc-web", "cargo-web"] });
  });

  it("an unresolved build requirement is assumed newest, and says so with lower confidence", () => {
    const answer = buildViability({ name: "PyYAML", version: "6.0", target: target("3.11") });
    expect(answer).toMatchObject({ viability: "fails", code: "build-requirement-broken", confidence: "medium", reason: { resolved: null } });
  });
});

describe("nearestViable", () => {
  const NUMPY = ["1.23.5", "1.24.4", "1.25.2", "1.26.0rc1", "1.26.0", "1.26.4", "2.0.2", "2.1.0", "2.2.6"];

  it("the first release at or after the asked one that the table says builds", () => {
    expect(nearestViable("numpy", NUMPY, target("3.12"), { from: "1.23.5" })).toBe("1.26.0");
    expect(nearestViable("numpy", NUMPY, target("3.13"), { from: "1.23.5" })).toBe("2.1.0");
    expect(nearestViable("numpy", NUMPY, target("3.12"))).toBe("1.26.0");
    expect(nearestViable("numpy", NUMPY, target("3.12"), { from: "2.0.2" })).toBe("2.0.2");
  });

  it("pre-releases only from a pre-release", () => {
    expect(nearestViable("numpy", NUMPY, target("3.12"), { from: "1.26.0rc1" })).toBe("1.26.0rc1");
  });

  it("build requirements carry over: PyYAML with Cython 3 in the build environment", () => {
    expect(nearestViable("pyyaml", ["5.4.1", "6.0", "6.0.1", "6.0.2"], target("3.11"), { from: "6.0", buildRequirements: { cython: "3.0.10" } })).toBe("6.0.1");
  });

  it("null when nothing is known to build", () => {
    expect(nearestViable("left-pad-py", ["1.0", "2.0"], target("3.12"))).toBeNull();
    expect(nearestViable("pyarrow", ["17.0.0", "18.0.0"], target("3.12"))).toBeNull();
  });
});
