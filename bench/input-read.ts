/**
 * Reading big inputs: how long lib/inputs takes to read a uv.lock of 256 KiB, 1 MiB and 4 MiB (the
 * lock limit, MAX_LOCK_BYTES) in a worker, and what the request thread spends on a body at the body
 * cap (JSON.parse and the kind detection). Synthetic locks shaped like uv's (e2e/fixtures/synthetic-lock.ts).
 *
 *   npm run bench:inputs
 */
import { MAX_BODY_BYTES, MAX_LOCK_BYTES } from "@/lib/contract/request-limits";
import { syntheticUvLockOf as lockOf } from "@/e2e/fixtures/synthetic-lock";
import { detectInputKind, readInput } from "@/lib/inputs";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(runs: number, work: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

for (const bytes of [256 * 1024, 1024 * 1024, MAX_LOCK_BYTES]) {
  const text = lockOf(bytes);
  let pins = 0;
  const ms = time(5, () => {
    const read = readInput({ name: "uv.lock", text }, [], {});
    if (!read.ok) throw new Error(read.error);
    pins = read.input.file.requirements.length;
  });
  console.log(`uv.lock ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(5)} KiB, ${String(pins).padStart(4)} pins: readInput median ${ms.toFixed(0)} ms (5 runs)`);
}

const body = JSON.stringify({ requirements: lockOf(MAX_LOCK_BYTES) });
const parseMs = time(5, () => JSON.parse(body));
const detectMs = time(5, () => detectInputKind({ name: null, text: (JSON.parse(body) as { requirements: string }).requirements }));
console.log(`request thread, body of ${(body.length / 1024).toFixed(0)} KiB (cap ${MAX_BODY_BYTES / 1024} KiB): JSON.parse median ${parseMs.toFixed(1)} ms; parse + kind detection ${detectMs.toFixed(1)} ms`);
