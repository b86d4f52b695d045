import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readInput } from "./index";
import type { InputChoices, ReadInput } from "./types";

const fixture = (name: string): string => readFileSync(`lib/inputs/fixtures/${name}`, "utf8");

function read(text: string, choices: InputChoices = {}): ReadInput {
  const result = readInput({ name: "pyproject.toml", text }, [], choices);
  if (!result.ok) throw new Error(result.error);
  return result.input;
}

const rows = (input: ReadInput): [number, string][] => input.file.requirements.map((r) => [r.line, r.text]);
const problems = (input: ReadInput): [number, string][] => input.file.diagnostics.map((d) => [d.line, d.severity]);

describe("PEP 621 [project]", () => {
  it("reads dependencies on the line they are written (fixture from a real project)", () => {
    const input = read(fixture("pyproject.pep621.toml"));
    expect(input.kind).toBe("pyproject");
    expect(rows(input)).toEqual([[7, "matplotlib>=3.8.2"], [7, "networkx>=3.2.1"]]);
    expect(input.available).toEqual({ extras: [], groups: ["dev"] });
    expect(input.lock).toBeNull();
    expect(input.file.diagnostics).toEqual([]);
  });

  it("adds chosen PEP 735 groups", () => {
    const input = read(fixture("pyproject.pep621.toml"), { groups: ["dev"] });
    expect(rows(input)).toEqual([
      [7, "matplotlib>=3.8.2"], [7, "networkx>=3.2.1"],
      [12, "pytest>=9.0.3"], [13, "ruff>=0.14.11"], [14, "ty>=0.0.11"], [15, "coverage>=7.13.1"],
    ]);
  });

  it("adds chosen extras, expanding an extra that names the project itself", () => {
    const input = read(fixture("pyproject.pep735.toml"), { extras: ["all"] });
    expect(rows(input)).toEqual([
      [7, "requests>=2.31"],
      [8, 'tomli>=1.1.0; python_version < "3.11"'],
      [12, "PySocks>=1.5.6, !=1.5.7"],
      [13, "rich"],
    ]);
    expect(input.file.requirements[1]?.requirement?.marker).not.toBeNull();
    expect(input.available).toEqual({ extras: ["socks", "all"], groups: ["test", "docs", "typing", "typing-test"] });
  });

  it("compares extra and group names in normalised form (PEP 685, PEP 735)", () => {
    const input = read(fixture("pyproject.pep735.toml"), { extras: ["SOCKS"], groups: ["Typing_Test"] });
    expect(input.file.requirements.map((r) => r.name)).toEqual(["requests", "tomli", "pysocks", "mypy", "types-requests", "pytest", "coverage", "useful-types"]);
  });

  it("follows include-group, once per group", () => {
    const input = read(fixture("pyproject.pep735.toml"), { groups: ["typing-test", "typing"] });
    expect(rows(input).slice(2)).toEqual([[18, "mypy"], [18, "types-requests"], [16, "pytest"], [16, "coverage"], [19, "useful-types"]]);
  });

  it("reports an include-group cycle as an error and still reads the groups", () => {
    const input = read(fixture("pyproject.pep735-cycle.toml"), { groups: ["test"] });
    expect(rows(input)).toEqual([[3, "pytest"], [4, "mypy"], [4, "types-requests"], [5, "useful-types"]]);
    expect(input.file.diagnostics).toEqual([
      { line: 3, severity: "error", message: expect.stringContaining("test → typing-test → test") as unknown as string },
    ]);
  });

  it("reports a group that includes an undefined one", () => {
    const input = read('[dependency-groups]\ndev = [\n  "ruff",\n  {include-group = "lint"},\n]\n', { groups: ["dev"] });
    expect(rows(input)).toEqual([[3, "ruff"]]);
    expect(problems(input)).toEqual([[4, "error"]]);
  });

  it("warns about chosen extras and groups the file does not offer", () => {
    const input = read(fixture("pyproject.pep621.toml"), { extras: ["gpu"], groups: ["lint"] });
    expect(problems(input)).toEqual([[1, "warning"], [1, "warning"]]);
  });

  it("says when [project] leaves its dependencies to the build backend", () => {
    const input = read('[project]\nname = "x"\nversion = "1"\ndynamic = ["dependencies"]\n');
    expect(rows(input)).toEqual([]);
    expect(problems(input)).toEqual([[4, "warning"]]);
  });

  it("reports a dependency that is not a requirement on its own line and reads the rest", () => {
    const input = read('[project]\nname = "x"\ndependencies = [\n  "numpy>=2",\n  "not a requirement!!",\n  "flask",\n]\n');
    expect(rows(input)).toEqual([[4, "numpy>=2"], [6, "flask"]]);
    expect(problems(input)).toEqual([[5, "error"]]);
  });

  it("points repeated strings at each place they are written", () => {
    const input = read('[project]\nname = "x"\ndependencies = ["six", "six"]\n[project.optional-dependencies]\na = [\n  "six",\n]\nb = ["six"]\n', { extras: ["a", "b"] });
    expect(rows(input)).toEqual([[3, "six"], [3, "six"], [6, "six"], [8, "six"]]);
  });

  it("finds lines in literal, escaped and multi-line strings", () => {
    const text = [
      "[project]",
      'name = "x"',
      "dependencies = [",
      "  'tomli; python_version < \"3.11\"',",
      '  "attrs ; python_version < \\"3.8\\"",',
      '  """',
      'pyyaml"""',
      "]",
    ].join("\n");
    const input = read(text);
    expect(rows(input)).toEqual([[4, 'tomli; python_version < "3.11"'], [5, 'attrs ; python_version < "3.8"'], [6, "pyyaml"]]);
  });
});

