/**
 * PEP 440 specifier vectors. Expected values were generated once with Python
 * `packaging` 26.2 and written here literally; no Python at test time:
 * `str(SpecifierSet(s))`, `SpecifierSet(s).prereleases`,
 * `SpecifierSet(s).contains(v, prereleases=p)` and `list(SpecifierSet(s).filter(vs, prereleases=p))`.
 * In FILTER, text that is not a version was removed from packaging's output:
 * filterVersions skips it by design (pip ≥ 24.1 ignores such files).
 */
import { describe, expect, it } from "vitest";
import { filterVersions, parseSpecifierSet, pinsExactVersion, specifierSetContains, specifierSetNamesPrerelease, type SpecifierSet } from "./index";

// [set, [str(SpecifierSet), bool(prereleases)]]
const SETS: [string, [string, boolean] | null][] = [
  ["", ["", false]],
  [" ", ["", false]],
  [">=1.0", [">=1.0", false]],
  [">= 1.0", [">=1.0", false]],
  ["  >=1.0  ", [">=1.0", false]],
  [">=1.0,<2", ["<2,>=1.0", false]],
  ["<2,>=1.0", ["<2,>=1.0", false]],
  [">=1.0 , <2", ["<2,>=1.0", false]],
  [">=1.0,", [">=1.0", false]],
  [",>=1.0", [">=1.0", false]],
  [">=1,,<2", ["<2,>=1", false]],
  [">=1.0,>=1.0.0", [">=1.0", false]],
  ["~=1.0,~=1.0.0", ["~=1.0,~=1.0.0", false]],
  ["==1.0.*", ["==1.0.*", false]],
  ["== 1.0.*", ["==1.0.*", false]],
  ["!=1.0.*", ["!=1.0.*", false]],
  ["==v1.0", ["==v1.0", false]],
  ["===foo", ["===foo", false]],
  ["=== foo", ["===foo", false]],
  ["===", ["===", false]],
  ["==1.0+Local", ["==1.0+Local", false]],
  [">=1.0a1", [">=1.0a1", true]],
  [">=1.0.dev0", [">=1.0.dev0", true]],
  ["!=1.0a1", ["!=1.0a1", false]],
  ["==1.0a1", ["==1.0a1", true]],
  ["<1.0rc1", ["<1.0rc1", true]],
  ["~=1.0b1", ["~=1.0b1", true]],
  ["==1.*", ["==1.*", false]],
  ["===1.0a1", ["===1.0a1", true]],
  [">1.0.post1", [">1.0.post1", false]],
  [">=1.0,!=1.5a1", ["!=1.5a1,>=1.0", false]],
  ["<=2.0b1,>=1", ["<=2.0b1,>=1", true]],
  [">=1.0 ,!=1.5.*, <2", ["!=1.5.*,<2,>=1.0", false]],
];

// [invalid set, a fragment the error message must contain ("" = any message)]
const INVALID: [string, string][] = [
  ["1.0", "did you mean \"==1.0\"?"],
  ["=1.0", "did you mean \"==1.0\"?"],
  ["=>1.0", "did you mean \">=1.0\"?"],
  ["=<1.0", "did you mean \"<=1.0\"?"],
  ["<>1.0", "did you mean \"!=1.0\"?"],
  ["~1.0", "did you mean \"~=1.0\"?"],
  ["~>1.0", "did you mean \"~=1.0\"?"],
  ["^1.2", "did you mean \">=1.2,<2\"?"],
  ["^0.2.3", "did you mean \">=0.2.3,<0.3\"?"],
  ["*", "leave the specifier out to allow any version"],
  ["==1.x", "did you mean \"==1.*\"?"],
  [">=1.0.*", "a \".*\" wildcard only works with == and != — did you mean \">=1.0\"?"],
  ["~=1.0.*", ""],
  ["==1.0a1.*", "did you mean \"==1.0.*\"?"],
  ["==1.0.post1.*", ""],
  ["==1.*.0", "\"*\" is only allowed as a final \".*\""],
  [">=1.0+local", "a local version label (\"+local\") only works with == and !="],
  ["~=1.0+local", ""],
  ["<=1.0+local", ""],
  ["~=1", "did you mean \"~=1.0\"?"],
  ["~=1.*", ""],
  [">=", "there is no version after \">=\""],
  ["==", ""],
  ["=== a b", "cannot contain spaces"],
  ["===a;b", ""],
  [">=1.0abc", "\"1.0abc\" is not a valid PEP 440 version"],
  [">=foo", ""],
  ["==1.0 .0", ""],
  [">=1.0,foo", ""],
  [">=1.0;<2", ""],
  ["latest", ""],
  [">= 1.0 2.0", ""],
  ["!==1.0", ""],
  [">=1.0.x", ""],
  ["==1.0+", ""],
  ["><1.0", ""],
];

