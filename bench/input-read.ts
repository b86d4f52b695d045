/**
 * Reading big inputs: how long lib/inputs takes to read a uv.lock of 256 KiB, 1 MiB and 4 MiB (the
 * lock limit, MAX_LOCK_BYTES) in a worker, and what the request thread spends on a body at the body
 * cap (JSON.parse and the kind detection). Synthetic locks shaped like uv's: one root with N
 * dependencies, each package with a dependency edge under a marker, an sdist and 30 wheel lines.
 *
 *   npm run bench:inputs
 */
import { MAX_BODY_BYTES, MAX_LOCK_BYTES } from "@/lib/contract/request-limits";
import { detectInputKind, readInput } from "@/lib/inputs";

const WHEELS = 30;
const HASH = "08695f5cb7ed6e0531a20572697297273c47b8cae5a63ffc6d6ed5c201be6e44";

function uvLock(packages: number): string {
  const parts = [`version = 1\nrevision = 3\nrequires-python = ">=3.10"\n\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { editable = "." }\ndependencies = [\n`];
  for (let i = 0; i < packages; i++) parts.push(`    { name = "pkg${i}" },\n`);
  parts.push("]\n");
  for (let i = 0; i < packages; i++) {
    parts.push(`\n[[package]]\nname = "pkg${i}"\nversion = "1.${i}.0"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [\n    { name = "pkg${(i + 1) % packages}", marker = "sys_platform == 'linux'" },\n]\n`);
    parts.push(`sdist = { url = "https://files.pythonhosted.org/packages/d8/53/${HASH.slice(0, 20)}/pkg${i}-1.${i}.0.tar.gz", hash = "sha256:${HASH}", size = 27697, upload-time = "2022-10-25T02:36:22.414Z" }\nwheels = [\n`);
    for (let w = 0; w < WHEELS; w++) {
      parts.push(`    { url = "https://files.pythonhosted.org/packages/d8/53/${HASH.slice(0, 20)}/pkg${i}-1.${i}.0-cp3${w % 10}-cp3${w % 10}-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", hash = "sha256:${HASH}", size = 27697, upload-time = "2022-10-25T02:36:22.414Z" },\n`);
    }
    parts.push("]\n");
  }
  return parts.join("");
}

/** The largest synthetic lock under `bytes`. */
function lockOf(bytes: number): string {
  let low = 1;
  let high = 2000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(uvLock(mid)) <= bytes) low = mid;
    else high = mid - 1;
  }
  return uvLock(low);
}

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
