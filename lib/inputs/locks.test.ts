import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateMarker, requirementToString, type MarkerEnvironment } from "@/lib/pep508";
import { readInput } from "./index";
import type { InputChoices, InputKind, ReadInput } from "./types";

const fixture = (name: string): string => readFileSync(`lib/inputs/fixtures/${name}`, "utf8");

function read(name: string, text: string, choices: InputChoices = {}): ReadInput {
  const result = readInput({ name, text }, [], choices);
  if (!result.ok) throw new Error(result.error);
  return result.input;
}

const rows = (input: ReadInput): [number, string][] => input.file.requirements.map((r) => [r.line, r.text]);
const problems = (input: ReadInput): [number, string][] => input.file.diagnostics.map((d) => [d.line, d.severity]);

describe("uv.lock", () => {
  it("pins what `uv sync --no-dev` installs, from the project root, on the package's name line", () => {
    const input = read("uv.lock", fixture("uv.lock"));
    expect(input.kind).toBe("uv-lock");
    expect(rows(input)).toEqual([
      [43, "contourpy==1.3.3"],
      [58, "cycler==0.12.1"],
      [64, "fonttools==4.61.1"],
      [76, "kiwisolver==1.4.9"],
      [82, "matplotlib==3.10.8"],
      [99, "networkx==3.6.1"],
      [105, "numpy==2.4.1"],
      [111, "packaging==25.0"],
      [117, "pillow==12.2.0"],
      [135, "pyparsing==3.3.1"],
      [154, "python-dateutil==2.9.0.post0"],
      [169, "six==1.17.0"],
    ]);
    expect(input.lock).toEqual({ kind: "uv-lock", formatVersion: "1", createdBy: "uv", requiresPython: ">=3.14", pins: 20, environments: [] });
    expect(input.available).toEqual({ extras: [], groups: ["dev"] });
    expect(input.file.diagnostics).toEqual([]);
    // pins never carry hashes: a partly installed lock must not switch pip into --require-hashes mode
    expect(input.file.requirements.every((r) => r.hashes.length === 0)).toBe(true);
    expect(input.file.options.requireHashes).toBe(false);
  });

  it("adds a chosen group with the markers on its dependency edges", () => {
    const input = read("uv.lock", fixture("uv.lock"), { groups: ["dev"] });
    const byName = new Map(input.file.requirements.map((r) => [r.name, r]));
    expect(input.file.requirements).toHaveLength(20);
    // pytest → colorama is written `marker = "sys_platform == 'win32'"`: colorama is Windows-only
    expect(byName.get("colorama")?.text).toBe("colorama==0.4.6 ; sys_platform == 'win32'");
    expect(byName.get("pytest")?.text).toBe("pytest==9.0.3");
    expect(byName.get("iniconfig")?.line).toBe(70);
  });

  it("gives two pins for a package the resolution forked, each under its resolution markers", () => {
    // The shape uv writes when one package resolves to two versions (uv.lock, revision 3).
    const text = [
      "version = 1", // 1
      "revision = 3",
      'requires-python = ">=3.10"',
      "resolution-markers = [",
      "    \"python_full_version >= '3.11'\",",
      "    \"python_full_version < '3.11'\",",
      "]",
      "",
      "[[package]]", // 9
      'name = "app"',
      'version = "0.1.0"',
      'source = { virtual = "." }',
      "dependencies = [",
      "    { name = \"numpy\", version = \"2.2.6\", source = { registry = \"https://pypi.org/simple\" }, marker = \"python_full_version < '3.11'\" },",
      "    { name = \"numpy\", version = \"2.3.4\", source = { registry = \"https://pypi.org/simple\" }, marker = \"python_full_version >= '3.11'\" },",
      "    { name = \"tomli\", marker = \"python_full_version < '3.11'\" },",
      "]",
      "",
      "[package.optional-dependencies]",
      "fast = [",
      '    { name = "orjson" },',
      "]",
      "",
      "[[package]]", // 24
      'name = "numpy"',
      'version = "2.2.6"',
      'source = { registry = "https://pypi.org/simple" }',
      "resolution-markers = [",
      "    \"python_full_version < '3.11'\",",
      "]",
      "",
      "[[package]]", // 32
      'name = "numpy"',
      'version = "2.3.4"',
      'source = { registry = "https://pypi.org/simple" }',
      "resolution-markers = [",
      "    \"python_full_version >= '3.11'\",",
      "]",
      "",
      "[[package]]", // 40
      'name = "orjson"',
      'version = "3.11.4"',
      'source = { registry = "https://pypi.org/simple" }',
      "",
      "[[package]]", // 45
      'name = "tomli"',
      'version = "2.3.0"',
      'source = { registry = "https://pypi.org/simple" }',
      "",
      "[[package]]", // 50
      'name = "mylib"',
      'version = "1.0.0"',
      'source = { git = "https://github.com/example/mylib?rev=main#0123456789abcdef0123456789abcdef01234567" }',
    ].join("\n");
    const input = read("uv.lock", text, { extras: ["fast"] });
    expect(rows(input)).toEqual([
      [25, "numpy==2.2.6 ; python_full_version < '3.11'"],
      [33, "numpy==2.3.4 ; python_full_version >= '3.11'"],
      [41, "orjson==3.11.4"],
      [46, "tomli==2.3.0 ; python_full_version < '3.11'"],
    ]);
    expect(input.lock?.environments).toEqual(["python_full_version >= '3.11'", "python_full_version < '3.11'"]);
    // On a given image exactly one numpy pin applies.
    const linux = (python: string): MarkerEnvironment => ({
      python_version: python.split(".").slice(0, 2).join("."), python_full_version: python, implementation_name: "cpython", implementation_version: python,
      platform_python_implementation: "CPython", sys_platform: "linux", platform_system: "Linux", platform_machine: "x86_64", platform_release: "", platform_version: "", os_name: "posix",
    });
    const installed = (python: string) => input.file.requirements.filter((r) => !r.requirement?.marker || evaluateMarker(r.requirement.marker, linux(python), [])).map((r) => r.text.split(" ;")[0]);
    expect(installed("3.10.14")).toEqual(["numpy==2.2.6", "orjson==3.11.4", "tomli==2.3.0"]);
    expect(installed("3.12.7")).toEqual(["numpy==2.3.4", "orjson==3.11.4"]);
    expect(input.lock?.pins).toBe(5);
    expect(input.available.extras).toEqual(["fast"]);
    // the git package is not reachable from the root, so it is not installed
    expect(input.file.requirements.some((r) => r.name === "mylib")).toBe(false);
  });

  it("reads a git source as the direct reference pip understands", () => {
    const text = 'version = 1\n\n[[package]]\nname = "app"\nversion = "0"\nsource = { editable = "." }\ndependencies = [{ name = "mylib" }]\n\n[[package]]\nname = "mylib"\nversion = "1.0.0"\nsource = { git = "https://github.com/example/mylib?subdirectory=py&rev=main#0123456789abcdef" }\n';
    const input = read("uv.lock", text);
    expect(input.file.requirements[0]?.text).toBe("mylib @ git+https://github.com/example/mylib@0123456789abcdef#subdirectory=py");
    expect(input.file.requirements[0]?.origin).toEqual({ kind: "url", url: "git+https://github.com/example/mylib@0123456789abcdef#subdirectory=py", vcs: true });
    expect(problems(input)).toEqual([[10, "info"]]);
  });

  it("keeps bounded marker paths through a dependency cycle", () => {
    const text = 'version = 1\n\n[[package]]\nname = "app"\nversion = "0"\nsource = { editable = "." }\ndependencies = [{ name = "a", marker = "os_name == \'posix\'" }]\n\n[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "x" }\ndependencies = [{ name = "b", marker = "python_version < \'3.12\'" }]\n\n[[package]]\nname = "b"\nversion = "1"\nsource = { registry = "x" }\ndependencies = [{ name = "a" }]\n';
    const input = read("uv.lock", text);
    expect(input.file.requirements.map((r) => r.text)).toEqual([
      "a==1 ; os_name == 'posix'",
      "b==1 ; (os_name == 'posix') and (python_version < '3.12')",
    ]);
  });

  it("warns about an unknown format version and still reads the lock", () => {
    const input = read("uv.lock", fixture("uv.lock").replace("version = 1\n", "version = 2\n"));
    expect(problems(input)).toEqual([[1, "warning"]]);
    expect(input.file.requirements).toHaveLength(12);
  });

  it("reads around a malformed package (fixture with an unterminated string)", () => {
    const input = read("uv.lock", fixture("uv.malformed.lock"));
    // what could be read of cycler is there, without its version: it is named and skipped
    expect(problems(input)).toEqual([[58, "warning"], [59, "error"]]);
    expect(input.file.requirements.map((r) => r.name)).toEqual(["contourpy", "fonttools", "kiwisolver", "matplotlib", "networkx", "numpy", "packaging", "pillow", "pyparsing", "python-dateutil", "six"]);
    expect(input.file.requirements[1]?.line).toBe(64);
  });
});

