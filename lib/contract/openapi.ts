/**
 * The HTTP API as an OpenAPI 3.1 document (GET /api/openapi.json), generated from the two contracts:
 * the request schema (request.ts) and the report schema (report.ts). OpenAPI 3.1's Schema Object is
 * JSON Schema 2020-12, which is what zod's toJSONSchema writes, so both go in as they are generated;
 * only their `$defs` move to `components/schemas` (a `#/$defs/…` reference would resolve against the
 * OpenAPI document's root, where there are none).
 *
 * Examples are real answers: openapi-examples.json is written by `npx tsx bin/openapi-examples.ts`
 * from an analysis against the test index, and a test regenerates it and compares, so it cannot go stale.
 * Browser-safe like the rest of lib/contract: no node: imports.
 */
import { z } from "zod";
import examplesFile from "./openapi-examples.json";
import { reportJsonSchema, reportSchema, REPORT_SCHEMA_VERSION, targetReportSchema, type Report } from "./report";
import { analyzeRequestSchema, MAX_BASE_REFERENCE_CHARS, MAX_BASES, MAX_BODY_BYTES, MAX_LOCK_BYTES, MAX_REQUIREMENTS_BYTES, type AnalyzeRequest } from "./request";
import { NDJSON_MEDIA_TYPE, SSE_MEDIA_TYPE, streamEventSchema } from "./stream";

/** What bin/openapi-examples.ts writes: every answer a real one (see that file for how each was obtained). */
export interface OpenApiExamples {
  about: string;
  /** The body of POST /api/analyze the report below answers. */
  request: AnalyzeRequest;
  /** The same request as a share link's `s` parameter (GET /api/analyze?s=…). */
  shareParam: string;
  report: Report;
  /** Refusals, by HTTP status: the body the API sends. */
  problems: Record<"400" | "413" | "429" | "503", { error: string }>;
  /** A smaller request's streamed answer, as its body (NDJSON lines). */
  stream: { request: AnalyzeRequest; ndjson: string };
}

export const OPENAPI_EXAMPLES: OpenApiExamples = examplesFile as unknown as OpenApiExamples;

type JsonObject = Record<string, unknown>;

/** The media type GET /api/openapi.json answers with (the OpenAPI Initiative's registered vendor type). */
const OPENAPI_MEDIA_TYPE = "application/vnd.oai.openapi+json";
export const OPENAPI_CONTENT_TYPE = `${OPENAPI_MEDIA_TYPE}; charset=utf-8`;

/** `#/$defs/X` → `#/components/schemas/X`, everywhere in a generated schema. */
function toComponentRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as T;
}

function objectAt(parent: JsonObject, key: string): JsonObject {
  const value = parent[key];
  // A field renamed or removed in request.ts must be looked at here, not silently left undocumented.
  if (typeof value !== "object" || value === null) throw new Error(`the request schema has no "${key}" where the OpenAPI document expects one`);
  return value as JsonObject;
}

// request.ts's refinements, which zod cannot write as JSON Schema, written as JSON Schema here
// (openapi.test.ts checks that both accept and refuse the same bodies). Characters that mean binary
// data was pasted: the same class as request.ts's check.
const CONTROL_CHARACTERS = "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFFFD]";
const CONTROL_IN_NAMES = "[\\u0000-\\u001F\\u007F]";

const REQUEST_DESCRIPTIONS: Record<string, string> = {
  requirements: `The text of the file to analyse: a requirements.txt (pip's format), or what \`input\` says it is. At most ${MAX_REQUIREMENTS_BYTES / 1024} KB in UTF-8 (a lock file: ${MAX_LOCK_BYTES / 1024 / 1024} MiB; checked by the server); not blank; no control characters but tab, CR and LF.`,
  bases: `Base images to compare (at most ${MAX_BASES}), e.g. "python:3.12-slim-bookworm". Default: a set of common images. An image Basewise does not know is reported in the report's \`errors\`, with close matches.`,
  arch: "One architecture (the form before `archs`, still accepted). Give `arch` or `archs`, not both.",
  archs: "The architectures to answer for, each at most once; every base image is analysed on each it is published for. Default: amd64 and arm64.",
  asOf: "The index as of this moment: files uploaded later are ignored, so the same request always gets the same report. Default: now (the report's `asOf` says which moment was used).",
  noDeps: "Only the requirements written in the file, like pip --no-deps.",
  estimate: "Build-time estimate parameters; each one left out takes its default. Give `buildHost` or `emulated` (its older form), not both.",
  input: "What the requirements text is (a requirements file, pyproject.toml or a lock file) and what goes with it. Left out: detected from the text.",
};

