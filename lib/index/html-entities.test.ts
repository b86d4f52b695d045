import { describe, expect, it } from "vitest";
import { decodeHtmlEntities } from "./html-entities";

const CASES: Array<[string, string]> = [
  ["&gt;=3.8", ">=3.8"],
  ["&lt;4,&gt;=3.7", "<4,>=3.7"],
  ["&gt;=2.7, !=3.0.*", ">=2.7, !=3.0.*"],
  ["&#62;=3.6", ">=3.6"],
  ["&#x3E;=3.6", ">=3.6"],
  ["&#x3e;&#x3D;3.6", ">=3.6"],
  ["&gt=3.6", ">=3.6"], // legacy form without ";"
  ["&excl;&equals;3.0", "!=3.0"],
  ["&tilde;&equals;1.4", "~=1.4"],
  ["a &amp; b", "a & b"],
  ["&amp;amp;", "&amp;"], // decoded once, not twice
  ["&quot;x&quot; &apos;y&apos; &#x27;z&#39;", "\"x\" 'y' 'z'"],
  ["&unknown; stays", "&unknown; stays"],
  ["&excl without semicolon", "&excl without semicolon"],
  ["&#0;", "\ufffd"],
  ["&#xD800;", "\ufffd"],
  ["&#x110000;", "\ufffd"],
  ["no references", "no references"],
  ["&", "&"],
];

describe("decodeHtmlEntities", () => {
  it.each(CASES)("%j → %j", (input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });
});
