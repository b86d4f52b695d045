import { parseVersion } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { parseTagSet, type Tag } from "./tag";

export interface WheelFilename {
  /** PEP 503 normalised project name */
  name: string;
  /** the version exactly as written in the filename (valid PEP 440, not normalised: compare with lib/pep440) */
  version: string;
  /** PEP 427 build tag: leading digits as a number, the rest as a string (pip sorts by the pair) */
  build: { number: number; tag: string } | null;
  /** compressed tag sets expanded: every interpreter × abi × platform combination */
  tags: Tag[];
}

// PEP 427: the build tag must start with a digit. ASCII digits only, as in packaging.
const BUILD_TAG = /^([0-9]+)(.*)/;
// packaging checks the escaped name with Python's Unicode \w ("letters, digits,
// underscore"), plus ".". \p{L}\p{N} is JavaScript's closest equivalent.
const NAME_PART = /^[\p{L}\p{N}_.]*$/u;

/**
 * Parses "{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl" with the
 * rules of packaging.utils.parse_wheel_filename (26.x); anything it would raise
 * InvalidWheelFilename for returns null:
 * - the extension must be exactly ".whl" (case-sensitive);
 * - exactly 4 or 5 dashes, so name and version can't contain "-" (PEP 427 escapes them to "_");
 * - the name part may only hold letters, digits, "_" and "." and never "__";
 * - the version must be valid PEP 440; the build tag must start with a digit.
 *
 * pip 23.2.1 differs (pip/_internal/models/wheel.py uses its own regex): it accepts
 * "__" in names and non-PEP 440 versions (parsed later as LegacyVersion) and rejects
 * whitespace anywhere. Files that differ are broken uploads; current pip (24.1+)
 * follows packaging, so we do too.
 */
export function parseWheelFilename(filename: string): WheelFilename | null {
  if (!filename.endsWith(".whl")) return null;
  const stem = filename.slice(0, -".whl".length);
  const dashes = countDashes(stem);
  if (dashes !== 4 && dashes !== 5) return null;

  const parts = stem.split("-");
  const namePart = parts[0] ?? "";
  const version = parts[1] ?? "";
  if (namePart.includes("__") || !NAME_PART.test(namePart)) return null;
  if (parseVersion(version) === null) return null;

  let build: WheelFilename["build"] = null;
  if (dashes === 5) {
    const m = BUILD_TAG.exec(parts[2] ?? "");
    if (!m) return null;
    build = { number: Number(m[1]), tag: m[2] ?? "" };
  }

  const tags = parseTagSet(parts.slice(dashes - 2).join("-"));
  if (!tags) return null;
  return { name: canonicalizeName(namePart), version, build, tags };
}

function countDashes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 45) n++;
  return n;
}
