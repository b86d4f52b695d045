#!/usr/bin/env node
// Entry point for `npx basewise`: runs the TypeScript CLI through tsx, so lib/ needs no separate build.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
