/**
 * Which format a file is: by its name when the name says (pyproject.toml, uv.lock, poetry.lock,
 * pdm.lock, Pipfile.lock, pylock.toml and PEP 751's pylock.<name>.toml, *.txt and *.in), else by
 * what its lines start with. One pass over the lines, no parsing: it runs on every keystroke.
 */
import type { InputFile, InputKind } from "./types";

const BY_NAME: Record<string, InputKind> = {
  "pyproject.toml": "pyproject",
  "uv.lock": "uv-lock",
  "poetry.lock": "poetry-lock",
  "pdm.lock": "pdm-lock",
  "pipfile.lock": "pipfile-lock",
  "pylock.toml": "pylock",
};

export function kindFromName(name: string | null): InputKind | null {
  if (name === null) return null;
  const base = (name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1)).toLowerCase();
  const known = BY_NAME[base];
  if (known) return known;
  // PEP 751: "pylock.<name>.toml", the name being one part without dots.
  if (base.startsWith("pylock.") && base.endsWith(".toml") && !base.slice(7, -5).includes(".") && base.length > 12) return "pylock";
  if (base.endsWith(".txt") || base.endsWith(".in")) return "requirements";
  return null;
}

export function detectInputKind(file: InputFile): InputKind {
  return kindFromName(file.name) ?? kindFromContent(file.text);
}

interface Signs {
  projectTables: boolean;
  packageArray: boolean;
  packagesArray: boolean;
  metadataTable: boolean;
  /** Keys written before any table header. */
  topVersion: boolean;
  topLockVersion: boolean;
  topCreatedBy: boolean;
  /** Keys written in [metadata]. */
  dashedLock: boolean;
  underscoredLock: boolean;
  sourceTable: boolean;
}

export function kindFromContent(text: string): InputKind {
  const start = text.trimStart();
  if (start.startsWith("{")) return text.includes('"_meta"') ? "pipfile-lock" : "requirements";
  const signs: Signs = {
    projectTables: false, packageArray: false, packagesArray: false, metadataTable: false, topVersion: false,
    topLockVersion: false, topCreatedBy: false, dashedLock: false, underscoredLock: false, sourceTable: false,
  };
  let table: string | null = null;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      table = headerName(line);
      if (table === "project" || table === "dependency-groups" || table === "build-system" || table.startsWith("tool.poetry") || table.startsWith("project.")) signs.projectTables = true;
      if (line.startsWith("[[")) {
        if (table === "package") signs.packageArray = true;
        if (table === "packages") signs.packagesArray = true;
      }
      if (table === "metadata") signs.metadataTable = true;
      continue;
    }
    const key = keyName(line);
    if (key === null) continue;
    if (table === null) {
      if (key === "version" && /^version\s*=\s*[0-9]+\s*(#.*)?$/.test(line)) signs.topVersion = true;
      if (key === "lock-version") signs.topLockVersion = true;
      if (key === "created-by") signs.topCreatedBy = true;
    } else if (table === "metadata") {
      if (key === "lock-version" || key === "content-hash") signs.dashedLock = true;
      if (key === "lock_version" || key === "content_hash") signs.underscoredLock = true;
    } else if (table === "package" && key === "source" && /^source\s*=\s*\{/.test(line)) {
      signs.sourceTable = true;
    }
  }
  if (signs.packagesArray || (signs.topLockVersion && signs.topCreatedBy)) return "pylock";
  if (signs.metadataTable && signs.underscoredLock) return "pdm-lock";
  if (signs.metadataTable && signs.dashedLock) return "poetry-lock";
  if (signs.packageArray && (signs.topVersion || signs.sourceTable)) return "uv-lock";
  if (signs.projectTables) return "pyproject";
  return "requirements";
}

/** "[ tool.poetry ]" → "tool.poetry", "[[package]]" → "package"; quotes kept off simple names. */
function headerName(line: string): string {
  const inner = line.replace(/^\[\[?/, "");
  const close = inner.indexOf("]");
  return (close === -1 ? inner : inner.slice(0, close)).replace(/[\s"']/g, "");
}

/** The bare key a "key = value" line assigns, else null. */
function keyName(line: string): string | null {
  const equals = line.indexOf("=");
  if (equals <= 0) return null;
  const key = line.slice(0, equals).trim();
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : null;
}
