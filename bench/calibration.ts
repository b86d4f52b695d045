/**
 * The estimate model against every applicable published measurement (../shared/data/calibration):
 * predicted vs measured and the ratio per row, the median and worst ratio, and the seed case.
 *   npm run bench:calibration [-- path/to/data/calibration]
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { estimate } from "../lib/estimate";
import { compilePoints, formatPoints, installPoints, sizePoints, summarize, type BuildTimeRow, type SizeRow } from "../lib/estimate/calibration";
import { SEED_ALPINE, SEED_BULLSEYE } from "../lib/estimate/fixtures/seed";

const dir = resolve(process.argv[2] ?? join(__dirname, "../../shared/data/calibration"));
const buildTimes = JSON.parse(readFileSync(join(dir, "build-times.json"), "utf8")) as BuildTimeRow[];
const sizes = JSON.parse(readFileSync(join(dir, "package-sizes.json"), "utf8")) as SizeRow[];

for (const [title, points] of [
  ["Compiles", compilePoints(buildTimes)],
  ["Wheel installs and installed sizes", [...installPoints(buildTimes), ...sizePoints(sizes)]],
] as const) {
  const { median, worst } = summarize(points);
  console.log(`\n${title} (${points.length} rows)\n${formatPoints(points)}\nmedian ratio ${median.toFixed(2)}; worst ${worst?.ratio} (${worst?.source}: ${worst?.what})`);
}

console.log("\nSeed case (calibration #68, #69)");
for (const [input, seconds, mb] of [[SEED_BULLSEYE, 26, 1118.7], [SEED_ALPINE, 1420, 194.5]] as const) {
  const result = estimate(input);
  console.log(
    `${input.image.reference.padEnd(26)} build ${result.buildSeconds.low}–${result.buildSeconds.high} s (measured ${seconds} s)  ` +
      `image ${(result.imageBytes.multiStage / 1e6).toFixed(1)} MB multi-stage, ${(result.imageBytes.singleStage / 1e6).toFixed(1)} MB single-stage (measured ${mb} MB)`,
  );
}
