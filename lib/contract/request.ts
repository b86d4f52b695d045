/**
 * The analysis request: one schema for every edge that takes one (POST /api/analyze, a share link's
 * fields, the CLI's flags). Validated at the edge; everything after trusts the inferred types.
 *
 * Each edge names fields its own way (`"estimate.cores"` in JSON, `--cores` on a command line), so
 * the schema is built from a naming; the rules and the sentences are the same for all of them.
 * Browser-safe: zod only, no node: imports.
 */
import { z } from "zod";
import { INPUT_KINDS, type InputKind } from "@/lib/inputs/types";
import {
  ARCHES,
  BUILD_HOSTS,
  CACHE_STATES,
  DEFAULT_ARCHS,
  DEFAULT_ESTIMATE,
  ESTIMATE_LIMITS,
  MAX_BASE_REFERENCE_CHARS,
  MAX_BASES,
  MAX_INPUT_CHOICE_CHARS,
  MAX_INPUT_CHOICES,
  MAX_INPUT_FILE_NAME_CHARS,
  MAX_INPUT_FILES,
  MAX_REQUIREMENTS_BYTES,
  utf8ByteLength,
  buildHostFromEmulated,
} from "./request-limits";

export * from "./request-limits";
export { INPUT_KINDS, LOCK_KINDS, type InputKind, type LockKind } from "@/lib/inputs/types";

/** The request's fields, by their path in the JSON body. */
export type RequestField =
  | "requirements"
  | "bases"
  | "arch"
  | "archs"
  | "asOf"
  | "noDeps"
  | "estimate"
  | "estimate.cores"
  | "estimate.networkMBps"
  | "estimate.cache"
  | "estimate.buildHost"
  | "estimate.emulated"
  | "input"
  | "input.kind"
  | "input.fileName"
  | "input.extras"
  | "input.groups"
  | "input.files";

/** How an edge writes a field's name and a literal value in its messages. */
export interface FieldNaming {
  field: (field: RequestField) => string;
  value: (word: string) => string;
}

/** The API's naming: JSON paths and JSON strings, quoted. */
export const JSON_NAMING: FieldNaming = { field: (field) => `"${field}"`, value: (word) => `"${word}"` };

const { cores, networkMBps } = ESTIMATE_LIMITS;

