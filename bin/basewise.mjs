#!/usr/bin/env node
// Entry point for `npx basewise`: loads the TypeScript CLI through tsx, so lib/ needs no separate build.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../lib/cli/main.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));
