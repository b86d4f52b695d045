import type { FileBuilder } from "../entries";
import type { InputChoices, LockKind, LockSummary } from "../types";
import { readPdmLock } from "./pdm";
import { readPipfileLock } from "./pipfile";
import { readPoetryLock } from "./poetry";
import { readPylock } from "./pylock";
import { readUvLock } from "./uv";

export interface LockRead {
  builder: FileBuilder;
  lock: LockSummary;
  available: { extras: string[]; groups: string[] };
}

/** Reads a lock file: each pinned package becomes `name==version ; <the lock's marker for it>`. */
export function readLock(kind: LockKind, text: string, choices: InputChoices): LockRead {
  switch (kind) {
    case "uv-lock":
      return readUvLock(text, choices);
    case "poetry-lock":
      return readPoetryLock(text, choices);
    case "pdm-lock":
      return readPdmLock(text, choices);
    case "pipfile-lock":
      return readPipfileLock(text, choices);
    case "pylock":
      return readPylock(text, choices);
  }
}
