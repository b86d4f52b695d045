/**
 * PEP 508 dependency specifiers ("requirements"): `name[extras] specifier ;
 * marker` or `name[extras] @ url ; marker`. Accepts exactly what packaging
 * 26.2's `Requirement` accepts; error messages are ours and say what to write.
 *
 * packaging 21.3 (pip 23.2.1) also rejected a URL without a scheme and host
 * ("Invalid URL given"); current packaging takes any URL text, as we do.
 */
import {
  describeSpecifierProblem,
  explainInvalidSpecifier,
  parseFailure,
  parsedValue,
  parseSpecifier,
  parseSpecifierSet,
  shorten,
  type Parsed,
  type SpecifierSet,
} from "@/lib/pep440";
import { Cursor, describeProblem, SyntaxProblem, TOKENS } from "./cursor";
import { markerToString, type Marker } from "./marker";
import { failAfterMarker, readMarker } from "./marker-parser";
import { canonicalizeName } from "./names";

export interface Requirement {
  /** The name as written. */
  name: string;
  /** PEP 503 form, for comparing names. */
  normalizedName: string;
  /** Normalised (PEP 685), sorted, without duplicates. */
  extras: string[];
  specifier: SpecifierSet;
  url: string | null;
  marker: Marker | null;
}

export function parseRequirement(text: string): Parsed<Requirement> {
  const cursor = new Cursor(text);
  try {
    return parsedValue(readRequirement(cursor));
  } catch (problem) {
    if (problem instanceof SyntaxProblem) return parseFailure(describeProblem(problem));
    throw problem;
  }
}

/** packaging's `str(Requirement)`, except that extras print normalised. */
export function requirementToString(requirement: Requirement): string {
  let text = requirement.name;
  if (requirement.extras.length > 0) text += `[${requirement.extras.join(",")}]`;
  text += requirement.specifier.text;
  if (requirement.url !== null) text += ` @ ${requirement.url}${requirement.marker ? " " : ""}`;
  if (requirement.marker) text += `; ${markerToString(requirement.marker)}`;
  return text;
}

function readRequirement(cursor: Cursor): Requirement {
  cursor.skipWhitespace();
  const name = cursor.take(TOKENS.identifier) ?? failName(cursor);
  cursor.skipWhitespace();
  const extras = readExtras(cursor);
  cursor.skipWhitespace();

  let url: string | null = null;
  let specifierText = "";
  let marker: Marker | null = null;
  if (cursor.takeChar("@")) {
    cursor.skipWhitespace();
    url = cursor.take(TOKENS.url) ?? cursor.fail(`Expected a URL after "@"`);
    cursor.skipWhitespace();
    // PEP 508: a space must separate the URL from ";", or ";" is part of the URL.
    if (!cursor.atEnd()) marker = readMarkerClause(cursor, () => cursor.fail(`Expected ";" before the environment marker after the URL`));
  } else {
    const start = cursor.offset;
    specifierText = readSpecifiers(cursor, name);
    cursor.skipWhitespace();
    if (!cursor.atEnd()) marker = readMarkerClause(cursor, () => failAfterSpecifier(cursor, name, specifierText, start));
  }
  if (!cursor.atEnd()) failAfterMarker(cursor, "the end of the requirement");

  const specifier = parseSpecifierSet(specifierText);
  // The tokenizer only accepts valid clauses, so this cannot fail; keep the check honest.
  if (!specifier.ok) cursor.fail(specifier.error);
  return {
    name,
    normalizedName: canonicalizeName(name),
    extras: [...new Set(extras.map(canonicalizeName))].sort(),
    specifier: specifier.value,
    url,
    marker,
  };
}

function readMarkerClause(cursor: Cursor, failWithoutSemicolon: () => never): Marker {
  if (!cursor.takeChar(";")) failWithoutSemicolon();
  cursor.skipWhitespace();
  if (cursor.atEnd()) cursor.fail(`Expected an environment marker after ";", such as python_version >= "3.9"`);
  const marker = readMarker(cursor);
  cursor.skipWhitespace();
  return marker;
}

function failName(cursor: Cursor): never {
  const rest = cursor.source.slice(cursor.offset).trim();
  if (rest === "") cursor.fail("Expected a package name, but the requirement is empty");
  if (rest.startsWith("-")) {
    cursor.fail(`"${shorten(rest.split(/\s/)[0] ?? "")}" is a pip option, not a requirement; options belong on their own line in a requirements file`);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    cursor.fail(`A requirement starts with the package name; for a URL write "name @ ${shorten(rest.split(/\s/)[0] ?? "")}"`);
  }
  if (/^(?:\.{1,2}[\\/]|[\\/]|~\/|\.$)/.test(rest)) {
    cursor.fail(`A requirement starts with the package name; a local path needs a requirements file, or "name @ file:///absolute/path"`);
  }
  const first = [...rest][0] ?? "";
  if (/[\p{L}\p{N}]/u.test(first) || /^[\p{L}\p{N}._-]+/u.test(rest)) {
    cursor.fail(`"${shorten(rest.split(/[\s[(;@<>=!~]/)[0] ?? "")}" is not a valid package name: use ASCII letters, digits, ".", "_" and "-", starting and ending with a letter or digit`);
  }
  cursor.fail(`Expected a package name at the start, found "${cursor.upcoming()}"`);
}

