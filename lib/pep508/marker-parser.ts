/**
 * Parses PEP 508 environment markers, accepting exactly what packaging 26.2
 * accepts (its tokenizer and grammar), with our own error messages.
 *
 *   marker     = atom (("and" | "or") atom)*
 *   atom       = "(" marker ")" | comparison
 *   comparison = operand operator operand
 *   operand    = variable | quoted string
 */
import { parseFailure, parsedValue, shorten, type Parsed } from "@/lib/pep440";
import { Cursor, describeProblem, SyntaxProblem, TOKENS } from "./cursor";
import { closestMarkerVariable, MARKER_VARIABLES, suggestBooleanOperator, suggestMarkerOperator } from "./hints";
import type { Marker, MarkerComparison, MarkerOperand, MarkerOperator, MarkerVariable } from "./marker";
import { decodeMarkerString } from "./marker-strings";
import { canonicalizeName } from "./names";

export function parseMarker(text: string): Parsed<Marker> {
  const cursor = new Cursor(text);
  try {
    const marker = readMarker(cursor);
    if (!cursor.atEnd()) failAfterMarker(cursor, "the end of the marker");
    return parsedValue(marker);
  } catch (problem) {
    if (problem instanceof SyntaxProblem) return parseFailure(describeProblem(problem));
    throw problem;
  }
}

// Real markers nest a handful of brackets; the limit keeps hostile input from
// exhausting the stack (Python's parser stops near its recursion limit too).
const MAX_BRACKET_DEPTH = 100;

/** Reads a marker at the cursor; stops before anything that cannot continue it. */
export function readMarker(cursor: Cursor, depth = 0): Marker {
  // Collect atoms and operators at one bracket level, then group by precedence.
  const orGroups: Marker[][] = [[readAtom(cursor, depth)]];
  for (let op = cursor.take(TOKENS.booleanOperator); op !== null; op = cursor.take(TOKENS.booleanOperator)) {
    const atom = readAtom(cursor, depth);
    if (op === "or") orGroups.push([atom]);
    else orGroups[orGroups.length - 1]?.push(atom);
  }
  const conjunctions = orGroups.map((atoms): Marker =>
    atoms.length === 1 && atoms[0] ? atoms[0] : { kind: "and", operands: atoms, parenthesized: false },
  );
  if (conjunctions.length === 1 && conjunctions[0]) return conjunctions[0];
  return { kind: "or", operands: conjunctions, parenthesized: false };
}

/** Explains whatever stops a marker from ending where it should. */
export function failAfterMarker(cursor: Cursor, expectedEnd: string): never {
  const upcoming = cursor.upcoming();
  const hint = suggestBooleanOperator(upcoming);
  if (hint) cursor.fail(hint);
  if (upcoming.startsWith(")")) cursor.fail('Found ")" without a matching "("');
  cursor.fail(`Expected "and", "or" or ${expectedEnd}, found "${upcoming}"`);
}

function readAtom(cursor: Cursor, depth: number): Marker {
  cursor.skipWhitespace();
  let marker: Marker;
  if (cursor.source[cursor.offset] === "(") {
    const open = cursor.offset;
    if (depth >= MAX_BRACKET_DEPTH) cursor.fail(`Brackets are nested more than ${MAX_BRACKET_DEPTH} deep`);
    cursor.takeChar("(");
    cursor.skipWhitespace();
    const inner = readMarker(cursor, depth + 1);
    cursor.skipWhitespace();
    if (!cursor.takeChar(")")) {
      if (cursor.atEnd()) cursor.fail(`Missing ")" to close the "(" at column ${open + 1}`);
      failAfterMarker(cursor, `")" (to close the "(" at column ${open + 1})`);
    }
    marker = inner.kind === "comparison" ? inner : { ...inner, parenthesized: true };
  } else {
    marker = readComparison(cursor);
  }
  cursor.skipWhitespace();
  return marker;
}

function readComparison(cursor: Cursor): MarkerComparison {
  cursor.skipWhitespace();
  const left = readOperand(cursor, null);
  cursor.skipWhitespace();
  const operator = readOperator(cursor, left);
  cursor.skipWhitespace();
  const right = readOperand(cursor, operator);
  return normalizeExtraComparison({ kind: "comparison", left, operator, right });
}

