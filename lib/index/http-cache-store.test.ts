import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiskCacheStore, MemoryCacheStore, type CachedResponse } from "./http-cache-store";

function entry(url: string, body = "{}"): CachedResponse {
  return {
    url,
    finalUrl: url,
    headers: { "content-type": "application/vnd.pypi.simple.v1+json", "cache-control": "max-age=600" },
    body: new TextEncoder().encode(body),
    requestTime: 1,
    responseTime: 2,
  };
}

describe("DiskCacheStore", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "basewise-cache-test-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips an entry, in a file named by the URL's SHA-256, with no temp files left", async () => {
    const store = new DiskCacheStore(dir);
    const stored = entry("http://127.0.0.1:1/simple/numpy/", '{"files": []}');
    await store.put(stored);
    expect(await store.get(stored.url)).toEqual(stored);
    const files = await readdir(path.join(dir, "simple-pages"));
    expect(files).toEqual([`${createHash("sha256").update(stored.url).digest("hex")}.entry`]);
  });

  it("misses on an unknown URL", async () => {
    expect(await new DiskCacheStore(dir).get("http://127.0.0.1:1/simple/nothing/")).toBeNull();
  });

  it.each<[string, (bytes: Buffer) => Buffer]>([
    ["a truncated body", (bytes) => bytes.subarray(0, bytes.length - 3)],
    ["a flipped body byte", (bytes) => Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from("!")])],
    ["garbage", () => Buffer.from("not a cache entry")],
    ["an empty file", () => Buffer.alloc(0)],
    ["broken metadata JSON", (bytes) => Buffer.from(bytes.toString("latin1").replace('{"url"', '{"url'), "latin1")],
  ])("treats %s as a miss and removes the file", async (_, corrupt) => {
    const store = new DiskCacheStore(dir);
    const stored = entry("http://127.0.0.1:1/simple/six/", '{"files": ["padding"]}');
    await store.put(stored);
    const file = store.fileFor(stored.url);
    await writeFile(file, corrupt(await readFile(file)));
    expect(await store.get(stored.url)).toBeNull();
    await expect(readFile(file)).rejects.toThrow();
  });

  it("does not fail when the directory cannot be written", async () => {
    const blocker = path.join(dir, "a-file");
    await writeFile(blocker, "x");
    const store = new DiskCacheStore(blocker); // simple-pages would have to be created inside a file
    await expect(store.put(entry("http://127.0.0.1:1/simple/x/"))).resolves.toBeUndefined();
    expect(await store.get("http://127.0.0.1:1/simple/x/")).toBeNull();
  });

  it("deletes an entry", async () => {
    const store = new DiskCacheStore(dir);
    await store.put(entry("http://127.0.0.1:1/simple/x/"));
    await store.delete("http://127.0.0.1:1/simple/x/");
    expect(await store.get("http://127.0.0.1:1/simple/x/")).toBeNull();
  });
});

describe("MemoryCacheStore", () => {
  it("evicts the least recently used entries beyond its byte budget", async () => {
    const store = new MemoryCacheStore(10);
    await store.put(entry("a", "aaaa"));
    await store.put(entry("b", "bbbb"));
    await store.get("a"); // a is now the most recently used
    await store.put(entry("c", "cccc"));
    expect(await store.get("a")).not.toBeNull();
    expect(await store.get("b")).toBeNull();
    expect(await store.get("c")).not.toBeNull();
  });

  it("does not keep a body larger than the whole budget", async () => {
    const store = new MemoryCacheStore(3);
    await store.put(entry("a", "aaaa"));
    expect(await store.get("a")).toBeNull();
  });
});
