import { z } from "zod";

// The body of POST /api/analyze. Validated here, at the edge; everything after trusts these types.

export const MAX_BASES = 12;
// JSON escaping can roughly double the 256 KB requirements limit; anything beyond is refused unread.
export const MAX_BODY_BYTES = 640 * 1024;

export const analyzeRequestSchema = z.object({
  requirements: z
    .string({ error: "\"requirements\" must be the text of a requirements.txt file." })
    .refine((text) => text.trim().length > 0, "Paste at least one requirement.")
    // Control characters other than tab/CR/LF mean binary data was pasted, not a requirements file.
    .refine((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/.test(text), "The requirements text contains binary data; paste a plain-text requirements.txt."),
  bases: z
    .array(z.string().trim().min(1).max(200), { error: "\"bases\" must be a list of image references." })
    .max(MAX_BASES, `Pick at most ${MAX_BASES} base images at once.`)
    .optional(),
  arch: z.enum(["amd64", "arm64"], { error: "\"arch\" must be \"amd64\" or \"arm64\"." }).optional(),
  asOf: z.iso.datetime({ offset: true, error: "\"asOf\" must be an ISO 8601 date-time." }).optional(),
  noDeps: z.boolean({ error: "\"noDeps\" must be true or false." }).optional(),
  estimate: z
    .object(
      {
        cores: z.number().int().min(1, "\"estimate.cores\" must be between 1 and 256.").max(256, "\"estimate.cores\" must be between 1 and 256.").optional(),
        networkMBps: z.number().min(0.1, "\"estimate.networkMBps\" must be between 0.1 and 10000.").max(10_000, "\"estimate.networkMBps\" must be between 0.1 and 10000.").optional(),
        cache: z.enum(["cold", "warm"], { error: "\"estimate.cache\" must be \"cold\" or \"warm\"." }).optional(),
        emulated: z.boolean({ error: "\"estimate.emulated\" must be true or false." }).optional(),
      },
      { error: "\"estimate\" must be an object like {\"cores\": 4}." },
    )
    .strict()
    .optional(),
}, { error: "The request body must be a JSON object like {\"requirements\": \"…\"}." });

export type AnalyzeRequest = z.infer<typeof analyzeRequestSchema>;

/** One readable sentence from zod's issues, naming the field when there is one. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => issue.message)
    .filter((message, index, all) => all.indexOf(message) === index)
    .join(" ");
}
