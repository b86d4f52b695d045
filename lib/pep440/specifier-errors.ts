/**
 * Plain-English reasons for an invalid specifier clause, with a suggestion
 * where the mistake is a common one (npm/Poetry habits, "=" for "==", a
 * missing operator). Only called once a clause has already been rejected.
 */
import { splitOperator } from "./operators";
import { parseVersion } from "./version";

export interface SpecifierProblem {
  /** What is wrong, without repeating the clause ("~= needs at least two release numbers"). */
  readonly problem: string;
  /** A corrected clause, when we can guess one. */
  readonly suggestion: string | null;
}

/** `<problem> — did you mean "<suggestion>"?` */
export function describeSpecifierProblem({ problem, suggestion }: SpecifierProblem): string {
  return suggestion === null ? problem : `${problem} — did you mean "${suggestion}"?`;
}

// Operators people type from other ecosystems, and the PEP 440 spelling.
const MISTYPED_OPERATORS: readonly [string, string][] = [
  ["=>", ">="],
  ["=<", "<="],
  ["<>", "!="],
  ["~>", "~="],
  ["=", "=="],
  ["~", "~="],
];

const problem = (text: string, suggestion: string | null = null): SpecifierProblem => ({
  problem: text,
  suggestion,
});

export function explainInvalidSpecifier(clause: string): SpecifierProblem {
  if (clause === "") return problem('the clause is empty; expected something like ">=1.0"');
  // Explanations quote parts of the clause; do not echo pasted walls of text.
  if (clause.length > 80) return problem("this is not a valid version specifier");
  // "<>" and "~>" start with a real operator ("<", "~"), so catch them first.
  if (/^(?:<>|~>)/.test(clause)) return explainMissingOperator(clause);
  const split = splitOperator(clause);
  if (!split) return explainMissingOperator(clause);
  const { operator, rest } = split;
  if (rest === "") return problem(`there is no version after "${operator}"`);
  if (operator === "===") return problem('the version after "===" cannot contain spaces, ";" or ")"');
  if (rest.endsWith(".*")) return explainWildcard(operator, rest);
  if (rest.includes("*")) {
    return problem('"*" is only allowed as a final ".*" after release numbers, as in "==1.2.*"');
  }
  const parsed = parseVersion(rest);
  if (!parsed) return explainInvalidVersion(operator, rest);
  if (parsed.local !== null) {
    return problem(`a local version label ("+${parsed.local.join(".")}") only works with == and !=`);
  }
  if (operator === "~=") {
    return problem(`~= needs at least two release numbers (~=${rest}.0 means >=${rest}.0, ==${rest}.*)`, `~=${rest}.0`);
  }
  return problem("this is not a valid version specifier");
}

function explainMissingOperator(clause: string): SpecifierProblem {
  for (const [typed, meant] of MISTYPED_OPERATORS) {
    if (clause.startsWith(typed) && !clause.startsWith(`${typed}=`)) {
      const rest = clause.slice(typed.length).trim();
      if (parseVersion(rest) || (meant === "==" && /^v?[0-9][0-9.]*\.\*$/i.test(rest))) {
        return problem(`PEP 440 has no "${typed}" operator`, `${meant}${rest}`);
      }
      const version = rest === "" ? "no version follows" : `"${rest}" is not a valid version`;
      return problem(`PEP 440 has no "${typed}" operator (use "${meant}"), and ${version}`);
    }
  }
  if (clause.startsWith("^")) return explainCaret(clause);
  if (clause === "*" || clause === "latest") {
    return problem("this is not a version specifier; leave the specifier out to allow any version");
  }
  if (parseVersion(clause)) return problem("there is no comparison operator", `==${clause}`);
  if (/^v?[0-9]/i.test(clause)) return problem(`there is no comparison operator, and "${clause}" is not a valid version`);
  return problem("a specifier starts with a comparison operator (==, !=, <=, >=, <, >, ~= or ===)");
}

// npm/Poetry caret: ^1.2 means >=1.2,<2 and ^0.2 means >=0.2,<0.3.
function explainCaret(clause: string): SpecifierProblem {
  const version = parseVersion(clause.slice(1));
  const release = version?.release.map(Number) ?? [];
  const firstNonZero = release.findIndex((n) => n !== 0);
  if (!version || firstNonZero === -1) return problem('PEP 440 has no "^" operator; use ">=" with "<", or "~="');
  const upper = [...release.slice(0, firstNonZero), (release[firstNonZero] ?? 0) + 1].join(".");
  return problem('PEP 440 has no "^" operator', `>=${clause.slice(1)},<${upper}`);
}

function explainWildcard(operator: string, rest: string): SpecifierProblem {
  const base = rest.slice(0, -2);
  if (operator !== "==" && operator !== "!=") {
    // "~=1.*" most likely means "any 1.x", which is "==1.*" (or "~=1.0").
    const meant = operator === "~=" && !base.includes(".") ? `==${rest}` : `${operator}${base}`;
    return problem('a ".*" wildcard only works with == and !=', meant);
  }
  const parsed = parseVersion(base);
  if (parsed && (parsed.pre || parsed.post !== null || parsed.dev !== null || parsed.local)) {
    return problem('".*" can only follow plain release numbers', `${operator}${parsed.release.join(".")}.*`);
  }
  return problem(`"${base}" is not a valid release number before ".*"`);
}

function explainInvalidVersion(operator: string, rest: string): SpecifierProblem {
  // "1.x" / "1.2.X" are Poetry/npm wildcards.
  const xWildcard = /^(v?[0-9]+(?:\.[0-9]+)*)\.[xX]$/.exec(rest);
  if (xWildcard) {
    const wildcardAllowed = operator === "==" || operator === "!=";
    return problem(`"${rest}" is not a PEP 440 version`, `${operator}${xWildcard[1]}${wildcardAllowed ? ".*" : ""}`);
  }
  if (rest.includes(";")) {
    return problem('";" starts an environment marker, which belongs in a requirement; separate version specifiers with ","');
  }
  return problem(`"${rest}" is not a valid PEP 440 version`);
}
