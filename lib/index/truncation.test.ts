import { describe, expect, it } from "vitest";
import { isUndetectableTruncation } from "./truncation.test-support";

const full = { name: "six", version: "1.17.0", requiresDist: ["a>=1", "b; extra == 'x'"], requiresPython: ">=3.8", providesExtra: ["x"] };

describe("isUndetectableTruncation (fault-test support)", () => {
  it("recognises metadata cut at a line end: lists keep a prefix, a single header goes missing", () => {
    expect(isUndetectableTruncation(full, { ...full, requiresDist: ["a>=1"] })).toBe(true);
    expect(isUndetectableTruncation(full, { ...full, requiresPython: null })).toBe(true);
    expect(isUndetectableTruncation(full, { ...full, providesExtra: [], requiresDist: [] })).toBe(true);
  });

  it("does not excuse identical, altered or reordered metadata", () => {
    expect(isUndetectableTruncation(full, full)).toBe(false);
    expect(isUndetectableTruncation(full, { ...full, requiresDist: ["b; extra == 'x'"] })).toBe(false);
    expect(isUndetectableTruncation(full, { ...full, requiresPython: ">=3.9", requiresDist: [] })).toBe(false);
    expect(isUndetectableTruncation(full, { ...full, version: "1.16.0", requiresDist: [] })).toBe(false);
  });
});
