/**
 * PyO3/maturin extensions: pydantic v2's core, the jsonschema and OpenAI/Hugging Face stacks. Each
 * needs a recent Rust: Debian 12's rustc (1.63) is too old for nearly all of them, so the builder
 * installs rustc-web/cargo-web (see TOOLCHAIN.rust), and the crates are downloaded from crates.io
 * during the build.
 */
import type { PackageNativeBuilds, Toolchain } from "../types";
import { compiled, project } from "./compose";
import { externalDeps, readAt } from "./sources";

/** A Rust extension with the same build for every release. */
function rustExtension(name: string, backend: string, sources: readonly string[], note: string, toolchains: readonly Toolchain[] = ["rust"]): PackageNativeBuilds {
  return project(name, { versions: "", kind: "native", toolchains, backend, os: compiled(toolchains), confidence: "high", sources, note });
}

export const PYDANTIC_CORE = rustExtension(
  "pydantic-core",
  "maturin",
  [externalDeps("pydantic-core"), readAt("pydantic/pydantic-core", "383eb95a19433754c0cecf7025b50c26b6d97a36", "pyproject.toml")],
  "The compiled half of pydantic v2. 2.5–4.5 min in rgommers/external-deps-build CI; new pydantic-core releases lag behind on new Pythons' and musl arm64 wheels.",
);
export const RPDS_PY = rustExtension(
  "rpds-py",
  "maturin",
  [externalDeps("rpds-py"), readAt("crate-py/rpds", "2c9ab3b2ef17e68a4186007977d83e19442e3f6c", "pyproject.toml")],
  "Small crate (30–40 s); pulled in by jsonschema → referencing.",
);
export const JITER = rustExtension("jiter", "maturin", [readAt("pydantic/jiter", "785cf750016150bda7410e95525bd6ed398102c4", "crates/jiter-python/pyproject.toml")], "Pulled in by the openai and anthropic SDKs.");
export const WATCHFILES = rustExtension("watchfiles", "maturin", [readAt("samuelcolvin/watchfiles", "b6eb04ffaa99c3e656e448c75d137013ffa2ece3", "Cargo.toml")], "Pulled in by uvicorn[standard].");
export const TOKENIZERS = rustExtension(
  "tokenizers",
  "maturin",
  [readAt("huggingface/tokenizers", "3ba8ad0061a885baf052bbb7bbd22857e73e0c4e", "bindings/python/pyproject.toml")],
  "A large crate graph (several minutes); some crates compile bundled C/C++ (onig) through the cc crate.",
  ["c", "cxx", "rust"],
);
export const SAFETENSORS = rustExtension("safetensors", "maturin", [readAt("huggingface/safetensors", "24b0b2857fef49be734b9ab72ce97c09bb25f5b9", "bindings/python/pyproject.toml")], "Small crate.");
export const TIKTOKEN = rustExtension("tiktoken", "setuptools + setuptools-rust", [readAt("openai/tiktoken", "4e71bbe0c078468e00fefbf94b39849389f346e5", "pyproject.toml")], "Upstream installs Rust with rustup; crates are downloaded during the build.");
export const HF_XET = rustExtension("hf-xet", "maturin", [readAt("huggingface/xet-core", "af1a3ff93e02d60b9e7c3790d9cb143e2e5353a7", "hf_xet/pyproject.toml")], "A large async Rust workspace: a long build. Pulled in by huggingface_hub.");
export const RUFF = rustExtension(
  "ruff",
  "maturin (bindings = \"bin\": a Rust executable in a wheel)",
  [readAt("astral-sh/ruff", "0152814a00586d32fb0eba3a667935ee3cba720a", "pyproject.toml")],
  "Compiles the whole ruff workspace (a long build, several CPU-minutes and much RAM) and needs a very recent Rust (../shared/data/sysdeps/native-packages.json records rust-version 1.96 for the current release): even rustc-web may be too old, so rustup is the dependable route. Usually a dev/CI tool, not needed in the final image.",
);
export const LIBCST = rustExtension("libcst", "setuptools + setuptools-rust", [readAt("Instagram/LibCST", "519b46307ccc7fa13722fd5fc4b72226f7ac9763", "setup.py")], "The native parser is required in current releases.");
export const NH3 = rustExtension("nh3", "maturin", [readAt("messense/nh3", "567c411f1b49d2c1b943b8de8a24ada6cf87149a", "pyproject.toml")], "Small crate (ammonia bindings).");
export const UV = rustExtension(
  "uv",
  "maturin (bindings = \"bin\": a Rust executable in a wheel)",
  [readAt("astral-sh/uv", "26a9dd4b2125bc271b47855e1fa0c49af3365db5", "pyproject.toml"), readAt("astral-sh/uv", "26a9dd4b2125bc271b47855e1fa0c49af3365db5", "Cargo.toml")],
  "Compiles the whole uv workspace (a long build) and needs a recent Rust (the build-viability table lists each range's rust-version). Usually a build tool: COPY it from the ghcr.io/astral-sh/uv image instead.",
);
export const UUID_UTILS = rustExtension("uuid-utils", "maturin", [readAt("aminalaee/uuid-utils", "f73e4d2b8974310c6266e2715cd2f65934fbd3e0", "pyproject.toml")], "Small crate.");

export const PENDULUM: PackageNativeBuilds = project(
  "pendulum",
  {
    versions: "<3",
    kind: "optional-native",
    fallback: { automatic: true },
    toolchains: ["c"],
    backend: "poetry-core (build.py with optional C extensions)",
    os: compiled(["c"]),
    confidence: "medium",
    sources: ["https://github.com/sdispater/pendulum/blob/2.1.2/build.py"],
    note: "2.x compiled optional C speed-ups and fell back to pure Python when they failed.",
  },
  {
    versions: ">=3",
    kind: "native",
    toolchains: ["rust"],
    backend: "maturin",
    os: compiled(["rust"]),
    confidence: "high",
    sources: [readAt("python-pendulum/pendulum", "0a88aece8ece78e44c6a9dac1d9db661cfdfbee0", "pyproject.toml")],
    note: "3.x needs Rust to build from the sdist.",
  },
);
