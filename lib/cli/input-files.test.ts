import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { MAX_INPUT_FILES, MAX_REQUIREMENTS_BYTES } from "@/lib/contract/request-limits";
import { EXIT } from "./exit-codes";
import { includedPaths, readBoundedStream, readIncludedFiles } from "./input-files";
import { cliHarness } from "./cli.test-support";

// FILE as any input kind (--kind, --extra, --group, its name passed on) and the files its -r/-c
// lines name, read from its directory within the request's caps.

const cli = cliHarness("basewise-cli-inputs-");
const { run } = cli;

/** Writes files under a fresh directory; returns its path. */
async function project(files: Record<string, string>): Promise<string> {
  const dir = path.join(cli.work(), Math.random().toString(36).slice(2));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

const SLIM = ["--base", "python:3.12-slim-bookworm", "--arch", "amd64", "--format", "json"];
type Json = { input: { kind: string; detectedKind: string; fileName: string | null; files: string[]; extras: { chosen: string[] }; groups: { chosen: string[] } }; targets: { packages: { name: string; version: string | null }[] }[]; diagnostics: { severity: string; message: string }[] };
const names = (report: Json) => report.targets[0]!.packages.map((p) => p.name).sort();

const PYPROJECT = `[project]
name = "app"
version = "1.0"
dependencies = ["six"]

[project.optional-dependencies]
postgres = ["psycopg2==2.9.9"]

[dependency-groups]
dev = ["tomli"]
`;

describe("input kinds", { timeout: 30_000 }, () => {
  it("passes FILE's name, so a pyproject.toml is read as one; --extra and --group choose what is included", async () => {
    const dir = await project({ "pyproject.toml": PYPROJECT });
    const file = path.join(dir, "pyproject.toml");
    const plain = await run(["analyze", file, ...SLIM, "--index-url", cli.indexUrl(), "--no-deps"]);
    expect(plain.code).toBe(EXIT.ok);
    const report = JSON.parse(plain.out) as Json;
    expect(report.input).toMatchObject({ kind: "pyproject", detectedKind: "pyproject", fileName: "pyproject.toml" });
    expect(names(report)).toEqual(["six"]);
    const chosen = JSON.parse((await run(["analyze", file, ...SLIM, "--index-url", cli.indexUrl(), "--no-deps", "--extra", "postgres", "--group", "dev"])).out) as Json;
    expect(chosen.input.extras.chosen).toEqual(["postgres"]);
    expect(chosen.input.groups.chosen).toEqual(["dev"]);
    expect(names(chosen)).toEqual(["psycopg2", "six", "tomli"]);
  });

  it("--kind overrides what the name says", async () => {
    const dir = await project({ "deps.txt": PYPROJECT });
    const asNamed = JSON.parse((await run(["analyze", path.join(dir, "deps.txt"), ...SLIM, "--index-url", cli.indexUrl(), "--no-deps"])).out) as Json;
    expect(asNamed.input).toMatchObject({ kind: "requirements", fileName: "deps.txt" });
    const chosen = JSON.parse((await run(["analyze", path.join(dir, "deps.txt"), ...SLIM, "--index-url", cli.indexUrl(), "--no-deps", "--kind", "pyproject"])).out) as Json;
    expect(chosen.input).toMatchObject({ kind: "pyproject", detectedKind: "requirements" });
    expect(names(chosen)).toEqual(["six"]);
  });

  it("the table says what was read: the kind, the extras and groups chosen, Poetry's constraints as PEP 440", async () => {
    const dir = await project({
      "pyproject.toml": PYPROJECT,
      "poetry/pyproject.toml": '[tool.poetry]\nname = "app"\n\n[tool.poetry.dependencies]\npython = "^3.10"\nsix = "^1.16"\n',
    });
    const pep621 = await run(["analyze", path.join(dir, "pyproject.toml"), "--base", "python:3.12-slim-bookworm", "--arch", "amd64", "--index-url", cli.indexUrl(), "--no-deps", "--extra", "postgres"]);
    expect(pep621.out.split("\n").slice(0, 4)).toEqual([
      "Read as pyproject.toml.",
      "Extras included: postgres (the file offers postgres).",
      "Dependency groups included: none (the file offers dev).",
      "",
    ]);
    const poetry = await run(["analyze", path.join(dir, "poetry/pyproject.toml"), "--base", "python:3.12-slim-bookworm", "--arch", "amd64", "--index-url", cli.indexUrl(), "--no-deps"]);
    expect(poetry.out).toMatch(/^Poetry constraints as PEP 440:\n {2}line 6: six \^1\.16 means >=1\.16,<2\.0$/m);
    // Read as another kind than detected, it says so (after the lines that kind cannot read).
    const plain = await run(["analyze", path.join(dir, "pyproject.toml"), "--kind", "requirements", "--base", "python:3.12-slim-bookworm", "--arch", "amd64", "--index-url", cli.indexUrl(), "--no-deps"]);
    expect(plain.out).toContain("Read as requirements.txt (pyproject.toml), as chosen; Basewise recognised pyproject.toml.");
  });

  it.each([
    [["--kind", "setup.py"], /^--kind must be requirements or pyproject or uv-lock/],
    [["--extra", "x".repeat(101)], /^Each of --extra must have 1 to 100 characters\./],
  ])("usage errors exit 2 before FILE is read: %j", async (flags, message) => {
    const { code, err } = await run(["analyze", "/nonexistent/pyproject.toml", ...flags]);
    expect(code).toBe(EXIT.usage);
    expect(err).toMatch(message);
  });
});

describe("-r and -c", { timeout: 30_000 }, () => {
  it("follows them relative to the including file, and names each file by its path from FILE's directory", async () => {
    const dir = await project({
      "requirements/dev.txt": "-r base.txt\n-c constraints.txt\nsix\n",
      "requirements/base.txt": "--requirement=common/db.txt  # shared\ntomli\n",
      "requirements/common/db.txt": "psycopg2==2.9.9\n",
      "requirements/constraints.txt": "tomli<3\n",
    });
    const { code, out, err } = await run(["analyze", path.join(dir, "requirements/dev.txt"), ...SLIM, "--index-url", cli.indexUrl(), "--no-deps"]);
    expect(code).toBe(EXIT.ok);
    expect(err).toBe("");
    const report = JSON.parse(out) as Json;
    expect(report.input.fileName).toBe("dev.txt");
    expect([...report.input.files].sort()).toEqual(["base.txt", "common/db.txt", "constraints.txt"]);
    expect(names(report)).toEqual(["psycopg2", "six", "tomli"]);
  });

  it("reads nothing outside FILE's directory, and says so", async () => {
    const dir = await project({ "outside.txt": "six\n", "app/requirements.txt": "-r ../outside.txt\n-r /etc/hostname\n-r missing.txt\ntomli\n" });
    const { code, out, err } = await run(["analyze", path.join(dir, "app/requirements.txt"), ...SLIM, "--index-url", cli.indexUrl(), "--no-deps"]);
    expect(code).toBe(EXIT.ok);
    expect(err).toBe(
      [
        "../outside.txt (named in requirements.txt) is outside requirements.txt's directory: not read.",
        "/etc/hostname (named in requirements.txt) is outside requirements.txt's directory: not read.",
        "missing.txt (named in requirements.txt) not read: no such file.",
        "",
      ].join("\n"),
    );
    const report = JSON.parse(out) as Json;
    expect(report.input.files).toEqual([]);
    expect(names(report)).toEqual(["tomli"]);
  });

  it(`reads at most ${MAX_INPUT_FILES} files, each at most ${MAX_REQUIREMENTS_BYTES / 1024} KB`, async () => {
    const many = Object.fromEntries(Array.from({ length: MAX_INPUT_FILES + 2 }, (_, i) => [`r${i}.txt`, "six\n"]));
    const dir = await project({ ...many, "big.txt": "#".repeat(MAX_REQUIREMENTS_BYTES + 1), "requirements.txt": ["-r big.txt", ...Object.keys(many).map((n) => `-r ${n}`)].join("\n") });
    const read = await readIncludedFiles(path.join(dir, "requirements.txt"), await (await import("node:fs/promises")).readFile(path.join(dir, "requirements.txt"), "utf8"));
    expect(read.files.map((f) => f.name)).toEqual(Object.keys(many).slice(0, MAX_INPUT_FILES));
    expect(read.notes[0]).toBe(`big.txt (named in requirements.txt) not read: ${MAX_REQUIREMENTS_BYTES + 1} bytes; at most ${MAX_REQUIREMENTS_BYTES / 1024} KB is read.`);
    expect(read.notes.slice(1)).toEqual([`r8.txt (named in requirements.txt) not read: at most ${MAX_INPUT_FILES} files are read with requirements.txt.`, `r9.txt (named in requirements.txt) not read: at most ${MAX_INPUT_FILES} files are read with requirements.txt.`]);
    await expect(readBoundedStream(Readable.from([Buffer.alloc(MAX_REQUIREMENTS_BYTES + 1)]))).rejects.toThrow(`more than ${MAX_REQUIREMENTS_BYTES / 1024} KB`);
  });

  it.each([
    ["-r base.txt", ["base.txt"]],
    ["-rbase.txt", ["base.txt"]],
    ["--requirement base.txt", ["base.txt"]],
    ["--requirement = base.txt", ["base.txt"]],
    ["-c c.txt  # pins", ["c.txt"]],
    ["--constraint=c.txt", ["c.txt"]],
    ["# -r commented.txt", []],
    ["-r https://example.org/requirements.txt", []],
    ["--require-hashes", []],
    ["requests>=2", []],
  ])("%j names %j", (line, paths) => {
    expect(includedPaths(line)).toEqual(paths);
  });
});
