import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { runAnalysis } from "./analysis-entry";

// The one entry from configuration to a report (used by the analysis workers and the CLI): the index
// comes from the environment unless a configuration is passed, and its deadline and signal reach the engine.

let index: FixtureIndex;
const saved = { url: process.env.BASEWISE_INDEX_URL, cache: process.env.BASEWISE_CACHE_DIR };
beforeAll(async () => {
  index = await startFixtureIndex();
  process.env.BASEWISE_INDEX_URL = index.url;
  process.env.BASEWISE_CACHE_DIR = "off";
});
afterAll(async () => {
  await index.close();
  for (const [name, value] of [["BASEWISE_INDEX_URL", saved.url], ["BASEWISE_CACHE_DIR", saved.cache]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const input = { requirements: "six\n", bases: ["python:3.12-slim-bookworm"] };
const config = (indexUrl: string) => ({ indexUrl, cacheDir: null, cacheMaxBytes: 1024 * 1024, fetchSdists: false });

describe("runAnalysis", () => {
  it("asks the index the environment names", async () => {
    const before = index.requests().length;
    const result = await runAnalysis(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.index.host).toBe(new URL(index.url).host);
    expect(result.report.errors).toEqual([]);
    expect(index.requests().length).toBeGreaterThan(before);
  });

  it("a configuration passed in wins over the environment (the CLI's --index-url)", async () => {
    const other = await startFixtureIndex();
    try {
      const before = index.requests().length;
      const result = await runAnalysis(input, { config: config(other.url) });
      expect(result.ok && result.report.index.host).toBe(new URL(other.url).host);
      expect(other.requests().length).toBeGreaterThan(0);
      expect(index.requests().length).toBe(before);
    } finally {
      await other.close();
    }
  });

  it("an aborted signal still returns a report, saying what was not reached", async () => {
    const result = await runAnalysis(input, { signal: AbortSignal.abort(), deadlineMs: 1_000 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.targets[0]).toMatchObject({ resolution: { ok: false, code: "deadline" }, unreached: [{ name: "six", reason: "deadline" }] });
  });
});