// [set, version, [contains(v), contains(v, prereleases=True), contains(v, prereleases=False)]]
const CONTAINS: [string, string, [boolean, boolean, boolean]][] = [
  ["", "1.0", [true, true, true]],
  ["", "1.0a1", [true, true, false]],
  ["", "foo", [true, true, true]],
  [">=1.0", "1.0", [true, true, true]],
  [">=1.0", "0.9", [false, false, false]],
  [">=1.0", "1.0+local", [true, true, true]],
  [">=1.0", "2.0a1", [true, true, false]],
  [">=1.0", "1.0.dev0", [false, false, false]],
  [">=1.0", "1!0.5", [true, true, true]],
  ["<1.0", "0.9", [true, true, true]],
  ["<1.0", "1.0", [false, false, false]],
  ["<1.0", "1.0a1", [false, false, false]],
  ["<1.0", "1.0.dev0", [false, false, false]],
  ["<1.0", "0.9.post1", [true, true, true]],
  ["<1.0", "0.9+local", [true, true, true]],
  ["<1.0", "1.0rc1", [false, false, false]],
  ["<1.0rc1", "1.0a1", [true, true, false]],
  ["<1.0rc1", "1.0.dev0", [true, true, false]],
  ["<1.0rc1", "1.0rc1", [false, false, false]],
  ["<1.0rc1", "0.9", [true, true, true]],
  ["<1.0.post1", "1.0", [true, true, true]],
  ["<1.0.post1", "1.0rc1", [true, true, false]],
  ["<1.0.post1", "1.0.post1.dev0", [false, false, false]],
  ["<1.0.post1", "1.0.post0", [true, true, true]],
  ["<=1.0", "1.0", [true, true, true]],
  ["<=1.0", "1.0+local", [true, true, true]],
  ["<=1.0", "1.0.post1", [false, false, false]],
  ["<=1.0", "1.0a1", [true, true, false]],
  [">1.0", "1.0", [false, false, false]],
  [">1.0", "1.0.1", [true, true, true]],
  [">1.0", "1.0.post1", [false, false, false]],
  [">1.0", "1.0.post1.dev1", [false, false, false]],
  [">1.0", "1.0+local", [false, false, false]],
  [">1.0", "1.0.0.post1", [false, false, false]],
  [">1.0", "1!0.1", [true, true, true]],
  [">1.0", "1.1a1", [true, true, false]],
  [">1.0a1", "1.0a1", [false, false, false]],
  [">1.0a1", "1.0a2", [true, true, false]],
  [">1.0a1", "1.0a1.post1", [false, false, false]],
  [">1.0a1", "1.0a1+local", [false, false, false]],
  [">1.0a1", "1.0a2+local", [true, true, false]],
  [">1.0a1", "1.0", [true, true, true]],
  [">1.0.post1", "1.0.post1", [false, false, false]],
  [">1.0.post1", "1.0.post2", [true, true, true]],
  [">1.0.post1", "1.0.post2.dev0", [true, true, false]],
  [">1.0.post1", "1.1", [true, true, true]],
  [">1.0.dev1", "1.0.dev1", [false, false, false]],
  [">1.0.dev1", "1.0.dev2", [true, true, false]],
  [">1.0.dev1", "1.0a1", [true, true, false]],
  [">1.0.dev1", "1.0", [true, true, true]],
  ["==1.0", "1.0", [true, true, true]],
  ["==1.0", "1.0.0", [true, true, true]],
  ["==1.0", "1.0+abc", [true, true, true]],
  ["==1.0", "1.0.post1", [false, false, false]],
  ["==1.0", "1.0a1", [false, false, false]],
  ["==1.0", "1", [true, true, true]],
  ["==1.0+abc", "1.0+abc", [true, true, true]],
  ["==1.0+abc", "1.0+ABC", [true, true, true]],
  ["==1.0+abc", "1.0", [false, false, false]],
  ["==1.0+abc", "1.0+abc.1", [false, false, false]],
  ["!=1.0", "1.0", [false, false, false]],
  ["!=1.0", "1.0+abc", [false, false, false]],
  ["!=1.0", "1.1", [true, true, true]],
  ["!=1.0", "1.0.post1", [true, true, true]],
  ["!=1.0+abc", "1.0+abc", [false, false, false]],
  ["!=1.0+abc", "1.0", [true, true, true]],
  ["!=1.0+abc", "1.0+def", [true, true, true]],
  ["==1.0.*", "1.0", [true, true, true]],
  ["==1.0.*", "1", [true, true, true]],
  ["==1.0.*", "1.0.5", [true, true, true]],
  ["==1.0.*", "1.0a1", [true, true, false]],
  ["==1.0.*", "1.0.post1", [true, true, true]],
  ["==1.0.*", "1.0+local", [true, true, true]],
  ["==1.0.*", "1.1", [false, false, false]],
  ["==1.0.*", "1.01", [false, false, false]],
  ["==1.0.*", "1!1.0", [false, false, false]],
  ["==1.*", "1", [true, true, true]],
  ["==1.*", "1.9.9", [true, true, true]],
  ["==1.*", "2.0", [false, false, false]],
  ["==1.*", "1.0.dev0", [true, true, false]],
  ["==1.*", "0.9", [false, false, false]],
  ["==1!1.*", "1!1.5", [true, true, true]],
  ["==1!1.*", "1.5", [false, false, false]],
  ["!=1.0.*", "1.0.5", [false, false, false]],
  ["!=1.0.*", "1.1", [true, true, true]],
  ["!=1.0.*", "1.0a1", [false, false, false]],
  ["!=1.0.*", "0.9", [true, true, true]],
  ["~=1.0", "1.0", [true, true, true]],
  ["~=1.0", "1.5", [true, true, true]],
  ["~=1.0", "2.0", [false, false, false]],
  ["~=1.0", "0.9", [false, false, false]],
  ["~=1.0", "1.0a1", [false, false, false]],
  ["~=1.0", "2.0.dev0", [false, false, false]],
  ["~=1.4.5", "1.4.5", [true, true, true]],
  ["~=1.4.5", "1.4.9", [true, true, true]],
  ["~=1.4.5", "1.5.0", [false, false, false]],
  ["~=1.4.5", "1.4.4", [false, false, false]],
  ["~=2.2.post3", "2.2.post3", [true, true, true]],
  ["~=2.2.post3", "2.2.post4", [true, true, true]],
  ["~=2.2.post3", "2.9", [true, true, true]],
  ["~=2.2.post3", "3.0", [false, false, false]],
  ["~=2.2.post3", "2.2", [false, false, false]],
  ["~=1.4.5a4", "1.4.5a4", [true, true, false]],
  ["~=1.4.5a4", "1.4.5", [true, true, true]],
  ["~=1.4.5a4", "1.4.9", [true, true, true]],
  ["~=1.4.5a4", "1.5.0", [false, false, false]],
  ["~=1.0rc1", "1.5", [true, true, true]],
  ["~=1.0rc1", "1.0rc1", [true, true, false]],
  ["~=1.0rc1", "2.0", [false, false, false]],
  ["~=1.0.c1", "1.5", [false, false, false]],
  ["~=1.0.c1", "1.0.5", [true, true, true]],
  ["~=1.0.c1", "1.0rc1", [true, true, false]],
  ["~=1.0.RC1", "1.5", [false, false, false]],
  ["~=1.0.RC1", "1.0.5", [true, true, true]],
  ["~=v1.0", "1.0", [false, false, false]],
  ["~=v1.0", "1.5", [false, false, false]],
  ["~=1!1.0", "1!1.5", [true, true, true]],
  ["~=1!1.0", "1.5", [false, false, false]],
  ["===1.0", "1.0", [true, true, true]],
  ["===1.0", "1.0.0", [false, false, false]],
  ["===1.0", "1.0+abc", [false, false, false]],
  ["===1.0", "1.0.post0", [false, false, false]],
  ["===foo", "foo", [true, true, true]],
  ["===foo", "FOO", [true, true, true]],
  ["===foo", "1.0", [false, false, false]],
  [">=1.0a1,<2", "1.5a1", [true, true, false]],
  [">=1.0a1,<2", "1.5", [true, true, true]],
  [">=1.0a1,<2", "2.0a1", [false, false, false]],
  [">=1.0a1,<2", "0.9", [false, false, false]],
  [">=1.0,<2", "1.5a1", [true, true, false]],
  [">=1.0,<2", "1.5", [true, true, true]],
  [">=1.0,<2", "2.0a1", [false, false, false]],
  [">=1,!=1.5.*,<2", "1.4", [true, true, true]],
  [">=1,!=1.5.*,<2", "1.5.3", [false, false, false]],
  [">=1,!=1.5.*,<2", "1.6", [true, true, true]],
  [">=1,!=1.5.*,<2", "1.5a1", [false, false, false]],
  [">=1.0,!=1.0a1", "1.1a1", [true, true, false]],
  [">=1.0,!=1.0a1", "1.1", [true, true, true]],
  ["==2.0.*,!=2.0.1", "2.0.0", [true, true, true]],
  ["==2.0.*,!=2.0.1", "2.0.1", [false, false, false]],
  ["==2.0.*,!=2.0.1", "2.0.2rc1", [true, true, false]],
  [">=1.0.dev0", "1.0.dev0", [true, true, false]],
  [">=1.0.dev0", "1.0", [true, true, true]],
  [">=1.0.dev0", "1.0a1", [true, true, false]],
  ["==1.0a1", "1.0a1", [true, true, false]],
  ["==1.0a1", "1.0a1+local", [true, true, false]],
  ["==1.0a1", "1.0", [false, false, false]],
  ["<=1.0a1", "1.0a1", [true, true, false]],
  ["<=1.0a1", "1.0.dev0", [true, true, false]],
  ["<=1.0a1", "0.9", [true, true, true]],
  [">=3.8", "3.8.0", [true, true, true]],
  [">=3.8", "3.12.1", [true, true, true]],
  [">=3.8", "3.13.0rc1", [true, true, false]],
  ["<2,>=1.0,>=1.0.0", "1.5", [true, true, true]],
];

