import { describe, expect, it } from "vitest";
import { allowedFormats } from "./format-control";
import { logicalLines } from "./lines";
import { parseRequirementsFile, type RequirementsFile } from "./parse";
import { splitShellWords } from "./shell-words";

function parse(text: string): RequirementsFile {
  const result = parseRequirementsFile(text);
  if (!result.ok) throw new Error(result.error);
  return result.file;
}

// [input, expected [line, requirement text, editable, number of hashes]]. Expected values were produced
// by pip 23.2.1's own parser (pip._internal.req.req_file.parse_requirements) on the same text.
const PIP_VECTORS: [string, [number, string, boolean, number][]][] = [
  ["django\nnumpy==1.2\n", [[1, "django", false, 0], [2, "numpy==1.2", false, 0]]],
  ["# c\n\n  flask  # trailing comment\n", [[3, "flask", false, 0]]],
  ["a==1 \\\n  --hash=sha256:abc \\\n  --hash=sha256:def\nb\n", [[1, "a==1", false, 2], [4, "b", false, 0]]],
  ["pkg #comment\nother\t# tab comment\n", [[1, "pkg", false, 0], [2, "other", false, 0]]],
  ["foo\\\n\\\nbar\n", [[1, "foobar", false, 0]]],
  ["# a comment \\\nfoo\n", [[2, "foo", false, 0]]],
  ["x>=1; python_version<'3.8'\n", [[1, "x>=1; python_version<'3.8'", false, 0]]],
  ["-e git+https://github.com/a/b.git#egg=b\n", [[1, "git+https://github.com/a/b.git#egg=b", true, 0]]],
  ["-e ./local\n", [[1, "./local", true, 0]]],
  ["./some/path\n", [[1, "./some/path", false, 0]]],
  ["name @ https://x.org/name-1.0-py3-none-any.whl\n", [[1, "name @ https://x.org/name-1.0-py3-none-any.whl", false, 0]]],
  ["https://x.org/pkg-1.0.tar.gz#egg=pkg\n", [[1, "https://x.org/pkg-1.0.tar.gz#egg=pkg", false, 0]]],
  ["-i https://example.com/simple\nfoo\n", [[2, "foo", false, 0]]],
  ["foo==1.0 --pre\n", [[1, "foo==1.0", false, 0]]],
  ["foo \\\n", [[1, "foo", false, 0]]],
  ["\uFEFFdjango\n", [[1, "django", false, 0]]],
  ["a\r\nb\r\n", [[1, "a", false, 0], [2, "b", false, 0]]],
  ['requests [security] >= 2.8.1, == 2.8.* ; python_version < "2.7"\n', [[1, 'requests [security] >= 2.8.1, == 2.8.* ; python_version < "2.7"', false, 0]]],
  ["--only-binary=:all:\nx\n", [[2, "x", false, 0]]],
  ["foo --hash sha256:1 --hash=sha256:2\n", [[1, "foo", false, 2]]],
];

