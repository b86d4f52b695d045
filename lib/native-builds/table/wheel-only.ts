/**
 * Projects PyPI serves as wheels only (no sdist, or only a placeholder one): without a matching
 * wheel pip cannot install them at all, so there is nothing for Basewise to compile. Evidence: no
 * sdist among these releases in the 2023 PyPI snapshot (../shared/data/pypi/packages.jsonl.gz) nor
 * in the lock-file harvest (lockfile-releases.jsonl.gz, 2021–2026, every file of each locked
 * release). The toolchains describe a build from a source checkout, for the report only.
 */
import { NOTHING, TOOL } from "../os-packages";
import type { NativeBuildEra, OsPackageSet, PackageNativeBuilds, Toolchain } from "../types";
import { compiled, project } from "./compose";
import { pypiFiles } from "./sources";

const HARVEST = "No sdist for these releases in the 2023 PyPI snapshot or the 2021–2026 lock-file harvest.";

function wheelOnly(versions: string, pypi: string, toolchains: readonly Toolchain[], backend: string, note: string, ...tools: readonly OsPackageSet[]): NativeBuildEra {
  const kind = toolchains.length > 0 ? "native" : "pure";
  const os = toolchains.length > 0 ? compiled(toolchains, ...tools) : NOTHING;
  return { versions, kind, toolchains, backend, os, wheelOnly: true, confidence: "medium", sources: [pypiFiles(pypi)], note: `${HARVEST} ${note}` };
}

export const TORCH: PackageNativeBuilds = project(
  "torch",
  wheelOnly(">=1", "torch", ["c", "cxx"], "setuptools + cmake (from a git checkout)", "The only sdists on PyPI are the 0.1.2 releases of 2017; a build from source needs the repository and hours of CPU. No musllinux wheels.", TOOL.cmake, TOOL.ninja),
);
export const ONNXRUNTIME: PackageNativeBuilds = project("onnxruntime", wheelOnly("", "onnxruntime", ["cxx"], "(no sdist on PyPI)", "No musllinux wheels, so it cannot be installed on Alpine.", TOOL.cmake));
export const RAY: PackageNativeBuilds = project("ray", wheelOnly("", "ray", ["c", "cxx"], "Bazel (from a git checkout)", "No musllinux wheels."));
export const TRITON: PackageNativeBuilds = project(
  "triton",
  wheelOnly(">=2,<3.4.1", "triton", ["c", "cxx"], "setuptools + cmake with a pinned LLVM (from a git checkout)", "The 0.x releases had sdists, and the harvest lists an sdist for 3.4.1, which was not read: releases from 3.4.1 are not tabled.", TOOL.cmake),
);
export const TREE_SITTER_LANGUAGES: PackageNativeBuilds = project(
  "tree-sitter-languages",
  wheelOnly("", "tree-sitter-languages", ["c"], "(no sdist on PyPI)", "Unmaintained: no wheels for newer CPython minors."),
);
// The wheels carry prebuilt binaries and pip compiles nothing, so these rows are pure.
export const NVIDIA_NCCL_CU12: PackageNativeBuilds = project(
  "nvidia-nccl-cu12",
  wheelOnly(">=2", "nvidia-nccl-cu12", [], "none (prebuilt NCCL libraries in manylinux wheels)", "The one sdist is the 0.0.1.dev5 placeholder. manylinux x86_64/aarch64 wheels only; no musl."),
);
export const PLAYWRIGHT: PackageNativeBuilds = project(
  "playwright",
  wheelOnly(">=1", "playwright", [], "none (platform wheels bundle the Node.js driver)", "Only 0.x releases had sdists. Browsers are downloaded separately (playwright install --with-deps) and need many runtime libraries."),
);
