import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePoints, formatPoints, installPoints, sizePoints, summarize, type BuildTimeRow, type CalibrationPoint, type SizeRow } from "./calibration";
import { SEED_ALPINE, SEED_BULLSEYE } from "./fixtures/seed";
import { estimate } from "./index";

// The model against the published measurements gathered in ../shared/data/calibration (read here as
// an oracle, never copied). Prints predicted vs measured for every applicable row.

const DATA = join(__dirname, "../../../shared/data/calibration");
const buildTimes = JSON.parse(readFileSync(join(DATA, "build-times.json"), "utf8")) as BuildTimeRow[];
const sizes = JSON.parse(readFileSync(join(DATA, "package-sizes.json"), "utf8")) as SizeRow[];

const exact = (points: readonly CalibrationPoint[]) => points.filter((p) => p.bound === "exact" || p.bound === "approx");
const withinFactor = (points: readonly CalibrationPoint[], factor: number) => points.filter((p) => Math.abs(Math.log(p.ratio)) <= Math.log(factor)).length / points.length;

describe("calibration against published measurements", () => {
  const compiles = compilePoints(buildTimes);
  const installs = installPoints(buildTimes);
  const installed = sizePoints(sizes);

  it("compile times: median ratio within 0.67–1.5, two thirds within 2×, bounds respected", () => {
    const { median, worst } = summarize(exact(compiles));
    console.log(`\nCompile rows (${compiles.length}):\n${formatPoints(compiles)}\nmedian ratio ${median.toFixed(2)} over ${exact(compiles).length} point figures, worst ${worst?.ratio} (${worst?.source})`);
    expect(exact(compiles).length).toBeGreaterThanOrEqual(5);
    expect(median).toBeGreaterThan(0.67);
    expect(median).toBeLessThan(1.5);
    expect(withinFactor(exact(compiles), 2)).toBeGreaterThanOrEqual(2 / 3);
    for (const p of compiles.filter((c) => c.bound === "lower_bound")) expect(p.ratio, `${p.source} ${p.what}`).toBeGreaterThan(0.5);
    for (const p of compiles.filter((c) => c.bound === "upper_bound")) expect(p.ratio, `${p.source} ${p.what}`).toBeLessThan(1.5);
  });

  it("wheel installs and installed sizes: median ratio within 0.67–1.5, 80 % within 2×", () => {
    const points = [...installs, ...installed];
    const { median, worst } = summarize(points);
    console.log(`\nInstall and size rows (${points.length}):\n${formatPoints(points)}\nmedian ratio ${median.toFixed(2)}, worst ${worst?.ratio} (${worst?.source})`);
    expect(points.length).toBeGreaterThanOrEqual(10);
    expect(median).toBeGreaterThan(0.67);
    expect(median).toBeLessThan(1.5);
    expect(withinFactor(points, 2)).toBeGreaterThanOrEqual(0.8);
  });

  it("the seed case: bullseye about half a minute and 1.1 GB, nothing compiled", () => {
    const row = buildTimes.find((r) => r.id === 68);
    expect(row?.seconds).toBe(26);
    const result = estimate(SEED_BULLSEYE);
    console.log(`\nseed bullseye: ${result.buildSeconds.low}–${result.buildSeconds.high} s (measured 26 s), ${(result.imageBytes.multiStage / 1e6).toFixed(1)} MB (measured 1118.7 MB)`);
    expect(result.breakdown.build.some((p) => p.part.startsWith("compile"))).toBe(false);
    expect(result.buildSeconds.low).toBeLessThanOrEqual(26);
    expect(result.buildSeconds.high).toBeGreaterThanOrEqual(26);
    expect(result.buildSeconds.high).toBeLessThan(60);
    expect(result.imageBytes.multiStage / 1e6).toBeGreaterThan(1118.7 * 0.85);
    expect(result.imageBytes.multiStage / 1e6).toBeLessThan(1118.7 * 1.15);
  });

  it("the seed case: alpine3.17 20–25 minutes (numpy twice, pandas) and about 195 MB", () => {
    const row = buildTimes.find((r) => r.id === 69);
    expect(row?.seconds).toBe(1420);
    const result = estimate(SEED_ALPINE);
    const compiled = result.breakdown.build.filter((p) => p.part.startsWith("compile")).map((p) => p.part);
    console.log(`\nseed alpine: ${result.buildSeconds.low}–${result.buildSeconds.high} s (measured 1420 s), ${(result.imageBytes.multiStage / 1e6).toFixed(1)} MB (measured 194.5 MB); ${compiled.join(", ")}`);
    expect(compiled).toEqual(["compile numpy 1.21.6 (build requirement)", "compile numpy 1.23.5", "compile pandas 1.5.2"]);
    expect(result.buildSeconds.low).toBeLessThanOrEqual(1420);
    expect(result.buildSeconds.high).toBeGreaterThanOrEqual(1420);
    // "about 20–25 minutes": the range must sit around it, not merely contain it.
    expect(result.buildSeconds.low).toBeGreaterThan(12 * 60);
    expect(result.buildSeconds.high).toBeLessThan(30 * 60);
    expect(result.imageBytes.multiStage / 1e6).toBeGreaterThan(194.5 * 0.8);
    expect(result.imageBytes.multiStage / 1e6).toBeLessThan(194.5 * 1.2);
    expect(result.imageBytes.singleStage).toBeGreaterThan(result.imageBytes.multiStage);
  });
});
