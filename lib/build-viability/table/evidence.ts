/**
 * Shorthands for the two kinds of Python floor most rows use.
 */
import type { Confidence, CPythonChange, PythonFloor } from "../types";
import { pypiFiles } from "./sources";

/**
 * Evidence only: `version` is the first release with a manylinux/musllinux cpXY wheel in the PyPI
 * snapshot (../shared/data/pypi/packages.jsonl.gz, wheels up to 2023-09-07), i.e. the project's CI
 * built that release from source on that Python. Says nothing about older releases.
 */
export function wheelsFrom(project: string, python: string, version: string, note?: string): PythonFloor {
  return {
    python,
    firstBuilding: version,
    change: "unspecified",
    failure: "none",
    confidence: "medium",
    sources: [pypiFiles(project, version)],
    note: [`First release with cp${python.replace(".", "")} Linux wheels in the 2023-09 PyPI snapshot; older releases are not judged.`, note].filter(Boolean).join(" "),
  };
}

/** A floor from a changelog or a failure report. */
export function floor(
  python: string,
  firstBuilding: string | null,
  change: CPythonChange,
  failure: PythonFloor["failure"],
  confidence: Confidence,
  sources: readonly string[],
  extra: { note?: string; checkedFrom?: string; certainBelow?: string } = {},
): PythonFloor {
  return { python, firstBuilding, change, failure, confidence, sources, ...extra };
}

/**
 * Evidence only, from the lock-file harvest (../shared/data/pypi/lockfile-releases.jsonl.gz: the
 * releases that uv/poetry/pdm lock files in public repositories pinned, 2021–2026, with every wheel
 * of each): `version` is the oldest harvested release with a manylinux/musllinux cpXY wheel, i.e.
 * the project's CI built it from source on that Python. The harvest does not hold every release,
 * so an older release may build too; older releases are not judged.
 */
export function lockedWheelsFrom(project: string, python: string, version: string, note?: string): PythonFloor {
  return {
    python,
    firstBuilding: version,
    change: "unspecified",
    failure: "none",
    confidence: "medium",
    sources: [pypiFiles(project, version)],
    note: [`Oldest release with cp${python.replace(".", "")} Linux wheels among the releases in the lock-file harvest (not every release is there); older releases are not judged.`, note]
      .filter(Boolean)
      .join(" "),
  };
}
