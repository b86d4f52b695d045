import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMETERS, PARAMETER_LIMITS } from "@/lib/estimate";
import { MAX_REQUIREMENTS_BYTES as PARSER_MAX_REQUIREMENTS_BYTES } from "@/lib/requirements-file";
import {
  analyzeRequestSchema,
  ARCHES,
  CACHE_STATES,
  BUILD_HOSTS,
  DEFAULT_ARCH,
  DEFAULT_ARCHS,
  DEFAULT_ESTIMATE,
  describeIssues,
  ESTIMATE_LIMITS,
  MAX_BASE_REFERENCE_CHARS,
  MAX_BASES,
  MAX_BODY_BYTES,
  MAX_LOCK_BYTES,
  MAX_INPUT_CHOICE_CHARS,
  MAX_INPUT_CHOICES,
  MAX_INPUT_FILE_NAME_CHARS,
  MAX_INPUT_FILES,
  MAX_REQUIREMENTS_BYTES,
  requestParameters,
  requestSchema,
  runsEmulated,
} from "./request";

describe("the request contract's limits and defaults", () => {
  it("are these values", () => {
    expect(MAX_BASES).toBe(12);
    expect(MAX_BASE_REFERENCE_CHARS).toBe(200);
    expect(MAX_REQUIREMENTS_BYTES).toBe(262_144);
    expect(MAX_BODY_BYTES).toBe(6_291_456);
    expect(MAX_LOCK_BYTES).toBe(4_194_304);
    expect(ARCHES).toEqual(["amd64", "arm64"]);
    expect(DEFAULT_ARCH).toBe("amd64");
    expect(CACHE_STATES).toEqual(["cold", "warm"]);
    expect(ESTIMATE_LIMITS).toEqual({ cores: { min: 1, max: 256 }, networkMBps: { min: 0.1, max: 10_000 } });
    expect(DEFAULT_ESTIMATE).toEqual({ cores: 4, networkMBps: 50, cache: "cold", buildHost: "native" });
    expect(DEFAULT_ARCHS).toEqual(["amd64", "arm64"]);
    expect(BUILD_HOSTS).toEqual(["native", "mac-arm64", "ci-amd64", "ci-arm64"]);
    expect([MAX_INPUT_FILES, MAX_INPUT_FILE_NAME_CHARS, MAX_INPUT_CHOICES, MAX_INPUT_CHOICE_CHARS]).toEqual([8, 255, 64, 100]);
  });

  it("are the ones the engine uses (one source, not copies)", () => {
    expect(PARAMETER_LIMITS).toBe(ESTIMATE_LIMITS);
    expect(DEFAULT_PARAMETERS).toBe(DEFAULT_ESTIMATE);
    expect(PARSER_MAX_REQUIREMENTS_BYTES).toBe(MAX_REQUIREMENTS_BYTES);
  });

  it("the defaults are inside the limits, and a request of only defaults is valid", () => {
    const request = { requirements: "six\n", arch: DEFAULT_ARCH, estimate: DEFAULT_ESTIMATE };
    expect(analyzeRequestSchema.parse(request)).toEqual(request);
  });

  it("a body with the longest requirements text, JSON-escaped, fits under the body cap", () => {
    // Every byte a two-character escape (\n, \"): the worst case for a text of plain lines.
    const body = JSON.stringify({ requirements: "\n".repeat(MAX_REQUIREMENTS_BYTES), bases: Array(MAX_BASES).fill("p".repeat(MAX_BASE_REFERENCE_CHARS)) });
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
  });

  it("a body with a real lock file's text at the lock limit, JSON-escaped, fits under the body cap", () => {
    // uv.lock's quotes escape to two characters each: about 10 % more in JSON.
    const lock = readFileSync("lib/inputs/fixtures/uv.lock", "utf8");
    const text = lock.repeat(Math.floor(MAX_LOCK_BYTES / Buffer.byteLength(lock)));
    const body = JSON.stringify({ requirements: text, input: { fileName: "uv.lock" }, bases: Array(MAX_BASES).fill("p".repeat(MAX_BASE_REFERENCE_CHARS)) });
    expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_LOCK_BYTES * 0.95);
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
  });
});