describe("requirements lines match pip's parser", () => {
  it.each(PIP_VECTORS)("%j", (input, expected) => {
    const file = parse(input);
    expect(file.requirements.map((r) => [r.line, r.text, r.editable, r.hashes.length])).toEqual(expected);
    expect(file.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("a # glued to a name is not a comment", () => {
  // pip's line parser keeps "pkg#egg" whole; building the requirement then fails, so pip refuses the line.
  it("reports line 1 and still analyses line 2", () => {
    const file = parse("pkg#egg\nflask\n");
    expect(file.requirements.map((r) => [r.line, r.name])).toEqual([[2, "flask"]]);
    expect(file.diagnostics).toMatchObject([{ line: 1, severity: "error" }]);
  });
});

describe("logical lines", () => {
  it.each([
    ["", []],
    ["\n\n", []],
    ["a\n#b\nc", [[1, "a"], [3, "c"]]],
    ["a \\\nb \\\nc\nd", [[1, "a b c"], [4, "d"]]],
    ["x # y # z", [[1, "x"]]],
    ["url#frag", [[1, "url#frag"]]],
    ["a\rb", [[1, "a"], [2, "b"]]],
  ] as [string, [number, string][]][])("%j", (input, expected) => {
    expect(logicalLines(input).map((l) => [l.lineNumber, l.text])).toEqual(expected);
  });
});

describe("requirement classification", () => {
  it.each([
    ["Django~=4.2", "django", "index"],
    ["zope.interface>=5", "zope-interface", "index"],
    ["Foo_Bar[Baz]==1", "foo-bar", "index"],
    ["name @ https://x.org/name-1.0-py3-none-any.whl", "name", "url"],
    ["https://x.org/pkg-1.0.tar.gz#egg=pkg", "pkg", "url"],
    ["git+https://github.com/a/b.git@v1#egg=b", "b", "url"],
    ["git+ssh://git@github.com/a/b.git", null, "url"],
    ["https://files.example/numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "numpy", "url"],
    ["./some/path", null, "path"],
    ["../sibling", null, "path"],
    ["dist/mypkg-1.0-py3-none-any.whl", "mypkg", "path"],
    ["mypkg-1.0.tar.gz", null, "path"],
    ["/abs/dir[extra]", null, "path"],
  ] as const)("%s", (input, name, kind) => {
    const [entry] = parse(input).requirements;
    expect(entry?.name).toBe(name);
    expect(entry?.origin.kind).toBe(kind);
  });

  it("keeps extras, specifier and marker of a PEP 508 line", () => {
    const [entry] = parse('requests[socks,security]>=2.31,<3 ; python_version >= "3.8"').requirements;
    expect(entry?.requirement?.extras).toEqual(["security", "socks"]);
    expect(entry?.requirement?.specifier.text.replace(/\s/g, "")).toMatch(/<3/);
    expect(entry?.requirement?.marker).not.toBeNull();
  });
});

describe("diagnostics carry the line number and the rest is still parsed", () => {
  it.each([
    ["flask\nnumpy=1.2\nrequests", 2, "error", ["flask", "requests"]],
    ["flask\n\n# x\nnot a valid line!\nrequests", 4, "error", ["flask", "requests"]],
    ["a\n--bogus-option\nb", 2, "error", ["a", "b"]],
    ["a\n--index-url\nb", 2, "error", ["a", "b"]],
    ["a\n-r other.txt\nb", 2, "warning", ["a", "b"]],
    ["a\n-c constraints.txt\nb", 2, "warning", ["a", "b"]],
    ["a\nfoo==1 --pre\nb", 2, "warning", ["a", "foo", "b"]],
    ["a\n./local/pkg\nb", 2, "warning", ["a", null, "b"]],
    ["a\n--hash=sha256:abc\nb", 2, "warning", ["a", "b"]],
    ["a\nfoo --hash 'unclosed\nb", 2, "error", ["a", "b"]],
    ["a\n--prefer-binary=yes\nb", 2, "error", ["a", "b"]],
    ["a\n--extra-index-url https://${TOKEN}@example.com/simple\nb", 2, "warning", ["a", "b"]],
    ["a \\\n==1.0 \\\n,>2\nb=1\nc", 4, "error", ["a", "c"]],
  ] as [string, number, string, (string | null)[]][])("%j", (input, line, severity, names) => {
    const file = parse(input);
    expect(file.diagnostics.some((d) => d.line === line && d.severity === severity)).toBe(true);
    expect(file.diagnostics.every((d) => d.message.length > 10)).toBe(true);
    expect(file.requirements.map((r) => r.name)).toEqual(names);
  });

  it("names what an unpasted -r or -c file would have added", () => {
    const [include, constraint] = parse("-r base.txt\n-c pins.txt\nflask").diagnostics;
    expect(include?.message).toContain('includes "base.txt"');
    expect(constraint?.message).toContain('constraints in "pins.txt"');
  });

  it("explains a single '=' with a suggestion", () => {
    const [diagnostic] = parse("numpy=1.2").diagnostics;
    expect(diagnostic?.message).toMatch(/==/);
  });
});

describe("file-wide options change what pip may choose", () => {
  it("records --pre, --prefer-binary, --require-hashes and index options", () => {
    const file = parse("--pre\n--prefer-binary\n--require-hashes\n-i https://a/simple\n--extra-index-url=https://b/simple\n-f https://c/links\nx");
    expect(file.options).toMatchObject({
      pre: true,
      preferBinary: true,
      requireHashes: true,
      indexUrl: "https://a/simple",
      extraIndexUrls: ["https://b/simple"],
      findLinks: ["https://c/links"],
    });
  });

  // Expected formats follow pip's FormatControl (pip/_internal/models/format_control.py).
  it.each([
    ["--only-binary=:all:", "numpy", ["binary"]],
    ["--no-binary=:all:", "numpy", ["source"]],
    ["--no-binary numpy", "numpy", ["source"]],
    ["--no-binary numpy", "scipy", ["binary", "source"]],
    ["--only-binary=:all:\n--no-binary=psycopg2", "psycopg2", ["source"]],
    ["--only-binary=:all:\n--no-binary=psycopg2", "numpy", ["binary"]],
    ["--no-binary=:all:\n--only-binary=Foo_Bar", "foo-bar", ["binary"]],
    ["--only-binary=:all:,numpy", "scipy", ["binary"]],
    ["--only-binary=:all:,:none:,numpy", "scipy", ["binary", "source"]],
    ["--only-binary=:all:,:none:,numpy", "numpy", ["binary"]],
    ["--no-binary=numpy\n--only-binary=numpy", "numpy", ["binary"]],
    ["--only-binary=numpy\n--no-binary=:all:", "numpy", ["source"]],
    ["--only-binary=numpy\n--only-binary=:none:", "numpy", ["binary", "source"]],
  ] as [string, string, string[]][])("%j for %s → %j", (options, name, formats) => {
    expect(allowedFormats(parse(`${options}\nx`).options.formatControl, name)).toEqual(formats);
  });
});

describe("limits", () => {
  it("refuses text over 256 KB", () => {
    const result = parseRequirementsFile("a\n".repeat(140 * 1024));
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/at most 256 KB/);
  });
  it("refuses more than 2000 requirements and accepts exactly 2000", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `pkg${i}`).join("\n");
    expect(parseRequirementsFile(lines(2000)).ok).toBe(true);
    const over = parseRequirementsFile(lines(2001));
    expect(!over.ok && over.error).toMatch(/at most 2000/);
  });
});

describe("shell words (shlex.split subset)", () => {
  it.each([
    ["--hash=sha256:a --hash sha256:b", ["--hash=sha256:a", "--hash", "sha256:b"]],
    ["-i 'https://a b/'", ["-i", "https://a b/"]],
    ['--config-settings="--build-option=--x"', ["--config-settings=--build-option=--x"]],
    ["a\\ b", ["a b"]],
    ["", []],
  ] as [string, string[]][])("%j", (input, words) => {
    expect(splitShellWords(input)).toEqual({ ok: true, words });
  });
  it("reports an unclosed quote", () => {
    expect(splitShellWords("'abc")).toMatchObject({ ok: false });
  });
});
