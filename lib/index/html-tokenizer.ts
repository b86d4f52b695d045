// A small HTML tokenizer: start tags with their attributes, end tags and text, following the
// HTML Living Standard's tokenization rules for the parts a simple repository page uses
// (PEP 503 requires "a valid HTML5 page", and real ones differ in quoting, attribute order,
// case, comments and whitespace). It does not build a tree; the page reader only needs a
// stream of tags and the text between them.

import { decodeHtmlEntities } from "./html-entities";

export type HtmlToken =
  | { type: "start"; name: string; attributes: Map<string, string> }
  | { type: "end"; name: string }
  | { type: "text"; text: string };

// Elements whose content is not markup: a "<a" inside a script is not a link.
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"]);
// Elements whose content is text with character references but no tags.
const ESCAPABLE_RAW_TEXT_ELEMENTS = new Set(["title", "textarea"]);

const WHITESPACE = /[\t\n\f\r ]/;
const ASCII_LETTER = /[A-Za-z]/;

export interface TokenizedHtml {
  tokens: HtmlToken[];
  /** The input ended inside a tag, comment or title: the usual sign of a cut-off download. */
  truncated: boolean;
}

export function tokenizeHtml(html: string): TokenizedHtml {
  const tokens: HtmlToken[] = [];
  let truncated = false;
  let position = 0;
  let textStart = 0;

  const flushText = (end: number) => {
    if (end > textStart) tokens.push({ type: "text", text: decodeHtmlEntities(html.slice(textStart, end)) });
  };

  while (position < html.length) {
    const lt = html.indexOf("<", position);
    if (lt === -1) break;
    const next = html[lt + 1] ?? "";

    if (html.startsWith("<!--", lt)) {
      flushText(lt);
      const close = html.indexOf("-->", lt + 4);
      if (close === -1) truncated = true;
      position = textStart = close === -1 ? html.length : close + 3;
    } else if (next === "!" || next === "?") {
      // DOCTYPE, CDATA and processing instructions: skipped like a bogus comment, up to ">".
      flushText(lt);
      const close = html.indexOf(">", lt + 2);
      if (close === -1) truncated = true;
      position = textStart = close === -1 ? html.length : close + 1;
    } else if (next === "/" && ASCII_LETTER.test(html[lt + 2] ?? "")) {
      flushText(lt);
      const tag = readTag(html, lt + 2);
      if (!tag.complete) truncated = true;
      tokens.push({ type: "end", name: tag.name });
      position = textStart = tag.end;
    } else if (ASCII_LETTER.test(next)) {
      flushText(lt);
      const tag = readTag(html, lt + 1);
      if (!tag.complete) truncated = true;
      tokens.push({ type: "start", name: tag.name, attributes: tag.attributes });
      position = textStart = tag.end;
      if (RAW_TEXT_ELEMENTS.has(tag.name) || ESCAPABLE_RAW_TEXT_ELEMENTS.has(tag.name)) {
        const close = findEndTag(html, tag.name, position);
        if (close === html.length) truncated = true;
        if (ESCAPABLE_RAW_TEXT_ELEMENTS.has(tag.name) && close > position) {
          tokens.push({ type: "text", text: decodeHtmlEntities(html.slice(position, close)) });
        }
        position = textStart = close;
      }
    } else {
      // A lone "<" (as in "a < b") is text.
      position = lt + 1;
    }
  }
  flushText(html.length);
  return { tokens, truncated };
}

interface ReadTag {
  name: string;
  attributes: Map<string, string>;
  end: number;
  /** False when the input ended before the tag's ">". */
  complete: boolean;
}

/** Reads a tag name and its attributes starting just after "<" or "</"; returns the index after ">". */
function readTag(html: string, start: number): ReadTag {
  let position = start;
  while (position < html.length && !WHITESPACE.test(html[position]!) && html[position] !== "/" && html[position] !== ">") position++;
  const name = html.slice(start, position).toLowerCase();
  const attributes = new Map<string, string>();

  while (position < html.length) {
    const char = html[position]!;
    if (char === ">") return { name, attributes, end: position + 1, complete: true };
    if (WHITESPACE.test(char) || char === "/") {
      position++;
      continue;
    }
    // Attribute name: up to whitespace, "/", ">" or "=" (a leading "=" belongs to the name, per the standard).
    const nameStart = position;
    position++;
    while (position < html.length && !/[\t\n\f\r />=]/.test(html[position]!)) position++;
    const attributeName = html.slice(nameStart, position).toLowerCase();
    while (position < html.length && WHITESPACE.test(html[position]!)) position++;

    let value = "";
    if (html[position] === "=") {
      position++;
      while (position < html.length && WHITESPACE.test(html[position]!)) position++;
      const quote = html[position];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, position + 1);
        const valueEnd = close === -1 ? html.length : close;
        value = html.slice(position + 1, valueEnd);
        position = close === -1 ? html.length : close + 1;
      } else {
        const valueStart = position;
        while (position < html.length && !WHITESPACE.test(html[position]!) && html[position] !== ">") position++;
        value = html.slice(valueStart, position);
      }
    }
    // A repeated attribute is a parse error; the first one wins.
    if (!attributes.has(attributeName)) attributes.set(attributeName, decodeHtmlEntities(value));
  }
  return { name, attributes, end: html.length, complete: false };
}

/** Index of the "</name" that closes a raw-text element, or the end of input. */
function findEndTag(html: string, name: string, from: number): number {
  // Case-insensitive search without lower-casing the page (which can change its length).
  const endTag = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, "gi");
  endTag.lastIndex = from;
  const found = endTag.exec(html);
  return found === null ? html.length : found.index;
}
