// The configured index root, and the only URLs the client derives from it.

import { normalizeProjectName } from "./project-name";

export interface IndexRoot {
  /** The root with a trailing slash and without credentials. */
  root: URL;
  /** Basic credentials from `https://user:token@host/simple/` (how pip and uv take them), as a header value. */
  authorization: string | null;
  /** For messages: origin and path only, never the credentials. */
  display: string;
}

export type IndexRootResult = { ok: true; index: IndexRoot } | { ok: false; message: string };

export function parseIndexRoot(indexUrl: string): IndexRootResult {
  let root: URL;
  try {
    root = new URL(indexUrl.trim());
  } catch {
    return { ok: false, message: `the configured index URL is not a URL: ${JSON.stringify(redact(indexUrl))}` };
  }
  if (root.protocol !== "https:" && root.protocol !== "http:") {
    return { ok: false, message: `the configured index URL must be http or https, not ${root.protocol.replace(/:$/, "")}` };
  }
  let authorization: string | null = null;
  if (root.username || root.password) {
    const user = decodeURIComponent(root.username);
    const password = decodeURIComponent(root.password);
    authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    root.username = "";
    root.password = "";
  }
  root.hash = "";
  root.search = "";
  // PEP 503 project URLs are <root>/<name>/: without the slash, URL resolution would replace the last segment.
  if (!root.pathname.endsWith("/")) root.pathname += "/";
  return { ok: true, index: { root, authorization, display: root.origin + root.pathname } };
}

/** PEP 503: `<root>/<normalized name>/`. The caller has already checked the name is a valid project name. */
export function projectPageUrl(index: IndexRoot, name: string): URL {
  return new URL(`${encodeURIComponent(normalizeProjectName(name))}/`, index.root);
}

/** Same origin, and a path under the root's path: the only URLs this client will request. */
export function isUnderIndexRoot(index: IndexRoot, url: URL): boolean {
  return url.origin === index.root.origin && url.pathname.startsWith(index.root.pathname) && !url.username && !url.password;
}

function redact(text: string): string {
  return text.replace(/\/\/[^/@]*@/, "//***@");
}