describe("poetry.lock", () => {
  it("lock-version 2.1: main group and per-package markers (fixture from a real project)", () => {
    const input = read("poetry.lock", fixture("poetry.lock"));
    expect(rows(input)).toEqual([
      [13, 'colorama==0.4.6 ; platform_system == "Windows" or sys_platform == "win32"'],
      [22, 'exceptiongroup==1.3.1 ; python_version == "3.10"'],
      [56, 'greenlet==3.3.0 ; platform_machine == "aarch64" or platform_machine == "ppc64le" or platform_machine == "x86_64" or platform_machine == "amd64" or platform_machine == "AMD64" or platform_machine == "win32" or platform_machine == "WIN32"'],
      [69, "jsonschema==4.26.0"],
      [111, "pyyaml==6.0.3"],
      [119, 'tomli==2.3.0 ; python_version == "3.10"'],
    ]);
    expect(input.lock).toEqual({ kind: "poetry-lock", formatVersion: "2.1", createdBy: "Poetry 2.1.3", requiresPython: ">=3.10,<3.13", pins: 10, environments: [] });
    expect(input.available).toEqual({ extras: [], groups: ["dev", "docs", "web"] });
  });

  it("lock-version 2.1: a chosen group adds its packages and its own markers", () => {
    const input = read("poetry.lock", fixture("poetry.lock"), { groups: ["web", "dev"] });
    const text = new Map(input.file.requirements.map((r) => [r.name, r.text]));
    expect([...text.keys()]).toEqual(["backports-asyncio-runner", "colorama", "exceptiongroup", "fastapi", "greenlet", "jsonschema", "pytest-cov", "pyyaml", "tomli", "uvicorn"]);
    expect(text.get("colorama")).toBe('colorama==0.4.6 ; (platform_system == "Windows" or sys_platform == "win32") or (sys_platform == "win32") or (platform_system == "Windows")');
    expect(text.get("tomli")).toBe('tomli==2.3.0 ; (python_version == "3.10") or (python_full_version <= "3.11.0a6")');
  });

  it("lock-version 2.0: markers from the dependency edges, starting where nothing depends (fixture)", () => {
    const input = read("poetry.lock", fixture("poetry.v2-0.lock"));
    expect(rows(input)).toEqual([
      [4, "certifi==2023.5.7"],
      [11, "charset-normalizer==3.2.0"],
      [18, 'colorama==0.4.6 ; sys_platform == "win32"'],
      [25, "coverage==7.2.7"],
      [38, 'exceptiongroup==1.1.2 ; python_version < "3.11"'],
      [48, "idna==3.4"],
      [55, "iniconfig==2.0.0"],
      [62, "packaging==23.1"],
      [69, "pluggy==1.2.0"],
      [80, "pytest==7.4.0"],
      [98, "pytest-cov==4.1.0"],
      [112, "requests==2.31.0"],
      [129, 'tomli==2.0.1 ; python_version < "3.11"'],
      [136, "urllib3==1.26.16"],
    ]);
    expect(input.lock?.createdBy).toBe("Poetry 1.5.1");
    expect(input.lock?.formatVersion).toBe("2.0");
    expect(problems(input)).toEqual([[152, "info"]]);
  });

  it("lock-version 1.1 (category per package) and the pre-1.0 `marker` field", () => {
    // The shape of Poetry 1.0/1.1 locks: category "main"/"dev", markers on [package.dependencies].
    const v11 = [
      "[[package]]", // 1
      'category = "main"',
      'name = "click"',
      'version = "7.0"',
      "",
      "[[package]]", // 6
      'category = "dev"',
      'name = "pytest"',
      'version = "5.4.3"',
      "",
      "[package.dependencies]",
      'colorama = {version = "*", markers = "sys_platform == \\"win32\\""}',
      "",
      "[[package]]", // 14
      'category = "dev"',
      'name = "colorama"',
      'version = "0.4.3"',
      "",
      "[metadata]",
      'lock-version = "1.1"', // 20
    ].join("\n");
    expect(rows(read("poetry.lock", v11))).toEqual([[3, "click==7.0"]]);
    expect(rows(read("poetry.lock", v11, { groups: ["dev"] }))).toEqual([[3, "click==7.0"], [8, "pytest==5.4.3"], [16, 'colorama==0.4.3 ; sys_platform == "win32"']]);
    expect(problems(read("poetry.lock", v11))).toEqual([[20, "info"]]);
    const v10 = '[[package]]\ncategory = "dev"\ndescription = "Cross-platform colored terminal text."\nmarker = "sys_platform == \\"win32\\""\nname = "colorama"\noptional = false\nversion = "0.4.3"\n\n[metadata]\nlock-version = "1.0"\n';
    expect(rows(read("poetry.lock", v10, { groups: ["dev"] }))).toEqual([[5, 'colorama==0.4.3 ; sys_platform == "win32"']]);
  });

  it("installs optional packages only through a chosen extra, reads git and directory sources", () => {
    const text = [
      "[[package]]", // 1
      'name = "psycopg2"',
      'version = "2.9.9"',
      "optional = true",
      'groups = ["main"]',
      "",
      "[[package]]", // 7
      'name = "mylib"',
      'version = "1.0"',
      'groups = ["main"]',
      "",
      "[package.source]",
      'type = "git"',
      'url = "https://github.com/example/mylib.git"',
      'reference = "main"',
      'resolved_reference = "abc123"',
      "",
      "[[package]]", // 18
      'name = "sibling"',
      'version = "0.1"',
      'groups = ["main"]',
      "",
      "[package.source]",
      'type = "directory"',
      'url = "../sibling"',
      "",
      "[extras]",
      'pgsql = ["psycopg2"]',
      "",
      "[metadata]",
      'lock-version = "3.0"', // 31
    ].join("\n");
    expect(rows(read("poetry.lock", text))).toEqual([[8, "mylib @ git+https://github.com/example/mylib.git@abc123"]]);
    const withExtra = read("poetry.lock", text, { extras: ["pgsql"] });
    expect(rows(withExtra)).toEqual([[2, "psycopg2==2.9.9"], [8, "mylib @ git+https://github.com/example/mylib.git@abc123"]]);
    expect(problems(withExtra)).toEqual([[8, "info"], [19, "warning"], [31, "warning"]]);
    expect(withExtra.available.extras).toEqual(["pgsql"]);
  });
});

