#!/usr/bin/env node
// Entry point for `npx basewise`: runs the CLI bundled to plain JavaScript by `npm run build` (or
// `npm install`'s prepare step). In a checkout where nothing was built yet, it falls back to
// compiling the TypeScript source through tsx, which is slower to start.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/cli.mjs", import.meta.url);
let main;
if (existsSync(bundle)) {
  ({ main } = await import(bundle.href));
} else {
  const { tsImport } = await import("tsx/esm/api");
  ({ main } = await tsImport("../lib/cli/main.ts", import.meta.url));
}
process.exitCode = await main(process.argv.slice(2));
