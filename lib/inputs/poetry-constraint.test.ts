import { describe, expect, it } from "vitest";
import { parseSpecifierSet, specifierSetContains } from "@/lib/pep440";
import { poetryAlternatives, pythonConstraintMarker, translatePoetryConstraint } from "./poetry-constraint";

// python-poetry.org/docs/dependency-specification ("Caret requirements", "Tilde requirements",
// "Wildcard requirements", "Inequality requirements", "Exact requirements", "Multiple requirements").
describe("translatePoetryConstraint", () => {
  const vectors: [string, string][] = [
    // caret: the documented table
    ["^1.2.3", ">=1.2.3,<2.0.0"],
    ["^1.2", ">=1.2,<2.0"],
    ["^1", ">=1,<2"],
    ["^0.2.3", ">=0.2.3,<0.3.0"],
    ["^0.0.3", ">=0.0.3,<0.0.4"],
    ["^0.0", ">=0.0,<0.1"],
    ["^0", ">=0,<1"],
    // caret beyond the table: pre/post releases bound by their release (poetry-core's next_breaking)
    ["^0.10.11.post1", ">=0.10.11.post1,<0.11.0"],
    ["^2.0.0rc1", ">=2.0.0rc1,<3.0.0"],
    ["^1.2.3.4", ">=1.2.3.4,<2.0.0.0"],
    ["^ 1.2", ">=1.2,<2.0"],
    // tilde: the documented table
    ["~1.2.3", ">=1.2.3,<1.3.0"],
    ["~1.2", ">=1.2,<1.3"],
    ["~1", ">=1,<2"],
    ["~4.17.3", ">=4.17.3,<4.18.0"],
    ["~0.0.3", ">=0.0.3,<0.1.0"],
    // PEP 440's compatible release passes through
    ["~=1.2", "~=1.2"],
    ["~=1.2.3", "~=1.2.3"],
    // wildcards
    ["*", ""],
    ["", ""],
    ["1.*", "==1.*"],
    ["1.2.*", "==1.2.*"],
    ["==1.2.*", "==1.2.*"],
    ["!=1.2.*", "!=1.2.*"],
    // exact
    ["1.2.3", "==1.2.3"],
    ["==1.2.3", "==1.2.3"],
    ["=1.2.3", "==1.2.3"],
    ["6.2.4", "==6.2.4"],
    // inequalities and multiple requirements
    [">= 1.2.0", ">=1.2.0"],
    ["> 1", ">1"],
    ["< 2", "<2"],
    ["!= 1.2.3", "!=1.2.3"],
    [">= 1.2, < 1.5", ">=1.2,<1.5"],
    [">=1.2,<1.5", ">=1.2,<1.5"],
    [">= 1.2 < 1.5", ">=1.2,<1.5"],
    [">=2.1,!=2.1.2,<3", ">=2.1,!=2.1.2,<3"],
    ["^1.2, !=1.4.0", ">=1.2,<2.0,!=1.4.0"],
    ["^0.68", ">=0.68,<0.69"],
  ];
  it.each(vectors)("%s → %s", (written, pep440) => {
    expect(translatePoetryConstraint(written)).toEqual({ ok: true, pep440 });
  });

  it("means what Poetry's table says on concrete versions", () => {
    const admits = (written: string, version: string): boolean => {
      const translated = translatePoetryConstraint(written);
      if (!translated.ok) throw new Error(translated.error);
      const set = parseSpecifierSet(translated.pep440);
      if (!set.ok) throw new Error(set.error);
      return specifierSetContains(set.value, version, { prereleases: true });
    };
    expect([admits("^1.2.3", "1.9.9"), admits("^1.2.3", "2.0.0"), admits("^1.2.3", "1.2.2")]).toEqual([true, false, false]);
    expect([admits("^0.2.3", "0.2.9"), admits("^0.2.3", "0.3.0")]).toEqual([true, false]);
    expect([admits("^0.0.3", "0.0.3"), admits("^0.0.3", "0.0.4")]).toEqual([true, false]);
    expect([admits("~1.2", "1.2.9"), admits("~1.2", "1.3.0")]).toEqual([true, false]);
    expect([admits("~1", "1.9"), admits("~1", "2.0")]).toEqual([true, false]);
  });

  const refused: string[] = ["^1.2 || ^2.0", "1.2 | 2.0", "^x.y", "~banana", ">=1.0,<", "^99999999999999999999.0"];
  it.each(refused)("refuses %s with a reason", (written) => {
    const translated = translatePoetryConstraint(written);
    expect(translated.ok).toBe(false);
    if (!translated.ok) expect(translated.error.length).toBeGreaterThan(10);
  });
});

describe("pythonConstraintMarker", () => {
  const vectors: [string, string][] = [
    ["^3.9", 'python_version >= "3.9" and python_version < "4.0"'],
    ["~3.8", 'python_version >= "3.8" and python_version < "3.9"'],
    [">=3.8.1,<4.0", 'python_full_version >= "3.8.1" and python_version < "4.0"'],
    ["3.10.*", 'python_full_version == "3.10.*"'],
    ["<3.11", 'python_version < "3.11"'],
    ["*", ""],
    ["~2.7 || ^3.6", '(python_version >= "2.7" and python_version < "2.8") or (python_version >= "3.6" and python_version < "4.0")'],
  ];
  it.each(vectors)("%s → %s", (written, marker) => {
    expect(pythonConstraintMarker(written)).toEqual({ ok: true, pep440: marker });
  });
  it("splits alternatives", () => {
    expect(poetryAlternatives("~2.7 || ^3.6")).toEqual(["~2.7", "^3.6"]);
    expect(poetryAlternatives("^3.6")).toEqual(["^3.6"]);
  });
});
