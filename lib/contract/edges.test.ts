import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/analyze/route";
import { main } from "@/lib/cli/main";
import { decodeShareState } from "@/lib/share/decode";
import { analyzeRequestSchema } from "./request";

// Every edge that takes a request refuses the same values: POST /api/analyze (JSON), a share link
// (the compact v2 form; v1 links are checked in lib/share) and the CLI (flags). The API and the CLI say it with the same sentence, each
// naming the field as its user wrote it. None of these reaches an index: validation comes first.

const MISSING_FILE = "/nonexistent/basewise-contract-test/requirements.txt";

async function api(fields: object): Promise<{ status: number; error: string }> {
  const response = await POST(new Request("http://localhost/api/analyze", { method: "POST", body: JSON.stringify({ requirements: "django\n", ...fields }), headers: { "content-type": "application/json" } }));
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

async function cli(flags: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await main(["analyze", MISSING_FILE, ...flags], () => {}, (text) => (err += text));
  return { code, err };
}

const GOOD_LINK = { r: "django\n", b: ["python:3.12-slim"], a: ["amd64"], n: false, e: { c: 4, m: 50, w: false, h: "native" }, t: null };
function link(patch: { b?: unknown; a?: unknown; c?: unknown; m?: unknown; h?: unknown; q?: unknown; t?: unknown }): string {
  const { c, m, h, q, ...top } = patch;
  const estimate = Object.fromEntries(Object.entries({ c, m, h, q }).filter(([, v]) => v !== undefined));
  const compact = { ...GOOD_LINK, ...top, e: { ...GOOD_LINK.e, ...estimate } };
  return `v2.${Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify(compact)))).toString("base64url")}`;
}

interface Case {
  name: string;
  /** The request's fields as JSON, as a share link's compact fields, as CLI flags (null: the edge cannot say it). */
  json: object;
  compact: Parameters<typeof link>[0];
  flags: string[] | null;
  apiSays: string;
  cliSays: string | null;
}

const tooLong = "p".repeat(201);
const refused: Case[] = [
  { name: "0 cores", json: { estimate: { cores: 0 } }, compact: { c: 0 }, flags: ["--cores", "0"], apiSays: '"estimate.cores" must be between 1 and 256.', cliSays: "--cores must be between 1 and 256." },
  { name: "257 cores", json: { estimate: { cores: 257 } }, compact: { c: 257 }, flags: ["--cores", "257"], apiSays: '"estimate.cores" must be between 1 and 256.', cliSays: "--cores must be between 1 and 256." },
  { name: "2.5 cores", json: { estimate: { cores: 2.5 } }, compact: { c: 2.5 }, flags: ["--cores", "2.5"], apiSays: '"estimate.cores" must be a whole number from 1 to 256.', cliSays: "--cores must be a whole number from 1 to 256." },
  { name: "cores that are not a number", json: { estimate: { cores: "four" } }, compact: { c: "four" }, flags: ["--cores", "four"], apiSays: '"estimate.cores" must be a whole number from 1 to 256.', cliSays: "--cores must be a whole number from 1 to 256." },
  { name: "0.05 MB/s", json: { estimate: { networkMBps: 0.05 } }, compact: { m: 0.05 }, flags: ["--network-mbps", "0.05"], apiSays: '"estimate.networkMBps" must be between 0.1 and 10000.', cliSays: "--network-mbps must be between 0.1 and 10000." },
  { name: "10001 MB/s", json: { estimate: { networkMBps: 10_001 } }, compact: { m: 10_001 }, flags: ["--network-mbps", "10001"], apiSays: '"estimate.networkMBps" must be between 0.1 and 10000.', cliSays: "--network-mbps must be between 0.1 and 10000." },
  { name: "a speed that is not a number", json: { estimate: { networkMBps: "fast" } }, compact: { m: "fast" }, flags: ["--network-mbps", "fast"], apiSays: '"estimate.networkMBps" must be a number from 0.1 to 10000.', cliSays: "--network-mbps must be a number from 0.1 to 10000." },
  { name: "arch riscv", json: { arch: "riscv" }, compact: { a: "riscv" }, flags: null, apiSays: '"arch" must be "amd64" or "arm64".', cliSays: null },
  { name: "archs with riscv", json: { archs: ["amd64", "riscv"] }, compact: { a: "riscv" }, flags: ["--arch", "amd64,riscv"], apiSays: 'Each of "archs" must be "amd64" or "arm64".', cliSays: "Each of --arch must be amd64 or arm64." },
  { name: "an architecture twice", json: { archs: ["arm64", "arm64"] }, compact: { a: ["arm64", "arm64"] }, flags: ["--arch", "arm64", "--arch", "arm64"], apiSays: '"archs" names an architecture twice.', cliSays: "--arch names an architecture twice." },
  { name: "no architecture", json: { archs: [] }, compact: { a: [] }, flags: null, apiSays: '"archs" must name at least one architecture.', cliSays: null },
  { name: "arch and archs", json: { arch: "amd64", archs: ["arm64"] }, compact: { a: 3 }, flags: null, apiSays: 'Give "arch" or "archs", not both.', cliSays: null },
  {
    name: "an unknown build host",
    json: { estimate: { buildHost: "raspberry-pi" } },
    compact: { h: "raspberry-pi" },
    flags: ["--build-host", "raspberry-pi"],
    apiSays: '"estimate.buildHost" must be "native" or "mac-arm64" or "ci-amd64" or "ci-arm64".',
    cliSays: "--build-host must be native or mac-arm64 or ci-amd64 or ci-arm64.",
  },
  {
    name: "a build host and the old switch",
    json: { estimate: { buildHost: "native", emulated: true } },
    compact: { h: "native", q: true },
    flags: ["--build-host", "native", "--emulated"],
    apiSays: 'Give "estimate.buildHost" or "estimate.emulated" (its older form), not both.',
    cliSays: "Give --build-host or --emulated (its older form), not both.",
  },
  {
    name: "13 bases",
    json: { bases: Array(13).fill("python:3.12-slim") },
    compact: { b: Array(13).fill("python:3.12-slim") },
    flags: Array(13).fill(["--base", "python:3.12-slim"]).flat(),
    apiSays: "Pick at most 12 base images at once.",
    cliSays: "Pick at most 12 base images at once.",
  },
  { name: "a blank base", json: { bases: ["  "] }, compact: { b: ["  "] }, flags: ["--base", "  "], apiSays: 'An image reference in "bases" must have 1 to 200 characters.', cliSays: "An image reference in --base must have 1 to 200 characters." },
  { name: "a 201-character base", json: { bases: [tooLong] }, compact: { b: [tooLong] }, flags: ["--base", tooLong], apiSays: 'An image reference in "bases" must have 1 to 200 characters.', cliSays: "An image reference in --base must have 1 to 200 characters." },
  { name: "asOf that is not a date-time", json: { asOf: "yesterday" }, compact: { t: "yesterday" }, flags: null, apiSays: '"asOf" must be an ISO 8601 date-time.', cliSays: null },
];

describe("every edge refuses the same out-of-range values", () => {
  it.each(refused)("$name: the API with its sentence", async ({ json, apiSays }) => {
    expect(await api(json)).toEqual({ status: 400, error: apiSays });
  });

  it.each(refused)("$name: a share link as damaged", ({ compact }) => {
    expect(decodeShareState(link(compact))).toMatchObject({ ok: false, error: expect.stringMatching(/damaged or was not made by Basewise/) });
  });

  it.each(refused.filter((c) => c.flags))("$name: the CLI with the same sentence, naming its flag", async ({ flags, cliSays }) => {
    expect(await cli(flags ?? [])).toEqual({ code: 2, err: `${cliSays}\n` });
  });
});

describe("and accepts the values at the edges of each range", () => {
  const accepted: { name: string; json: object; compact: Parameters<typeof link>[0]; flags: string[] }[] = [
    { name: "1 core, 0.1 MB/s", json: { estimate: { cores: 1, networkMBps: 0.1 } }, compact: { c: 1, m: 0.1 }, flags: ["--cores", "1", "--network-mbps", "0.1"] },
    { name: "256 cores, 10000 MB/s", json: { estimate: { cores: 256, networkMBps: 10_000 } }, compact: { c: 256, m: 10_000 }, flags: ["--cores", "256", "--network-mbps", "10000"] },
    { name: "arm64", json: { arch: "arm64" }, compact: { a: ["arm64"] }, flags: ["--arch", "arm64"] },
    { name: "both architectures", json: { archs: ["arm64", "amd64"] }, compact: { a: ["arm64", "amd64"] }, flags: ["--arch", "arm64,amd64"] },
    ...(["native", "mac-arm64", "ci-amd64", "ci-arm64"] as const).map((host) => ({ name: `build host ${host}`, json: { estimate: { buildHost: host } }, compact: { h: host }, flags: ["--build-host", host] })),
    { name: "the old switch", json: { estimate: { emulated: true } }, compact: {}, flags: ["--emulated"] },
    {
      name: "12 bases of 200 characters",
      json: { bases: Array(12).fill("p".repeat(200)) },
      compact: { b: Array(12).fill("p".repeat(200)) },
      flags: Array(12).fill(["--base", "p".repeat(200)]).flat(),
    },
  ];

  it.each(accepted)("$name", async ({ json, compact, flags }) => {
    expect(analyzeRequestSchema.safeParse({ requirements: "django\n", ...json }).success).toBe(true);
    expect(decodeShareState(link(compact)).ok).toBe(true);
    // The flags pass; the CLI goes on to read the file, which is not there.
    const { code, err } = await cli(flags);
    expect(code).toBe(2);
    expect(err).toMatch(/^Cannot read /);
  });
});

describe("the requirements text: the API and the CLI refuse the same text with the same sentence", () => {
  it.each([
    ["blank", "  \n \n", "Paste at least one requirement."],
    ["binary", "django\u0000\u0001numpy\n", "The requirements text contains binary data; paste a plain-text requirements.txt."],
  ])("%s", async (_, text, says) => {
    const response = await POST(new Request("http://localhost/api/analyze", { method: "POST", body: JSON.stringify({ requirements: text }), headers: { "content-type": "application/json" } }));
    expect({ status: response.status, error: ((await response.json()) as { error: string }).error }).toEqual({ status: 400, error: says });
    const work = await mkdtemp(path.join(tmpdir(), "basewise-contract-"));
    try {
      const file = path.join(work, "requirements.txt");
      await writeFile(file, text);
      let err = "";
      const code = await main(["analyze", file], () => {}, (t) => (err += t));
      expect({ code, err }).toEqual({ code: 2, err: `${file}: ${says}\n` });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe("the input's description: the API and a share link refuse the same values (the CLI's --kind/--extra/--group come with its own flags)", () => {
  const inputLink = (i: unknown) => `v2.${Buffer.from(deflateSync(new TextEncoder().encode(JSON.stringify({ ...GOOD_LINK, i })))).toString("base64url")}`;
  const cases: { name: string; json: object; compact: object; apiSays: string }[] = [
    { name: "an unknown kind", json: { kind: "setup.py" }, compact: { k: "setup.py" }, apiSays: '"input.kind" must be "requirements" or "pyproject" or "uv-lock" or "poetry-lock" or "pdm-lock" or "pipfile-lock" or "pylock".' },
    { name: "a blank file name", json: { fileName: "" }, compact: { n: "" }, apiSays: '"input.fileName" must have 1 to 255 characters.' },
    { name: "65 extras", json: { extras: Array.from({ length: 65 }, (_, i) => `e${i}`) }, compact: { x: Array.from({ length: 65 }, (_, i) => `e${i}`) }, apiSays: '"input.extras" may name at most 64.' },
    { name: "a 101-character group", json: { groups: ["g".repeat(101)] }, compact: { g: ["g".repeat(101)] }, apiSays: 'Each of "input.groups" must have 1 to 100 characters.' },
    { name: "9 files", json: { files: Array.from({ length: 9 }, (_, i) => ({ name: `r${i}.txt`, text: "six" })) }, compact: { f: Array.from({ length: 9 }, (_, i) => [`r${i}.txt`, "six"]) }, apiSays: 'Give at most 8 files with the main one in "input.files".' },
  ];

  it.each(cases)("$name: the API with its sentence", async ({ json, apiSays }) => {
    expect(await api({ input: json })).toEqual({ status: 400, error: apiSays });
  });

  it.each(cases)("$name: a share link as damaged", ({ compact }) => {
    expect(decodeShareState(inputLink(compact))).toMatchObject({ ok: false, error: expect.stringMatching(/damaged or was not made by Basewise/) });
  });

  it("both accept a kind, a file name, extras, groups and files at their limits", () => {
    const files = Array.from({ length: 8 }, (_, i) => ({ name: `r${i}.txt`, text: "six\n" }));
    const input = { kind: "pylock", fileName: "pylock.toml", extras: Array(64).fill("e".repeat(100)), groups: ["dev"], files };
    expect(analyzeRequestSchema.safeParse({ requirements: "django\n", input }).success).toBe(true);
    expect(decodeShareState(inputLink({ k: "pylock", n: "pylock.toml", x: input.extras, g: ["dev"], f: files.map((f) => [f.name, f.text]) })).ok).toBe(true);
  });
});
