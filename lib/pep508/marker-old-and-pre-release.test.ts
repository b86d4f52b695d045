/**
 * Markers inside the end-of-life and pre-release images the catalog now has (python:3.6, 3.7, -rc tags).
 * Expected values from Python `packaging` 26.2, `Marker(m).evaluate(env)`, written here literally.
 * A pre-release interpreter reports python_full_version "3.13.0rc3" (platform.python_version()) and
 * implementation_version "3.13.0c3" (the first letter of sys.implementation.version.releaselevel).
 */
import { describe, expect, it } from "vitest";
import { evaluateMarker, parseMarker, type MarkerEnvironment } from "./index";

function env(pythonVersion: string, full: string, implementation: string): MarkerEnvironment {
  return {
    python_version: pythonVersion,
    python_full_version: full,
    implementation_name: "cpython",
    implementation_version: implementation,
    platform_python_implementation: "CPython",
    sys_platform: "linux",
    platform_system: "Linux",
    platform_machine: "x86_64",
    platform_release: "",
    platform_version: "",
    os_name: "posix",
  };
}

const ENVIRONMENTS = {
  "3.6.15": env("3.6", "3.6.15", "3.6.15"),
  "3.7.17": env("3.7", "3.7.17", "3.7.17"),
  "3.13.0rc3": env("3.13", "3.13.0rc3", "3.13.0c3"),
  "3.15.0a1": env("3.15", "3.15.0a1", "3.15.0a1"),
};

// marker → [3.6.15, 3.7.17, 3.13.0rc3, 3.15.0a1]
const VECTORS: Array<[marker: string, expected: [boolean, boolean, boolean, boolean]]> = [
  ['python_version < "3.7"', [true, false, false, false]],
  ['python_full_version < "3.7"', [true, false, false, false]],
  ['python_full_version >= "3.6.2"', [true, true, true, true]],
  ['python_version >= "3.8"', [false, false, true, true]],
  // A release candidate is below its final release...
  ['python_full_version >= "3.13"', [false, false, false, true]],
  ['python_full_version >= "3.13.0rc1"', [false, false, true, true]],
  // ...while python_version has no pre-release part.
  ['python_version >= "3.13"', [false, false, true, true]],
  ['implementation_version >= "3.13"', [false, false, false, true]],
  // "<V" excludes V's own pre-releases (PEP 440).
  ['python_full_version < "3.15"', [true, true, true, false]],
  ['python_full_version == "3.13.*"', [false, false, true, false]],
];

describe("markers on CPython 3.6/3.7 and pre-release images", () => {
  it.each(VECTORS)("%s", (marker, expected) => {
    const parsed = parseMarker(marker);
    if (!parsed.ok) throw new Error(`unparseable: ${marker}`);
    expect(Object.values(ENVIRONMENTS).map((e) => evaluateMarker(parsed.value, e))).toEqual(expected);
  });
});
