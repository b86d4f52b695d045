// PEP 691 content negotiation, the client's half: what to ask for, and how to read what came back.

import { parseHtmlProjectPage } from "./parse-html-page";
import { parseJsonProjectPage } from "./parse-json-page";
import type { PageParseResult } from "./page-common";

/**
 * JSON first; the versioned HTML form next; plain text/html last, for PEP 503-only indexes that
 * predate PEP 691 (the q-values are the ones PEP 691 suggests and pip sends).
 */
export const SIMPLE_API_ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

const JSON_TYPES = new Set(["application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.latest+json", "application/json"]);
const HTML_TYPES = new Set(["application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html", "text/html", "application/xhtml+xml"]);

/** Pages read in this process, by the form they were read as (benchmarks and tests check which reader ran). */
export const pageFormatCounters = { json: 0, html: 0 };

/** Picks the reader by Content-Type (the Content-Type, not the Accept we sent, says what we got). */
export function parseProjectPage(body: Uint8Array, contentType: string | null, pageUrl: string, requestedName: string): PageParseResult {
  const mediaType = (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
  let format: "json" | "html";
  if (JSON_TYPES.has(mediaType)) format = "json";
  else if (HTML_TYPES.has(mediaType)) format = "html";
  else if (/^application\/vnd\.pypi\.simple\.v\d+\+(json|html)$/.test(mediaType)) {
    return { ok: false, message: `the index answered with ${mediaType}, a simple API version this client does not read` };
  } else if (mediaType === "") {
    // No Content-Type at all (a static file server, say): the first character tells.
    format = firstNonBlank(body) === 0x7b /* "{" */ ? "json" : "html";
  } else {
    return { ok: false, message: `the index answered with ${mediaType}, which is not a simple repository page` };
  }

  if (format === "json") {
    // PEP 691 JSON is UTF-8; anything else is a broken page, not something to guess at.
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      return { ok: false, message: "the project page is not valid UTF-8" };
    }
    pageFormatCounters.json++;
    return parseJsonProjectPage(text, pageUrl, requestedName);
  }
  pageFormatCounters.html++;
  // HTML is read leniently, like a browser: a stray byte must not hide the links around it.
  return parseHtmlProjectPage(new TextDecoder("utf-8").decode(body), pageUrl, requestedName);
}

function firstNonBlank(body: Uint8Array): number | undefined {
  for (const byte of body) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) return byte;
  return undefined;
}