/** Each field's schema, with its messages in the given naming. */
export function requestFields(naming: FieldNaming = JSON_NAMING) {
  const { field, value } = naming;
  const oneOf = (words: readonly string[]) => words.map(value).join(" or ");
  const trueOrFalse = (name: RequestField) => z.boolean({ error: `${field(name)} must be true or false.` });

  const requirements = z
    .string({ error: `${field("requirements")} must be the text of a requirements.txt file.` })
    .refine((text) => text.trim().length > 0, "Paste at least one requirement.")
    // Control characters other than tab/CR/LF mean binary data was pasted, not a requirements file.
    .refine((text) => !BINARY.test(text), "The requirements text contains binary data; paste a plain-text requirements.txt.");

  const fileName = z
    .string({ error: `${field("input.fileName")} must be a file name.` })
    .min(1, `${field("input.fileName")} must have 1 to ${MAX_INPUT_FILE_NAME_CHARS} characters.`)
    .max(MAX_INPUT_FILE_NAME_CHARS, `${field("input.fileName")} must have 1 to ${MAX_INPUT_FILE_NAME_CHARS} characters.`)
    .refine((name) => !CONTROL.test(name), `${field("input.fileName")} must be a file name without control characters.`);
  const choices = (name: "input.extras" | "input.groups", one: string, what: string) =>
    z
      .array(
        z
          .string({ error: `Each of ${field(name)} must be ${one} name.` })
          .min(1, `Each of ${field(name)} must have 1 to ${MAX_INPUT_CHOICE_CHARS} characters.`)
          .max(MAX_INPUT_CHOICE_CHARS, `Each of ${field(name)} must have 1 to ${MAX_INPUT_CHOICE_CHARS} characters.`),
        { error: `${field(name)} must be a list of ${what} names.` },
      )
      .max(MAX_INPUT_CHOICES, `${field(name)} may name at most ${MAX_INPUT_CHOICES}.`);
  const inputFile = z
    .object(
      {
        name: z
          .string({ error: `Each of ${field("input.files")} needs a name.` })
          .min(1, `A file name in ${field("input.files")} must have 1 to ${MAX_INPUT_FILE_NAME_CHARS} characters.`)
          .max(MAX_INPUT_FILE_NAME_CHARS, `A file name in ${field("input.files")} must have 1 to ${MAX_INPUT_FILE_NAME_CHARS} characters.`)
          .refine((name) => !CONTROL.test(name), `A file name in ${field("input.files")} must have no control characters.`),
        text: z
          .string({ error: `Each of ${field("input.files")} needs its text.` })
          .refine((text) => utf8ByteLength(text) <= MAX_REQUIREMENTS_BYTES, `Each of ${field("input.files")} must be at most ${MAX_REQUIREMENTS_BYTES / 1024} KB.`)
          .refine((text) => !BINARY.test(text), `A file in ${field("input.files")} contains binary data; give plain-text files.`),
      },
      { error: `Each of ${field("input.files")} must be a file with a name and a text.` },
    )
    .strict();
  const input = {
    /** Overrides the kind detected from the file name and content. */
    kind: z.enum(INPUT_KINDS, { error: `${field("input.kind")} must be ${oneOf(INPUT_KINDS)}.` }),
    /** The main file's name ("uv.lock", "requirements/dev.txt"): detection reads it; pasted text has none. */
    fileName,
    /** pyproject.toml extras to include. */
    extras: choices("input.extras", "an extra", "extra"),
    /** pyproject.toml dependency groups (or a lock's groups) to include. */
    groups: choices("input.groups", "a group", "group"),
    /** The files given with the main one, which its -r/-c lines may name. */
    files: z
      .array(inputFile, { error: `${field("input.files")} must be a list of files, each with a name and a text.` })
      .max(MAX_INPUT_FILES, `Give at most ${MAX_INPUT_FILES} files with the main one in ${field("input.files")}.`)
      .refine((files) => new Set(files.map((f) => f.name)).size === files.length, `${field("input.files")} names a file twice.`),
  };

  const baseReference = z
    .string()
    .trim()
    .min(1, `An image reference in ${field("bases")} must have 1 to ${MAX_BASE_REFERENCE_CHARS} characters.`)
    .max(MAX_BASE_REFERENCE_CHARS, `An image reference in ${field("bases")} must have 1 to ${MAX_BASE_REFERENCE_CHARS} characters.`);
  const bases = z.array(baseReference, { error: `${field("bases")} must be a list of image references.` }).max(MAX_BASES, `Pick at most ${MAX_BASES} base images at once.`);

  const arch = z.enum(ARCHES, { error: `${field("arch")} must be ${oneOf(ARCHES)}.` });
  const archs = z
    .array(z.enum(ARCHES, { error: `Each of ${field("archs")} must be ${oneOf(ARCHES)}.` }), { error: `${field("archs")} must be a list of architectures, e.g. ${oneOf(ARCHES)}.` })
    .min(1, `${field("archs")} must name at least one architecture.`)
    .refine((list) => new Set(list).size === list.length, `${field("archs")} names an architecture twice.`);
  const asOf = z.iso.datetime({ offset: true, error: `${field("asOf")} must be an ISO 8601 date-time.` });

  const coresRange = `${field("estimate.cores")} must be between ${cores.min} and ${cores.max}.`;
  const speedRange = `${field("estimate.networkMBps")} must be between ${networkMBps.min} and ${networkMBps.max}.`;
  const estimate = {
    /** CPU cores the build gets. */
    cores: z
      .number({ error: `${field("estimate.cores")} must be a whole number from ${cores.min} to ${cores.max}.` })
      .int({ error: `${field("estimate.cores")} must be a whole number from ${cores.min} to ${cores.max}.`, abort: true })
      .min(cores.min, coresRange)
      .max(cores.max, coresRange),
    /** Download speed from PyPI and the distro mirrors, MB/s. */
    networkMBps: z
      .number({ error: `${field("estimate.networkMBps")} must be a number from ${networkMBps.min} to ${networkMBps.max}.` })
      .min(networkMBps.min, speedRange)
      .max(networkMBps.max, speedRange),
    /**
     * cold: nothing cached (first build, CI without a cache).
     * warm: the requirements changed but the base and OS-package layers are cached, and pip's cache
     * mount already holds the downloads and the wheels it built before.
     */
    cache: z.enum(CACHE_STATES, { error: `${field("estimate.cache")} must be ${oneOf(CACHE_STATES)}.` }),
    /** Where `docker build` runs (BUILD_HOSTS): a target of another architecture than the host's is emulated. */
    buildHost: z.enum(BUILD_HOSTS, { error: `${field("estimate.buildHost")} must be ${oneOf(BUILD_HOSTS)}.` }),
  };
  /** Before the build host: true meant arm64 built on an amd64 host through QEMU (now buildHost "ci-amd64"). */
  const emulated = trueOrFalse("estimate.emulated");

  return { requirements, bases, baseReference, arch, archs, asOf, noDeps: trueOrFalse("noDeps"), estimate, emulated, input };
}

/** Control characters other than tab/CR/LF: binary data, not a text file. */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
const CONTROL = /[\u0000-\u001F\u007F]/;


