import { describe, expect, it } from "vitest";
import { counted, formatBytes, formatRange, formatSeconds, formatSize, formatUtcMinute, listed } from "./format";

// One unit convention (decimal: 1 MB = 10^6 bytes), as vectors.

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [1_000, "1 KB"],
    [1_499, "1 KB"],
    [45_400, "45 KB"],
    [999_400, "999 KB"],
    [999_600, "1 MB"], // rounds to 1000 KB: said in MB
    [1_000_000, "1 MB"],
    [1_048_576, "1 MB"], // a MiB is 1.05 MB, never "1.0 MB" by another convention
    [7_300_000, "7 MB"],
    [45_400_000, "45 MB"],
    [99_400_000, "99 MB"],
    [100_000_000, "100 MB"],
    [194_500_000, "190 MB"], // tens from 100 MB up
    [195_000_000, "200 MB"],
    [994_000_000, "990 MB"],
    [996_000_000, "1.0 GB"], // would round to 1000 MB: said in GB
    [1_118_700_000, "1.1 GB"],
    [12_340_000_000, "12.3 GB"],
    [-74_000_000, "-74 MB"], // a difference
  ])("%d bytes → %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("a size the index does not give", () => {
    expect(formatSize(null)).toBe("size unknown");
    expect(formatSize(16_900_000)).toBe("17 MB");
  });
});

describe("durations", () => {
  it.each([
    [0, "0 s"],
    [0.4, "0 s"],
    [40, "40 s"],
    [89.4, "89 s"],
    [90, "2 min"], // from 90 s on, whole minutes
    [149, "2 min"],
    [150, "3 min"],
    [1_510, "25 min"],
  ])("%d s → %s", (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it.each([
    [{ low: 20, high: 40 }, "20–40 s"],
    [{ low: 0, high: 0.2 }, "0 s"], // both ends round alike: one number
    [{ low: 40, high: 89 }, "40–89 s"],
    [{ low: 40, high: 100 }, "1–2 min"], // the high end's unit for both ends
    [{ low: 10, high: 95 }, "1–2 min"], // never "0 min"
    [{ low: 100, high: 130 }, "2 min"],
    [{ low: 1_190, high: 1_510 }, "20–25 min"],
  ])("%j → %s", (range, text) => {
    expect(formatRange(range)).toBe(text);
  });
});

describe("counts, lists, times", () => {
  it.each([
    [0, "package", undefined, "0 packages"],
    [1, "package", undefined, "1 package"],
    [5, "package", undefined, "5 packages"],
    [1, "base image", undefined, "1 base image"],
    [2, "direct link", undefined, "2 direct links"],
    [2, "library", "libraries", "2 libraries"],
  ])("counted(%d, %s)", (n, noun, plural, text) => {
    expect(counted(n, noun, plural)).toBe(text);
  });

  it("lists up to six names, then says how many more", () => {
    expect(listed([])).toBe("");
    expect(listed(["a", "b", "c"])).toBe("a, b, c");
    expect(listed(["a", "b", "c", "d", "e", "f"])).toBe("a, b, c, d, e, f");
    expect(listed(["a", "b", "c", "d", "e", "f", "g", "h"])).toBe("a, b, c, d, e, f and 2 more");
    expect(listed(["a", "b", "c"], 2)).toBe("a, b and 1 more");
  });

  it("an ISO time to the minute, in UTC", () => {
    expect(formatUtcMinute("2024-05-01T12:34:56.789Z")).toBe("2024-05-01 12:34 UTC");
    expect(formatUtcMinute("2024-05-01T14:34:56+02:00")).toBe("2024-05-01 12:34 UTC");
  });
});
