import { shorten } from "@/lib/pep440";
import type { Diagnostic, RequirementEntry, RequirementsFile } from "@/lib/requirements-file";
import { MAX_REQUIREMENTS } from "@/lib/requirements-file";
import { emptyFormatControl } from "@/lib/requirements-file/format-control";
import { classifyRequirement } from "@/lib/requirements-file/requirement-line";

/** Collects what one input yields, in the shapes the requirements parser returns. */
export class FileBuilder {
  readonly file: RequirementsFile = {
    requirements: [],
    diagnostics: [],
    options: {
      indexUrl: null, extraIndexUrls: [], noIndex: false, findLinks: [],
      formatControl: emptyFormatControl(),
      preferBinary: false, pre: false, requireHashes: false, includes: [],
    },
  };
  /** Set once MAX_REQUIREMENTS is passed: the input is refused whole, as requirements files are. */
  tooMany = false;

  report(line: number, severity: Diagnostic["severity"], message: string): void {
    this.file.diagnostics.push({ line, severity, message });
  }

  /**
   * Adds one PEP 508 requirement (or direct reference) written at `line`, read the way a
   * requirements-file line is; a requirement that does not parse becomes an error on that line.
   */
  add(text: string, line: number, what = "This dependency"): RequirementEntry | null {
    if (this.file.requirements.length >= MAX_REQUIREMENTS) {
      this.tooMany = true;
      return null;
    }
    const classified = classifyRequirement(text.trim());
    if (!classified.ok) {
      this.report(line, "error", `${what} "${shorten(text, 80)}" is not a valid requirement: ${classified.error}`);
      return null;
    }
    const entry: RequirementEntry = { line, text: text.trim(), editable: false, hashes: [], ...classified.value };
    this.file.requirements.push(entry);
    if (entry.origin.kind === "url") {
      this.report(line, "info", `${entry.name === null ? "This requirement" : shorten(entry.name, 80)} comes from a direct URL, not from the package index; Basewise does not fetch it.`);
    } else if (entry.origin.kind === "path") {
      this.report(line, "warning", `"${shorten(entry.origin.path, 80)}" is a local path; its contents are not in the input, so Basewise cannot analyse it.`);
    }
    return entry;
  }
}

export function tooManyError(): string {
  return `The file has more than ${MAX_REQUIREMENTS} requirements; Basewise analyses at most ${MAX_REQUIREMENTS} at once.`;
}