/** The request contract as JSON Schema 2020-12, with the rules zod's generator leaves out stated as JSON Schema. */
export function analyzeRequestJsonSchema(): JsonObject {
  // OpenAPI 3.1 documents are JSON Schema 2020-12 throughout: no $schema needed per schema.
  const schema = z.toJSONSchema(analyzeRequestSchema, { io: "input" }) as JsonObject;
  delete schema.$schema;
  const properties = objectAt(schema, "properties");
  const requirements = objectAt(properties, "requirements");
  Object.assign(requirements, { pattern: "\\S", not: { pattern: CONTROL_CHARACTERS } });
  // Each reference is trimmed before its length is checked: 1 to MAX characters once trimmed.
  const reference = objectAt(objectAt(properties, "bases"), "items");
  delete reference.minLength;
  delete reference.maxLength;
  Object.assign(reference, {
    pattern: `^\\s*\\S(?:[\\s\\S]{0,${MAX_BASE_REFERENCE_CHARS - 2}}\\S)?\\s*$`,
    description: `An image reference, 1 to ${MAX_BASE_REFERENCE_CHARS} characters once surrounding white space is removed.`,
  });
  objectAt(properties, "archs").uniqueItems = true;
  objectAt(properties, "estimate").not = { required: ["buildHost", "emulated"] };
  const input = objectAt(objectAt(properties, "input"), "properties");
  objectAt(input, "fileName").not = { pattern: CONTROL_IN_NAMES };
  const file = objectAt(objectAt(objectAt(input, "files"), "items"), "properties");
  objectAt(file, "name").not = { pattern: CONTROL_IN_NAMES };
  Object.assign(objectAt(file, "text"), {
    not: { pattern: CONTROL_CHARACTERS },
    description: `At most ${MAX_REQUIREMENTS_BYTES / 1024} KB in UTF-8 (checked by the server: JSON Schema counts characters, not bytes).`,
  });
  objectAt(input, "files").description = "The files given with the main one, which its -r/-c lines may name; each name at most once (checked by the server).";
  schema.not = { required: ["arch", "archs"] };
  for (const [key, description] of Object.entries(REQUEST_DESCRIPTIONS)) objectAt(properties, key).description = description;
  return { title: "Basewise analysis request", ...schema };
}

/**
 * One event of a streamed answer (stream.ts), as JSON Schema: the report and its targets refer to
 * the report's schemas instead of repeating them.
 */
export function streamEventJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(streamEventSchema, {
    override: ({ zodSchema, jsonSchema }) => {
      const ref = zodSchema === reportSchema ? "Report" : zodSchema === targetReportSchema ? "TargetReport" : null;
      if (!ref) return;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as JsonObject)[key];
      Object.assign(jsonSchema, { $ref: `#/components/schemas/${ref}` });
    },
  }) as JsonObject;
  delete schema.$schema;
  return {
    title: "Basewise stream event",
    description: "One event of a streamed answer: `start` first; `progress` and `target` (one per entry of the report's targets, as each image finishes) in any order; last, always, `report` (exactly the JSON answer) or `error` (with the status the JSON answer would have had).",
    ...schema,
  };
}

const problemSchema = {
  type: "object",
  description: "A refusal or failure: one sentence for a person (the page shows it as it is). A program should act on the HTTP status, not parse the sentence.",
  properties: { error: { type: "string" } },
  required: ["error"],
  additionalProperties: false,
};

const healthSchema = {
  type: "object",
  description: "Liveness and load, answered on the request thread without touching the index or the workers.",
  properties: {
    status: { const: "ok" },
    workers: { type: "integer", minimum: 0, description: "Analysis worker threads." },
    running: { type: "integer", minimum: 0, description: "Analyses running on them." },
    queued: { type: "integer", minimum: 0, description: "Analyses waiting for a worker." },
    inFlight: { type: "integer", minimum: 0, description: "Distinct analyses being computed (identical requests share one)." },
    cachedReports: { type: "integer", minimum: 0, description: "Finished reports kept in memory." },
  },
  required: ["status", "workers", "running", "queued", "inFlight", "cachedReports"],
};

const noStore = { description: "Always `no-store`.", schema: { type: "string", const: "no-store" } };

function problem(description: string, status: keyof OpenApiExamples["problems"], examples: OpenApiExamples, retryAfter: boolean): JsonObject {
  return {
    description,
    headers: {
      "Cache-Control": noStore,
      ...(retryAfter ? { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } : {}),
    },
    content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" }, example: examples.problems[status] } },
  };
}

const STREAMED = [
  "The answer's form follows the Accept header. `application/json` (or anything else): the report as one document.",
  `\`${NDJSON_MEDIA_TYPE}\`: the analysis as it happens, one StreamEvent (components/schemas/StreamEvent) a line.`,
  `\`${SSE_MEDIA_TYPE}\`: the same events as server-sent events (\`event: <type>\`, \`data: <the StreamEvent's JSON>\`).`,
  "A stream always ends with the `report` event (or an `error` event with the status the JSON answer would have had); refusals found before the analysis starts (400, 413, 429, a full queue) are the plain JSON problems below in every form.",
].join("\n\n");

