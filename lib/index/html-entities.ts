// Character references in HTML text and attribute values (HTML Living Standard §13.2.5.72–80), for
// the small vocabulary simple repository pages use. Indexes escape `data-requires-python` values
// (`&gt;=3.8`, `&lt;4,&gt;=3.7`), and some escape filenames and URLs (`&amp;`), so decoding them
// is what makes a PEP 503 page read the same as its PEP 691 twin.

// Named references seen on real index pages, plus the punctuation a version specifier can contain.
// An unknown name is left as written, which is what a browser does too.
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  equals: "=", excl: "!", tilde: "~", ast: "*", comma: ",", period: ".", plus: "+", minus: "\u2212",
  num: "#", percnt: "%", sol: "/", colon: ":", semi: ";", quest: "?", commat: "@", lowbar: "_",
  lpar: "(", rpar: ")", lsqb: "[", rsqb: "]", verbar: "|", grave: "`", Hat: "^", dollar: "$",
};

// Browsers also accept these four without the trailing ";" (the legacy forms). Handling them keeps
// a page written as `data-requires-python="&gt=3.6"` readable.
const LEGACY_WITHOUT_SEMICOLON = new Set(["amp", "lt", "gt", "quot"]);

const REFERENCE = /&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{0,31});?)/g;

export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (whole: string, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (name === undefined) return whole;
    const hasSemicolon = whole.endsWith(";");
    const replacement = NAMED[name];
    if (replacement === undefined) return whole;
    if (!hasSemicolon && !LEGACY_WITHOUT_SEMICOLON.has(name)) return whole;
    return replacement;
  });
}

// The standard maps NUL, surrogates and out-of-range numbers to U+FFFD rather than failing.
function fromCodePoint(codePoint: number): string {
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(codePoint);
}
