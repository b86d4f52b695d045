import { describe, expect, it } from "vitest";
import { MAX_TAG_SET_SIZE, parseTagSet, parseWheelFilename, tagToString } from "@/lib/tags";

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
