import { describe, expect, it } from "vitest";
import { tokenizeHtml, type HtmlToken } from "./html-tokenizer";

function startTags(html: string): Array<[string, Record<string, string>]> {
  return tokenizeHtml(html)
    .tokens.filter((t): t is Extract<HtmlToken, { type: "start" }> => t.type === "start")
    .map((t) => [t.name, Object.fromEntries(t.attributes)]);
}

describe("tokenizeHtml", () => {
  it.each<[string, string, Record<string, string>]>([
    ["double quotes", `<a href="x.whl">`, { href: "x.whl" }],
    ["single quotes", `<a href='x.whl'>`, { href: "x.whl" }],
    ["unquoted", `<a href=x.whl>`, { href: "x.whl" }],
    ["spaces around =", `<a href = "x.whl" >`, { href: "x.whl" }],
    ["upper-case names", `<A HREF="x.whl" Data-Yanked="">`, { href: "x.whl", "data-yanked": "" }],
    ["boolean attribute", `<a data-yanked href="x">`, { "data-yanked": "", href: "x" }],
    ["quote of the other kind inside", `<a title='say "hi"' href="it's">`, { title: 'say "hi"', href: "it's" }],
    ["> inside a quoted value", `<a data-requires-python=">=3.8" href="x">`, { "data-requires-python": ">=3.8", href: "x" }],
    ["entities in values", `<a data-requires-python="&gt;=3.8,&lt;4">`, { "data-requires-python": ">=3.8,<4" }],
    ["first duplicate wins", `<a href="first" href="second">`, { href: "first" }],
    ["self-closing slash", `<a href="x"/>`, { href: "x" }],
    ["newlines between attributes", `<a\n  href="x"\n  data-core-metadata="true"\n>`, { href: "x", "data-core-metadata": "true" }],
  ])("%s", (_, html, attributes) => {
    expect(startTags(html)).toEqual([["a", attributes]]);
  });

  it("skips comments, doctype and script contents", () => {
    const html = `<!DOCTYPE html><!-- <a href="commented"> --><script>var s = '<a href="scripted">';</script><a href="real">real</a>`;
    expect(startTags(html).map(([name, attrs]) => [name, attrs.href])).toEqual([
      ["script", undefined],
      ["a", "real"],
    ]);
  });

  it("decodes text and reads title content as text", () => {
    const { tokens } = tokenizeHtml("<title>Links for a&amp;b <i>x</i></title><a>f&#45;1.whl</a>");
    const texts = tokens.filter((t) => t.type === "text").map((t) => (t as { text: string }).text);
    expect(texts).toEqual(["Links for a&b <i>x</i>", "f-1.whl"]);
  });

  it("treats a lone < as text", () => {
    const { tokens } = tokenizeHtml("a < b <a href=x>y</a>");
    expect(tokens[0]).toEqual({ type: "text", text: "a < b " });
  });

  it.each([
    ["inside a tag", `<a href="x">x</a><a href="y`],
    ["inside an attribute list", `<a href="x" data-core`],
    ["inside a comment", `<a href="x">x</a><!-- cut`],
    ["inside a title", `<title>Links for`],
  ])("flags input that ends %s as truncated", (_, html) => {
    expect(tokenizeHtml(html).truncated).toBe(true);
  });

  it("does not flag complete input", () => {
    expect(tokenizeHtml(`<html><body><a href="x">x</a><br/>\n</body></html>\n`).truncated).toBe(false);
  });
});
