import { describe, expect, it } from "vitest";
import { parseCoreMetadata, readCoreMetadata } from "./core-metadata";

describe("parseCoreMetadata", () => {
  it("reads the resolver's fields, every Requires-Dist, and stops at the body", () => {
    const text = [
      "Metadata-Version: 2.1",
      "Name: requests",
      "Version: 2.31.0",
      "Requires-Python: >=3.7",
      "Provides-Extra: socks",
      "Provides-Extra: use_chardet_on_py3",
      "Requires-Dist: charset-normalizer (<4,>=2)",
      "Requires-Dist: idna (<4,>=2.5)",
      'Requires-Dist: PySocks (!=1.5.7,>=1.5.6) ; extra == "socks"',
      "",
      "Requires-Dist: not-a-header-this-is-the-description",
    ].join("\r\n");
    expect(parseCoreMetadata(text)).toEqual({
      name: "requests",
      version: "2.31.0",
      requiresPython: ">=3.7",
      providesExtra: ["socks", "use_chardet_on_py3"],
      requiresDist: ["charset-normalizer (<4,>=2)", "idna (<4,>=2.5)", 'PySocks (!=1.5.7,>=1.5.6) ; extra == "socks"'],
    });
  });

  it("joins continuation lines and ignores header case", () => {
    const parsed = parseCoreMetadata("name: x\nVERSION: 1.0\nRequires-Dist: a;\n  python_version < '3.8'\nSummary: s\n");
    expect(parsed).toMatchObject({ name: "x", version: "1.0", requiresDist: ["a; python_version < '3.8'"] });
  });

  it("gives empty lists and nulls when fields are missing", () => {
    expect(parseCoreMetadata("Metadata-Version: 1.0\n")).toEqual({ name: null, version: null, requiresDist: [], requiresPython: null, providesExtra: [] });
  });
});

describe("parseCoreMetadata: the email-header rules pip reads METADATA with", () => {
  const base = { name: "demo", version: "1.0", requiresDist: [], requiresPython: null, providesExtra: [] };
  it.each<[string, string, Partial<ReturnType<typeof parseCoreMetadata>>]>([
    ["metadata 1.0: no dependency fields at all", "Metadata-Version: 1.0\nName: demo\nVersion: 1.0\nSummary: s\n", {}],
    ["metadata 1.1: `Requires` names modules, not distributions, and is ignored", "Metadata-Version: 1.1\nName: demo\nVersion: 1.0\nRequires: re\n", {}],
    [
      "metadata 1.2: Requires-Dist with parenthesised specifiers, Requires-Python",
      "Metadata-Version: 1.2\nName: demo\nVersion: 1.0\nRequires-Python: >=2.7, !=3.0.*\nRequires-Dist: six (>=1.9)\n",
      { requiresPython: ">=2.7, !=3.0.*", requiresDist: ["six (>=1.9)"] },
    ],
    [
      "metadata 2.1: extras, markers, then the description as the body",
      'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nProvides-Extra: test\nRequires-Dist: pytest; extra == "test"\nDescription-Content-Type: text/markdown\n\n# demo\nRequires-Dist: in-the-readme\n',
      { providesExtra: ["test"], requiresDist: ['pytest; extra == "test"'] },
    ],
    ["metadata 2.2: Dynamic is ignored", "Metadata-Version: 2.2\nName: demo\nVersion: 1.0\nDynamic: Requires-Dist\n", {}],
    [
      "metadata 2.4: License-Expression and License-File beside the dependency fields",
      "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\nLicense-Expression: MIT\nLicense-File: LICENSE\nRequires-Dist: idna>=3\n",
      { requiresDist: ["idna>=3"] },
    ],
    [
      "a 1.x multi-line Description (continuation lines) is not mistaken for headers",
      "Metadata-Version: 1.1\nName: demo\nVersion: 1.0\nDescription: first\n        |Requires-Dist: no\n        |Version: 9\nPlatform: UNKNOWN\n",
      {},
    ],
    ["a folded Requires-Python", "Name: demo\nVersion: 1.0\nRequires-Python: >=3.8,\n\t<4\n", { requiresPython: ">=3.8, <4" }],
    ["single-use fields: the first one wins (email.message.Message.get)", "Name: demo\nVersion: 1.0\nName: other\nVersion: 2.0\n", {}],
    ["an empty Requires-Python is no constraint", "Name: demo\nVersion: 1.0\nRequires-Python: \n", {}],
    ["empty Requires-Dist and Provides-Extra lines are dropped", "Name: demo\nVersion: 1.0\nRequires-Dist:\nProvides-Extra:   \n", {}],
    ["a leading continuation line belongs to nothing", "  stray\nName: demo\nVersion: 1.0\n", {}],
    ["a line that is not a header starts the body (feedparser's missing separator)", "Name: demo\nVersion: 1.0\nnot a header\nRequires-Dist: body\n", {}],
    ["CR-only line endings", "Name: demo\rVersion: 1.0\rRequires-Dist: a\r", { requiresDist: ["a"] }],
    ["a UTF-8 BOM-less file with non-ASCII values", "Name: demo\nVersion: 1.0\nAuthor: Łukasz\nRequires-Dist: b\n", { requiresDist: ["b"] }],
    ["whitespace around the colon and values", "Name:demo\nVersion:    1.0   \nRequires-Dist:   c >= 1  \n", { requiresDist: ["c >= 1"] }],
  ])("%s", (_, text, expected) => {
    expect(parseCoreMetadata(text)).toEqual({ ...base, ...expected });
  });
});

describe("readCoreMetadata: metadata from an index must be whole", () => {
  it("accepts a complete file and reports its Metadata-Version", () => {
    const reading = readCoreMetadata("Metadata-Version: 2.3\nName: demo\nVersion: 1.0\nRequires-Dist: a\n\nbody without newline");
    expect(reading).toEqual({ ok: true, metadataVersion: "2.3", metadata: { name: "demo", version: "1.0", requiresDist: ["a"], requiresPython: null, providesExtra: [] } });
  });

  it.each<[string, string, RegExp]>([
    ["an empty file", "", /empty/],
    ["only whitespace", " \n\n", /empty/],
    ["cut off inside a header value", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: nump", /cut off/],
    ["cut off inside a header name", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Di", /cut off/],
    ["cut off inside a continuation line", "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Dist: a;\n  python_ver", /cut off/],
    ["cut off before Version", "Metadata-Version: 2.1\nName: demo\n", /no Version/],
    ["no Name", "Metadata-Version: 2.1\nVersion: 1.0\n", /no Name/],
    ["an unknown major Metadata-Version", "Metadata-Version: 3.0\nName: demo\nVersion: 1.0\n", /3\.0 is newer/],
    ["a Metadata-Version that is not a version", "Metadata-Version: two\nName: demo\nVersion: 1.0\n", /not a version number/],
  ])("refuses %s", (_, text, message) => {
    expect(readCoreMetadata(text)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it("a file without Metadata-Version (some hand-written PKG-INFO) is still read", () => {
    expect(readCoreMetadata("Name: demo\nVersion: 1.0\n")).toMatchObject({ ok: true, metadataVersion: null });
  });
});
