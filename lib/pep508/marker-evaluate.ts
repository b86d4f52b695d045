/**
 * Evaluates a marker for a target environment (a Docker image, never the
 * machine running Basewise), with packaging 26.2's `Marker.evaluate` rules.
 */
import {
  parseFailure,
  parsedValue,
  parseSpecifier,
  parseVersion,
  specifierMatches,
  type Parsed,
  type Specifier,
} from "@/lib/pep440";
import { markerToString, type Marker, type MarkerComparison, type MarkerOperator } from "./marker";
import { canonicalizeName } from "./names";

export interface MarkerEnvironment {
  python_version: string;
  python_full_version: string;
  implementation_name: string;
  implementation_version: string;
  platform_python_implementation: string;
  sys_platform: string;
  platform_system: string;
  platform_machine: string;
  platform_release: string;
  platform_version: string;
  os_name: string;
  extra?: string;
}

/** A comparison packaging cannot evaluate (it raises UndefinedComparison or a KeyError). */
export class MarkerEvaluationError extends Error {}

const ENVIRONMENT_KEYS = new Set<string>([
  "python_version",
  "python_full_version",
  "implementation_name",
  "implementation_version",
  "platform_python_implementation",
  "sys_platform",
  "platform_system",
  "platform_machine",
  "platform_release",
  "platform_version",
  "os_name",
]);

// packaging's MARKERS_REQUIRING_VERSION: only these compare as PEP 440
// versions; every other variable compares as a plain string.
const VERSION_KEYS = new Set<string>([
  "implementation_version",
  "platform_release",
  "python_full_version",
  "python_version",
]);

/**
 * `extra == "x"` is true when any of `extras` (normalised) is "x", the way pip
 * evaluates a dependency's marker once per requested extra. With `extras`
 * omitted, `env.extra` is used; with neither, extra is "" (packaging's
 * "metadata" context). Throws MarkerEvaluationError where packaging raises.
 */
export function evaluateMarker(marker: Marker, env: MarkerEnvironment, extras?: readonly string[]): boolean {
  if (extras === undefined) return evaluateNode(marker, env, env.extra ?? "");
  if (extras.length === 0) return evaluateNode(marker, env, "");
  return extras.some((extra) => evaluateNode(marker, env, extra));
}

/** evaluateMarker, with a failure as a value for the report instead of an exception. */
export function tryEvaluateMarker(
  marker: Marker,
  env: MarkerEnvironment,
  extras?: readonly string[],
): Parsed<boolean> {
  try {
    return parsedValue(evaluateMarker(marker, env, extras));
  } catch (error) {
    if (error instanceof MarkerEvaluationError) return parseFailure(error.message);
    throw error;
  }
}

function evaluateNode(marker: Marker, env: MarkerEnvironment, extra: string): boolean {
  if (marker.kind === "comparison") return evaluateComparison(marker, env, extra);
  // Every operand is evaluated, as packaging does, so an undefined comparison
  // fails the same way whatever sits before it.
  const results = marker.operands.map((operand) => evaluateNode(operand, env, extra));
  return marker.kind === "and" ? results.every(Boolean) : results.some(Boolean);
}

function evaluateComparison(comparison: MarkerComparison, env: MarkerEnvironment, extra: string): boolean {
  const { left, operator, right } = comparison;
  // packaging looks up whichever side is a variable (the left one if both
  // are); the other side is taken literally, even a variable's name.
  let key: string;
  let lhs: string;
  let rhs: string;
  if (left.kind === "variable") {
    key = left.name;
    lhs = lookUp(key, env, extra, comparison);
    rhs = right.kind === "value" ? right.value : right.name;
  } else {
    key = right.kind === "variable" ? right.name : right.value;
    lhs = left.value;
    rhs = lookUp(key, env, extra, comparison);
  }
  return compare(lhs, operator, rhs, key, comparison);
}

function lookUp(key: string, env: MarkerEnvironment, extra: string, comparison: MarkerComparison): string {
  if (key === "extra") return extra ? canonicalizeName(extra) : "";
  if (key === "python_full_version") {
    // packaging: non-tagged CPython builds report "3.12.1+"; "+local" keeps it PEP 440.
    return env.python_full_version.endsWith("+") ? `${env.python_full_version}local` : env.python_full_version;
  }
  if (ENVIRONMENT_KEYS.has(key)) return env[key as keyof MarkerEnvironment] ?? "";
  const why =
    key === "extras" || key === "dependency_groups"
      ? `"${key}" is only defined when evaluating lock files (PEP 751)`
      : `"${key}" is not a marker variable`;
  throw new MarkerEvaluationError(`Cannot evaluate ${markerToString(comparison)}: ${why}`);
}

function compare(lhs: string, operator: MarkerOperator, rhs: string, key: string, comparison: MarkerComparison): boolean {
  if (VERSION_KEYS.has(key) && operator !== "in" && operator !== "not in") {
    const specifier = parseSpecifier(operator + rhs);
    if (specifier.ok) return specifierAdmits(specifier.value, lhs);
  }
  switch (operator) {
    case "in":
      return rhs.includes(lhs);
    case "not in":
      return !rhs.includes(lhs);
    // Plain strings have no order (dependency-specifiers spec as revised in
    // 2026, pypa/packaging.python.org#1988; packaging 26.x): <= and >= mean
    // equality and < and > are never true. packaging 21.3 compared the strings.
    case "==":
    case "<=":
    case ">=":
      return lhs === rhs;
    case "!=":
      return lhs !== rhs;
    case "<":
    case ">":
      return false;
    case "~=":
    case "===":
      throw new MarkerEvaluationError(
        `Cannot evaluate ${markerToString(comparison)}: "${operator}" compares versions, ` +
          `and "${operator}${rhs}" is not a version comparison that applies here`,
      );
  }
}

// packaging: `Specifier(op + rhs).contains(lhs, prereleases=True)`, so a
// pre-release interpreter (3.13.0rc1) still satisfies python_full_version >= "3.8".
function specifierAdmits(specifier: Specifier, lhs: string): boolean {
  const version = parseVersion(lhs);
  if (version) return specifierMatches(specifier, version, lhs);
  return specifier.operator === "===" && specifier.version.toLowerCase() === lhs.toLowerCase();
}
