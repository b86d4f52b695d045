/**
 * The share state: everything needed to reproduce an analysis (requirements, bases, arch, options
 * and the index date `asOf`), and its compact form in a link: `?s=v1.<base64url(deflate(JSON))>`.
 * Decoding treats the text as hostile: bounded before and after inflating, validated field by field.
 */
import { deflateSync, Inflate } from "fflate";
import { z } from "zod";

export interface EstimateOptions {
  cores: number;
  networkMBps: number;
  cache: "cold" | "warm";
  emulated: boolean;
}

export interface ShareState {
  requirements: string;
  bases: string[];
  arch: "amd64" | "arm64";
  noDeps: boolean;
  estimate: EstimateOptions;
  /** The index as of this moment (ISO 8601); null until the first analysis fixes it. */
  asOf: string | null;
}

export const DEFAULT_ESTIMATE: EstimateOptions = { cores: 4, networkMBps: 50, cache: "cold", emulated: false };

/** Longest `s` parameter a link may carry: chat tools and proxies cut longer URLs. */
export const MAX_LINK_PARAM_CHARS = 8000;
/** Inflated JSON bigger than this is refused (a small link must not expand into a huge payload). */
const MAX_INFLATED_BYTES = 300 * 1024;
const PREFIX = "v1.";

const shareSchema = z
  .object({
    r: z.string().max(256 * 1024),
    b: z.array(z.string().min(1).max(200)).min(1).max(12),
    a: z.enum(["amd64", "arm64"]),
    n: z.boolean(),
    e: z.object({
      c: z.number().int().min(1).max(256),
      m: z.number().min(0.1).max(10_000),
      w: z.boolean(),
      q: z.boolean(),
    }),
    t: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict();

export type EncodeResult = { ok: true; param: string } | { ok: false; error: string };
export type DecodeResult = { ok: true; state: ShareState } | { ok: false; error: string };

export function encodeShareState(state: ShareState): EncodeResult {
  const compact = {
    r: state.requirements,
    b: state.bases,
    a: state.arch,
    n: state.noDeps,
    e: { c: state.estimate.cores, m: state.estimate.networkMBps, w: state.estimate.cache === "warm", q: state.estimate.emulated },
    t: state.asOf,
  };
  const param = PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(compact)), { level: 9 }));
  if (param.length > MAX_LINK_PARAM_CHARS) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    return {
      ok: false,
      error: `This input is too large for a link: compressed it needs ${kb(param.length)}, and links hold at most ${kb(MAX_LINK_PARAM_CHARS)}. Share the requirements file itself, or trim it.`,
    };
  }
  return { ok: true, param };
}

export function decodeShareState(param: string): DecodeResult {
  const invalid = (why: string): DecodeResult => ({ ok: false, error: `This share link is damaged or was not made by Basewise (${why}). Paste the requirements to analyse them again.` });
  if (param.length > MAX_LINK_PARAM_CHARS) return invalid("it is too long");
  if (!param.startsWith(PREFIX)) return invalid("unknown format");
  const bytes = fromBase64Url(param.slice(PREFIX.length));
  if (!bytes) return invalid("not base64url");
  const inflated = inflateBounded(bytes, MAX_INFLATED_BYTES);
  if (!inflated) return invalid("it does not decompress");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    return invalid("not JSON");
  }
  const parsed = shareSchema.safeParse(json);
  if (!parsed.success) return invalid("unexpected fields");
  const s = parsed.data;
  return {
    ok: true,
    state: {
      requirements: s.r,
      bases: s.b,
      arch: s.a,
      noDeps: s.n,
      estimate: { cores: s.e.c, networkMBps: s.e.m, cache: s.e.w ? "warm" : "cold", emulated: s.e.q },
      asOf: s.t,
    },
  };
}

/** The API request for a share state. */
export function requestFor(state: ShareState) {
  return {
    requirements: state.requirements,
    bases: state.bases,
    arch: state.arch,
    ...(state.noDeps ? { noDeps: true } : {}),
    estimate: state.estimate,
    ...(state.asOf ? { asOf: state.asOf } : {}),
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

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
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
