import type { TagTarget } from "../target-tags";
import type { VectorTarget } from "./types";

export function toTarget(v: VectorTarget): TagTarget {
  return { pythonVersion: v.pythonVersion, implementation: "cp", freeThreaded: v.freeThreaded, libc: v.libc, arch: v.arch };
}

export function targetLabel(v: VectorTarget): string {
  return `${v.pythonVersion}${v.freeThreaded ? "t" : ""} ${v.libc.family} ${v.libc.version} ${v.arch}`;
}