describe("pdm.lock", () => {
  it("installs default, and chosen groups with their markers (fixture from a real project)", () => {
    const input = read("pdm.lock", fixture("pdm.lock"));
    expect(rows(input)).toEqual([[25, "anyio==4.9.0"], [42, "asn1crypto==1.5.1"], [52, "attrs==25.3.0"]]);
    expect(input.lock).toEqual({ kind: "pdm-lock", formatVersion: "4.5.0", createdBy: "PDM", requiresPython: null, pins: 6, environments: [">=3.12"] });
    expect(input.available).toEqual({ extras: [], groups: ["dev", "docs"] });
    const dev = read("pdm.lock", fixture("pdm.lock"), { groups: ["dev", "docs"] });
    expect(rows(dev)).toEqual([
      [14, "alabaster==1.0.0"],
      [25, "anyio==4.9.0"],
      [42, "asn1crypto==1.5.1"],
      [52, "attrs==25.3.0"],
      [63, "babel==2.17.0"],
      [77, 'cffi==1.17.1 ; os_name == "nt" and implementation_name != "pypy"'],
    ]);
  });

  it("reads a package locked twice (once with extras) as one pin", () => {
    const text = '[metadata]\nlock_version = "4.4"\n\n[[package]]\nname = "uvicorn"\nversion = "0.30.0"\ngroups = ["default"]\n\n[[package]]\nname = "uvicorn"\nversion = "0.30.0"\nextras = ["standard"]\ngroups = ["default"]\n';
    expect(rows(read("pdm.lock", text))).toEqual([[5, "uvicorn==0.30.0"]]);
  });
});

