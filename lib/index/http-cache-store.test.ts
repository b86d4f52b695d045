import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiskCacheStore, MemoryCacheStore, type CachedResponse } from "./http-cache-store";

const JSON_ACCEPT = "application/vnd.pypi.simple.v1+json";

function entry(url: string, body = "{}", accept = JSON_ACCEPT): CachedResponse {
  return {
    url,
    accept,
    finalUrl: url,
    headers: { "content-type": accept, "cache-control": "max-age=600" },
    varying: {},
    body: new TextEncoder().encode(body),
    requestTime: 1,
    responseTime: 2,
  };
}

const key = (url: string, accept = JSON_ACCEPT) => ({ url, accept });

describe("DiskCacheStore", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "basewise-cache-test-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips an entry, in a file named by the SHA-256 of Accept and URL, with no temp files left", async () => {
    const store = new DiskCacheStore(dir);
    const stored = { ...entry("http://127.0.0.1:1/simple/numpy/", '{"files": []}'), varying: { "user-agent": "basewise" } };
    await store.put(stored);
    expect(await store.get(stored)).toEqual(stored);
    const files = await readdir(path.join(dir, "simple-pages"));
    expect(files).toEqual([`${createHash("sha256").update(`${JSON_ACCEPT}\n${stored.url}`).digest("hex")}.entry`]);
  });

  it("keeps the JSON and HTML answers for one URL apart (PEP 691 negotiates on Accept)", async () => {
    const store = new DiskCacheStore(dir);
    const url = "http://127.0.0.1:1/simple/six/";
    await store.put(entry(url, '{"json": true}', JSON_ACCEPT));
    await store.put(entry(url, "<html></html>", "text/html"));
    expect(new TextDecoder().decode((await store.get(key(url, JSON_ACCEPT)))?.body)).toBe('{"json": true}');
    expect(new TextDecoder().decode((await store.get(key(url, "text/html")))?.body)).toBe("<html></html>");
    expect(await store.get(key(url, "application/json"))).toBeNull();
    await store.delete(key(url, "text/html"));
    expect(await store.get(key(url, "text/html"))).toBeNull();
    expect(await store.get(key(url, JSON_ACCEPT))).not.toBeNull();
  });

  it("misses on an unknown URL", async () => {
    expect(await new DiskCacheStore(dir).get(key("http://127.0.0.1:1/simple/nothing/"))).toBeNull();
  });

  it.each<[string, (bytes: Buffer) => Buffer]>([
    ["a truncated body", (bytes) => bytes.subarray(0, bytes.length - 3)],
    ["a flipped body byte", (bytes) => Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from("!")])],
    ["garbage", () => Buffer.from("not a cache entry")],
    ["an empty file", () => Buffer.alloc(0)],
    ["broken metadata JSON", (bytes) => Buffer.from(bytes.toString("latin1").replace('{"url"', '{"url'), "latin1")],
    ["a version 1 entry (no Accept recorded)", (bytes) => Buffer.from(bytes.toString("latin1").replace("basewise-http-cache 2", "basewise-http-cache 1"), "latin1")],
    ["another Accept's entry under this name", (bytes) => Buffer.from(bytes.toString("latin1").replace(`"accept":"${JSON_ACCEPT}"`, '"accept":"text/html"'), "latin1")],
  ])("treats %s as a miss and removes the file", async (_, corrupt) => {
    const store = new DiskCacheStore(dir);
    const stored = entry("http://127.0.0.1:1/simple/six/", '{"files": ["padding"]}');
    await store.put(stored);
    const file = store.fileFor(stored);
    await writeFile(file, corrupt(await readFile(file)));
    expect(await store.get(stored)).toBeNull();
    await expect(readFile(file)).rejects.toThrow();
  });

  it("does not fail when the directory cannot be written", async () => {
    const blocker = path.join(dir, "a-file");
    await writeFile(blocker, "x");
    const store = new DiskCacheStore(blocker); // simple-pages would have to be created inside a file
    await expect(store.put(entry("http://127.0.0.1:1/simple/x/"))).resolves.toBeUndefined();
    expect(await store.get(key("http://127.0.0.1:1/simple/x/"))).toBeNull();
  });

  it("deletes an entry", async () => {
    const store = new DiskCacheStore(dir);
    await store.put(entry("http://127.0.0.1:1/simple/x/"));
    await store.delete(key("http://127.0.0.1:1/simple/x/"));
    expect(await store.get(key("http://127.0.0.1:1/simple/x/"))).toBeNull();
  });
});

