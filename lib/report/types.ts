import type { Diagnostic, RequirementOrigin } from "@/lib/requirements-file";
import type { PackageVerdict } from "@/lib/resolve";

// The report: one plain, serialisable value that the API, the pages, share links and the CLI render.
// Bump SCHEMA_VERSION when a field changes meaning or disappears; adding fields keeps the version.
export const SCHEMA_VERSION = 1;

export interface RequirementSummary {
  line: number;
  text: string;
  /** PEP 503 normal form; null for an unnamed URL or path. */
  name: string | null;
  extras: string[];
  specifier: string;
  marker: string | null;
  origin: RequirementOrigin;
  editable: boolean;
  hashes: number;
}

export interface TargetPackage extends PackageVerdict {
  /** Line of the requirement in the pasted file (the first, when a name appears on several lines). */
  line: number | null;
}

export interface TargetReport {
  /** Canonical image reference, e.g. "python:3.12-slim-bookworm". */
  base: string;
  /** What the person asked for, e.g. a floating tag like "python:3.12-slim". */
  requestedAs: string;
  resolvedNote: string | null;
  arch: "amd64" | "arm64";
  python: string;
  libc: { family: "glibc" | "musl"; version: string };
  os: string;
  packageManager: string;
  packages: TargetPackage[];
  /** Requirements whose environment marker is false on this image: pip skips them. */
  skipped: { name: string; line: number; marker: string }[];
  summary: { wheels: number; sdists: number; none: number; unknown: number; direct: number };
}

export interface ReportError {
  /** What the error is about: a base image reference, a package name, or "index". */
  subject: string;
  message: string;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  generatedAt: string;
  asOf: string;
  /** "direct": only the requirements written in the file, like pip --no-deps. */
  mode: "direct";
  index: { host: string };
  requirements: RequirementSummary[];
  options: {
    pre: boolean;
    preferBinary: boolean;
    onlyBinary: string[];
    noBinary: string[];
    requireHashes: boolean;
  };
  diagnostics: Diagnostic[];
  targets: TargetReport[];
  errors: ReportError[];
}

export interface AnalyzeInput {
  requirements: string;
  bases?: string[];
  arch?: "amd64" | "arm64";
  asOf?: string;
}

export type AnalyzeResult = { ok: true; report: Report } | { ok: false; status: 413 | 422; error: string };
