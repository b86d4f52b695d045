/**
 * Reading a share link on the server: the text is hostile until proven otherwise — bounded before
 * and after inflating, validated field by field (zod), never echoed back as markup.
 */
import { Inflate } from "fflate";
import { z } from "zod";
import { MAX_INPUT_FILES, MAX_REQUIREMENTS_BYTES, buildHostFromEmulated, requestFields, requestParameters, type InputParameters } from "@/lib/contract/request";
import { MAX_LINK_PARAM_CHARS, SHARE_PREFIX, SHARE_PREFIX_V1, type ShareState } from "./state";

/** Inflated JSON bigger than this is refused (a small link must not expand into a huge payload). */
const MAX_INFLATED_BYTES = 300 * 1024;

export type DecodeResult = { ok: true; state: ShareState } | { ok: false; error: string };

/**
 * The compact forms, each field checked by the request contract's own rule. v1 is fixed: links already
 * shared must keep opening (one arch; `q`: the old "arm64 emulated on an amd64 host" switch). v2 holds
 * the architectures and the build host. The requirements text is only bounded here, in characters (never
 * more than its UTF-8 bytes): a link to a blank or oversized paste opens, and its analysis says what is wrong.
 */
const contract = requestFields();
const compact = <A extends z.ZodType, E extends z.ZodRawShape>(archs: A, estimate: E) =>
  z
    .object({
      r: z.string().max(MAX_REQUIREMENTS_BYTES),
      b: contract.bases.min(1),
      a: archs,
      n: contract.noDeps,
      e: z
        .object({
          c: contract.estimate.cores,
          m: contract.estimate.networkMBps,
          /** cache === "warm" */
          w: z.boolean(),
          ...estimate,
        })
        .strict(),
      t: contract.asOf.nullable(),
    })
    .strict();
const compactV1 = compact(contract.arch, { q: contract.emulated });
/**
 * v2's optional `i`: the input's description (see compactInput in state.ts). File texts, like the
 * requirements text, are only bounded here; their analysis says what is wrong with them.
 */
const compactInput = z
  .object({
    k: contract.input.kind.optional(),
    n: contract.input.fileName.optional(),
    x: contract.input.extras.optional(),
    g: contract.input.groups.optional(),
    f: z
      .array(z.tuple([z.string().min(1), z.string().max(MAX_REQUIREMENTS_BYTES)]))
      .max(MAX_INPUT_FILES)
      .optional(),
  })
  .strict();
const compactV2 = compact(contract.archs, { h: contract.estimate.buildHost }).extend({ i: compactInput.optional() });

export function decodeShareState(param: string): DecodeResult {
  const invalid = (why: string): DecodeResult => ({ ok: false, error: `This share link is damaged or was not made by Basewise (${why}). Paste the requirements to analyse them again.` });
  if (param.length > MAX_LINK_PARAM_CHARS) return invalid("it is too long");
  const version = param.startsWith(SHARE_PREFIX) ? 2 : param.startsWith(SHARE_PREFIX_V1) ? 1 : null;
  if (version === null) return invalid("unknown format");
  // Both prefixes are three characters.
  const bytes = fromBase64Url(param.slice(SHARE_PREFIX.length));
  if (!bytes) return invalid("not base64url");
  const inflated = inflateBounded(bytes, MAX_INFLATED_BYTES);
  if (!inflated) return invalid("it does not decompress");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    return invalid("not JSON");
  }
  if (version === 1) {
    const parsed = compactV1.safeParse(json);
    if (!parsed.success) return invalid("unexpected fields");
    // The old form's meaning in today's terms: its one arch, and the host its switch described.
    return { ok: true, state: stateOf(parsed.data, [parsed.data.a], buildHostFromEmulated(parsed.data.e.q)) };
  }
  const parsed = compactV2.safeParse(json);
  if (!parsed.success) return invalid("unexpected fields");
  const state = stateOf(parsed.data, parsed.data.a, parsed.data.e.h);
  return { ok: true, state: parsed.data.i ? { ...state, input: inputOf(parsed.data.i) } : state };
}

/** The compact input as the request contract's parameters (extras and groups as sets, as the request reads them). */
function inputOf(i: z.infer<typeof compactInput>): InputParameters {
  return requestParameters({
    input: {
      ...(i.k ? { kind: i.k } : {}),
      ...(i.n !== undefined ? { fileName: i.n } : {}),
      ...(i.x ? { extras: i.x } : {}),
      ...(i.g ? { groups: i.g } : {}),
      ...(i.f ? { files: i.f.map(([name, text]) => ({ name, text })) } : {}),
    },
  }).input;
}

/** The fields both forms share, with the architectures and build host each spells its own way. */
function stateOf(
  s: { r: string; b: string[]; n: boolean; e: { c: number; m: number; w: boolean }; t: string | null },
  archs: ShareState["archs"],
  buildHost: ShareState["estimate"]["buildHost"],
): ShareState {
  return {
    requirements: s.r,
    bases: s.b,
    archs,
    noDeps: s.n,
    estimate: { cores: s.e.c, networkMBps: s.e.m, cache: s.e.w ? "warm" : "cold", buildHost },
    asOf: s.t,
  };
}

function inflateBounded(data: Uint8Array, limit: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let failed = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) failed = true;
    else chunks.push(chunk);
  });
  try {
    // Fed in small pieces so a bomb is stopped after at most one piece's expansion.
    for (let i = 0; i < data.length && !failed; i += 1024) inflater.push(data.subarray(i, i + 1024), i + 1024 >= data.length);
  } catch {
    return null;
  }
  if (failed) return null;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
