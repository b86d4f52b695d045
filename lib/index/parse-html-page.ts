// Reads a PEP 503 HTML project page (text/html, or application/vnd.pypi.simple.v1+html under
// PEP 691), with the data-* attributes later PEPs added: data-requires-python (PEP 503, as amended),
// data-yanked (PEP 592), data-core-metadata / data-dist-info-metadata (PEP 658, PEP 714).

import { tokenizeHtml } from "./html-tokenizer";
import { filenameFromUrl, resolveFileUrl, unsupportedApiVersion, type PageParseResult } from "./page-common";
import type { IndexFile } from "./types";

interface Anchor {
  attributes: Map<string, string>;
  text: string;
}

export function parseHtmlProjectPage(html: string, pageUrl: string, requestedName: string): PageParseResult {
  const anchors: Anchor[] = [];
  let baseHref: string | null = null;
  let apiVersion: string | null = null;
  let title = "";
  let openAnchor: Anchor | null = null;
  let inTitle = false;

  const { tokens, truncated } = tokenizeHtml(html);
  for (const token of tokens) {
    if (token.type === "text") {
      if (openAnchor) openAnchor.text += token.text;
      if (inTitle) title += token.text;
      continue;
    }
    if (token.type === "end") {
      // </body> and </html> close a link left open, as the HTML parser does.
      if ((token.name === "a" || token.name === "body" || token.name === "html") && openAnchor) {
        anchors.push(openAnchor);
        openAnchor = null;
      }
      if (token.name === "title") inTitle = false;
      continue;
    }
    switch (token.name) {
      case "a":
        // An <a> inside an unclosed <a> closes it first (the HTML parser's "adoption" of nested links).
        if (openAnchor) anchors.push(openAnchor);
        openAnchor = { attributes: token.attributes, text: "" };
        break;
      case "base":
        // Like pip, honour the first <base href>: relative links resolve against it, not the page.
        if (baseHref === null && token.attributes.has("href")) baseHref = token.attributes.get("href") ?? null;
        break;
      case "meta":
        // PEP 629: <meta name="pypi:repository-version" content="1.0">.
        if (token.attributes.get("name")?.toLowerCase() === "pypi:repository-version") apiVersion = token.attributes.get("content")?.trim() || null;
        break;
      case "title":
        inTitle = true;
        break;
    }
  }
  // A page cut off mid-download still tokenizes; refusing it beats silently losing half the files.
  if (truncated || openAnchor) return { ok: false, message: "the project page ends in the middle of a tag or link; it looks cut off" };

  const unsupported = unsupportedApiVersion(apiVersion);
  if (unsupported) return { ok: false, message: unsupported };

  let base = pageUrl;
  if (baseHref !== null) {
    try {
      base = new URL(baseHref, pageUrl).href;
    } catch {
      // An unusable <base> is ignored, as a browser would.
    }
  }

  const files: IndexFile[] = [];
  for (const anchor of anchors) {
    const file = readAnchor(anchor, base);
    if (file) files.push(file);
  }
  // PEP 503 does not require a title, but every index writes "Links for <name>".
  const titled = /^\s*Links for\s+(.+?)\s*$/i.exec(title)?.[1];
  return { ok: true, page: { name: titled ?? requestedName, files, versions: null, apiVersion } };
}

function readAnchor(anchor: Anchor, base: string): IndexFile | null {
  const href = anchor.attributes.get("href");
  if (href === undefined || !href.trim()) return null;
  const resolved = resolveFileUrl(href, base);
  if (!resolved) return null;
  const text = anchor.text.trim();
  const yanked = anchor.attributes.get("data-yanked");
  const requiresPython = anchor.attributes.get("data-requires-python")?.trim();
  return {
    // PEP 503: the link text is the filename (and must match the URL's last segment).
    filename: text || filenameFromUrl(resolved.url),
    url: resolved.url,
    hashes: resolved.fragmentHashes,
    requiresPython: requiresPython ? requiresPython : null,
    // PEP 592: the attribute's presence means yanked; its value, possibly empty, is the reason.
    yanked: yanked === undefined ? false : yanked,
    size: null,
    uploadTime: null,
    coreMetadata: readCoreMetadataAttribute(anchor.attributes.get("data-core-metadata") ?? anchor.attributes.get("data-dist-info-metadata")),
  };
}

/**
 * PEP 658 values are "true" or "<hashname>=<hashvalue>". pip (index/collector.py) treats any other
 * value of a present attribute as "available, no hash", and so does this reader.
 */
function readCoreMetadataAttribute(value: string | undefined): IndexFile["coreMetadata"] {
  if (value === undefined) return false;
  const [hashName, hashValue] = value.trim().split("=", 2);
  if (hashName && hashValue) return { [hashName.toLowerCase()]: hashValue.toLowerCase() };
  return true;
}
