import { describe, expect, it } from "vitest";
import { parseProjectPage } from "./page-format";

const JSON_BODY = new TextEncoder().encode('{"meta": {"api-version": "1.0"}, "name": "x", "files": [{"filename": "x-1.tar.gz", "url": "x-1.tar.gz", "hashes": {}}]}');
const HTML_BODY = new TextEncoder().encode('<html><body><a href="x-1.tar.gz">x-1.tar.gz</a></body></html>');
const URL = "http://127.0.0.1/simple/x/";

describe("parseProjectPage picks the reader by Content-Type", () => {
  it.each<[string | null, Uint8Array]>([
    ["application/vnd.pypi.simple.v1+json", JSON_BODY],
    ["application/vnd.pypi.simple.latest+json", JSON_BODY],
    ["application/json; charset=utf-8", JSON_BODY],
    ["application/vnd.pypi.simple.v1+html", HTML_BODY],
    ["text/html; charset=utf-8", HTML_BODY],
    ["TEXT/HTML", HTML_BODY],
    [null, JSON_BODY],
    [null, HTML_BODY],
  ])("%s", (contentType, body) => {
    const result = parseProjectPage(body, contentType, URL, "x");
    expect(result).toMatchObject({ ok: true, page: { files: [{ filename: "x-1.tar.gz", url: "http://127.0.0.1/simple/x/x-1.tar.gz" }] } });
  });

  it.each<[string, Uint8Array, RegExp]>([
    ["application/vnd.pypi.simple.v2+json", JSON_BODY, /does not read/],
    ["text/plain", HTML_BODY, /not a simple repository page/],
    ["application/octet-stream", JSON_BODY, /not a simple repository page/],
    ["application/vnd.pypi.simple.v1+json", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not valid UTF-8/],
    ["application/vnd.pypi.simple.v1+json", HTML_BODY, /not valid JSON/],
  ])("refuses %s", (contentType, body, message) => {
    expect(parseProjectPage(body, contentType, URL, "x")).toMatchObject({ ok: false, message: expect.stringMatching(message) });
  });

  it("reads HTML with a stray invalid byte instead of failing", () => {
    const body = new Uint8Array([...new TextEncoder().encode('<a href="x-1.tar.gz">x-1.tar.gz</a>'), 0xff]);
    expect(parseProjectPage(body, "text/html", URL, "x")).toMatchObject({ ok: true });
  });
});
