/**
 * PEP 440 version vectors. Expected values were generated once with Python
 * `packaging` 26.2 (`str(Version(v))`, `Version(v).is_prerelease`, and the
 * comparison operators) and written here literally; no Python at test time.
 */
import { describe, expect, it } from "vitest";
import { compareVersions, isPrerelease, parseVersion } from "./index";

// [input, [normalised text, is_prerelease] | null when packaging raises InvalidVersion]
const PARSE: [string, [string, boolean] | null][] = [
  ["1.0", ["1.0", false]],
  ["1.0.0", ["1.0.0", false]],
  ["1", ["1", false]],
  ["01.02.03", ["1.2.3", false]],
  ["v1.0", ["1.0", false]],
  ["V1.0", ["1.0", false]],
  ["  1.0  ", ["1.0", false]],
  ["\t1.0\n", ["1.0", false]],
  ["1!1.0", ["1!1.0", false]],
  ["0!1.0", ["1.0", false]],
  ["1.0a1", ["1.0a1", true]],
  ["1.0-rc1", ["1.0rc1", true]],
  ["1.0.RC1", ["1.0rc1", true]],
  ["1.0c1", ["1.0rc1", true]],
  ["1.0pre1", ["1.0rc1", true]],
  ["1.0preview", ["1.0rc0", true]],
  ["1.0alpha", ["1.0a0", true]],
  ["1.0.beta.2", ["1.0b2", true]],
  ["1.0a", ["1.0a0", true]],
  ["1.0_a_1", ["1.0a1", true]],
  ["1.0.post", ["1.0.post0", false]],
  ["1.0-post1", ["1.0.post1", false]],
  ["1.0post1", ["1.0.post1", false]],
  ["1.0-1", ["1.0.post1", false]],
  ["1.0.rev1", ["1.0.post1", false]],
  ["1.0r", ["1.0.post0", false]],
  ["1.0.POST1", ["1.0.post1", false]],
  ["1.0.dev", ["1.0.dev0", true]],
  ["1.0dev1", ["1.0.dev1", true]],
  ["1.0-dev1", ["1.0.dev1", true]],
  ["1.0a1.dev1", ["1.0a1.dev1", true]],
  ["1.0a1.post1.dev2", ["1.0a1.post1.dev2", true]],
  ["1.0.post1.dev2", ["1.0.post1.dev2", true]],
  ["1.0+abc", ["1.0+abc", false]],
  ["1.0+ABC.01", ["1.0+abc.1", false]],
  ["1.0+abc-def_g", ["1.0+abc.def.g", false]],
  ["1.0+1e5", ["1.0+1e5", false]],
  ["1.0+ubuntu-1", ["1.0+ubuntu.1", false]],
  ["1.0a1+local.7", ["1.0a1+local.7", true]],
  ["2024.1.15", ["2024.1.15", false]],
  ["20230101120000", ["20230101120000", false]],
  ["1.0.99999999999999999999", ["1.0.99999999999999999999", false]],
  ["0", ["0", false]],
  ["0.0.dev0", ["0.0.dev0", true]],
  ["3.13.0rc1", ["3.13.0rc1", true]],
  ["", null],
  [" ", null],
  ["1.0-", null],
  ["1.0_", null],
  ["1..0", null],
  [".1", null],
  ["1.", null],
  ["a1.0", null],
  ["1.0+", null],
  ["1.0+abc+def", null],
  ["1.0+abc..def", null],
  ["1.0.post-1", ["1.0.post1", false]],
  ["foo", null],
  ["1.0-foo", null],
  ["1.0.x", null],
  ["1.*", null],
  ["1.0 .0", null],
  ["1,0", null],
  ["1_0", null],
  ["1.0a1a2", null],
  ["1.0.post1.post2", null],
  ["1.0.dev1.dev2", null],
  ["1.0+ab c", null],
  ["v", null],
  ["1!", null],
  ["!1.0", null],
  ["1.0+_abc", null],
  ["١.٠", null],
];