describe("pylock.toml (PEP 751)", () => {
  it("decides dependency_groups and extras markers from the choices, defaulting to default-groups (fixture)", () => {
    const input = read("pylock.toml", fixture("pylock.toml"));
    expect(rows(input)).toEqual([[49, 'typing-extensions==4.15.0 ; python_version < "3.12"']]);
    expect(input.lock).toEqual({ kind: "pylock", formatVersion: "1.0", createdBy: "pdm", requiresPython: ">=3.10", pins: 4, environments: ['python_version >= "3.10"'] });
    expect(input.available).toEqual({ extras: [], groups: ["default", "dev"] });
    const dev = read("pylock.toml", fixture("pylock.toml"), { groups: ["dev"] });
    expect(rows(dev)).toEqual([[14, "pytest==8.4.2"], [35, "ruff==0.14.2"], [49, 'typing-extensions==4.15.0 ; python_version < "3.12"'], [62, "colorama==0.4.6"]]);
  });

  it("reads vcs, archive and directory packages and refuses an unknown major lock-version", () => {
    const text = [
      'lock-version = "2.0"', // 1
      'created-by = "example"',
      "",
      "[[packages]]", // 4
      'name = "mylib"',
      'vcs = { type = "git", url = "https://github.com/example/mylib", commit-id = "abc123" }',
      'marker = "\'gpu\' in extras"',
      "",
      "[[packages]]", // 9
      'name = "wheelie"',
      'version = "1.0"',
      'archive = { url = "https://example.com/wheelie-1.0.tar.gz", hashes = { sha256 = "00" } }',
      "",
      "[[packages]]", // 14
      'name = "local"',
      'directory = { path = "./local" }',
    ].join("\n");
    const input = read("pylock.toml", text, { extras: ["gpu"] });
    expect(rows(input)).toEqual([[5, "mylib @ git+https://github.com/example/mylib@abc123"], [10, "wheelie @ https://example.com/wheelie-1.0.tar.gz"]]);
    expect(problems(input)).toEqual([[1, "error"], [5, "info"], [10, "info"], [15, "warning"]]);
    expect(rows(read("pylock.toml", text))).toEqual([[10, "wheelie @ https://example.com/wheelie-1.0.tar.gz"]]);
  });
});

