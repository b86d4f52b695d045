import { describe, expect, it } from "vitest";
import { parseIndexRoot, type IndexRoot } from "./index-url";
import { jsonApiReleaseUrl, jsonApiRoot, readJsonApiRelease } from "./json-api";

function root(url: string): IndexRoot {
  const parsed = parseIndexRoot(url);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.index;
}

describe("jsonApiRoot: only beside a /simple/ root", () => {
  it.each<[string, string | null]>([
    ["https://pypi.org/simple/", "https://pypi.org/pypi/"],
    ["https://pypi.org/simple", "https://pypi.org/pypi/"],
    ["https://test.pypi.org/simple/", "https://test.pypi.org/pypi/"],
    ["http://127.0.0.1:8000/simple/", "http://127.0.0.1:8000/pypi/"],
    // Nexus and Artifactory nest the whole API under the repository's path.
    ["https://nexus.example/repository/pypi-all/simple/", "https://nexus.example/repository/pypi-all/pypi/"],
    ["https://user:token@artifactory.example/artifactory/api/pypi/pypi-remote/simple/", "https://artifactory.example/artifactory/api/pypi/pypi-remote/pypi/"],
    ["https://devpi.example/root/pypi/+simple/", null],
    ["https://files.example/wheels/", null],
    ["https://example.com/notsimple/", null],
  ])("%s → %s", (indexUrl, expected) => {
    expect(jsonApiRoot(root(indexUrl))?.href ?? null).toBe(expected);
  });

  it("the release URL uses the normalised name and the escaped version", () => {
    const api = jsonApiRoot(root("https://pypi.org/simple/"))!;
    expect(jsonApiReleaseUrl(api, "Typing.Extensions", "4.9.0").href).toBe("https://pypi.org/pypi/typing-extensions/4.9.0/json");
    expect(jsonApiReleaseUrl(api, "x", "1.0+local/../..").href).toBe("https://pypi.org/pypi/x/1.0%2Blocal%2F..%2F../json");
  });
});

describe("readJsonApiRelease", () => {
  const info = { name: "requests", version: "2.31.0", requires_dist: ["idna<4,>=2.5", 'PySocks!=1.5.7,>=1.5.6; extra == "socks"'], requires_python: ">=3.7", provides_extra: ["socks"] };

  it("reads the dependency fields of info", () => {
    expect(readJsonApiRelease(JSON.stringify({ info, urls: [] }))).toEqual({
      ok: true,
      metadata: { name: "requests", version: "2.31.0", requiresDist: info.requires_dist, requiresPython: ">=3.7", providesExtra: ["socks"] },
    });
  });

  it("PyPI's null lists and empty Requires-Python mean none", () => {
    const reading = readJsonApiRelease(JSON.stringify({ info: { name: "six", version: "1.16.0", requires_dist: null, requires_python: "", provides_extra: null } }));
    expect(reading).toEqual({ ok: true, metadata: { name: "six", version: "1.16.0", requiresDist: [], requiresPython: null, providesExtra: [] } });
  });

  it.each<[string, string, RegExp]>([
    ["truncated JSON", JSON.stringify({ info }).slice(0, 40), /not valid JSON/],
    ["no info", JSON.stringify({ urls: [] }), /no "info"/],
    ["info without a name", JSON.stringify({ info: { ...info, name: null } }), /info\.name/],
    ["info without a version", JSON.stringify({ info: { ...info, version: "" } }), /info\.version/],
    ["requires_dist of the wrong shape", JSON.stringify({ info: { ...info, requires_dist: "idna" } }), /requires_dist/],
    ["provides_extra with a non-string", JSON.stringify({ info: { ...info, provides_extra: [1] } }), /provides_extra/],
  ])("refuses %s", (_, text, message) => {
    expect(readJsonApiRelease(text)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });
});
