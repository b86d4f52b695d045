import { applyFormatOption, emptyFormatControl, type FormatControl } from "./format-control";
import { shorten } from "@/lib/pep440";
import { MAX_LINE_LENGTH, MAX_REQUIREMENTS, requirementsTooLarge } from "./limits";
import { sourceLines, type OverlongLine } from "./lines";
import { parseOptionWords, type ParsedOption } from "./options";
import { classifyRequirement, type ClassifiedRequirement } from "./requirement-line";
import { splitShellWords } from "./shell-words";

export interface Diagnostic {
  /** 1-based line in the pasted text. */
  line: number;
  severity: "error" | "warning" | "info";
  message: string;
  /** Set when the line is in a file the main file includes (-r/-c); `line` is then that file's line. */
  file?: string;
}

export interface RequirementEntry extends ClassifiedRequirement {
  line: number;
  /** The requirement as written, without its options. */
  text: string;
  editable: boolean;
  hashes: string[];
  /** Set when the requirement comes from a file the main file includes (-r); `line` is then that file's line. */
  file?: string;
}

export interface FileOptions {
  indexUrl: string | null;
  extraIndexUrls: string[];
  noIndex: boolean;
  findLinks: string[];
  formatControl: FormatControl;
  preferBinary: boolean;
  pre: boolean;
  requireHashes: boolean;
  /** -r / -c lines: files pip would read, which a paste does not contain. */
  includes: { line: number; kind: "requirements" | "constraints"; path: string }[];
}

export interface RequirementsFile {
  requirements: RequirementEntry[];
  options: FileOptions;
  diagnostics: Diagnostic[];
  /** pip constraints (-c files followed by lib/inputs): they restrict versions of packages installed for other reasons, never add one. */
  constraints?: RequirementEntry[];
}

export type ParseResult = { ok: true; file: RequirementsFile } | { ok: false; error: string };

/**
 * Parses pip's requirements-file format. A problem on one line becomes a diagnostic for that line and
 * the other lines are still parsed; only oversized input is refused as a whole.
 */
export function parseRequirementsFile(text: string): ParseResult {
  const tooLarge = requirementsTooLarge(text);
  if (tooLarge) return { ok: false, error: tooLarge };

  const file: RequirementsFile = { requirements: [], options: emptyOptions(), diagnostics: [] };
  for (const line of sourceLines(text)) {
    if (line.kind === "overlong") {
      file.diagnostics.push({ line: line.lineNumber, severity: "error", message: overlongMessage(line) });
      continue;
    }
    parseLine(line.lineNumber, line.text, file);
    if (file.requirements.length > MAX_REQUIREMENTS) {
      return { ok: false, error: `The file has more than ${MAX_REQUIREMENTS} requirements; Basewise analyses at most ${MAX_REQUIREMENTS} at once.` };
    }
  }
  return { ok: true, file };
}

function overlongMessage(line: OverlongLine): string {
  const count = (n: number) => n.toLocaleString("en-US");
  const limit = `Basewise reads lines of at most ${count(MAX_LINE_LENGTH)} characters (${MAX_LINE_LENGTH / 1024} KiB)`;
  const joined = line.lastLineNumber > line.lineNumber;
  if (line.physical && !joined) return `This line is ${count(line.physical.length)} characters long; ${limit}, so it was skipped.`;
  if (line.physical) {
    return `Line ${line.physical.lineNumber} is ${count(line.physical.length)} characters long; ${limit}, so lines ${line.lineNumber}–${line.lastLineNumber} (joined by "\\" continuations) were skipped.`;
  }
  return `Lines ${line.lineNumber}–${line.lastLineNumber} join (by "\\" continuations) into one line of ${count(line.length)} characters; ${limit}, so they were skipped.`;
}

function emptyOptions(): FileOptions {
  return {
    indexUrl: null, extraIndexUrls: [], noIndex: false, findLinks: [], formatControl: emptyFormatControl(),
    preferBinary: false, pre: false, requireHashes: false, includes: [],
  };
}

// pip's break_args_options: everything before the first word starting with "-" is the requirement.
function splitRequirementAndOptions(line: string): { requirement: string; options: string } {
  const tokens = line.split(" ");
  const firstOption = tokens.findIndex((token) => token.startsWith("-"));
  if (firstOption === -1) return { requirement: line, options: "" };
  return { requirement: tokens.slice(0, firstOption).join(" "), options: tokens.slice(firstOption).join(" ") };
}