// [set, versions, filter(vs), filter(vs, prereleases=True), filter(vs, prereleases=False)]
const FILTER: [string, string[], string[], string[], string[]][] = [
  ["", ["1.0", "2.0a1", "1.5"], ["1.0", "1.5"], ["1.0", "2.0a1", "1.5"], ["1.0", "1.5"]],
  ["", ["2.0a1", "2.0b1"], ["2.0a1", "2.0b1"], ["2.0a1", "2.0b1"], []],
  [">=1.0", ["0.9", "1.0", "1.5", "2.0a1"], ["1.0", "1.5"], ["1.0", "1.5", "2.0a1"], ["1.0", "1.5"]],
  [">=1.0", ["0.9", "2.0a1", "2.0rc1"], ["2.0a1", "2.0rc1"], ["2.0a1", "2.0rc1"], []],
  [">=1.0", ["0.9", "0.9.5rc1"], [], [], []],
  [">=1.0", [], [], [], []],
  [">=1.0b1", ["0.9", "1.0b1", "1.0", "2.0a1"], ["1.0b1", "1.0", "2.0a1"], ["1.0b1", "1.0", "2.0a1"], ["1.0"]],
  ["<2", ["1.0", "2.0a1", "1.9.dev1"], ["1.0"], ["1.0", "1.9.dev1"], ["1.0"]],
  [">1.1", ["1.1", "2.0a1"], ["2.0a1"], ["2.0a1"], []],
  ["<=2.0.0", ["1.0a1"], ["1.0a1"], ["1.0a1"], []],
  [">=1,!=1.*,!=2.*,!=3.0,<=3.0", ["0.9", "3.0.dev0", "3.0a1", "4.0"], ["3.0.dev0", "3.0a1"], ["3.0.dev0", "3.0a1"], []],
  [">=1.0,<2.0", ["1.0", "not-a-version", "1.5", "1.0.0", "1.5+local", "1.5.post1", "2.0"], ["1.0", "1.5", "1.0.0", "1.5+local", "1.5.post1"], ["1.0", "1.5", "1.0.0", "1.5+local", "1.5.post1"], ["1.0", "1.5", "1.0.0", "1.5+local", "1.5.post1"]],
  ["==1.0", ["1.0", "1.0+cpu", "1.0+cu118", "1.0.0"], ["1.0", "1.0+cpu", "1.0+cu118", "1.0.0"], ["1.0", "1.0+cpu", "1.0+cu118", "1.0.0"], ["1.0", "1.0+cpu", "1.0+cu118", "1.0.0"]],
  ["~=2.2", ["2.1", "2.2", "2.3", "2.9rc1", "3.0", "3.0.dev1"], ["2.2", "2.3"], ["2.2", "2.3", "2.9rc1"], ["2.2", "2.3"]],
  ["!=1.5", ["1.5", "1.5a1"], ["1.5a1"], ["1.5a1"], []],
  ["!=1.5a1", ["1.5", "1.5a1"], ["1.5"], ["1.5"], ["1.5"]],
  ["===1.0", ["1.0", "1.0.0", "01.0"], ["1.0"], ["1.0"], ["1.0"]],
  [">=1.0", ["2.0", "1.0", "3.0", "1.5", "1.0"], ["2.0", "1.0", "3.0", "1.5", "1.0"], ["2.0", "1.0", "3.0", "1.5", "1.0"], ["2.0", "1.0", "3.0", "1.5", "1.0"]],
  ["==1.0.*", ["1.0.1", "1.0rc1", "1.1"], ["1.0.1"], ["1.0.1", "1.0rc1"], ["1.0.1"]],
  ["==1.0rc1", ["1.0rc1", "1.0"], ["1.0rc1"], ["1.0rc1"], []],
  [">=0.0", ["1.0.dev0", "2.0a1"], ["1.0.dev0", "2.0a1"], ["1.0.dev0", "2.0a1"], []],
  ["<3", ["", " ", "3.0", "junk 1.0", "2.9.9"], ["2.9.9"], ["2.9.9"], ["2.9.9"]],
  [">=1.0", ["v1.2", "1.2-post1", " 1.3 "], ["v1.2", "1.2-post1", " 1.3 "], ["v1.2", "1.2-post1", " 1.3 "], ["v1.2", "1.2-post1", " 1.3 "]],
  [">=22", ["22.0", "23.0rc1", "24.1.post1", "24.1+local"], ["22.0", "24.1.post1", "24.1+local"], ["22.0", "23.0rc1", "24.1.post1", "24.1+local"], ["22.0", "24.1.post1", "24.1+local"]],
];