// The API's messages, recorded from the schema in app/api/analyze/schema.ts before the contract
// replaced it. The API's own words stay; where zod's generic text was shown, the contract now says
// what the field must be (marked "was zod's").
const refused: [name: string, input: unknown, message: string][] = [
  ["not an object", [1, 2, 3], 'The request body must be a JSON object like {"requirements": "…"}.'],
  ["null", null, 'The request body must be a JSON object like {"requirements": "…"}.'],
  ["requirements missing", { bases: ["python:3.12-slim"] }, '"requirements" must be the text of a requirements.txt file.'],
  ["requirements a number", { requirements: 42 }, '"requirements" must be the text of a requirements.txt file.'],
  ["requirements blank", { requirements: "  \n " }, "Paste at least one requirement."],
  ["requirements with NUL", { requirements: "django\u0000numpy" }, "The requirements text contains binary data; paste a plain-text requirements.txt."],
  ["requirements with U+FFFD", { requirements: "django\uFFFD" }, "The requirements text contains binary data; paste a plain-text requirements.txt."],
  ["bases not a list", { requirements: "django", bases: "py" }, '"bases" must be a list of image references.'],
  ["13 bases", { requirements: "django", bases: Array(13).fill("python:3.12-slim") }, "Pick at most 12 base images at once."],
  ["a blank base (was zod's)", { requirements: "django", bases: ["  "] }, 'An image reference in "bases" must have 1 to 200 characters.'],
  ["a 201-character base (was zod's)", { requirements: "django", bases: ["p".repeat(201)] }, 'An image reference in "bases" must have 1 to 200 characters.'],
  ["arch riscv", { requirements: "django", arch: "riscv" }, '"arch" must be "amd64" or "arm64".'],
  ["arch a number", { requirements: "django", arch: 64 }, '"arch" must be "amd64" or "arm64".'],
  ["asOf yesterday", { requirements: "django", asOf: "yesterday" }, '"asOf" must be an ISO 8601 date-time.'],
  ["asOf a date only", { requirements: "django", asOf: "2024-06-01" }, '"asOf" must be an ISO 8601 date-time.'],
  ["noDeps a string", { requirements: "django", noDeps: "yes" }, '"noDeps" must be true or false.'],
  ["estimate not an object", { requirements: "django", estimate: 4 }, '"estimate" must be an object like {"cores": 4}.'],
  ["estimate with an unknown key", { requirements: "django", estimate: { gpus: 2 } }, '"estimate" must be an object like {"cores": 4}.'],
  ["cores 0", { requirements: "django", estimate: { cores: 0 } }, '"estimate.cores" must be between 1 and 256.'],
  ["cores 257", { requirements: "django", estimate: { cores: 257 } }, '"estimate.cores" must be between 1 and 256.'],
  ["cores 1.5 (was zod's)", { requirements: "django", estimate: { cores: 1.5 } }, '"estimate.cores" must be a whole number from 1 to 256.'],
  ["cores 0.5 (was zod's and the range)", { requirements: "django", estimate: { cores: 0.5 } }, '"estimate.cores" must be a whole number from 1 to 256.'],
  ["cores a string (was zod's)", { requirements: "django", estimate: { cores: "4" } }, '"estimate.cores" must be a whole number from 1 to 256.'],
  ["networkMBps 0.09", { requirements: "django", estimate: { networkMBps: 0.09 } }, '"estimate.networkMBps" must be between 0.1 and 10000.'],
  ["networkMBps 10000.5", { requirements: "django", estimate: { networkMBps: 10_000.5 } }, '"estimate.networkMBps" must be between 0.1 and 10000.'],
  ["networkMBps a string (was zod's)", { requirements: "django", estimate: { networkMBps: "fast" } }, '"estimate.networkMBps" must be a number from 0.1 to 10000.'],
  ["cache hot", { requirements: "django", estimate: { cache: "hot" } }, '"estimate.cache" must be "cold" or "warm".'],
  ["emulated a string", { requirements: "django", estimate: { emulated: "yes" } }, '"estimate.emulated" must be true or false.'],
  ["two problems, both named", { requirements: "", arch: "riscv" }, 'Paste at least one requirement. "arch" must be "amd64" or "arm64".'],
  ["archs not a list", { requirements: "django", archs: "amd64" }, '"archs" must be a list of architectures, e.g. "amd64" or "arm64".'],
  ["archs empty", { requirements: "django", archs: [] }, '"archs" must name at least one architecture.'],
  ["archs with an unknown one", { requirements: "django", archs: ["arm64", "s390x"] }, 'Each of "archs" must be "amd64" or "arm64".'],
  ["archs naming one twice", { requirements: "django", archs: ["arm64", "amd64", "arm64"] }, '"archs" names an architecture twice.'],
  ["arch and archs together", { requirements: "django", arch: "amd64", archs: ["amd64"] }, 'Give "arch" or "archs", not both.'],
  ["an unknown build host", { requirements: "django", estimate: { buildHost: "m1" } }, '"estimate.buildHost" must be "native" or "mac-arm64" or "ci-amd64" or "ci-arm64".'],
  ["a build host and the old switch", { requirements: "django", estimate: { buildHost: "ci-arm64", emulated: false } }, 'Give "estimate.buildHost" or "estimate.emulated" (its older form), not both.'],
  ["input not an object", { requirements: "django", input: "uv.lock" }, '"input" must be an object like {"kind": "uv-lock"}.'],
  ["input with an unknown key", { requirements: "django", input: { format: "uv" } }, '"input" must be an object like {"kind": "uv-lock"}.'],
  ["a blank file name", { requirements: "django", input: { fileName: "" } }, '"input.fileName" must have 1 to 255 characters.'],
  ["a 256-character file name", { requirements: "django", input: { fileName: "r".repeat(256) } }, '"input.fileName" must have 1 to 255 characters.'],
  ["a file name with a newline", { requirements: "django", input: { fileName: "uv\n.lock" } }, '"input.fileName" must be a file name without control characters.'],
  ["extras not a list", { requirements: "django", input: { extras: "dev" } }, '"input.extras" must be a list of extra names.'],
  ["an extra a number", { requirements: "django", input: { extras: [1] } }, 'Each of "input.extras" must be an extra name.'],
  ["65 groups", { requirements: "django", input: { groups: Array.from({ length: 65 }, (_, i) => `g${i}`) } }, '"input.groups" may name at most 64.'],
  ["a 101-character group", { requirements: "django", input: { groups: ["g".repeat(101)] } }, 'Each of "input.groups" must have 1 to 100 characters.'],
  ["files not a list", { requirements: "django", input: { files: "base.txt" } }, '"input.files" must be a list of files, each with a name and a text.'],
  ["a file without its text", { requirements: "django", input: { files: [{ name: "base.txt" }] } }, 'Each of "input.files" needs its text.'],
  ["a file with an unknown key", { requirements: "django", input: { files: [{ name: "base.txt", text: "six", mode: 1 }] } }, 'Each of "input.files" must be a file with a name and a text.'],
  ["9 files", { requirements: "django", input: { files: Array.from({ length: 9 }, (_, i) => ({ name: `r${i}.txt`, text: "six" })) } }, 'Give at most 8 files with the main one in "input.files".'],
  ["a file named twice", { requirements: "django", input: { files: [{ name: "base.txt", text: "six" }, { name: "base.txt", text: "tomli" }] } }, '"input.files" names a file twice.'],
  ["a file over 256 KB", { requirements: "django", input: { files: [{ name: "big.txt", text: "é".repeat(MAX_REQUIREMENTS_BYTES / 2 + 1) }] } }, 'Each of "input.files" must be at most 256 KB.'],
  ["a binary file", { requirements: "django", input: { files: [{ name: "base.txt", text: "six\u0000" }] } }, 'A file in "input.files" contains binary data; give plain-text files.'],
];

