// Shapes of the generated vector files (see generate.py). Kept apart so the
// generated files stay pure data.

export interface VectorTarget {
  pythonVersion: string;
  freeThreaded: boolean;
  libc: { family: "glibc" | "musl"; version: string };
  arch: "x86_64" | "aarch64";
}

export interface TargetTagVector {
  target: VectorTarget;
  length: number;
  /** sha256 of the tag strings joined with "\n": pins the WHOLE ordered list. */
  sha256: string;
  platforms: string[];
  first20: string[];
  last20: string[];
  /** index in the list, -1 when absent */
  positions: Record<string, number>;
  pipInImage: {
    sameList: boolean;
    onlyInPip: string[];
    onlyInPipCount: number;
    missingInPip: string[];
    missingInPipCount: number;
  };
  pipGetSupported: {
    platformArgs: string[];
    sameSet: boolean;
    sameOrder: boolean;
    length: number;
    sha256: string;
    onlyInPipCount: number;
    missingInPipCount: number;
  };
  full?: string[];
}

export interface PriorityVector {
  target: VectorTarget;
  filename: string;
  priority: number | null;
}

export type WheelFilenameVector =
  | { filename: string; valid: false; why: string }
  | {
      filename: string;
      valid: true;
      name: string;
      version: string;
      normalizedVersion: string;
      build: [number, string] | null;
      tags: string[];
    };

export interface SdistPackagingVector {
  filename: string;
  packaging: { name: string; normalizedVersion: string } | null;
}
