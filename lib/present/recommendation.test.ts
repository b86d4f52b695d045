import { describe, expect, it } from "vitest";
import type { Recommendation } from "@/lib/contract/report";
import { recommend, type RankInput } from "@/lib/report/recommend";
import { NO_RECOMMENDATION, blockedEverywhere, closestToBuilding, rankingLines, rankingNote, recommendationWords, type BlockedImage } from "./analysis";

// The recommendation box from concrete report values: "Recommended" only when an image can be taken;
// otherwise what blocks every image, by code, and what would unblock the one closest to building.

const SLIM = "python:3.12-slim-bookworm";
const ALPINE = "python:3.12-alpine3.24";
const UBI = "registry.access.redhat.com/ubi9/python-312";

const ok: BlockedImage = { base: SLIM, arch: "amd64", blockerCode: null, resolution: { ok: true }, packages: [], builds: [] };
const noneHere = (base: string, names: string[]): BlockedImage => ({
  base,
  arch: "amd64",
  blockerCode: "nothing-installable",
  resolution: { ok: true },
  packages: names.map((name) => ({ name, status: "none" as const, alternative: null })),
  builds: [],
});
const conflict: BlockedImage = {
  base: UBI,
  arch: "amd64",
  blockerCode: "no-solution",
  resolution: { ok: false, code: "conflict", explanation: "numpy>=2 and numpy<1.25 exclude each other" },
  packages: [],
  builds: [],
};
const brokenBuild: BlockedImage = {
  base: ALPINE,
  arch: "arm64",
  blockerCode: "build-environment",
  resolution: { ok: true },
  packages: [],
  builds: [
    { name: "numpy", version: "1.26.4", code: null, explanation: null },
    { name: "pandas", version: "1.5.2", code: "conflict", explanation: "oldest-supported-numpy has nothing for Python 3.12" },
  ],
};

const ranking = (...rows: [BlockedImage, Recommendation["ranking"][number]["out"]][]): Recommendation => ({
  base: rows[0]![0].base,
  archs: [rows[0]![0].arch],
  why: "engine words",
  ranking: rows.map(([t, out]) => ({ base: t.base, archs: [t.arch], out, outCode: t.blockerCode, outArch: out === null ? null : t.arch })),
});

describe("recommendationWords", () => {
  it("an image that builds is recommended, with the engine's reason", () => {
    expect(recommendationWords({ recommendation: ranking([ok, null], [conflict, "no solution"]), targets: [ok, conflict] })).toEqual({
      recommended: true,
      heading: `Recommended: ${SLIM} (amd64)`,
      why: "engine words",
    });
  });

  it("no analysed image, no box", () => {
    expect(recommendationWords({ recommendation: null, targets: [] })).toBeNull();
  });

  const blockedCases: [name: string, rows: [BlockedImage, string][], why: string][] = [
    [
      "one package missing on the closest image, two on the next, no solution on the last",
      [
        [noneHere(SLIM, ["torch"]), "nothing installable for torch"],
        [noneHere(ALPINE, ["torch", "tensorflow"]), "nothing installable for torch, tensorflow"],
        [conflict, "pip finds no set of versions that works here"],
      ],
      "The build fails on every image (3): a package has nothing installable on 2, pip finds no set of versions that works on 1. " +
        `Closest to building: ${SLIM} (amd64), if torch had something installable there.`,
    ],
    [
      "the only image has no solution",
      [[conflict, "pip finds no set of versions that works here"]],
      "The build fails on the only image: pip finds no set of versions that works. " +
        `Closest to building: ${UBI} (amd64), if your requirements left pip a set of versions that works there (numpy>=2 and numpy<1.25 exclude each other).`,
    ],
    [
      "a build environment that cannot be set up names the build and why",
      [
        [brokenBuild, "the build environment of pandas 1.5.2 cannot be set up"],
        [noneHere(SLIM, ["a", "b"]), "nothing installable for a, b"],
      ],
      "The build fails on every image (2): a build environment pip needs cannot be set up on 1, a package has nothing installable on 1. " +
        `Closest to building: ${ALPINE} (arm64), if the build environment of pandas 1.5.2 could be set up (oldest-supported-numpy has nothing for Python 3.12).`,
    ],
  ];

  it.each(blockedCases)("nothing can be recommended: %s", (_name, rows, why) => {
    const words = recommendationWords({ recommendation: ranking(...rows), targets: rows.map(([t]) => t) });
    expect(words).toEqual({ recommended: false, heading: NO_RECOMMENDATION, why });
    expect(words?.heading).not.toMatch(/Recommended/);
  });

  it("the nearest wheel is named when the report has one", () => {
    const torch: BlockedImage = {
      ...noneHere(ALPINE, ["torch"]),
      packages: [{ name: "torch", status: "none", alternative: { version: "2.2.0", filename: "torch-2.2.0-cp312-cp312-musllinux_1_2_x86_64.whl", tag: "cp312-cp312-musllinux_1_2_x86_64", tagParts: null, satisfiesSpecifier: false } }],
    };
    expect(closestToBuilding(torch)).toBe(
      `Closest to building: ${ALPINE} (amd64), if torch had something installable there (nearest wheel here: torch==2.2.0 (cp312-cp312-musllinux_1_2_x86_64, outside your specifier)).`,
    );
    expect(closestToBuilding(ok)).toBeNull();
  });

  it("a source build known to fail names the build and the table's reason", () => {
    const fails: BlockedImage = {
      ...ok,
      blockerCode: "build-fails",
      compiles: [
        { name: "pandas", version: "1.5.2", viability: "fails", viabilityReason: "pandas 1.5.2 does not build on CPython 3.12; 2.1.1 does" },
        { name: "psycopg2", version: "2.9.9", viability: "builds", viabilityReason: "builds" },
      ],
    };
    expect(closestToBuilding(fails)).toBe(`Closest to building: ${SLIM} (amd64), if the build of pandas 1.5.2 succeeded there (pandas 1.5.2 does not build on CPython 3.12; 2.1.1 does).`);
  });

  it("counts blocked images by code", () => {
    expect(blockedEverywhere(ranking([noneHere(SLIM, ["x"]), "x"], [noneHere(ALPINE, ["x"]), "x"]).ranking)).toBe(
      "The build fails on every image (2): a package has nothing installable on 2.",
    );
  });
});

