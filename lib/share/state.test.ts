import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeShareState } from "./decode";
import { requestParameters } from "@/lib/contract/request";
import { DEFAULT_ESTIMATE, encodeShareState, MAX_LINK_PARAM_CHARS, NO_INPUT, requestFor, type ShareState } from "./state";

const state: ShareState = {
  requirements: "Django==4.2.7\npsycopg2==2.9.9  # needs libpq\n",
  bases: ["python:3.12-slim-bookworm", "python:3.12-alpine3.24"],
  archs: ["amd64", "arm64"],
  noDeps: false,
  estimate: { cores: 8, networkMBps: 12.5, cache: "warm", buildHost: "mac-arm64" },
  asOf: "2026-11-20T10:00:00.000Z",
};

function encoded(s: ShareState): string {
  const result = encodeShareState(s);
  if (!result.ok) throw new Error(result.error);
  return result.param;
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

describe("share links", () => {
  it("round-trip every field, in a URL-safe parameter", () => {
    const param = encoded(state);
    expect(param).toMatch(/^v2\.[A-Za-z0-9_-]+$/);
    expect(decodeShareState(param)).toEqual({ ok: true, state });
  });

  it("compress: a 300-line file fits in a link", () => {
    const requirements = Array.from({ length: 300 }, (_, i) => `package-${i}==1.${i}.0`).join("\n");
    const param = encoded({ ...state, requirements });
    expect(param.length).toBeLessThan(MAX_LINK_PARAM_CHARS);
    expect(decodeShareState(param)).toMatchObject({ ok: true, state: { requirements } });
  });

  it("refuse input too large for a link, with a message", () => {
    const requirements = Array.from({ length: 4000 }, (_, i) => `${Math.random().toString(36).slice(2)}-${i}==${i}`).join("\n");
    const result = encodeShareState({ ...state, requirements });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/too large for a link: .* KB/);
  });

  it("keep a crafted payload as plain data (rendering escapes it), and reject anything malformed", () => {
    const hostile = { ...state, requirements: '<script>alert(1)</script>\njavascript:alert(1)\n"><img src=x onerror=alert(1)>' };
    expect(decodeShareState(encoded(hostile))).toEqual({ ok: true, state: hostile });
    const bad = ["", "v3.abc", "v2.abc", "v1.!!!", "v2.!!!", "v1.AAAA", `v1.${b64url(deflateSync(new TextEncoder().encode("not json")))}`];
    for (const param of bad) expect(decodeShareState(param)).toMatchObject({ ok: false, error: expect.stringMatching(/damaged or was not made by Basewise/) });
  });

  it("validate v2 fields: architectures (one or both, no repeats, no others) and the build host", () => {
    const make = (o: object) => `v2.${b64url(deflateSync(new TextEncoder().encode(JSON.stringify(o))))}`;
    const good = { r: "six\n", b: ["python:3.12-slim"], a: ["arm64", "amd64"], n: false, e: { c: 4, m: 50, w: false, h: "ci-arm64" }, t: null };
    expect(decodeShareState(make(good))).toMatchObject({ ok: true, state: { archs: ["arm64", "amd64"], estimate: { buildHost: "ci-arm64" } } });
    expect(decodeShareState(make({ ...good, a: [] })).ok).toBe(false);
    expect(decodeShareState(make({ ...good, a: ["arm64", "arm64"] })).ok).toBe(false);
    expect(decodeShareState(make({ ...good, a: ["riscv64"] })).ok).toBe(false);
    expect(decodeShareState(make({ ...good, a: "amd64" })).ok).toBe(false);
    expect(decodeShareState(make({ ...good, e: { ...good.e, h: "mainframe" } })).ok).toBe(false);
    // The v1 switch does not belong in a v2 link.
    expect(decodeShareState(make({ ...good, e: { c: 4, m: 50, w: false, q: true } })).ok).toBe(false);
  });

  it("validate fields: unknown keys, bad arch, too many bases, a non-date asOf are refused", () => {
    const make = (o: object) => `v1.${b64url(deflateSync(new TextEncoder().encode(JSON.stringify(o))))}`;
    const good = { r: "six\n", b: ["python:3.12-slim"], a: "amd64", n: false, e: { c: 4, m: 50, w: false, q: false }, t: null };
    expect(decodeShareState(make(good)).ok).toBe(true);
    expect(decodeShareState(make({ ...good, x: 1 })).ok).toBe(false);
    expect(decodeShareState(make({ ...good, a: "riscv" })).ok).toBe(false);
    expect(decodeShareState(make({ ...good, b: Array(13).fill("python:3.12") })).ok).toBe(false);
    expect(decodeShareState(make({ ...good, t: "yesterday" })).ok).toBe(false);
    expect(decodeShareState(make({ ...good, e: { ...good.e, c: 0 } })).ok).toBe(false);
  });

  it("refuse a decompression bomb that fits in a link, without inflating it all", () => {
    const bomb = new Uint8Array(5 * 1024 * 1024).fill(32); // 5 MB of spaces deflates to ~5 KB
    const param = `v1.${b64url(deflateSync(bomb, { level: 9 }))}`;
    expect(param.length).toBeLessThanOrEqual(MAX_LINK_PARAM_CHARS);
    expect(decodeShareState(param)).toMatchObject({ ok: false, error: expect.stringMatching(/does not decompress/) });
  });

  it("become the API request, options included", () => {
    expect(requestFor({ ...state, noDeps: true })).toEqual({
      requirements: state.requirements,
      bases: state.bases,
      archs: ["amd64", "arm64"],
      noDeps: true,
      estimate: state.estimate,
      asOf: state.asOf,
    });
    expect(requestFor({ ...state, asOf: null, estimate: DEFAULT_ESTIMATE })).not.toHaveProperty("asOf");
  });

  it("carry the input's description: kind, file name, extras and groups, and the files given with it, as text", () => {
    const withInput: ShareState = {
      ...state,
      requirements: "-r base.txt\n-c constraints.txt\nDjango==4.2.7\n",
      input: { kind: "requirements", fileName: "requirements/prod.txt", extras: ["db"], groups: ["dev", "test"], files: [{ name: "base.txt", text: "six\n" }, { name: "constraints.txt", text: "six<2\n" }] },
    };
    const param = encoded(withInput);
    expect(decodeShareState(param)).toEqual({ ok: true, state: withInput });
    expect(requestFor(withInput).input).toEqual({ kind: "requirements", fileName: "requirements/prod.txt", extras: ["db"], groups: ["dev", "test"], files: withInput.input?.files });
    expect(requestParameters(requestFor(withInput)).input).toEqual(withInput.input);
  });

  it("leave the input out when nothing is said about it: the link and the request are what they were before it existed", () => {
    expect(encoded({ ...state, input: NO_INPUT })).toBe(encoded(state));
    expect(requestFor({ ...state, input: NO_INPUT })).toEqual(requestFor(state));
    expect(requestFor(state)).not.toHaveProperty("input");
    // Only what is set travels: a kind override alone.
    expect(requestFor({ ...state, input: { ...NO_INPUT, kind: "uv-lock" } }).input).toEqual({ kind: "uv-lock" });
  });

  it("validate the input's fields by the request contract's rules", () => {
    const make = (o: object) => `v2.${b64url(deflateSync(new TextEncoder().encode(JSON.stringify(o))))}`;
    const good = { r: "six\n", b: ["python:3.12-slim"], a: ["amd64"], n: false, e: { c: 4, m: 50, w: false, h: "native" }, t: null };
    expect(decodeShareState(make({ ...good, i: { k: "uv-lock", n: "uv.lock" } }))).toMatchObject({ ok: true, state: { input: { kind: "uv-lock", fileName: "uv.lock", extras: [], groups: [], files: [] } } });
    // Extras and groups are sets, as the request reads them.
    expect(decodeShareState(make({ ...good, i: { x: ["web", "db", "web"] } }))).toMatchObject({ ok: true, state: { input: { extras: ["db", "web"] } } });
    for (const i of [{ k: "setup.py" }, { n: "" }, { x: "db" }, { g: ["g".repeat(101)] }, { f: [["a.txt"]] }, { f: Array(9).fill(["a.txt", "six"]) }, { z: 1 }, "uv.lock"]) {
      expect(decodeShareState(make({ ...good, i })).ok, JSON.stringify(i)).toBe(false);
    }
  });
});
