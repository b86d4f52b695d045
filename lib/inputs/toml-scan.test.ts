import { describe, expect, it } from "vitest";
import { elementNameLines, readToml } from "./toml";
import { pathKey, scanToml, StringLines } from "./toml-scan";

const TEXT = [
  "# a comment with [brackets] and \"quotes\"", // 1
  'title = "x"', // 2
  "", // 3
  "[tool.poetry.dependencies]", // 4
  'python = "^3.9"', // 5
  '"quoted.name" = { version = "^1.0", extras = ["a", "b"] }', // 6
  "numpy = [", // 7
  '  { version = "^1.24", python = "<3.12" },', // 8
  '  { version = "^2.1", python = ">=3.12" },', // 9
  "]", // 10
  "", // 11
  "[ project ]", // 12
  "optional-dependencies.dev = ['pytest', \"ruff\"]", // 13
  "dependencies = [", // 14
  "  'a', # one", // 15
  '  "b",', // 16
  "]", // 17
  "", // 18
  "[[package]]", // 19
  'name = "first"', // 20
  "", // 21
  "[[ package ]]", // 22
  "version = '1'", // 23
  'name = "second"', // 24
].join("\n");

describe("scanToml", () => {
  const scan = scanToml(TEXT);

  it("finds headers, with array-of-tables and their lines", () => {
    expect(scan.headers.map((h) => [h.path.join("."), h.array, h.line])).toEqual([
      ["tool.poetry.dependencies", false, 4],
      ["project", false, 12],
      ["package", true, 19],
      ["package", true, 22],
    ]);
  });

  it("finds keys under their table, dotted and quoted keys included", () => {
    expect(scan.keys.get(pathKey(["title"]))).toBe(2);
    expect(scan.keys.get(pathKey(["tool", "poetry", "dependencies", "quoted.name"]))).toBe(6);
    expect(scan.keys.get(pathKey(["tool", "poetry", "dependencies", "numpy"]))).toBe(7);
    expect(scan.keys.get(pathKey(["project", "optional-dependencies", "dev"]))).toBe(13);
    expect(scan.keys.get(pathKey(["package", "name"]))).toBe(20);
  });

  it("finds strings under the key they belong to, never inside comments", () => {
    const at = (path: string[]) => scan.strings.filter((s) => s.path === pathKey(path)).map((s) => [s.value, s.line]);
    expect(at(["project", "dependencies"])).toEqual([["a", 15], ["b", 16]]);
    expect(at(["project", "optional-dependencies", "dev"])).toEqual([["pytest", 13], ["ruff", 13]]);
    expect(at(["tool", "poetry", "dependencies", "numpy"])).toEqual([["^1.24", 8], ["<3.12", 8], ["^2.1", 9], [">=3.12", 9]]);
    expect(scan.strings.some((s) => s.value === "quotes")).toBe(false);
  });

  it("answers lines for values, then keys, then tables", () => {
    const lines = new StringLines(scan);
    expect(lines.lineOf(["project", "dependencies"], "b")).toBe(16);
    expect(lines.lineOf(["project", "dependencies"], "missing")).toBe(14);
    expect(lines.keyLine(["project", "optional-dependencies", "docs"])).toBe(12);
    expect(lines.keyLine(["nowhere"])).toBe(1);
  });

  it("recovers after an inline table left open at the end of its line", () => {
    const broken = scanToml('[t]\na = { b = 1\nc = "x"\n');
    expect(broken.keys.get(pathKey(["t", "c"]))).toBe(3);
  });

  it("points each [[package]] at its name line, in both the parsed and the recovered reading", () => {
    for (const text of [TEXT, TEXT.replace("title = \"x\"", "title = \"x")]) {
      const read = readToml(text);
      const packages = read.value.package as object[];
      expect([...elementNameLines(read, "package", packages).values()]).toEqual([20, 24]);
    }
  });
});