describe("Pipfile.lock", () => {
  it("installs default, and develop when chosen, with markers (fixture from a real project)", () => {
    const input = read("Pipfile.lock", fixture("Pipfile.lock"));
    expect(rows(input)).toEqual([
      [19, "aniso8601==7.0.0"],
      [26, "click==7.1.2 ; python_version >= '2.7' and python_version not in '3.0, 3.1, 3.2, 3.3, 3.4'"],
      [34, "fastapi==0.63.0"],
      [42, "greenlet==1.0.0 ; python_version >= '2.7' and python_version not in '3.0, 3.1, 3.2, 3.3, 3.4'"],
      [49, "h11==0.12.0 ; python_version >= '3.6'"],
      [57, "pydantic==1.8.1 ; python_full_version >= '3.6.1'"],
      [64, "sqlalchemy==1.4.13"],
      [71, "uvicorn==0.13.4"],
    ]);
    expect(input.lock).toEqual({ kind: "pipfile-lock", formatVersion: "6", createdBy: "pipenv", requiresPython: "==3.9.*", pins: 11, environments: [] });
    expect(input.available).toEqual({ extras: [], groups: ["develop"] });
    const dev = read("Pipfile.lock", fixture("Pipfile.lock"), { groups: ["dev"] });
    expect(rows(dev).slice(8)).toEqual([[81, "autopep8==1.5.7"], [89, "flake8==3.9.1"], [97, "pycodestyle==2.7.0 ; python_version >= '2.7' and python_version not in '3.0, 3.1, 3.2, 3.3'"]]);
  });

  it("reports malformed JSON on its line and reads every other entry (fixture)", () => {
    const input = read("Pipfile.lock", fixture("Pipfile.malformed.lock"));
    expect(problems(input)).toEqual([[32, "error"]]);
    expect(input.file.requirements.map((r) => r.name)).toEqual(["aniso8601", "fastapi", "greenlet", "h11", "pydantic", "sqlalchemy", "uvicorn"]);
  });

  it("reads git and extras entries", () => {
    const text = JSON.stringify({ _meta: { "pipfile-spec": 6 }, default: { requests: { extras: ["socks"], version: "==2.31.0" }, mylib: { git: "https://github.com/example/mylib.git", ref: "abc123" } } }, null, 4);
    expect(rows(read("Pipfile.lock", text))).toEqual([[6, "requests[socks]==2.31.0"], [12, "mylib @ git+https://github.com/example/mylib.git@abc123"]]);
  });
});

