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
    expect(result).toMatchObject({ base: "python:3.10-bullseye", archs: ["amd64"] });
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
    expect(result?.ranking.at(-1)).toEqual({ base: "python:3.14-slim-trixie", archs: ["amd64"], out: broken.blocker, outReasons: [{ kind: "blocker", arch: "amd64", text: broken.blocker }] });
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

  describe("over two architectures", () => {
    const both = ["amd64", "arm64"] as const;
    const on = (input: RankInput, arch: "amd64" | "arm64", change: Partial<RankInput> = {}): RankInput => ({ ...input, arch, ...change });
    const slimBookworm: RankInput = { ...slim, base: "python:3.12-slim-bookworm", imageBytes: 150_000_000, buildSeconds: { low: 20, high: 40 } };
    const alpine312: RankInput = { ...slim, base: "python:3.12-alpine3.24", imageBytes: 90_000_000, buildSeconds: { low: 20, high: 40 } };

    it("an image is judged on its slowest architecture: grpcio compiling on arm64 Alpine puts it behind slim, and the sentence names the architecture", () => {
      const inputs = [
        on(alpine312, "amd64"),
        on(alpine312, "arm64", { compiles: ["grpcio 1.59.0"], buildSeconds: { low: 900, high: 1300 } }),
        on(slimBookworm, "amd64"),
        on(slimBookworm, "arm64", { buildSeconds: { low: 22, high: 45 } }),
      ];
      const result = recommend(inputs, { archs: both });
      expect(result).toMatchObject({ base: "python:3.12-slim-bookworm", archs: ["amd64", "arm64"] });
      expect(result?.ranking.map((r) => [r.base, r.archs])).toEqual([
        ["python:3.12-slim-bookworm", ["amd64", "arm64"]],
        ["python:3.12-alpine3.24", ["amd64", "arm64"]],
      ]);
      expect(result?.why).toBe(
        "python:3.12-slim-bookworm wins: everything installs from wheels on amd64 and arm64, it builds in 20–40 s on amd64 and 22–45 s on arm64 and the image is about 150 MB. " +
          "The runner-up, python:3.12-alpine3.24, takes 15–21 min longer to build on arm64 (grpcio 1.59.0 compiles) but its image is about 60 MB smaller.",
      );
    });

    it("the same figures on both architectures are said once", () => {
      const result = recommend([on(slimBookworm, "amd64"), on(slimBookworm, "arm64")], { archs: both });
      expect(result?.why).toBe("python:3.12-slim-bookworm wins: everything installs from wheels on amd64 and arm64, it builds in 20–40 s on amd64 and arm64 and the image is about 150 MB.");
    });

    it("an emulated build says so beside its time", () => {
      const result = recommend([on(slimBookworm, "amd64"), on(slimBookworm, "arm64", { emulated: true, buildSeconds: { low: 60, high: 240 } })], { archs: both });
      expect(result?.why).toContain("it builds in 20–40 s on amd64 and 1–4 min under emulation on arm64");
    });

    it("a blocker on one architecture puts the image out, and says which architecture", () => {
      const result = recommend(
        [on(alpine312, "amd64"), on(alpine312, "arm64", { blocker: "nothing installable for tensorflow", blockers: 1 }), on(slimBookworm, "amd64"), on(slimBookworm, "arm64")],
        { archs: both },
      );
      expect(result?.base).toBe("python:3.12-slim-bookworm");
      expect(result?.ranking[1]).toEqual({
        base: "python:3.12-alpine3.24",
        archs: ["amd64", "arm64"],
        out: "on arm64: nothing installable for tensorflow",
        outReasons: [{ kind: "blocker", arch: "arm64", text: "nothing installable for tensorflow" }],
      });
      expect(result?.why).toContain("The runner-up, python:3.12-alpine3.24, fails to build: on arm64: nothing installable for tensorflow");
    });

    it("the same blocker on every architecture is said without one", () => {
      const blocked = { blocker: "pip finds no set of versions that works here", blockers: 1 };
      const result = recommend([on(slimBookworm, "amd64", blocked), on(slimBookworm, "arm64", blocked)], { archs: both });
      expect(result?.why).toBe("No image can be recommended: the build fails on every one (python:3.12-slim-bookworm: pip finds no set of versions that works here).");
    });

    it("an image not published for an architecture asked for is out, after images that build, and ranked even with no target at all", () => {
      const ubi = { ...slimBookworm, base: "registry.access.redhat.com/ubi9/python-312" };
      const result = recommend([on(ubi, "amd64"), on(slimBookworm, "amd64"), on(slimBookworm, "arm64", { buildSeconds: { low: 200, high: 400 } })], {
        archs: both,
        unpublished: [
          { base: ubi.base, arch: "arm64" },
          { base: "example.org/amd64-only:1", arch: "amd64" },
          { base: "example.org/amd64-only:1", arch: "arm64" },
        ],
      });
      expect(result?.ranking.map((r) => [r.base, r.out])).toEqual([
        ["python:3.12-slim-bookworm", null],
        [ubi.base, "not published for arm64"],
        ["example.org/amd64-only:1", "not published for amd64"],
      ]);
      expect(result?.ranking[2]?.outReasons).toHaveLength(2);
      expect(result?.why).toContain(`The runner-up, ${ubi.base}, is not published for arm64.`);
    });
  });
});
