import { describe, expect, it } from "vitest";
import { parseHtmlProjectPage } from "./parse-html-page";
import type { IndexFile } from "./types";

const PAGE_URL = "https://index.example/simple/requests/";

function filesOf(body: string): IndexFile[] {
  const result = parseHtmlProjectPage(`<!DOCTYPE html><html><body>${body}</body></html>`, PAGE_URL, "requests");
  if (!result.ok) throw new Error(result.message);
  return result.page.files;
}

function only(anchor: string): IndexFile {
  const files = filesOf(anchor);
  expect(files).toHaveLength(1);
  return files[0]!;
}

describe("parseHtmlProjectPage (PEP 503 / 592 / 629 / 658 / 714)", () => {
  it("reads a PyPI-style page", () => {
    const html = [
      "<!DOCTYPE html>",
      "<html>",
      "  <head>",
      '    <meta name="pypi:repository-version" content="1.1">',
      "    <title>Links for requests</title>",
      "  </head>",
      "  <body>",
      "    <h1>Links for requests</h1>",
      '    <a href="https://files.example/packages/70/8e/requests-2.31.0-py3-none-any.whl#sha256=58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f" data-requires-python="&gt;=3.7" data-dist-info-metadata="sha256=fe1c" data-core-metadata="sha256=fe1c">requests-2.31.0-py3-none-any.whl</a><br />',
      '    <a href="https://files.example/packages/9d/be/requests-2.31.0.tar.gz#sha256=942c5a758f98d790eaed1a29cb6eefc7ffb0d1cf7af05c3d2791656dbd6ad1e1" data-requires-python="&gt;=3.7" >requests-2.31.0.tar.gz</a><br />',
      "  </body>",
      "</html>",
    ].join("\n");
    const result = parseHtmlProjectPage(html, PAGE_URL, "requests");
    expect(result).toEqual({
      ok: true,
      page: {
        name: "requests",
        apiVersion: "1.1",
        versions: null,
        files: [
          {
            filename: "requests-2.31.0-py3-none-any.whl",
            url: "https://files.example/packages/70/8e/requests-2.31.0-py3-none-any.whl",
            hashes: { sha256: "58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f" },
            requiresPython: ">=3.7",
            yanked: false,
            size: null,
            uploadTime: null,
            coreMetadata: { sha256: "fe1c" },
          },
          {
            filename: "requests-2.31.0.tar.gz",
            url: "https://files.example/packages/9d/be/requests-2.31.0.tar.gz",
            hashes: { sha256: "942c5a758f98d790eaed1a29cb6eefc7ffb0d1cf7af05c3d2791656dbd6ad1e1" },
            requiresPython: ">=3.7",
            yanked: false,
            size: null,
            uploadTime: null,
            coreMetadata: false,
          },
        ],
      },
    });
  });

  it.each<[string, string, string]>([
    ["root-relative", "/files/r-1.tar.gz", "https://index.example/files/r-1.tar.gz"],
    ["parent-relative", "../../packages/r-1.tar.gz", "https://index.example/packages/r-1.tar.gz"],
    ["same directory", "r-1.tar.gz", "https://index.example/simple/requests/r-1.tar.gz"],
    ["protocol-relative", "//cdn.example/r-1.tar.gz", "https://cdn.example/r-1.tar.gz"],
  ])("resolves a %s href", (_, href, expected) => {
    expect(only(`<a href="${href}">r-1.tar.gz</a>`).url).toBe(expected);
  });

  it("resolves against <base href> when the page has one", () => {
    const result = parseHtmlProjectPage(`<html><head><base href="https://mirror.example/root/"></head><body><a href="pkg/r-1.tar.gz">r-1.tar.gz</a></body></html>`, PAGE_URL, "r");
    expect(result.ok && result.page.files[0]?.url).toBe("https://mirror.example/root/pkg/r-1.tar.gz");
  });

  it.each<[string, string]>([
    ["double quotes, href first", `<a href="r-1.tar.gz#sha256=ABCD" data-requires-python="&gt;=3.8" data-yanked="bad">r-1.tar.gz</a>`],
    ["single quotes, href last", `<a data-yanked='bad' data-requires-python='&gt;=3.8' href='r-1.tar.gz#sha256=abcd'>r-1.tar.gz</a>`],
    ["unquoted and upper case", `<A DATA-REQUIRES-PYTHON=&gt;=3.8 HREF=r-1.tar.gz#sha256=abcd DATA-YANKED=bad>r-1.tar.gz</A>`],
    ["numeric references and newlines", `<a\n href="r-1.tar.gz#sha256=abcd"\n data-requires-python="&#62;&#x3D;3.8"\n data-yanked="b&#97;d"\n>\n  r-1.tar.gz\n</a>`],
  ])("reads the same file whatever the attribute style: %s", (_, anchor) => {
    expect(only(anchor)).toEqual({
      filename: "r-1.tar.gz",
      url: "https://index.example/simple/requests/r-1.tar.gz",
      hashes: { sha256: "abcd" },
      requiresPython: ">=3.8",
      yanked: "bad",
      size: null,
      uploadTime: null,
      coreMetadata: false,
    });
  });

  it.each<[string, string]>([
    ["<4,>=3.7", `data-requires-python="&lt;4,&gt;=3.7"`],
    [">=2.7, !=3.0.*, !=3.1.*", `data-requires-python="&gt;=2.7, !=3.0.*, !=3.1.*"`],
    [">=3.6", `data-requires-python=">=3.6"`], // unescaped > inside quotes is legal HTML
    ["~=3.8", `data-requires-python="&tilde;&equals;3.8"`],
  ])("decodes requires-python %j", (expected, attribute) => {
    expect(only(`<a href="x-1.tar.gz" ${attribute}>x-1.tar.gz</a>`).requiresPython).toBe(expected);
  });

  it.each<[string, string, IndexFile["yanked"]]>([
    ["absent", "", false],
    ["empty value", `data-yanked=""`, ""],
    ["bare attribute", "data-yanked", ""],
    ["with a reason", `data-yanked="Broken: use 2.0.1 &amp; later"`, "Broken: use 2.0.1 & later"],
  ])("yanked: %s", (_, attribute, expected) => {
    expect(only(`<a href="x-1.tar.gz" ${attribute}>x-1.tar.gz</a>`).yanked).toBe(expected);
  });

  it.each<[string, string, IndexFile["coreMetadata"]]>([
    ["absent", "", false],
    ["data-core-metadata=true", `data-core-metadata="true"`, true],
    ["a hash", `data-core-metadata="sha256=ABC1"`, { sha256: "abc1" }],
    ["only the old data-dist-info-metadata", `data-dist-info-metadata="sha256=d0"`, { sha256: "d0" }],
    ["core-metadata preferred over dist-info", `data-dist-info-metadata="sha256=old" data-core-metadata="sha256=new"`, { sha256: "new" }],
    ["an unrecognised value (pip: available, no hash)", `data-core-metadata="yes"`, true],
  ])("metadata: %s", (_, attribute, expected) => {
    expect(only(`<a href="x-1-py3-none-any.whl" ${attribute}>x-1-py3-none-any.whl</a>`).coreMetadata).toEqual(expected);
  });

  it("keeps several hash fragments and ignores non-hash fragments", () => {
    expect(only(`<a href="x-1.tar.gz#md5=aa&amp;sha256=bb">x-1.tar.gz</a>`).hashes).toEqual({ md5: "aa", sha256: "bb" });
    expect(only(`<a href="x-1.tar.gz#egg=x">x-1.tar.gz</a>`)).toMatchObject({ hashes: {}, url: "https://index.example/simple/requests/x-1.tar.gz" });
  });

  it("takes the filename from the URL when the link text is empty, and skips anchors without href", () => {
    expect(filesOf(`<a name="top"></a><a href="/f/x-1.0.tar.gz"></a><a href="/f/y%2B1-2.0.tar.gz"> </a>`).map((f) => f.filename)).toEqual(["x-1.0.tar.gz", "y+1-2.0.tar.gz"]);
  });

  it("reads link text around inline markup and closes unclosed links like a browser", () => {
    expect(filesOf(`<a href="a-1.tar.gz"><span>a-1</span>.tar.gz</a><a href="b-1.tar.gz">b-1.tar.gz<a href="c-1.tar.gz">c-1.tar.gz</a>`).map((f) => f.filename)).toEqual([
      "a-1.tar.gz",
      "b-1.tar.gz",
      "c-1.tar.gz",
    ]);
  });

  it("uses the requested name when there is no title, and null api-version without the meta tag", () => {
    expect(parseHtmlProjectPage(`<a href="x-1.tar.gz">x-1.tar.gz</a>`, PAGE_URL, "x")).toMatchObject({ ok: true, page: { name: "x", apiVersion: null } });
  });

  it("refuses an unknown major repository version (PEP 629)", () => {
    const result = parseHtmlProjectPage(`<meta name="pypi:repository-version" content="2.0"><a href="x">x</a>`, PAGE_URL, "x");
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/2\.0/) });
  });

  it.each([
    ["mid-tag", `<html><body><a href="x-1.tar.gz">x-1.tar.gz</a><br/>\n<a href="x-2.tar`],
    ["mid-link-text", `<html><body><a href="x-1.tar.gz">x-1.tar.gz</a><br/>\n<a href="x-2.tar.gz">x-2.t`],
  ])("refuses a page cut off %s", (_, html) => {
    expect(parseHtmlProjectPage(html, PAGE_URL, "x")).toMatchObject({ ok: false, message: expect.stringMatching(/cut off/) });
  });

  it("accepts an empty project page", () => {
    expect(parseHtmlProjectPage("<!DOCTYPE html><html><body></body></html>", PAGE_URL, "x")).toMatchObject({ ok: true, page: { files: [] } });
  });
});
