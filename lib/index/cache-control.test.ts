import { describe, expect, it } from "vitest";
import { conditionalHeaders, currentAgeMs, freshnessLifetimeMs, isFresh, isStorable, mergeNotModifiedHeaders, parseCacheControl } from "./cache-control";

describe("parseCacheControl", () => {
  it.each<[string, Record<string, string | true>]>([
    ["max-age=600, public", { "max-age": "600", public: true }],
    ["MAX-AGE=60", { "max-age": "60" }],
    ["no-cache", { "no-cache": true }],
    ['no-cache="Set-Cookie, X-Foo", max-age=5', { "no-cache": "Set-Cookie, X-Foo", "max-age": "5" }],
    [" , max-age = 10 ,, no-store", { "max-age": "10", "no-store": true }],
    ['private="a\\"b"', { private: 'a"b' }],
    ["", {}],
  ])("%j", (header, expected) => {
    expect(Object.fromEntries(parseCacheControl(header).values)).toEqual(expected);
  });

  it("notes repeated directives", () => {
    expect([...parseCacheControl("max-age=5, max-age=600").repeated]).toEqual(["max-age"]);
  });
});

describe("freshness (RFC 9111 §4.2)", () => {
  it.each<[string, Record<string, string>, number | null]>([
    ["max-age", { "cache-control": "max-age=600, public" }, 600_000],
    ["s-maxage ignored by a private cache", { "cache-control": "s-maxage=600" }, null],
    ["max-age beats Expires", { "cache-control": "max-age=10", expires: "Thu, 01 Jan 2099 00:00:00 GMT", date: "Thu, 01 Jan 2024 00:00:00 GMT" }, 10_000],
    ["Expires minus Date", { expires: "Thu, 01 Jan 2024 00:10:00 GMT", date: "Thu, 01 Jan 2024 00:00:00 GMT" }, 600_000],
    ["invalid Expires means expired", { expires: "0" }, 0],
    ["invalid max-age means stale", { "cache-control": "max-age=soon" }, 0],
    ["repeated max-age means stale", { "cache-control": "max-age=600, max-age=60" }, 0],
    ["nothing stated", {}, null],
  ])("lifetime: %s", (_, headers, expected) => {
    expect(freshnessLifetimeMs(headers, Date.parse("Thu, 01 Jan 2024 00:00:00 GMT"))).toBe(expected);
  });

  const stored = (headers: Record<string, string>) => ({ headers, requestTime: 1_000_000, responseTime: 1_000_200 });

  it("ages by Age, request duration and time in the cache", () => {
    expect(currentAgeMs(stored({ age: "30" }), 1_010_200)).toBe(30_000 + 200 + 10_000);
    expect(currentAgeMs(stored({ age: "junk" }), 1_000_200)).toBe(200);
  });

  it.each<[string, Record<string, string>, number, boolean]>([
    ["within max-age", { "cache-control": "max-age=600" }, 1_000_200 + 599_000, true],
    ["past max-age", { "cache-control": "max-age=600" }, 1_000_200 + 600_000, false],
    ["Age eats into max-age", { "cache-control": "max-age=600", age: "590" }, 1_000_200 + 10_000, false],
    ["no-cache always revalidates", { "cache-control": "max-age=600, no-cache" }, 1_000_200, false],
    ["max-age=0", { "cache-control": "max-age=0" }, 1_000_200, false],
    ["no lifetime", { etag: '"x"' }, 1_000_200, false],
  ])("isFresh: %s", (_, headers, now, expected) => {
    expect(isFresh(stored(headers), now)).toBe(expected);
  });
});

describe("storing and revalidating", () => {
  it.each<[string, number, Record<string, string>, boolean]>([
    ["PyPI's pages", 200, { "cache-control": "max-age=600, public" }, true],
    ["no-store", 200, { "cache-control": "max-age=600, no-store" }, false],
    ["no lifetime but an ETag", 200, { etag: '"a"' }, true],
    ["no lifetime but Last-Modified", 200, { "last-modified": "Thu, 01 Jan 2024 00:00:00 GMT" }, true],
    ["no-cache with an ETag", 200, { "cache-control": "no-cache", etag: '"a"' }, true],
    ["nothing to reuse it by", 200, {}, false],
    ["max-age=0 and no validator", 200, { "cache-control": "max-age=0" }, false],
    ["an error page", 404, { "cache-control": "max-age=600" }, false],
    ["a server error", 503, { "cache-control": "max-age=600" }, false],
  ])("isStorable: %s", (_, status, headers, expected) => {
    expect(isStorable(status, headers)).toBe(expected);
  });

  it("builds conditional headers from the stored validators", () => {
    expect(conditionalHeaders({ etag: '"abc"', "last-modified": "Thu, 01 Jan 2024 00:00:00 GMT" })).toEqual({
      "if-none-match": '"abc"',
      "if-modified-since": "Thu, 01 Jan 2024 00:00:00 GMT",
    });
    expect(conditionalHeaders({})).toEqual({});
  });

  it("refreshes stored headers from a 304 but keeps those describing the body", () => {
    const merged = mergeNotModifiedHeaders(
      { "content-type": "application/vnd.pypi.simple.v1+json", "content-length": "1234", etag: '"a"', "cache-control": "max-age=60", age: "50" },
      { "content-length": "0", etag: '"b"', "cache-control": "max-age=600", date: "Thu, 01 Jan 2024 00:00:00 GMT" },
    );
    expect(merged).toEqual({
      "content-type": "application/vnd.pypi.simple.v1+json",
      "content-length": "1234",
      etag: '"b"',
      "cache-control": "max-age=600",
      date: "Thu, 01 Jan 2024 00:00:00 GMT",
    });
  });
});