describe("DiskCacheStore size cap (least recently used out)", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "basewise-cache-cap-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const KB = 1024;
  const url = (name: string) => `http://127.0.0.1:1/simple/${name}/`;
  const body = (bytes: number) => "x".repeat(bytes);
  const pages = () => path.join(dir, "simple-pages");
  async function directoryBytes(): Promise<number> {
    let total = 0;
    for (const name of await readdir(pages())) total += (await stat(path.join(pages(), name))).size;
    return total;
  }
  /** Sets an entry's recency as a read at `secondsAgo` would have. */
  async function usedAgo(store: DiskCacheStore, name: string, secondsAgo: number): Promise<void> {
    const when = new Date(Date.now() - secondsAgo * 1000);
    await utimes(store.fileFor(key(url(name))), when, when);
  }
  async function present(store: DiskCacheStore, names: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const name of names) {
      try {
        await stat(store.fileFor(key(url(name))));
        found.push(name);
      } catch {
        // evicted
      }
    }
    return found;
  }

  it("removes the least recently used entries down to 90 % of the cap, once the cap is passed", async () => {
    // What one entry with a 1 KB body takes on disk (the body, a format line and a metadata line).
    const probe = new DiskCacheStore(path.join(dir, "probe"));
    await probe.put(entry(url("a"), body(KB)));
    const size = (await stat(probe.fileFor(key(url("a"))))).size;
    // Room for five and a half: the sixth entry passes the cap and eviction goes down to 4.95 entries.
    const store = new DiskCacheStore(dir, { maxBytes: 5.5 * size, scanEveryPuts: 1000 });
    const names = ["a", "b", "c", "d", "e"];
    for (const [i, name] of names.entries()) {
      await store.put(entry(url(name), body(KB)));
      await store.settled();
      await usedAgo(store, name, 100 - i); // a is the oldest ... e the newest
    }
    expect(await present(store, names)).toEqual(names);
    await usedAgo(store, "a", 1); // a read: now the most recently used
    await store.put(entry(url("f"), body(KB)));
    await store.settled();
    expect(await present(store, [...names, "f"])).toEqual(["a", "d", "e", "f"]);
    expect(await directoryBytes()).toBe(4 * size);
  });

  it("a read marks an entry as recently used (its mtime)", async () => {
    const store = new DiskCacheStore(dir, { maxBytes: 1024 * KB });
    await store.put(entry(url("a"), body(10)));
    await usedAgo(store, "a", 3600);
    const before = (await stat(store.fileFor(key(url("a"))))).mtimeMs;
    expect(await store.get(key(url("a")))).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the touch is not awaited by get
    expect((await stat(store.fileFor(key(url("a"))))).mtimeMs).toBeGreaterThan(before + 3000_000);
  });

  it("never keeps an entry larger than the whole cap, and drops the older variant it replaces", async () => {
    const store = new DiskCacheStore(dir, { maxBytes: 2 * KB });
    await store.put(entry(url("big"), body(100)));
    await store.put(entry(url("big"), body(4 * KB)));
    expect(await store.get(key(url("big")))).toBeNull();
  });

  it("sees other processes' writes at its periodic scan, and evicts them too", async () => {
    const mine = new DiskCacheStore(dir, { maxBytes: 8 * KB, scanEveryPuts: 3 });
    const other = new DiskCacheStore(dir, { maxBytes: Number.POSITIVE_INFINITY });
    await mine.put(entry(url("mine-0"), body(KB)));
    await mine.settled(); // the first put scans (it learns the directory's size)
    for (let i = 0; i < 10; i++) await other.put(entry(url(`other-${i}`), body(KB)));
    expect(await directoryBytes()).toBeGreaterThan(8 * KB);
    await mine.put(entry(url("mine-1"), body(KB)));
    await mine.put(entry(url("mine-2"), body(KB)));
    await mine.settled();
    expect(await directoryBytes()).toBeGreaterThan(8 * KB); // two puts: no scan yet, by design
    await mine.put(entry(url("mine-3"), body(KB)));
    await mine.settled();
    expect(await directoryBytes()).toBeLessThanOrEqual(8 * KB * 0.9);
  });

  it("scans at most once per scanEveryPuts puts while under the cap", async () => {
    const store = new DiskCacheStore(dir, { maxBytes: 1024 * KB, scanEveryPuts: 10 });
    const { diskCacheCounters } = await import("./http-cache-store");
    const before = diskCacheCounters.scans;
    for (let i = 0; i < 35; i++) {
      await store.put(entry(url(`p${i}`), body(100)));
      await store.settled();
    }
    // The first put, then puts 11, 21 and 31.
    expect(diskCacheCounters.scans - before).toBe(4);
  });

  it("counts temp files being written but never removes them; removes abandoned ones", async () => {
    const store = new DiskCacheStore(dir, { maxBytes: 4 * KB, scanEveryPuts: 1 });
    await store.put(entry(url("a"), body(KB)));
    await store.settled();
    await usedAgo(store, "a", 100);
    const writing = path.join(pages(), "0".repeat(64) + ".entry.123.abc.tmp");
    const abandoned = path.join(pages(), "1".repeat(64) + ".entry.456.def.tmp");
    await writeFile(writing, body(2 * KB));
    await writeFile(abandoned, body(10));
    const longAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(abandoned, longAgo, longAgo);
    await store.put(entry(url("b"), body(KB)));
    await store.settled();
    const left = await readdir(pages());
    expect(left).toContain(path.basename(writing));
    expect(left).not.toContain(path.basename(abandoned));
    // 2 KB in flight plus two ~1.3 KB entries is over 4 KB: the older entry went, the one being written stayed.
    expect(await present(store, ["a", "b"])).toEqual(["b"]);
  });

  it("tolerates entries vanishing under it (another process evicting)", async () => {
    const store = new DiskCacheStore(dir, { maxBytes: 4 * KB, scanEveryPuts: 1 });
    for (let i = 0; i < 3; i++) await store.put(entry(url(`v${i}`), body(KB)));
    await store.settled();
    await rm(pages(), { recursive: true, force: true });
    await expect(store.put(entry(url("after"), body(KB)))).resolves.toBeUndefined();
    await store.settled();
    expect(await store.get(key(url("after")))).not.toBeNull();
    expect(await store.get(key(url("v0")))).toBeNull();
  });
});

