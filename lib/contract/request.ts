/**
 * The analysis request: one schema for every edge that takes one (POST /api/analyze, a share link's
 * fields, the CLI's flags). Validated at the edge; everything after trusts the inferred types.
 *
 * Each edge names fields its own way (`"estimate.cores"` in JSON, `--cores` on a command line), so
 * the schema is built from a naming; the rules and the sentences are the same for all of them.
 * Browser-safe: zod only, no node: imports.
 */
import { z } from "zod";
import { ARCHES, CACHE_STATES, ESTIMATE_LIMITS, MAX_BASE_REFERENCE_CHARS, MAX_BASES } from "./request-limits";

export * from "./request-limits";

/** The request's fields, by their path in the JSON body. */
export type RequestField =
  | "requirements"
  | "bases"
  | "arch"
  | "asOf"
  | "noDeps"
  | "estimate"
  | "estimate.cores"
  | "estimate.networkMBps"
  | "estimate.cache"
  | "estimate.emulated";

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
    .refine((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(text), "The requirements text contains binary data; paste a plain-text requirements.txt.");

  const baseReference = z
    .string()
    .trim()
    .min(1, `An image reference in ${field("bases")} must have 1 to ${MAX_BASE_REFERENCE_CHARS} characters.`)
    .max(MAX_BASE_REFERENCE_CHARS, `An image reference in ${field("bases")} must have 1 to ${MAX_BASE_REFERENCE_CHARS} characters.`);
  const bases = z.array(baseReference, { error: `${field("bases")} must be a list of image references.` }).max(MAX_BASES, `Pick at most ${MAX_BASES} base images at once.`);

  const arch = z.enum(ARCHES, { error: `${field("arch")} must be ${oneOf(ARCHES)}.` });
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
    /** Building arm64 on an amd64 host through QEMU (docker buildx --platform linux/arm64). */
    emulated: trueOrFalse("estimate.emulated"),
  };

  return { requirements, bases, baseReference, arch, asOf, noDeps: trueOrFalse("noDeps"), estimate };
}

/** The request schema, with its messages in the given naming. */
export function requestSchema(naming: FieldNaming = JSON_NAMING) {
  const fields = requestFields(naming);
  return z.object(
    {
      requirements: fields.requirements,
      bases: fields.bases.optional(),
      arch: fields.arch.optional(),
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
            emulated: fields.estimate.emulated.optional(),
          },
          { error: `${naming.field("estimate")} must be an object like {"cores": 4}.` },
        )
        .strict()
        .optional(),
    },
    { error: "The request body must be a JSON object like {\"requirements\": \"…\"}." },
  );
}

/** The body of POST /api/analyze, and what every other edge turns its input into. */
export const analyzeRequestSchema = requestSchema(JSON_NAMING);

/** An analysis request, validated. */
export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;
export type Arch = (typeof ARCHES)[number];
export type CacheState = (typeof CACHE_STATES)[number];

type EstimateFields = ReturnType<typeof requestFields>["estimate"];
/** Every estimate parameter, given (DEFAULT_ESTIMATE fills what a request leaves out). */
export type EstimateOptions = { [K in keyof EstimateFields]: z.infer<EstimateFields[K]> };

/** One readable sentence from zod's issues (each message is the contract's, naming its field). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => issue.message)
    .filter((message, index, all) => all.indexOf(message) === index)
    .join(" ");
}
