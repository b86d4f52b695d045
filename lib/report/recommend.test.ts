import { describe, expect, it } from "vitest";
import { formatBytes, formatRange, recommend, type RankInput } from "./recommend";

const slim: RankInput = { base: "python:3.10-bullseye", arch: "amd64", blocker: null, unknown: 0, compiles: [], buildSeconds: { low: 20, high: 40 }, imageBytes: 1_118_000_000 };
const alpine: RankInput = {
  base: "python:3.10-alpine3.17", arch: "amd64", blocker: null, unknown: 0, compiles: ["pandas 1.5.2", "numpy 1.23.5", "numpy 1.21.6"],
  buildSeconds: { low: 1200, high: 1500 }, imageBytes: 195_000_000,
};

describe("recommend", () => {
  it("minutes of compiling outweigh size: the full Debian image beats Alpine for the seed case, and the sentence says what Alpine costs", () => {
    const result = recommend([alpine, slim]);
    expect(result).toMatchObject({ base: "python:3.10-bullseye", arch: "amd64" });
    expect(result?.why).toBe(
      "python:3.10-bullseye wins: everything installs from wheels, it builds in 20–40 s and the image is about 1.1 GB. " +
        "The runner-up, python:3.10-alpine3.17, takes 20–24 min longer to build (pandas 1.5.2, numpy 1.23.5 and numpy 1.21.6 compile) but its image is about 920 MB smaller.",
    );
    expect(result?.ranking.map((r) => r.base)).toEqual(["python:3.10-bullseye", "python:3.10-alpine3.17"]);
  });

  it("with equal build minutes the smaller image wins", () => {
    const small = { ...slim, base: "python:3.12-slim-bookworm", imageBytes: 150_000_000, buildSeconds: { low: 25, high: 50 } };
    expect(recommend([slim, small])?.base).toBe("python:3.12-slim-bookworm");
  });

  it("an image whose build fails is out, however fast", () => {
    const broken = { ...slim, base: "python:3.14-slim-trixie", blocker: "numpy 1.23.5 has nothing installable for Python 3.14", imageBytes: 1 };
    const result = recommend([broken, alpine]);
    expect(result?.base).toBe("python:3.10-alpine3.17");
    expect(result?.ranking.at(-1)).toEqual({ base: "python:3.14-slim-trixie", arch: "amd64", out: broken.blocker });
    expect(result?.why).toContain("The runner-up, python:3.14-slim-trixie, fails to build");
  });

  it("fewer unknown packages first; every image failing is said plainly; nothing to rank is null", () => {
    expect(recommend([{ ...slim, unknown: 2 }, alpine])?.base).toBe("python:3.10-alpine3.17");
    expect(recommend([{ ...slim, blocker: "no solution" }])?.why).toMatch(/^No image can be recommended/);
    expect(recommend([])).toBeNull();
  });

  it("formats ranges and sizes without false precision", () => {
    expect(formatRange({ low: 20, high: 40 })).toBe("20–40 s");
    expect(formatRange({ low: 1190, high: 1510 })).toBe("20–25 min");
    expect(formatBytes(194_500_000)).toBe("190 MB");
    expect(formatBytes(45_400_000)).toBe("45 MB");
    expect(formatBytes(1_118_700_000)).toBe("1.1 GB");
  });

  it("an image whose base size is unknown is never given a size, and ranks after a known size at equal minutes", () => {
    const ubi = { ...slim, base: "registry.access.redhat.com/ubi9/python-311", imageBytes: null };
    const result = recommend([ubi, slim]);
    expect(result?.ranking.map((r) => r.base)).toEqual(["python:3.10-bullseye", "registry.access.redhat.com/ubi9/python-311"]);
    expect(result?.why).toContain("image sizes cannot be compared: a base image's size is unknown");
    const alone = recommend([ubi]);
    expect(alone?.why).toBe("registry.access.redhat.com/ubi9/python-311 wins: everything installs from wheels, it builds in 20–40 s and its image size is unknown (no published size for the base image).");
    expect(alone?.why).not.toMatch(/MB|GB/);
  });
});
