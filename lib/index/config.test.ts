import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexConfigFromEnv } from "./config";

describe("indexConfigFromEnv", () => {
  it.each<[string, Record<string, string>, { indexUrl: string; cacheDir: string | null }]>([
    ["defaults", {}, { indexUrl: "https://pypi.org/simple/", cacheDir: path.resolve(process.cwd(), ".basewise-cache") }],
    ["a private index", { BASEWISE_INDEX_URL: " https://devpi.example/root/pypi/+simple/ " }, { indexUrl: "https://devpi.example/root/pypi/+simple/", cacheDir: path.resolve(process.cwd(), ".basewise-cache") }],
    ["an empty index URL falls back to PyPI", { BASEWISE_INDEX_URL: "" }, { indexUrl: "https://pypi.org/simple/", cacheDir: path.resolve(process.cwd(), ".basewise-cache") }],
    ["cache off", { BASEWISE_CACHE_DIR: "off" }, { indexUrl: "https://pypi.org/simple/", cacheDir: null }],
    ["cache OFF", { BASEWISE_CACHE_DIR: "OFF" }, { indexUrl: "https://pypi.org/simple/", cacheDir: null }],
    ["cache empty", { BASEWISE_CACHE_DIR: "" }, { indexUrl: "https://pypi.org/simple/", cacheDir: null }],
    ["absolute cache dir", { BASEWISE_CACHE_DIR: "/var/cache/basewise" }, { indexUrl: "https://pypi.org/simple/", cacheDir: "/var/cache/basewise" }],
    ["relative cache dir", { BASEWISE_CACHE_DIR: "tmp/cache" }, { indexUrl: "https://pypi.org/simple/", cacheDir: path.resolve(process.cwd(), "tmp/cache") }],
  ])("%s", (_, env, expected) => {
    expect(indexConfigFromEnv(env)).toEqual({ fetchSdists: false, cacheMaxBytes: 1024 * 1024 * 1024, ...expected });
  });

  it.each([["1", true], ["true", true], ["ON", true], ["0", false], ["", false], ["no", false]] as const)("BASEWISE_FETCH_SDISTS=%j → %s", (value, expected) => {
    expect(indexConfigFromEnv({ BASEWISE_FETCH_SDISTS: value }).fetchSdists).toBe(expected);
  });

  it.each<[string | undefined, number]>([
    [undefined, 1024 * 1024 * 1024],
    ["", 1024 * 1024 * 1024],
    ["64", 64 * 1024 * 1024],
    [" 2048 ", 2048 * 1024 * 1024],
    ["0.5", 512 * 1024],
    ["0", 1024 * 1024 * 1024],
    ["-5", 1024 * 1024 * 1024],
    ["lots", 1024 * 1024 * 1024],
    ["Infinity", 1024 * 1024 * 1024],
  ])("BASEWISE_CACHE_MAX_MB=%j → %i bytes", (value, expected) => {
    expect(indexConfigFromEnv({ BASEWISE_CACHE_MAX_MB: value }).cacheMaxBytes).toBe(expected);
  });
});
