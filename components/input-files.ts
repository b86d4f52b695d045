import { detectInputKind, LOCK_KINDS, type InputFile } from "@/lib/inputs";

// Which of several files dropped together is the one to analyse: a lock (the most exact answer),
// else a pyproject.toml, else the requirements file no other file includes with -r/-c.

const INCLUDE = /^\s*(?:-r|-c|--requirement|--constraint)(?:\s*=\s*|\s+)(\S+)/gm;

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** The index of the main file among files given together. */
export function mainFileIndex(files: readonly InputFile[]): number {
  const kinds = files.map((file) => detectInputKind(file));
  const lock = kinds.findIndex((kind) => (LOCK_KINDS as readonly string[]).includes(kind));
  if (lock >= 0) return lock;
  const pyproject = kinds.indexOf("pyproject");
  if (pyproject >= 0) return pyproject;
  const included = new Set(files.flatMap((file) => [...file.text.matchAll(INCLUDE)].map((m) => baseName(m[1] as string))));
  const top = files.findIndex((file) => file.name === null || !included.has(baseName(file.name)));
  return top >= 0 ? top : 0;
}
