import { describe, expect, it } from "vitest";
import { indexTags, isPurePythonTag, makeTag, rankedTags, targetTags, tagToString, type TagTarget } from "./index";

const TARGETS: TagTarget[] = [
  { pythonVersion: "3.12.4", implementation: "cp", libc: { family: "glibc", version: "2.36" }, arch: "x86_64" },
  { pythonVersion: "3.12", implementation: "cp", libc: { family: "glibc", version: "2.36" }, arch: "aarch64" },
  { pythonVersion: "3.10", implementation: "cp", libc: { family: "musl", version: "1.2.3" }, arch: "x86_64" },
  { pythonVersion: "3.13.5", implementation: "cp", libc: { family: "glibc", version: "2.41" }, arch: "aarch64", freeThreaded: true },
  { pythonVersion: "3.8", implementation: "cp", libc: { family: "musl", version: "1.1.24" }, arch: "aarch64" },
];

describe("rankedTags", () => {
  it.each(TARGETS.map((t) => [`${t.pythonVersion}${t.freeThreaded ? "t" : ""} ${t.libc.family} ${t.libc.version} ${t.arch}`, t] as const))(
    "%s: the target's tags in order, as values with their priority and printed form",
    (_, target) => {
      const { ordered, byText } = rankedTags(target);
      const expected = targetTags(target);
      expect(ordered.map(({ interpreter, abi, platform }) => ({ interpreter, abi, platform }))).toEqual(expected);
      ordered.forEach((tag, i) => {
        expect(tag.priority).toBe(i);
        expect(tag.text).toBe(tagToString(expected[i] as (typeof expected)[number]));
        expect(byText.get(tag.text)).toBe(tag);
      });
      // The same priorities pip's lookup (and the resolver's TargetTags) use.
      for (const [text, priority] of indexTags(expected).priority) expect(byText.get(text)?.priority).toBe(priority);
    },
  );

  it("is built once per interpreter", () => {
    const [first] = TARGETS as [TagTarget];
    expect(rankedTags({ ...first, libc: { ...first.libc } })).toBe(rankedTags(first));
    expect(rankedTags({ ...first, pythonVersion: "3.11.9" })).not.toBe(rankedTags(first));
  });
});

describe("isPurePythonTag", () => {
  const VECTORS: [string, boolean][] = [
    ["py3-none-any", true],
    ["py312-none-any", true],
    ["cp312-none-any", true],
    ["py30-none-any", true],
    ["cp312-cp312-manylinux_2_17_x86_64", false],
    ["cp312-abi3-manylinux_2_17_x86_64", false],
    ["cp38-abi3-musllinux_1_1_aarch64", false],
    ["cp312-none-manylinux_2_17_x86_64", false],
    ["py3-none-linux_x86_64", false],
    ["py3-none-musllinux_1_2_aarch64", false],
    ["cp313t-cp313t-manylinux_2_41_aarch64", false],
  ];
  it.each(VECTORS)("%s → %s", (text, pure) => {
    const [interpreter, abi, platform] = text.split("-") as [string, string, string];
    expect(isPurePythonTag(makeTag(interpreter, abi, platform))).toBe(pure);
  });

  it("agrees, on every tag a target can match, with the suffix check on the printed form it replaces", () => {
    for (const target of TARGETS) {
      for (const tag of rankedTags(target).ordered) expect(isPurePythonTag(tag)).toBe(/-none-any$/.test(tag.text));
    }
  });
});
