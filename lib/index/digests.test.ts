import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkDigests, hasStrongDigest } from "./digests";

const body = new TextEncoder().encode("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n\n");
const hex = (algorithm: string) => createHash(algorithm).update(body).digest("hex");

describe("checkDigests", () => {
  it.each<[string, Record<string, string>, ReturnType<typeof checkDigests>]>([
    ["no digests: nothing to hold the body to", {}, { ok: true, checked: [] }],
    ["a matching sha256", { sha256: hex("sha256") }, { ok: true, checked: ["sha256"] }],
    ["upper-case hex and hash name", { SHA256: hex("sha256").toUpperCase() }, { ok: true, checked: ["sha256"] }],
    ["hashlib names mapped to Node's", { sha3_256: hex("sha3-256"), blake2b: hex("blake2b512"), md5: hex("md5") }, { ok: true, checked: ["sha3_256", "blake2b", "md5"] }],
    ["an algorithm hashlib does not guarantee is ignored, as pip does", { whirlpool: "00" }, { ok: true, checked: [] }],
    ["a wrong sha256", { sha256: "0".repeat(64) }, { ok: false, algorithm: "sha256", expected: "0".repeat(64), actual: hex("sha256") }],
    ["every known digest must match, not just one", { sha256: hex("sha256"), sha512: "ab" }, { ok: false, algorithm: "sha512", expected: "ab", actual: hex("sha512") }],
  ])("%s", (_, digests, expected) => {
    expect(checkDigests(body, digests)).toEqual(expected);
  });
});

describe("hasStrongDigest", () => {
  it.each<[Record<string, string>, boolean]>([
    [{}, false],
    [{ md5: "x" }, false],
    [{ sha1: "x" }, false],
    [{ sha256: "x" }, true],
    [{ md5: "x", SHA512: "y" }, true],
  ])("%j → %s", (digests, strong) => {
    expect(hasStrongDigest(digests)).toBe(strong);
  });
});
