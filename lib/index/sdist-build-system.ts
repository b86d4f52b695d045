// Server-only (node:zlib via tar). Reads an sdist's `[build-system]` table (PEP 518/517) from its
// pyproject.toml, the way pip (pyproject.py, load_pyproject_toml) reads it, without running anything.
// Archives: .tar.gz (and other tar compressions node-tar detects) and .zip, the sdist formats pip accepts.

import { unzipSync } from "fflate";
import { parse as parseToml } from "smol-toml";
import { Parser } from "tar";

export interface SdistBuildSystem {
  /** false: the sdist has no pyproject.toml, or one without [build-system]: pip's default applies. */
  declared: boolean;
  /** build-system.requires as written; null when not declared. */
  requires: string[] | null;
  /** build-system.build-backend; null when absent (pip then uses setuptools' legacy backend). */
  backend: string | null;
}

export type SdistBuildSystemReading = { ok: true; value: SdistBuildSystem } | { ok: false; message: string };

// pyproject.toml files are a few KB; anything near this is not one.
const MAX_PYPROJECT_BYTES = 1024 * 1024;
// Bounds the work a hostile archive can cause (a decompression bomb): real sdists unpack to far less.
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export function readSdistBuildSystem(body: Uint8Array, filename: string): SdistBuildSystemReading {
  const lower = filename.toLowerCase();
  const text = lower.endsWith(".zip") ? pyprojectFromZip(body) : pyprojectFromTar(body);
  if (!text.ok) return text;
  if (text.value === null) return { ok: true, value: { declared: false, requires: null, backend: null } };
  return readBuildSystemTable(text.value, filename);
}

/** pip's rules for the table itself (pyproject.py): no [build-system] → default; [build-system] without requires → error. */
export function readBuildSystemTable(pyproject: string, filename: string): SdistBuildSystemReading {
  let document: Record<string, unknown>;
  try {
    document = parseToml(pyproject) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, message: `the pyproject.toml in ${filename} is not valid TOML (${(error as Error).message.split("\n")[0]})` };
  }
  const table = document["build-system"];
  if (table === undefined) return { ok: true, value: { declared: false, requires: null, backend: null } };
  if (typeof table !== "object" || table === null || Array.isArray(table)) return { ok: false, message: `the pyproject.toml in ${filename} has a [build-system] that is not a table` };
  const { requires, "build-backend": backend } = table as Record<string, unknown>;
  // pip: "This package has an invalid pyproject.toml file. The [build-system] table is missing the mandatory `requires` key."
  if (!Array.isArray(requires) || !requires.every((r) => typeof r === "string")) {
    return { ok: false, message: `the pyproject.toml in ${filename} has no valid build-system.requires list; pip refuses to build it` };
  }
  if (backend !== undefined && typeof backend !== "string") return { ok: false, message: `the pyproject.toml in ${filename} has a build-backend that is not a string` };
  return { ok: true, value: { declared: true, requires: requires as string[], backend: backend ?? null } };
}

type PyprojectText = { ok: true; value: string | null } | { ok: false; message: string };

/** An sdist is `{name}-{version}/…`: the pyproject.toml that counts is the one at the top directory. */
function isTopLevelPyproject(path: string): boolean {
  const parts = path.replace(/^\.\//, "").split("/");
  return parts.length === 2 && parts[1] === "pyproject.toml";
}

function pyprojectFromTar(body: Uint8Array): PyprojectText {
  let found: string | null = null;
  let problem: string | null = null;
  let unpacked = 0;
  const parser = new Parser({
    onReadEntry: (entry) => {
      unpacked += entry.size ?? 0;
      if (unpacked > MAX_UNPACKED_BYTES) {
        problem = `it unpacks to more than ${MAX_UNPACKED_BYTES / (1024 * 1024)} MB`;
        parser.abort(new Error(problem));
        return;
      }
      if (found !== null || !isTopLevelPyproject(entry.path) || (entry.size ?? 0) > MAX_PYPROJECT_BYTES) {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on("data", (chunk: Buffer) => chunks.push(chunk));
      entry.on("end", () => {
        found = Buffer.concat(chunks).toString("utf8");
      });
    },
  });
  parser.on("warn", (code: string, message: string) => {
    if (code === "TAR_BAD_ARCHIVE" || code === "TAR_ABORT" || code === "TAR_ENTRY_INVALID") problem ??= message;
  });
  try {
    // node-tar parses (and gunzips) synchronously as it is written to.
    parser.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  } catch (error) {
    problem ??= (error as Error).message;
  }
  if (found !== null) return { ok: true, value: found };
  if (problem !== null) return { ok: false, message: `the sdist could not be unpacked: ${problem}` };
  return { ok: true, value: null };
}

function pyprojectFromZip(body: Uint8Array): PyprojectText {
  try {
    const files = unzipSync(body, { filter: (file) => isTopLevelPyproject(file.name) && file.originalSize <= MAX_PYPROJECT_BYTES });
    const [first] = Object.values(files);
    return { ok: true, value: first ? new TextDecoder("utf-8").decode(first) : null };
  } catch (error) {
    return { ok: false, message: `the sdist could not be unpacked: ${(error as Error).message}` };
  }
}