function readExtras(cursor: Cursor): string[] {
  if (cursor.source[cursor.offset] !== "[") return [];
  const open = cursor.offset;
  cursor.takeChar("[");
  cursor.skipWhitespace();
  const extras: string[] = [];
  const first = cursor.take(TOKENS.identifier);
  if (first !== null) {
    extras.push(first);
    for (;;) {
      cursor.skipWhitespace();
      if (cursor.peek(TOKENS.identifier) !== null) cursor.fail(`Expected "," between extra names`);
      if (!cursor.takeChar(",")) break;
      cursor.skipWhitespace();
      extras.push(cursor.take(TOKENS.identifier) ?? cursor.fail(`Expected an extra name after ","`));
    }
  }
  cursor.skipWhitespace();
  if (!cursor.takeChar("]")) {
    if (cursor.atEnd()) cursor.fail(`Missing "]" to close the extras list opened at column ${open + 1}`);
    cursor.fail(`Unexpected "${cursor.upcoming()}" in the extras list; extras are names separated by commas, closed by "]"`);
  }
  return extras;
}

/** Reads `>=1,<2` or `(>=1,<2)`; returns the clauses' text ("" when there are none). */
function readSpecifiers(cursor: Cursor, name: string): string {
  if (cursor.source[cursor.offset] !== "(") return readSpecifierList(cursor, name);
  const open = cursor.offset;
  cursor.takeChar("(");
  cursor.skipWhitespace();
  const text = readSpecifierList(cursor, name);
  cursor.skipWhitespace();
  if (!cursor.takeChar(")")) {
    if (cursor.atEnd()) cursor.fail(`Missing ")" to close the "(" at column ${open + 1}`);
    failAfterSpecifier(cursor, name, text, open + 1);
  }
  return text;
}

function readSpecifierList(cursor: Cursor, name: string): string {
  let text = "";
  for (let clause = cursor.take(TOKENS.specifier); clause !== null; clause = cursor.take(TOKENS.specifier)) {
    const clauseStart = cursor.offset - clause.length;
    text += clause;
    if (cursor.peek(TOKENS.wildcardTail) !== null) {
      cursor.fail(`"${shorten(clause)}.*": a ".*" wildcard only works with == and !=`, clauseStart);
    }
    const local = cursor.peek(TOKENS.localLabelTail);
    if (local !== null) {
      cursor.fail(`"${shorten(clause + local)}": a local version label only works with == and !=`, clauseStart);
    }
    cursor.skipWhitespace();
    if (!cursor.takeChar(",")) break;
    text += ",";
    cursor.skipWhitespace();
  }
  if (text.endsWith(",") && cursor.source[cursor.offset] !== undefined && !/[;)]/.test(cursor.source[cursor.offset] ?? "")) {
    failClause(cursor, name, text);
  }
  return text;
}

/** Something other than ",", ";", ")" or the end follows the specifiers. */
function failAfterSpecifier(cursor: Cursor, name: string, specifierText: string, start: number): never {
  const upcoming = cursor.upcoming();
  const glued = cursor.offset > start && !/\s/.test(cursor.source[cursor.offset - 1] ?? "");
  if (specifierText === "" || specifierText.endsWith(",") || (glued && /^[^,;)\s]/.test(upcoming))) {
    failClause(cursor, name, specifierText);
  }
  if (/^[<>=!~]/.test(upcoming)) {
    const next = /^[^,;)]*/.exec(upcoming)?.[0]?.trim() ?? upcoming;
    cursor.fail(`Expected "," before "${shorten(next)}" to add another version specifier`);
  }
  if (/^["']|^(?:python_|platform_|sys_platform|os_name|implementation_|extra\b)/.test(upcoming)) {
    cursor.fail(`Expected ";" before the environment marker "${upcoming}"`);
  }
  cursor.fail(`Expected ",", ";" or the end after "${shorten(name + specifierText)}", found "${upcoming}"`);
}

/** The clause starting at (or just before) the cursor is malformed: say why, via lib/pep440. */
function failClause(cursor: Cursor, name: string, specifierText: string): never {
  const clauseStart = specifierText.endsWith(",") || specifierText === "" ? cursor.offset : lastClauseStart(cursor, specifierText);
  // The operator, spaces allowed after it, then the version up to a space or separator.
  const clause = /^[<>=!~^]*\s*[^,;)\s]*/.exec(cursor.source.slice(clauseStart))?.[0] ?? "";
  if (clause === "") cursor.fail(`Expected another version specifier after ","`, clauseStart);
  if (specifierText === "" && !/^[<>=!~^*0-9vV]/.test(clause)) {
    const upcoming = cursor.upcoming();
    const whole = cursor.source.trimStart();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(whole)) {
      cursor.fail(`A requirement starts with the package name; for a URL write "name @ ${shorten(whole.split(/\s/)[0] ?? "")}"`, 0);
    }
    if (/^[-_.]/.test(upcoming)) {
      cursor.fail(`A package name must end with a letter or digit; "${shorten(name)}${upcoming[0]}" does not`);
    }
    if (/^["']|^(?:python_|platform_|sys_platform|os_name|implementation_|extra\b)/.test(upcoming)) {
      cursor.fail(`Expected ";" before the environment marker "${upcoming}"`);
    }
    cursor.fail(`Expected a version specifier, ";" or the end after "${shorten(name)}", found "${upcoming}"`);
  }
  const reason = parseSpecifier(clause).ok
    ? "it cannot be followed by what comes next"
    : describeSpecifierProblem(explainInvalidSpecifier(clause));
  cursor.fail(`Expected a version specifier after "${shorten(name)}", found "${shorten(clause)}": ${reason}`, clauseStart);
}

function lastClauseStart(cursor: Cursor, specifierText: string): number {
  const lastClause = specifierText.slice(specifierText.lastIndexOf(",") + 1);
  return cursor.source.lastIndexOf(lastClause.trimStart(), cursor.offset);
}