// The NDJSON example only: the same events as server-sent events would double its size for framing alone.
const streamedAnswers = {
  [NDJSON_MEDIA_TYPE]: { schema: { type: "string", description: "One StreamEvent a line (components/schemas/StreamEvent)." }, examples: { cached: { $ref: "#/components/examples/StreamNdjson" } } },
  [SSE_MEDIA_TYPE]: { schema: { type: "string", description: "Server-sent events: `event: <type>`, then `data: ` and the StreamEvent's JSON (components/schemas/StreamEvent), then a blank line." } },
};

function reportAnswer(cacheControl: string): JsonObject {
  return {
    description: STREAMED,
    headers: {
      "Cache-Control": { description: `${cacheControl} A stream: \`no-store, no-transform\`.`, schema: { type: "string" } },
      Vary: { description: "`accept`: the same URL answers a stream to a client that asks for one.", schema: { type: "string" } },
      "X-Basewise-Report": {
        description: "Whether the report was computed for this request (`worker`), joined while another client's identical request ran (`in-flight`), or taken from the finished-report cache (`cache`).",
        schema: { type: "string", enum: ["worker", "in-flight", "cache"] },
      },
    },
    // One copy of the example report, referenced from both forms of /api/analyze.
    content: {
      "application/json": { schema: { $ref: "#/components/schemas/Report" }, examples: { compiles: { $ref: "#/components/examples/Report" } } },
      ...streamedAnswers,
    },
  };
}

/** The analysis's refusals, as both forms of /api/analyze send them. */
function analysisProblems(examples: OpenApiExamples, badRequest: string): JsonObject {
  return {
    "400": problem(badRequest, "400", examples, false),
    "413": problem(`The text is larger than its kind allows (${MAX_REQUIREMENTS_BYTES / 1024} KB; a lock file ${MAX_LOCK_BYTES / 1024 / 1024} MiB) or names more requirements than Basewise reads; the body itself may be at most ${MAX_BODY_BYTES / 1024 / 1024} MiB.`, "413", examples, false),
    "429": problem("This client started more analyses than the server's rate limit allows (BASEWISE_RATE_LIMIT_PER_MIN, with a burst of BASEWISE_RATE_LIMIT_BURST). Retry after the time given.", "429", examples, true),
    "503": problem("Every analysis worker is busy and the queue is full, or the analysis ran out of time or memory and was stopped, or the server could not run it. Retry after the time given.", "503", examples, true),
  };
}

function cacheable(description: string): JsonObject {
  return {
    description,
    headers: {
      "Cache-Control": { description: "`public, max-age=3600, stale-while-revalidate=86400`: it changes only with a deploy.", schema: { type: "string" } },
      ETag: { description: "Send it back in If-None-Match to get 304 while it is unchanged.", schema: { type: "string" } },
    },
  };
}

const notModified = { description: "Not modified: the ETag sent in If-None-Match is the current one." };
const ifNoneMatch = { name: "If-None-Match", in: "header", required: false, schema: { type: "string" }, description: "An ETag from an earlier answer." };

