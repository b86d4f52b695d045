import { beforeEach, describe, expect, it } from "vitest";
import { parseSpecifierSet, parseVersion } from "@/lib/pep440";
import { canonicalizeName, parseMarker, parseRequirement } from "@/lib/pep508";
import { decodeShareState } from "@/lib/share/decode";
import { DEFAULT_ESTIMATE, encodeShareState, requirementLineCount } from "@/lib/share/state";
import { MAX_LINE_LENGTH, MAX_REQUIREMENTS_BYTES } from "./limits";
import { logicalLines, stripBackslashes, stripComment } from "./lines";
import { parseOptionWords } from "./options";
import { parseRequirementsFile } from "./parse";
import { classifyRequirement, stripTrailingBrackets } from "./requirement-line";
import { splitShellWords } from "./shell-words";

// Every parser that user text reaches must take time linear in its input. Each case times one
// parser on a hostile shape at 64 KB and at 256 KB (the largest text Basewise accepts; as a whole
// file that is 7 lines at the 32 KiB line cap) and requires both runs to finish under CEILING_MS.
// Measured on the 2-core development machine: idle, most cases take under 30 ms at 256 KB and the
// slowest about 250 ms (a cold JIT on 7 long lines); at a load average of 14 (other engineers' test
// runs) every case still passed. So 1.5 s holds at 3× slowdown with room to spare. The quadratic
// code this replaced took 1.3 s for one 32 KB line of spaces and about a minute for 256 KB; with
// only the old comment and backslash regexes put back (line cap kept), files of 32 KB lines of
// spaces took 7–13 s at 256 KB and failed here. Ratios (t256/t64) are not used: at a few
// milliseconds they are noise. A case over the ceiling is timed once more and the faster run
// counts, so one GC pause cannot fail it, while quadratic code is slow both times.
const CEILING_MS = 1500;
const KB = 1024;
// Each test below runs dozens of cases synchronously; a group may take seconds on a loaded machine.
const GROUP_TIMEOUT_MS = 60_000;

