import { describe, expect, it } from "vitest";
import { readInput } from "./index";
import { normalizePath } from "./requirements";
import type { InputFile, ReadInput } from "./types";

function read(main: InputFile, others: InputFile[] = []): ReadInput {
  const result = readInput(main, others, {});
  if (!result.ok) throw new Error(result.error);
  return result.input;
}

const rows = (input: ReadInput): [string | undefined, number, string, string][] =>
  input.file.requirements.map((r) => [r.file, r.line, r.text, r.requirement?.specifier.text ?? ""]);

describe("normalizePath", () => {
  const vectors: [string, string | null][] = [
    ["requirements/base.txt", "requirements/base.txt"],
    ["./base.txt", "base.txt"],
    ["requirements/../base.txt", "base.txt"],
    ["a//b/./c.txt", "a/b/c.txt"],
    ["requirements\\base.txt", "requirements/base.txt"],
    ["../outside.txt", null],
  ];
  it.each(vectors)("%s → %s", (path, normalized) => {
    expect(normalizePath(path)).toBe(normalized);
  });
});

describe("-r and -c among the files given together", () => {
  it("reads a requirements file as the existing parser does when nothing is included", () => {
    const input = read({ name: null, text: "numpy==2.0\n-r other.txt\n" });
    expect(input.kind).toBe("requirements");
    expect(rows(input)).toEqual([[undefined, 1, "numpy==2.0", "==2.0"]]);
    // a missing file stays the warning a paste gets
    expect(input.file.diagnostics.map((d) => [d.line, d.severity])).toEqual([[2, "warning"]]);
    expect(input.file.constraints).toBeUndefined();
  });

  it("follows -r relative to the including file, tagging lines with their file", () => {
    const input = read(
      { name: "requirements/dev.txt", text: "-r base.txt\npytest==8.0\n" },
      [{ name: "requirements/base.txt", text: "# base\nflask>=3\n-r ../common.txt\n" }, { name: "common.txt", text: "requests\n" }],
    );
    expect(rows(input)).toEqual([
      ["requirements/base.txt", 2, "flask>=3", ">=3"],
      ["common.txt", 1, "requests", ""],
      [undefined, 2, "pytest==8.0", "==8.0"],
    ]);
    expect(input.file.diagnostics).toEqual([
      { line: 1, severity: "info", message: "Requirements read from requirements/base.txt." },
      { line: 3, severity: "info", message: "Requirements read from common.txt.", file: "requirements/base.txt" },
    ]);
  });

  it("matches an include by its base name when the files were dropped without folders", () => {
    const input = read({ name: "dev.txt", text: "-r requirements/base.txt\n" }, [{ name: "base.txt", text: "six\n" }]);
    expect(rows(input)).toEqual([["base.txt", 1, "six", ""]]);
  });

  it("applies constraints to requirements of the same name, never adding a package", () => {
    const input = read(
      { name: "requirements.txt", text: "-c constraints.txt\ndjango>=4\ncelery\n" },
      [{ name: "constraints.txt", text: "django<5\nredis==5.0.1\ncelery==5.3.6 ; python_version < '3.13'\n" }],
    );
    expect(rows(input)).toEqual([
      [undefined, 2, "django>=4", "<5,>=4"],
      [undefined, 3, "celery", ""],
    ]);
    expect(input.file.constraints?.map((c) => [c.file, c.line, c.text])).toEqual([
      ["constraints.txt", 1, "django<5"],
      ["constraints.txt", 2, "redis==5.0.1"],
      ["constraints.txt", 3, "celery==5.3.6 ; python_version < '3.13'"],
    ]);
    expect(input.file.diagnostics.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [undefined, 1, "info", "Constraints read from constraints.txt."],
      [undefined, 2, "info", "Constrained (constraints.txt line 1): django<5,>=4."],
    ]);
  });

  it("reads -r inside a constraints file as constraints (pip) and refuses what pip refuses", () => {
    const input = read(
      { name: "requirements.txt", text: "-c c.txt\nnumpy\n" },
      [{ name: "c.txt", text: "-r more.txt\nrequests[socks]==2.31\n" }, { name: "more.txt", text: "numpy<2\n" }],
    );
    expect(rows(input)).toEqual([[undefined, 2, "numpy", "<2"]]);
    expect(input.file.diagnostics.map((d) => [d.file, d.line, d.severity])).toEqual([
      [undefined, 1, "info"],
      [undefined, 2, "info"],
      ["c.txt", 1, "info"],
      ["c.txt", 2, "error"],
    ]);
  });

  it("cuts include cycles", () => {
    const input = read({ name: "a.txt", text: "-r b.txt\nalpha\n" }, [{ name: "b.txt", text: "-r a.txt\nbeta\n" }]);
    expect(rows(input)).toEqual([["b.txt", 2, "beta", ""], [undefined, 2, "alpha", ""]]);
    expect(input.file.diagnostics.find((d) => d.severity === "warning")).toEqual({
      line: 1, severity: "warning", file: "b.txt", message: '"a.txt" is already being read (a.txt → b.txt → a.txt); the cycle was not followed.',
    });
  });

  it("caps the nesting depth", () => {
    const files = Array.from({ length: 40 }, (_, k) => ({ name: `f${k}.txt`, text: `-r f${k + 1}.txt\np${k}\n` }));
    const input = read(files[0] as InputFile, files.slice(1));
    expect(input.file.requirements.length).toBeLessThan(40);
    expect(input.file.diagnostics.some((d) => d.severity === "error" && d.message.includes("deep"))).toBe(true);
  });

  it("merges the global options of included files", () => {
    const input = read({ name: "r.txt", text: "-r o.txt\nlxml\n" }, [{ name: "o.txt", text: "--only-binary :all:\n--pre\n" }]);
    expect(input.file.options.formatControl.onlyBinary).toEqual([":all:"]);
    expect(input.file.options.pre).toBe(true);
  });

  it("refuses the whole input when an included file passes the byte limit", () => {
    const input = read({ name: "r.txt", text: "-r big.txt\n" }, [{ name: "big.txt", text: `# ${"x".repeat(300 * 1024)}\n` }]);
    expect(input.file.diagnostics.some((d) => d.severity === "error" && d.line === 1)).toBe(true);
  });
});
