// Checking a body against the digests an index published for it (PEP 503 `#<hashname>=<hex>`,
// PEP 691 `hashes`, PEP 658 `core-metadata` / `data-core-metadata`). Hash names are Python hashlib
// names; pip checks only the ones hashlib guarantees and ignores the rest, and so does this.

import { createHash, getHashes } from "node:crypto";

// hashlib.algorithms_guaranteed, as named by the index → Node's name for the same digest.
const NODE_ALGORITHM: Record<string, string> = {
  md5: "md5",
  sha1: "sha1",
  sha224: "sha224",
  sha256: "sha256",
  sha384: "sha384",
  sha512: "sha512",
  sha3_224: "sha3-224",
  sha3_256: "sha3-256",
  sha3_384: "sha3-384",
  sha3_512: "sha3-512",
  blake2b: "blake2b512",
  blake2s: "blake2s256",
};

// Digests strong enough to stand for the content itself (a cached body that matches one is that body).
const STRONG = new Set(["sha256", "sha384", "sha512", "sha3_256", "sha3_384", "sha3_512", "blake2b"]);

const available = new Set(getHashes());

export type DigestCheck =
  | { ok: true; checked: string[] }
  | { ok: false; algorithm: string; expected: string; actual: string };

/**
 * Every digest this process can compute must match (pip is content with any one matching; a
 * page that publishes two digests of which one is wrong is broken, and this says so). A check
 * with nothing checked passes: the index gave no digest it could be held to.
 */
export function checkDigests(body: Uint8Array, digests: Record<string, string>): DigestCheck {
  const checked: string[] = [];
  for (const [name, expectedHex] of Object.entries(digests)) {
    const algorithm = NODE_ALGORITHM[name.toLowerCase()];
    if (!algorithm || !available.has(algorithm)) continue;
    const expected = expectedHex.trim().toLowerCase();
    const actual = createHash(algorithm).update(body).digest("hex");
    if (actual !== expected) return { ok: false, algorithm: name.toLowerCase(), expected, actual };
    checked.push(name.toLowerCase());
  }
  return { ok: true, checked };
}

/** Whether the digests include one that pins the content (so a stored body need never be asked for again). */
export function hasStrongDigest(digests: Record<string, string>): boolean {
  return Object.keys(digests).some((name) => STRONG.has(name.toLowerCase()) && available.has(NODE_ALGORITHM[name.toLowerCase()] ?? ""));
}