/** The OpenAPI 3.1 document for Basewise's HTTP API. */
export function openApiDocument(examples: OpenApiExamples = OPENAPI_EXAMPLES): JsonObject {
  const { $defs } = reportJsonSchema() as { $defs: Record<string, JsonObject> };
  const shareParameter = {
    name: "s",
    in: "query",
    required: true,
    description: "A share link's `s` parameter: the whole input (requirements, images, architectures, options and its `asOf`), compressed. Links made with the `v1.` prefix still open.",
    schema: { type: "string", maxLength: 8000 },
    example: examples.shareParam,
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Basewise API",
      version: String(REPORT_SCHEMA_VERSION),
      summary: "Which Python packages pip installs from wheels and which it compiles, per Docker base image.",
      description: [
        "Basewise predicts, for each Docker base image and CPU architecture, which distribution pip picks for every package of a requirements file, which of them compile and what that needs, the build time and image size, and the Dockerfile to write.",
        `The version is the report's \`schemaVersion\` (${REPORT_SCHEMA_VERSION}); see GET /api/schema for the report's JSON Schema alone.`,
        "The examples are real answers from Basewise's test index (a small PyPI-like index the test suite serves on the loopback address), regenerated by the test suite.",
        "POST /api/analyze (and its share-link form) answers with the report as JSON, or streams the analysis as it happens (NDJSON or server-sent events) when the Accept header asks for it.",
      ].join("\n\n"),
      license: { name: "See the repository" },
    },
    servers: [{ url: "/", description: "The server that serves this document." }],
    tags: [
      { name: "analysis", description: "Analyse a requirements file on base images." },
      { name: "contract", description: "The machine-readable contracts." },
      { name: "operations", description: "For load balancers and container health checks." },
    ],
    paths: {
      "/api/analyze": {
        post: {
          operationId: "analyze",
          tags: ["analysis"],
          summary: "Analyse a requirements file on base images",
          description: "Runs the analysis on a worker thread, behind a bounded queue and a per-client rate limit. Problems with single lines, images or packages are inside the report (`diagnostics`, `errors`, per-package codes), not HTTP errors.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/AnalyzeRequest" }, example: examples.request } },
          },
          responses: {
            "200": reportAnswer("The report: `no-store` (the server keeps finished reports for a fixed `asOf` itself)."),
            ...analysisProblems(examples, "The body is not JSON, not a valid request (the sentence names the field), not UTF-8, or empty."),
          },
        },
        get: {
          operationId: "analyzeShareLink",
          tags: ["analysis"],
          summary: "The analysis of a share link",
          description: "The same analysis as the share link's page. A link carries its `asOf`, so its answer never changes and is sent for a CDN to keep.",
          parameters: [shareParameter],
          responses: {
            "200": reportAnswer("The report: `public, max-age=31536000, immutable` when nothing in it depends on the moment (every package answered, nothing left unreached); else `no-store`."),
            ...analysisProblems(examples, "No `s` parameter, a damaged link, or a link whose input is not a valid request."),
          },
        },
      },
      "/api/schema": {
        get: {
          operationId: "reportSchema",
          tags: ["contract"],
          summary: "The report's JSON Schema (draft 2020-12)",
          description: "The same document `basewise schema` prints. Objects leave additional properties open: fields added within a schema version must not fail a consumer's validation.",
          parameters: [ifNoneMatch],
          responses: {
            "200": { ...cacheable("The JSON Schema."), content: { "application/schema+json": { schema: { type: "object" } } } },
            "304": notModified,
          },
        },
      },
      "/api/openapi.json": {
        get: {
          operationId: "openApiDocument",
          tags: ["contract"],
          summary: "This document",
          parameters: [ifNoneMatch],
          responses: {
            "200": { ...cacheable("The OpenAPI 3.1 document."), content: { [OPENAPI_MEDIA_TYPE]: { schema: { type: "object" } } } },
            "304": notModified,
          },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          tags: ["operations"],
          summary: "Liveness and load",
          responses: {
            "200": { description: "The server is up.", headers: { "Cache-Control": noStore }, content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
          },
        },
      },
      "/api/og": {
        get: {
          operationId: "linkPreview",
          tags: ["analysis"],
          summary: "A share link's preview image",
          description: "The headline comparison as a 1200×630 PNG, for chat tools and social sites. It runs (or reuses) the link's analysis, charged to the client's rate limit; when the server is busy it shows the link's input only. A damaged link gets a generic card, never an error.",
          parameters: [{ ...shareParameter, required: false, description: "A share link's `s` parameter; without it, Basewise's generic card." }],
          responses: {
            "200": {
              description: "The image.",
              headers: { "Cache-Control": { description: "`public, max-age=31536000, immutable` when drawn from an immutable analysis; else `public, max-age=60`.", schema: { type: "string" } } },
              content: { "image/png": { schema: { type: "string", contentMediaType: "image/png" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        AnalyzeRequest: analyzeRequestJsonSchema(),
        ...toComponentRefs($defs),
        StreamEvent: streamEventJsonSchema(),
        Problem: problemSchema,
        Health: healthSchema,
      },
      examples: {
        Report: {
          summary: "psycopg2 and requests on python:3.12-slim-bookworm, amd64",
          description: "psycopg2 2.9.9 publishes no Linux wheels, so it compiles (in a builder stage, with libpq-dev); requests and its dependencies install from wheels. A real answer from the test index.",
          value: examples.report,
        },
        StreamNdjson: {
          summary: "six on python:3.12-slim-bookworm, amd64, streamed as NDJSON",
          description: "The stream of a finished (cached) report: start, each target, the report. One analysed for this request has `progress` events among them. A real answer from the test index.",
          value: examples.stream.ndjson,
        },
      },
      headers: {
        RetryAfter: { description: "Seconds to wait before trying again.", schema: { type: "string", pattern: "^\\d+$" } },
      },
    },
  };
}

/** The document as the route sends it: compact (indenting would add half again; API browsers and editors format it), ending in a newline. */
export function openApiDocumentText(): string {
  return `${JSON.stringify(openApiDocument())}\n`;
}
