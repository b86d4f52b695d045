import { describe, expect, it } from "vitest";
import { analyzeRequestSchema } from "./schema";

// The request schema reads the whole body before anything else: every check on user text must be
// linear. 1.5 s for 256 KB fields is ~100× what linear checks take here (see
// lib/requirements-file/linearity.test.ts for how the ceiling was chosen).
const CEILING_MS = 1500;
const KB = 1024;

function elapsedMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("the analyze request schema takes linear time on hostile fields", () => {
  const shapes = [" ", "\t", "a", "0", ":", "-", "+", "T", "Z", ".", "\u0000", "\uFFFD", "2024-01-01T00:00:00", "0:"];
  it.each(shapes.map((shape) => [shape]))("256 KB of %j in requirements, asOf and bases", (shape) => {
    const run = shape.repeat(Math.ceil((256 * KB) / shape.length));
    const body = { requirements: `a${run}`, asOf: `2024-01-01T00:00:00${run}`, bases: [run] };
    analyzeRequestSchema.safeParse({ requirements: "a" }); // warm up
    const ms = elapsedMs(() => analyzeRequestSchema.safeParse(body));
    expect(ms).toBeLessThan(CEILING_MS);
    expect(analyzeRequestSchema.safeParse(body).success).toBe(false);
  });
});
