import { canonicalizeName, parseRequirement, type Requirement } from "@/lib/pep508";
import { parseWheelFilename } from "@/lib/tags";

// Classifies the requirement part of a line the way pip's parse_req_from_line does: a URL, a local
// path or archive, or a PEP 508 requirement (which may itself be a "name @ url" direct reference).

export type RequirementOrigin =
  /** pip picks a file from the package index: the case Basewise predicts. */
  | { kind: "index" }
  /** A direct URL: "name @ https://…", a bare URL, or a VCS reference such as git+https://…. */
  | { kind: "url"; url: string; vcs: boolean }
  /** A local directory or archive: its contents are not visible from a pasted file. */
  | { kind: "path"; path: string };

export interface ClassifiedRequirement {
  /** PEP 503 normal form, or null when an unnamed URL/path gives no name. */
  name: string | null;
  requirement: Requirement | null;
  origin: RequirementOrigin;
}

export type ClassifyResult = { ok: true; value: ClassifiedRequirement } | { ok: false; error: string };

// pip's is_url(): these schemes make the whole line a link (pip/_internal/vcs).
const VCS_PREFIXES = ["git", "hg", "svn", "bzr"];
const PLAIN_SCHEMES = ["http", "https", "file", "ftp"];
// pip's ARCHIVE_EXTENSIONS (pip/_internal/utils/filetypes.py).
const ARCHIVE_EXTENSIONS = [".zip", ".whl", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar.gz", ".tgz", ".tar"];

function urlScheme(text: string): string | null {
  const colon = text.indexOf(":");
  if (colon === -1) return null;
  const scheme = text.slice(0, colon).toLowerCase();
  if (PLAIN_SCHEMES.includes(scheme)) return scheme;
  const [vcs, transport] = scheme.split("+");
  if (vcs && VCS_PREFIXES.includes(vcs) && (transport === undefined || /^[a-z]+$/.test(transport))) return scheme;
  return null;
}

function looksLikePath(text: string): boolean {
  return text.includes("/") || text.includes("\\") || text.startsWith(".");
}

function isArchive(text: string): boolean {
  const lower = text.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The name pip infers for a link: a wheel's filename, else the #egg= fragment. */
function nameFromLink(location: string): string | null {
  const withoutFragment = location.split("#")[0] ?? location;
  const lastSegment = withoutFragment.split(/[/\\]/).pop() ?? "";
  if (lastSegment.toLowerCase().endsWith(".whl")) {
    // parseWheelFilename refuses a tag set that would expand past MAX_TAG_SET_SIZE (lib/tags).
    const wheel = parseWheelFilename(decodePercent(lastSegment));
    if (wheel) return wheel.name;
  }
  // Linear: "[^&]+" runs to the next "&" or the end and then has nothing left to fail on.
  const egg = /[#&]egg=([^&]+)/.exec(location);
  return egg?.[1] ? canonicalizeName(egg[1].split("[")[0] ?? egg[1]) : null;
}

// A malformed escape ("%zz") makes decodeURIComponent throw; the filename is then taken as written.
function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `text.replace(/\[[^\]]*\]$/, "")` without its quadratic rescans of "[[[[…]": drops a trailing "[extras]". */
export function stripTrailingBrackets(text: string): string {
  if (!text.endsWith("]")) return text;
  // The leftmost "[" after the "]" before the last one: "[^\]]*" cannot cross a "]".
  const previousClose = text.length < 2 ? -1 : text.lastIndexOf("]", text.length - 2);
  const open = text.indexOf("[", previousClose + 1);
  return open === -1 ? text : text.slice(0, open);
}

export function classifyRequirement(text: string): ClassifyResult {
  const scheme = urlScheme(text);
  if (scheme) {
    // pip: for URL lines the marker separator is "; " (a bare ";" may be part of the URL).
    const location = text.split("; ")[0]?.trim() ?? text;
    return {
      ok: true,
      value: { name: nameFromLink(location), requirement: null, origin: { kind: "url", url: location, vcs: scheme.includes("+") || VCS_PREFIXES.includes(scheme) } },
    };
  }
  const beforeMarker = text.split(";")[0]?.trim() ?? text;
  const pathPart = stripTrailingBrackets(beforeMarker);
  const atSplit = beforeMarker.split("@");
  const isPep508Url = atSplit.length >= 2 && !looksLikePath(atSplit[0] ?? "");
  if (!isPep508Url && (looksLikePath(pathPart) || isArchive(pathPart))) {
    return { ok: true, value: { name: nameFromLink(pathPart), requirement: null, origin: { kind: "path", path: pathPart } } };
  }

  const parsed = parseRequirement(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const requirement = parsed.value;
  const origin: RequirementOrigin = requirement.url
    ? { kind: "url", url: requirement.url, vcs: (urlScheme(requirement.url) ?? "").includes("+") }
    : { kind: "index" };
  return { ok: true, value: { name: requirement.normalizedName, requirement, origin } };
}
