import { readFile } from "node:fs/promises";
import { compileErrors, validate } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET } from "@/app/api/openapi.json/route";
import { EXAMPLES_FILE, examplesText, generateOpenApiExamples } from "@/bin/openapi-examples";
import { closeAnalysisService } from "@/lib/server/analysis-service";
import { decodeShareState } from "@/lib/share/decode";
import { requestFor } from "@/lib/share/state";
import { OPENAPI_CONTENT_TYPE, OPENAPI_EXAMPLES, openApiDocument, openApiDocumentText } from "./openapi";
import type { Report } from "./report";
import { analyzeRequestSchema, requestParameters } from "./request";

// GET /api/openapi.json: a valid OpenAPI 3.1 document, its examples real answers that conform to
// their schemas, its request schema agreeing with the zod schema the server validates with.

type Json = Record<string, unknown>;
const doc = openApiDocument();
const components = doc.components as { schemas: Record<string, Json>; examples: Record<string, { value: unknown }> };

// The document's schemas as one JSON Schema resource, for ajv: `#/components/schemas/X` → `#/$defs/X`.
const SCHEMAS_ID = "urn:basewise:openapi";
// strictRequired off: `not: {required: [a, b]}` ("not both") names properties declared beside it, not in it.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i);
ajv.addSchema({ $id: SCHEMAS_ID, $defs: JSON.parse(JSON.stringify(components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/')) });

function validatorFor(schema: Json) {
  const ref = typeof schema.$ref === "string" ? schema.$ref.replace("#/components/schemas/", `${SCHEMAS_ID}#/$defs/`) : null;
  return ajv.compile(ref ? { $ref: ref } : JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`)));
}

/** Every example in the document with the schema it illustrates: media types' and parameters'. */
function examplesIn(document: Json): { where: string; schema: Json; value: unknown }[] {
  const found: { where: string; schema: Json; value: unknown }[] = [];
  const valueOf = (example: { $ref?: string; value?: unknown }) => (example.$ref ? components.examples[example.$ref.replace("#/components/examples/", "")]!.value : example.value);
  const fromHolder = (where: string, holder: { schema?: Json; example?: unknown; examples?: Record<string, { $ref?: string; value?: unknown }> }) => {
    if (!holder.schema) return;
    if (holder.example !== undefined) found.push({ where, schema: holder.schema, value: holder.example });
    for (const [name, example] of Object.entries(holder.examples ?? {})) found.push({ where: `${where} (${name})`, schema: holder.schema, value: valueOf(example) });
  };
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, operation] of Object.entries(item)) {
      const at = `${method.toUpperCase()} ${path}`;
      for (const parameter of (operation.parameters ?? []) as Json[]) fromHolder(`${at} ?${String(parameter.name)}`, parameter);
      const body = operation.requestBody as { content: Record<string, Json> } | undefined;
      for (const [type, media] of Object.entries(body?.content ?? {})) fromHolder(`${at} body ${type}`, media);
      for (const [status, response] of Object.entries(operation.responses as Record<string, { content?: Record<string, Json> }>)) {
        for (const [type, media] of Object.entries(response.content ?? {})) fromHolder(`${at} ${status} ${type}`, media);
      }
    }
  }
  return found;
}

afterAll(async () => {
  await closeAnalysisService();
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (@readme/openapi-parser)", async () => {
    // validate() dereferences in place: give it a copy.
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.specification).toBe("OpenAPI");
    expect(doc.openapi).toBe("3.1.0");
  });

  it("every schema in it is valid JSON Schema 2020-12 (ajv, strict; the OpenAPI validator checks the document's structure, not its schemas)", () => {
    for (const name of Object.keys(components.schemas)) expect(() => validatorFor({ $ref: `#/components/schemas/${name}` }), name).not.toThrow();
  });

  it("describes every public route", () => {
    const operations = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(["GET /api/analyze", "GET /api/health", "GET /api/og", "GET /api/openapi.json", "GET /api/schema", "POST /api/analyze"]);
  });

  it("every example conforms to its schema", () => {
    const examples = examplesIn(doc);
    // The request, the report and the NDJSON stream (each for POST and GET), 4 refusals for each form,
    // the share link (GET /api/analyze and /api/og).
    expect(examples.length).toBe(1 + 2 + 2 + 8 + 2);
    for (const { where, schema, value } of examples) {
      const check = validatorFor(schema);
      expect(check(value) ? [] : check.errors?.map((e) => `${where}: ${e.instancePath} ${e.message}`)).toEqual([]);
    }
  });

  it("its report example is a real report of the current schema, small enough to read", () => {
    const report = OPENAPI_EXAMPLES.report;
    expect(report.targets.map((t) => `${t.base} ${t.arch}`)).toEqual(["python:3.12-slim-bookworm amd64"]);
    expect(report.targets[0]!.compiles.map((c) => c.name)).toEqual(["psycopg2"]);
    // The whole document, schemas and examples: well under what an API browser loads at once.
    expect(openApiDocumentText().length).toBeLessThan(120_000);
  });

  it("its NDJSON example is a stream of events that conform to StreamEvent: start, the target, the report", () => {
    const check = validatorFor({ $ref: "#/components/schemas/StreamEvent" });
    const lines = OPENAPI_EXAMPLES.stream.ndjson.split("\n");
    expect(lines.at(-1)).toBe("");
    const events = lines.slice(0, -1).map((line) => JSON.parse(line) as { type: string; report?: unknown });
    for (const event of events) expect(check(event) ? [] : check.errors).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(["start", "target", "report"]);
    expect(check({ type: "report", report: { schemaVersion: 1 } })).toBe(false);
    const streamed = events.at(-1)!.report as Report;
    expect(streamed.targets.map((t) => `${t.base} ${t.arch}`)).toEqual(["python:3.12-slim-bookworm amd64"]);
    expect(streamed.requirements.map((r) => r.name)).toEqual(["six"]);
  });

  it("its share link example is the request example's analysis", () => {
    const decoded = decodeShareState(OPENAPI_EXAMPLES.shareParam);
    if (!decoded.ok) throw new Error(decoded.error);
    const shared = requestFor(decoded.state);
    expect(shared.requirements).toBe(OPENAPI_EXAMPLES.request.requirements);
    expect(requestParameters(shared)).toEqual(requestParameters(analyzeRequestSchema.parse(OPENAPI_EXAMPLES.request)));
  });

  it("its examples are what bin/openapi-examples.ts generates now (regenerate the file when this fails)", async () => {
    const committed = await readFile(EXAMPLES_FILE, "utf8");
    expect(examplesText(await generateOpenApiExamples())).toBe(committed);
  }, 30_000);

  it("its health schema fits GET /api/health's answer", async () => {
    const check = validatorFor({ $ref: "#/components/schemas/Health" });
    const answer = await health().json();
    expect(check(answer) ? [] : check.errors).toEqual([]);
  });
});

describe("the document's request schema accepts and refuses the bodies analyzeRequestSchema does", () => {
  const ok = { requirements: "django\n" };
  const vectors: [string, unknown][] = [
    ["the smallest request", ok],
    ["the example", OPENAPI_EXAMPLES.request],
    ["every option", { ...ok, bases: ["python:3.12-slim-bookworm"], archs: ["amd64", "arm64"], asOf: "2024-06-01T00:00:00+02:00", noDeps: true, estimate: { cores: 8, networkMBps: 12.5, cache: "warm", buildHost: "mac-arm64" } }],
    ["an unknown top-level field (ignored)", { ...ok, colour: "blue" }],
    ["not an object", ["django"]],
    ["no requirements", { bases: ["python:3.12-slim"] }],
    ["requirements not a string", { requirements: 42 }],
    ["blank requirements", { requirements: " \n\t " }],
    ["a NUL byte", { requirements: "django\u0000" }],
    ["a replacement character", { requirements: "django\uFFFD" }],
    ["tabs and CRLF", { requirements: "django\t# web\r\nnumpy\r\n" }],
    ["a blank image reference", { ...ok, bases: ["   "] }],
    ["a padded image reference", { ...ok, bases: ["  python:3.12-slim  "] }],
    ["200 characters", { ...ok, bases: ["p".repeat(200)] }],
    ["201 characters", { ...ok, bases: ["p".repeat(201)] }],
    ["200 characters padded", { ...ok, bases: [` ${"p".repeat(200)} `] }],
    ["12 images", { ...ok, bases: Array(12).fill("python:3.12-slim") }],
    ["13 images", { ...ok, bases: Array(13).fill("python:3.12-slim") }],
    ["arch riscv", { ...ok, arch: "riscv" }],
    ["arch and archs", { ...ok, arch: "amd64", archs: ["amd64"] }],
    ["archs empty", { ...ok, archs: [] }],
    ["an arch twice", { ...ok, archs: ["arm64", "arm64"] }],
    ["asOf a date only", { ...ok, asOf: "2024-06-01" }],
    ["asOf without an offset", { ...ok, asOf: "2024-06-01T00:00:00" }],
    ["noDeps a string", { ...ok, noDeps: "yes" }],
    ["cores 0", { ...ok, estimate: { cores: 0 } }],
    ["cores 1.5", { ...ok, estimate: { cores: 1.5 } }],
    ["cores 256", { ...ok, estimate: { cores: 256 } }],
    ["cores 257", { ...ok, estimate: { cores: 257 } }],
    ["network 0.1", { ...ok, estimate: { networkMBps: 0.1 } }],
    ["network 0.05", { ...ok, estimate: { networkMBps: 0.05 } }],
    ["cache hot", { ...ok, estimate: { cache: "hot" } }],
    ["an unknown estimate field", { ...ok, estimate: { gpus: 2 } }],
    ["buildHost and emulated", { ...ok, estimate: { buildHost: "native", emulated: true } }],
    ["emulated alone", { ...ok, estimate: { emulated: true } }],
    ["a lock file with its name", { ...ok, input: { kind: "uv-lock", fileName: "uv.lock" } }],
    ["an unknown input kind", { ...ok, input: { kind: "gemfile" } }],
    ["a file name with a newline", { ...ok, input: { fileName: "uv.lock\n" } }],
    ["an unknown input field", { ...ok, input: { format: "uv" } }],
    ["a file given with the main one", { ...ok, input: { files: [{ name: "base.txt", text: "six\n" }] } }],
    ["a given file without text", { ...ok, input: { files: [{ name: "base.txt" }] } }],
    ["a given file with binary text", { ...ok, input: { files: [{ name: "base.txt", text: "\u0001" }] } }],
  ];
  const check = validatorFor({ $ref: "#/components/schemas/AnalyzeRequest" });
  it.each(vectors)("%s", (_name, body) => {
    const zodSays = analyzeRequestSchema.safeParse(body).success;
    expect(check(body)).toBe(zodSays);
  });

  it("describes every field", () => {
    const properties = (components.schemas.AnalyzeRequest!.properties ?? {}) as Record<string, Json>;
    expect(Object.entries(properties).filter(([, field]) => typeof field.description !== "string").map(([name]) => name)).toEqual([]);
  });
});

describe("GET /api/openapi.json", () => {
  const get = (headers: Record<string, string> = {}) => GET(new Request("http://localhost/api/openapi.json", { headers }));

  it("serves the document as OpenAPI JSON", async () => {
    const response = get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(OPENAPI_CONTENT_TYPE);
    expect(OPENAPI_CONTENT_TYPE).toMatch(/^application\/vnd\.oai\.openapi\+json/);
    expect(JSON.parse(await response.text())).toEqual(doc);
  });

  it("is cacheable, and revalidates by ETag", async () => {
    const response = get();
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = get({ "if-none-match": `W/${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(get({ "if-none-match": '"something-else"' }).status).toBe(200);
  });
});