const accepted: [name: string, input: unknown, output: unknown][] = [
  ["only requirements", { requirements: "django\n" }, { requirements: "django\n" }],
  ["an unknown top-level key is dropped", { requirements: "django\n", extra: 1 }, { requirements: "django\n" }],
  [
    "every bound at one edge; bases trimmed",
    { requirements: "django\n", bases: Array(12).fill(" python:3.12-slim "), arch: "arm64", asOf: "2024-06-01T00:00:00+02:00", noDeps: true, estimate: { cores: 256, networkMBps: 0.1, cache: "warm", emulated: true } },
    { requirements: "django\n", bases: Array(12).fill("python:3.12-slim"), arch: "arm64", asOf: "2024-06-01T00:00:00+02:00", noDeps: true, estimate: { cores: 256, networkMBps: 0.1, cache: "warm", emulated: true } },
  ],
  ["the other edges", { requirements: "django\n", estimate: { cores: 1, networkMBps: 10_000 } }, { requirements: "django\n", estimate: { cores: 1, networkMBps: 10_000 } }],
  ["a 200-character base", { requirements: "x", bases: ["p".repeat(200)] }, { requirements: "x", bases: ["p".repeat(200)] }],
  ["asOf in UTC with milliseconds", { requirements: "x", asOf: "2026-11-20T10:00:00.000Z" }, { requirements: "x", asOf: "2026-11-20T10:00:00.000Z" }],
  [
    "an input described in full, at its limits",
    {
      requirements: "x",
      input: {
        kind: "uv-lock",
        fileName: "u".repeat(255),
        extras: Array(64).fill("e".repeat(100)),
        groups: ["dev"],
        files: Array.from({ length: 8 }, (_, i) => ({ name: `r${i}.txt`, text: "a".repeat(MAX_REQUIREMENTS_BYTES) })),
      },
    },
    {
      requirements: "x",
      input: {
        kind: "uv-lock",
        fileName: "u".repeat(255),
        extras: Array(64).fill("e".repeat(100)),
        groups: ["dev"],
        files: Array.from({ length: 8 }, (_, i) => ({ name: `r${i}.txt`, text: "a".repeat(MAX_REQUIREMENTS_BYTES) })),
      },
    },
  ],
  ["an empty input: everything detected", { requirements: "x", input: {} }, { requirements: "x", input: {} }],
];