describe("the recommendation on several architectures", () => {
  const both = ["amd64", "arm64"] as const;
  const slimArm: BlockedImage = { ...ok, arch: "arm64" };
  const alpineArm = { ...noneHere(ALPINE, ["torch"]), arch: "arm64" as const };
  const alpineAmd: BlockedImage = { ...ok, base: ALPINE };

  it("names the image for every architecture, and each image out says on which", () => {
    const recommendation: Recommendation = {
      base: SLIM,
      archs: [...both],
      why: "engine words",
      ranking: [
        { base: SLIM, archs: [...both], out: null, outCode: null, outArch: null },
        { base: ALPINE, archs: [...both], out: "nothing installable for torch", outCode: "nothing-installable", outArch: "arm64" },
      ],
    };
    expect(recommendationWords({ recommendation, targets: [ok, slimArm, alpineAmd, alpineArm] })).toEqual({ recommended: true, heading: `Recommended: ${SLIM} (amd64 + arm64)`, why: "engine words" });
    expect(rankingLines(recommendation)).toEqual([
      { base: SLIM, line: `1. ${SLIM} (amd64 + arm64)`, out: false },
      { base: ALPINE, line: `2. ${ALPINE} (amd64 + arm64) — out on arm64: nothing installable for torch`, out: true },
    ]);
    expect(rankingNote(recommendation.ranking[1]!)).toBe("out on arm64: nothing installable for torch");
    expect(rankingNote(recommendation.ranking[0]!)).toBeNull();
  });

  it("the closest image is judged on the architecture that rules it out", () => {
    const recommendation: Recommendation = {
      base: ALPINE,
      archs: [...both],
      why: "engine words",
      ranking: [{ base: ALPINE, archs: [...both], out: "nothing installable for torch", outCode: "nothing-installable", outArch: "arm64" }],
    };
    const words = recommendationWords({ recommendation, targets: [alpineAmd, alpineArm] });
    expect(words?.recommended).toBe(false);
    expect(words?.why).toBe(`The build fails on the only image: a package has nothing installable. Closest to building: ${ALPINE} (arm64), if torch had something installable there.`);
  });

  it("an image not published for an architecture asked for is out, and nothing is called recommended", () => {
    const old = "python:3.8-alpine3.12";
    const recommendation: Recommendation = {
      base: old,
      archs: [...both],
      why: "engine words",
      ranking: [
        { base: old, archs: [...both], out: "python:3.8-alpine3.12 is not published for arm64", outCode: "arch-not-published", outArch: "arm64" },
        { base: UBI, archs: [...both], out: "no solution", outCode: "no-solution", outArch: "amd64" },
      ],
    };
    const words = recommendationWords({ recommendation, targets: [{ ...ok, base: old }, conflict, { ...conflict, arch: "arm64" }] });
    expect(words).toEqual({
      recommended: false,
      heading: NO_RECOMMENDATION,
      why:
        "No image works on every architecture asked for — every image (2): the image is not published for an architecture asked for on 1, pip finds no set of versions that works on 1. " +
        `Closest to building: ${old}, if it were published for arm64.`,
    });
  });
});

describe("recommend orders blocked images by their blockers", () => {
  const input = (base: string, blockers: number, imageBytes: number): RankInput => ({
    base, arch: "amd64", blocker: `${blockers} blockers`, blockers, unknown: 0, compiles: [], buildSeconds: { low: 10, high: 20 }, imageBytes,
  });

  it("the image with the fewest blockers comes first, however large", () => {
    const result = recommend([input(ALPINE, 3, 50e6), input(UBI, 2, 80e6), input(SLIM, 1, 150e6)]);
    expect(result?.ranking.map((r) => r.base)).toEqual([SLIM, UBI, ALPINE]);
  });
});
