import { describe, expect, it } from "vitest";
import { isValidProjectName, normalizeProjectName } from "./project-name";

// [input, valid, PEP 503 normalised form]
const CASES: Array<[string, boolean, string]> = [
  ["numpy", true, "numpy"],
  ["Django", true, "django"],
  ["typing_extensions", true, "typing-extensions"],
  ["zope.interface", true, "zope-interface"],
  ["Foo.-_Bar", true, "foo-bar"],
  ["a", true, "a"],
  ["9", true, "9"],
  ["ruamel.yaml.clib", true, "ruamel-yaml-clib"],
  ["PySocks", true, "pysocks"],
  ["backports.zoneinfo", true, "backports-zoneinfo"],
  ["", false, ""],
  ["-leading", false, "-leading"],
  ["trailing-", false, "trailing-"],
  [".hidden", false, "-hidden"],
  ["has space", false, "has space"],
  ["../etc/passwd", false, "-/etc/passwd"],
  ["numpy/", false, "numpy/"],
  ["a/b", false, "a/b"],
  ["%2e%2e", false, "%2e%2e"],
  ["numpy?x=1", false, "numpy?x=1"],
  ["numpy#frag", false, "numpy#frag"],
  ["http://evil.example/", false, "http://evil-example/"],
  ["naïve", false, "naïve"],
  ["numpy\n", false, "numpy\n"],
  ["x".repeat(201), false, "x".repeat(201)],
];

describe("project names", () => {
  it.each(CASES)("%j: valid=%s, normalised %j", (input, valid, normalised) => {
    expect(isValidProjectName(input)).toBe(valid);
    expect(normalizeProjectName(input)).toBe(normalised);
  });
});