// Strictly increasing under packaging's ordering.
const ORDER: string[] = ["0.dev0", "0", "0.1.dev0", "1.0.dev456", "1.0a1.dev1", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0b2-346", "1.0c1.dev456", "1.0c1", "1.0rc2", "1.0c3", "1.0", "1.0+abc", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "1.2", "1.2+123abc", "1.2+123abc456", "1.2+abc", "1.2+abc123", "1.2+abc123def", "1.2+1234.abc", "1.2+123456", "1.2.r32+123456", "1.2.rev33+123456", "1.10", "2.0.0rc1", "2.0", "20230101", "1!0.0.dev0", "1!1.0", "1!1.0.post1", "2!0.1"];

// [a, b, sign of a compared with b]
const COMPARE: [string, string, number][] = [
  ["1.0", "1.0.0", 0],
  ["1", "1.0.0.0", 0],
  ["1.0", "1.0.1", -1],
  ["1.0.dev0", "1.0a0", -1],
  ["1.0a1.dev1", "1.0a1", -1],
  ["1.0a1", "1.0b1", -1],
  ["1.0b1", "1.0rc1", -1],
  ["1.0c1", "1.0rc1", 0],
  ["1.0rc1", "1.0", -1],
  ["1.0", "1.0.post0.dev0", -1],
  ["1.0.post0.dev0", "1.0.post0", -1],
  ["1.0.post1", "1.0.post1.dev5", 1],
  ["1.0", "1.0+abc", -1],
  ["1.0+abc", "1.0+1", -1],
  ["1.0+1e5", "1.0+5", -1],
  ["1.0+abc", "1.0+abc.1", -1],
  ["1.0+ABC", "1.0+abc", 0],
  ["1.0+01", "1.0+1", 0],
  ["1.0+a-b", "1.0+a.b", 0],
  ["1!0.1", "2.0", 1],
  ["0!2.0", "2.0", 0],
  ["1.0.99999999999999999999", "1.0.99999999999999999998", 1],
  ["1.0.99999999999999999999", "1.0.100000000000000000000", -1],
  ["1.0.9999999999999999", "1.0.99999999999999999999", -1],
  ["20230101120000", "20230101120001", -1],
  ["1.0a", "1.0a0", 0],
  ["1.0alpha1", "1.0a1", 0],
  ["1.0-1", "1.0.post1", 0],
  ["1.0.rev1", "1.0.post1", 0],
  ["v1.0", "1.0", 0],
  ["1.0.DEV1", "1.0.dev1", 0],
  ["3.10", "3.9", 1],
  ["3.13.0rc1", "3.13.0", -1],
  ["3.13.0rc1", "3.12.99", 1],
  ["2.0.0b1", "2.0.0.dev1", 1],
  ["1.0b2.post345", "1.0b2-346", -1],
  ["1.0a1.post1", "1.0a2.dev0", -1],
  ["0.0", "0", 0],
  ["0", "0.dev0", 1],
  ["1.0.0.0.1", "1.0", 1],
];

describe("parseVersion", () => {
  it.each(PARSE)("%j", (input, expected) => {
    const parsed = parseVersion(input);
    expect(parsed && [parsed.text, isPrerelease(parsed)]).toEqual(expected);
  });
});

describe("compareVersions", () => {
  it.each(COMPARE)("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(sign === 0 ? 0 : -sign);
  });

  it("orders every pair of the reference list", () => {
    for (let i = 0; i < ORDER.length; i++) {
      for (let j = 0; j < ORDER.length; j++) {
        const a = ORDER[i] ?? "";
        const b = ORDER[j] ?? "";
        expect([a, b, Math.sign(compareVersions(a, b))]).toEqual([a, b, Math.sign(i - j)]);
      }
    }
  });

  it("sorts a shuffled list back into order", () => {
    const shuffled = [...ORDER].sort((a, b) => (a.length * 7 + a.charCodeAt(0)) % 11 - (b.length * 7 + b.charCodeAt(0)) % 11);
    expect(shuffled.sort(compareVersions)).toEqual(ORDER);
  });

  it("throws on an invalid version, naming it", () => {
    expect(() => compareVersions("1.0", "not a version")).toThrow(/"not a version" is not a valid PEP 440 version/);
    expect(() => isPrerelease("1.0-")).toThrow(/"1.0-"/);
  });
});
