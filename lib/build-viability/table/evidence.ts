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
