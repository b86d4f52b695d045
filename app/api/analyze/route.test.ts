import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { closeAnalysisService } from "@/lib/server/analysis-service";
import { POST } from "./route";

// The route reads its index from the environment; point it at the local fixture index, never the internet.
let index: FixtureIndex;
const savedEnv = { url: process.env.BASEWISE_INDEX_URL, cache: process.env.BASEWISE_CACHE_DIR };
beforeAll(async () => {
  index = await startFixtureIndex();
  process.env.BASEWISE_INDEX_URL = index.url;
  process.env.BASEWISE_CACHE_DIR = "off";
});
afterAll(async () => {
  await closeAnalysisService();
  await index.close();
  process.env.BASEWISE_INDEX_URL = savedEnv.url;
  process.env.BASEWISE_CACHE_DIR = savedEnv.cache;
});

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return POST(new Request("http://localhost/api/analyze", { method: "POST", body, headers }));
}

async function errorOf(response: Response): Promise<string> {
  const json = (await response.json()) as { error?: unknown };
  expect(typeof json.error).toBe("string");
  return json.error as string;
}

describe("POST /api/analyze rejects bad input with a 4xx and a clear message", () => {
  const cases: { name: string; body: () => BodyInit | null; status: number; message: RegExp }[] = [
    { name: "no body", body: () => null, status: 400, message: /no body/ },
    { name: "empty body", body: () => "", status: 400, message: /empty|no body/ },
    { name: "not JSON", body: () => "requirements=django", status: 400, message: /not JSON/ },
    { name: "JSON but not an object", body: () => "[1,2,3]", status: 400, message: /JSON object/ },
    { name: "requirements missing", body: () => JSON.stringify({ bases: ["python:3.12-slim"] }), status: 400, message: /requirements/ },
    { name: "requirements not a string", body: () => JSON.stringify({ requirements: 42 }), status: 400, message: /text of a requirements\.txt/ },
    { name: "blank requirements", body: () => JSON.stringify({ requirements: "  \n " }), status: 400, message: /at least one requirement/ },
    { name: "5 MB of text", body: () => JSON.stringify({ requirements: "a".repeat(5 * 1024 * 1024) }), status: 413, message: /at most 256 KB/ },
    { name: "300 KB of requirements inside the body cap", body: () => JSON.stringify({ requirements: "django\n".repeat(300 * 1024 / 7) }), status: 413, message: /at most 256 KB/ },
    { name: "binary bytes (invalid UTF-8)", body: () => new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x01, 0x7d]), status: 400, message: /UTF-8/ },
    { name: "NUL bytes inside the text", body: () => JSON.stringify({ requirements: "django\u0000\u0001numpy" }), status: 400, message: /binary data/ },
    { name: "unknown arch", body: () => JSON.stringify({ requirements: "django", arch: "riscv" }), status: 400, message: /amd64/ },
    { name: "estimate cores out of range", body: () => JSON.stringify({ requirements: "django", estimate: { cores: 0 } }), status: 400, message: /estimate\.cores/ },
    { name: "estimate network speed not a number", body: () => JSON.stringify({ requirements: "django", estimate: { networkMBps: "fast" } }), status: 400, message: /networkMBps|number/ },
    { name: "estimate cache not cold/warm", body: () => JSON.stringify({ requirements: "django", estimate: { cache: "hot" } }), status: 400, message: /estimate\.cache/ },
    { name: "estimate with an unknown key", body: () => JSON.stringify({ requirements: "django", estimate: { gpus: 2 } }), status: 400, message: /gpus|estimate/ },
    { name: "too many bases", body: () => JSON.stringify({ requirements: "django", bases: Array(13).fill("python:3.12-slim") }), status: 400, message: /at most 12/ },
    { name: "asOf not a date", body: () => JSON.stringify({ requirements: "django", asOf: "yesterday" }), status: 400, message: /ISO 8601/ },
    { name: "more than 2000 requirements", body: () => JSON.stringify({ requirements: Array.from({ length: 2001 }, (_, i) => `p${i}`).join("\n") }), status: 413, message: /at most 2000/ },
  ];
  it.each(cases)("$name → $status", async ({ body, status, message }) => {
    const response = await post(body());
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toMatch(message);
  });

  it("refuses a declared oversized body without reading it", async () => {
    const response = await post("{}", { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });
});

describe("POST /api/analyze answers a valid request with the parsed requirements", () => {
  it("echoes requirements with line numbers and keeps going past a malformed line", async () => {
    const response = await post(JSON.stringify({ requirements: "# app\nDjango~=4.2\nnumpy=1.2\n\nrequests[socks]>=2\n", bases: ["python:3.12-slim-bookworm"], arch: "amd64" }));
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.schemaVersion).toBe(5);
    expect(report.requirements.map((r: { line: number; name: string }) => [r.line, r.name])).toEqual([
      [2, "django"],
      [5, "requests"],
    ]);
    expect(report.requirements[1].extras).toEqual(["socks"]);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ line: 3, severity: "error" });
    expect(report.targets[0]).toMatchObject({ base: "python:3.12-slim-bookworm", arch: "amd64", libc: { family: "glibc", version: "2.36" } });
  });

  it("archs on 4 images: 8 targets, each image's amd64 and arm64 side by side, and one recommendation for both", async () => {
    const bases = ["python:3.12-slim-bookworm", "python:3.12-alpine3.24", "python:3.11-slim-bookworm", "python:3.7-slim-buster"];
    const response = await post(JSON.stringify({ requirements: "six\n", bases, archs: ["amd64", "arm64"], estimate: { buildHost: "ci-arm64" } }));
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.archs).toEqual(["amd64", "arm64"]);
    expect(report.targets.map((t: { base: string; arch: string }) => `${t.base} ${t.arch}`)).toEqual(bases.flatMap((base) => [`${base} amd64`, `${base} arm64`]));
    expect(report.targets.map((t: { estimate: { parameters: { emulated: boolean } } }) => t.estimate.parameters.emulated)).toEqual([true, false, true, false, true, false, true, false]);
    expect(report.recommendation.archs).toEqual(["amd64", "arm64"]);
    expect(report.recommendation.ranking).toHaveLength(4);
    // The end-of-life image says so, with what to move to.
    const buster = report.targets.find((t: { base: string }) => t.base === "python:3.7-slim-buster");
    expect(buster.support).toMatchObject({ endOfLife: "2023-06-27", ended: true, cause: "python", successor: expect.stringMatching(/^python:3\.\d+-slim-/) });
  });

  it("reports an unknown base image inside the report, with close matches, and analyses the rest", async () => {
    const response = await post(JSON.stringify({ requirements: "django", bases: ["pyhton:3.12-slim", "python:3.12-slim-bookworm"] }));
    expect(response.status).toBe(200);
    const report = await response.json();
    // Both architectures of the one known image.
    expect(report.targets.map((t: { base: string; arch: string }) => `${t.base} ${t.arch}`)).toEqual(["python:3.12-slim-bookworm amd64", "python:3.12-slim-bookworm arm64"]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].message).toMatch(/python:3\.12-slim/);
  });
});
