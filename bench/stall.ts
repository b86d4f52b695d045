// Benchmark: can one request stall the server? While a client asks for a static page every 100 ms,
// send the inputs that once froze it (e2e/fixtures/stall-cases.ts) — hostile runs of whitespace and
// backslashes (posted, and inside share links for the page and its OG image), a 1 200-line file of
// real projects, 24 parallel 300-line analyses — and print each one's status and time and the
// longest the static page waited. Goals: every status below 500; the static page never waits > 1 s.
// Needs ../shared and `npm run build`. Run: npm run bench:stall
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startSnapshotIndex } from "@/e2e/fixtures/snapshot-index";
import { stallRequests, variant } from "@/e2e/fixtures/stall-cases";
import { startAppServer } from "./app-server";

const PROBE_EVERY_MS = 100;
const STATIC_PAGE = "/docs";

async function main() {
  const index = await startSnapshotIndex();
  const cacheDir = await mkdtemp(path.join(tmpdir(), "basewise-bench-stall-"));
  // Each parallel copy comes from its own client (behind a trusted proxy), so the rate limit lets them all run.
  const app = await startAppServer({ BASEWISE_INDEX_URL: index.url, BASEWISE_CACHE_DIR: cacheDir, BASEWISE_TRUST_PROXY: "1" });
  // Steady state, as visitors meet it: the routes loaded and the workers started (each first use of a
  // route loads its bundle, which would be counted against the first case otherwise).
  for (const warm of [STATIC_PAGE, "/", "/api/health", "/api/og"]) await fetch(`${app.url}${warm}`).then((r) => r.arrayBuffer());
  await fetch(`${app.url}/api/analyze`, { method: "POST", body: JSON.stringify({ requirements: "flask\n" }), headers: { "content-type": "application/json" } }).then((r) => r.arrayBuffer());
  const probes: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const started = performance.now();
      await fetch(`${app.url}${STATIC_PAGE}`).then((r) => r.arrayBuffer(), () => undefined);
      probes.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  })();

  let failures = 0;
  let client = 0;
  try {
    console.log(`stall: static page ${STATIC_PAGE} every ${PROBE_EVERY_MS} ms while each case runs`);
    for (const request of stallRequests()) {
      const probesBefore = probes.length;
      const started = performance.now();
      const results = await Promise.all(
        Array.from({ length: request.parallel }, async (_, copy) => {
          const t0 = performance.now();
          const response = await fetch(`${app.url}${request.path}`, {
            method: request.method,
            body: variant(request, copy),
            headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${++client % 250}` },
          }).catch(() => null);
          await response?.arrayBuffer().catch(() => undefined);
          return { status: response?.status ?? 0, ms: performance.now() - t0 };
        }),
      );
      const statuses = new Map<number, number>();
      for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      const worstMs = Math.max(...results.map((r) => r.ms));
      const staticWorst = Math.max(0, ...probes.slice(probesBefore));
      if (results.some((r) => r.status >= 500 || r.status === 0)) failures++;
      console.log(
        `  ${request.label.padEnd(40)} status ${[...statuses].map(([s, n]) => (n > 1 ? `${s}×${n}` : String(s))).join(" ")}  ` +
          `${request.parallel > 1 ? "slowest " : ""}${(worstMs / 1000).toFixed(2)} s (all ${((performance.now() - started) / 1000).toFixed(2)} s); static page waited at most ${staticWorst.toFixed(0)} ms`,
      );
    }
  } finally {
    probing = false;
    await prober;
    await app.close();
    await index.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
  const sorted = [...probes].sort((a, b) => a - b);
  const longest = sorted.at(-1) ?? 0;
  console.log(`  static page: ${probes.length} requests, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, longest wait ${longest.toFixed(0)} ms (goal ≤ 1000 ms)`);
  console.log(`  cases with a status ≥ 500 or a dropped connection: ${failures} (goal 0)`);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