// Let vitest's worker answer its RPC between the long synchronous tests (it times out otherwise).
beforeEach(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

function elapsedMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Times `parse` on `make(64 KB)` and `make(256 KB)`; returns the result for the 256 KB input. */
function expectLinear<T>(make: (size: number) => string, parse: (text: string) => T, label = ""): T {
  let result = parse(make(4 * KB)); // warm up the JIT, so the first case does not pay for compiling
  for (const size of [64 * KB, 256 * KB]) {
    const text = make(size);
    let ms = elapsedMs(() => (result = parse(text)));
    if (ms >= CEILING_MS) ms = Math.min(ms, elapsedMs(() => parse(text)));
    expect(ms, `${label} at ${size / KB} KB took ${Math.round(ms)} ms`).toBeLessThan(CEILING_MS);
  }
  return result;
}

// One character of every ASCII class the grammars care about, and pairs that defeat naive regexes
// (a failed match at each position rescanning the rest of the line).
const RUNS = [
  " ", "\t", "\\", "#", "(", ")", "[", "]", '"', "'", "=", "<", ">", ";", "@", ",", ".", "0", "9", "a", "Z",
  "-", "_", "*", "~", "!", "/", ":", "+", "&", "%", "$", "{", "^", "|",
];
const ALTERNATIONS = [
  "a ", " \\", "\\ ", "# ", " #", "\"'", "'\"", "((", "[[", "(a", "[a,", "a,", "a.", "1.", "-a", "a-", "0!", "1a",
  "==1,", ">=1.0 ", "#egg=", "&egg=", "%zz", "a;", "; ", " and ", " or (", "${A", "--hash=", "a[", "@ ",
  "python_version ", "'a' == ", "\\\\x", "x\\\\",
];
const SHAPES = [...RUNS, ...ALTERNATIONS];
// The whole-file tests parse every line through every step, so they take the shapes the brief for
// this work named; the single parsers take them all.
const FILE_SHAPES = [...RUNS, "a ", " \\", "\\ ", "# ", "\"'", "((", "[[", "[a,", "1.", "#egg=", "%zz", "; "];

/** `prefix` followed by `shape` repeated, `size` characters in all. */
function hostile(prefix: string, shape: string, size: number): string {
  const run = shape.repeat(Math.ceil(Math.max(0, size - prefix.length) / shape.length));
  return (prefix + run).slice(0, size);
}

const show = (text: string) => JSON.stringify(text);

// Messages quote user text shortened, so a pasted megabyte never comes back in an error.
const MAX_MESSAGE = 400;

function expectShortError(result: { ok: boolean; error?: string } | null, label: string): void {
  if (result && !result.ok) expect(result.error?.length, label).toBeLessThan(MAX_MESSAGE);
}

describe("requirements files: linear time, and an over-long line is one diagnostic", { timeout: GROUP_TIMEOUT_MS }, () => {
  // The prefixes put each shape where a different step of the line parser reads it.
  const PREFIXES = ["", "a", "a==", "a; python_version", "a[", "a @ ", "--hash=", "-r ", "name==1.0 \\\n"];
  const FOLLOWING = "flask==3.0";

  // A file of lines just under the cap, then a valid line: the parsers do their full work on every line.
  function linesUnderCap(prefix: string, shape: string, size: number): string {
    const line = hostile(prefix, shape, MAX_LINE_LENGTH);
    const count = Math.max(1, Math.floor((size - 64) / (line.length + 1)));
    return `${Array<string>(count).fill(line).join("\n")}\n\n${FOLLOWING}\n`;
  }

  it.each(PREFIXES.map((prefix) => [prefix]))("lines under the cap after %j", (prefix) => {
    for (const shape of FILE_SHAPES) {
      const label = `${show(prefix)} then ${show(shape)}`;
      const make = (size: number) => linesUnderCap(prefix, shape, size);
      const result = expectLinear(make, parseRequirementsFile, label);
      if (!result.ok) throw new Error(`${label}: ${result.error}`);
      const text = make(256 * KB);
      const followingLine = text.slice(0, text.lastIndexOf(FOLLOWING)).split(/\r\n|\r|\n/).length;
      expect(result.file.requirements.at(-1), label).toMatchObject({ line: followingLine, name: "flask", text: FOLLOWING });
      for (const d of result.file.diagnostics) expect(d.message.length, label).toBeLessThan(MAX_MESSAGE);
    }
  });

  // One line over the cap (the whole allowance), a blank line, then a valid requirement.
  it.each(PREFIXES.map((prefix) => [prefix]))("one over-long line after %j", (prefix) => {
    const continued = prefix.endsWith("\\\n");
    for (const shape of FILE_SHAPES) {
      const label = `${show(prefix)} then ${show(shape)}`;
      const result = expectLinear((size) => `${hostile(prefix, shape, size - 32)}\n\n${FOLLOWING}\n`, parseRequirementsFile, label);
      if (!result.ok) throw new Error(`${label}: ${result.error}`);
      // The line over the cap is physical line 1, or 2 after a continued prefix; one that ends in "\\"
      // also swallows the blank line after it, as pip joins them.
      expect(result.file.diagnostics, label).toEqual([
        {
          line: 1,
          severity: "error",
          message: expect.stringMatching(
            new RegExp(
              `^(This line|Line ${continued ? 2 : 1}) is [\\d,]+ characters long; Basewise reads lines of at most 32,768 characters \\(32 KiB\\), ` +
                `so (it was|lines 1–\\d \\(joined by "\\\\" continuations\\) were) skipped\\.$`,
            ),
          ),
        },
      ]);
      expect(result.file.requirements, label).toMatchObject([{ line: continued ? 4 : 3, name: "flask" }]);
    }
  });

  it("caps the joined line too: continuations adding up to more than 32 KiB are one diagnostic", () => {
    const part = "--hash=sha256:" + "0".repeat(64);
    const lines = Array.from({ length: 400 }, () => `    ${part} \\`);
    const text = `numpy==1.26.4 \\\n${lines.join("\n")}\n    ${part}\nflask\n`;
    expect(parseRequirementsFile(text)).toEqual({
      ok: true,
      file: expect.objectContaining({
        requirements: [expect.objectContaining({ line: 403, name: "flask" })],
        diagnostics: [
          {
            line: 1,
            severity: "error",
            message: 'Lines 1–402 join (by "\\" continuations) into one line of 33,296 characters; Basewise reads lines of at most 32,768 characters (32 KiB), so they were skipped.',
          },
        ],
      }),
    });
  });

  it("reports a long physical line inside a continuation on the logical line, naming the physical one", () => {
    const file = parseRequirementsFile(`a==1 \\\n  --hash=sha256:${"0".repeat(40_000)} \\\n  --hash=sha256:1\nb\n`);
    expect(file).toMatchObject({
      ok: true,
      file: {
        requirements: [{ line: 4, name: "b" }],
        diagnostics: [{ line: 1, severity: "error", message: expect.stringMatching(/^Line 2 is 40,018 characters long; .*, so lines 1–3 \(joined by "\\" continuations\) were skipped\.$/) }],
      },
    });
  });

  it("keeps a pip-compile line with 154 hashes (the most files one release has in the PyPI snapshot)", () => {
    const hashes = Array.from({ length: 154 }, (_, i) => `    --hash=sha256:${i.toString(16).padStart(64, "0")}`);
    const file = parseRequirementsFile(`pin==2.6.12 \\\n${hashes.join(" \\\n")}\n    # via -r requirements.in\n`);
    expect(file).toMatchObject({ ok: true, file: { diagnostics: [], requirements: [{ line: 1, name: "pin" }] } });
    expect(file.ok && file.file.requirements[0]?.hashes).toHaveLength(154);
  });

  it.each([
    [MAX_LINE_LENGTH, 0],
    [MAX_LINE_LENGTH + 1, 1],
  ])("a line of %i characters gives %i diagnostics", (length, diagnostics) => {
    const file = parseRequirementsFile(`${"a".repeat(length)}\nb\n`);
    expect(file.ok && file.file.diagnostics.length).toBe(diagnostics);
    expect(file.ok && file.file.requirements.at(-1)).toMatchObject({ line: 2, name: "b" });
  });
});

describe("PEP 508 and PEP 440 parsers: linear time on 256 KB", { timeout: GROUP_TIMEOUT_MS }, () => {
  it.each(["", "a", "a==", "a; python_version", "a[", "a @ ", "a (", "a; (", "a===", "a; extra == '", "a[b]>=1,"].map((p) => [p]))(
    "parseRequirement after %j",
    (prefix) => {
      for (const shape of SHAPES) {
        const label = `${show(prefix)} then ${show(shape)}`;
        expectShortError(expectLinear((size) => hostile(prefix, shape, size), parseRequirement, label), label);
      }
    },
  );

  it.each(["", "python_version", "python_version == ", "(", "extra == '", "os_name == 'a' and ", "'3.8' in "].map((p) => [p]))(
    "parseMarker after %j",
    (prefix) => {
      for (const shape of SHAPES) {
        const label = `${show(prefix)} then ${show(shape)}`;
        expectShortError(expectLinear((size) => hostile(prefix, shape, size), parseMarker, label), label);
      }
    },
  );

  it("parseMarker refuses deep nesting with a clear error instead of overflowing the stack", () => {
    const deep = parseMarker(`${"(".repeat(100_000)}os_name == 'posix'${")".repeat(100_000)}`);
    expect(deep).toEqual({ ok: false, error: "Brackets are nested more than 100 deep (column 101)" });
    expect(parseMarker(`${"(".repeat(100)}os_name == 'posix'${")".repeat(100)}`).ok).toBe(true);
    expect(parseRequirement(`a; ${"(".repeat(100_000)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/nested more than 100 deep/) });
  });

  it.each(["", "==", ">=1.0,", "~=", "1.0", "1.0+", "==1.*", "==="].map((p) => [p]))("parseSpecifierSet and parseVersion after %j", (prefix) => {
    for (const shape of SHAPES) {
      const label = `${show(prefix)} then ${show(shape)}`;
      expectShortError(expectLinear((size) => hostile(prefix, shape, size), parseSpecifierSet, label), label);
      expectLinear((size) => hostile(prefix, shape, size), parseVersion, label);
    }
  });
});

describe("option words and requirement classification: linear time on 256 KB", { timeout: GROUP_TIMEOUT_MS }, () => {
  it.each(["", "--hash=", "'", '"'].map((p) => [p]))("splitShellWords and parseOptionWords after %j", (prefix) => {
    for (const shape of SHAPES) {
      const label = `${show(prefix)} then ${show(shape)}`;
      const words = expectLinear((size) => hostile(prefix, shape, size), splitShellWords, label);
      const options = expectLinear((size) => hostile(prefix, shape, size), (text) => parseOptionWords(text.split(" ")), label);
      if (!words.ok) expect(words.error.length, label).toBeLessThan(MAX_MESSAGE);
      if (!options.ok) expect(options.error.length, label).toBeLessThan(MAX_MESSAGE);
    }
  });

  it.each(["", "a", "a[", "a @ ", "./", "https://x.org/a-1-", "git+https://x/a#egg="].map((p) => [p]))(
    "classifyRequirement after %j",
    (prefix) => {
      for (const shape of SHAPES) {
        const label = `${show(prefix)} then ${show(shape)}`;
        expectShortError(expectLinear((size) => hostile(prefix, shape, size), classifyRequirement, label), label);
      }
    },
  );

  it("does not expand an absurd compressed tag set, or throw on a malformed %-escape", () => {
    const dots = ".".repeat(10_000);
    expect(classifyRequirement(`https://x.org/a-1-${dots}-${dots}-${dots}.whl#egg=b`)).toMatchObject({ ok: true, value: { name: "b" } });
    expect(classifyRequirement("https://x.org/a-1-py3-none-any.whl")).toMatchObject({ ok: true, value: { name: "a" } });
    expect(classifyRequirement("https://x.org/%zz-1-py3-none-any.whl#egg=c")).toMatchObject({ ok: true, value: { name: "c" } });
  });
});

describe("share links carrying hostile requirements: linear time", { timeout: GROUP_TIMEOUT_MS }, () => {
  const stateWith = (requirements: string) => ({ requirements, bases: ["python:3.12-slim"], archs: ["amd64" as const], noDeps: false, estimate: DEFAULT_ESTIMATE, asOf: null });

  it("decodes links built from every hostile shape, and links of hostile characters", () => {
    for (const shape of SHAPES) {
      const link = (size: number) => {
        const encoded = encodeShareState(stateWith(hostile("a==1.0 ", shape, size)));
        // Text that does not compress into a link: a link-sized run of the shape instead.
        return encoded.ok ? encoded.param : `v1.${hostile("", shape, 7000)}`;
      };
      expectLinear(link, (param) => {
        const decoded = decodeShareState(param);
        if (decoded.ok) requirementLineCount(decoded.state);
        return decoded;
      }, show(shape));
    }
  });

  it("decodes what it encoded, at full size", () => {
    const requirements = hostile("a==1.0 ", " ", MAX_REQUIREMENTS_BYTES);
    const encoded = encodeShareState(stateWith(requirements));
    expect(encoded.ok).toBe(true);
    expect(encoded.ok && decodeShareState(encoded.param)).toMatchObject({ ok: true, state: { requirements } });
  });
});

// The hand-written scans replace regexes; they must agree with them on every short string over
// the characters that matter to each.
describe("scans agree with the regexes they replace", { timeout: GROUP_TIMEOUT_MS }, () => {
  function* strings(alphabet: readonly string[], maxLength: number): Generator<string> {
    let current = [""];
    for (let length = 0; length <= maxLength; length++) {
      yield* current;
      current = current.flatMap((s) => alphabet.map((c) => s + c));
    }
  }
  const LINE_ALPHABET = [" ", "\t", "#", "a", "\\", "[", "]", "\u2028"];
  const checks: [string, readonly string[], (s: string) => string, (s: string) => string][] = [
    ["stripComment ≡ replace(/(^|\\s+)#.*$/)", LINE_ALPHABET, stripComment, (s) => s.replace(/(^|\s+)#.*$/, "")],
    ["stripBackslashes ≡ replace(/^\\\\+|\\\\+$/g)", LINE_ALPHABET, stripBackslashes, (s) => s.replace(/^\\+|\\+$/g, "")],
    ["stripTrailingBrackets ≡ replace(/\\[[^\\]]*\\]$/)", LINE_ALPHABET, stripTrailingBrackets, (s) => s.replace(/\[[^\]]*\]$/, "")],
    ["canonicalizeName ≡ toLowerCase().replace(/[-_.]+/g, \"-\")", ["-", "_", ".", "a", "B", "İ"], canonicalizeName, (s) => s.toLowerCase().replace(/[-_.]+/g, "-")],
  ];
  // Every string of up to 5 characters over each alphabet (8^5 = 32,768 of them for lines).
  it.each(checks)("%s", (_, alphabet, scan, regex) => {
    for (const s of strings(alphabet, 5)) if (scan(s) !== regex(s)) expect(scan(s), show(s)).toBe(regex(s));
  });

  it.each([
    ["a #x\u2028 #y", [[1, "a #x"]]],
    ["a\u2028#x", [[1, "a"]]],
    ["a #x\u2028y", [[1, "a #x\u2028y"]]],
    ["\u2028#x", []],
    ["#", []],
    ["\ufeff#x", []],
    ["a\ufeff#x", [[1, "a"]]],
  ] as [string, [number, string][]][])("logical lines of %j", (input, expected) => {
    expect(logicalLines(input).map((l) => [l.lineNumber, l.text])).toEqual(expected);
  });
});