describe("MemoryCacheStore", () => {
  // Each entry counts its body plus 1 KB of overhead.
  const KB = 1024;

  it("evicts the least recently used entries beyond its byte budget", async () => {
    const store = new MemoryCacheStore(2 * KB + 10);
    await store.put(entry("a", "aaaa"));
    await store.put(entry("b", "bbbb"));
    await store.get(key("a")); // a is now the most recently used
    await store.put(entry("c", "cccc"));
    expect(await store.get(key("a"))).not.toBeNull();
    expect(await store.get(key("b"))).toBeNull();
    expect(await store.get(key("c"))).not.toBeNull();
    expect(store.storedBytes).toBe(2 * (KB + 4));
  });

  it("does not keep a body larger than the whole budget", async () => {
    const store = new MemoryCacheStore(KB + 3);
    await store.put(entry("a", "aaaa"));
    expect(await store.get(key("a"))).toBeNull();
    expect(store.storedBytes).toBe(0);
  });

  it("keeps Accept variants apart and counts many small entries against the budget", async () => {
    const store = new MemoryCacheStore(10 * KB);
    await store.put(entry("u", "json", JSON_ACCEPT));
    await store.put(entry("u", "html", "text/html"));
    expect(new TextDecoder().decode((await store.get(key("u", "text/html")))?.body)).toBe("html");
    expect(new TextDecoder().decode((await store.get(key("u", JSON_ACCEPT)))?.body)).toBe("json");
    for (let i = 0; i < 100; i++) await store.put(entry(`m${i}`, "x"));
    expect(store.storedBytes).toBeLessThanOrEqual(10 * KB);
  });
});
