import { beforeEach, describe, expect, it } from "vitest";
import { MAX_REQUIREMENTS_BYTES } from "@/lib/requirements-file";
import { kindFromContent } from "./detect";
import { readInput } from "./index";
import { scanJsonMembers } from "./json-scan";
import { scanToml } from "./toml-scan";
import { INPUT_KINDS, type InputKind } from "./types";

// Every reader in lib/inputs is timed on hostile shapes at 64 KB and at 256 KB (the byte limit), as
// lib/requirements-file/linearity.test.ts does and with its ceiling and its reasons: 1.5 s is far
// above what linear code takes here (tens of milliseconds) and far below what quadratic code takes.
const CEILING_MS = 1500;
const KB = 1024;
const GROUP_TIMEOUT_MS = 120_000;

beforeEach(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

function elapsedMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function expectLinear(make: (size: number) => string, parse: (text: string) => unknown, label: string): void {
  parse(make(4 * KB));
  for (const size of [64 * KB, 256 * KB]) {
    const text = make(size);
    let ms = elapsedMs(() => parse(text));
    if (ms >= CEILING_MS) ms = Math.min(ms, elapsedMs(() => parse(text)));
    expect(ms, `${label} at ${size / KB} KB took ${Math.round(ms)} ms`).toBeLessThan(CEILING_MS);
  }
}

/** `unit` repeated to `size` characters, after `prefix`, clipped to the byte limit. */
const fill = (prefix: string, unit: string) => (size: number): string => (prefix + unit.repeat(Math.ceil(size / unit.length))).slice(0, Math.min(size, MAX_REQUIREMENTS_BYTES - 16));

const SHAPES: [string, (size: number) => string][] = [
  ["open brackets", fill("a = ", "[")],
  ["open braces", fill("a = ", "{")],
  ["nested inline tables", fill("a = ", "{b = ")],
  ["dotted header", fill("[", "a.")],
  ["dotted key", fill("", "a.")],
  ["quotes", fill("", '"')],
  ["triple quotes", fill("a = ", '"""')],
  ["escapes", fill('a = "', "\\")],
  ["unicode escapes", fill('a = "', "\\u00")],
  ["headers", fill("", "[[package]]\n")],
  ["empty packages", fill("", '[[package]]\nname = "a"\n')],
  ["dependency edges", fill('[[package]]\nname = "a"\nversion = "1"\nsource = { editable = "." }\ndependencies = [\n', '{ name = "a", marker = "os_name == \'nt\'" },\n')],
  ["poetry dependency table", fill("[tool.poetry.dependencies]\n", 'a = "^1.2.3"\n')],
  ["project dependencies", fill('[project]\nname = "x"\ndependencies = [\n', '"a>=1",\n')],
  ["include-group chain", (size) => `[dependency-groups]\n${Array.from({ length: Math.floor(size / 40) }, (_, k) => `g${k} = [{include-group = "g${k + 1}"}]`).join("\n")}`.slice(0, MAX_REQUIREMENTS_BYTES - 16)],
  ["comments", fill("", "# [[package]] \"\n")],
  ["json objects", fill('{"default": ', '{"a": ')],
  ["json strings", fill('{"default": {"a": "', "\\\"")],
  ["json entries", (size) => `{"_meta": {}, "default": {${Array.from({ length: Math.floor(size / 40) }, (_, k) => `"p${k}": {"version": "==1.0"}`).join(",")}}}`.slice(0, MAX_REQUIREMENTS_BYTES - 16)],
];

describe("lib/inputs scanners on hostile input", () => {
  it.each(SHAPES)("scanToml, scanJsonMembers and detection: %s", (label, make) => {
    expectLinear(make, scanToml, `scanToml ${label}`);
    expectLinear(make, scanJsonMembers, `scanJsonMembers ${label}`);
    expectLinear(make, kindFromContent, `kindFromContent ${label}`);
  }, GROUP_TIMEOUT_MS);
});

describe("readInput on hostile input, for every kind", () => {
  const kinds = INPUT_KINDS.filter((k) => k !== "requirements") as InputKind[];
  it.each(SHAPES)("%s", (label, make) => {
    for (const kind of kinds) {
      expectLinear(make, (text) => readInput({ name: null, text }, [], { kind, groups: ["g0", "dev"], extras: ["all"] }), `${kind} ${label}`);
    }
  }, GROUP_TIMEOUT_MS);

  it("refuses a header nested past the key-part cap before smol-toml sees it", () => {
    const result = readInput({ name: "pyproject.toml", text: `[${"a.".repeat(1000)}b]\n` }, [], {});
    expect(result.ok && result.input.file.diagnostics[0]).toMatchObject({ line: 1, severity: "error", message: expect.stringContaining("64 dotted parts") as unknown as string });
  });
});