function parseLine(line: number, text: string, file: RequirementsFile): void {
  const report = (severity: Diagnostic["severity"], message: string): void => {
    file.diagnostics.push({ line, severity, message });
  };
  if (/\$\{[A-Z0-9_]+\}/.test(text)) {
    report("warning", "This line uses an environment variable; pip would substitute it, Basewise analyses the text as written.");
  }

  const parts = splitRequirementAndOptions(text);
  const words = splitShellWords(parts.options);
  if (!words.ok) return report("error", `Could not read the options on this line: ${words.error}.`);
  const parsed = parseOptionWords(words.words);
  if (!parsed.ok) return report("error", parsed.error);

  let requirementText = parts.requirement.trim();
  let editable = false;
  const editableOption = parsed.options.find((o) => o.name === "editable");
  if (editableOption && !requirementText) {
    requirementText = editableOption.value ?? "";
    editable = true;
  }

  if (requirementText) {
    addRequirement(line, requirementText, editable, parsed.options, file, report);
  } else {
    for (const option of parsed.options) applyFileOption(line, option, file, report);
  }
}

function addRequirement(
  line: number,
  text: string,
  editable: boolean,
  options: readonly ParsedOption[],
  file: RequirementsFile,
  report: (severity: Diagnostic["severity"], message: string) => void,
): void {
  const classified = classifyRequirement(text);
  if (!classified.ok) return report("error", classified.error);
  const hashes = options.filter((o) => o.name === "hash").map((o) => o.value ?? "");
  for (const option of options) {
    // pip silently ignores file-wide options written after a requirement; say so instead.
    if (option.scope === "file" && option.name !== "editable") {
      report("warning", `pip ignores --${option.name} on a requirement line; put it on a line of its own.`);
    }
  }
  const entry: RequirementEntry = { line, text, editable, hashes, ...classified.value };
  file.requirements.push(entry);
  if (entry.origin.kind === "path") {
    report("warning", `"${shorten(entry.origin.path, 80)}" is a local path; its contents are not in the paste, so Basewise cannot analyse it.`);
  } else if (entry.origin.kind === "url") {
    report("info", `${entry.name === null ? "This requirement" : shorten(entry.name, 80)} comes from a direct URL, not from the package index; Basewise does not fetch it.`);
  }
}

function applyFileOption(
  line: number,
  option: ParsedOption,
  file: RequirementsFile,
  report: (severity: Diagnostic["severity"], message: string) => void,
): void {
  const options = file.options;
  const value = option.value ?? "";
  switch (option.name) {
    case "index-url":
      options.indexUrl = value;
      report("info", "Basewise reads its own configured package index; this index URL is recorded, not contacted.");
      break;
    case "extra-index-url":
      options.extraIndexUrls.push(value);
      report("info", "Basewise reads its own configured package index; this extra index is recorded, not contacted.");
      break;
    case "no-index":
      options.noIndex = true;
      report("warning", "--no-index: pip would only use --find-links locations, which Basewise cannot see; it analyses against its index instead.");
      break;
    case "find-links":
      options.findLinks.push(value);
      report("info", "--find-links locations are recorded, not contacted.");
      break;
    case "requirement":
    case "constraint":
      options.includes.push({ line, kind: option.name === "requirement" ? "requirements" : "constraints", path: value });
      report(
        "warning",
        option.name === "requirement"
          ? `This line includes "${shorten(value, 80)}", which is not part of the paste; paste its contents too for a complete analysis.`
          : `This line applies the constraints in "${shorten(value, 80)}", which is not part of the paste; Basewise analyses without them.`,
      );
      break;
    case "no-binary":
    case "only-binary":
      options.formatControl = applyFormatOption(options.formatControl, option.name, value);
      break;
    case "prefer-binary":
      options.preferBinary = true;
      break;
    case "pre":
      options.pre = true;
      break;
    case "require-hashes":
      options.requireHashes = true;
      break;
    case "trusted-host":
    case "use-feature":
      break;
    case "hash":
    case "global-option":
    case "config-settings":
      report("warning", `--${option.name} belongs on the same line as a requirement; pip ignores it here.`);
      break;
    case "editable":
      break;
  }
}