describe("equivalence", () => {
  const requirementSet = (input: ReadInput): string[] =>
    input.file.requirements.map((r) => (r.requirement ? requirementToString(r.requirement) : r.text)).sort();

  it("uv.lock and the requirements file written from the same pins give the same requirement set", () => {
    const lock = read("uv.lock", fixture("uv.lock"));
    const requirements = read("requirements.txt", fixture("requirements.from-uv-lock.txt"));
    expect(requirementSet(lock)).toEqual(requirementSet(requirements));
    expect(requirementSet(lock)).toHaveLength(12);
    expect(lock.file.options).toEqual(requirements.file.options);
  });

  it("pyproject.toml read from the same project names the roots of that set", () => {
    const pyproject = read("pyproject.toml", fixture("pyproject.pep621.toml"));
    const lock = read("uv.lock", fixture("uv.lock"));
    for (const requirement of pyproject.file.requirements) {
      const pin = lock.file.requirements.find((r) => r.name === requirement.name);
      expect(pin?.requirement?.specifier.text.startsWith("==")).toBe(true);
    }
  });
});

describe("kind override", () => {
  it("reads the main file as the chosen kind, reporting what detection said", () => {
    const result = readInput({ name: "lock.txt", text: fixture("poetry.lock") }, [], { kind: "poetry-lock" as InputKind });
    expect(result.ok && [result.input.kind, result.input.detected, result.input.file.requirements.length]).toEqual(["poetry-lock", "requirements", 6]);
  });
});