// PEP 685: extra names compare in normalised form. packaging normalises only
// comparisons at the top level of the marker, so `(extra == "Foo_Bar")`
// never matches the requested extra "foo-bar" there; we normalise every
// `extra` comparison, as the PEP requires.
function normalizeExtraComparison(comparison: MarkerComparison): MarkerComparison {
  const { left, right } = comparison;
  if (left.kind === "variable" && left.name === "extra" && right.kind === "value") {
    return { ...comparison, right: { kind: "value", value: canonicalizeName(right.value) } };
  }
  if (right.kind === "variable" && right.name === "extra" && left.kind === "value") {
    return { ...comparison, left: { kind: "value", value: canonicalizeName(left.value) } };
  }
  return comparison;
}

const VARIABLE_ALIASES: Record<string, MarkerVariable> = {
  // PEP 508 keeps the PEP 345 dotted names and `python_implementation` as aliases.
  python_implementation: "platform_python_implementation",
};

function readOperand(cursor: Cursor, after: MarkerOperator | null): MarkerOperand {
  const variable = cursor.take(TOKENS.variable);
  if (variable !== null) {
    const name = variable.replaceAll(".", "_");
    return { kind: "variable", name: VARIABLE_ALIASES[name] ?? (name as MarkerVariable) };
  }
  const start = cursor.offset;
  const quoted = cursor.take(TOKENS.quotedString);
  if (quoted !== null) {
    const decoded = decodeMarkerString(quoted.slice(1, -1));
    if ("error" in decoded) cursor.fail(`Invalid quoted value: ${decoded.error}`, start);
    return { kind: "value", value: decoded.value };
  }
  return failOperand(cursor, after);
}

function failOperand(cursor: Cursor, after: MarkerOperator | null): never {
  const where = after ? ` after "${after}"` : "";
  if (cursor.atEnd()) {
    cursor.fail(`Expected a marker variable (such as python_version) or a quoted value${where}, but the text ends here`);
  }
  const upcoming = cursor.upcoming();
  const quote = upcoming[0];
  if (quote === '"' || quote === "'") cursor.fail(`This quoted value is never closed — add the closing ${quote}`);
  const word = /^[\p{L}\p{N}_.-]+/u.exec(upcoming)?.[0];
  if (word) {
    const variable = closestMarkerVariable(word);
    if (variable && (after === null || !/^[0-9]/.test(word))) {
      cursor.fail(`Unknown marker variable "${shorten(word)}" — did you mean ${variable}?`);
    }
    if (after !== null || /^[0-9]/.test(word)) {
      cursor.fail(`Marker values must be quoted — did you mean "${shorten(word)}"?`);
    }
    cursor.fail(`Unknown marker variable "${shorten(word)}"; the variables are ${MARKER_VARIABLES.join(", ")}`);
  }
  cursor.fail(`Expected a marker variable (such as python_version) or a quoted value${where}, found "${upcoming}"`);
}

function readOperator(cursor: Cursor, left: MarkerOperand): MarkerOperator {
  if (cursor.take(TOKENS.in) !== null) return "in";
  if (cursor.take(TOKENS.not) !== null) {
    if (cursor.take(TOKENS.whitespace) === null) cursor.fail('Expected a space after "not" (as in "not in")');
    if (cursor.take(TOKENS.in) === null) cursor.fail('Expected "in" after "not"');
    return "not in";
  }
  const comparison = cursor.take(TOKENS.comparison);
  if (comparison !== null) return comparison as MarkerOperator;
  const leftText = left.kind === "variable" ? left.name : `"${shorten(left.value)}"`;
  if (cursor.atEnd()) cursor.fail(`Expected a comparison operator after ${leftText}, but the text ends here`);
  const upcoming = cursor.upcoming();
  const suggestion = suggestMarkerOperator(upcoming);
  if (suggestion) cursor.fail(`"${upcoming.split(/\s/)[0]}" is not a marker operator — did you mean ${suggestion}?`);
  cursor.fail(
    `Expected a comparison operator (==, !=, <, <=, >, >=, ~=, ===, in, not in) after ${leftText}, found "${upcoming}"`,
  );
}
