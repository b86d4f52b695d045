import { describe, expect, it } from "vitest";
import { MAX_TAG_SET_SIZE, parseTag, parseTagSet, parseWheelFilename, tagToString } from "@/lib/tags";

/** "p0.p1.…": n distinct components, so the expansion has no duplicates to drop. */
const parts = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(".");

describe("compressed tag sets are expanded within a bound", () => {
  it.each([
    { text: "py2.py3-none-any", tags: ["py2-none-any", "py3-none-any"] },
    { text: "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64", tags: ["cp312-cp312-manylinux_2_17_x86_64", "cp312-cp312-manylinux2014_x86_64"] },
    // The widest real wheel in the PyPI snapshot: 11 interpreters × 2 platforms.
    { text: "py2.py3.cp27.cp32.cp33.cp34.cp35.cp36.pp27.pp33.pp35-none-macosx_10_6_intel.macosx_10_9_intel", count: 22 },
    { text: `${parts("i", 16)}-${parts("a", 8)}-${parts("p", 8)}`, count: MAX_TAG_SET_SIZE },
  ])("$text", ({ text, tags, count }) => {
    const parsed = parseTagSet(text);
    if (tags) expect(parsed?.map(tagToString)).toEqual(tags);
    if (count) expect(parsed).toHaveLength(count);
  });

  it.each([
    { shape: "a set over the bound (16 × 8 × 9)", text: `${parts("i", 16)}-${parts("a", 8)}-${parts("p", 9)}` },
    { shape: "three runs of 10 000 dots (10¹² tags)", text: `${".".repeat(10_000)}-${".".repeat(10_000)}-${".".repeat(10_000)}` },
  ])("refuses $shape at once", ({ text }) => {
    const started = performance.now();
    expect(parseTagSet(text)).toBeNull();
    expect(parseWheelFilename(`pkg-1.0-${text}.whl`)).toBeNull();
    // Counting the dots is linear; expanding them would not finish.
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("one reported tag reads back into its triple", () => {
  it.each([
    { text: "cp312-cp312-manylinux_2_17_x86_64", tag: { interpreter: "cp312", abi: "cp312", platform: "manylinux_2_17_x86_64" } },
    { text: "py3-none-any", tag: { interpreter: "py3", abi: "none", platform: "any" } },
    { text: "cp313-cp313t-musllinux_1_2_aarch64", tag: { interpreter: "cp313", abi: "cp313t", platform: "musllinux_1_2_aarch64" } },
    { text: "cp39-abi3-linux_x86_64", tag: { interpreter: "cp39", abi: "abi3", platform: "linux_x86_64" } },
    // A compressed set is several tags, not one; malformed text is not a tag.
    { text: "py2.py3-none-any", tag: null },
    { text: "py3-none", tag: null },
    { text: "py3--any", tag: null },
    { text: "a-b-c-d", tag: null },
    { text: "", tag: null },
  ])("$text", ({ text, tag }) => {
    expect(parseTag(text)).toEqual(tag);
    if (tag) expect(tagToString(tag)).toBe(text);
  });
});