describe("Poetry [tool.poetry]", () => {
  it("translates ^ and ~ constraints, records each translation, skips python and optional packages", () => {
    const input = read(fixture("pyproject.poetry.toml"));
    expect(rows(input)).toEqual([
      [35, "bmt>=1.1.0,<2.0.0"],
      [40, "jsonschema>=4.17.3,<4.18.0"],
      [42, "PyYAML>=6.0,<7.0"],
      [43, "requests>=2.28.1,<3.0.0"],
      [44, "pydantic>=1.10.11,<2.0.0"],
      [45, "urllib3>=1.26.15,<2.0.0"],
      [51, "pytest-cov>=4.0.0,<5.0.0"],
      [52, "pytest>=7.2.2,<8.0.0"],
    ]);
    expect(input.translations[1]).toEqual({ line: 40, name: "jsonschema", from: "~4.17.3", to: ">=4.17.3,<4.18.0" });
    expect(input.translations).toHaveLength(8);
    expect(input.available).toEqual({ extras: ["docs", "web"], groups: [] });
  });

  it("installs optional packages through a chosen [tool.poetry.extras] extra", () => {
    const input = read(fixture("pyproject.poetry.toml"), { extras: ["web"] });
    expect(rows(input).filter(([, text]) => text.startsWith("fastapi") || text.startsWith("uvicorn"))).toEqual([
      [49, "fastapi>=0.68,<0.69"],
      [50, "uvicorn>=0.15,<0.16"],
    ]);
  });

  it("reads groups, tables with python/markers/extras, multiple-constraint lists and direct references", () => {
    const text = [
      "[tool.poetry]", // 1
      'name = "demo"',
      "",
      "[tool.poetry.dependencies]", // 4
      'python = "^3.9"',
      'uvicorn = {extras = ["standard"], version = "^0.24.0"}', // 6
      'tomli = {version = "^2.0", python = "<3.11"}', // 7
      'pywin32 = {version = "*", markers = "sys_platform == \'win32\'"}', // 8
      "numpy = [", // 9
      '  {version = "~1.24", python = "<3.12"},',
      '  {version = "^2.1", python = ">=3.12"},',
      "]",
      'mylib = {git = "https://github.com/example/mylib.git", rev = "v1.2"}', // 13
      'sibling = {path = "../sibling", develop = true}', // 14
      'wheel-dep = {url = "https://example.com/wheel_dep-1.0-py3-none-any.whl"}', // 15
      'broken = "^1.0 || ^2.0"', // 16
      "",
      "[tool.poetry.group.test.dependencies]", // 18
      'pytest = "^8.0"',
      "",
      "[tool.poetry.dev-dependencies]", // 21
      'black = "23.1.0"',
    ].join("\n");
    const input = read(text, { groups: ["test"] });
    expect(rows(input)).toEqual([
      [6, "uvicorn[standard]>=0.24.0,<0.25.0"],
      [7, 'tomli>=2.0,<3.0 ; python_version < "3.11"'],
      [8, "pywin32 ; sys_platform == 'win32'"],
      [9, 'numpy>=1.24,<1.25 ; python_version < "3.12"'],
      [9, 'numpy>=2.1,<3.0 ; python_version >= "3.12"'],
      [13, "mylib @ git+https://github.com/example/mylib.git@v1.2"],
      [15, "wheel-dep @ https://example.com/wheel_dep-1.0-py3-none-any.whl"],
      [19, "pytest>=8.0,<9.0"],
    ]);
    expect(input.file.requirements[5]?.origin).toEqual({ kind: "url", url: "git+https://github.com/example/mylib.git@v1.2", vcs: true });
    expect(problems(input)).toEqual([[13, "info"], [14, "warning"], [15, "info"], [16, "error"]]);
    expect(input.available.groups).toEqual(["test", "dev"]);
    expect(input.translations.find((t) => t.name === "tomli (python)")).toEqual({ line: 7, name: "tomli (python)", from: "<3.11", to: 'python_version < "3.11"' });
  });

  it("reads [project] and not [tool.poetry.dependencies] when both are there (Poetry 2)", () => {
    const input = read('[project]\nname = "x"\ndependencies = ["requests>=2"]\n\n[tool.poetry.dependencies]\nrequests = { source = "internal" }\n');
    expect(rows(input)).toEqual([[3, "requests>=2"]]);
    expect(problems(input)).toEqual([[5, "info"]]);
  });
});

describe("malformed pyproject.toml", () => {
  it("reports smol-toml's line and still reads the other dependencies (fixture)", () => {
    const input = read(fixture("pyproject.poetry.malformed.toml"));
    expect(problems(input)).toEqual([[47, "error"]]);
    expect(input.file.diagnostics[0]?.message).toMatch(/^This is not valid TOML \(column 1\)/);
    expect(rows(input).map(([line]) => line)).toEqual([35, 40, 42, 43, 44, 45, 51, 52]);
  });

  it("keeps reading after a broken table header", () => {
    const input = read('[project\nname = "x"\n\n[dependency-groups]\ndev = ["ruff"]\n', { groups: ["dev"] });
    expect(problems(input)[0]).toEqual([1, "error"]);
    expect(rows(input)).toEqual([[5, "ruff"]]);
  });

  it("refuses input over the byte limit whole, as for requirements files", () => {
    const result = readInput({ name: "pyproject.toml", text: `[project]\n# ${"x".repeat(600 * 1024)}\n` }, [], {});
    expect(result.ok).toBe(false);
  });
});
