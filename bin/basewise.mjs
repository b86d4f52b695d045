#!/usr/bin/env node
// Entry point for `npx basewise`: runs the CLI bundled to plain JavaScript by `npm run build` (or
// `npm install`'s prepare step, or `npm run bundle`).
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/cli.mjs", import.meta.url);
if (!existsSync(bundle)) {
  console.error("basewise: the CLI is not built in this checkout; run `npm run bundle` (npm install does it too).");
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
