/**
 * Intersecting specifier sets as values (packaging's `SpecifierSet.__and__`). Expected values were
 * generated once with Python `packaging` 26.2 and written here literally:
 * `str(SpecifierSet(a) & SpecifierSet(b))`, `.prereleases` (None → false),
 * `list(….filter(VERSIONS))` and `list(….filter(VERSIONS, prereleases=True))`.
 * Each row is also checked against what parsing the two texts joined by "," gives, which is how
 * callers combined requirements before the intersection existed.
 */
import { describe, expect, it } from "vitest";
import { ANY_VERSION, filterVersions, intersectSpecifierSets, parseSpecifierSet, specifierSetContains, type SpecifierSet } from "./index";

const VERSIONS = ["0.9", "1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "2.0b1", "2.0rc1", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"];

// [a, b, str(a & b), (a & b).prereleases, filter(VERSIONS), filter(VERSIONS, prereleases=True)]
const VECTORS: [string, string, string, boolean, string[], string[]][] = [
  [">=1,<2", "!=1.5", "!=1.5,<2,>=1", false, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5a1", "1.0+local"]],
  ["", "", "", false, ["0.9", "1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"], VERSIONS],
  ["", ">=1.0", ">=1.0", false, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "2.0b1", "2.0rc1", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"]],
  [">=1.0", "", ">=1.0", false, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "2.0b1", "2.0rc1", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"]],
  [">=1.0", "<2", "<2,>=1.0", false, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "1.0+local"]],
  ["<2", ">=1.0", "<2,>=1.0", false, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "1.0+local"]],
  [">=1.0", ">=1.0", ">=1.0", false, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "2.0b1", "2.0rc1", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"]],
  [">=1.0", ">=1", ">=1", false, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "2.0b1", "2.0rc1", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"]],
  ["~=2.2", "!=2.3.*", "!=2.3.*,~=2.2", false, ["2.2", "2.4"], ["2.2", "2.4"]],
  ["==1.0.*", "==1.0.5", "==1.0.*,==1.0.5", false, [], []],
  [">=1.0a1", "<2", "<2,>=1.0a1", true, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "1.0+local"]],
  ["<2", ">=1.0a1", "<2,>=1.0a1", true, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "1.0+local"]],
  ["!=2.0b1", ">=1", "!=2.0b1,>=1", false, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5", "1.5a1", "2.0rc1", "2.0", "2.2", "2.3.1", "2.4", "3.0", "1.0+local"]],
  [">=1", "==2.0rc1", "==2.0rc1,>=1", true, ["2.0rc1"], ["2.0rc1"]],
  ["<=2.0b1,>=1", "!=1.5", "!=1.5,<=2.0b1,>=1", true, ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5a1", "2.0b1", "1.0+local"], ["1.0", "1.0.post1", "1.4.5", "1.4.8", "1.5a1", "2.0b1", "1.0+local"]],
  ["===foo", "==1.0", "==1.0,===foo", false, [], []],
  [">=1.0,<2", ">=1.5,<3", "<2,<3,>=1.0,>=1.5", false, ["1.5"], ["1.5"]],
  ["==1.0+local", "!=1.0+other", "!=1.0+other,==1.0+local", false, ["1.0+local"], ["1.0+local"]],
  [">1.0.post1", "<1.1", "<1.1,>1.0.post1", false, [], []],
  ["~=1.4.5", "<1.4.9", "<1.4.9,~=1.4.5", false, ["1.4.5", "1.4.8"], ["1.4.5", "1.4.8"]],
];

function set(text: string): SpecifierSet {
  const parsed = parseSpecifierSet(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe("intersectSpecifierSets", () => {
  it.each(VECTORS)("%j ∩ %j is %j", (a, b, text, namesPrerelease, filtered, filteredWithPre) => {
    const both = intersectSpecifierSets(set(a), set(b));
    expect(both.text).toBe(text);
    expect(both.namesPrerelease).toBe(namesPrerelease);
    expect(filterVersions(both, VERSIONS)).toEqual(filtered);
    expect(filterVersions(both, VERSIONS, { prereleases: true })).toEqual(filteredWithPre);
  });

  it.each(VECTORS)("%j ∩ %j behaves as the two texts joined and parsed again", (a, b) => {
    const both = intersectSpecifierSets(set(a), set(b));
    const joined = set(`${a},${b}`);
    expect(both.text).toBe(joined.text);
    expect(both.clauses.map((c) => c.text)).toEqual(joined.clauses.map((c) => c.text));
    expect(both.namesPrerelease).toBe(joined.namesPrerelease);
    for (const prereleases of [undefined, true, false]) {
      expect(filterVersions(both, VERSIONS, { prereleases })).toEqual(filterVersions(joined, VERSIONS, { prereleases }));
      for (const version of VERSIONS) expect(specifierSetContains(both, version, { prereleases })).toBe(specifierSetContains(joined, version, { prereleases }));
    }
  });

  it("keeps the parsed clauses themselves: nothing is printed and parsed again", () => {
    const a = set(">=1,<2");
    const b = set("!=1.5");
    expect(intersectSpecifierSets(a, b).clauses).toEqual([...a.clauses, ...b.clauses]);
    for (const [i, clause] of intersectSpecifierSets(a, b).clauses.entries()) expect(clause).toBe([...a.clauses, ...b.clauses][i]);
  });

  it("hands back the other set itself when one side has no clauses", () => {
    const a = set(">=1.0a1");
    expect(intersectSpecifierSets(a, ANY_VERSION)).toBe(a);
    expect(intersectSpecifierSets(ANY_VERSION, a)).toBe(a);
    expect(intersectSpecifierSets(a, set(" "))).toBe(a);
    expect(intersectSpecifierSets(ANY_VERSION, ANY_VERSION)).toBe(ANY_VERSION);
    expect(ANY_VERSION).toMatchObject({ text: "", clauses: [], namesPrerelease: false });
  });

  it("folds any number of sets as the whole list joined would parse", () => {
    const texts = [">=1.0", "", "!=1.5.*", "<3,>=1.0", "~=1.4", "!=2.0b1"];
    for (let n = 0; n <= texts.length; n++) {
      const folded = texts.slice(0, n).map(set).reduce(intersectSpecifierSets, ANY_VERSION);
      const joined = set(texts.slice(0, n).join(","));
      expect(folded.text).toBe(joined.text);
      expect(folded.clauses.map((c) => c.text)).toEqual(joined.clauses.map((c) => c.text));
      expect(folded.namesPrerelease).toBe(joined.namesPrerelease);
      expect(filterVersions(folded, VERSIONS)).toEqual(filterVersions(joined, VERSIONS));
    }
  });
});