/** The request's fields but the requirements text, with its messages in the given naming. */
function optionsShape(naming: FieldNaming) {
  const fields = requestFields(naming);
  return {
    bases: fields.bases.optional(),
    /** One architecture (the form before `archs`; still accepted). Give `arch` or `archs`, not both. */
    arch: fields.arch.optional(),
    /** The architectures to answer for; every base image is analysed on each. Default: DEFAULT_ARCHS. */
    archs: fields.archs.optional(),
    /** The index as of this moment: files uploaded later are ignored, so the answer never changes. */
    asOf: fields.asOf.optional(),
    /** Only the requirements written in the file, as pip --no-deps. */
    noDeps: fields.noDeps.optional(),
    /** Build-time estimate parameters; each one left out takes its DEFAULT_ESTIMATE value. */
    estimate: z
      .object(
        {
          cores: fields.estimate.cores.optional(),
          networkMBps: fields.estimate.networkMBps.optional(),
          cache: fields.estimate.cache.optional(),
          buildHost: fields.estimate.buildHost.optional(),
          emulated: fields.emulated.optional(),
        },
        { error: `${naming.field("estimate")} must be an object like {"cores": 4}.` },
      )
      .strict()
      .refine((estimate) => estimate.buildHost === undefined || estimate.emulated === undefined, {
        message: `Give ${naming.field("estimate.buildHost")} or ${naming.field("estimate.emulated")} (its older form), not both.`,
      })
      .optional(),
    /** What the requirements text is and what goes with it; left out, a requirements.txt detected from its content. */
    input: z
      .object(
        {
          kind: fields.input.kind.optional(),
          fileName: fields.input.fileName.optional(),
          extras: fields.input.extras.optional(),
          groups: fields.input.groups.optional(),
          files: fields.input.files.optional(),
        },
        { error: `${naming.field("input")} must be an object like {"kind": "uv-lock"}.` },
      )
      .strict()
      .optional(),
  };
}

const BODY_ERROR = "The request body must be a JSON object like {\"requirements\": \"…\"}.";

/** One architecture or several, never both forms at once. */
function oneArchForm(naming: FieldNaming) {
  return [(request: { arch?: unknown; archs?: unknown }) => request.arch === undefined || request.archs === undefined, { message: `Give ${naming.field("arch")} or ${naming.field("archs")}, not both.` }] as const;
}

/** The request schema, with its messages in the given naming. */
export function requestSchema(naming: FieldNaming = JSON_NAMING) {
  return z.object({ requirements: requestFields(naming).requirements, ...optionsShape(naming) }, { error: BODY_ERROR }).refine(...oneArchForm(naming));
}

/** The same without the requirements text: an edge that reads the text later (the CLI's flags) checks its options first. */
export function requestOptionsSchema(naming: FieldNaming = JSON_NAMING) {
  return z.object(optionsShape(naming), { error: BODY_ERROR }).refine(...oneArchForm(naming));
}

/** The body of POST /api/analyze, and what every other edge turns its input into. */
export const analyzeRequestSchema = requestSchema(JSON_NAMING);

/** An analysis request, validated. */
export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;
export type Arch = (typeof ARCHES)[number];
export type CacheState = (typeof CACHE_STATES)[number];

export type BuildHost = (typeof BUILD_HOSTS)[number];

type EstimateFields = ReturnType<typeof requestFields>["estimate"];
/** Every estimate parameter, given (DEFAULT_ESTIMATE fills what a request leaves out). */
export type EstimateOptions = { [K in keyof EstimateFields]: z.infer<EstimateFields[K]> };

/** The input's description with its defaults: no kind (detect it), no name, nothing chosen, no other files. */
export interface InputParameters {
  /** The person's choice of kind; null: detected from the name and the content. */
  kind: InputKind | null;
  fileName: string | null;
  /** Sorted, each once: a set of names, so the same choice is one request. */
  extras: string[];
  groups: string[];
  /** In the order given (the first of two same-named paths wins in a -r lookup, as given). */
  files: { name: string; text: string }[];
}

/** A request with every default filled in and the older forms (arch, estimate.emulated) read as today's. */
export interface RequestParameters {
  bases: string[] | null;
  archs: Arch[];
  noDeps: boolean;
  estimate: EstimateOptions;
  asOf: string | null;
  input: InputParameters;
}

/** The one place a request's defaults are applied: the engine, the report cache key and share links agree. */
export function requestParameters(request: Omit<AnalyzeRequest, "requirements">): RequestParameters {
  const { emulated, ...estimate } = request.estimate ?? {};
  return {
    bases: request.bases?.length ? request.bases : null,
    archs: request.archs ? [...request.archs] : request.arch ? [request.arch] : [...DEFAULT_ARCHS],
    noDeps: request.noDeps ?? false,
    estimate: { ...DEFAULT_ESTIMATE, ...(emulated !== undefined ? { buildHost: buildHostFromEmulated(emulated) } : {}), ...definedOnly(estimate) },
    asOf: request.asOf ?? null,
    input: {
      kind: request.input?.kind ?? null,
      fileName: request.input?.fileName ?? null,
      extras: nameSet(request.input?.extras),
      groups: nameSet(request.input?.groups),
      files: (request.input?.files ?? []).map(({ name, text }) => ({ name, text })),
    },
  };
}

function nameSet(names: readonly string[] | undefined): string[] {
  return [...new Set(names ?? [])].sort();
}

/** The fields that are set: a key present with the value undefined must not hide a default. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** One readable sentence from zod's issues (each message is the contract's, naming its field). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => issue.message)
    .filter((message, index, all) => all.indexOf(message) === index)
    .join(" ");
}
