import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { main } from "./main";

/**
 * What every CLI test file sets up: the fixture index, a scratch directory and no on-disk cache for
 * the file's tests, and a way to run the CLI in this process and capture what it prints.
 */
export function cliHarness(prefix: string) {
  let index: FixtureIndex | undefined;
  let work: string | undefined;
  const savedCache = process.env.BASEWISE_CACHE_DIR;
  beforeAll(async () => {
    index = await startFixtureIndex();
    work = await mkdtemp(path.join(tmpdir(), prefix));
    process.env.BASEWISE_CACHE_DIR = "off";
  });
  afterAll(async () => {
    await index?.close();
    if (work) await rm(work, { recursive: true, force: true });
    process.env.BASEWISE_CACHE_DIR = savedCache;
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("cliHarness: used outside a test (beforeAll has not run)");
    return value;
  };

  return {
    /** The fixture index's URL, for --index-url. */
    indexUrl: () => started(index).url,
    /** The scratch directory, removed after the file's tests. */
    work: () => started(work),
    /**
     * Runs the CLI in this process. Standard input is a terminal with nothing typed unless `stdin` is
     * given (then a pipe holding it); stderr is not a terminal unless `tty`.
     */
    async run(args: string[], io: { stdin?: string; tty?: boolean } = {}): Promise<{ code: number; out: string; err: string }> {
      let out = "";
      let err = "";
      const stdin = Object.assign(Readable.from(io.stdin === undefined ? [] : [Buffer.from(io.stdin)]), { isTTY: io.stdin === undefined ? true : undefined });
      const code = await main(args, (t) => (out += t), (t) => (err += t), { stdin, stderrIsTTY: io.tty ?? false });
      return { code, out, err };
    },
    /** A requirements file with this text in the scratch directory; returns its path. */
    async requirementsFile(text: string): Promise<string> {
      const file = path.join(started(work), `requirements-${Math.random().toString(36).slice(2)}.txt`);
      await writeFile(file, text);
      return file;
    },
  };
}