function parsed(text: string): SpecifierSet {
  const result = parseSpecifierSet(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("parseSpecifierSet", () => {
  it.each(SETS)("%j", (text, expected) => {
    const set = parsed(text);
    expect([set.text, specifierSetNamesPrerelease(set)]).toEqual(expected);
  });

  it.each(INVALID)("rejects %j", (text, fragment) => {
    const result = parseSpecifierSet(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(fragment);
  });

  it("names the failing clause of a set", () => {
    const result = parseSpecifierSet(">=1.0, =<2");
    expect(result).toEqual({ ok: false, error: 'Invalid version specifier "=<2": PEP 440 has no "=<" operator — did you mean "<=2"?' });
  });
});

describe("specifierSetContains", () => {
  it.each(CONTAINS)("%j contains %j", (text, version, [byDefault, withPre, withoutPre]) => {
    const set = parsed(text);
    expect([
      specifierSetContains(set, version),
      specifierSetContains(set, version, { prereleases: true }),
      specifierSetContains(set, version, { prereleases: false }),
    ]).toEqual([byDefault, withPre, withoutPre]);
  });
});

describe("filterVersions", () => {
  it.each(FILTER)("%j over %j", (text, versions, byDefault, withPre, withoutPre) => {
    const set = parsed(text);
    expect(filterVersions(set, versions)).toEqual(byDefault);
    expect(filterVersions(set, versions, { prereleases: true })).toEqual(withPre);
    expect(filterVersions(set, versions, { prereleases: false })).toEqual(withoutPre);
  });
});

describe("pinsExactVersion (pip's resolver: may a yanked file be used?)", () => {
  it.each([
    ["==1.0", true],
    ["===1.0", true],
    ["===foobar", true],
    ["==1.*", false],
    [">=1.0", false],
    [">=1.0,==1.1", true],
    ["==1.*,!=1.1", false],
    ["", false],
  ] as const)("%j → %s", (text, expected) => {
    expect(pinsExactVersion(parsed(text))).toBe(expected);
  });
});
