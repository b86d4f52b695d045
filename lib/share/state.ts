/**
 * The share state: everything needed to reproduce an analysis (requirements, bases, architectures,
 * options and the index date `asOf`), and its compact form in a link: `?s=v2.<base64url(deflate(JSON))>`.
 * Links made before several architectures (`v1.`, one arch and an "emulated" switch) still open: see decode.ts.
 * The input's description (kind, file name, extras, groups, the files given with it) is an optional
 * key of the v2 form, written only when set: a link of a plain paste is the same as before it existed.
 * Encoding only here (it runs in the browser); decoding, with its validation, is in decode.ts.
 */
import { deflateSync } from "fflate";
import { DEFAULT_ESTIMATE } from "@/lib/contract/request-limits";
import type { AnalyzeRequest, Arch, EstimateOptions, InputParameters } from "@/lib/contract/request";

export { DEFAULT_ESTIMATE, type EstimateOptions };

/** A request with every option given (the request contract's fields and bounds), as the page holds it. */
export interface ShareState {
  requirements: string;
  bases: string[];
  /** The architectures to analyse, in the order they are shown (at least one). */
  archs: Arch[];
  noDeps: boolean;
  estimate: EstimateOptions;
  /** The index as of this moment (ISO 8601); null until the first analysis fixes it. */
  asOf: string | null;
  /** What the text is and what goes with it; absent (or all defaults) for a pasted requirements file. */
  input?: InputParameters;
}

/** The input's description when nothing is said: a pasted requirements file, kind detected. */
export const NO_INPUT: InputParameters = { kind: null, fileName: null, extras: [], groups: [], files: [] };

/** Longest `s` parameter a link may carry: chat tools and proxies cut longer URLs. */
export const MAX_LINK_PARAM_CHARS = 8000;
export const SHARE_PREFIX = "v2.";
/** Links made before several architectures; they still open (decode.ts). */
export const SHARE_PREFIX_V1 = "v1.";

export type EncodeResult = { ok: true; param: string } | { ok: false; error: string };

export function encodeShareState(state: ShareState): EncodeResult {
  const compact = {
    r: state.requirements,
    b: state.bases,
    a: state.archs,
    n: state.noDeps,
    e: { c: state.estimate.cores, m: state.estimate.networkMBps, w: state.estimate.cache === "warm", h: state.estimate.buildHost },
    t: state.asOf,
    ...(state.input && !isDefaultInput(state.input) ? { i: compactInput(state.input) } : {}),
  };
  const param = SHARE_PREFIX + toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(compact)), { level: 9 }));
  if (param.length > MAX_LINK_PARAM_CHARS) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    return {
      ok: false,
      error: `This input is too large for a link: compressed it needs ${kb(param.length)}, and links hold at most ${kb(MAX_LINK_PARAM_CHARS)}. Share the requirements file itself, or trim it.`,
    };
  }
  return { ok: true, param };
}

/** How many lines of a shared file name something (not blank, not a comment), for titles and progress. */
export function requirementLineCount(state: Pick<ShareState, "requirements">): number {
  return state.requirements.split("\n").filter((line) => line.trim() && !line.trim().startsWith("#")).length;
}

/** The API request for a share state. */
export function requestFor(state: ShareState): AnalyzeRequest {
  const input = state.input && !isDefaultInput(state.input) ? requestInput(state.input) : null;
  return {
    requirements: state.requirements,
    bases: state.bases,
    archs: state.archs,
    ...(state.noDeps ? { noDeps: true } : {}),
    estimate: state.estimate,
    ...(state.asOf ? { asOf: state.asOf } : {}),
    ...(input ? { input } : {}),
  };
}

/** Nothing said about the input: the request and the link leave it out. */
export function isDefaultInput(input: InputParameters): boolean {
  return input.kind === null && input.fileName === null && input.extras.length === 0 && input.groups.length === 0 && input.files.length === 0;
}

/** Only what is set, so equal inputs make equal requests. */
function requestInput(input: InputParameters): NonNullable<AnalyzeRequest["input"]> {
  return {
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.fileName !== null ? { fileName: input.fileName } : {}),
    ...(input.extras.length ? { extras: [...input.extras] } : {}),
    ...(input.groups.length ? { groups: [...input.groups] } : {}),
    ...(input.files.length ? { files: input.files.map(({ name, text }) => ({ name, text })) } : {}),
  };
}

/** The link's `i`: k kind, n file name, x extras, g groups, f files as [name, text] pairs; each only when set. */
function compactInput(input: InputParameters) {
  return {
    ...(input.kind ? { k: input.kind } : {}),
    ...(input.fileName !== null ? { n: input.fileName } : {}),
    ...(input.extras.length ? { x: input.extras } : {}),
    ...(input.groups.length ? { g: input.groups } : {}),
    ...(input.files.length ? { f: input.files.map(({ name, text }) => [name, text]) } : {}),
  };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
