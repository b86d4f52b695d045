// A token bucket per client: each analysis the server has to compute takes one token; tokens come
// back at a steady rate up to a burst. Bounded memory: at most MAX_CLIENTS buckets, least recently
// seen forgotten first (a forgotten client starts again with a full bucket, which only errs towards
// letting a person through).

import { LRUCache } from "lru-cache";

const MAX_CLIENTS = 10_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(client: string, now?: number): RateDecision;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createRateLimiter(ratePerMinute: number, burst: number): RateLimiter {
  if (ratePerMinute <= 0) return { take: () => ({ allowed: true }) };
  const perMs = ratePerMinute / 60_000;
  const buckets = new LRUCache<string, Bucket>({ max: MAX_CLIENTS });
  return {
    take(client, now = Date.now()) {
      const bucket = buckets.get(client) ?? { tokens: burst, updatedAt: now };
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.updatedAt) * perMs);
      bucket.updatedAt = now;
      buckets.set(client, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}

/**
 * Who is asking. Next.js fills X-Forwarded-For with the socket's address only when the request has
 * none (base-server.js: `??=`), so without a proxy in front a client can name itself: behind a proxy
 * that sets the header (BASEWISE_TRUST_PROXY=1) its first entry is the client; otherwise the whole
 * header is the key, which a forging client can vary — the bounded queue still caps the total load.
 */
export function clientKey(headers: Headers, trustProxy: boolean): string {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const key = trustProxy ? (forwarded.split(",")[0] ?? "") : forwarded;
  // Bounded: the key is memory in the bucket map.
  return key.trim().slice(0, 100) || "unknown";
}
