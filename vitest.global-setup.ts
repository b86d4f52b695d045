import { execFileSync } from "node:child_process";

// The API routes run analyses on worker threads that load the bundled worker (dist/analysis-worker.mjs):
// bundle it from the current sources before any test runs, so tests never exercise a stale build.
export default function setup(): void {
  execFileSync(process.execPath, ["bin/bundle.mjs"], { stdio: "inherit" });
}