describe("the analysis request schema (JSON naming, as POST /api/analyze answers)", () => {
  it.each(refused)("refuses %s", (_, input, message) => {
    const result = analyzeRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toBe(message);
  });

  it.each(accepted)("accepts %s", (_, input, output) => {
    expect(analyzeRequestSchema.parse(input)).toEqual(output);
  });
});

describe("another naming changes how fields and values are written, never the rules", () => {
  const flags = requestSchema({ field: (field) => `<${field}>`, value: (word) => word.toUpperCase() });
  it.each(refused)("%s", (_, input, message) => {
    const result = flags.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const renamed = message
      .replace(/"(requirements|bases|archs?|asOf|noDeps|estimate(\.\w+)?|input(\.\w+)?)"(?!:)/g, "<$1>")
      .replace(/"(amd64|arm64|cold|warm|native|mac-arm64|ci-amd64|ci-arm64)"/g, (_, word: string) => word.toUpperCase());
    expect(describeIssues(result.error)).toBe(renamed);
  });
});

describe("the input's kind names one of the input formats", () => {
  it("in JSON", () => {
    const result = analyzeRequestSchema.safeParse({ requirements: "x", input: { kind: "setup.py" } });
    expect(!result.success && describeIssues(result.error)).toBe('"input.kind" must be "requirements" or "pyproject" or "uv-lock" or "poetry-lock" or "pdm-lock" or "pipfile-lock" or "pylock".');
  });
  it("in another naming", () => {
    const result = requestSchema({ field: (field) => `<${field}>`, value: (word) => word.toUpperCase() }).safeParse({ requirements: "x", input: { kind: "setup.py" } });
    expect(!result.success && describeIssues(result.error)).toBe("<input.kind> must be REQUIREMENTS or PYPROJECT or UV-LOCK or POETRY-LOCK or PDM-LOCK or PIPFILE-LOCK or PYLOCK.");
  });
});

describe("requestParameters: the one place defaults and older forms are read", () => {
  const NO_INPUT = { kind: null, fileName: null, extras: [], groups: [], files: [] };
  it("defaults: both architectures, no build host emulation, the catalog's bases", () => {
    expect(requestParameters({})).toEqual({ bases: null, archs: ["amd64", "arm64"], noDeps: false, estimate: DEFAULT_ESTIMATE, asOf: null, input: NO_INPUT });
    expect(requestParameters({ bases: [] }).bases).toBeNull();
  });

  it("one arch is a list of one; archs keep their order", () => {
    expect(requestParameters({ arch: "arm64" }).archs).toEqual(["arm64"]);
    expect(requestParameters({ archs: ["arm64", "amd64"] }).archs).toEqual(["arm64", "amd64"]);
  });

  it("the old emulated switch is the amd64 host it described; a build host given is kept", () => {
    expect(requestParameters({ estimate: { emulated: true } }).estimate).toEqual({ ...DEFAULT_ESTIMATE, buildHost: "ci-amd64" });
    expect(requestParameters({ estimate: { emulated: false, cores: 8 } }).estimate).toEqual({ ...DEFAULT_ESTIMATE, cores: 8, buildHost: "native" });
    expect(requestParameters({ estimate: { buildHost: "mac-arm64" } }).estimate.buildHost).toBe("mac-arm64");
    expect(requestParameters({ estimate: { buildHost: undefined } }).estimate.buildHost).toBe("native");
  });

  it("the input: nothing said is nothing chosen; extras and groups are sets (sorted, once each); files keep their order", () => {
    expect(requestParameters({ input: {} }).input).toEqual(NO_INPUT);
    const input = { kind: "pyproject" as const, fileName: "pyproject.toml", extras: ["web", "db", "web"], groups: ["test", "dev"], files: [{ name: "b.txt", text: "six" }, { name: "a.txt", text: "tomli" }] };
    expect(requestParameters({ input }).input).toEqual({ kind: "pyproject", fileName: "pyproject.toml", extras: ["db", "web"], groups: ["dev", "test"], files: input.files });
  });

  it("a host emulates exactly the other architecture", () => {
    expect(ARCHES.map((arch) => runsEmulated("native", arch))).toEqual([false, false]);
    expect(ARCHES.map((arch) => runsEmulated("mac-arm64", arch))).toEqual([true, false]);
    expect(ARCHES.map((arch) => runsEmulated("ci-arm64", arch))).toEqual([true, false]);
    expect(ARCHES.map((arch) => runsEmulated("ci-amd64", arch))).toEqual([false, true]);
  });
});
