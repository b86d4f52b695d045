#!/usr/bin/env node
// Build step (run by `npm run build` and `npm install`'s prepare): bundles the TypeScript CLI and the
// analysis worker to plain JavaScript in dist/, so `npx basewise` starts without compiling anything
// and the server's worker threads load one file. TypeScript stays the source; tsx stays a dev tool.
import { build } from "esbuild";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.9",
  // tsconfig's "@/*" paths are read by esbuild itself.
  tsconfig: path.join(root, "tsconfig.json"),
  // The CLI and the worker are server code: the "server-only" fence (which throws outside Next's
  // react-server condition) resolves to nothing here, on purpose.
  alias: { "server-only": "./lib/server/server-only-empty.ts" },
  // Bundled CommonJS dependencies may call require() for Node's built-ins.
  banner: { js: "import { createRequire as __basewiseCreateRequire } from 'node:module'; const require = __basewiseCreateRequire(import.meta.url);" },
  legalComments: "none",
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
};

// Chunk names carry a content hash: without this, every rebuild would leave the old chunks behind.
await rm(path.join(root, "dist/cli"), { recursive: true, force: true });

await Promise.all([
  // Split so that the engine is a chunk the CLI imports only when it analyses (--help stays instant).
  build({ ...common, entryPoints: { cli: "lib/cli/main.ts" }, outdir: path.join(root, "dist/cli"), splitting: true, chunkNames: "chunks/[name]-[hash]" }),
  // Piscina loads the worker by file name; it must not be inlined into Next's server bundle.
  build({ ...common, entryPoints: { "analysis-worker": "lib/server/analysis-worker.ts" }, outdir: path.join(root, "dist") }),
]);
