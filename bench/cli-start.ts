// Benchmark: how soon the CLI answers. `npx basewise --help` through the bundle (dist/cli, built by
// `npm run build` or `npm run bundle`), and a one-requirement analysis against a local fixture index,
// each run as a new process as a person or a CI step would. Goal: --help ≤ 0.3 s.
// Run: npm run bench:cli
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { startFixtureIndex } from "@/e2e/fixtures/fixture-index";

const RUNS = 15;

// Asynchronous: the fixture index runs in this process and must keep answering while the CLI runs.
async function time(args: string[], env: Record<string, string> = {}, input = ""): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/basewise.mjs", ...args], { env: { ...process.env, ...env }, stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin.end(input);
  const status = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const ms = performance.now() - started;
  if (status !== 0 && status !== 1) throw new Error(`basewise ${args.join(" ")} exited ${status}: ${stderr}`);
  return ms;
}

async function repeat(run: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  return times;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return `median ${(at(0.5) / 1000).toFixed(2)} s, p90 ${(at(0.9) / 1000).toFixed(2)} s`;
}

async function main() {
  if (!existsSync("dist/cli/cli.mjs")) execFileSync("npm", ["run", "bundle"], { stdio: "inherit" });
  const bare = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    return performance.now() - started;
  });
  const help = await repeat(() => time(["--help"]));
  const index = await startFixtureIndex();
  let analysis: number[];
  try {
    analysis = await repeat(() =>
      time(["analyze", "-", "--base", "python:3.12-slim-bookworm", "--no-deps"], { BASEWISE_INDEX_URL: index.url, BASEWISE_CACHE_DIR: "off" }, "requests==2.31.0\n"),
    );
  } finally {
    await index.close();
  }
  console.log(`cli start, ${RUNS} runs each (a new process every time):`);
  console.log(`  node -e 0 (the floor):          ${summary(bare)}`);
  console.log(`  basewise --help:                ${summary(help)} (goal ≤ 0.3 s)`);
  console.log(`  basewise analyze, 1 requirement: ${summary(analysis)} (fixture index on loopback, no cache)`);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
